/**
 * One fit verdict for the whole page: does a model, at a precision, with a context and a batch,
 * fit on a device — weights + KV cache + working memory + runtime reserve against the memory the
 * GPU may use — and if not, why, and what would. Optional partial offload of layers to system RAM.
 * Units: bytes, tokens, sequences, layers, seconds.
 */
import type { Architecture } from '../types';
import type { Accelerator, PrecisionId } from '../../data/types';
import { PRECISIONS } from '../../data/precisions';
import { countParameters, validateArchitecture } from '../params';
import { inferenceWorkingBreakdown, kvCacheBytes, maxTokensForKvBytes } from '../memory';
import { nonNegative, ratio } from '../units';
import { ServingConfigError } from './errors';
import { DEFAULT_MAX_TOKENS_PER_STEP } from './resolve';
import { gpuUsableMemoryBytes, runtimeReserveBytes } from './usable-memory';

/** llama.cpp's default physical batch (`n_ubatch`): the prompt chunk local runtimes push through at once. */
export const LOCAL_PREFILL_CHUNK_TOKENS = 512;

export interface HostMemory {
  /** System RAM available for offloaded layers, bytes. */
  memoryBytes: number;
  /** System RAM bandwidth, bytes per second (dual-channel DDR5-5600: 89.6e9). */
  bandwidthBytesPerSecond: number;
}

export interface FitInput {
  arch: Architecture;
  accelerator: Accelerator;
  /** Devices the model is split over (tensor parallel). Default 1. */
  gpus?: number;
  weightPrecision: PrecisionId;
  kvPrecision: PrecisionId;
  /** Tokens per sequence (prompt + output). */
  contextTokens: number;
  /** Sequences held at once. Default 1. */
  batch?: number;
  /** Apple: share of unified memory the GPU may wire, replacing the default rule. */
  usableMemoryFraction?: number;
  /** Allow layers that do not fit to live in system RAM (llama.cpp `-ngl`). */
  host?: HostMemory;
}

export type FitReason = 'fits' | 'weights' | 'kv-cache';

export interface FitVerdict {
  /** Everything on the GPU(s). */
  fits: boolean;
  /** Fits once some layers move to system RAM (only with `host`). */
  fitsWithOffload: boolean;
  /** 'weights': weights + working memory alone exceed the GPU memory; 'kv-cache': the context × batch does. */
  reason: FitReason;
  gpus: number;
  /** Memory the GPUs may use, all GPUs together. */
  usableBytes: number;
  requiredBytes: number;
  breakdown: { weights: number; kvCache: number; activations: number; runtimeReserve: number };
  /** usable − required (negative when it does not fit). */
  headroomBytes: number;
  /** Longest context (tokens) that fits at `batch`, capped at the model's context length; 0 when the weights do not fit. */
  largestContextTokens: number;
  largestContextLimitedBy: 'memory' | 'model';
  /** Most sequences of `contextTokens` that fit; 0 when not even one does. */
  largestBatch: number;
  /** With offload: layers kept on the GPU and moved to system RAM (null without offload or when not needed). */
  offload: { gpuLayers: number; cpuLayers: number; cpuBytes: number } | null;
}

function checkFitInput(input: FitInput): { gpus: number; batch: number; contextTokens: number } {
  const { arch } = input;
  if (!arch || typeof arch !== 'object') throw new ServingConfigError('arch must be an Architecture', 'arch', {});
  validateArchitecture(arch);
  if (arch.encoderOnly) throw new ServingConfigError('an encoder-only model keeps no KV cache to size', 'arch', {});
  const whole = (name: string, value: unknown): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new ServingConfigError(`${name} (${String(value)}) must be a whole number ≥ 1`, name, {
        [name]: typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.round(value)) : 1,
      });
    }
    return value;
  };
  const gpus = whole('gpus', input.gpus ?? 1);
  const batch = whole('batch', input.batch ?? 1);
  const contextTokens = whole('contextTokens', input.contextTokens);
  if (contextTokens > arch.contextLength) {
    throw new ServingConfigError(
      `contextTokens (${contextTokens}) exceeds the model's context of ${arch.contextLength} tokens`,
      'contextTokens',
      { contextTokens: arch.contextLength },
    );
  }
  for (const [name, id] of [['weightPrecision', input.weightPrecision], ['kvPrecision', input.kvPrecision]] as const) {
    if (!(id in PRECISIONS)) throw new ServingConfigError(`${name} "${String(id)}" is not a known precision`, name, {});
  }
  if (!PRECISIONS[input.kvPrecision].kvCapable) {
    throw new ServingConfigError(`kvPrecision ${input.kvPrecision} is not a KV-cache format`, 'kvPrecision', { kvPrecision: 'fp16' });
  }
  if (!(input.accelerator.memoryBytes > 0)) throw new ServingConfigError('accelerator.memoryBytes must be > 0', 'accelerator', {});
  return { gpus, batch, contextTokens };
}

