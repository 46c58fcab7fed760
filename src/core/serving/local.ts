/**
 * "Can I run it": for a model and a device, the best precision that fits, the longest context,
 * whether layers must move to system RAM, and the single-stream speed — the data of one sentence
 * (the UI writes the words). Units: tokens, tokens per second, bytes, layers.
 */
import type { Architecture } from '../types';
import type { Accelerator, PrecisionId } from '../../data/types';
import { denseFlopsFor } from '../../data/hardware';
import { countParameters } from '../params';
import { kvCacheBytes } from '../memory';
import { nonNegative, ratio } from '../units';
import { decodeEfficiency, effectiveBandwidthEfficiency } from './efficiency';
import type { DecodeEfficiencyOverrides } from './efficiency';
import { fitVerdict } from './fit';
import type { FitVerdict, HostMemory } from './fit';
import { servingModelShape, weightBytesReadPerStep } from './model-shape';

/**
 * Achieved share of system-RAM bandwidth when llama.cpp decodes layers on the CPU: Ryzen AI Max+ 395
 * CPU backend, Llama-2-7B Q4_0 tg128 = 28.94 tok/s × 3.72 GB = 108 GB/s of 256 GB/s theoretical
 * (llm-tracker.info "AMD Strix Halo GPU performance", 2025-05-17). One published row, not a fit.
 */
export const HOST_BANDWIDTH_FRACTION = 0.42;

/** A typical desktop host: 64 GB of dual-channel DDR5-5600 (2 × 8 bytes × 5600 MT/s = 89.6 GB/s). */
export const DEFAULT_HOST: HostMemory = Object.freeze({ memoryBytes: 64e9, bandwidthBytesPerSecond: 89.6e9 });

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

export interface SingleStreamDecode {
  secondsPerToken: number;
  tokensPerSecond: number;
  /** Share of the weight-streaming roofline reached (the scalar `estimate()` calls bandwidth efficiency). */
  bandwidthEfficiency: number;
  weightBytesRead: number;
  kvBytesRead: number;
}

/**
 * Single-stream (batch 1) decode of `arch` on `gpus` × `accelerator` at a context of `contextTokens`,
 * with the kind × format defaults of `decodeEfficiency` (overridable) — the number the page's
 * inference section shows, so it and the serving model agree:
 *   seconds = weights read / (bandwidth × gpus × bandwidthFraction) + KV read / (bandwidth × gpus × kvBandwidthFraction)
 *             + layers × layerOverheadSeconds
 * Units: seconds, tokens per second, bytes. Sources: efficiency.ts; src/data/decode-efficiency.ts.
 */
export function singleStreamDecode(options: {
  arch: Architecture;
  accelerator: Accelerator;
  weightPrecision: PrecisionId;
  kvBytesPerValue: number;
  contextTokens: number;
  gpus?: number;
  efficiency?: DecodeEfficiencyOverrides;
}): SingleStreamDecode {
  const { arch, accelerator } = options;
  const gpus = Math.max(1, nonNegative(options.gpus ?? 1));
  const efficiency = decodeEfficiency(accelerator, options.weightPrecision, options.efficiency);
  const weightBytesRead = weightBytesReadPerStep(servingModelShape(arch, countParameters(arch), options.weightPrecision), 1);
  const kvBytesRead = kvCacheBytes(arch, { tokens: nonNegative(options.contextTokens), batch: 1, bytesPerValue: nonNegative(options.kvBytesPerValue) });
  const bandwidth = accelerator.bandwidthBytesPerSecond * gpus;
  const secondsPerToken = nonNegative(
    ratio(weightBytesRead, bandwidth * efficiency.bandwidthFraction) +
      ratio(kvBytesRead, bandwidth * efficiency.kvBandwidthFraction) +
      arch.layers * efficiency.layerOverheadSeconds,
  );
  return {
    secondsPerToken,
    tokensPerSecond: ratio(1, secondsPerToken),
    bandwidthEfficiency: effectiveBandwidthEfficiency({ weightBytesRead, layers: arch.layers, bandwidthBytesPerSecond: bandwidth, efficiency }),
    weightBytesRead,
    kvBytesRead,
  };
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
  /** Prefill speed at the chosen format, tokens per second (compute-bound). */
  prefillTokensPerSecond: number;
  referenceContextTokens: number;
  gpus: number;
  /** Every candidate format, widest first. */
  options: CanRunOption[];
}

