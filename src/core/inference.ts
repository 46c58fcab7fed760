/**
 * Inference: prefill, decode roofline, throughput, latency, cost, and the largest context or
 * batch that fits. Units: FLOPs, bytes, seconds, tokens per second, US dollars.
 *
 * Serving on N GPUs is modelled as tensor parallelism: the weights and KV cache are split evenly,
 * so memory, bandwidth and FLOP/s add up across the group (pope2022 §3.1). All-reduce
 * communication between the GPUs is ignored, which flatters large groups on slow interconnects.
 */
import type { Architecture } from './types';
import type { Accelerator, AcceleratorKind } from '../data/types';
import {
  inferenceWorkingBreakdown,
  kvCacheBytes,
  maxTokensForKvBytes,
  LOGIT_BYTES,
} from './memory';
import { SECONDS_PER_HOUR, TOKENS_PER_MILLION, nonNegative, ratio } from './units';

// ---------------------------------------------------------------------------------------------
// Decode efficiency defaults, derived from measured decode speeds
// ---------------------------------------------------------------------------------------------

/**
 * Default fraction of peak memory bandwidth decode achieves, by accelerator kind: the median of
 * measured / roofline ratios of batch-1 decode (roofline = bandwidth / bytes of weights per token),
 * from `DECODE_MEASUREMENTS` (xiongjiedai2024 llama.cpp tables; nemo2024 lower bounds). The table of
 * ratios and the derivation are in docs/decode-efficiency.md and test/unit/inference.test.ts.
 *   datacenter 0.50: median of 8 ratios (A100, H100 PCIe / SXM; FP16 and Q4_0; 0.25–0.57)
 *   consumer   0.81: median of 6 ratios (RTX 3090, 4080, 4090; 0.56–0.91)
 *   apple      0.69: median of 4 ratios (M2 Ultra, M3 Max; 0.44–0.83)
 *   tpu        0.50: no measurement here; the datacenter value
 * Source: xiongjiedai2024; nemo2024; databricks2023 (MBU, "about 50%" on a 2 TB/s GPU).
 */
export const DEFAULT_BANDWIDTH_EFFICIENCY: Readonly<Record<AcceleratorKind, number>> = Object.freeze({
  datacenter: 0.5,
  consumer: 0.81,
  apple: 0.69,
  tpu: 0.5,
});

/** The default decode bandwidth efficiency for an accelerator (see DEFAULT_BANDWIDTH_EFFICIENCY). */
export function defaultBandwidthEfficiency(accelerator: Pick<Accelerator, 'kind'>): number {
  return DEFAULT_BANDWIDTH_EFFICIENCY[accelerator.kind] ?? DEFAULT_BANDWIDTH_EFFICIENCY.datacenter;
}

// ---------------------------------------------------------------------------------------------
// Prefill
// ---------------------------------------------------------------------------------------------

/**
 * Prefill FLOPs: every prompt token passes through the active weights once.
 *   flops = 2 × activeParams × promptTokens × batch
 * Units: FLOPs. Attention over the prompt is left out (small below ~10k tokens).
 * Sources: kaplan2020 §2.1 (2N per token forward); pope2022 §2.
 */
export function prefillFlops(activeParams: number, promptTokens: number, batch: number): number {
  return nonNegative(2 * nonNegative(activeParams) * nonNegative(promptTokens) * nonNegative(batch));
}

export interface PrefillOptions {
  activeParams: number;
  promptTokens: number;
  batch: number;
  /** Dense peak FLOP/s of one GPU at the inference compute format. */
  peakFlopsPerGpu: number;
  mfu: number;
  gpus: number;
  /** Weight bytes read once per forward pass (the floor for short prompts). Default 0. */
  weightBytesRead?: number;
  bandwidthBytesPerSecondPerGpu?: number;
  bandwidthEfficiency?: number;
}

/**
 * Prefill time: compute-bound, with the weight read as a floor for short prompts.
 *   seconds = max(2·N_active·promptTokens·batch / (peak × mfu × gpus),
 *                 weightBytesRead / (bandwidth × efficiency × gpus))
 * Units: seconds. Source: pope2022 §2 (prefill is compute bound; decode memory bound).
 */
