/**
 * `estimate(scenario)`: THE one place the formulas are combined. Everything the page shows is
 * read from the `Estimate` it returns (and the chart sweeps of `series.ts`, which reuse it).
 * Units: parameters, tokens, bytes, FLOPs, FLOP/s, seconds, days, US dollars, watts, joules.
 *
 * Modelling choices made here (each documented where it is used):
 * - Training runs on `scenario.gpuCount` GPUs with `tensorParallel × pipelineParallel` model
 *   parallelism and data parallelism `floor(gpuCount / (t × p))` (at least 1).
 * - Inference serves on the smallest power-of-two tensor-parallel group that holds the weights,
 *   the KV cache of `batch` sequences of prompt + output tokens and the working memory; the
 *   training `gpuCount` does not apply to it. Deployment replicates that group.
 * - Decode speed is taken at the average context of a request, prompt + output / 2 (the step time
 *   is linear in the context, so this is the mean step time over the request).
 * - Scaling-law losses use the total parameter count (Chinchilla's N includes embeddings) and the
 *   training tokens; the compute is 6 × active × tokens.
 */
import { ConfigError } from './errors';
import type { Architecture, ParameterCount } from './types';
import type { Accelerator, AcceleratorKind, ComputeFormat, ModelPreset, Precision, PrecisionId } from '../data/types';
import type { Scenario } from '../scenario/scenario';
import { DEFAULT_SCENARIO } from '../scenario/scenario';
import { architectureFromHfConfig, architectureFromParams, applyOverrides, countParameters, validateArchitecture } from './params';
import { PRECISIONS, PRECISION_IDS } from '../data/precisions';
import { denseFlopsFor, getAccelerator } from '../data/hardware';
import { MODELS_BY_ID } from '../data/models';
import {
  inferenceWorkingBreakdown,
  kvCacheBytes,
  kvCacheBytesPerToken,
  kvCacheBytesPerTokenPerLayer,
  minimumGpusForInference,
  minimumGpusForTraining,
  trainingMemoryPerDevice,
  weightBytes,
  type InferenceFit,
  type InferenceWorkingBreakdown,
  type TrainingFit,
  type TrainingMemoryBreakdown,
} from './memory';
import {
  attentionForwardFlopsPerToken,
  attentionTrainingFlops,
  energyCostUsd,
  trainingCostUsd,
  trainingDays,
  trainingEnergyJoules,
  trainingFlops,
  trainingGpuHours,
} from './training';
import {
  costPerMillionTokensUsd,
  decodeStep,
  decodeStepBytes,
  decodeStepFlops,
  decodeTokensPerSecondAggregate,
  decodeTokensPerSecondPerSequence,
  largestBatchThatFits,
  largestContextThatFits,
  prefillSeconds,
  type Bound,
} from './inference';
import { LOSS_LAWS, OPTIMAL_LAWS, computeOptimal, predictLoss, type LossLaw, type OptimalLaw } from './scaling';
import { decodeParamsRead, moeSummary, type MoeSummary } from './moe';
import { DEFAULT_COMPRESSION_CHAIN, DEFAULT_COMPRESSION_START_BITS, applyCompression, type CompressionRow } from './compression';
import { deploymentPlan, type DeploymentPlan } from './deployment';
import { BITS_PER_BYTE, nonNegative, ratio } from './units';

// ---------------------------------------------------------------------------------------------
// The Estimate
// ---------------------------------------------------------------------------------------------

/** A compute format the accelerator lacks, replaced by a slower one (see `denseFlopsFor`). */
export type UnsupportedFormatWarning = `${ComputeFormat}-unsupported`;

/**
 * Warning codes the page translates into notices. Strings, so the i18n layer owns the wording.
 */
