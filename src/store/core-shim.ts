/**
 * TODO(core-merge): this file stands in for two exports the core is gaining on its own branch
 * (`resolveScenarioModel`, `sameModelInput` and `estimate(input, resolution)` in
 * `src/core/model.ts` / `src/core/estimate`). It builds them on today's core API, with the same
 * fallbacks and warnings as today's `resolveForEstimate` in `core/estimate.ts`, so this branch
 * compiles and runs. When the core branch is merged, import these names from `../core` instead
 * and delete this file.
 */
import { estimate as coreEstimate, resolveModel, type Estimate, type ResolvedModel, type WarningCode } from '../core';
import { DEFAULT_SCENARIO, type Scenario } from '../scenario/scenario';

export type ModelInput = Pick<Scenario, 'model' | 'params' | 'customConfig' | 'overrides'>;

/** The input's model as the page uses it, and what went wrong on the way. */
export interface ModelResolution {
  /** The model after fallbacks: always usable (invalid overrides dropped, unknown model → the default). */
  model: ResolvedModel;
  /** Model warnings: fallbacks taken and properties the page points out (approximate, MoE, ...). */
  warnings: WarningCode[];
  /** The input's model without overrides; null when it cannot be resolved. */
  base: ResolvedModel | null;
  /** The core's message when the overrides make the model invalid (they were then ignored). */
  overridesError: string | null;
  /** The core's message when the model itself cannot be resolved (the default was used). */
  error: string | null;
}

function hasOverrides(overrides: ModelInput['overrides']): boolean {
  for (const key in overrides) if (overrides[key as keyof typeof overrides] !== undefined) return true;
  return false;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function modelWarnings(model: ResolvedModel): WarningCode[] {
  const warnings: WarningCode[] = [];
  if (model.approximate) warnings.push('approximate-architecture');
  if (model.kind === 'size' || (model.preset !== null && model.preset.config === undefined)) warnings.push('derived-architecture');
  if (model.preset !== null && !model.preset.confirmed) warnings.push('unconfirmed-model');
  if (model.arch.moe) warnings.push('moe-scaling-law');
  if (model.arch.encoderOnly) warnings.push('encoder-only');
  return warnings;
}

/** `resolveModel` with the fallbacks of `estimate()`; never throws. */
export function resolveScenarioModel(input: ModelInput): ModelResolution {
  let base: ResolvedModel | null = null;
  let error: string | null = null;
  try {
    base = resolveModel({ ...input, overrides: {} });
  } catch (caught) {
    error = message(caught);
  }
  const fallbacks: WarningCode[] = [];
  let model: ResolvedModel;
  let overridesError: string | null = null;
  if (base === null) {
    fallbacks.push(input.model === 'custom' ? 'invalid-config' : 'unknown-model');
    try {
      model = resolveModel({ ...input, model: DEFAULT_SCENARIO.model, overrides: {} });
    } catch {
      model = resolveModel({ ...input, model: 'size', params: DEFAULT_SCENARIO.params, overrides: {} });
    }
  } else if (!hasOverrides(input.overrides)) {
    model = base;
  } else {
    try {
      model = resolveModel(input);
    } catch (caught) {
      overridesError = message(caught);
      fallbacks.push('invalid-overrides');
      model = base;
    }
  }
  return { model, warnings: [...fallbacks, ...modelWarnings(model)], base, overridesError, error };
}

const OVERRIDE_FIELDS = ['hidden', 'layers', 'heads', 'kvHeads', 'ffn', 'vocab', 'experts', 'expertsPerToken', 'contextLength'] as const;

/**
 * Whether two inputs resolve to the same model: the same id; for `size` the same params; for
 * `custom` the same config object (identity); the same override values field by field.
 */
export function sameModelInput(a: ModelInput, b: ModelInput): boolean {
  if (a.model !== b.model) return false;
  if (a.model === 'size' && a.params !== b.params) return false;
  if (a.model === 'custom' && a.customConfig !== b.customConfig) return false;
  if (a.overrides === b.overrides) return true;
  for (const field of OVERRIDE_FIELDS) if (a.overrides[field] !== b.overrides[field]) return false;
  return true;
}

/** `estimate(scenario, resolution)`: today's core resolves the model itself (and caches it). */
export function estimate(scenario: Scenario, _resolution: ModelResolution): Estimate {
  return coreEstimate(scenario);
}
