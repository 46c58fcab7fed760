/**
 * `estimate(input)`: THE one place the formulas are combined, as a thin composition of domain
 * pieces — the model (`../model`), the hardware (`./hardware`), the weights and KV cache
 * (`./weights`), training (`./training`), scaling laws (`./scaling`), serving (`./inference`),
 * MoE, compression and deployment. Everything the page shows is read from the `Estimate` it
 * returns (and the chart sweeps of `../series`, which reuse it).
 * Units: parameters, tokens, bytes, FLOPs, FLOP/s, seconds, days, US dollars, watts, joules.
 * The modelling choices are documented in each piece.
 */
import type { Architecture, ParameterCount } from '../types';
import type { ModelPreset, Precision } from '../../data/types';
import type { EstimateInput } from '../input';
import { resolveScenarioModel, type ModelKind, type ModelResolution } from '../model';
import type { WarningCode } from '../warnings';
import { moeSummary, type MoeSummary } from '../moe';
import { DEFAULT_COMPRESSION_CHAIN, DEFAULT_COMPRESSION_START_BITS, applyCompression, type CompressionRow } from '../compression';
import { deploymentPlan, type DeploymentPlan } from '../deployment';
import { precisionOf, resolveHardware, type EstimateHardware } from './hardware';
import { kvEstimate, weightsEstimate, type EstimateKv, type EstimateWeights } from './weights';
import { trainingEstimate, type EstimateTraining } from './training';
import { scalingEstimate, type EstimateScaling } from './scaling';
import { inferenceEstimate, type EstimateInference } from './inference';

export type { UnsupportedFormatWarning, WarningCode } from '../warnings';
export { resolveModel, resolveScenarioModel, sameModelInput, type ModelKind, type ModelResolution, type ResolvedModel } from '../model';
export { FALLBACK_FLOPS, FALLBACK_TDP_WATTS, FALLBACK_USD_PER_GPU_HOUR, type EstimateHardware } from './hardware';
export type { EstimateKv, EstimateWeights, WeightsAtPrecision } from './weights';
export type { EstimateTraining } from './training';
export { defaultGlobalBatch, scenarioGlobalBatch, scenarioLayout, scenarioCluster, customAccelerator, type LayoutRule, type LayoutProblem, type ScenarioLayout } from './training-step';
export type { EstimateScaling, OptimalAtCompute } from './scaling';
export type { EstimateInference } from './inference';

export interface EstimateModel {
  /** `scenario.model` as resolved (the default model's id after a fallback). */
  id: string;
  name: string;
  /** Where the architecture came from. */
  kind: ModelKind;
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

export interface Estimate {
  model: EstimateModel;
  hardware: EstimateHardware;
  weights: EstimateWeights;
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

function estimateModel(resolution: ModelResolution, arch: Architecture, counts: ParameterCount): EstimateModel {
  const model = resolution.model;
  const preset: ModelPreset | null = model.preset;
  return {
    id: model.id,
    name: model.name,
    kind: model.kind,
    arch,
    counts,
    approximate: model.approximate,
    confirmed: model.confirmed,
    preset,
    publishedParams: preset?.publishedParams ?? null,
  };
}

/**
 * The weight precision as a model file stores it: the chosen precision's compute format with the
 * file's own bits per weight, weightBytes × 8 / the architecture's parameter count, so the weights
 * come to the file's exact bytes (mixed per-tensor types summed tensor by tensor, not one format's
 * bits; a GGUF's buffers such as `rope_freqs` are spread over the count). Applies only while the
 * resolved model is the file (`model === 'file'`, no fallback) and `fileWeights` is not false.
 * Active weights scale by the same average bits (an MoE file whose experts are quantized
 * differently from its attention is approximate there).
 */
function fileWeightPrecision(input: EstimateInput, resolution: ModelResolution, precision: Precision): Precision {
  const file = input.modelFile;
  if (input.model !== 'file' || !file || input.fileWeights === false || resolution.model.kind !== 'file') return precision;
  const total = resolution.model.counts.total;
  if (!(total > 0) || !(file.weightBytes > 0)) return precision;
  const bitsPerWeight = (file.weightBytes * 8) / total;
  return Number.isFinite(bitsPerWeight) ? { ...precision, bitsPerWeight, label: 'file' } : precision;
}

/**
 * Everything the page shows for one input. Pure and uncached; never throws for an input within
 * the scenario's ranges (a bad model id, config, GPU id or precision falls back to the default
 * and adds a warning code). `resolution` is the input's model resolution when the caller has it
 * memoized (the store does: it changes only with the model inputs); otherwise it is computed.
 */
export function estimate(input: EstimateInput, resolution: ModelResolution = resolveScenarioModel(input)): Estimate {
  const warnings: WarningCode[] = [...resolution.warnings];
  const { arch, counts } = resolution.model;
  const model = { arch, counts };
  const hardware = resolveHardware(input, warnings);

  const weightPrecision = fileWeightPrecision(input, resolution, precisionOf(input.weightPrecision, warnings));
  const kvPrecision = precisionOf(input.kvPrecision, warnings);
  const trainPrecision = precisionOf(input.trainPrecision, warnings);
  if (!kvPrecision.kvCapable) warnings.push('kv-precision-unusual');
  if (!trainPrecision.trainable) warnings.push('train-precision-unusual');

  const weights = weightsEstimate(counts, weightPrecision);
  const kv = kvEstimate(arch, kvPrecision);
  const training = trainingEstimate(input, model, hardware, trainPrecision, warnings);
  const scaling = scalingEstimate({
    params: counts.total,
    tokens: training.tokens,
    denseFlops: training.denseFlops,
    tokensPerParam: training.tokensPerParam,
  });
  const inference = inferenceEstimate(input, model, hardware, { weight: weightPrecision, kv: kvPrecision }, warnings);
  const moe = moeSummary(arch, counts, { bitsPerWeight: weightPrecision.bitsPerWeight, batch: inference.batch });
  const compression = applyCompression({ params: counts.total, bitsPerWeight: DEFAULT_COMPRESSION_START_BITS }, DEFAULT_COMPRESSION_CHAIN);
  const deployment = deploymentPlan({
    requestsPerSecond: input.requestsPerSecond,
    outputTokens: inference.outputTokens,
    gpusPerReplica: inference.gpus,
    batch: inference.batch,
    prefillSecondsPerRequest: inference.timeToFirstTokenSeconds,
    decodeStepSeconds: inference.decodeStepSeconds,
    tdpWatts: hardware.tdpWatts,
    pue: input.pue,
    usdPerGpuHour: hardware.usdPerGpuHour,
    usdPerKwh: input.usdPerKwh,
  });

  return {
    model: estimateModel(resolution, arch, counts),
    hardware,
    weights,
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
