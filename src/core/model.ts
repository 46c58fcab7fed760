/**
 * The one model resolver: an input's model (a preset id, `size` or `custom`, plus architecture
 * overrides) → its architecture and parameter count, with the fallbacks and warnings the page
 * shows. `estimate()` uses it; the controls use it through the store, which memoizes it (it
 * changes only with the model, its size, config and overrides — see `sameModelInput`).
 * No caches here: the core is pure.
 */
import { ConfigError } from './errors';
import { plainText } from './text';
import type { Architecture, ParameterCount } from './types';
import type { ModelPreset } from '../data/types';
import { MODELS_BY_ID } from '../data/models';
import { architectureFromHfConfig, architectureFromParams, applyOverrides, countParameters, validateArchitecture } from './params';
import { DEFAULT_MODEL_ID, DEFAULT_SIZE_PARAMS, type ArchOverrides, type ModelInput } from './input';
import type { WarningCode } from './warnings';

/** Where a model's architecture comes from: a preset, the size rule, an imported config, an opened model file. */
export type ModelKind = 'preset' | 'size' | 'custom' | 'file';

export interface ResolvedModel {
  id: string;
  name: string;
  kind: ModelKind;
  arch: Architecture;
  counts: ParameterCount;
  preset: ModelPreset | null;
  approximate: boolean;
  confirmed: boolean;
}

/** The input's model as the page uses it, and what went wrong on the way. */
export interface ModelResolution {
  /** The model after fallbacks: always usable (invalid overrides dropped, unknown model → the default). */
  model: ResolvedModel;
  /** Model warnings: fallbacks taken and properties the page points out (approximate, MoE, ...). */
  warnings: WarningCode[];
  /** The input's model without overrides (the same object as `model` when there are none); null when it cannot be resolved. */
  base: ResolvedModel | null;
  /** The core's message when the overrides make the model invalid (they were then ignored). */
  overridesError: string | null;
  /** The core's message when the model itself cannot be resolved (the default was used). */
  error: string | null;
}

interface BaseArchitecture {
  arch: Architecture;
  name: string;
  kind: ResolvedModel['kind'];
  preset: ModelPreset | null;
}

/**
 * An opened model file's architecture: its config (GGUF metadata rebuilt as a Hugging Face config,
 * or the config.json added to a safetensors file), else the shape rule on the file's parameter
 * count, flagged approximate (the summary's `note` says why in words). A config whose count
 * differs from the file's tensors is approximate too (the reader's note is kept in `note`).
 */
function fileArchitecture(input: Pick<ModelInput, 'modelFile'>): BaseArchitecture {
  const file = input.modelFile;
  if (!file) throw new ConfigError('modelFile is missing for model "file"', 'modelFile');
  if (file.config) {
    const arch = architectureFromHfConfig(file.config);
    return { arch: file.note !== null && !arch.approximate ? { ...arch, approximate: true } : arch, name: file.name, kind: 'file', preset: null };
  }
  return { arch: { ...architectureFromParams(file.parameterCount), approximate: true }, name: file.name, kind: 'file', preset: null };
}

function baseArchitecture(input: Pick<ModelInput, 'model' | 'params' | 'customConfig' | 'modelFile'>): BaseArchitecture {
  if (input.model === 'file') return fileArchitecture(input);
  if (input.model === 'size') {
    return { arch: architectureFromParams(input.params), name: 'size', kind: 'size', preset: null };
  }
  if (input.model === 'custom') {
    if (input.customConfig === null) throw new ConfigError('customConfig is missing for model "custom"', 'customConfig');
    const config = input.customConfig;
    const rawName = typeof config.name_or_path === 'string' ? config.name_or_path : typeof config._name_or_path === 'string' ? config._name_or_path : '';
    // An imported name is shown on the page: no control or bidi-override characters.
    const name = plainText(rawName) || 'custom';
    return { arch: architectureFromHfConfig(config), name, kind: 'custom', preset: null };
  }
  const preset = MODELS_BY_ID.get(input.model);
  if (!preset) throw new ConfigError(`unknown model id "${input.model}"`, 'model');
  if (preset.config) return { arch: architectureFromHfConfig(preset.config), name: preset.name, kind: 'preset', preset };
  if (preset.params !== undefined) return { arch: architectureFromParams(preset.params), name: preset.name, kind: 'preset', preset };
  throw new ConfigError(`model preset "${preset.id}" has neither config nor params`, 'model');
}

/** True when at least one override field is set. */
export function hasOverrides(overrides: ArchOverrides): boolean {
  for (const key in overrides) if (overrides[key as keyof ArchOverrides] !== undefined) return true;
  return false;
}

