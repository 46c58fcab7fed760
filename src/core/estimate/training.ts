/**
 * The estimate's training run: tokens and FLOPs, the parallel layout and its memory per GPU,
 * the smallest layout that fits, and the whole run's time, cost and energy.
 *
 * Modelling choices: the run uses `input.gpuCount` GPUs with `tensorParallel × pipelineParallel`
 * model parallelism and data parallelism `floor(gpuCount / (t × p))` (at least 1) for the memory
 * model. The run's totals come from `trainingRunTotals` at the MFU chosen by `runMfu`: the user's
 * pinned MFU, else the planner's prediction for the scenario's full layout (`trainingStep`, with
 * cp, ep, vp, the global batch and the cluster: ./training-step.ts), else — the layout cannot run
 * or the planner cannot price it — ASSUMED_TRAINING_MFU, flagged `mfuSource: 'assumed'` (the
 * training section then shows the rule, not numbers).
 * Units: tokens, FLOPs, FLOP/s, GPUs, bytes, GPU-hours, days, US dollars, joules.
 */
import type { Accelerator, Precision, PrecisionId, ComputeFormat } from '../../data/types';
import type { Architecture, ParameterCount } from '../types';
import { ASSUMED_TRAINING_MFU, type EstimateInput, type RecomputeMode } from '../input';
import type { ClusterOverride, TrainingStep } from '../planner/types';
import { customAccelerator, predictTrainingStep, type LayoutProblem, type ScenarioLayout } from './training-step';
import { minimumGpusForTraining, trainingMemoryPerDevice, type TrainingFit, type TrainingMemoryBreakdown } from '../memory';
import { attentionTrainingFlops, trainingFlops, trainingRunTotals, type TrainingRunOptions } from '../training';
import { nonNegative, ratio } from '../units';
import type { WarningCode } from '../warnings';
import { peakFlops, type EstimateHardware } from './hardware';
import { architectureActivationBytes } from './activations';
import { MATMUL_INPUT_BYTES } from '../gemm';
import type { TrainingFramework } from '../../data/training-frameworks';

export interface EstimateTraining {
  tokens: number;
  /** tokens / total parameters. */
  tokensPerParam: number;
  /** 6 × active × tokens. */
  denseFlops: number;
  /** Kaplan's attention term at `seqLen` (computed whether or not it is added). */
  attentionFlops: number;
  /** FLOPs used for time and cost: dense, plus attention when `scenario.attentionFlops`. */
  flops: number;
  precision: PrecisionId;
  /** The format whose dense rate is used (after fallbacks). */
  computeFormat: ComputeFormat | 'custom';
  peakFlopsPerGpu: number;
  mfu: number;
  gpus: number;
  tensorParallel: number;
  pipelineParallel: number;
  dataParallel: number;
  gpuHours: number;
  days: number;
  costUsd: number;
  energyJoules: number;
  energyCostUsd: number;
  /** Busiest GPU at the scenario's layout. */
  memoryPerGpu: TrainingMemoryBreakdown;
  fitsPerGpu: boolean;
  /** Smallest layout that fits with the scenario's ZeRO and recompute, or null. */
  minGpus: TrainingFit | null;
  /** Model-state bytes per parameter before sharding: weights, gradients, optimizer. */
  bytesPerParam: { weights: number; gradients: number; optimizer: number };
  /** What the run's totals were computed from (besides `flops`): `trainingRunTotals(flops, run)`. */
  run: TrainingRunOptions;
  /** Where `mfu` came from: the user's pin, the planner's step, or the assumed fallback (layout cannot run). */
  mfuSource: 'pinned' | 'predicted' | 'assumed';
  /**
   * The planner's MFU for the scenario's layout, in its own convention (Megatron-LM: attention
   * over the full square and the output head counted; `TrainingStep.mfu`), or null.
   */
  predictedMfu: number | null;
  /** The layout the planner priced (cp, ep, vp, dp, global batch). */
  layout: ScenarioLayout;
  /** The cluster override the planner was given (undefined = the accelerator's own cluster). */
  cluster: ClusterOverride | undefined;
  /** The accelerator row the planner priced (the custom GPU as a row when `gpu === 'custom'`). */
  plannerAccelerator: Accelerator;
  /** The matmul format the planner priced. */
  plannerFormat: ComputeFormat;
  /**
   * The training software the planner priced: the input's `trainingFramework`, or the accelerator's
   * default when 'auto' (`frameworkAuto`); null for an id the planner does not know.
   */
  framework: TrainingFramework | null;
  frameworkAuto: boolean;
  /** The planner's step at the scenario's layout, or null (see `layoutProblem`). */
  step: TrainingStep | null;
  /** Why the scenario's layout cannot run, or null. */
  layoutProblem: LayoutProblem | null;
  /** Optimizer steps of the run: tokens / (globalBatch × seqLen). */
  steps: number;
  /** Micro-batches each pipeline runs per step, globalBatch / (dp × microBatch) of `layout`: the memory's in-flight cap. */
  microBatchesPerStep: number;
  /** One layer's activation bytes per micro-batch at the scenario's TP, per recompute mode (`architectureActivationBytes`). */
  activationBytesPerLayer: Record<RecomputeMode, number>;
  /**
   * The run's totals under the planner's low / high efficiency assumptions (the step's
   * `secondsLow` / `secondsHigh`, ± STEP_TIME_SPREAD), when the MFU is predicted; else null.
   */
  band: { gpuHoursLow: number; gpuHoursHigh: number; daysLow: number; daysHigh: number; costLowUsd: number; costHighUsd: number } | null;
}

