/**
 * The estimate's serving: the smallest tensor-parallel group that holds the weights, the KV
 * cache and the working memory; prefill and decode on it (roofline), throughput and cost.
 *
 * Modelling choices: inference serves on the smallest power-of-two tensor-parallel group that
 * holds the weights, the KV cache of `batch` sequences of prompt + output tokens and the working
 * memory; the training `gpuCount` does not apply to it. Decode speed is taken at the average
 * context of a request, prompt + output / 2 (the step time is linear in the context, so this is
 * the mean step time over the request).
 * Units: GPUs, tokens, bytes, FLOPs, seconds, tokens per second, US dollars.
 */
import type { Precision, PrecisionId, ComputeFormat } from '../../data/types';
import type { Architecture, ParameterCount } from '../types';
import { DEFAULT_PREFILL_MFU, type EstimateInput } from '../input';
import {
  inferenceWorkingBreakdown,
  kvCacheBytes,
  minimumGpusForInference,
  weightBytes,
  type InferenceFit,
  type InferenceWorkingBreakdown,
} from '../memory';
import { attentionForwardFlopsPerToken } from '../training';
import {
  costPerMillionTokensUsd,
  decodeStep,
  decodeStepBytes,
  decodeStepFlops,
  decodeTokensPerSecondAggregate,
  decodeTokensPerSecondPerSequence,
  largestBatchThatFits,
  largestContextThatFits,
  prefillSeconds,
  type Bound,
} from '../inference';
import { decodeParamsRead } from '../moe';
import { nonNegative, ratio } from '../units';
import type { WarningCode } from '../warnings';
import { peakFlops, type EstimateHardware } from './hardware';
import { clampCount } from './training';

export interface EstimateInference {
  /** GPUs of the serving group (tensor parallel). */
  gpus: number;
  minGpus: InferenceFit | null;
  fits: boolean;
  fitsOneGpu: boolean;
  weightPrecision: PrecisionId;
  computeFormat: ComputeFormat | 'custom';
  peakFlopsPerGpu: number;
  bandwidthEfficiency: number;
  mfu: number;
  batch: number;
  promptTokens: number;
  outputTokens: number;
  /** prompt + output. */
  contextTokens: number;
  /** prompt + output / 2: where the mean decode step is taken. */
  averageContextTokens: number;
  modelContextLength: number;
  weightBytes: number;
  /** KV cache of `batch` sequences at the full context. */
  kvBytes: number;
  kvBytesPerSequence: number;
  working: InferenceWorkingBreakdown;
  /** weights + kv + working. */
  totalBytes: number;
  /** totalBytes / gpus. */
  bytesPerGpu: number;
  /** Prefill of the whole batch's prompts. */
  prefillSeconds: number;
  timeToFirstTokenSeconds: number;
  /** Bytes and FLOPs of the mean decode step. */
  decodeBytesPerStep: number;
  decodeFlopsPerStep: number;
  /** Weight bytes one step reads (MoE: experts touched by any sequence of the batch). */
  decodeWeightBytesPerStep: number;
  decodeStepSeconds: number;
  bound: Bound;
  tokensPerSecondPerSequence: number;
  tokensPerSecondAggregate: number;
  /** Output tokens per second counting the batch's prefill time too. */
  effectiveOutputTokensPerSecond: number;
  costPerMillionOutputTokensUsd: number;
  /** ttft + outputTokens × step. */
  requestSeconds: number;
  /** Longest context (tokens per sequence) that fits at this batch on the serving group. */
  maxContextAtBatch: number;
  /** Most sequences of `contextTokens` that fit on the serving group. */
  maxBatchAtContext: number;
}

type InferenceInput = Pick<EstimateInput, 'batch' | 'promptTokens' | 'outputTokens' | 'bandwidthEfficiency' | 'mfu' | 'customGpu'>;