export type WarningCode =
  /** `scenario.model` is not a preset id: the default model was used. */
  | 'unknown-model'
  /** The imported config.json could not be read: the default model was used. */
  | 'invalid-config'
  /** The architecture overrides produce an invalid model: they were ignored. */
  | 'invalid-overrides'
  /** The config's model_type is unknown and was estimated as a Llama-style decoder. */
  | 'approximate-architecture'
  /** The architecture is derived from a parameter count by the shape rule (size slider, hypothetical presets). */
  | 'derived-architecture'
  /** The preset is an unconfirmed estimate (GPT-4) or hypothetical (the article's models). */
  | 'unconfirmed-model'
  /** `scenario.gpu` is not an accelerator id: the default accelerator was used. */
  | 'unknown-gpu'
  /** A precision id is unknown: BF16 was used. */
  | 'unknown-precision'
  | UnsupportedFormatWarning
  /** The accelerator lists no dense rate at all: 1 TFLOP/s was assumed. */
  | 'no-compute-rate'
  /** No price known: FALLBACK_USD_PER_GPU_HOUR was used. */
  | 'price-fallback'
  /** No board power known: FALLBACK_TDP_WATTS was used. */
  | 'tdp-fallback'
  /** Training memory per GPU exceeds the GPU's memory at the scenario's parallel layout. */
  | 'does-not-fit'
  /** No layout of up to 1e6 GPUs fits the training memory. */
  | 'training-never-fits'
  /** No tensor-parallel group of up to 1e6 GPUs serves the model at this batch and context. */
  | 'inference-does-not-fit'
  /** The weights alone exceed one GPU's memory. */
  | 'weights-exceed-one-gpu'
  /** tensorParallel × pipelineParallel exceeds gpuCount. */
  | 'parallelism-exceeds-gpus'
  /** gpuCount is not a multiple of tensorParallel × pipelineParallel (the remainder idles). */
  | 'gpus-not-divisible'
  /** tensorParallel does not divide the attention heads. */
  | 'tensor-parallel-not-dividing-heads'
  /** pipelineParallel exceeds the layers. */
  | 'pipeline-exceeds-layers'
  /** prompt + output tokens exceed the model's context length. */
  | 'context-exceeds-model'
  /** The training sequence length exceeds the model's context length. */
  | 'seq-len-exceeds-model'
  /** The KV precision is not a usual KV-cache format. */
  | 'kv-precision-unusual'
  /** The training precision is not a usual mixed-precision compute format. */
  | 'train-precision-unusual'
  /** Scaling laws were fitted on dense models; an MoE's loss is only indicative. */
  | 'moe-scaling-law'
  /** Encoder-only models do not generate: inference figures are a forward pass per token. */
  | 'encoder-only';

export interface EstimateModel {
  /** `scenario.model` as resolved (the default model's id after a fallback). */
  id: string;
  name: string;
  /** Where the architecture came from. */
  kind: 'preset' | 'size' | 'custom';
  arch: Architecture;
  counts: ParameterCount;
  /** Unknown model_type estimated as a Llama-style decoder. */
  approximate: boolean;
  /** False for unconfirmed or hypothetical presets (and for 'size'). */
  confirmed: boolean;
  /** The preset, when the model is one. */
  preset: ModelPreset | null;
  /** The count the authors published, when the model is a preset that has one. */
  publishedParams: number | null;
}

export interface WeightsAtPrecision {
  id: PrecisionId;
  bitsPerWeight: number;
  /** All weights (every expert). */
  bytes: number;
}

export interface EstimateHardware {
  /** Accelerator id, or 'custom'. */
  id: string;
  name: string;
  kind: AcceleratorKind;
  year: number | null;
  memoryBytes: number;
  bandwidthBytesPerSecond: number;
  tdpWatts: number;
  usdPerGpuHour: number;
  priceSource: 'scenario' | 'accelerator' | 'custom' | 'fallback';
  accelerator: Accelerator | null;
}

export interface EstimateTraining {
  tokens: number;
  /** tokens / total parameters. */
  tokensPerParam: number;
  /** 6 × active × tokens. */
  denseFlops: number;
  /** Kaplan's attention term at `seqLen` (computed whether or not it is added). */
  attentionFlops: number;
  /** FLOPs used for time and cost: dense, plus attention when `scenario.attentionFlops`. */
  flops: number;
  precision: PrecisionId;
  /** The format whose dense rate is used (after fallbacks). */
  computeFormat: ComputeFormat | 'custom';
  peakFlopsPerGpu: number;
  mfu: number;
  gpus: number;
  tensorParallel: number;
  pipelineParallel: number;
  dataParallel: number;
  gpuHours: number;
  days: number;
  costUsd: number;
  energyJoules: number;
  energyCostUsd: number;
  /** Busiest GPU at the scenario's layout. */
  memoryPerGpu: TrainingMemoryBreakdown;
  fitsPerGpu: boolean;
  /** Smallest layout that fits with the scenario's ZeRO and recompute, or null. */
  minGpus: TrainingFit | null;
  /** Model-state bytes per parameter before sharding: weights, gradients, optimizer. */
  bytesPerParam: { weights: number; gradients: number; optimizer: number };
}

export interface OptimalAtCompute {
  params: number;
  tokens: number;
  tokensPerParam: number;
  /** Loss the law predicts there (tokens20 uses the Hoffmann fit). */
  loss: number;
}

export interface EstimateScaling {
  /** N used by the loss laws: total parameters. */
  params: number;
  tokens: number;
  /** C = 6 × active × tokens. */
  compute: number;
  tokensPerParam: number;
  loss: Record<LossLaw, number>;
  optimal: Record<OptimalLaw, OptimalAtCompute>;
}