/** A count input as a whole number ≥ 1 (GPUs, parallel degrees, batch). */
export function clampCount(x: number): number {
  const value = Math.floor(nonNegative(x));
  return value < 1 ? 1 : value;
}

/**
 * Model-state bytes per parameter for the training precision: mixed precision (BF16 / FP16 /
 * FP8 compute) keeps 2 + 2 + 12 (rajbhandari2020 §3.1; FP8 recipes keep FP32 master weights and
 * optimizer states as well, deepseek2024v3 §3.3); pure FP32 keeps 4 weights + 4 gradients + 8
 * (momentum, variance; no separate master copy).
 */
export function modelStateBytesPerParam(precision: Precision): EstimateTraining['bytesPerParam'] {
  if (precision.id === 'fp32') return { weights: 4, gradients: 4, optimizer: 8 };
  return { weights: 2, gradients: 2, optimizer: 12 };
}

/**
 * THE place the run's MFU is chosen: the user's pinned MFU; else the planner's step, as the MFU
 * that makes the run's time equal steps × the predicted step time for the estimate's FLOPs
 * (`flops / (steps × step seconds × gpus × peak)`: the planner counts attention and the output
 * head, the estimate 6·N·D — the time is what must agree); else ASSUMED_TRAINING_MFU.
 */
function runMfu(
  input: Pick<EstimateInput, 'mfu'>,
  step: TrainingStep | null,
  run: { flops: number; steps: number; gpus: number; peakFlopsPerGpu: number },
): { mfu: number; source: EstimateTraining['mfuSource'] } {
  if (input.mfu !== null) return { mfu: input.mfu, source: 'pinned' };
  const seconds = step === null ? 0 : run.steps * step.seconds;
  const implied = ratio(run.flops, seconds * run.gpus * run.peakFlopsPerGpu);
  if (step === null || !(implied > 0) || !Number.isFinite(implied)) return { mfu: ASSUMED_TRAINING_MFU, source: 'assumed' };
  return { mfu: implied, source: 'predicted' };
}

/** The input's goodput when it is a share in (0, 1], else 1 (the steps only). */
function runGoodput(goodput: number | undefined): number {
  return goodput !== undefined && Number.isFinite(goodput) && goodput > 0 && goodput <= 1 ? goodput : 1;
}

type TrainingInput = Pick<
  EstimateInput,
  | 'tokens'
  | 'tokensPerParam'
  | 'attentionFlops'
  | 'seqLen'
  | 'gpuCount'
  | 'tensorParallel'
  | 'pipelineParallel'
  | 'zeroStage'
  | 'microBatch'
  | 'recompute'
  | 'sequenceParallel'
  | 'contextParallel'
  | 'expertParallel'
  | 'virtualPipeline'
  | 'offloadLayers'
  | 'trainingFramework'
  | 'goodput'
  | 'globalBatch'
  | 'cluster'
  | 'customCluster'
  | 'mfu'
  | 'pue'
  | 'usdPerKwh'
  | 'customGpu'
>;

