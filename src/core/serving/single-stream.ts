/**
 * One request on its own (batch 1): the figures `estimate()` shows for a scenario — whether the
 * model fits, how fast the first token comes, how fast tokens follow — from the same efficiency
 * table, GEMM model, links and fit verdict as the serving model, so the page and the serving
 * section agree. Dense and MoE models, one or several GPUs, optional partial offload to system RAM.
 * Units: seconds, tokens, tokens per second, bytes.
 */
import type { Architecture } from '../types';
import type { Accelerator, PrecisionId } from '../../data/types';
import { PRECISIONS } from '../../data/precisions';
import { denseFlopsFor } from '../../data/hardware';
import { softMaximum } from '../gemm';
import { countParameters } from '../params';
import { kvCacheBytes } from '../memory';
import { nonNegative, ratio } from '../units';
import { computeFraction, decodeEfficiency, effectiveBandwidthEfficiency } from './efficiency';
import type { DecodeEfficiency, DecodeEfficiencyOverrides } from './efficiency';
import { fitVerdict, LOCAL_PREFILL_CHUNK_TOKENS } from './fit';
import type { FitVerdict, HostMemory } from './fit';
import { elementwiseSeconds, ROOFLINE_SHARPNESS, weightGemmSeconds } from './kernels';
import { allReduceSeconds, replicaLinks } from './links';
import { attentionFlopsPerToken, servingModelShape, weightBytesReadPerStep } from './model-shape';
import type { ServingModelShape } from './model-shape';
import { DEFAULT_MAX_TOKENS_PER_STEP } from './resolve';

/**
 * Achieved share of system-RAM bandwidth when llama.cpp decodes layers on the CPU: Ryzen AI Max+ 395
 * CPU backend, Llama-2-7B Q4_0 tg128 = 28.94 tok/s × 3.72 GB = 108 GB/s of 256 GB/s theoretical
 * (llm-tracker.info "AMD Strix Halo GPU performance", 2025-05-17). One published row, not a fit.
 */
export const HOST_BANDWIDTH_FRACTION = 0.42;

/** A typical desktop host: 64 GB of dual-channel DDR5-5600 (2 × 8 bytes × 5600 MT/s = 89.6 GB/s). */
export const DEFAULT_HOST: HostMemory = Object.freeze({ memoryBytes: 64e9, bandwidthBytesPerSecond: 89.6e9 });

/** Bytes per value of the tensor-parallel all-reduce after attention and after the MLP (BF16). */
const ALL_REDUCE_BYTES_PER_VALUE = 2;

export interface SingleStreamDecode {
  /** Seconds between two output tokens (time per output token). */
  secondsPerToken: number;
  tokensPerSecond: number;
  /** Share of the weight-streaming roofline reached (the scalar `estimate()` calls bandwidth efficiency). */
  bandwidthEfficiency: number;
  /** Bytes of weights one token reads (the experts it picks, not every expert). */
  weightBytesRead: number;
  /** Bytes of KV cache one token reads at the context. */
  kvBytesRead: number;
}

export interface SingleStreamInput {
  arch: Architecture;
  accelerator: Accelerator;
  weightPrecision: PrecisionId;
  kvPrecision: PrecisionId;
  /** Prompt tokens (the context of the first token). */
  promptTokens: number;
  /** Tokens to generate (0 allowed: the prompt alone). Default 1. Decode speed is at the mean context prompt + output / 2. */
  outputTokens?: number;
  /** Devices the model is split over (tensor parallel). Default 1. */
  gpus?: number;
  /** Allow layers that do not fit to live in system RAM (llama.cpp `-ngl`); not on Apple. */
  host?: HostMemory;
  /** Apple: share of unified memory the GPU may wire (default: Metal's rule). */
  usableMemoryFraction?: number;
  efficiency?: DecodeEfficiencyOverrides;
}

