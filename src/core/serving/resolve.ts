/**
 * Checks a `ServingInput` and computes everything about a replica that does not change with
 * concurrency: model shape, efficiency, peak rates, links, memory per GPU and KV capacity. Bad
 * input throws `ServingConfigError` naming the field, with the nearest setting that would work.
 * Units: bytes, FLOP/s, bytes per second, tokens, GPUs.
 */
import type { PrecisionId } from '../../data/types';
import { PRECISIONS } from '../../data/precisions';
import { denseFlopsFor } from '../../data/hardware';
import { countParameters, validateArchitecture } from '../params';
import { inferenceWorkingBreakdown, kvCacheBytes, kvCacheBytesPerToken } from '../memory';
import { nonNegative } from '../units';
import { ServingConfigError } from './errors';
import { computeFraction, decodeEfficiency } from './efficiency';
import type { DecodeEfficiency } from './efficiency';
import { replicaLinks } from './links';
import type { ReplicaLinks } from './links';
import { servingModelShape } from './model-shape';
import type { ServingModelShape } from './model-shape';
import { gpuUsableMemoryBytes, runtimeReserveBytes } from './usable-memory';
import type { ServingInput } from './types';

/** TensorRT-LLM's default share of free memory for the paged KV cache (`kv_cache_free_gpu_mem_fraction`). */
export const DEFAULT_KV_MEMORY_FRACTION = 0.9;
/** TensorRT-LLM's default `max_num_tokens`: the token budget of one engine step (chunked prefill). */
export const DEFAULT_MAX_TOKENS_PER_STEP = 8192;
/** Sequences one attention rank keeps in flight at most (engine cap; TensorRT-LLM's largest CUDA-graph batch is 8192). */
export const DEFAULT_MAX_SEQUENCES_PER_RANK = 4096;

export interface ResolvedServing {
  input: ServingInput;
  shape: ServingModelShape;
  efficiency: DecodeEfficiency;
  gpus: number;
  /** Attention data-parallel ranks (the replica's GPUs when `ep` > 1 with data-parallel attention, else 1). */
  attentionRanks: number;
  /** Expert-parallel groups (`ep`): each GPU holds E / ep experts, each split over tp / ep GPUs. */
  expertGroups: number;
  moeLayers: number;
  links: ReplicaLinks;
  peakLinearFlopsPerGpu: number;
  peakAttentionFlopsPerGpu: number;
  /** Achieved fractions of those peaks for large GEMMs / prefill attention (`computeFraction`). */
  linearComputeFraction: number;
  attentionComputeFraction: number;
  bandwidthPerGpu: number;
  kvBytesPerValue: number;
  /** Per-GPU KV bytes = replica KV bytes × kvReplication / gpus (heads shared, or the MLA latent copied). */
  kvReplication: number;
  inputTokens: number;
  outputTokens: number;
  maxTokensPerStep: number;
  memoryPerGpu: { weights: number; working: number; usable: number; kvCapacity: number };
  /** KV bytes one full-length sequence (input + output) holds on one GPU. */
  kvBytesPerSequencePerGpu: number;
  kvCapacityTokens: number;
  /** Sequences memory allows. */
  memoryConcurrency: number;
  /** min(memoryConcurrency, engine cap). */
  maxConcurrency: number;
}

function positiveInteger(name: string, value: unknown, nearest: Record<string, unknown> = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || !Number.isInteger(value)) {
    const suggestion = typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.round(value)) : 1;
    throw new ServingConfigError(`${name} (${String(value)}) must be a whole number ≥ 1`, name, { [name]: suggestion, ...nearest });
  }
  return value;
}

function positiveNumber(name: string, value: unknown, maximum = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > maximum) {
    throw new ServingConfigError(`${name} (${String(value)}) must be a number > 0${maximum < Infinity ? ` and ≤ ${maximum}` : ''}`, name, {});
  }
  return value;
}

function precision(name: 'weightPrecision' | 'kvPrecision', id: unknown): PrecisionId {
  if (typeof id !== 'string' || !(id in PRECISIONS)) {
    throw new ServingConfigError(`${name} "${String(id)}" is not a known precision`, name, { [name]: name === 'kvPrecision' ? 'fp8' : 'bf16' });
  }
  return id as PrecisionId;
}

/** Largest d ≤ min(limit, bound) with `valid(d)` (1 always qualifies); `bound` keeps the search short. */
function largestValid(limit: number, bound: number, valid: (d: number) => boolean): number {
  for (let d = Math.max(1, Math.floor(Math.min(limit, bound))); d > 1; d--) if (valid(d)) return d;
  return 1;
}

