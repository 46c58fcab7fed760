import { FIELD_RULES, SCENARIO_FIELDS } from './fields';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';

export interface ScenarioIssue {
  field: keyof Scenario;
  reason: 'unreadable' | 'clamped';
}

export interface ValidatedScenario {
  scenario: Scenario;
  issues: ScenarioIssue[];
}

/** An object field (overrides, customGpu) whose checked value differs from the given object at a kept key. */
function objectChanged(checked: object, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const given = value as Record<string, unknown>;
  return Object.entries(checked).some(([key, kept]) => given[key] !== kept);
}

interface CheckedField {
  /** The valid value; the field's default when the given value is unreadable. */
  value: unknown;
  reason: ScenarioIssue['reason'] | null;
}

/**
 * One field's JS value through its rule's `check` (numbers clamped directly, ids against their
 * tables, objects field by field): unreadable → the default; a number or object field whose value
 * had to change → clamped. An imported config is cleaned, never reported as clamped.
 */
function checkField(field: keyof Scenario, value: unknown): CheckedField {
  let checked: unknown;
  try {
    checked = (FIELD_RULES[field].check as (v: unknown) => unknown)(value);
  } catch {
    checked = undefined;
  }
  if (checked === undefined) return { value: DEFAULT_SCENARIO[field], reason: 'unreadable' };
  const clamped =
    field !== 'customConfig' &&
    field !== 'modelFile' &&
    (typeof checked === 'number' ? checked !== value : typeof checked === 'object' && checked !== null && objectChanged(checked, value));
  return { value: checked, reason: clamped ? 'clamped' : null };
}

/** An imported model needs its config: without one the default model stands in. */
function needsDefaultModel(scenario: Pick<Scenario, 'model' | 'customConfig' | 'modelFile'>): boolean {
  return (scenario.model === 'custom' && scenario.customConfig === null) || (scenario.model === 'file' && scenario.modelFile === null);
}

/**
 * Validates a scenario-shaped value from anywhere (a store patch, localStorage, a test): each field
 * goes through its rule's `check`, which agrees with what the URL would read, so an unreadable
 * field falls back to its default and a value outside its range is clamped; every such field is
 * reported. Never throws.
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
      const checked = checkField(field, source[field]);
      if (checked.reason !== null) issues.push({ field, reason: checked.reason });
      if (checked.reason !== 'unreadable') scenario[field] = checked.value;
    } catch {
      issues.push({ field, reason: 'unreadable' });
    }
  }
  if (needsDefaultModel(scenario as unknown as Scenario)) {
    issues.push({ field: scenario.model === 'file' ? 'modelFile' : 'customConfig', reason: 'unreadable' });
    scenario.model = DEFAULT_SCENARIO.model;
  }
  return { scenario: scenario as unknown as Scenario, issues };
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies a patch to a valid scenario: only the patched fields are checked (one slider step checks
 * one number), every other field keeps its value (and its identity, so memoized results keyed on
 * it stay valid). An unreadable patched value takes the field's default, as `validateScenario`
 * does; dropping an imported config (or choosing `custom` without one) falls back to the default
 * model. Returns `current` itself when the patch changes nothing.
 */
export function applyPatch(current: Scenario, patch: Partial<Scenario>): Scenario {
  const keys = Object.keys(patch) as (keyof Scenario)[];
  if (keys.every((key) => current[key] === patch[key])) return current;
  const next: Record<string, unknown> = { ...current };
  const touched = new Set<keyof Scenario>();
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(FIELD_RULES, key)) continue;
    next[key] = checkField(key, patch[key]).value;
    touched.add(key);
  }
  if (needsDefaultModel(next as unknown as Scenario)) {
    next.model = DEFAULT_SCENARIO.model;
    touched.add('model');
  }
  let changed = false;
  for (const key of touched) {
    if (sameValue(next[key], current[key])) next[key] = current[key];
    else changed = true;
  }
  return changed ? (next as unknown as Scenario) : current;
}