export interface SingleStreamEstimate {
  /** The page's one fit verdict (weights + KV + working memory + runtime reserve vs usable memory). */
  fit: FitVerdict;
  /** True when it runs: everything on the GPU(s), or with `host` once layers move to system RAM. */
  runs: boolean;
  /** Share of the layers on the GPU (1 without offload). */
  gpuLayerShare: number;
  /** Time to first token: the prompt's prefill, seconds (0 when it does not run). */
  ttftSeconds: number;
  /** Prompt tokens per second of that prefill. */
  prefillTokensPerSecond: number;
  /** Batch-1 decode at the mean context (zeros when it does not run). */
  decode: SingleStreamDecode;
  /** Seconds for the whole request: TTFT + (outputTokens − 1) × time per output token. */
  requestSeconds: number;
  efficiency: DecodeEfficiency;
}

interface Resolved {
  shape: ServingModelShape;
  efficiency: DecodeEfficiency;
  gpus: number;
  kvBytesPerValue: number;
}

function resolve(input: Pick<SingleStreamInput, 'arch' | 'accelerator' | 'weightPrecision' | 'kvPrecision' | 'gpus' | 'efficiency'>): Resolved {
  const gpus = Math.max(1, Math.floor(nonNegative(input.gpus ?? 1)));
  return {
    shape: servingModelShape(input.arch, countParameters(input.arch), input.weightPrecision),
    efficiency: decodeEfficiency(input.accelerator, input.weightPrecision, input.efficiency),
    gpus,
    kvBytesPerValue: PRECISIONS[input.kvPrecision]?.bitsPerWeight / 8 || 2,
  };
}

/** Seconds of the two all-reduces per layer one step of `tokens` tokens needs under tensor parallel. */
function tensorParallelSeconds(input: Pick<SingleStreamInput, 'accelerator'>, shape: ServingModelShape, gpus: number, tokens: number): number {
  if (gpus <= 1) return 0;
  return 2 * shape.layers * allReduceSeconds(tokens * shape.hidden * ALL_REDUCE_BYTES_PER_VALUE, gpus, replicaLinks(input.accelerator));
}

/**
 * Seconds per token of batch-1 decode at `contextTokens`, with `gpuShare` of the layers on the GPU(s):
 *   GPU part = share × (weights read / (bandwidth × gpus × bandwidthFraction)
 *              + KV read / (bandwidth × gpus × kvBandwidthFraction)
 *              + layers × layerOverheadSeconds + moeLayers × moeLayerOverheadSeconds + TP all-reduces)
 *   CPU part = (1 − share) × (weights + KV) / (host bandwidth × HOST_BANDWIDTH_FRACTION)
 * Weights read = the dense part, the head and the k experts a token picks (`weightBytesReadPerStep`).
 * Units: seconds. Sources: src/data/decode-efficiency.ts (the fit); links.ts; HOST_BANDWIDTH_FRACTION.
 */
function decodeSecondsPerToken(input: SingleStreamInput, r: Resolved, contextTokens: number, gpuShare: number): SingleStreamDecode {
  const { shape, efficiency, gpus } = r;
  const bandwidth = input.accelerator.bandwidthBytesPerSecond * gpus;
  const weightBytesRead = weightBytesReadPerStep(shape, 1);
  const kvBytesRead = kvCacheBytes(input.arch, { tokens: nonNegative(contextTokens), batch: 1, bytesPerValue: r.kvBytesPerValue });
  const fixed = shape.layers * efficiency.layerOverheadSeconds + shape.moeLayers * efficiency.moeLayerOverheadSeconds;
  const gpuSeconds =
    ratio(weightBytesRead, bandwidth * efficiency.bandwidthFraction) +
    ratio(kvBytesRead, bandwidth * efficiency.kvBandwidthFraction) +
    fixed +
    tensorParallelSeconds(input, shape, gpus, 1);
  const host = input.host ?? DEFAULT_HOST;
  const cpuSeconds = gpuShare < 1 ? ratio(weightBytesRead + kvBytesRead, host.bandwidthBytesPerSecond * HOST_BANDWIDTH_FRACTION) : 0;
  const secondsPerToken = nonNegative(gpuShare * gpuSeconds + (1 - gpuShare) * cpuSeconds);
  return {
    secondsPerToken,
    tokensPerSecond: ratio(1, secondsPerToken),
    bandwidthEfficiency: effectiveBandwidthEfficiency({ weightBytesRead, layers: shape.layers, bandwidthBytesPerSecond: bandwidth, efficiency }),
    weightBytesRead,
    kvBytesRead,
  };
}