export function prefillSeconds(options: PrefillOptions): number {
  const gpus = Math.max(1, nonNegative(options.gpus));
  const compute = ratio(
    prefillFlops(options.activeParams, options.promptTokens, options.batch),
    nonNegative(options.peakFlopsPerGpu) * nonNegative(options.mfu) * gpus,
  );
  const memory = ratio(
    nonNegative(options.weightBytesRead ?? 0),
    nonNegative(options.bandwidthBytesPerSecondPerGpu ?? 0) * nonNegative(options.bandwidthEfficiency ?? 0) * gpus,
  );
  return nonNegative(Math.max(compute, memory));
}

/**
 * Time to first token of one request: its prefill (the first token comes out of the prompt's
 * last position). Excludes queueing and network.  ttft = prefillSeconds(batch = 1)
 * Units: seconds. Source: pope2022 §2.
 */
export function timeToFirstTokenSeconds(options: Omit<PrefillOptions, 'batch'>): number {
  return prefillSeconds({ ...options, batch: 1 });
}

// ---------------------------------------------------------------------------------------------
// Decode
// ---------------------------------------------------------------------------------------------

/**
 * FLOPs of one decode step of `batch` sequences.
 *   flops = batch × (2 × activeParams + attentionFlopsPerToken)
 * Units: FLOPs. Source: kaplan2020 Table 1 (2N + 2·n_layer·n_ctx·d_attn per token).
 */
export function decodeStepFlops(activeParams: number, batch: number, attentionFlopsPerToken = 0): number {
  return nonNegative(nonNegative(batch) * (2 * nonNegative(activeParams) + nonNegative(attentionFlopsPerToken)));
}

/**
 * Bytes one decode step reads: the weights it uses (once for the whole batch) and the KV cache of
 * every sequence in the batch.  bytes = weightBytesRead + kvBytesAllSequences
 * Units: bytes. Source: pope2022 §2; databricks2023 (MBU).
 */
export function decodeStepBytes(weightBytesRead: number, kvBytesAllSequences: number): number {
  return nonNegative(nonNegative(weightBytesRead) + nonNegative(kvBytesAllSequences));
}

export type Bound = 'memory' | 'compute';

export interface DecodeStepOptions {
  bytes: number;
  flops: number;
  bandwidthBytesPerSecondPerGpu: number;
  bandwidthEfficiency: number;
  peakFlopsPerGpu: number;
  mfu: number;
  gpus: number;
}

export interface DecodeStep {
  seconds: number;
  memorySeconds: number;
  computeSeconds: number;
  bound: Bound;
}

/**
 * Decode step time on the roofline: the slower of moving the bytes and doing the FLOPs.
 *   memorySeconds  = bytes / (bandwidth × efficiency × gpus)
 *   computeSeconds = flops / (peak × mfu × gpus)
 *   seconds = max(memorySeconds, computeSeconds); bound = whichever is larger
 * Units: seconds. Tensor parallel: bandwidth and FLOP/s add up over the GPUs, communication ignored.
 * Sources: pope2022 §2; databricks2023.
 */
export function decodeStep(options: DecodeStepOptions): DecodeStep {
  const gpus = Math.max(1, nonNegative(options.gpus));
  const memorySeconds = ratio(
    options.bytes,
    nonNegative(options.bandwidthBytesPerSecondPerGpu) * nonNegative(options.bandwidthEfficiency) * gpus,
  );
  const computeSeconds = ratio(options.flops, nonNegative(options.peakFlopsPerGpu) * nonNegative(options.mfu) * gpus);
  const bound: Bound = computeSeconds > memorySeconds ? 'compute' : 'memory';
  return { seconds: Math.max(memorySeconds, computeSeconds), memorySeconds, computeSeconds, bound };
}