/** Everything about serving the model; see EstimateInference. */
export function inferenceEstimate(
  input: InferenceInput,
  model: { arch: Architecture; counts: ParameterCount },
  hardware: EstimateHardware,
  weightPrecision: Precision,
  kvBytesPerValue: number,
  warnings: WarningCode[],
): EstimateInference {
  const { arch, counts } = model;
  const weightBytesTotal = weightBytes(counts.total, weightPrecision.bitsPerWeight);
  const batch = clampCount(input.batch);
  const promptTokens = Math.floor(nonNegative(input.promptTokens));
  const outputTokens = clampCount(input.outputTokens);
  const contextTokens = promptTokens + outputTokens;
  const averageContextTokens = promptTokens + outputTokens / 2;
  if (contextTokens > arch.contextLength) warnings.push('context-exceeds-model');
  const peak = peakFlops(hardware, weightPrecision.computeFormat, input.customGpu, warnings);

  const kvBytes = kvCacheBytes(arch, { tokens: contextTokens, batch, bytesPerValue: kvBytesPerValue });
  const sharedWorking = inferenceWorkingBreakdown({ arch, batch, gpus: 0 });
  const minGpus = minimumGpusForInference({
    weightBytes: weightBytesTotal,
    kvBytes,
    sharedWorkingBytes: sharedWorking.activations + sharedWorking.logits,
    memoryBytesPerGpu: hardware.memoryBytes,
  });
  if (minGpus === null) warnings.push('inference-does-not-fit');
  if (weightBytesTotal > hardware.memoryBytes) warnings.push('weights-exceed-one-gpu');
  const gpus = minGpus?.tensorParallelGpus ?? 1;
  const working = inferenceWorkingBreakdown({ arch, batch, gpus });
  const totalBytes = weightBytesTotal + kvBytes + working.total;

  const weightBytesRead = weightBytes(counts.active, weightPrecision.bitsPerWeight);
  // A pinned MFU applies to prefill too; otherwise prefill keeps the long-standing default.
  const prefillMfu = input.mfu ?? DEFAULT_PREFILL_MFU;
  const roofline = {
    bandwidthBytesPerSecondPerGpu: hardware.bandwidthBytesPerSecond,
    bandwidthEfficiency: input.bandwidthEfficiency,
    peakFlopsPerGpu: peak.flops,
    mfu: prefillMfu,
    gpus,
  };
  const prefillBase = {
    activeParams: counts.active,
    promptTokens,
    peakFlopsPerGpu: peak.flops,
    mfu: prefillMfu,
    gpus,
    weightBytesRead,
    bandwidthBytesPerSecondPerGpu: hardware.bandwidthBytesPerSecond,
    bandwidthEfficiency: input.bandwidthEfficiency,
  };
  const prefillBatch = prefillSeconds({ ...prefillBase, batch });
  const ttft = prefillSeconds({ ...prefillBase, batch: 1 });

  const decodeWeightBytesPerStep = weightBytes(decodeParamsRead(arch, counts, batch), weightPrecision.bitsPerWeight);
  const kvAtAverage = kvCacheBytes(arch, { tokens: averageContextTokens, batch, bytesPerValue: kvBytesPerValue });
  const decodeBytesPerStep = decodeStepBytes(decodeWeightBytesPerStep, kvAtAverage);
  const decodeFlopsPerStep = decodeStepFlops(counts.active, batch, attentionForwardFlopsPerToken(arch, averageContextTokens));
  const step = decodeStep({ ...roofline, bytes: decodeBytesPerStep, flops: decodeFlopsPerStep });
  const tokensPerSecondAggregate = decodeTokensPerSecondAggregate(step.seconds, batch);
  const batchSeconds = prefillBatch + outputTokens * step.seconds;
  const effectiveOutputTokensPerSecond = ratio(batch * outputTokens, batchSeconds);

  const fitOptions = { arch, gpus, memoryBytesPerGpu: hardware.memoryBytes, weightBytes: weightBytesTotal, kvBytesPerValue };
  return {
    gpus,
    minGpus,
    fits: minGpus !== null,
    fitsOneGpu: minGpus !== null && minGpus.gpus === 1,
    weightPrecision: weightPrecision.id,
    computeFormat: peak.format,
    peakFlopsPerGpu: peak.flops,
    bandwidthEfficiency: input.bandwidthEfficiency,
    mfu: prefillMfu,
    batch,
    promptTokens,
    outputTokens,
    contextTokens,
    averageContextTokens,
    modelContextLength: arch.contextLength,
    weightBytes: weightBytesTotal,
    kvBytes,
    kvBytesPerSequence: ratio(kvBytes, batch),
    working,
    totalBytes,
    bytesPerGpu: ratio(totalBytes, gpus),
    prefillSeconds: prefillBatch,
    timeToFirstTokenSeconds: ttft,
    decodeBytesPerStep,
    decodeFlopsPerStep,
    decodeWeightBytesPerStep,
    decodeStepSeconds: step.seconds,
    bound: step.bound,
    tokensPerSecondPerSequence: decodeTokensPerSecondPerSequence(step.seconds),
    tokensPerSecondAggregate,
    effectiveOutputTokensPerSecond,
    costPerMillionOutputTokensUsd: costPerMillionTokensUsd(effectiveOutputTokensPerSecond, gpus, hardware.usdPerGpuHour),
    requestSeconds: ttft + outputTokens * step.seconds,
    maxContextAtBatch: largestContextThatFits({ ...fitOptions, batch }),
    maxBatchAtContext: largestBatchThatFits({ ...fitOptions, contextTokens }),
  };
}