/**
 * Seconds to prefill `promptTokens` at batch 1 on the GPU(s), chunk by chunk (512 tokens on local
 * machines — llama.cpp's n_ubatch —, 8192 on datacenter engines), each chunk one engine step:
 *   chunk = weight GEMMs (kernels.ts, the serving model's GEMM profile and compute fraction)
 *         + elementwise kernels + roofline(attention FLOPs, KV written) + layer overheads + TP all-reduces
 * With offload the layers in system RAM run at the host's bandwidth for their weights once per chunk.
 * Units: seconds. Sources: kernels.ts; agrawal2024 (chunked prefill); llama.cpp n_ubatch.
 */
function prefillSeconds(input: SingleStreamInput, r: Resolved, promptTokens: number, gpuShare: number): number {
  const { shape, efficiency, gpus } = r;
  const { accelerator } = input;
  const local = accelerator.kind === 'apple' || accelerator.kind === 'consumer';
  const chunkTokens = Math.max(1, Math.min(promptTokens, local ? LOCAL_PREFILL_CHUNK_TOKENS : DEFAULT_MAX_TOKENS_PER_STEP));
  const chunks = Math.ceil(promptTokens / chunkTokens);
  const linearRate = denseFlopsFor(accelerator, PRECISIONS[input.weightPrecision].computeFormat) ?? denseFlopsFor(accelerator, 'bf16');
  const attentionRate = denseFlopsFor(accelerator, PRECISIONS[input.kvPrecision].computeFormat === 'fp8' ? 'fp8' : 'bf16') ?? linearRate;
  const device = {
    peakFlops: linearRate?.flops ?? 0,
    computeFraction: computeFraction(accelerator, linearRate?.format ?? 'bf16', efficiency),
    bandwidth: accelerator.bandwidthBytesPerSecond,
    bandwidthFraction: efficiency.gemmBandwidthFraction ?? efficiency.bandwidthFraction,
    bytesPerWeight: shape.bytesPerWeight,
  };
  const attentionPeak = (attentionRate?.flops ?? 0) * computeFraction(accelerator, attentionRate?.format ?? 'bf16', efficiency);
  const split = { gpus, ranks: 1, expertGroups: 1 };
  const kvBytesPerToken = kvCacheBytes(input.arch, { tokens: 1, batch: 1, bytesPerValue: r.kvBytesPerValue });
  const host = input.host ?? DEFAULT_HOST;
  // Everything but attention depends only on a chunk's token count and whether it is the last:
  // priced once per kind of chunk (a 128K prompt in 512-token chunks has 256 of one kind).
  const stepParts = new Map<string, { gemm: number; elementwise: number; kvWrite: number; tp: number; cpuStep: number }>();
  const parts = (tokens: number, last: boolean) => {
    const key = `${tokens}/${last ? 1 : 0}`;
    let found = stepParts.get(key);
    if (!found) {
      found = {
        gemm: weightGemmSeconds(shape, device, split, tokens, last ? 1 : 0),
        elementwise: elementwiseSeconds(shape, split, tokens, accelerator.bandwidthBytesPerSecond),
        kvWrite: ratio((tokens * kvBytesPerToken) / gpus, accelerator.bandwidthBytesPerSecond * efficiency.kvBandwidthFraction),
        tp: tensorParallelSeconds(input, shape, gpus, tokens),
        cpuStep: gpuShare < 1 ? ratio(weightBytesReadPerStep(shape, tokens), host.bandwidthBytesPerSecond * HOST_BANDWIDTH_FRACTION) : 0,
      };
      stepParts.set(key, found);
    }
    return found;
  };
  let seconds = 0;
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    const tokens = Math.min(chunkTokens, promptTokens - chunk * chunkTokens);
    const meanPosition = chunk * chunkTokens + tokens / 2;
    const attentionCompute = ratio((tokens * attentionFlopsPerToken(input.arch, meanPosition, 'prefill')) / gpus, attentionPeak);
    const { gemm, elementwise, kvWrite, tp, cpuStep } = parts(tokens, chunk === chunks - 1);
    const gpuStep =
      gemm +
      elementwise +
      softMaximum(attentionCompute, kvWrite, ROOFLINE_SHARPNESS) +
      shape.layers * efficiency.layerOverheadSeconds +
      shape.moeLayers * efficiency.moeLayerOverheadSeconds +
      tp;
    seconds += gpuShare * gpuStep + (1 - gpuShare) * Math.max(cpuStep, gpuStep);
  }
  return nonNegative(seconds);
}