export interface EstimateInference {
  /** GPUs of the serving group (tensor parallel). */
  gpus: number;
  minGpus: InferenceFit | null;
  fits: boolean;
  fitsOneGpu: boolean;
  weightPrecision: PrecisionId;
  computeFormat: ComputeFormat | 'custom';
  peakFlopsPerGpu: number;
  bandwidthEfficiency: number;
  mfu: number;
  batch: number;
  promptTokens: number;
  outputTokens: number;
  /** prompt + output. */
  contextTokens: number;
  /** prompt + output / 2: where the mean decode step is taken. */
  averageContextTokens: number;
  modelContextLength: number;
  weightBytes: number;
  /** KV cache of `batch` sequences at the full context. */
  kvBytes: number;
  kvBytesPerSequence: number;
  working: InferenceWorkingBreakdown;
  /** weights + kv + working. */
  totalBytes: number;
  /** totalBytes / gpus. */
  bytesPerGpu: number;
  /** Prefill of the whole batch's prompts. */
  prefillSeconds: number;
  timeToFirstTokenSeconds: number;
  /** Bytes and FLOPs of the mean decode step. */
  decodeBytesPerStep: number;
  decodeFlopsPerStep: number;
  /** Weight bytes one step reads (MoE: experts touched by any sequence of the batch). */
  decodeWeightBytesPerStep: number;
  decodeStepSeconds: number;
  bound: Bound;
  tokensPerSecondPerSequence: number;
  tokensPerSecondAggregate: number;
  /** Output tokens per second counting the batch's prefill time too. */
  effectiveOutputTokensPerSecond: number;
  costPerMillionOutputTokensUsd: number;
  /** ttft + outputTokens × step. */
  requestSeconds: number;
  /** Longest context (tokens per sequence) that fits at this batch on the serving group. */
  maxContextAtBatch: number;
  /** Most sequences of `contextTokens` that fit on the serving group. */
  maxBatchAtContext: number;
}

export interface EstimateKv {
  precision: PrecisionId;
  bytesPerValue: number;
  bytesPerToken: number;
  bytesPerTokenPerLayer: number;
}

export interface Estimate {
  model: EstimateModel;
  hardware: EstimateHardware;
  weights: {
    /** Every precision, widest first (the memory chart). */
    byPrecision: WeightsAtPrecision[];
    selected: WeightsAtPrecision;
    /** Active weights at the selected precision (what one token reads). */
    activeBytes: number;
  };
  kv: EstimateKv;
  training: EstimateTraining;
  scaling: EstimateScaling;
  inference: EstimateInference;
  moe: MoeSummary | null;
  /** FP32 → BF16 → INT8 → INT4 → prune 50% → distil 10% of this model. */
  compression: CompressionRow[];
  deployment: DeploymentPlan;
  warnings: WarningCode[];
}

// ---------------------------------------------------------------------------------------------
// Fallbacks
// ---------------------------------------------------------------------------------------------

/**
 * Price per GPU-hour when neither the scenario nor the accelerator gives one: $2, the rental
 * price DeepSeek assumed for an H800 (deepseek2024v3 Table 1). Flagged by 'price-fallback'.
 */
export const FALLBACK_USD_PER_GPU_HOUR = 2;

/**
 * Board power when the accelerator publishes none (Apple): 300 W, about a Mac Studio's maximum
 * continuous draw. Flagged by 'tdp-fallback'. Units: watts.
 */
export const FALLBACK_TDP_WATTS = 300;

/** Dense FLOP/s assumed when an accelerator lists no rate at all (flagged 'no-compute-rate'). */
export const FALLBACK_FLOPS = 1e12;

// ---------------------------------------------------------------------------------------------
// Model resolution (memoized on identity)
// ---------------------------------------------------------------------------------------------

export interface ResolvedModel {
  id: string;
  name: string;
  kind: 'preset' | 'size' | 'custom';
  arch: Architecture;
  counts: ParameterCount;
  preset: ModelPreset | null;
  approximate: boolean;
  confirmed: boolean;
}

function baseArchitecture(scenario: Pick<Scenario, 'model' | 'params' | 'customConfig'>): {
  arch: Architecture;
  name: string;
  kind: ResolvedModel['kind'];
  preset: ModelPreset | null;
} {
  if (scenario.model === 'size') {
    return { arch: architectureFromParams(scenario.params), name: 'size', kind: 'size', preset: null };
  }
  if (scenario.model === 'custom') {
    if (scenario.customConfig === null) throw new ConfigError('customConfig is missing for model "custom"', 'customConfig');
    const config = scenario.customConfig;
    const name = typeof config.name_or_path === 'string' ? config.name_or_path : typeof config._name_or_path === 'string' ? config._name_or_path : 'custom';
    return { arch: architectureFromHfConfig(config), name, kind: 'custom', preset: null };
  }
  const preset = MODELS_BY_ID.get(scenario.model);
  if (!preset) throw new ConfigError(`unknown model id "${scenario.model}"`, 'model');
  if (preset.config) return { arch: architectureFromHfConfig(preset.config), name: preset.name, kind: 'preset', preset };
  if (preset.params !== undefined) return { arch: architectureFromParams(preset.params), name: preset.name, kind: 'preset', preset };
  throw new ConfigError(`model preset "${preset.id}" has neither config nor params`, 'model');
}