function checkLayout(input: ServingInput): { tp: number; ep: number } {
  const { arch } = input;
  const tp = positiveInteger('tp', input.tp);
  if (input.gpusAvailable !== undefined) {
    const available = positiveInteger('gpusAvailable', input.gpusAvailable);
    if (tp > available) {
      const nearest = largestValid(available, arch.heads, (d) => arch.heads % d === 0);
      throw new ServingConfigError(`tp (${tp}) exceeds the ${available} GPUs present`, 'tp', { tp: nearest });
    }
  }
  const ep = input.ep === undefined ? 1 : positiveInteger('ep', input.ep);
  if (ep > 1) {
    if (!arch.moe) throw new ServingConfigError(`ep (${ep}) needs a mixture-of-experts model; this one is dense`, 'ep', { ep: 1 });
    const experts = arch.moe.experts;
    if (tp % ep !== 0 || experts % ep !== 0) {
      const nearest = largestValid(Math.min(ep, tp), experts, (d) => tp % d === 0 && experts % d === 0);
      throw new ServingConfigError(`ep (${ep}) must divide tp (${tp}) and the ${experts} experts`, 'ep', { ep: nearest });
    }
    if (input.attention !== 'tensor-parallel') return { tp, ep };
  }
  if (arch.heads % tp !== 0 || (arch.kvHeads % tp !== 0 && tp % arch.kvHeads !== 0)) {
    const valid = (d: number) => arch.heads % d === 0 && (arch.kvHeads % d === 0 || d % arch.kvHeads === 0);
    throw new ServingConfigError(
      `tp (${tp}) must divide the ${arch.heads} attention heads (and match the ${arch.kvHeads} KV heads)`,
      'tp',
      { tp: largestValid(tp, arch.heads, valid) },
    );
  }
  return { tp, ep };
}

function checkLengths(input: ServingInput): { inputTokens: number; outputTokens: number } {
  const inputTokens = positiveInteger('inputTokens', input.inputTokens);
  const outputTokens = positiveInteger('outputTokens', input.outputTokens);
  const limit = input.arch.contextLength;
  if (inputTokens + outputTokens > limit) {
    const nearest = limit - outputTokens >= 1 ? { inputTokens: limit - outputTokens } : { inputTokens: 1, outputTokens: Math.max(1, limit - 1) };
    throw new ServingConfigError(
      `inputTokens + outputTokens (${inputTokens + outputTokens}) exceed the model's context of ${limit} tokens`,
      'inputTokens',
      nearest,
    );
  }
  return { inputTokens, outputTokens };
}

/**
 * Validate `input` and precompute the replica. Memory per GPU:
 *   weights: pure TP → resident / gpus; attention-data-parallel (ep > 1) → everything but the
 *            routed experts on every GPU, routed experts / gpus
 *   working: activations of one `maxTokensPerStep` chunk / gpus + the runtime reserve (`runtimeReserveBytes`)
 *   kvCapacity = kvMemoryFraction × (usable − weights − working)
 * Sequences that fit: kvCapacity / (KV of one input+output sequence on one GPU), where a GPU holds
 * 1/gpus of the heads (or 1/kvHeads when there are fewer KV heads than GPUs; the whole MLA latent
 * under pure TP; whole sequences under attention data parallelism).
 * Units: bytes, tokens, sequences. Sources: kwon2023 §4 (paged KV); TensorRT-LLM defaults.
 */
