/**
 * One engine step of continuous batching: `decodeSequences` sequences each produce a token while
 * `prefillTokens` prompt tokens (chunked prefill) ride along. Kernels run one after another, so the
 * step is the sum of its parts, each on its own roofline. Units: seconds, FLOPs, bytes (per GPU).
 */
import { attentionFlopsPerToken, kvBytesReadPerStep, linearFlopsPerStep, weightBytesReadPerStep } from './model-shape';
import { elementwiseSeconds, ROOFLINE_SHARPNESS, weightGemmSeconds } from './kernels';
import { allReduceSeconds, allToAllSeconds } from './links';
import type { ResolvedServing } from './resolve';
import type { ServingStepBreakdown } from './types';
import { expectedExpertsTouchedFraction } from '../moe';
import { softMaximum } from '../gemm';
import { kvCacheBytesPerToken } from '../memory';
import { nonNegative, ratio } from '../units';

/** Bytes per activation value in tensor-parallel all-reduces (BF16). */
const ALL_REDUCE_BYTES_PER_VALUE = 2;
/** Bytes per value of MoE dispatch (FP8) and combine (BF16), as DeepEP and TensorRT-LLM send them. */
const DISPATCH_BYTES_PER_VALUE = 1;
const COMBINE_BYTES_PER_VALUE = 2;

export { ROOFLINE_SHARPNESS };

/**
 * Kernel time from its compute and memory times: (compute^p + memory^p)^(1/p), p = ROOFLINE_SHARPNESS
 * (1.5: near the ridge real kernels reach neither roof; kernels.ts gives its measurement).
 * Units: seconds.
 */
export function rooflineSeconds(compute: number, memory: number): number {
  return softMaximum(nonNegative(compute), nonNegative(memory), ROOFLINE_SHARPNESS);
}

export interface StepLoad {
  /** Sequences producing a token this step. */
  decodeSequences: number;
  /** Mean cached context of a decoding sequence (tokens). */
  decodeContextTokens: number;
  /** Prompt tokens processed this step. */
  prefillTokens: number;
  /** Mean position of a prompt token (tokens it attends to). */
  prefillContextTokens: number;
}

export interface StepTime extends ServingStepBreakdown {
  seconds: number;
  /** Seconds the step's FLOPs and its bytes would take on their own (which one dominates). */
  computeSeconds: number;
  memorySeconds: number;
}

/** Weight bytes one GPU streams in a step of `tokens` tokens. */
function weightBytesPerGpu(r: ResolvedServing, tokens: number): number {
  const { shape, gpus } = r;
  if (r.attentionRanks <= 1) return weightBytesReadPerStep(shape, tokens) / gpus;
  // Attention data parallel: the non-expert weights are replicated, the routed experts spread.
  const touched = expectedExpertsTouchedFraction(shape.experts, shape.expertsPerToken, Math.max(1, tokens));
  const replicated = (shape.denseParams + shape.headParams) * shape.bytesPerWeight;
  return replicated + (shape.routedExpertParams * touched * shape.bytesPerWeight) / gpus;
}

function communicationSeconds(r: ResolvedServing, tokens: number): number {
  if (r.gpus <= 1 || tokens <= 0) return 0;
  const hidden = r.shape.hidden;
  if (r.attentionRanks > 1) {
    const k = r.shape.expertsPerToken;
    const tokensPerGpu = tokens / r.gpus;
    const dispatch = allToAllSeconds(tokensPerGpu * k * hidden * DISPATCH_BYTES_PER_VALUE, r.gpus, r.links);
    const combine = allToAllSeconds(tokensPerGpu * k * hidden * COMBINE_BYTES_PER_VALUE, r.gpus, r.links);
    return r.moeLayers * (dispatch + combine);
  }
  return 2 * r.shape.layers * allReduceSeconds(tokens * hidden * ALL_REDUCE_BYTES_PER_VALUE, r.gpus, r.links);
}

