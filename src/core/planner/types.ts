/**
 * Types of the training planner: one optimizer step on a parallel layout (`trainingStep`) and
 * the search over layouts (`planTraining`). Units: bytes, FLOPs, seconds, plain numbers.
 * Contract: the project's core-api spec, "Predicting time, not asking for it".
 */
import type { Architecture } from '../types';
import type { Accelerator, ComputeFormat } from '../../data/types';

/** Activation recomputation (Korthikanti et al. 2022): none, attention core only, whole layer. */
export type Recompute = 'none' | 'selective' | 'full';

/** ZeRO stage: 0 plain DP, 1 distributed optimizer, 2 + sharded gradients, 3 + sharded weights. */
export type ZeroStageNumber = 0 | 1 | 2 | 3;

export interface ParallelLayout {
  tp: number;
  pp: number;
  dp: number;
  /** Context parallel, default 1. */
  cp?: number;
  /** Expert parallel (MoE), default 1; folds into dp × cp as Megatron does. */
  ep?: number;
  /** Interleaved virtual stages per pipeline rank, default 1. */
  vp?: number;
  /** Sequences per micro-batch. */
  microBatch: number;
  /** Megatron sequence parallelism with TP, default tp > 1. */
  sequenceParallel?: boolean;
  /** Default 1 (distributed optimizer). */
  zeroStage?: ZeroStageNumber;
  /** Uneven pipelines: layers on the first and last stage; the rest split evenly. */
  firstStageLayers?: number;
  lastStageLayers?: number;
  /**
   * Activation offload (Megatron-Core `cpu_offloading_num_layers`, Transformer Engine's CPU offload):
   * the activations of this many layers go to host memory during the forward pass and come back
   * for the backward. Default 0. Megatron allows it for fewer layers than the model has, with
   * pp = 1 and no recomputation (offload.ts).
   */
  offloadLayers?: number;
}

/** Link speeds per GPU, per direction; any field absent falls back to the accelerator's cluster. */
export interface ClusterOverride {
  gpusPerNode?: number;
  scaleUpBytesPerSecond?: number;
  scaleOutBytesPerSecondPerGpu?: number;
  /** The host link for activation offload (a cluster preset's `host`); absent = the accelerator's cluster's. */
  hostBytesPerSecond?: number;
  hostMemoryBytesPerGpu?: number;
  hostCoherent?: boolean;
}

export interface TrainingStepInput {
  arch: Architecture;
  accelerator: Accelerator;
  /** Matmul format: 'bf16' | 'fp16' | 'fp8' ... */
  precision: ComputeFormat;
  layout: ParallelLayout;
  /** Sequences per optimizer step. */
  globalBatch: number;
  seqLen: number;
  recompute: Recompute;
  cluster?: ClusterOverride;
  /**
   * Bytes per gradient element in the buffer and the DP reduction: 2 (BF16) or 4 (FP32). Default: the
   * framework's (Megatron-Core with `--bf16` and Llama 3: 4; NeMo's FP8 recipes: 2; others 2).
   */
  gradientReduceBytes?: 2 | 4;
  /**
   * The training software generation (an id of `TRAINING_FRAMEWORKS` in src/data/training-frameworks.ts):
   * attention kernel, tensor-parallel overlap, gradient-reduction overlap, pipeline sends,
   * cross-entropy. Default: by the accelerator's generation (step.ts `DEFAULT_FRAMEWORK_BY_GENERATION`:
   * Megatron-LM 2022 on Ampere, Megatron-LM 2021 on Volta, Megatron-Core on Hopper, Blackwell and others),
   * and for FP8 on Hopper and Blackwell the NeMo recipes (`DEFAULT_FP8_FRAMEWORK_ID`).
   */
  framework?: string;
}

/** The layout with every default filled in. */
export interface ResolvedLayout {
  tp: number;
  pp: number;
  dp: number;
  cp: number;
  ep: number;
  vp: number;
  microBatch: number;
  sequenceParallel: boolean;
  zeroStage: ZeroStageNumber;
  firstStageLayers: number;
  lastStageLayers: number;
  /** Layers on each middle stage (equals first/last for an even split). */
  middleStageLayers: number;
  /** Layers whose activations go to host memory (0: none). */
  offloadLayers: number;
}

/** The cluster the step runs on, with the accelerator's defaults and the user's overrides merged. */
export interface ResolvedCluster {
  id: string;
  gpusPerNode: number;
  scaleUpBytesPerSecond: number;
  scaleOutBytesPerSecondPerGpu: number;
  scaleUpHopSeconds: number;
  scaleOutHopSeconds: number;
  /** The GPU's link to host memory per direction, and host memory per GPU; 0 when the cluster has none for offload. */
  hostBytesPerSecond: number;
  hostMemoryBytesPerGpu: number;
  /** The host link is NVLink-C2C to a Grace CPU (where the planner's search proposes offload). */
  hostCoherent: boolean;
}