function hasOverrides(overrides: Scenario['overrides']): boolean {
  for (const key in overrides) if (overrides[key as keyof typeof overrides] !== undefined) return true;
  return false;
}

/**
 * The scenario's model as an architecture and its parameter count: a preset id (its config.json
 * or, for hypothetical presets, the shape rule on its parameter count), `size` (the shape rule on
 * `scenario.params`) or `custom` (`scenario.customConfig`), with `scenario.overrides` applied.
 * Throws `ConfigError` for an unknown id, a missing or broken config, or overrides that make the
 * model invalid — the UI's import path shows that message. `estimate` never throws: it falls
 * back to the default model with a warning.
 */
export function resolveModel(scenario: Pick<Scenario, 'model' | 'params' | 'customConfig' | 'overrides'>): ResolvedModel {
  const base = baseArchitecture(scenario);
  let arch = base.arch;
  if (hasOverrides(scenario.overrides)) {
    arch = validateArchitecture(applyOverrides(arch, scenario.overrides));
  }
  const counts = countParameters(arch);
  return {
    id: scenario.model,
    name: base.name,
    kind: base.kind,
    arch,
    counts,
    preset: base.preset,
    approximate: arch.approximate,
    confirmed: base.preset ? base.preset.confirmed : base.kind === 'custom',
  };
}

interface ResolveKey {
  model: string;
  params: number;
  customConfig: Scenario['customConfig'];
  overrides: Scenario['overrides'];
}

interface ResolveOutcome {
  model: ResolvedModel;
  warnings: WarningCode[];
}

let lastKey: ResolveKey | null = null;
let lastOutcome: ResolveOutcome | null = null;

function sameKey(a: ResolveKey, b: ResolveKey): boolean {
  return (
    a.model === b.model &&
    a.customConfig === b.customConfig &&
    a.overrides === b.overrides &&
    // params only shapes the model for 'size'
    (a.model !== 'size' || a.params === b.params)
  );
}

/**
 * `resolveModel` with fallbacks, memoized on the last (model, params, customConfig identity,
 * overrides identity): slider steps that do not touch the model reuse the parsed architecture
 * and its counts.
 */
function resolveForEstimate(scenario: Scenario): ResolveOutcome {
  const key: ResolveKey = {
    model: scenario.model,
    params: scenario.params,
    customConfig: scenario.customConfig,
    overrides: scenario.overrides,
  };
  if (lastKey !== null && lastOutcome !== null && sameKey(lastKey, key)) return lastOutcome;
  const warnings: WarningCode[] = [];
  let model: ResolvedModel;
  try {
    model = resolveModel(scenario);
  } catch {
    let withoutOverrides: ResolvedModel | null = null;
    if (hasOverrides(scenario.overrides)) {
      try {
        withoutOverrides = resolveModel({ ...scenario, overrides: {} });
      } catch {
        withoutOverrides = null;
      }
    }
    if (withoutOverrides) {
      warnings.push('invalid-overrides');
      model = withoutOverrides;
    } else {
      warnings.push(scenario.model === 'custom' ? 'invalid-config' : 'unknown-model');
      try {
        model = resolveModel({ ...scenario, model: DEFAULT_SCENARIO.model, overrides: {} });
      } catch {
        // The default preset itself failed (a broken data table): the shape rule always works.
        model = resolveModel({ ...scenario, model: 'size', params: DEFAULT_SCENARIO.params, overrides: {} });
      }
    }
  }
  if (model.approximate) warnings.push('approximate-architecture');
  if (model.kind === 'size' || (model.preset !== null && model.preset.config === undefined)) warnings.push('derived-architecture');
  if (model.preset !== null && !model.preset.confirmed) warnings.push('unconfirmed-model');
  if (model.arch.moe) warnings.push('moe-scaling-law');
  if (model.arch.encoderOnly) warnings.push('encoder-only');
  lastKey = key;
  lastOutcome = { model, warnings };
  return lastOutcome;
}

// ---------------------------------------------------------------------------------------------
// Hardware and precision resolution
// ---------------------------------------------------------------------------------------------