/**
 * Seconds of one engine step on one GPU of the replica:
 *   weights    = Σ GEMMs of the dense layers, the head and the routed experts, each on the shared
 *                GEMM model (kernels.ts `weightGemmSeconds`: MAMF × the engine's share, shape
 *                penalty, weights streamed at bandwidthFraction, roofline sharpness 1.5)
 *   activations = memory-bound elementwise kernels (norms, SwiGLU, MoE permute / finalize) at
 *                MEMORY_BOUND_EFFICIENCY of the bandwidth (kernels.ts `elementwiseSeconds`)
 *   attention  = roofline(attention FLOPs / (peak_kvFormat × computeFraction),
 *                         KV bytes read and written / (bandwidth × kvBandwidthFraction))
 *   communication = 2 all-reduces per layer (tensor parallel), or a dispatch + combine
 *                all-to-all per MoE layer (expert parallel, attention data parallel)
 *   overhead   = layers × layerOverheadSeconds + moeLayers × moeLayerOverheadSeconds
 *                + sequences per attention rank × hostSecondsPerSequence
 *   seconds    = weights + activations + attention + communication + overhead
 * Matrix FLOPs and the expert weights touched follow the step's tokens (decode + prefill); the
 * head runs for the sampled tokens only. KV bytes grow with sequences × context.
 * Units: seconds. Sources: pope2022 §2–3 (roofline per phase, tensor-parallel partitioning);
 * agrawal2024 (Sarathi-Serve: chunked prefill piggybacked on decode); kwon2023 §4; kernels.ts.
 */
export function engineStepSeconds(r: ResolvedServing, load: StepLoad): StepTime {
  const { shape, gpus, efficiency } = r;
  const arch = shape.arch;
  const decode = nonNegative(load.decodeSequences);
  const prefill = nonNegative(load.prefillTokens);
  const tokens = decode + prefill;
  const sampled = decode + (r.inputTokens > 0 ? prefill / r.inputTokens : 0);
  const split = { gpus, ranks: r.attentionRanks, expertGroups: r.expertGroups };

  const linearCompute = ratio(linearFlopsPerStep(shape, tokens, sampled) / gpus, r.peakLinearFlopsPerGpu * r.linearComputeFraction);
  const linearMemory = ratio(weightBytesPerGpu(r, tokens), r.bandwidthPerGpu * efficiency.bandwidthFraction);
  const device = {
    peakFlops: r.peakLinearFlopsPerGpu,
    computeFraction: r.linearComputeFraction,
    bandwidth: r.bandwidthPerGpu,
    bandwidthFraction: efficiency.gemmBandwidthFraction ?? efficiency.bandwidthFraction,
    bytesPerWeight: shape.bytesPerWeight,
  };
  const weights = weightGemmSeconds(shape, device, split, tokens, sampled);
  const activations = elementwiseSeconds(shape, split, tokens, r.bandwidthPerGpu);

  const attentionFlops =
    (decode * attentionFlopsPerToken(arch, load.decodeContextTokens, 'decode') +
      prefill * attentionFlopsPerToken(arch, load.prefillContextTokens, 'prefill')) /
    gpus;
  const kvBytes =
    ((kvBytesReadPerStep(arch, decode, load.decodeContextTokens, r.kvBytesPerValue) +
      prefill * kvCacheBytesPerToken(arch, r.kvBytesPerValue)) *
      r.kvReplication) /
    gpus;
  const attentionCompute = ratio(attentionFlops, r.peakAttentionFlopsPerGpu * r.attentionComputeFraction);
  const attentionMemory = ratio(kvBytes, r.bandwidthPerGpu * efficiency.kvBandwidthFraction);

  const attention = rooflineSeconds(attentionCompute, attentionMemory);
  const communication = communicationSeconds(r, tokens);
  const overhead =
    shape.layers * efficiency.layerOverheadSeconds +
    shape.moeLayers * efficiency.moeLayerOverheadSeconds +
    (decode / r.attentionRanks) * efficiency.hostSecondsPerSequence;
  return {
    weights,
    activations,
    attention,
    communication,
    overhead,
    seconds: nonNegative(weights + activations + attention + communication + overhead),
    computeSeconds: linearCompute + attentionCompute,
    memorySeconds: linearMemory + attentionMemory,
  };
}
