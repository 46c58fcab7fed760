import { decodeScenario, shownText, type UrlChange } from '../scenario/url-codec';
import type { Scenario } from '../scenario/scenario';
import { langFromNavigator, type Lang } from '../i18n/i18n';
import type { UnitSystem } from '../i18n/format';

/** `?theme=`: light, dark, or `auto` (the reader's `prefers-color-scheme`, the default). */
export type Theme = 'light' | 'dark' | 'auto';

/** Everything the page reads from its URL once, at start. */
export interface Boot {
  scenario: Scenario;
  ignored: string[];
  /** Every value of the link the page does not show as written (old and new value). */
  changes: UrlChange[];
  lang: Lang;
  units: UnitSystem;
  theme: Theme;
  /** `?embed=<id>`: the chart or table to show alone, or null for the full explorer. */
  embed: string | null;
}

export function readBoot(search: string, languages: readonly string[] | undefined): Boot {
  const decoded = decodeScenario(search);
  const params = new URLSearchParams(search);
  const ignored = [...decoded.ignored];
  const changes = [...decoded.changes];
  const unreadable = (field: 'lang' | 'units' | 'embed' | 'theme', given: string, value: unknown) => {
    ignored.push(field);
    changes.push({ field, key: field, given: shownText(given), value, reason: 'unreadable' });
  };
  const rawLang = params.get('lang');
  let lang: Lang = langFromNavigator(languages);
  if (rawLang === 'zh' || rawLang === 'en') lang = rawLang;
  else if (rawLang !== null) unreadable('lang', rawLang, lang);
  const rawUnits = params.get('units');
  let units: UnitSystem = 'si';
  if (rawUnits === 'iec' || rawUnits === 'si') units = rawUnits;
  else if (rawUnits !== null) unreadable('units', rawUnits, units);
  const rawTheme = params.get('theme');
  let theme: Theme = 'auto';
  if (rawTheme === 'light' || rawTheme === 'dark' || rawTheme === 'auto') theme = rawTheme;
  else if (rawTheme !== null) unreadable('theme', rawTheme, theme);
  const rawEmbed = params.get('embed');
  const embed = rawEmbed !== null && /^[a-z-]{1,40}$/.test(rawEmbed) ? rawEmbed : null;
  if (rawEmbed !== null && embed === null) unreadable('embed', rawEmbed, null);
  return { scenario: decoded.scenario, ignored, changes, lang, units, theme, embed };
}
