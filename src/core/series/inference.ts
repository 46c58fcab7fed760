/**
 * Serving chart sweeps: memory against context, and decode throughput against batch, on the
 * estimate's serving group. Units: tokens, bytes, seconds, tokens per second.
 */
import type { EstimateInput } from '../input';
import type { Estimate } from '../estimate';
import { kvCacheBytes } from '../memory';
import { attentionForwardFlopsPerToken } from '../training';
import { decodeStepFlops, decodeTokensPerSecondAggregate, decodeTokensPerSecondPerSequence, type Bound } from '../inference';
import { decodeStepAtBatch } from '../estimate/serving-defaults';
import { ratio } from '../units';
import { BATCH_GRID, CONTEXT_GRID } from './grids';

export interface InferenceMemoryRow {
  context: number;
  weightBytes: number;
  kvBytes: number;
  workingBytes: number;
  totalBytes: number;
}

export interface InferenceMemoryVsContextSeries {
  /** Weights + KV + working for `batch` sequences, context 1k–10M tokens (log). */
  rows: InferenceMemoryRow[];
  batch: number;
  oneGpuBytes: number;
  servingGpus: number;
  servingBytes: number;
  currentContext: number;
  modelContextLength: number;
}

export interface ThroughputRow {
  batch: number;
  tokensPerSecondPerSequence: number;
  tokensPerSecondAggregate: number;
  stepSeconds: number;
  bound: Bound;
  /** Weights + KV of the batch + working fit on the serving group. */
  fits: boolean;
}

export interface ThroughputVsBatchSeries {
  /** Decode at the average context, batch 1–1024, on the serving group. */
  rows: ThroughputRow[];
  gpus: number;
  currentBatch: number;
}

/** Weights + KV cache + working memory of `batch` sequences vs context, 1k–10M tokens. */
export function inferenceMemoryVsContext(estimate: Estimate): InferenceMemoryVsContextSeries {
  const inference = estimate.inference;
  const arch = estimate.model.arch;
  const working = inference.working.total;
  const rows = CONTEXT_GRID.map((context) => {
    const kvBytes = kvCacheBytes(arch, { tokens: context, batch: inference.batch, bytesPerValue: estimate.kv.bytesPerValue });
    return { context, weightBytes: inference.weightBytes, kvBytes, workingBytes: working, totalBytes: inference.weightBytes + kvBytes + working };
  });
  return {
    rows,
    batch: inference.batch,
    oneGpuBytes: estimate.hardware.memoryBytes,
    servingGpus: inference.gpus,
    servingBytes: inference.gpus * estimate.hardware.memoryBytes,
    currentContext: inference.contextTokens,
    modelContextLength: inference.modelContextLength,
  };
}

/**
 * Decode tokens/s per sequence and aggregate vs batch 1–1024 at the average context, on the
 * serving group, with the estimate's own decode model (the serving model's efficiency defaults or
 * the override, per-layer overheads, tensor-parallel all-reduces) and MFU. A batch fits when the
 * page's fit verdict allows it (`fit.largestBatch`). The input is read through the estimate; the
 * parameter stays for the call's shape.
 */
export function throughputVsBatch(_input: EstimateInput, estimate: Estimate): ThroughputVsBatchSeries {
  const inference = estimate.inference;
  const { arch, counts } = estimate.model;
  const attentionPerToken = attentionForwardFlopsPerToken(arch, inference.averageContextTokens);
  const kvPerSequenceFull = kvCacheBytes(arch, { tokens: inference.contextTokens, batch: 1, bytesPerValue: estimate.kv.bytesPerValue });
  const capacity = inference.gpus * estimate.hardware.memoryBytes;
  const fixedBytes = inference.weightBytes + inference.working.activations + inference.working.runtime;
  const logitBytesPerSequence = ratio(inference.working.logits, inference.batch);
  const largestBatch = inference.fit && inference.fit.gpus === inference.gpus ? inference.fit.largestBatch : null;
  const rows = BATCH_GRID.map((batch) => {
    const step = decodeStepAtBatch(inference.decodeModel, batch, inference.averageContextTokens, decodeStepFlops(counts.active, batch, attentionPerToken));
    return {
      batch,
      tokensPerSecondPerSequence: decodeTokensPerSecondPerSequence(step.seconds),
      tokensPerSecondAggregate: decodeTokensPerSecondAggregate(step.seconds, batch),
      stepSeconds: step.seconds,
      bound: step.bound,
      fits: largestBatch !== null ? batch <= largestBatch : fixedBytes + batch * (kvPerSequenceFull + logitBytesPerSequence) <= capacity,
    };
  });
  return { rows, gpus: inference.gpus, currentBatch: inference.batch };
}
