import { CUSTOM_GPU_SHORT, FIELD_RULES, SCENARIO_FIELDS } from './fields';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { migrate, URL_VERSION } from './migrations';

/** Keys of the query string that are not scenario fields (view settings and embeds). */
export const VIEW_KEYS = ['v', 'lang', 'units', 'embed', 'theme'] as const;

/**
 * One value of a link that the page does not show as written: below its range (`low`, raised to
 * the smallest), above it (`high`, lowered to the largest), not a whole number where one is needed
 * (`rounded`), or not readable at all (`unreadable`, the default is used). The page names each in
 * words with the old and the new value (`app/link-notice`), and rewrites the address bar.
 */
export interface UrlChange {
  /** The scenario field, or a view key (`lang`, `units`, `embed`, `theme`, `v`). */
  field: keyof Scenario | (typeof VIEW_KEYS)[number];
  /** Its key in the URL. */
  key: string;
  /** For an object field (`arch`, `cg`): the part that changed (`hidden`, `memoryBytes`, …). */
  part?: string;
  /** The text the link gave, cut to 60 characters. */
  given: string;
  /** The number the link gave, when it was one. */
  givenNumber?: number;
  /** The value the page uses instead (the default when unreadable). */
  value: unknown;
  reason: 'low' | 'high' | 'rounded' | 'unreadable';
}

export interface DecodedUrl {
  scenario: Scenario;
  /** Keys present in the URL whose values could not be read (they fell back to defaults). */
  ignored: string[];
  /** Every value that could not be read or had to be changed, with the old and new value. */
  changes: UrlChange[];
}

/** A number as a link writes it (plain or 1e11-style), or undefined. */
function linkNumber(text: string): number | undefined {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text.trim())) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Why a number read from a link became `used`: below or above its range, or rounded. */
function numberReason(given: number, used: number): UrlChange['reason'] | null {
  if (given === used) return null;
  if (Math.abs(given - used) < 1 && Math.round(given) === used) return 'rounded';
  return given < used ? 'low' : 'high';
}

/** Text of a link value for a notice: at most 60 characters, without control or bidi characters. */
export function shownText(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  return clean.length > 60 ? `${clean.slice(0, 59)}…` : clean;
}

const CUSTOM_GPU_LONG: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(CUSTOM_GPU_SHORT).map(([long, short]) => [short, long]));

/** The changes inside an object field (`arch`, `cg`): each part whose number was clamped or rounded. */
function partChanges(field: 'overrides' | 'customGpu', key: string, raw: string, value: Record<string, unknown>): UrlChange[] {
  const changes: UrlChange[] = [];
  for (const piece of raw.split(',')) {
    const [name, text] = piece.split(':');
    if (!name || text === undefined) continue;
    const part = field === 'customGpu' ? CUSTOM_GPU_LONG[name] : name;
    const given = linkNumber(text);
    const used = part === undefined ? undefined : value[part];
    if (part === undefined || given === undefined || typeof used !== 'number') continue;
    const reason = numberReason(given, used);
    if (reason) changes.push({ field, key, part, given: shownText(text), givenNumber: given, value: used, reason });
  }
  return changes;
}

/** What changed between a field's link text and the value read from it. */
function fieldChanges(field: keyof Scenario, key: string, raw: string, value: unknown): UrlChange[] {
  if (field === 'overrides' || field === 'customGpu') return partChanges(field, key, raw, value as Record<string, unknown>);
  if (typeof value !== 'number') return [];
  const given = linkNumber(raw);
  if (given === undefined) return [];
  const reason = numberReason(given, value);
  return reason ? [{ field, key, given: shownText(raw), givenNumber: given, value, reason }] : [];
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
    return { scenario: { ...DEFAULT_SCENARIO }, ignored: [], changes: [] };
  }
  const migrated = migrate(params);
  const scenario: Record<string, unknown> = { ...DEFAULT_SCENARIO };
  const ignored: string[] = [...migrated.ignored];
  const changes: UrlChange[] = migrated.ignored.map((key) => ({
    field: 'v',
    key,
    given: shownText(params.get(key) ?? ''),
    value: URL_VERSION,
    reason: 'unreadable',
  }));
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
    if (value === undefined) {
      ignored.push(rule.key);
      changes.push({ field, key: rule.key, given: shownText(raw), value: DEFAULT_SCENARIO[field], reason: 'unreadable' });
    } else {
      scenario[field] = value;
      changes.push(...fieldChanges(field, rule.key, raw, value));
    }
  }
  if ((scenario.model === 'custom' && scenario.customConfig === null) || (scenario.model === 'file' && scenario.modelFile === null)) {
    scenario.model = DEFAULT_SCENARIO.model;
    if (!ignored.includes('m')) ignored.push('m');
    changes.push({ field: 'model', key: 'm', given: 'custom', value: DEFAULT_SCENARIO.model, reason: 'unreadable' });
  }
  return { scenario: scenario as unknown as Scenario, ignored, changes };
}
