/**
 * The estimate's serving: the smallest tensor-parallel group that holds the weights, the KV
 * cache and the working memory (the serving model's fit verdict); prefill and decode on it with
 * the serving model's efficiency defaults (device kind × weight format), throughput and cost.
 *
 * Modelling choices: inference serves on the smallest power-of-two tensor-parallel group on which
 * `fitVerdict` says the weights, the KV cache of `batch` sequences of prompt + output tokens, the
 * working memory and the runtime reserve fit (the one verdict every section reads); the training
 * `gpuCount` does not apply to it. Decode speed is taken at the average context of a request,
 * prompt + output / 2 (the step time is linear in the context, so this is the mean step time over
 * the request). The time to first token is the serving model's (`singleStreamEstimate`); the
 * scenario's `bandwidthEfficiency`, when set, replaces the decode defaults (old links keep theirs).
 * Units: GPUs, tokens, bytes, FLOPs, seconds, tokens per second, US dollars.
 */
import type { Precision, ComputeFormat } from '../../data/types';
import type { Architecture, ParameterCount } from '../types';
import { DEFAULT_PREFILL_MFU, type EstimateInput } from '../input';
import {
  inferenceWorkingBreakdown,
  kvCacheBytes,
  weightBytes,
  type InferenceWorkingBreakdown,
} from '../memory';
import { minimumGpusForInference, type InferenceFit } from '../inference-fit';
import { attentionForwardFlopsPerToken } from '../training';
import {
  costPerMillionTokensUsd,
  decodeStepFlops,
  decodeTokensPerSecondAggregate,
  decodeTokensPerSecondPerSequence,
  largestBatchThatFits,
  largestContextThatFits,
  prefillSeconds,
  type Bound,
} from '../inference';
import { singleStreamEstimate } from '../serving/single-stream';
import type { FitVerdict } from '../serving/fit';
import { nonNegative, ratio } from '../units';
import type { WarningCode } from '../warnings';
import { peakFlops, type EstimateHardware } from './hardware';
import { clampCount } from './training';
import { customAccelerator, decodeModel, decodeStepAtBatch, pageFit, type DecodeModel } from './serving-defaults';

