import { resolveModel, type ResolvedModel } from '../../core';
import type { Scenario } from '../../scenario/scenario';
import type { ScenarioState } from '../../store/scenario-store';

type ModelKey = Pick<Scenario, 'model' | 'params' | 'customConfig' | 'overrides'>;

/** The current model as the controls show it. */
export interface ModelView {
  /** The resolved model with overrides, or without them when they are invalid; null when even that fails. */
  model: ResolvedModel | null;
  /** The model without overrides (only computed when there are overrides). */
  base: ResolvedModel | null;
  /** The core's message when the overrides make the model invalid (they are then ignored). */
  overridesError: string | null;
  /** The core's message when the model itself cannot be resolved. */
  error: string | null;
}

function hasOverrides(overrides: Scenario['overrides']): boolean {
  for (const key in overrides) if (overrides[key as keyof typeof overrides] !== undefined) return true;
  return false;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function compute(key: ModelKey): ModelView {
  const withOverrides = hasOverrides(key.overrides);
  let base: ResolvedModel | null = null;
  let error: string | null = null;
  try {
    base = resolveModel({ ...key, overrides: {} });
  } catch (caught) {
    error = message(caught);
  }
  if (!withOverrides || base === null) return { model: base, base: null, overridesError: null, error };
  try {
    return { model: resolveModel(key), base, overridesError: null, error: null };
  } catch (caught) {
    return { model: base, base, overridesError: message(caught), error: null };
  }
}

const OVERRIDE_FIELDS = ['hidden', 'layers', 'heads', 'kvHeads', 'ffn', 'vocab', 'experts', 'expertsPerToken', 'contextLength'] as const;

function sameOverrides(a: Scenario['overrides'], b: Scenario['overrides']): boolean {
  if (a === b) return true;
  for (const field of OVERRIDE_FIELDS) if (a[field] !== b[field]) return false;
  return true;
}

/** JSON text of a config, computed once per object. */
const fingerprints = new WeakMap<object, string>();
function fingerprint(config: Record<string, unknown>): string {
  let text = fingerprints.get(config);
  if (text === undefined) {
    text = JSON.stringify(config);
    fingerprints.set(config, text);
  }
  return text;
}

function sameConfig(a: Scenario['customConfig'], b: Scenario['customConfig']): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return fingerprint(a) === fingerprint(b);
}

function sameKey(a: ModelKey, b: ModelKey): boolean {
  return (
    a.model === b.model &&
    (a.model !== 'size' || a.params === b.params) &&
    sameOverrides(a.overrides, b.overrides) &&
    (a.model !== 'custom' || sameConfig(a.customConfig, b.customConfig))
  );
}

/**
 * Memoized on (model, params, customConfig, overrides) — by value, not identity, because the
 * store's validation rebuilds `overrides` and `customConfig` on every update — so a GPU-count or
 * MFU step never re-resolves the model. Comparing costs nine numbers and, for an imported config,
 * one cached JSON string per config object. A few
 * entries, so two stores (page + test, two embeds) do not evict each other; the same inputs
 * always return the same object, which keeps `useSyncExternalStore` snapshots stable.
 */
const CACHE_SIZE = 6;
const cache: { key: ModelKey; view: ModelView }[] = [];

export function modelView(scenario: ModelKey): ModelView {
  for (const entry of cache) if (sameKey(entry.key, scenario)) return entry.view;
  const key: ModelKey = {
    model: scenario.model,
    params: scenario.params,
    customConfig: scenario.customConfig,
    overrides: scenario.overrides,
  };
  const view = compute(key);
  cache.unshift({ key, view });
  if (cache.length > CACHE_SIZE) cache.pop();
  return view;
}

/** Store selectors (module scope, stable) that return primitives or cached objects. */
export const selectModelView = (state: ScenarioState): ModelView => modelView(state.scenario);
export const selectTotal = (state: ScenarioState): number => modelView(state.scenario).model?.counts.total ?? Number.NaN;

/** Total parameters of a preset without overrides (for the picker's list); cached per id. */
const presetTotals = new Map<string, number>();
export function presetTotal(id: string): number {
  let total = presetTotals.get(id);
  if (total === undefined) {
    try {
      total = resolveModel({ model: id, params: 0, customConfig: null, overrides: {} }).counts.total;
    } catch {
      total = Number.NaN;
    }
    presetTotals.set(id, total);
  }
  return total;
}