/** Exposed seconds per cause; they sum to `TrainingStep.seconds`. */
export interface StepBreakdown {
  /** Matmuls, attention kernels and memory-bound ops of forward and backward. */
  compute: number;
  /** Extra forward work of activation recomputation. */
  recompute: number;
  /** Tensor-parallel all-gather / reduce-scatter not hidden behind GEMMs. */
  tp: number;
  /** Context-parallel K/V exchange not hidden behind attention. */
  cp: number;
  /** Expert-parallel all-to-all (dispatch + combine). */
  ep: number;
  /** Pipeline fill and drain. */
  ppBubble: number;
  /** Pipeline point-to-point sends on the critical path. */
  ppP2p: number;
  /** Data-parallel gradient reduce-scatter / all-reduce and parameter all-gather not overlapped. */
  dp: number;
  /** Optimizer step over the local shard (memory-bound). */
  optimizer: number;
  /** Activation copies to and from host memory not hidden under the layers' computation (offload). */
  offload: number;
  [cause: string]: number;
}

export interface MemoryBreakdown {
  weights: number;
  gradients: number;
  optimizer: number;
  activations: number;
  /** CUDA context, NCCL buffers, allocator fragmentation. */
  reserve: number;
  total: number;
  /** Activation bytes one layer keeps for one micro-batch (an average layer). */
  layerActivations: number;
  /** Activation bytes in host memory (offload), not in `total`. */
  offloaded: number;
}

export interface TrainingStep {
  /** Wall-clock of one optimizer step, end to end. */
  seconds: number;
  /**
   * Model FLOPs per step without recompute, Megatron-LM / NeMo convention:
   * 6 × (matmul weights a token passes, output head included, input embedding excluded) × tokens
   * + 12 × Σ_layers context × heads × headDim × tokens (attention over the FULL s × s square,
   * as Megatron's `num_floating_point_operations` and NeMo's flops formulas count it); the
   * multi-token-prediction modules included, as Megatron counts them (`modelFlopsPerToken`).
   */
  modelFlops: number;
  /** Model FLOPs plus the recomputed forward work, same counting convention. */
  hardwareFlops: number;
  /** Fractions of the accelerator's dense peak at `precision`. */
  mfu: number;
  hfu: number;
  tokensPerSecondPerGpu: number;
  breakdown: StepBreakdown;
  memoryPerGpu: number;
  /**
   * memoryPerGpu ≤ what the driver gives CUDA on one accelerator (`deviceMemoryBytes`: nvidia-smi's
   * total where published, e.g. 81,559 MiB = 85.5e9 B on an "80 GB" H100; else `memoryBytes`).
   */
  fits: boolean;
  memory: MemoryBreakdown;
  gpus: number;
  layout: ResolvedLayout;
  recompute: Recompute;
  precision: ComputeFormat;
  /** Micro-batches per pipeline per step: globalBatch / (dp × microBatch). */
  microBatches: number;
  /** Pipeline bubble as a fraction of the step. */
  bubbleFraction: number;
  /** True when the tensor-parallel group spans more GPUs than one scale-up domain. */
  tpCrossesNode: boolean;
  /** Step time under the low / high efficiency assumptions (see `STEP_TIME_SPREAD`). */
  secondsLow: number;
  secondsHigh: number;
  cluster: ResolvedCluster;
  /** The framework id the step was priced with. */
  framework: string;
}

/** Why a layout the planner considered is not among the winners. */
export type LayoutRejection =
  | 'oom'
  | 'not-divisible'
  | 'tp-crosses-node'
  | 'heads-not-divisible'
  | 'batch-not-divisible'
  | 'too-few-micro-batches'
  | 'slower';

export interface PlannedLayout extends TrainingStep {
  /** Rank by step time among the layouts that fit (1 = fastest). */
  rank: number;
  /** The main extra cost against the fastest layout: the breakdown key that grew most. */
  losesOn: string | null;
  /** Step time relative to the fastest layout (1 = the fastest). */
  relativeSeconds: number;
}

export interface PlanTrainingInput {
  arch: Architecture;
  accelerator: Accelerator;
  precision: ComputeFormat;
  gpus: number;
  seqLen: number;
  globalBatch: number;
  cluster?: ClusterOverride;
  /** Restrict the search; absent = everything. */
  recomputeModes?: readonly Recompute[];
  zeroStages?: readonly ZeroStageNumber[];
  /** Largest micro-batch tried, default 8. */
  maxMicroBatch?: number;
  /** Allow tensor parallel across scale-up domains (default false). */
  allowTpAcrossNodes?: boolean;
  /**
   * Only this tensor / pipeline / context / expert split (a published layout; cp and ep default 1):
   * the search then covers its stage splits, VP, micro-batch, ZeRO stage and recompute alone.
   */
  parallelism?: { tp: number; pp: number; cp?: number; ep?: number };
  /** How many layouts to return, default 50. */
  limit?: number;
  gradientReduceBytes?: 2 | 4;
  /** As `TrainingStepInput.framework`. */
  framework?: string;
}

export interface PlanTrainingResult {
  /** Layouts that fit, fastest first. */
  layouts: PlannedLayout[];
  /** Counts of the layouts that were ruled out, by reason. */
  rejected: Record<LayoutRejection, number>;
  /** Layouts evaluated in full. */
  evaluated: number;
  /** Some rejected layouts with their reason, for the UI's "why not" (at most ~20). */
  examples: { layout: ResolvedLayout; recompute: Recompute; reason: LayoutRejection; memoryPerGpu?: number }[];
}
