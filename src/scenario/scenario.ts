import type { PrecisionId } from '../data/types';
import type { FineTuningMethod, LoraModule } from '../core/fine-tuning';
import {
  DEFAULT_CUSTOM_CLUSTER,
  DEFAULT_CUSTOM_GPU,
  DEFAULT_GPU_ID,
  DEFAULT_MODEL_ID,
  DEFAULT_SIZE_PARAMS,
  type ArchOverrides,
  type CustomCluster,
  type CustomGpu,
  type EstimateInput,
  type ModelFileSummary,
  type RecomputeMode,
  type ZeroStage,
} from '../core/input';

/**
 * The scenario: every input of the explorer and nothing else. The store holds it, the URL
 * encodes it, `estimate(scenario)` turns it into results. Units: parameters, tokens, bytes,
 * dollars, watts (no GB, no billions — those are view concerns).
 *
 * The core owns the input types (`src/core/input.ts`); they are re-exported here so the scenario
 * is the one place the rest of the app reads them from.
 */
export type { ArchOverrides, CustomCluster, CustomGpu, RecomputeMode, ZeroStage };
export type { ModelFileGroup, ModelFileSummary } from '../core/input';

export interface Scenario {
  /** A model preset id, `size` (shape rule from `params`), `custom` (`customConfig`) or `file` (`modelFile`). */
  model: string;
  /** Parameter count for the shape rule (the size slider), used when `model === 'size'`. */
  params: number;
  /** An imported config.json (known fields only), used when `model === 'custom'`. */
  customConfig: Record<string, unknown> | null;
  /** Architecture fields overridden by the user on top of the model. */
  overrides: ArchOverrides;
  /** An opened model file (its header's summary: never the file), used when `model === 'file'`. */
  modelFile: ModelFileSummary | null;
  /** With `model === 'file'`: weights at the file's exact bytes (true) or at `weightPrecision` (false). */
  fileWeights: boolean;

  weightPrecision: PrecisionId;
  kvPrecision: PrecisionId;
  trainPrecision: PrecisionId;

  /** An accelerator id, or `custom` (`customGpu`). */
  gpu: string;
  customGpu: CustomGpu;
  /** GPUs of the training run. */
  gpuCount: number;
  /** Model FLOPs utilisation of training and prefill, 0–1, pinned; null = predicted (training) / default (prefill). */
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
  contextParallel: number;
  expertParallel: number;
  virtualPipeline: number;
  /** Layers whose activations go to host memory (Megatron-Core activation offload; pp = 1, no recompute). */
  offloadLayers: number;
  /**
   * The training software the planner prices with: 'auto' (the default of the accelerator's
   * generation, see EstimateInput.trainingFramework) or an id of TRAINING_FRAMEWORKS (URL key `sw`).
   */
  trainingFramework: string;
  /** Sequences per optimizer step; null = about 4M tokens / seqLen (see the core's DEFAULT_BATCH_TOKENS). */
  globalBatch: number | null;
  /** Share of the wall-clock spent on training steps (1 = steps only; Llama 3 405B: above 0.9). */
  goodput: number;
  /** 'auto' (the accelerator's cluster), a CLUSTERS id, or 'custom' (`customCluster`). */
  cluster: string;
  customCluster: CustomCluster;

  promptTokens: number;
  outputTokens: number;
  /** Concurrent sequences decoded together. */
  batch: number;
  /** Target load for deployment, requests per second. */
  requestsPerSecond: number;

  /** Serving section: sequences in flight per replica; null = the most the SLO and memory allow. */
  servingConcurrency: number | null;
  /** Serving SLO: time to first token, seconds; null = none. */
  ttftTarget: number | null;
  /** Serving SLO: time per output token, seconds; null = none. */
  tpotTarget: number | null;
  /** GPUs of one serving replica (tensor parallel); null = the smallest group that fits (the estimate's). */
  servingTp: number | null;
  /** MoE: expert-parallel degree of the replica (1 = experts split by TP). */
  servingEp: number;
  /** "Can I run it": the local machine (a LOCAL_DEVICES or HARDWARE id). */
  localDevice: string;
  /** Apple: share of unified memory the GPU may wire; null = macOS's default (2/3 up to 32 GB, 3/4 above). */
  usableMemoryFraction: number | null;
  /** System RAM for layers offloaded from a GPU, bytes (0 = no offload). */
  hostMemoryBytes: number;
  /** Fine-tuning section: the method the stats follow (the chart and table show all three). */
  ftMethod: FineTuningMethod;
  /** LoRA / QLoRA adapter rank r. */
  loraRank: number;
  /** Projections the adapters sit on (q, k, v, o, gate, up, down). */
  loraModules: LoraModule[];
  /** Fine-tuning dataset tokens (× epochs). */
  ftTokens: number;
  /** Fine-tuning tokens per sequence. */
  ftSeqLen: number;
  /** Fine-tuning sequences per GPU per micro-step. */
  ftMicroBatch: number;
  /** Gradient checkpointing while fine-tuning. */
  ftCheckpointing: boolean;
  /** Adapter weights and gradients in FP32 (PEFT's default) or BF16 (QLoRA's script). */
  ftAdapterPrecision: 'fp32' | 'bf16';
}

