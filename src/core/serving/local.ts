/**
 * "Can I run it": for a model and a device, the best precision that fits, the longest context,
 * whether layers must move to system RAM, and the single-stream speed — the data of one sentence
 * (the UI writes the words). Units: tokens, tokens per second, bytes, layers.
 */
import type { Architecture } from '../types';
import type { Accelerator, PrecisionId } from '../../data/types';
import type { FitVerdict, HostMemory } from './fit';
import { singleStreamEstimate } from './single-stream';

export { DEFAULT_HOST, HOST_BANDWIDTH_FRACTION, singleStreamDecode, singleStreamEstimate } from './single-stream';
export type { SingleStreamDecode, SingleStreamEstimate, SingleStreamInput } from './single-stream';

/** Weight formats tried, widest first, by device kind (local machines: GGUF; datacenter: engine formats). */
export function candidatePrecisions(accelerator: Pick<Accelerator, 'kind' | 'denseFlops'>): PrecisionId[] {
  if (accelerator.kind === 'apple' || accelerator.kind === 'consumer') return ['fp16', 'q8_0', 'q4_k_m', 'q4_0'];
  if (accelerator.kind === 'tpu') return ['bf16', 'int8', 'int4'];
  const list: PrecisionId[] = ['bf16'];
  if (accelerator.denseFlops.fp8 !== undefined) list.push('fp8');
  else list.push('int8');
  list.push(accelerator.denseFlops.fp4 !== undefined ? 'nvfp4' : 'int4');
  return list;
}

/** KV-cache format: llama.cpp's F16 on local machines, FP8 where the chip has FP8, else BF16. */
export function defaultKvPrecision(accelerator: Pick<Accelerator, 'kind' | 'denseFlops'>): PrecisionId {
  if (accelerator.kind === 'apple' || accelerator.kind === 'consumer') return 'fp16';
  return accelerator.denseFlops.fp8 !== undefined ? 'fp8' : 'bf16';
}

export interface CanRunInput {
  arch: Architecture;
  accelerator: Accelerator;
  /** Devices the model is split over. Default 1. */
  gpus?: number;
  /** Context a precision must hold to count as running. Default min(4096, model context). */
  minimumContextTokens?: number;
  /** Allow partial offload to this system RAM (not on Apple: unified memory). */
  host?: HostMemory;
  usableMemoryFraction?: number;
}

export interface CanRunOption {
  precision: PrecisionId;
  verdict: FitVerdict;
  /** Single-stream decode at the reference context, tokens per second (0 when it does not run). */
  decodeTokensPerSecond: number;
}

export interface CanRunAnswer {
  answer: 'runs' | 'runs-with-offload' | 'does-not-fit';
  /** The chosen weight format, or null. */
  precision: PrecisionId | null;
  kvPrecision: PrecisionId;
  /** Longest context at batch 1 with the chosen format (tokens). */
  maxContextTokens: number;
  maxContextLimitedBy: 'memory' | 'model';
  offload: { gpuLayers: number; cpuLayers: number } | null;
  decodeTokensPerSecond: number;
  /** Prefill speed of a prompt of the reference length at the chosen format, tokens per second. */
  prefillTokensPerSecond: number;
  referenceContextTokens: number;
  gpus: number;
  /** Every candidate format, widest first. */
  options: CanRunOption[];
}

/**
 * Try each candidate format, widest first, at `minimumContextTokens` and batch 1 (`fitVerdict`):
 *   runs               — the widest format that fits entirely in GPU memory;
 *   runs-with-offload  — none fits, but with `host` one does once layers move to system RAM: the
 *                        fastest such format (time per token = GPU part / (GPU bandwidth × fraction)
 *                        + CPU part / (RAM bandwidth × 0.42), llama.cpp -ngl);
 *   does-not-fit       — neither.
 * Decode and prefill speed at the reference context (the minimum context) from `singleStreamEstimate`.
 * Units: tokens, tokens per second. Sources: fit.ts; single-stream.ts; HOST_BANDWIDTH_FRACTION.
 */
export function canIRun(input: CanRunInput): CanRunAnswer {
  const { arch, accelerator } = input;
  const gpus = input.gpus ?? 1;
  const reference = Math.min(input.minimumContextTokens ?? 4096, arch.contextLength);
  const kvPrecision = defaultKvPrecision(accelerator);
  const estimates = candidatePrecisions(accelerator).map((precision) =>
    singleStreamEstimate({
      arch,
      accelerator,
      gpus,
      weightPrecision: precision,
      kvPrecision,
      promptTokens: reference,
      outputTokens: 0,
      usableMemoryFraction: input.usableMemoryFraction,
      host: input.host,
    }),
  );
  const options: CanRunOption[] = estimates.map((estimate, index) => ({
    precision: candidatePrecisions(accelerator)[index]!,
    verdict: estimate.fit,
    decodeTokensPerSecond: estimate.decode.tokensPerSecond,
  }));
  const onGpu = options.findIndex((option) => option.verdict.fits);
  const offloaded = options
    .map((option, index) => ({ option, index }))
    .filter(({ option }) => !option.verdict.fits && option.verdict.fitsWithOffload)
    .sort((a, b) => b.option.decodeTokensPerSecond - a.option.decodeTokensPerSecond)[0];
  const chosenIndex = onGpu >= 0 ? onGpu : offloaded?.index;
  const chosen = chosenIndex === undefined ? undefined : options[chosenIndex];
  const estimate = chosenIndex === undefined ? undefined : estimates[chosenIndex];
  return {
    answer: onGpu >= 0 ? 'runs' : offloaded ? 'runs-with-offload' : 'does-not-fit',
    precision: chosen?.precision ?? null,
    kvPrecision,
    maxContextTokens: chosen?.verdict.fits ? chosen.verdict.largestContextTokens : chosen ? reference : 0,
    maxContextLimitedBy: chosen?.verdict.largestContextLimitedBy ?? 'memory',
    offload: chosen?.verdict.offload && !chosen.verdict.fits ? { gpuLayers: chosen.verdict.offload.gpuLayers, cpuLayers: chosen.verdict.offload.cpuLayers } : null,
    decodeTokensPerSecond: chosen?.decodeTokensPerSecond ?? 0,
    prefillTokensPerSecond: estimate?.prefillTokensPerSecond ?? 0,
    referenceContextTokens: reference,
    gpus,
    options,
  };
}
