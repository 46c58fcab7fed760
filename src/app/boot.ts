import { decodeScenario } from '../scenario/url-codec';
import type { Scenario } from '../scenario/scenario';
import { langFromNavigator, type Lang } from '../i18n/i18n';
import type { UnitSystem } from '../i18n/format';

/** Everything the page reads from its URL once, at start. */
export interface Boot {
  scenario: Scenario;
  ignored: string[];
  lang: Lang;
  units: UnitSystem;
  /** `?embed=<id>`: the chart or table to show alone, or null for the full explorer. */
  embed: string | null;
}

export function readBoot(search: string, languages: readonly string[] | undefined): Boot {
  const decoded = decodeScenario(search);
  const params = new URLSearchParams(search);
  const ignored = [...decoded.ignored];
  const rawLang = params.get('lang');
  let lang: Lang = langFromNavigator(languages);
  if (rawLang === 'zh' || rawLang === 'en') lang = rawLang;
  else if (rawLang !== null) ignored.push('lang');
  const rawUnits = params.get('units');
  let units: UnitSystem = 'si';
  if (rawUnits === 'iec' || rawUnits === 'si') units = rawUnits;
  else if (rawUnits !== null) ignored.push('units');
  const rawEmbed = params.get('embed');
  const embed = rawEmbed !== null && /^[a-z-]{1,40}$/.test(rawEmbed) ? rawEmbed : null;
  if (rawEmbed !== null && embed === null) ignored.push('embed');
  return { scenario: decoded.scenario, ignored, lang, units, embed };
}