/**
 * Single-stream (batch 1) decode of `arch` on `gpus` × `accelerator` at a context of `contextTokens`,
 * everything on the GPU(s), with the kind × format defaults of `decodeEfficiency` (overridable):
 *   seconds = weights read / (bandwidth × gpus × bandwidthFraction) + KV read / (bandwidth × gpus × kvBandwidthFraction)
 *             + layers × layerOverheadSeconds + moeLayers × moeLayerOverheadSeconds + TP all-reduces
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
  const input: SingleStreamInput = { ...options, kvPrecision: 'fp16', promptTokens: 1 };
  const r = { ...resolve(input), kvBytesPerValue: nonNegative(options.kvBytesPerValue) };
  return decodeSecondsPerToken(input, r, options.contextTokens, 1);
}

/**
 * Everything the page shows for one request on a device (the one function `estimate()` needs):
 *   fit         = fitVerdict at prompt + output tokens, batch 1 (offload with `host`, not on Apple)
 *   TTFT        = prefill of the prompt (see prefillSeconds), seconds
 *   decode      = time per output token at the mean context prompt + output / 2 (see decodeSecondsPerToken)
 *   request     = TTFT + (output − 1) × time per output token
 * MoE models read only the experts a token picks and pay each MoE layer's fixed cost; with offload the
 * layers in system RAM run at the host's bandwidth. Nothing runs (zeros, `runs` false) when the fit
 * verdict says it does not fit even with offload. Bad input throws ServingConfigError (fitVerdict).
 * Units: seconds, tokens per second, bytes. Sources: fit.ts, efficiency.ts, kernels.ts, links.ts.
 */
export function singleStreamEstimate(input: SingleStreamInput): SingleStreamEstimate {
  const outputTokens = Math.max(0, Math.floor(nonNegative(input.outputTokens ?? 1)));
  const host = input.accelerator.kind === 'apple' ? undefined : input.host;
  const fit = fitVerdict({
    arch: input.arch,
    accelerator: input.accelerator,
    gpus: input.gpus,
    weightPrecision: input.weightPrecision,
    kvPrecision: input.kvPrecision,
    contextTokens: input.promptTokens + outputTokens,
    usableMemoryFraction: input.usableMemoryFraction,
    host,
  });
  const r = resolve(input);
  const runs = fit.fits || fit.fitsWithOffload;
  const gpuLayerShare = fit.fits || !fit.offload ? 1 : fit.offload.gpuLayers / Math.max(1, input.arch.layers);
  if (!runs) {
    const none = { secondsPerToken: 0, tokensPerSecond: 0, bandwidthEfficiency: 0, weightBytesRead: 0, kvBytesRead: 0 };
    return { fit, runs, gpuLayerShare: 0, ttftSeconds: 0, prefillTokensPerSecond: 0, decode: none, requestSeconds: 0, efficiency: r.efficiency };
  }
  const withHost = { ...input, host };
  const ttftSeconds = prefillSeconds(withHost, r, input.promptTokens, gpuLayerShare);
  const decode = decodeSecondsPerToken(withHost, r, input.promptTokens + outputTokens / 2, gpuLayerShare);
  return {
    fit,
    runs,
    gpuLayerShare,
    ttftSeconds,
    prefillTokensPerSecond: ratio(input.promptTokens, ttftSeconds),
    decode,
    requestSeconds: nonNegative(ttftSeconds + Math.max(0, outputTokens - 1) * decode.secondsPerToken),
    efficiency: r.efficiency,
  };
}