function resolveHardware(scenario: Scenario, warnings: WarningCode[]): EstimateHardware {
  if (scenario.gpu === 'custom') {
    const custom = scenario.customGpu;
    const usdPerGpuHour = scenario.usdPerGpuHour ?? custom.usdPerHour;
    return {
      id: 'custom',
      name: 'custom',
      kind: 'datacenter',
      year: null,
      memoryBytes: nonNegative(custom.memoryBytes),
      bandwidthBytesPerSecond: nonNegative(custom.bandwidthBytesPerSecond),
      tdpWatts: nonNegative(custom.tdpWatts),
      usdPerGpuHour: nonNegative(usdPerGpuHour),
      priceSource: scenario.usdPerGpuHour !== null ? 'scenario' : 'custom',
      accelerator: null,
    };
  }
  let accelerator = getAccelerator(scenario.gpu);
  if (!accelerator) {
    warnings.push('unknown-gpu');
    accelerator = getAccelerator(DEFAULT_SCENARIO.gpu);
  }
  if (!accelerator) {
    // The hardware table lacks the default too: behave as the default custom GPU.
    return resolveHardware({ ...scenario, gpu: 'custom', customGpu: DEFAULT_SCENARIO.customGpu }, warnings);
  }
  let usdPerGpuHour: number;
  let priceSource: EstimateHardware['priceSource'];
  if (scenario.usdPerGpuHour !== null) {
    usdPerGpuHour = scenario.usdPerGpuHour;
    priceSource = 'scenario';
  } else if (accelerator.price) {
    usdPerGpuHour = accelerator.price.usdPerHour;
    priceSource = 'accelerator';
  } else {
    usdPerGpuHour = FALLBACK_USD_PER_GPU_HOUR;
    priceSource = 'fallback';
    warnings.push('price-fallback');
  }
  let tdpWatts = accelerator.tdpWatts;
  if (tdpWatts === null) {
    tdpWatts = FALLBACK_TDP_WATTS;
    warnings.push('tdp-fallback');
  }
  return {
    id: accelerator.id,
    name: accelerator.name,
    kind: accelerator.kind,
    year: accelerator.year,
    memoryBytes: nonNegative(accelerator.memoryBytes),
    bandwidthBytesPerSecond: nonNegative(accelerator.bandwidthBytesPerSecond),
    tdpWatts: nonNegative(tdpWatts),
    usdPerGpuHour: nonNegative(usdPerGpuHour),
    priceSource,
    accelerator,
  };
}

/**
 * Dense peak FLOP/s for `format`: the custom GPU's single figure, or the accelerator's rate with
 * `denseFlopsFor`'s fallbacks (FP8 missing → BF16/FP16, BF16 missing → FP16, …), flagged
 * `<format>-unsupported`.
 */
function peakFlops(
  hardware: EstimateHardware,
  format: ComputeFormat,
  scenario: Scenario,
  warnings: WarningCode[],
): { flops: number; format: ComputeFormat | 'custom' } {
  if (hardware.accelerator === null) return { flops: nonNegative(scenario.customGpu.flops), format: 'custom' };
  const rate = denseFlopsFor(hardware.accelerator, format);
  if (rate === null) {
    warnings.push('no-compute-rate');
    return { flops: FALLBACK_FLOPS, format };
  }
  if (rate.format !== format) warnings.push(`${format}-unsupported`);
  return { flops: rate.flops, format: rate.format };
}

function precisionOf(id: PrecisionId, warnings: WarningCode[]): Precision {
  const precision = PRECISIONS[id] as Precision | undefined;
  if (precision) return precision;
  warnings.push('unknown-precision');
  return PRECISIONS.bf16;
}

/**
 * Model-state bytes per parameter for the training precision: mixed precision (BF16 / FP16 /
 * FP8 compute) keeps 2 + 2 + 12 (rajbhandari2020 §3.1; FP8 recipes keep FP32 master weights and
 * optimizer states as well, deepseek2024v3 §3.3); pure FP32 keeps 4 weights + 4 gradients + 8
 * (momentum, variance; no separate master copy).
 */
function modelStateBytesPerParam(precision: Precision): EstimateTraining['bytesPerParam'] {
  if (precision.id === 'fp32') return { weights: 4, gradients: 4, optimizer: 8 };
  return { weights: 2, gradients: 2, optimizer: 12 };
}

// ---------------------------------------------------------------------------------------------
// estimate()
// ---------------------------------------------------------------------------------------------

type TrainingSearchOptions = Omit<Parameters<typeof minimumGpusForTraining>[2], 'memoryBytesPerGpu'>;

let lastSearch: { arch: Architecture; counts: ParameterCount; options: TrainingSearchOptions; capacity: number; fit: TrainingFit | null } | null =
  null;

/**
 * `minimumGpusForTraining` (a search over ~30 layouts) memoized on its last inputs: most slider
 * steps (batch, prices, MFU, ...) leave them unchanged.
 */
