/**
 * What the core needs to know about a scenario: the inputs of `estimate()` and of the chart
 * sweeps. The core owns these types; `src/scenario` (the URL and store's scenario) is shaped so
 * that a `Scenario` is an `EstimateInput` (checked at compile time there).
 * Units: parameters, tokens, bytes, FLOP/s, watts, US dollars (no GB, no billions).
 */
import type { PrecisionId } from '../data/types';

export type RecomputeMode = 'none' | 'selective' | 'full';
export type ZeroStage = 0 | 1 | 2 | 3;

/** Architecture fields the user may override on top of the chosen model. */
export interface ArchOverrides {
  hidden?: number;
  layers?: number;
  heads?: number;
  kvHeads?: number;
  ffn?: number;
  vocab?: number;
  experts?: number;
  expertsPerToken?: number;
  contextLength?: number;
}

/** A user-defined accelerator (used when `gpu === 'custom'`). */
export interface CustomGpu {
  memoryBytes: number;
  bandwidthBytesPerSecond: number;
  /** Dense FLOP/s at the training / inference compute precision. */
  flops: number;
  tdpWatts: number;
  usdPerHour: number;
}

/** Everything `estimate()` reads. */
export interface EstimateInput {
  /** A model preset id, `size` (shape rule from `params`), or `custom` (`customConfig`). */
  model: string;
  /** Parameter count for the shape rule (the size slider), used when `model === 'size'`. */
  params: number;
  /** An imported config.json, used when `model === 'custom'`. */
  customConfig: Record<string, unknown> | null;
  /** Architecture fields overridden on top of the model. */
  overrides: ArchOverrides;

  weightPrecision: PrecisionId;
  kvPrecision: PrecisionId;
  trainPrecision: PrecisionId;

  /** An accelerator id, or `custom` (`customGpu`). */
  gpu: string;
  customGpu: CustomGpu;
  /** GPUs of the training run. */
  gpuCount: number;
  /** Model FLOPs utilisation of training and prefill, 0–1. */
  mfu: number;
  /**
   * Fraction of peak memory bandwidth that decode achieves, 0–1; null = the serving model's
   * default for the device kind × weight format (`decodeEfficiency`).
   */
  bandwidthEfficiency: number | null;
  /** Price per GPU-hour in USD; null = the accelerator's indicative price. */
  usdPerGpuHour: number | null;
  /** Power usage effectiveness of the data centre (≥ 1). */
  pue: number;
  /** Electricity price, USD per kWh. */
  usdPerKwh: number;

  /** Training tokens; null = `tokensPerParam` × total parameters. */
  tokens: number | null;
  tokensPerParam: number;
  /** Add the attention term to 6·N·D. */
  attentionFlops: boolean;
  zeroStage: ZeroStage;
  tensorParallel: number;
  pipelineParallel: number;
  microBatch: number;
  seqLen: number;
  recompute: RecomputeMode;
  sequenceParallel: boolean;

  promptTokens: number;
  outputTokens: number;
  /** Concurrent sequences decoded together. */
  batch: number;
  /** Target load for deployment, requests per second. */
  requestsPerSecond: number;
}

/** The inputs that decide the model: what `resolveScenarioModel` reads. */
export type ModelInput = Pick<EstimateInput, 'model' | 'params' | 'customConfig' | 'overrides'>;

/** The model used when the input's model cannot be resolved (flagged 'unknown-model' / 'invalid-config'). */
export const DEFAULT_MODEL_ID = 'llama-3.1-70b';

/** Parameters of the shape rule's model when even the default preset cannot be read. */
export const DEFAULT_SIZE_PARAMS = 1e11;

/** The accelerator used when the input's GPU id is unknown (flagged 'unknown-gpu'). */
export const DEFAULT_GPU_ID = 'h100-sxm';

/**
 * The custom accelerator's starting values, and the GPU used when the hardware table lacks even
 * the default: an H100 SXM (80 GB, 3.35 TB/s, 989.5 TFLOP/s dense BF16, 700 W; NVIDIA H100
 * datasheet) at $3 per hour.
 */
export const DEFAULT_CUSTOM_GPU: Readonly<CustomGpu> = Object.freeze({
  memoryBytes: 80e9,
  bandwidthBytesPerSecond: 3.35e12,
  flops: 989.5e12,
  tdpWatts: 700,
  usdPerHour: 3,
});
