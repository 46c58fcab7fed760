/**
 * The estimate's bridge to the serving model (`../serving`): the device as the serving model sees
 * it, the page's one fit verdict on the smallest tensor-parallel group that holds the scenario's
 * batch, and the decode step at any batch with the serving model's efficiency defaults (device
 * kind × weight format), so the page and the serving section agree.
 * Units: GPUs, bytes, tokens, seconds.
 */
import type { Accelerator, Precision, PrecisionId } from '../../data/types';
import { PRECISIONS } from '../../data/precisions';
import type { Architecture, ParameterCount } from '../types';
import type { CustomGpu } from '../input';
import { kvCacheBytes } from '../memory';
import { nonNegative, ratio } from '../units';
import { decodeEfficiency, effectiveBandwidthEfficiency } from '../serving/efficiency';
import { fitVerdict, type FitVerdict } from '../serving/fit';
import { allReduceSeconds, replicaLinks, type ReplicaLinks } from '../serving/links';
import { servingModelShape, weightBytesReadPerStep, type ServingModelShape } from '../serving/model-shape';
import type { Bound } from '../inference';

/** Largest tensor-parallel group the estimate searches (2^20 ≈ a million GPUs, the scenario's range). */
const MAX_GROUP_EXPONENT = 20;

/** Bytes per value of the tensor-parallel all-reduces after attention and after the MLP (BF16). */
const ALL_REDUCE_BYTES_PER_VALUE = 2;

/**
 * The custom GPU as an accelerator row: a datacenter device whose single dense figure stands for
 * every compute format; no rental price row (the custom price is the scenario's).
 */
export function customAccelerator(custom: CustomGpu): Accelerator {
  const flops = nonNegative(custom.flops);
  return {
    id: 'custom',
    name: 'custom',
    vendor: '',
    year: 2024,
    kind: 'datacenter',
    memoryBytes: nonNegative(custom.memoryBytes),
    bandwidthBytesPerSecond: nonNegative(custom.bandwidthBytesPerSecond),
    denseFlops: { fp32: flops, tf32: flops, bf16: flops, fp16: flops, fp8: flops, int8: flops },
    tdpWatts: nonNegative(custom.tdpWatts),
    interconnectBytesPerSecond: null,
    price: null,
    source: 'scenario',
    sourceDate: '',
  };
}

/** A KV-cache format the fit verdict accepts with the same bytes per value (an unusual KV id keeps its width). */
function kvFormatOf(kv: Precision): PrecisionId {
  if (kv.kvCapable) return kv.id;
  const bytes = kv.bitsPerWeight / 8;
  return bytes >= 4 ? 'fp32' : bytes >= 2 ? 'fp16' : bytes >= 1 ? 'fp8' : 'int4';
}

export interface PageFit {
  /** The verdict on `gpus` GPUs at the scenario's batch and context (headroom floored at 0: the shortfall is required − usable). */
  verdict: FitVerdict;
  /** Smallest power-of-two group where it fits (1 when none does up to 2^20: then `verdict.fits` is false). */
  gpus: number;
  /** Fewest GPUs whose memory would add up (not rounded to a power of two). */
  fewestGpus: number;
  /** The same verdict on one GPU. */
  oneGpu: FitVerdict;
}

/**
 * The page's fit verdict (`fitVerdict`: weights + KV + working memory + runtime reserve vs usable
 * memory) on the smallest power-of-two tensor-parallel group that holds `batch` sequences of
 * `contextTokens`. A context beyond the model's limit is sized as asked (the estimate flags
 * 'context-exceeds-model'); the largest context stays capped at the model's.
 * Returns null for models without a KV cache (encoder-only), which the verdict does not size.
 * Units: GPUs, bytes, tokens. Source: serving/fit.ts.
 */