function resolved(input: ModelInput, base: BaseArchitecture, arch: Architecture): ResolvedModel {
  return {
    id: input.model,
    name: base.name,
    kind: base.kind,
    arch,
    counts: countParameters(arch),
    preset: base.preset,
    approximate: arch.approximate,
    confirmed: base.preset ? base.preset.confirmed : base.kind === 'custom' || base.kind === 'file',
  };
}

/**
 * The input's model as an architecture and its parameter count: a preset id (its config.json
 * or, for hypothetical presets, the shape rule on its parameter count), `size` (the shape rule on
 * `input.params`) or `custom` (`input.customConfig`), with `input.overrides` applied.
 * Throws `ConfigError` for an unknown id, a missing or broken config, or overrides that make the
 * model invalid — the UI's import path shows that message. `resolveScenarioModel` never throws:
 * it falls back to the default model with a warning.
 */
export function resolveModel(input: ModelInput): ResolvedModel {
  const base = baseArchitecture(input);
  const arch = hasOverrides(input.overrides) ? validateArchitecture(applyOverrides(base.arch, input.overrides)) : base.arch;
  return resolved(input, base, arch);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The default model, or (when the data table itself is broken) the shape rule, which always works. */
function defaultModel(input: ModelInput): ResolvedModel {
  try {
    return resolveModel({ ...input, model: DEFAULT_MODEL_ID, overrides: {} });
  } catch {
    return resolveModel({ ...input, model: 'size', params: DEFAULT_SIZE_PARAMS, overrides: {} });
  }
}

/** What the page points out about a usable model (not fallbacks: those are added where taken). */
export function modelWarnings(model: ResolvedModel): WarningCode[] {
  const warnings: WarningCode[] = [];
  if (model.approximate) warnings.push('approximate-architecture');
  if (model.kind === 'size' || (model.preset !== null && model.preset.config === undefined)) warnings.push('derived-architecture');
  if (model.preset !== null && !model.preset.confirmed) warnings.push('unconfirmed-model');
  if (model.arch.moe) warnings.push('moe-scaling-law');
  if (model.arch.encoderOnly) warnings.push('encoder-only');
  return warnings;
}

/**
 * `resolveModel` with fallbacks, never throwing: overrides that make the model invalid are
 * dropped ('invalid-overrides'); a model that cannot be resolved at all is replaced by the default
 * preset ('unknown-model', or 'invalid-config' for an imported config). The messages of what
 * failed are kept for the controls. Pure and uncached: callers memoize (see `sameModelInput`).
 */
export function resolveScenarioModel(input: ModelInput): ModelResolution {
  let base: ResolvedModel | null = null;
  let error: string | null = null;
  let baseArch: BaseArchitecture | null = null;
  try {
    baseArch = baseArchitecture(input);
    base = resolved(input, baseArch, baseArch.arch);
  } catch (caught) {
    error = message(caught);
  }
  const fallbacks: WarningCode[] = [];
  let model: ResolvedModel;
  let overridesError: string | null = null;
  if (base === null || baseArch === null) {
    fallbacks.push(input.model === 'custom' || input.model === 'file' ? 'invalid-config' : 'unknown-model');
    model = defaultModel(input);
  } else if (!hasOverrides(input.overrides)) {
    model = base;
  } else {
    try {
      model = resolved(input, baseArch, validateArchitecture(applyOverrides(baseArch.arch, input.overrides)));
    } catch (caught) {
      overridesError = message(caught);
      fallbacks.push('invalid-overrides');
      model = base;
    }
  }
  return { model, warnings: [...fallbacks, ...modelWarnings(model)], base, overridesError, error };
}

const OVERRIDE_FIELDS = ['hidden', 'layers', 'heads', 'kvHeads', 'ffn', 'vocab', 'experts', 'expertsPerToken', 'contextLength'] as const satisfies readonly (keyof ArchOverrides)[];

/**
 * Whether two inputs resolve to the same model, so a memoized `ModelResolution` can be reused:
 * the same model id; for `size` the same params; for `custom` the same config object (identity:
 * the scenario keeps a config's identity until it is replaced); for `file` the same model-file
 * summary object (likewise); the same override values
 * (compared field by field, so a rebuilt but equal overrides object still matches).
 */
export function sameModelInput(a: ModelInput, b: ModelInput): boolean {
  if (a.model !== b.model) return false;
  if (a.model === 'size' && a.params !== b.params) return false;
  if (a.model === 'custom' && a.customConfig !== b.customConfig) return false;
  if (a.model === 'file' && a.modelFile !== b.modelFile) return false;
  if (a.overrides === b.overrides) return true;
  for (const field of OVERRIDE_FIELDS) if (a.overrides[field] !== b.overrides[field]) return false;
  return true;
}
