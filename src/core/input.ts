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

/** A user-defined training cluster (used when `cluster === 'custom'`). Per GPU, per direction. */
export interface CustomCluster {
  /** GPUs in one scale-up domain (node). */
  gpusPerNode: number;
  /** Scale-up (NVLink) bytes per second per GPU per direction. */
  scaleUpBytesPerSecond: number;
  /** Scale-out (network) bytes per second per GPU per direction. */
  scaleOutBytesPerSecondPerGpu: number;
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
  /**
   * Model FLOPs utilisation, 0–1: pinned by the user, or null = predicted — training from the
   * planner's step for the layout (`trainingStep`), prefill at DEFAULT_PREFILL_MFU.
   */
  mfu: number | null;
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
  /** Context-parallel degree (ring attention over the sequence). */
  contextParallel: number;
  /** Expert-parallel degree (MoE; folds into data parallel, as Megatron does). */
  expertParallel: number;
  /** Interleaved virtual pipeline stages per pipeline rank. */
  virtualPipeline: number;
  /** Layers whose activations go to host memory (activation offload; pp = 1, no recomputation); absent = 0. */
  offloadLayers?: number;
  /**
   * The training software the planner prices the step with: 'auto' (absent) = the default of the
   * accelerator's generation (planner/step.ts `defaultFrameworkId`: Megatron-LM 2021 / 2022 on V100 /
   * A100, Megatron-Core on Hopper and Blackwell, NeMo's recipes for FP8 there), else an id of
   * `TRAINING_FRAMEWORKS` (src/data/training-frameworks.ts).
   */
  trainingFramework?: string;
  /** Sequences per optimizer step; null = about DEFAULT_BATCH_TOKENS / seqLen, a multiple of dp × micro-batch. */
  globalBatch: number | null;
  /**
   * Share of the run's wall-clock spent on training steps, (0, 1]: days, GPU-hours, cost and energy
   * are divided by it (core/training.ts `trainingRunTotals`). Absent = 1, the steps only.
   */
  goodput?: number;
  /** The training cluster: 'auto' (the accelerator's own), a `CLUSTERS` id, or 'custom' (`customCluster`). */
  cluster: string;
  customCluster: CustomCluster;

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

/**
 * The custom cluster's starting values: a DGX H100 node (8 GPUs, 450 GB/s NVLink 4 per direction,
 * 8 × 400 Gb/s = 50 GB/s per GPU; NVIDIA DGX H100 datasheet, as `CLUSTERS` 'dgx-h100').
 */
export const DEFAULT_CUSTOM_CLUSTER: Readonly<CustomCluster> = Object.freeze({
  gpusPerNode: 8,
  scaleUpBytesPerSecond: 450e9,
  scaleOutBytesPerSecondPerGpu: 50e9,
});

/**
 * Tokens per optimizer step when the scenario gives no global batch: 4M (2²² ≈ 4.19M), the batch
 * of Llama 2 (Touvron et al. 2023 §2.2: 4M tokens) and of Llama 3 405B's first stage (§3.4.1:
 * 4M tokens at 4096); GPT-3 175B used 3.2M (Brown et al. 2020 Table 2.1).
 */
export const DEFAULT_BATCH_TOKENS = 2 ** 22;

/**
 * Prefill MFU when the user pins none: 0.4, the explorer's long-standing default (prefill is a
 * large-batch matmul pass; serving studies report 30–50 % of peak).
 */
export const DEFAULT_PREFILL_MFU = 0.4;

/**
 * Training MFU used for the run's totals when the planner cannot price the layout (a custom
 * accelerator with no rate, an impossible layout): the same 0.4, flagged as assumed
 * (`EstimateTraining.mfuSource === 'assumed'`); the training section shows no numbers then.
 */
export const ASSUMED_TRAINING_MFU = 0.4;