export const DEFAULT_SCENARIO: Scenario = Object.freeze({
  model: DEFAULT_MODEL_ID,
  params: DEFAULT_SIZE_PARAMS,
  customConfig: null,
  overrides: Object.freeze({}) as ArchOverrides,
  modelFile: null,
  fileWeights: true,
  weightPrecision: 'bf16',
  kvPrecision: 'bf16',
  trainPrecision: 'bf16',
  gpu: DEFAULT_GPU_ID,
  customGpu: DEFAULT_CUSTOM_GPU,
  gpuCount: 1024,
  mfu: null,
  bandwidthEfficiency: null,
  usdPerGpuHour: null,
  pue: 1.1,
  usdPerKwh: 0.08,
  tokens: null,
  tokensPerParam: 20,
  attentionFlops: false,
  zeroStage: 1,
  tensorParallel: 8,
  pipelineParallel: 1,
  microBatch: 1,
  seqLen: 4096,
  recompute: 'selective',
  sequenceParallel: true,
  contextParallel: 1,
  expertParallel: 1,
  virtualPipeline: 1,
  offloadLayers: 0,
  trainingFramework: 'auto',
  globalBatch: null,
  goodput: 1,
  cluster: 'auto',
  customCluster: DEFAULT_CUSTOM_CLUSTER,
  promptTokens: 1000,
  outputTokens: 500,
  batch: 16,
  requestsPerSecond: 10,
  servingConcurrency: null,
  ttftTarget: null,
  tpotTarget: null,
  servingTp: null,
  servingEp: 1,
  localDevice: 'apple-m4-max-64gb',
  usableMemoryFraction: null,
  hostMemoryBytes: 64e9,
  // QLoRA's recipe (r = 64 on every linear layer) on 100M tokens of 2,048-token sequences.
  ftMethod: 'lora',
  loraRank: 64,
  loraModules: Object.freeze(['q', 'k', 'v', 'o', 'gate', 'up', 'down']) as LoraModule[],
  ftTokens: 1e8,
  ftSeqLen: 2048,
  ftMicroBatch: 1,
  ftCheckpointing: true,
  ftAdapterPrecision: 'fp32',
}) as Scenario;

/**
 * A scenario is what the core estimates: this fails to compile when a scenario field stops
 * matching the core's input (or the core needs a field the scenario lacks).
 */
export type ScenarioIsEstimateInput = Scenario extends EstimateInput ? true : never;
const SCENARIO_IS_ESTIMATE_INPUT: ScenarioIsEstimateInput = true;
void SCENARIO_IS_ESTIMATE_INPUT;

/** Ranges every numeric field is clamped to (the UI offers these; the core is finite across them). */
export const RANGES = {
  params: [1e6, 1e14],
  gpuCount: [1, 1e6],
  mfu: [0.01, 1],
  bandwidthEfficiency: [0.01, 1],
  usdPerGpuHour: [0, 1000],
  pue: [1, 3],
  usdPerKwh: [0, 2],
  tokens: [1e6, 1e15],
  tokensPerParam: [0.01, 1e5],
  tensorParallel: [1, 1024],
  pipelineParallel: [1, 1024],
  microBatch: [1, 4096],
  contextParallel: [1, 1024],
  expertParallel: [1, 1024],
  virtualPipeline: [1, 128],
  offloadLayers: [0, 1000],
  globalBatch: [1, 1e8],
  goodput: [0.3, 1],
  gpusPerNode: [1, 1e5],
  scaleUpBytesPerSecond: [1e8, 1e14],
  scaleOutBytesPerSecondPerGpu: [1e8, 1e14],
  seqLen: [1, 1e7],
  promptTokens: [0, 1e7],
  outputTokens: [1, 1e7],
  batch: [1, 1e5],
  requestsPerSecond: [1e-3, 1e7],
  servingConcurrency: [1, 1e5],
  ttftTarget: [0.01, 600],
  tpotTarget: [0.001, 10],
  servingTp: [1, 1024],
  servingEp: [1, 1024],
  usableMemoryFraction: [0.3, 0.95],
  hostMemoryBytes: [0, 2e12],
  loraRank: [1, 65536],
  ftTokens: [1e3, 1e13],
  ftSeqLen: [1, 1e6],
  ftMicroBatch: [1, 4096],
  hidden: [1, 1e6],
  layers: [1, 1e4],
  heads: [1, 1e4],
  kvHeads: [1, 1e4],
  ffn: [1, 1e7],
  vocab: [1, 1e7],
  experts: [1, 1e5],
  expertsPerToken: [1, 1e5],
  contextLength: [1, 1e7],
  memoryBytes: [1e8, 1e13],
  bandwidthBytesPerSecond: [1e9, 1e15],
  flops: [1e9, 1e18],
  tdpWatts: [1, 1e5],
  usdPerHour: [0, 1000],
} as const satisfies Record<string, readonly [number, number]>;