/**
 * The fit verdict:
 *   weights    = parameters × bits per weight / 8 (every expert)
 *   kvCache    = kvCacheBytes(context, batch) × copies (KV heads fewer than GPUs are copied)
 *   activations = one prefill chunk through the widest layer (512 tokens on local machines — llama.cpp's
 *                 n_ubatch —, 8192 on datacenter engines) + FP32 logits of the batch
 *   runtimeReserve = runtimeReserveBytes × GPUs (2 GB engines, 1 GB llama.cpp / MLX)
 *   usable     = GPUs × memory × GPU share (Apple: 2/3 or 3/4 of unified memory, adjustable)
 *   fits ⇔ weights + kvCache + activations + runtimeReserve ≤ usable
 * The largest context and batch solve the same inequality for the KV term. With `host`, layers that do
 * not fit move to system RAM whole (weights and their KV), as llama.cpp's -ngl does.
 * Units: bytes, tokens, sequences, layers. Sources: kwon2023 §3 (KV); memory.ts (working memory);
 * usable-memory.ts (Apple); llama.cpp `-ngl` partial offload.
 */
export function fitVerdict(input: FitInput): FitVerdict {
  const { gpus, batch, contextTokens } = checkFitInput(input);
  const { arch, accelerator } = input;
  const count = countParameters(arch);
  const weights = (count.total * PRECISIONS[input.weightPrecision].bitsPerWeight) / 8;
  const kvBytesPerValue = PRECISIONS[input.kvPrecision].bitsPerWeight / 8;
  const copies = arch.mla ? gpus : gpus / Math.min(gpus, Math.max(1, arch.kvHeads));
  const local = accelerator.kind === 'apple' || accelerator.kind === 'consumer';
  const chunk = Math.min(contextTokens, local ? LOCAL_PREFILL_CHUNK_TOKENS : DEFAULT_MAX_TOKENS_PER_STEP);
  const working = inferenceWorkingBreakdown({ arch, batch, gpus: 1, prefillChunkTokens: chunk });
  const activations = working.activations + working.logits;
  const runtimeReserve = runtimeReserveBytes(accelerator) * gpus;
  const usable = gpus * gpuUsableMemoryBytes(accelerator, input.usableMemoryFraction);
  const kvCache = kvCacheBytes(arch, { tokens: contextTokens, batch, bytesPerValue: kvBytesPerValue }) * copies;
  const required = weights + kvCache + activations + runtimeReserve;
  const fits = required <= usable;

  const forKv = usable - weights - activations - runtimeReserve;
  const memoryContext = forKv > 0 ? maxTokensForKvBytes(arch, forKv / copies, batch, kvBytesPerValue, arch.contextLength + 1) : 0;
  const largestContextTokens = Math.min(memoryContext, arch.contextLength);
  const perSequence = kvCacheBytes(arch, { tokens: contextTokens, batch: 1, bytesPerValue: kvBytesPerValue }) * copies + arch.vocab * 4;
  const forBatch = usable - weights - working.activations - runtimeReserve;
  const largestBatch = forBatch > 0 ? Math.min(1e6, Math.floor(ratio(forBatch, perSequence))) : 0;

  let offload: FitVerdict['offload'] = null;
  let fitsWithOffload = fits;
  if (!fits && input.host && accelerator.kind !== 'apple') {
    const perLayer = (weights - (count.embedding + count.outputHead) * (weights / count.total) + kvCache) / arch.layers;
    const fixed = (count.embedding + count.outputHead) * (weights / count.total) + activations + runtimeReserve;
    const gpuLayers = Math.max(0, Math.min(arch.layers, Math.floor(ratio(usable - fixed, perLayer))));
    const cpuLayers = arch.layers - gpuLayers;
    const cpuBytes = cpuLayers * perLayer;
    fitsWithOffload = usable - fixed >= 0 && cpuBytes <= nonNegative(input.host.memoryBytes);
    offload = { gpuLayers, cpuLayers, cpuBytes };
  }
  return {
    fits,
    fitsWithOffload,
    reason: fits ? 'fits' : forKv <= 0 ? 'weights' : 'kv-cache',
    gpus,
    usableBytes: usable,
    requiredBytes: required,
    breakdown: { weights, kvCache, activations, runtimeReserve },
    headroomBytes: usable - required,
    largestContextTokens,
    largestContextLimitedBy: memoryContext > arch.contextLength ? 'model' : 'memory',
    largestBatch,
    offload,
  };
}