/** Everything about training the model on the input's layout; see EstimateTraining. */
export function trainingEstimate(
  input: TrainingInput,
  model: { arch: Architecture; counts: ParameterCount },
  hardware: EstimateHardware,
  precision: Precision,
  warnings: WarningCode[],
): EstimateTraining {
  const { arch, counts } = model;
  const tokens = nonNegative(input.tokens ?? input.tokensPerParam * counts.total);
  const denseFlops = trainingFlops(counts.active, tokens);
  const attentionFlops = attentionTrainingFlops(arch, tokens, input.seqLen);
  const flops = denseFlops + (input.attentionFlops ? attentionFlops : 0);
  const peak = peakFlops(hardware, precision.computeFormat, input.customGpu, warnings);

  const gpus = clampCount(input.gpuCount);
  const tensorParallel = clampCount(input.tensorParallel);
  const pipelineParallel = clampCount(input.pipelineParallel);
  const modelParallel = tensorParallel * pipelineParallel;
  if (modelParallel > gpus) warnings.push('parallelism-exceeds-gpus');
  else if (gpus % modelParallel !== 0) warnings.push('gpus-not-divisible');
  if (arch.heads % tensorParallel !== 0) warnings.push('tensor-parallel-not-dividing-heads');
  if (pipelineParallel > arch.layers) warnings.push('pipeline-exceeds-layers');
  if (input.seqLen > arch.contextLength) warnings.push('seq-len-exceeds-model');
  const dataParallel = Math.max(1, Math.floor(gpus / modelParallel));

  const format: ComputeFormat = peak.format === 'custom' ? 'bf16' : peak.format;
  const accelerator = hardware.accelerator ?? customAccelerator(input.customGpu, format);
  const prediction = predictTrainingStep(input, arch, accelerator, format);
  const { step, layout } = prediction;

  const bytesPerParam = modelStateBytesPerParam(precision);
  const memoryOptions = {
    zeroStage: input.zeroStage,
    microBatch: input.microBatch,
    seqLen: input.seqLen,
    recompute: input.recompute,
    sequenceParallel: input.sequenceParallel,
    bytesPerWeight: bytesPerParam.weights,
    bytesPerGradient: bytesPerParam.gradients,
    optimizerBytesPerParam: bytesPerParam.optimizer,
    // FlashAttention (Dao et al. 2022) never stores the s × s scores: every current training stack
    // runs it (Megatron-Core's fused attention, PyTorch SDPA), and so does the planner. Korthikanti
    // et al.'s 5·a·s/h term is the unfused attention of 2019–22 (`activationBytesPerLayer`'s
    // default): the per-layer count below keeps it when the chosen software is of that era.
    flashAttention: true,
    // Per layer, the planner's tensor-by-tensor count (GQA, gated MLPs, MoE routed copies), so the
    // card and the planner's memory plan agree on the same layout.
    perLayerActivationBytes: architectureActivationBytes(arch, {
      seqLen: input.seqLen,
      microBatch: input.microBatch,
      sequenceParallel: input.sequenceParallel,
      linearInputBytes: Math.min(2, MATMUL_INPUT_BYTES[format]),
      unfusedAttention: prediction.framework?.attention === 'unfused',
    }),
  };
  const activationBytesPerLayer: Record<RecomputeMode, number> = {
    none: memoryOptions.perLayerActivationBytes(tensorParallel, 'none'),
    selective: memoryOptions.perLayerActivationBytes(tensorParallel, 'selective'),
    full: memoryOptions.perLayerActivationBytes(tensorParallel, 'full'),
  };
  // The first pipeline stage holds no more micro-batches than the step runs (the planner's layout).
  const microBatchesPerStep = ratio(layout.globalBatch, layout.dp * layout.microBatch);
  const memoryPerGpu = trainingMemoryPerDevice(arch, counts, { ...memoryOptions, dataParallel, tensorParallel, pipelineParallel, microBatchesPerStep, offloadLayers: layout.offloadLayers });
  const fitsPerGpu = memoryPerGpu.total <= hardware.deviceMemoryBytes;
  if (!fitsPerGpu) warnings.push('does-not-fit');
  const minGpus = minimumGpusForTraining(arch, counts, { ...memoryOptions, memoryBytesPerGpu: hardware.deviceMemoryBytes });
  if (minGpus === null) warnings.push('training-never-fits');

  const steps = ratio(tokens, layout.globalBatch * clampCount(input.seqLen));
  const chosen = runMfu(input, step, { flops, steps, gpus, peakFlopsPerGpu: peak.flops });
  const mfu = chosen.mfu;
  const run: TrainingRunOptions = {
    peakFlopsPerGpu: peak.flops,
    mfu,
    gpus,
    tdpWatts: hardware.tdpWatts,
    pue: input.pue,
    usdPerGpuHour: hardware.usdPerGpuHour,
    usdPerKwh: input.usdPerKwh,
    goodput: runGoodput(input.goodput),
  };
  const totals = trainingRunTotals(flops, run);
  let band: EstimateTraining['band'] = null;
  if (chosen.source === 'predicted' && step !== null) {
    const low = ratio(step.secondsLow, step.seconds);
    const high = ratio(step.secondsHigh, step.seconds);
    band = {
      gpuHoursLow: totals.gpuHours * low,
      gpuHoursHigh: totals.gpuHours * high,
      daysLow: totals.days * low,
      daysHigh: totals.days * high,
      costLowUsd: totals.costUsd * low,
      costHighUsd: totals.costUsd * high,
    };
  }
  return {
    tokens,
    tokensPerParam: ratio(tokens, counts.total),
    denseFlops,
    attentionFlops,
    flops,
    precision: precision.id,
    computeFormat: peak.format,
    peakFlopsPerGpu: peak.flops,
    mfu,
    gpus,
    tensorParallel,
    pipelineParallel,
    dataParallel,
    ...totals,
    memoryPerGpu,
    fitsPerGpu,
    minGpus,
    bytesPerParam,
    run,
    mfuSource: chosen.source,
    predictedMfu: step?.mfu ?? null,
    layout,
    cluster: prediction.cluster,
    plannerAccelerator: accelerator,
    plannerFormat: format,
    framework: prediction.framework,
    frameworkAuto: input.trainingFramework === undefined || input.trainingFramework === 'auto',
    step,
    layoutProblem: prediction.problem,
    steps,
    microBatchesPerStep,
    activationBytesPerLayer,
    band,
  };
}