export function resolveServing(input: ServingInput): ResolvedServing {
  const { arch, accelerator } = input;
  if (!arch || typeof arch !== 'object') throw new ServingConfigError('arch must be an Architecture', 'arch', {});
  validateArchitecture(arch);
  if (arch.encoderOnly) throw new ServingConfigError('an encoder-only model generates no tokens to serve', 'arch', {});
  if (!accelerator || !(accelerator.memoryBytes > 0) || !(accelerator.bandwidthBytesPerSecond > 0)) {
    throw new ServingConfigError('accelerator needs memoryBytes and bandwidthBytesPerSecond > 0', 'accelerator', {});
  }
  const { tp, ep } = checkLayout(input);
  const weightPrecision = precision('weightPrecision', input.weightPrecision);
  const kvPrecision = precision('kvPrecision', input.kvPrecision);
  if (!PRECISIONS[kvPrecision].kvCapable) {
    throw new ServingConfigError(`kvPrecision ${kvPrecision} is not a KV-cache format`, 'kvPrecision', { kvPrecision: 'fp8' });
  }
  const { inputTokens, outputTokens } = checkLengths(input);
  if (input.slo?.ttftSeconds !== undefined) positiveNumber('slo.ttftSeconds', input.slo.ttftSeconds);
  if (input.slo?.tpotSeconds !== undefined) positiveNumber('slo.tpotSeconds', input.slo.tpotSeconds);
  if (input.concurrency !== undefined) positiveInteger('concurrency', input.concurrency);
  const kvMemoryFraction = input.kvMemoryFraction === undefined ? DEFAULT_KV_MEMORY_FRACTION : positiveNumber('kvMemoryFraction', input.kvMemoryFraction, 1);
  const maxTokensPerStep = input.maxTokensPerStep === undefined ? DEFAULT_MAX_TOKENS_PER_STEP : positiveInteger('maxTokensPerStep', input.maxTokensPerStep);
  const maxPerRank = input.maxSequencesPerRank === undefined ? DEFAULT_MAX_SEQUENCES_PER_RANK : positiveInteger('maxSequencesPerRank', input.maxSequencesPerRank);

  const count = countParameters(arch);
  const shape = servingModelShape(arch, count, weightPrecision);
  const efficiency = decodeEfficiency(accelerator, weightPrecision, input.efficiency);
  const gpus = tp;
  if (input.attention !== undefined && input.attention !== 'data-parallel' && input.attention !== 'tensor-parallel') {
    throw new ServingConfigError(`attention must be 'data-parallel' or 'tensor-parallel'`, 'attention', { attention: 'data-parallel' });
  }
  const attentionRanks = ep > 1 && input.attention !== 'tensor-parallel' ? gpus : 1;
  const kvBytesPerValue = PRECISIONS[kvPrecision].bitsPerWeight / 8;
  const kvReplication = attentionRanks > 1 ? 1 : arch.mla ? gpus : gpus / Math.min(gpus, Math.max(1, arch.kvHeads));

  const routedBytes = shape.routedExpertParams * shape.bytesPerWeight;
  const weights = attentionRanks > 1 ? shape.residentWeightBytes - routedBytes + routedBytes / gpus : shape.residentWeightBytes / gpus;
  const activations = inferenceWorkingBreakdown({ arch, batch: 0, gpus: 1, prefillChunkTokens: maxTokensPerStep }).activations;
  const working = activations / gpus + runtimeReserveBytes(accelerator);
  const usable = gpuUsableMemoryBytes(accelerator);
  const kvCapacity = nonNegative(kvMemoryFraction * (usable - weights - working));
  const sequenceBytes = kvCacheBytes(arch, { tokens: inputTokens + outputTokens, batch: 1, bytesPerValue: kvBytesPerValue });
  const kvBytesPerSequencePerGpu = (sequenceBytes * kvReplication) / gpus;
  const perTokenPerGpu = (kvCacheBytesPerToken(arch, kvBytesPerValue) * kvReplication) / gpus;
  const memoryConcurrency = kvBytesPerSequencePerGpu > 0 ? Math.floor(kvCapacity / kvBytesPerSequencePerGpu) : maxPerRank * attentionRanks;

  const bf16Rate = denseFlopsFor(accelerator, 'bf16');
  const linearRate = denseFlopsFor(accelerator, PRECISIONS[weightPrecision].computeFormat) ?? bf16Rate;
  const attentionRate = denseFlopsFor(accelerator, PRECISIONS[kvPrecision].computeFormat === 'fp8' ? 'fp8' : 'bf16') ?? bf16Rate;
  return {
    input,
    shape,
    efficiency,
    gpus,
    attentionRanks,
    expertGroups: ep,
    moeLayers: arch.moe ? arch.moe.moeLayers : 0,
    links: replicaLinks(accelerator, input.cluster),
    peakLinearFlopsPerGpu: linearRate?.flops ?? 0,
    peakAttentionFlopsPerGpu: attentionRate?.flops ?? 0,
    linearComputeFraction: computeFraction(accelerator, linearRate?.format ?? 'bf16', efficiency),
    attentionComputeFraction: computeFraction(accelerator, attentionRate?.format ?? 'bf16', efficiency),
    bandwidthPerGpu: accelerator.bandwidthBytesPerSecond,
    kvBytesPerValue,
    kvReplication,
    inputTokens,
    outputTokens,
    maxTokensPerStep,
    memoryPerGpu: { weights, working, usable, kvCapacity },
    kvBytesPerSequencePerGpu,
    kvCapacityTokens: perTokenPerGpu > 0 ? Math.floor(kvCapacity / perTokenPerGpu) : 0,
    memoryConcurrency,
    maxConcurrency: Math.min(memoryConcurrency, maxPerRank * attentionRanks),
  };
}