export function pageFit(options: {
  arch: Architecture;
  accelerator: Accelerator;
  weightPrecision: Precision;
  kvPrecision: Precision;
  contextTokens: number;
  batch: number;
}): PageFit | null {
  const { arch } = options;
  if (arch.encoderOnly) return null;
  const contextTokens = Math.max(1, Math.floor(options.contextTokens));
  const sizedArch = contextTokens > arch.contextLength ? { ...arch, contextLength: contextTokens } : arch;
  const at = (gpus: number): FitVerdict => {
    const raw = fitVerdict({
      arch: sizedArch,
      accelerator: options.accelerator,
      gpus,
      weightPrecision: options.weightPrecision.id,
      kvPrecision: kvFormatOf(options.kvPrecision),
      contextTokens,
      batch: options.batch,
    });
    // The estimate's numbers are non-negative: a shortfall reads as required − usable.
    const verdict = { ...raw, headroomBytes: Math.max(0, raw.headroomBytes) };
    if (sizedArch === arch) return verdict;
    const largest = Math.min(verdict.largestContextTokens, arch.contextLength);
    return { ...verdict, largestContextTokens: largest, largestContextLimitedBy: largest >= arch.contextLength ? 'model' : 'memory' };
  };
  const oneGpu = at(1);
  const perGpu = oneGpu.usableBytes - oneGpu.breakdown.runtimeReserve;
  const shared = oneGpu.breakdown.weights + oneGpu.breakdown.kvCache + oneGpu.breakdown.activations;
  const fewestGpus = perGpu > 0 ? Math.max(1, Math.ceil(shared / perGpu)) : 1;
  if (oneGpu.fits) return { verdict: oneGpu, gpus: 1, fewestGpus: 1, oneGpu };
  for (let exponent = Math.max(1, Math.ceil(Math.log2(fewestGpus))); exponent <= MAX_GROUP_EXPONENT; exponent += 1) {
    const gpus = 2 ** exponent;
    const verdict = at(gpus);
    if (verdict.fits) return { verdict, gpus, fewestGpus, oneGpu };
    if (verdict.reason === 'weights' && perGpu <= 0) break;
  }
  return { verdict: oneGpu, gpus: 1, fewestGpus, oneGpu };
}

/** What the decode step at any batch needs (fixed per scenario). */
export interface DecodeModel {
  shape: ServingModelShape;
  /** Share of peak bandwidth for weights and for the KV cache (the user's override replaces both). */
  bandwidthFraction: number;
  kvBandwidthFraction: number;
  /** Per step: layers × per-layer overhead + MoE layers × per-MoE-layer overhead (0 with an override). */
  fixedSeconds: number;
  /** The single number shown as "bandwidth efficiency": the share of the weight roofline batch-1 decode reaches. */
  bandwidthEfficiency: number;
  bandwidthOverridden: boolean;
  bandwidthBytesPerSecondPerGpu: number;
  peakFlopsPerGpu: number;
  mfu: number;
  gpus: number;
  kvBytesPerValue: number;
  links: ReplicaLinks;
}

/**
 * The decode model of the estimate: the serving model's defaults for this device kind × weight
 * format (`decodeEfficiency`), or the user's bandwidth efficiency for both weights and KV (no
 * per-layer overhead then: the override is the achieved share, overheads included).
 * Units: fractions, seconds, bytes per second. Source: serving/efficiency.ts; src/data/decode-efficiency.ts.
 */