function cachedMinimumTrainingGpus(
  arch: Architecture,
  counts: ParameterCount,
  options: TrainingSearchOptions,
  capacity: number,
): TrainingFit | null {
  const last = lastSearch;
  if (
    last !== null &&
    last.arch === arch &&
    last.counts === counts &&
    last.capacity === capacity &&
    last.options.zeroStage === options.zeroStage &&
    last.options.microBatch === options.microBatch &&
    last.options.seqLen === options.seqLen &&
    last.options.recompute === options.recompute &&
    last.options.sequenceParallel === options.sequenceParallel &&
    last.options.bytesPerWeight === options.bytesPerWeight &&
    last.options.bytesPerGradient === options.bytesPerGradient &&
    last.options.optimizerBytesPerParam === options.optimizerBytesPerParam
  ) {
    return last.fit;
  }
  const found = minimumGpusForTraining(arch, counts, { ...options, memoryBytesPerGpu: capacity });
  // Shared by every estimate until the inputs change: frozen so no consumer can alter it.
  const fit = found === null ? null : Object.freeze(found);
  lastSearch = { arch, counts, options, capacity, fit };
  return fit;
}

function clampCount(x: number): number {
  const value = Math.floor(nonNegative(x));
  return value < 1 ? 1 : value;
}

/**
 * Everything the page shows for one scenario. Pure apart from a last-value cache of the model
 * resolution; never throws for a scenario within `RANGES` (a bad model id, config, GPU id or
 * precision falls back to the default and adds a warning code).
 */
