import { FIELD_RULES, SCENARIO_FIELDS, sanitizeConfig, writeNumber } from './fields';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';

export interface ScenarioIssue {
  field: keyof Scenario;
  reason: 'unreadable' | 'clamped';
}

export interface ValidatedScenario {
  scenario: Scenario;
  issues: ScenarioIssue[];
}

/**
 * Turns any JS value of a field into the text its rule reads (the URL form). A value of the wrong
 * type gives undefined (unreadable): booleans only for the boolean fields, objects (not arrays)
 * only for the object fields (overrides, customGpu).
 */
function toRaw(field: keyof Scenario, value: unknown): string | undefined {
  const fieldDefault: unknown = DEFAULT_SCENARIO[field];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? writeNumber(value) : undefined;
  if (typeof value === 'boolean') return typeof fieldDefault === 'boolean' ? (value ? '1' : '0') : undefined;
  if (value === null) return field === 'customConfig' ? undefined : 'auto';
  if (typeof value === 'object' && !Array.isArray(value) && typeof fieldDefault === 'object' && fieldDefault !== null) {
    const rule = FIELD_RULES[field] as { write: (v: unknown) => unknown };
    const written = rule.write(value);
    return typeof written === 'string' ? written : undefined;
  }
  return undefined;
}

/** An object field (overrides, customGpu) whose read value differs from the given object at a kept key. */
function objectChanged(read: object, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const given = value as Record<string, unknown>;
  return Object.entries(read).some(([key, kept]) => given[key] !== kept);
}

/**
 * Validates a scenario-shaped value from anywhere (a store patch, localStorage, a test): each field
 * goes through the same rule as the URL, so an unreadable field falls back to its default and a
 * value outside its range is clamped; every such field is reported. Never throws.
 */
export function validateScenario(input: unknown): ValidatedScenario {
  const source = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const scenario: Record<string, unknown> = { ...DEFAULT_SCENARIO };
  const issues: ScenarioIssue[] = [];
  for (const field of SCENARIO_FIELDS) {
    // Own fields only (nothing through the prototype chain); a getter or proxy that throws makes
    // the field unreadable, never the call.
    try {
      if (!Object.prototype.hasOwnProperty.call(source, field)) continue;
      const value = source[field];
      if (field === 'customConfig') {
        if (value === null) scenario.customConfig = null;
        else {
          const clean = sanitizeConfig(value);
          if (clean) scenario.customConfig = clean;
          else issues.push({ field, reason: 'unreadable' });
        }
        continue;
      }
      const raw = toRaw(field, value);
      const read = raw === undefined ? undefined : (FIELD_RULES[field].read as (r: string) => unknown)(raw);
      if (read === undefined) {
        issues.push({ field, reason: 'unreadable' });
        continue;
      }
      if (typeof read === 'number' ? read !== value : typeof read === 'object' && read !== null && objectChanged(read, value)) {
        issues.push({ field, reason: 'clamped' });
      }
      scenario[field] = read;
    } catch {
      issues.push({ field, reason: 'unreadable' });
    }
  }
  if (scenario.model === 'custom' && scenario.customConfig === null) {
    scenario.model = DEFAULT_SCENARIO.model;
    issues.push({ field: 'customConfig', reason: 'unreadable' });
  }
  return { scenario: scenario as unknown as Scenario, issues };
}

/**
 * Applies a patch to a valid scenario: only the patched fields are validated, every other field
 * keeps its value (and its identity, so memoized results keyed on it stay valid). Returns
 * `current` itself when the patch changes nothing.
 */
export function applyPatch(current: Scenario, patch: Partial<Scenario>): Scenario {
  const keys = Object.keys(patch) as (keyof Scenario)[];
  if (keys.every((key) => current[key] === patch[key])) return current;
  const { scenario: validated } = validateScenario({ ...current, ...patch });
  const next: Record<string, unknown> = { ...current };
  let changed = false;
  for (const key of keys) {
    const value = validated[key];
    if (value !== current[key] && JSON.stringify(value) !== JSON.stringify(current[key])) {
      next[key] = value;
      changed = true;
    }
  }
  // Switching away from an imported config drops it (validateScenario may have replaced the model).
  if (validated.model !== current.model && !keys.includes('model')) {
    next.model = validated.model;
    changed = true;
  }
  return changed ? (next as unknown as Scenario) : current;
}