export function decodeModel(options: {
  arch: Architecture;
  counts: ParameterCount;
  accelerator: Accelerator;
  weightPrecision: Precision;
  kvBytesPerValue: number;
  override: number | null;
  peakFlopsPerGpu: number;
  mfu: number;
  gpus: number;
}): DecodeModel {
  const { accelerator, weightPrecision } = options;
  const shape = servingModelShape(options.arch, options.counts, weightPrecision.id in PRECISIONS ? weightPrecision.id : 'bf16');
  const cell = decodeEfficiency(accelerator, weightPrecision.id);
  const overridden = options.override !== null;
  const bandwidthFraction = overridden ? nonNegative(options.override ?? 0) : cell.bandwidthFraction;
  const kvBandwidthFraction = overridden ? bandwidthFraction : cell.kvBandwidthFraction;
  const fixedSeconds = overridden ? 0 : shape.layers * cell.layerOverheadSeconds + shape.moeLayers * cell.moeLayerOverheadSeconds;
  const bandwidth = nonNegative(accelerator.bandwidthBytesPerSecond);
  const bandwidthEfficiency = overridden
    ? bandwidthFraction
    : effectiveBandwidthEfficiency({
        weightBytesRead: weightBytesReadPerStep(shape, 1),
        layers: shape.layers,
        bandwidthBytesPerSecond: bandwidth,
        efficiency: { ...cell, layerOverheadSeconds: ratio(fixedSeconds, shape.layers) },
      });
  return {
    shape,
    bandwidthFraction,
    kvBandwidthFraction,
    fixedSeconds,
    bandwidthEfficiency,
    bandwidthOverridden: overridden,
    bandwidthBytesPerSecondPerGpu: bandwidth,
    peakFlopsPerGpu: nonNegative(options.peakFlopsPerGpu),
    mfu: nonNegative(options.mfu),
    gpus: Math.max(1, Math.floor(options.gpus)),
    kvBytesPerValue: nonNegative(options.kvBytesPerValue),
    links: replicaLinks(accelerator),
  };
}

export interface DecodeStepAtBatch {
  seconds: number;
  memorySeconds: number;
  computeSeconds: number;
  /** Per-layer and per-MoE-layer overheads plus the tensor-parallel all-reduces. */
  overheadSeconds: number;
  communicationSeconds: number;
  bound: Bound;
  weightBytesRead: number;
  kvBytesRead: number;
  bytes: number;
  flops: number;
}

/**
 * One decode step of `batch` sequences at `contextTokens` on the group:
 *   memory  = weights read / (bandwidth × gpus × bandwidthFraction) + KV read / (bandwidth × gpus × kvBandwidthFraction)
 *   compute = flops / (peak × gpus × mfu)
 *   seconds = max(memory, compute) + fixedSeconds + 2 × layers × allReduce(batch × hidden × 2 bytes, gpus)
 * Weights read = the dense part, the head and the experts the batch touches (`weightBytesReadPerStep`).
 * At batch 1 this is the serving model's single-stream decode (`singleStreamEstimate`).
 * Units: seconds, bytes, FLOPs. Sources: pope2022 §2; serving/links.ts (all-reduce on the real links,
 * across nodes when the group spans them); src/data/decode-efficiency.ts.
 */
export function decodeStepAtBatch(model: DecodeModel, batch: number, contextTokens: number, flops: number): DecodeStepAtBatch {
  const { shape, gpus } = model;
  const sequences = Math.max(1, Math.floor(nonNegative(batch)));
  const bandwidth = model.bandwidthBytesPerSecondPerGpu * gpus;
  const weightBytesRead = weightBytesReadPerStep(shape, sequences);
  const kvBytesRead = kvCacheBytes(shape.arch, { tokens: nonNegative(contextTokens), batch: sequences, bytesPerValue: model.kvBytesPerValue });
  const memorySeconds = ratio(weightBytesRead, bandwidth * model.bandwidthFraction) + ratio(kvBytesRead, bandwidth * model.kvBandwidthFraction);
  const computeSeconds = ratio(nonNegative(flops), model.peakFlopsPerGpu * gpus * model.mfu);
  const communicationSeconds =
    gpus > 1 ? 2 * shape.layers * allReduceSeconds(sequences * shape.hidden * ALL_REDUCE_BYTES_PER_VALUE, gpus, model.links) : 0;
  const overheadSeconds = model.fixedSeconds + communicationSeconds;
  const bound: Bound = computeSeconds > memorySeconds ? 'compute' : 'memory';
  return {
    seconds: nonNegative(Math.max(memorySeconds, computeSeconds) + overheadSeconds),
    memorySeconds,
    computeSeconds,
    overheadSeconds,
    communicationSeconds,
    bound,
    weightBytesRead,
    kvBytesRead,
    bytes: weightBytesRead + kvBytesRead,
    flops: nonNegative(flops),
  };
}