export interface EstimateInference {
  /** GPUs of the serving group (tensor parallel). */
  gpus: number;
  minGpus: InferenceFit | null;
  /**
   * THE fit verdict of the page (serving model's `fitVerdict` on the serving group, at the
   * scenario's batch and context): every section that says whether the model fits reads it.
   * Null for encoder-only models (no KV cache; the memory sum alone decides).
   */
  fit: FitVerdict | null;
  /** The same verdict on one GPU of the scenario's accelerator. */
  fitOneGpu: FitVerdict | null;
  fits: boolean;
  fitsOneGpu: boolean;
  weightPrecision: Precision['id'];
  computeFormat: ComputeFormat | 'custom';
  peakFlopsPerGpu: number;
  /** Share of the bandwidth roofline batch-1 decode reaches (the default's effective value, or the override). */
  bandwidthEfficiency: number;
  /** True when the scenario set `bandwidthEfficiency` (else the serving model's defaults apply). */
  bandwidthEfficiencyOverridden: boolean;
  /** The decode model (efficiency, overheads, links) the throughput sweep reuses. */
  decodeModel: DecodeModel;
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
  /** Per-layer overheads and tensor-parallel all-reduces inside `decodeStepSeconds`. */
  decodeOverheadSeconds: number;
  decodeCommunicationSeconds: number;
  bound: Bound;
  tokensPerSecondPerSequence: number;
  /** Batch-1 decode at the mean context on the serving group (the serving model's single stream). */
  singleStreamTokensPerSecond: number;
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

interface GroupFit {
  gpus: number;
  minGpus: InferenceFit | null;
  fit: FitVerdict | null;
  fitOneGpu: FitVerdict | null;
  fits: boolean;
  maxContextAtBatch: number;
  maxBatchAtContext: number;
}

/** Encoder-only models (no KV cache): the memory sum alone (`minimumGpusForInference`). */
function memorySumFit(
  arch: Architecture,
  hardware: EstimateHardware,
  sizes: { weightBytes: number; kvBytes: number; batch: number; contextTokens: number; kvBytesPerValue: number },
): GroupFit {
  const sharedWorking = inferenceWorkingBreakdown({ arch, batch: sizes.batch, gpus: 0 });
  const minGpus = minimumGpusForInference({
    weightBytes: sizes.weightBytes,
    kvBytes: sizes.kvBytes,
    sharedWorkingBytes: sharedWorking.activations + sharedWorking.logits,
    memoryBytesPerGpu: hardware.memoryBytes,
  });
  const gpus = minGpus?.tensorParallelGpus ?? 1;
  const fitOptions = { arch, gpus, memoryBytesPerGpu: hardware.memoryBytes, weightBytes: sizes.weightBytes, kvBytesPerValue: sizes.kvBytesPerValue };
  return {
    gpus,
    minGpus,
    fit: null,
    fitOneGpu: null,
    fits: minGpus !== null,
    maxContextAtBatch: largestContextThatFits({ ...fitOptions, batch: sizes.batch }),
    maxBatchAtContext: largestBatchThatFits({ ...fitOptions, contextTokens: sizes.contextTokens }),
  };
}

/** Everything about serving the model; see EstimateInference. */
export function inferenceEstimate(
  input: InferenceInput,
  model: { arch: Architecture; counts: ParameterCount },
  hardware: EstimateHardware,
  precisions: { weight: Precision; kv: Precision },
  warnings: WarningCode[],
): EstimateInference {
  const { arch, counts } = model;
  const weightPrecision = precisions.weight;
  const kvBytesPerValue = precisions.kv.bitsPerWeight / 8;
  const weightBytesTotal = weightBytes(counts.total, weightPrecision.bitsPerWeight);
  const batch = clampCount(input.batch);
  const promptTokens = Math.floor(nonNegative(input.promptTokens));
  const outputTokens = clampCount(input.outputTokens);
  const contextTokens = promptTokens + outputTokens;
  const averageContextTokens = promptTokens + outputTokens / 2;
  if (contextTokens > arch.contextLength) warnings.push('context-exceeds-model');
  const peak = peakFlops(hardware, weightPrecision.computeFormat, input.customGpu, warnings);
  const accelerator = hardware.accelerator ?? customAccelerator(input.customGpu);

  const kvBytes = kvCacheBytes(arch, { tokens: contextTokens, batch, bytesPerValue: kvBytesPerValue });
  let group: GroupFit;
  const page = safely(() => pageFit({ arch, accelerator, weightPrecision, kvPrecision: precisions.kv, contextTokens, batch }));
  if (page) {
    const { verdict } = page;
    group = {
      gpus: page.gpus,
      minGpus: verdict.fits ? { gpus: Math.min(page.fewestGpus, page.gpus), tensorParallelGpus: page.gpus } : null,
      fit: verdict,
      fitOneGpu: page.oneGpu,
      fits: verdict.fits,
      maxContextAtBatch: verdict.largestContextTokens,
      maxBatchAtContext: verdict.largestBatch,
    };
  } else {
    group = memorySumFit(arch, hardware, { weightBytes: weightBytesTotal, kvBytes, batch, contextTokens, kvBytesPerValue });
  }
  if (!group.fits) warnings.push('inference-does-not-fit');
  if (weightBytesTotal > hardware.memoryBytes) warnings.push('weights-exceed-one-gpu');
  const gpus = group.gpus;
  const working = inferenceWorkingBreakdown({ arch, batch, gpus });
  const totalBytes = weightBytesTotal + kvBytes + working.total;

  // A pinned MFU applies to prefill too; otherwise prefill keeps the long-standing default.
  const prefillMfu = input.mfu ?? DEFAULT_PREFILL_MFU;
  const decode = decodeModel({
    arch,
    counts,
    accelerator,
    weightPrecision,
    kvBytesPerValue,
    override: input.bandwidthEfficiency,
    peakFlopsPerGpu: peak.flops,
    mfu: prefillMfu,
    gpus,
  });
  const attentionPerToken = attentionForwardFlopsPerToken(arch, averageContextTokens);
  const step = decodeStepAtBatch(decode, batch, averageContextTokens, decodeStepFlops(counts.active, batch, attentionPerToken));
  const single = batch === 1 ? step : decodeStepAtBatch(decode, 1, averageContextTokens, decodeStepFlops(counts.active, 1, attentionPerToken));

  // Prefill: the serving model's chunked prefill for one prompt (TTFT); the batch's prompts scale
  // the roofline prefill by the same ratio.
  const weightBytesRead = weightBytes(counts.active, weightPrecision.bitsPerWeight);
  const prefillBase = {
    activeParams: counts.active,
    promptTokens,
    peakFlopsPerGpu: peak.flops,
    mfu: prefillMfu,
    gpus,
    weightBytesRead,
    bandwidthBytesPerSecondPerGpu: hardware.bandwidthBytesPerSecond,
    bandwidthEfficiency: decode.bandwidthEfficiency,
  };
  const rooflineTtft = prefillSeconds({ ...prefillBase, batch: 1 });
  const servingTtft = promptTokens > 0 && page && !arch.encoderOnly ? safely(() => servingTimeToFirstToken(arch, accelerator, precisions, promptTokens, gpus)) : null;
  const ttft = servingTtft ?? rooflineTtft;
  const prefillBatch = prefillSeconds({ ...prefillBase, batch }) * (rooflineTtft > 0 ? ttft / rooflineTtft : 1);

  const tokensPerSecondAggregate = decodeTokensPerSecondAggregate(step.seconds, batch);
  const batchSeconds = prefillBatch + outputTokens * step.seconds;
  const effectiveOutputTokensPerSecond = ratio(batch * outputTokens, batchSeconds);

  return {
    gpus,
    minGpus: group.minGpus,
    fit: group.fit,
    fitOneGpu: group.fitOneGpu,
    fits: group.fits,
    fitsOneGpu: group.fits && gpus === 1,
    weightPrecision: weightPrecision.id,
    computeFormat: peak.format,
    peakFlopsPerGpu: peak.flops,
    bandwidthEfficiency: decode.bandwidthEfficiency,
    bandwidthEfficiencyOverridden: decode.bandwidthOverridden,
    decodeModel: decode,
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
    decodeBytesPerStep: step.bytes,
    decodeFlopsPerStep: step.flops,
    decodeWeightBytesPerStep: step.weightBytesRead,
    decodeStepSeconds: step.seconds,
    decodeOverheadSeconds: step.overheadSeconds,
    decodeCommunicationSeconds: step.communicationSeconds,
    bound: step.bound,
    tokensPerSecondPerSequence: decodeTokensPerSecondPerSequence(step.seconds),
    singleStreamTokensPerSecond: decodeTokensPerSecondPerSequence(single.seconds),
    tokensPerSecondAggregate,
    effectiveOutputTokensPerSecond,
    costPerMillionOutputTokensUsd: costPerMillionTokensUsd(effectiveOutputTokensPerSecond, gpus, hardware.usdPerGpuHour),
    requestSeconds: ttft + outputTokens * step.seconds,
    maxContextAtBatch: group.maxContextAtBatch,
    maxBatchAtContext: group.maxBatchAtContext,
  };
}

/** The value of `compute`, or null when the serving model refuses the input (it throws ConfigError). */
function safely<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch {
    return null;
  }
}

/**
 * TTFT of one prompt on `gpus` GPUs from the serving model (`singleStreamEstimate`: chunked prefill
 * through the serving kernels, overheads and all-reduces), sized at the prompt alone (the output does
 * not change the first token). Units: seconds.
 */
function servingTimeToFirstToken(
  arch: Architecture,
  accelerator: EstimateHardware['accelerator'] & object,
  precisions: { weight: Precision; kv: Precision },
  promptTokens: number,
  gpus: number,
): number | null {
  const sizedArch = promptTokens > arch.contextLength ? { ...arch, contextLength: promptTokens } : arch;
  const result = singleStreamEstimate({
    arch: sizedArch,
    accelerator,
    gpus,
    weightPrecision: precisions.weight.id,
    kvPrecision: precisions.kv.kvCapable ? precisions.kv.id : 'fp16',
    promptTokens,
    outputTokens: 0,
  });
  return result.runs ? result.ttftSeconds : null;
}