function decodeSeconds(input: CanRunInput, precision: PrecisionId, kvPrecision: PrecisionId, context: number, verdict: FitVerdict, gpus: number): number {
  const { arch, accelerator } = input;
  const shape = servingModelShape(arch, countParameters(arch), precision);
  const efficiency = decodeEfficiency(accelerator, precision);
  const weights = weightBytesReadPerStep(shape, 1);
  const kvBytesPerValue = kvPrecision === 'fp8' || kvPrecision === 'int8' || kvPrecision === 'q8_0' ? 1 : 2;
  const kv = kvCacheBytes(arch, { tokens: context, batch: 1, bytesPerValue: kvBytesPerValue });
  const gpuShare = verdict.offload ? verdict.offload.gpuLayers / arch.layers : 1;
  const bandwidth = accelerator.bandwidthBytesPerSecond * gpus;
  const gpuSeconds =
    ratio((weights + kv) * gpuShare, bandwidth * efficiency.bandwidthFraction) + arch.layers * gpuShare * efficiency.layerOverheadSeconds;
  const host = input.host ?? DEFAULT_HOST;
  const cpuSeconds = gpuShare < 1 ? ratio((weights + kv) * (1 - gpuShare), host.bandwidthBytesPerSecond * HOST_BANDWIDTH_FRACTION) : 0;
  return nonNegative(gpuSeconds + cpuSeconds);
}

/**
 * Try each candidate format, widest first, at `minimumContextTokens` and batch 1 (`fitVerdict`):
 *   runs               — the widest format that fits entirely in GPU memory;
 *   runs-with-offload  — none fits, but with `host` one does once layers move to system RAM: the
 *                        fastest such format (time per token = GPU part / (GPU bandwidth × fraction)
 *                        + CPU part / (RAM bandwidth × 0.42), llama.cpp -ngl);
 *   does-not-fit       — neither.
 * Decode speed at the reference context (the minimum context) from `batchOneDecodeSeconds`' model.
 * Units: tokens, tokens per second. Sources: fit.ts; efficiency.ts; HOST_BANDWIDTH_FRACTION.
 */
export function canIRun(input: CanRunInput): CanRunAnswer {
  const { arch, accelerator } = input;
  const gpus = input.gpus ?? 1;
  const reference = Math.min(input.minimumContextTokens ?? 4096, arch.contextLength);
  const kvPrecision = defaultKvPrecision(accelerator);
  const host = accelerator.kind === 'apple' ? undefined : input.host;
  const options: CanRunOption[] = candidatePrecisions(accelerator).map((precision) => {
    const verdict = fitVerdict({
      arch,
      accelerator,
      gpus,
      weightPrecision: precision,
      kvPrecision,
      contextTokens: reference,
      usableMemoryFraction: input.usableMemoryFraction,
      host,
    });
    const runs = verdict.fits || verdict.fitsWithOffload;
    return {
      precision,
      verdict,
      decodeTokensPerSecond: runs ? ratio(1, decodeSeconds({ ...input, host }, precision, kvPrecision, reference, verdict, gpus)) : 0,
    };
  });
  const onGpu = options.find((option) => option.verdict.fits);
  const withOffload = options
    .filter((option) => !option.verdict.fits && option.verdict.fitsWithOffload)
    .sort((a, b) => b.decodeTokensPerSecond - a.decodeTokensPerSecond)[0];
  const chosen = onGpu ?? withOffload;
  const prefillPeak = chosen ? (denseFlopsFor(accelerator, 'bf16')?.flops ?? 0) * gpus : 0;
  const prefillFraction = chosen ? decodeEfficiency(accelerator, chosen.precision).prefillComputeFraction : 0;
  return {
    answer: onGpu ? 'runs' : withOffload ? 'runs-with-offload' : 'does-not-fit',
    precision: chosen?.precision ?? null,
    kvPrecision,
    maxContextTokens: chosen?.verdict.fits ? chosen.verdict.largestContextTokens : chosen ? reference : 0,
    maxContextLimitedBy: chosen?.verdict.largestContextLimitedBy ?? 'memory',
    offload: chosen?.verdict.offload && !chosen.verdict.fits ? { gpuLayers: chosen.verdict.offload.gpuLayers, cpuLayers: chosen.verdict.offload.cpuLayers } : null,
    decodeTokensPerSecond: chosen?.decodeTokensPerSecond ?? 0,
    prefillTokensPerSecond: chosen ? ratio(prefillPeak * prefillFraction, 2 * countParameters(arch).active) : 0,
    referenceContextTokens: reference,
    gpus,
    options,
  };
}