export function estimate(scenario: Scenario): Estimate {
  const resolved = resolveForEstimate(scenario);
  const warnings: WarningCode[] = [...resolved.warnings];
  const { arch, counts } = resolved.model;
  const hardware = resolveHardware(scenario, warnings);

  // --- precisions -------------------------------------------------------------------------
  const weightPrecision = precisionOf(scenario.weightPrecision, warnings);
  const kvPrecision = precisionOf(scenario.kvPrecision, warnings);
  const trainPrecision = precisionOf(scenario.trainPrecision, warnings);
  if (!kvPrecision.kvCapable) warnings.push('kv-precision-unusual');
  if (!trainPrecision.trainable) warnings.push('train-precision-unusual');

  // --- weights ------------------------------------------------------------------------------
  const byPrecision: WeightsAtPrecision[] = PRECISION_IDS.map((id) => ({
    id,
    bitsPerWeight: PRECISIONS[id].bitsPerWeight,
    bytes: weightBytes(counts.total, PRECISIONS[id].bitsPerWeight),
  }));
  const selected: WeightsAtPrecision = {
    id: weightPrecision.id,
    bitsPerWeight: weightPrecision.bitsPerWeight,
    bytes: weightBytes(counts.total, weightPrecision.bitsPerWeight),
  };
  const activeBytes = weightBytes(counts.active, weightPrecision.bitsPerWeight);

  // --- KV cache ----------------------------------------------------------------------------
  const kvBytesPerValue = kvPrecision.bitsPerWeight / BITS_PER_BYTE;
  const kv: EstimateKv = {
    precision: kvPrecision.id,
    bytesPerValue: kvBytesPerValue,
    bytesPerToken: kvCacheBytesPerToken(arch, kvBytesPerValue),
    bytesPerTokenPerLayer: kvCacheBytesPerTokenPerLayer(arch, kvBytesPerValue),
  };

  // --- training -----------------------------------------------------------------------------
  const tokens = nonNegative(scenario.tokens ?? scenario.tokensPerParam * counts.total);
  const denseFlops = trainingFlops(counts.active, tokens);
  const attentionFlops = attentionTrainingFlops(arch, tokens, scenario.seqLen);
  const flops = denseFlops + (scenario.attentionFlops ? attentionFlops : 0);
  const trainPeak = peakFlops(hardware, trainPrecision.computeFormat, scenario, warnings);
  const gpus = clampCount(scenario.gpuCount);
  const tensorParallel = clampCount(scenario.tensorParallel);
  const pipelineParallel = clampCount(scenario.pipelineParallel);
  const modelParallel = tensorParallel * pipelineParallel;
  if (modelParallel > gpus) warnings.push('parallelism-exceeds-gpus');
  else if (gpus % modelParallel !== 0) warnings.push('gpus-not-divisible');
  if (arch.heads % tensorParallel !== 0) warnings.push('tensor-parallel-not-dividing-heads');
  if (pipelineParallel > arch.layers) warnings.push('pipeline-exceeds-layers');
  if (scenario.seqLen > arch.contextLength) warnings.push('seq-len-exceeds-model');
  const dataParallel = Math.max(1, Math.floor(gpus / modelParallel));
  const bytesPerParam = modelStateBytesPerParam(trainPrecision);
  const memoryOptions = {
    zeroStage: scenario.zeroStage,
    microBatch: scenario.microBatch,
    seqLen: scenario.seqLen,
    recompute: scenario.recompute,
    sequenceParallel: scenario.sequenceParallel,
    bytesPerWeight: bytesPerParam.weights,
    bytesPerGradient: bytesPerParam.gradients,
    optimizerBytesPerParam: bytesPerParam.optimizer,
  };
  const memoryPerGpu = trainingMemoryPerDevice(arch, counts, {
    ...memoryOptions,
    dataParallel,
    tensorParallel,
    pipelineParallel,
  });
  const fitsPerGpu = memoryPerGpu.total <= hardware.memoryBytes;
  if (!fitsPerGpu) warnings.push('does-not-fit');
  const minTrainingGpus = cachedMinimumTrainingGpus(arch, counts, memoryOptions, hardware.memoryBytes);
  if (minTrainingGpus === null) warnings.push('training-never-fits');
  const gpuHours = trainingGpuHours(flops, trainPeak.flops, scenario.mfu);
  const energyJoules = trainingEnergyJoules(gpuHours, hardware.tdpWatts, scenario.pue);
  const training: EstimateTraining = {
    tokens,
    tokensPerParam: ratio(tokens, counts.total),
    denseFlops,
    attentionFlops,
    flops,
    precision: trainPrecision.id,
    computeFormat: trainPeak.format,
    peakFlopsPerGpu: trainPeak.flops,
    mfu: scenario.mfu,
    gpus,
    tensorParallel,
    pipelineParallel,
    dataParallel,
    gpuHours,
    days: trainingDays(gpuHours, gpus),
    costUsd: trainingCostUsd(gpuHours, hardware.usdPerGpuHour),
    energyJoules,
    energyCostUsd: energyCostUsd(energyJoules, scenario.usdPerKwh),
    memoryPerGpu,
    fitsPerGpu,
    minGpus: minTrainingGpus,
    bytesPerParam,
  };

  // --- scaling laws -------------------------------------------------------------------------
  const loss = {} as Record<LossLaw, number>;
  for (const law of LOSS_LAWS) loss[law] = predictLoss(law, counts.total, tokens);
  const optimal = {} as Record<OptimalLaw, OptimalAtCompute>;
  for (const law of OPTIMAL_LAWS) {
    const point = computeOptimal(law, denseFlops);
    optimal[law] = {
      params: point.params,
      tokens: point.tokens,
      tokensPerParam: ratio(point.tokens, point.params),
      loss: predictLoss(law === 'tokens20' ? 'hoffmann2022' : law, point.params, point.tokens),
    };
  }
  const scaling: EstimateScaling = {
    params: counts.total,
    tokens,
    compute: denseFlops,
    tokensPerParam: training.tokensPerParam,
    loss,
    optimal,
  };

  // --- inference ------------------------------------------------------------------------------
  const inference = inferenceEstimate(scenario, arch, counts, hardware, weightPrecision, kvBytesPerValue, selected.bytes, warnings);

  // --- MoE, compression, deployment -------------------------------------------------------------
  const moe = moeSummary(arch, counts, { bitsPerWeight: weightPrecision.bitsPerWeight, batch: inference.batch });
  const compression = applyCompression({ params: counts.total, bitsPerWeight: DEFAULT_COMPRESSION_START_BITS }, DEFAULT_COMPRESSION_CHAIN);
  const deployment = deploymentPlan({
    requestsPerSecond: scenario.requestsPerSecond,
    outputTokens: inference.outputTokens,
    gpusPerReplica: inference.gpus,
    batch: inference.batch,
    prefillSecondsPerRequest: inference.timeToFirstTokenSeconds,
    decodeStepSeconds: inference.decodeStepSeconds,
    tdpWatts: hardware.tdpWatts,
    pue: scenario.pue,
    usdPerGpuHour: hardware.usdPerGpuHour,
    usdPerKwh: scenario.usdPerKwh,
  });

  return {
    model: {
      id: resolved.model.id,
      name: resolved.model.name,
      kind: resolved.model.kind,
      arch,
      counts,
      approximate: resolved.model.approximate,
      confirmed: resolved.model.confirmed,
      preset: resolved.model.preset,
      publishedParams: resolved.model.preset?.publishedParams ?? null,
    },
    hardware,
    weights: { byPrecision, selected, activeBytes },
    kv,
    training,
    scaling,
    inference,
    moe,
    compression,
    deployment,
    warnings: [...new Set(warnings)],
  };
}

