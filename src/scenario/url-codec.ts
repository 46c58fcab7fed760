import { FIELD_RULES, SCENARIO_FIELDS } from './fields';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { migrate, URL_VERSION } from './migrations';

/** Keys of the query string that are not scenario fields (view settings and embeds). */
export const VIEW_KEYS = ['v', 'lang', 'units', 'embed', 'theme'] as const;

export interface DecodedUrl {
  scenario: Scenario;
  /** Keys present in the URL whose values could not be read (they fell back to defaults). */
  ignored: string[];
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Scenario → query string (without '?'): one short key per field that differs from its default,
 * in the table's order, plus the version key. Pure and deterministic.
 */
export function encodeScenario(scenario: Scenario): string {
  const params = new URLSearchParams();
  params.set('v', String(URL_VERSION));
  for (const field of SCENARIO_FIELDS) {
    const value = scenario[field];
    if (sameValue(value, DEFAULT_SCENARIO[field])) continue;
    if (field === 'customConfig' && scenario.model !== 'custom') continue;
    if (field === 'modelFile' && scenario.model !== 'file') continue;
    const rule = FIELD_RULES[field] as { key: string; write: (v: unknown) => string };
    params.set(rule.key, rule.write(value));
  }
  return params.toString();
}

/**
 * Query string → scenario. Never throws: migrates old versions, then reads each field by its rule;
 * an unreadable value keeps the default and its key is reported; unknown keys are ignored.
 */
export function decodeScenario(query: string): DecodedUrl {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  } catch {
    return { scenario: { ...DEFAULT_SCENARIO }, ignored: [] };
  }
  const migrated = migrate(params);
  const scenario: Record<string, unknown> = { ...DEFAULT_SCENARIO };
  const ignored: string[] = [...migrated.ignored];
  for (const field of SCENARIO_FIELDS) {
    const rule = FIELD_RULES[field] as { key: string; read: (raw: string) => unknown };
    const raw = migrated.params.get(rule.key);
    if (raw === null) continue;
    let value: unknown;
    try {
      value = rule.read(raw);
    } catch {
      value = undefined;
    }
    if (value === undefined) ignored.push(rule.key);
    else scenario[field] = value;
  }
  if ((scenario.model === 'custom' && scenario.customConfig === null) || (scenario.model === 'file' && scenario.modelFile === null)) {
    scenario.model = DEFAULT_SCENARIO.model;
    if (!ignored.includes('m')) ignored.push('m');
  }
  return { scenario: scenario as unknown as Scenario, ignored };
}