/**
 * Batch-1 decode roofline: tokens/s = bandwidth / bytes read per token (weights, plus KV if
 * given), before any efficiency factor. Units: tokens per second.
 * Source: pope2022 §2; the definition in hardware.json's decode_batch1_vs_bandwidth_roofline.
 */
export function decodeRooflineTokensPerSecond(bandwidthBytesPerSecond: number, bytesPerToken: number): number {
  return ratio(nonNegative(bandwidthBytesPerSecond), nonNegative(bytesPerToken));
}

/** Tokens per second one sequence sees: 1 / step seconds. Units: tokens/s. */
export function decodeTokensPerSecondPerSequence(stepSeconds: number): number {
  return ratio(1, stepSeconds);
}

/** Tokens per second across the batch: batch / step seconds. Units: tokens/s. */
export function decodeTokensPerSecondAggregate(stepSeconds: number, batch: number): number {
  return ratio(nonNegative(batch), stepSeconds);
}

/**
 * Cost of one million output tokens on GPUs rented by the hour.
 *   usd = gpus × usdPerGpuHour / 3600 × 1e6 / outputTokensPerSecond
 * Pass the effective output rate (prefill time included) to charge prompts to output tokens.
 * Units: US dollars per 1M tokens. Source: definition.
 */
export function costPerMillionTokensUsd(outputTokensPerSecond: number, gpus: number, usdPerGpuHour: number): number {
  const usdPerSecond = (Math.max(1, nonNegative(gpus)) * nonNegative(usdPerGpuHour)) / SECONDS_PER_HOUR;
  return ratio(usdPerSecond * TOKENS_PER_MILLION, outputTokensPerSecond);
}

// ---------------------------------------------------------------------------------------------
// What fits
// ---------------------------------------------------------------------------------------------

export interface FitOptions {
  arch: Architecture;
  gpus: number;
  memoryBytesPerGpu: number;
  weightBytes: number;
  kvBytesPerValue: number;
  /** Upper bound for the answer (tokens or sequences). */
  cap?: number;
}

/** Memory left for KV cache and logits on `gpus` GPUs after weights, activations and runtime. */
function bytesLeftForSequences(options: FitOptions): number {
  const gpus = Math.max(1, nonNegative(options.gpus));
  const working = inferenceWorkingBreakdown({ arch: options.arch, batch: 0, gpus });
  return nonNegative(gpus * nonNegative(options.memoryBytesPerGpu) - nonNegative(options.weightBytes) - working.total);
}

/**
 * The longest context (tokens per sequence) whose KV cache for `batch` sequences fits beside the
 * weights and working memory on `gpus` GPUs; sliding-window layers stop growing at their window.
 *   solve kvCacheBytes(tokens, batch) ≤ gpus × memory − weights − working(batch)
 * Capped at `cap` (default 1e7 tokens, the explorer's range) — memory, not the model's trained
 * context length, is the limit here. Units: tokens. Sources: kwon2023 §3; jiang2023 §2.
 */
export function largestContextThatFits(options: FitOptions & { batch: number }): number {
  const batch = Math.max(1, nonNegative(options.batch));
  const available = bytesLeftForSequences(options) - batch * options.arch.vocab * LOGIT_BYTES;
  return maxTokensForKvBytes(options.arch, nonNegative(available), batch, options.kvBytesPerValue, options.cap ?? 1e7);
}

/**
 * The most sequences of `contextTokens` tokens whose KV cache and logits fit beside the weights
 * and working memory on `gpus` GPUs.
 *   floor((gpus × memory − weights − working) / (kvCacheBytes(context, 1) + vocab × 4))
 * Capped at `cap` (default 1e6). Units: sequences. Source: kwon2023 §3.
 */
export function largestBatchThatFits(options: FitOptions & { contextTokens: number }): number {
  const perSequence =
    kvCacheBytes(options.arch, { tokens: options.contextTokens, batch: 1, bytesPerValue: options.kvBytesPerValue }) +
    options.arch.vocab * LOGIT_BYTES;
  const batch = Math.floor(ratio(bytesLeftForSequences(options), perSequence));
  return Math.min(nonNegative(options.cap ?? 1e6), batch);
}