/** Everything about serving the model; see EstimateInference. */
function inferenceEstimate(
  scenario: Scenario,
  arch: Architecture,
  counts: ParameterCount,
  hardware: EstimateHardware,
  weightPrecision: Precision,
  kvBytesPerValue: number,
  weightBytesTotal: number,
  warnings: WarningCode[],
): EstimateInference {
  const batch = clampCount(scenario.batch);
  const promptTokens = Math.floor(nonNegative(scenario.promptTokens));
  const outputTokens = clampCount(scenario.outputTokens);
  const contextTokens = promptTokens + outputTokens;
  const averageContextTokens = promptTokens + outputTokens / 2;
  if (contextTokens > arch.contextLength) warnings.push('context-exceeds-model');
  const peak = peakFlops(hardware, weightPrecision.computeFormat, scenario, warnings);

  const kvBytes = kvCacheBytes(arch, { tokens: contextTokens, batch, bytesPerValue: kvBytesPerValue });
  const sharedWorking = inferenceWorkingBreakdown({ arch, batch, gpus: 0 });
  const minGpus = minimumGpusForInference({
    weightBytes: weightBytesTotal,
    kvBytes,
    sharedWorkingBytes: sharedWorking.activations + sharedWorking.logits,
    memoryBytesPerGpu: hardware.memoryBytes,
  });
  if (minGpus === null) warnings.push('inference-does-not-fit');
  if (weightBytesTotal > hardware.memoryBytes) warnings.push('weights-exceed-one-gpu');
  const gpus = minGpus?.tensorParallelGpus ?? 1;
  const working = inferenceWorkingBreakdown({ arch, batch, gpus });
  const totalBytes = weightBytesTotal + kvBytes + working.total;

  const weightBytesRead = weightBytes(counts.active, weightPrecision.bitsPerWeight);
  const roofline = {
    bandwidthBytesPerSecondPerGpu: hardware.bandwidthBytesPerSecond,
    bandwidthEfficiency: scenario.bandwidthEfficiency,
    peakFlopsPerGpu: peak.flops,
    mfu: scenario.mfu,
    gpus,
  };
  const prefillBase = {
    activeParams: counts.active,
    promptTokens,
    peakFlopsPerGpu: peak.flops,
    mfu: scenario.mfu,
    gpus,
    weightBytesRead,
    bandwidthBytesPerSecondPerGpu: hardware.bandwidthBytesPerSecond,
    bandwidthEfficiency: scenario.bandwidthEfficiency,
  };
  const prefillBatch = prefillSeconds({ ...prefillBase, batch });
  const ttft = prefillSeconds({ ...prefillBase, batch: 1 });

  const decodeWeightBytesPerStep = weightBytes(decodeParamsRead(arch, counts, batch), weightPrecision.bitsPerWeight);
  const kvAtAverage = kvCacheBytes(arch, { tokens: averageContextTokens, batch, bytesPerValue: kvBytesPerValue });
  const decodeBytesPerStep = decodeStepBytes(decodeWeightBytesPerStep, kvAtAverage);
  const decodeFlopsPerStep = decodeStepFlops(counts.active, batch, attentionForwardFlopsPerToken(arch, averageContextTokens));
  const step = decodeStep({ ...roofline, bytes: decodeBytesPerStep, flops: decodeFlopsPerStep });
  const tokensPerSecondAggregate = decodeTokensPerSecondAggregate(step.seconds, batch);
  const batchSeconds = prefillBatch + outputTokens * step.seconds;
  const effectiveOutputTokensPerSecond = ratio(batch * outputTokens, batchSeconds);

  const fitOptions = { arch, gpus, memoryBytesPerGpu: hardware.memoryBytes, weightBytes: weightBytesTotal, kvBytesPerValue };
  return {
    gpus,
    minGpus,
    fits: minGpus !== null,
    fitsOneGpu: minGpus !== null && minGpus.gpus === 1,
    weightPrecision: weightPrecision.id,
    computeFormat: peak.format,
    peakFlopsPerGpu: peak.flops,
    bandwidthEfficiency: scenario.bandwidthEfficiency,
    mfu: scenario.mfu,
    batch,
    promptTokens,
    outputTokens,
    contextTokens,
    averageContextTokens,
    modelContextLength: arch.contextLength,
    weightBytes: weightBytesTotal,
    kvBytes,
    kvBytesPerSequence: ratio(kvBytes, batch),
    working,
    totalBytes,
    bytesPerGpu: ratio(totalBytes, gpus),
    prefillSeconds: prefillBatch,
    timeToFirstTokenSeconds: ttft,
    decodeBytesPerStep,
    decodeFlopsPerStep,
    decodeWeightBytesPerStep,
    decodeStepSeconds: step.seconds,
    bound: step.bound,
    tokensPerSecondPerSequence: decodeTokensPerSecondPerSequence(step.seconds),
    tokensPerSecondAggregate,
    effectiveOutputTokensPerSecond,
    costPerMillionOutputTokensUsd: costPerMillionTokensUsd(effectiveOutputTokensPerSecond, gpus, hardware.usdPerGpuHour),
    requestSeconds: ttft + outputTokens * step.seconds,
    maxContextAtBatch: largestContextThatFits({ ...fitOptions, batch }),
    maxBatchAtContext: largestBatchThatFits({ ...fitOptions, contextTokens }),
  };
}
