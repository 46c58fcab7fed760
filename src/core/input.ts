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

/** One row of a model file's table: tensors grouped by storage type or by layer kind. */
export interface ModelFileGroup {
  /** `Q4_K`, `BF16` … (by type) or `attention`, `mlp` … (by kind). */
  key: string;
  tensors: number;
  parameters: number;
  bytes: number;
}

/**
 * What the scenario keeps of a model file the user opened (the file itself never leaves the
 * browser): enough for a link to reproduce the page without the file. Units: parameters, bytes.
 */
export interface ModelFileSummary {
  format: 'gguf' | 'safetensors' | 'safetensors-index';
  /** The file's name as the user's system gave it (display only). */
  name: string;
  /** Elements of all tensors as stored. */
  parameterCount: number;
  /** Tensor data bytes, block scales included, tensor by tensor (mixed types summed exactly). */
  weightBytes: number;
  byType: ModelFileGroup[];
  byKind: ModelFileGroup[];
  /**
   * The architecture as a Hugging Face config (rebuilt from GGUF metadata, or the config.json the
   * user added to a safetensors file); null when the file cannot tell (the shape rule on
   * `parameterCount` stands in, flagged).
   */
  config: Record<string, unknown> | null;
  /** Why the architecture is approximate or missing, in the reader's words; null when exact. */
  note: string | null;
}

/** Everything `estimate()` reads. */
export interface EstimateInput {
  /** A model preset id, `size` (shape rule from `params`), `custom` (`customConfig`) or `file` (`modelFile`). */
  model: string;
  /** Parameter count for the shape rule (the size slider), used when `model === 'size'`. */
  params: number;
  /** An imported config.json, used when `model === 'custom'`. */
  customConfig: Record<string, unknown> | null;
  /** Architecture fields overridden on top of the model. */
  overrides: ArchOverrides;
  /** The opened model file, used when `model === 'file'`. Absent = none. */
  modelFile?: ModelFileSummary | null;
  /**
   * With `model === 'file'`: weights take the file's exact bytes (its mixed per-tensor types)
   * instead of `weightPrecision`'s bits per weight. Absent = true.
   */
  fileWeights?: boolean;

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
  /** Fraction of peak memory bandwidth that decode achieves, 0–1. */
  bandwidthEfficiency: number;
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
export type ModelInput = Pick<EstimateInput, 'model' | 'params' | 'customConfig' | 'overrides' | 'modelFile'>;

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
