/**
 * One optimizer step of dense or MoE pre-training on a parallel layout: `trainingStep`.
 * Combines the per-layer costs (`layer-cost.ts`), the pipeline schedule, data-parallel
 * gradient reduction, the optimizer and the memory plan. Units: seconds, FLOPs, bytes.
 */
import type { Architecture } from '../types';
import type { Accelerator, ComputeFormat } from '../../data/types';
import { ConfigError } from '../errors';
import { validateArchitecture } from '../params';
import { computeRates, memorySeconds, resolveCluster, type ComputeRates } from './hardware';
import { PLANNER_CALIBRATION } from './calibration';
import { ACCELERATOR_TRAINING_DEFAULTS, type AcceleratorGeneration } from '../../data/clusters';
import { deviceMemoryBytes } from '../../data/hardware';
import { DEFAULT_TRAINING_FRAMEWORK_ID, TRAINING_FRAMEWORKS_BY_ID, type TrainingFramework } from '../../data/training-frameworks';
import { collectiveSeconds, placeGroup, sendSeconds } from './collectives';
import { headCost, layerCost, type LayerCost, type LayerCostContext, type PhaseSeconds } from './layer-cost';
import { resolveLayout } from './layout';
import { expertReplicas, memoryPerGpu, stageParameters } from './memory-plan';
import { mtpDepth, mtpModuleSeconds } from './mtp';
import { checkOffload, offloadSeconds } from './offload';
import { STEP_TIME_SPREAD } from './uncertainty';
import {
  attentionForwardFlopsPerTokenFull,
  layerForwardFlopsPerToken,
  layerShapes,
  modelFlopsPerToken,
  type LayerShapes,
} from './shape';
import type {
  Recompute,
  ResolvedCluster,
  ResolvedLayout,
  StepBreakdown,
  TrainingStep,
  TrainingStepInput,
} from './types';


/**
 * Gradient bucket of Megatron's DDP (`--ddp-bucket-size`): 40M parameters, and in Megatron-Core
 * (frameworks with `gradientBucketGrowsWithDataParallel`) max(40M, 1M·dp)
 * (megatron/core/distributed/distributed_data_parallel_config.py at core_r0.8.0: "larger DP sizes
 * need larger buckets to ensure collectives do not become latency-bound"): the last bucket's
 * reduction starts only when the backward pass is over, so one bucket is always exposed.
 * Units: parameters.
 */
export const GRADIENT_BUCKET_PARAMS = 40e6;
/** Parameters the default bucket grows by per data-parallel rank (see GRADIENT_BUCKET_PARAMS). */
export const GRADIENT_BUCKET_PARAMS_PER_RANK = 1e6;

/**
 * How many single-micro-batch passes of a stage the data-parallel traffic of an interleaved
 * pipeline can hide under (Megatron-Core r0.8, megatron/core/pipeline_parallel/schedules.py,
 * forward_backward_pipelining_with_interleaving, and megatron/core/optimizer/distrib_optimizer.py):
 * the gradient reduce-scatter of model chunk j starts with its last backward pass, and the
 * cool-down then still runs j·pp backward chunk-steps (the chunks go vp−1 … 0 in groups of pp
 * micro-batches); the parameter all-gather of chunk j + 1 is launched at chunk j's first forward
 * and has the warm-up's pp forward chunk-steps of chunk j. With c the time of one chunk-step
 * (a stage pass / vp), the traffic of all vp chunks has ((vp − 1)·pp + 1)·c to hide under:
 *   window = stage pass × ((vp − 1)·pp + 1) / vp
 * which is one stage pass without interleaving (vp = 1: the last micro-batch's backward, the first
 * micro-batch's forward) and about pp stage passes with one layer per virtual stage.
 * Units: multiples of one micro-batch's pass through the stage.
 */
export function dataParallelWindowPasses(pp: number, vp: number): number {
  return vp > 1 ? ((vp - 1) * pp + 1) / vp : 1;
}

/**
 * Bytes per gradient element in the accumulation buffer and the data-parallel reduction when
 * neither the input (`gradientReduceBytes`) nor the framework row (`TrainingFramework.gradientReduceBytes`)
 * says: 2 (BF16/FP16). The frameworks that state it: Megatron-Core with `--bf16` and Llama 3
 * (§3.3.2) reduce in FP32 (4), NeMo's FP8 recipes in BF16 (`grad_reduce_in_fp32 = False`, 2).
 */
export const DEFAULT_GRADIENT_REDUCE_BYTES = 2;

/** HBM bytes the Adam step moves per local parameter: read FP32 grad, master, m, v; write master, m, v, 16-bit weight. */
const OPTIMIZER_BYTES_MOVED = 4 + 12 + 12 + 2;

/** Everything a step needs that does not depend on the layout. */
export interface PreparedModel {
  arch: Architecture;
  accelerator: Accelerator;
  precision: ComputeFormat;
  shapes: LayerShapes;
  rates: ComputeRates;
  cluster: ResolvedCluster;
  seqLen: number;
  globalBatch: number;
  modelFlopsPerToken: number;
  recomputeFlopsPerToken: Record<Recompute, number>;
  /** Bytes per gradient element in the accumulation buffer and the data-parallel reduction. */
  gradientBytes: 2 | 4;
  /** The software generation the step is priced with. */
  framework: TrainingFramework;
}

/**
 * The training software a step is priced with when the input names none: the Megatron generation
 * NVIDIA published its reference runs with on the accelerator's generation — Volta: Megatron-LM 2021
 * (Narayanan et al. 2021 ran V100 and A100), Ampere: Megatron-LM 2022 (Korthikanti et al. 2022, the
 * last A100 reference: sequence parallelism, selective recomputation, unfused attention), Hopper and
 * Blackwell (and anything else): Megatron-Core (the 2024 README table, NeMo's recipes). Pass
 * `framework` to price other software on the same GPUs (e.g. 'megatron-core' on an A100 today).
 */
export const DEFAULT_FRAMEWORK_BY_GENERATION: Readonly<Record<AcceleratorGeneration, string>> = {
  volta: 'megatron-lm-2021',
  ampere: 'megatron-lm-2022',
  hopper: DEFAULT_TRAINING_FRAMEWORK_ID,
  blackwell: DEFAULT_TRAINING_FRAMEWORK_ID,
};

/**
 * The software NVIDIA published its FP8 training results with on Hopper and Blackwell: every FP8
 * pre-training row of its tables is a NeMo performance recipe (NeMo performance summaries
 * 24.09–25.07: "FP8 training with per-tensor scaling"; the Megatron-Core README table is BF16). So
 * without a framework, 8-bit matmuls on those generations are priced with 'nemo-2' (fused
 * cross-entropy, FP8 parameter all-gather, BF16 gradient reduction), 16-bit ones with
 * DEFAULT_FRAMEWORK_BY_GENERATION.
 */
export const DEFAULT_FP8_FRAMEWORK_ID = 'nemo-2';

/**
 * The default framework id for `accelerator` at `precision` (see DEFAULT_FRAMEWORK_BY_GENERATION
 * and DEFAULT_FP8_FRAMEWORK_ID).
 */
export function defaultFrameworkId(accelerator: Pick<Accelerator, 'id'>, precision?: ComputeFormat): string {
  const generation = ACCELERATOR_TRAINING_DEFAULTS[accelerator.id]?.generation;
  if (!generation) return DEFAULT_TRAINING_FRAMEWORK_ID;
  const eightBit = precision === 'fp8' || precision === 'int8';
  if (eightBit && (generation === 'hopper' || generation === 'blackwell')) return DEFAULT_FP8_FRAMEWORK_ID;
  return DEFAULT_FRAMEWORK_BY_GENERATION[generation];
}

/** The framework row of `id` (default: `defaultFrameworkId(accelerator, precision)`); ConfigError for an unknown id. */
export function resolveFramework(id: string | undefined, accelerator?: Pick<Accelerator, 'id'>, precision?: ComputeFormat): TrainingFramework {
  const framework = TRAINING_FRAMEWORKS_BY_ID.get(id ?? (accelerator ? defaultFrameworkId(accelerator, precision) : DEFAULT_TRAINING_FRAMEWORK_ID));
  if (!framework) {
    throw new ConfigError(`framework must be one of ${[...TRAINING_FRAMEWORKS_BY_ID.keys()].join(', ')}; got ${String(id)}`, 'framework');
  }
  return framework;
}

/** Checks the model-level inputs and precomputes what every layout shares. */
export function prepareModel(input: {
  arch: Architecture;
  accelerator: Accelerator;
  precision: ComputeFormat;
  seqLen: number;
  globalBatch: number;
  cluster?: TrainingStepInput['cluster'];
  gradientReduceBytes?: 2 | 4;
  framework?: string;
}): PreparedModel {
  if (typeof input !== 'object' || input === null) throw new ConfigError('input must be an object', 'input');
  const arch = validateArchitecture(input.arch);
  if (arch.encoderOnly) throw new ConfigError('the training planner models decoder pre-training; encoder-only models are not supported', 'arch');
  const accelerator = input.accelerator;
  if (typeof accelerator !== 'object' || accelerator === null || !(accelerator.memoryBytes > 0)) {
    throw new ConfigError('accelerator must be a hardware row with memoryBytes > 0', 'accelerator');
  }
  const rates = computeRates(accelerator, input.precision);
  if (!(Number.isInteger(input.seqLen) && input.seqLen >= 1 && input.seqLen <= 1e8)) {
    throw new ConfigError(`seqLen must be an integer from 1 to 1e8, got ${String(input.seqLen)}`, 'seqLen');
  }
  if (!(Number.isInteger(input.globalBatch) && input.globalBatch >= 1 && input.globalBatch <= 1e9)) {
    throw new ConfigError(`globalBatch must be an integer from 1 to 1e9, got ${String(input.globalBatch)}`, 'globalBatch');
  }
  const framework = resolveFramework(input.framework, accelerator, input.precision);
  const gradientBytes = input.gradientReduceBytes ?? framework.gradientReduceBytes ?? DEFAULT_GRADIENT_REDUCE_BYTES;
  if (gradientBytes !== 2 && gradientBytes !== 4) {
    throw new ConfigError(`gradientReduceBytes must be 2 or 4, got ${String(input.gradientReduceBytes)}`, 'gradientReduceBytes');
  }
  return {
    framework,
    gradientBytes,
    arch,
    accelerator,
    precision: input.precision,
    shapes: layerShapes(arch),
    rates,
    cluster: resolveCluster(accelerator, input.cluster),
    seqLen: input.seqLen,
    globalBatch: input.globalBatch,
    modelFlopsPerToken: modelFlopsPerToken(arch, input.seqLen),
    recomputeFlopsPerToken: {
      none: 0,
      selective: attentionForwardFlopsPerTokenFull(arch, input.seqLen),
      full: layerForwardFlopsPerToken(arch, input.seqLen),
    },
  };
}

/** The per-layer costs of a layout: they depend on tp, cp, ep, the micro-batch and SP only. */
export interface LayoutLayerCosts {
  /** Share of TP traffic that can hide under the GEMMs it feeds, forward and backward ('full' overlap), else 0. */
  tpOverlap: number;
  /** The backward TP collectives run under the weight-gradient GEMMs ('backward' overlap, or 'full' where it falls back). */
  tpBackwardOverlap: boolean;
  /** Context parallelism all-gathers K and V on the critical path instead of a ring under attention. */
  cpAllGather: boolean;
  /** The backward re-runs the forward's memory-bound ops even without recompute (`recomputesMemoryBoundOps`). */
  recomputeMemoryBound: boolean;
  /** The backward re-runs MLA's up-projection GEMMs even without recompute (`recomputesUpProjections`). */
  recomputeUpProjections: boolean;
  /** The expert all-to-all runs under the computation of the paired chunk (DualPipe), exposed only beyond it. */
  expertOverlap: boolean;
  /** The framework's seconds per modelled second of kernel work (1 / `kernelEfficiency`, 1 for most frameworks). */
  workScale: number;
  dense: LayerCost;
  moe: LayerCost | null;
  head: PhaseSeconds;
  embedding: PhaseSeconds;
  /**
   * The multi-token-prediction modules on the head's stage (mtp.ts), or null without them: `depth`
   * transformer blocks of the model's kind (`layer`, the MoE layer for an MoE model), each with its
   * projection and norms (`module`), a second pass through the output head and an embedding lookup.
   */
  mtp: { depth: number; layer: LayerCost; module: { forward: PhaseSeconds; backward: PhaseSeconds } } | null;
  /** Stage costs already assembled from these layer costs (the planner reuses them across ZeRO stages). */
  stageCache: Map<number, StageCost>;
}

export function layoutLayerCosts(model: PreparedModel, layout: ResolvedLayout): LayoutLayerCosts {
  const context: LayerCostContext = {
    shapes: model.shapes,
    rates: model.rates,
    cluster: model.cluster,
    seqLen: model.seqLen,
    window: model.arch.slidingWindow && model.arch.slidingWindowLayers > 0 ? model.arch.slidingWindow : null,
    microBatch: layout.microBatch,
    tp: layout.tp,
    cp: layout.cp,
    ep: layout.ep,
    sequenceParallel: layout.sequenceParallel,
    fp8: model.rates.matmulInputBytes < 2,
    attentionKernel: model.framework.attention,
    crossEntropyBytesPerLogit: model.framework.crossEntropyBytesPerLogit,
    tpChunkedGemms: false,
    ...(model.framework.nodeLimitedRouting ? { nodeLimitedRouting: model.framework.nodeLimitedRouting } : {}),
  };
  const capable = ACCELERATOR_TRAINING_DEFAULTS[model.accelerator.id]?.tensorParallelOverlap === true;
  const mode = model.framework.tensorParallelOverlap;
  const full = mode === 'full' && capable && layout.tp <= model.cluster.gpusPerNode;
  context.tpChunkedGemms = full && layout.sequenceParallel;
  const ends = headCost(context);
  const dense = layerCost(context, false);
  const moe = model.shapes.moeLayers > 0 ? layerCost(context, true) : null;
  const depth = mtpDepth(model.arch);
  return {
    tpOverlap: full ? PLANNER_CALIBRATION.tpCommOverlap : 0,
    tpBackwardOverlap: !full && mode !== 'none',
    cpAllGather: model.framework.contextParallelAllGather === true,
    recomputeMemoryBound: model.framework.recomputesMemoryBoundOps === true,
    recomputeUpProjections: model.framework.recomputesUpProjections === true,
    workScale: 1 / (model.framework.kernelEfficiency ?? 1),
    expertOverlap: model.framework.dualPipe === true,
    dense,
    moe,
    head: ends.head,
    embedding: ends.embedding,
    mtp: depth > 0 ? { depth, layer: moe ?? dense, module: mtpModuleSeconds(context) } : null,
    stageCache: new Map(),
  };
}

/**
 * Exposed tensor-parallel time of a phase. With 'full' overlap (Megatron-Core `--tp-comm-overlap`,
 * Transformer Engine userbuffers: Wang et al. 2023, "Overlap communication with dependent
 * computation via decomposition", ASPLOS) a fraction f = PLANNER_CALIBRATION.tpCommOverlap of the
 * collectives runs under the GEMMs they feed; the first/last chunks and the collectives beside
 * norms and attention stay exposed: exposed = (1 − f)·comm + max(0, f·comm − GEMMs). f = 0 where
 * the accelerator lacks the capability (Ampere and older: `tensorParallelOverlap` in clusters.ts)
 * or the TP group spans nodes; the framework then falls back to 'backward' overlap.
 * 'backward' (Megatron-LM 2022, Korthikanti et al. 2022 §6.2): the backward collectives run under
 * the weight-gradient GEMMs, half the backward GEMM time: exposed = max(0, comm − GEMMs/2);
 * forward collectives are exposed. 'none' (Megatron-LM 2021): all exposed.
 */
function exposedTp(phase: PhaseSeconds, costs: LayoutLayerCosts, kind: 'forward' | 'backward' | 'recompute'): number {
  const overlap = costs.tpOverlap;
  if (overlap > 0) return (1 - overlap) * phase.tp + Math.max(0, overlap * phase.tp - phase.gemm);
  if (kind === 'backward' && costs.tpBackwardOverlap) return Math.max(0, phase.tp - phase.gemm / 2);
  return phase.tp;
}

/**
 * Exposed context-parallel time of a phase: the ring exchange runs under the attention kernels
 * (exposed beyond them); an all-gather before attention (Llama 3 §3.3.2) is all exposed.
 */
function exposedCp(phase: PhaseSeconds, costs: LayoutLayerCosts): number {
  return costs.cpAllGather ? phase.cp : Math.max(0, phase.cp - phase.attention);
}

const RECOMPUTE_INDEX: Record<Recompute, number> = { none: 0, selective: 1, full: 2 };

interface StageCost {
  compute: number;
  recompute: number;
  tp: number;
  cp: number;
  ep: number;
  forward: number;
  backward: number;
  total: number;
}

function addPhase(
  target: StageCost,
  phase: PhaseSeconds,
  weight: number,
  kind: 'forward' | 'backward' | 'recompute',
  costs: LayoutLayerCosts,
): void {
  const work = (phase.gemm + phase.attention + phase.memory) * costs.workScale;
  const tp = exposedTp(phase, costs, kind);
  const cp = exposedCp(phase, costs);
  // DualPipe pairs this chunk with another micro-batch's chunk of the opposite direction: the
  // all-to-all hides under that chunk's computation (taken as this phase's own work).
  const ep = costs.expertOverlap ? Math.max(0, phase.ep - work) : phase.ep;
  if (kind === 'recompute') target.recompute += weight * work;
  else target.compute += weight * work;
  target.tp += weight * tp;
  target.cp += weight * cp;
  target.ep += weight * ep;
  const seconds = weight * (work + tp + cp + ep);
  if (kind === 'forward') target.forward += seconds;
  else target.backward += seconds;
}

/** Adds `count` transformer layers of one kind, forward, backward and the recompute mode's extra work. */
function addLayers(stage: StageCost, cost: LayerCost, count: number, recompute: Recompute, costs: LayoutLayerCosts): void {
  if (!(count > 0)) return;
  addPhase(stage, cost.forward, count, 'forward', costs);
  addPhase(stage, cost.backward, count, 'backward', costs);
  if (recompute === 'full') addPhase(stage, cost.forward, count, 'recompute', costs);
  if (recompute === 'selective') {
    stage.recompute += count * cost.forward.attention * costs.workScale;
    stage.backward += count * cost.forward.attention * costs.workScale;
  }
  if (recompute === 'none') {
    const rerun = (costs.recomputeMemoryBound ? cost.forward.memory : 0) + (costs.recomputeUpProjections ? cost.upProjectionForward : 0);
    stage.recompute += count * rerun * costs.workScale;
    stage.backward += count * rerun * costs.workScale;
  }
}

/**
 * DualPipe's end rank (deepseek-ai/DualPipe examples/example_dualpipe.py: rank r holds stages r and
 * pp − 1 − r, and each direction carries half the micro-batches): per micro-batch it spends the
 * average of the first and the last stage. The middle ranks pair two middle stages.
 */
function pairedEnds(first: StageCost, last: StageCost): StageCost {
  const average = (key: keyof StageCost): number => (first[key] + last[key]) / 2;
  return {
    compute: average('compute'),
    recompute: average('recompute'),
    tp: average('tp'),
    cp: average('cp'),
    ep: average('ep'),
    forward: average('forward'),
    backward: average('backward'),
    total: average('total'),
  };
}

/** Seconds one stage of `layers` layers spends on one micro-batch, by cause. */
function stageCost(
  costs: LayoutLayerCosts,
  layers: number,
  moeShare: number,
  recompute: Recompute,
  ends: { first: boolean; last: boolean },
): StageCost {
  // moeShare is fixed for a model, so layers, recompute and the ends identify the stage.
  const key = layers * 16 + RECOMPUTE_INDEX[recompute] * 4 + (ends.first ? 2 : 0) + (ends.last ? 1 : 0);
  const cached = costs.stageCache.get(key);
  if (cached) return cached;
  const stage: StageCost = { compute: 0, recompute: 0, tp: 0, cp: 0, ep: 0, forward: 0, backward: 0, total: 0 };
  const kinds: [LayerCost, number][] = [[costs.dense, (1 - moeShare) * layers]];
  if (costs.moe) kinds.push([costs.moe, moeShare * layers]);
  for (const [cost, count] of kinds) addLayers(stage, cost, count, recompute, costs);
  if (ends.last) addPhase(stage, costs.head, 1, 'backward', costs);
  if (ends.first) addPhase(stage, costs.embedding, 1, 'forward', costs);
  if (ends.last && costs.mtp) {
    // The MTP modules sit with the output head (mtp.ts): per depth one more transformer block
    // (recomputed like the main layers), its projection and norms, one more output head and
    // cross-entropy, and the lookup of the shifted tokens in the shared embedding.
    const { depth, layer, module } = costs.mtp;
    addLayers(stage, layer, depth, recompute, costs);
    addPhase(stage, module.forward, depth, 'forward', costs);
    addPhase(stage, module.backward, depth, 'backward', costs);
    addPhase(stage, costs.head, depth, 'backward', costs);
    addPhase(stage, costs.embedding, depth, 'forward', costs);
  }
  stage.total = stage.forward + stage.backward;
  costs.stageCache.set(key, stage);
  return stage;
}

/** Assembles one step from a prepared model, a resolved layout and its per-layer costs. */
export function assembleStep(
  model: PreparedModel,
  layout: ResolvedLayout,
  recompute: Recompute,
  costs: LayoutLayerCosts,
): TrainingStep {
  const { shapes, cluster, arch } = model;
  const { tp, pp, dp, cp, ep, vp } = layout;
  const gpus = tp * pp * dp * cp;
  const microBatches = model.globalBatch / (dp * layout.microBatch);
  const moeShare = shapes.moeLayers / arch.layers;
  const first = stageCost(costs, layout.firstStageLayers, moeShare, recompute, { first: true, last: pp === 1 });
  const last = pp > 1 ? stageCost(costs, layout.lastStageLayers, moeShare, recompute, { first: false, last: true }) : first;
  const middle = pp > 2 ? stageCost(costs, layout.middleStageLayers, moeShare, recompute, { first: false, last: false }) : null;
  // DualPipe places the first and the last stage on the same ranks (pairedEnds): what the end rank
  // spends per micro-batch is their average, so the head and the MTP modules weigh half there.
  const paired = model.framework.dualPipe === true && pp > 1;
  const stages = paired
    ? [pairedEnds(first, last), ...(middle ? [middle] : [])]
    : [first, ...(middle ? [middle] : []), ...(pp > 1 ? [last] : [])];
  const slowest = stages.reduce((a, b) => (b.total > a.total ? b : a));
  const allStagesSeconds = first.total + (pp > 1 ? last.total : 0) + (middle ? (pp - 2) * middle.total : 0);

  // Pipeline: m micro-batches through the slowest stage, plus fill and drain through the others
  // (the bubble, (pp − 1)/(vp·m) of the work for even stages: Narayanan et al. 2021 §2.2).
  let ppBubble = pp > 1 ? (allStagesSeconds - slowest.total) / vp : 0;
  if (model.framework.dualPipe && pp > 2) {
    // DualPipe (DeepSeek-V3 Table 2): (pp/2 − 1)·(F&B + B − 3W) against 1F1B's (pp − 1)·(F + B);
    // with F&B = F + B (no credit for the overlapped pair) and W, the weight gradients, half of B:
    // (pp/2 − 1)·(F + B/2).
    const { forward, backward } = slowest;
    ppBubble *= ((pp / 2 - 1) / (pp - 1)) * ((forward + backward / 2) / Math.max(1e-30, forward + backward));
  }
  let ppP2p = 0;
  if (pp > 1) {
    const tokens = (layout.microBatch * model.seqLen) / cp;
    // Scatter/gather (Narayanan 2021 §4.1) or sequence parallelism: each TP rank sends 1/tp.
    const split = layout.sequenceParallel || model.framework.pipelineScatterGather;
    const bytes = (tokens * arch.hidden * 2) / (split ? tp : 1);
    const crossesNodes = tp * cp * dp >= cluster.gpusPerNode;
    // Critical-path sends: fill and drain, plus the steady state's blocking send/receive pairs —
    // 2m with the non-interleaved schedule; with interleaving Megatron-Core overlaps them
    // (`--overlap-p2p-communication`), older frameworks wait for all 2·m·vp of them.
    // DualPipe hides the steady state's sends under the paired chunks (DeepSeek-V3 §3.2.1).
    const steady = model.framework.dualPipe ? 0 : vp === 1 ? 2 * microBatches : model.framework.interleavedSendOverlap ? 0 : 2 * microBatches * vp;
    const transfers = 2 * (pp - 1) + steady;
    ppP2p = transfers * sendSeconds(bytes, crossesNodes, cluster);
  }

  // Data parallel (Megatron DDP / distributed optimizer, FSDP for stage 3): gradient
  // reduce-scatter (the framework's gradient bytes) and parameter all-gather (16-bit, FP8 with
  // NeMo's fp8_param_gather) over dp × cp, routed experts over their copies (expertReplicas),
  // overlapped as Megatron-Core r0.8 schedules them (dataParallelWindowPasses); the last bucket
  // is always exposed.
  const params = stageParameters(shapes, layout.firstStageLayers, arch.layers, layout, {
    first: true,
    last: pp === 1,
    tiedEmbeddings: arch.details.tiedEmbeddings,
    ...(costs.mtp ? { mtp: { depth: costs.mtp.depth, embeddingCopy: false } } : {}),
  });
  const denseGroup = placeGroup(dp * cp, tp, cluster.gpusPerNode);
  // A routed expert's copies (expertReplicas): with ep > 1 the tp × cp ranks of a block and every
  // ep-th block of data-parallel replicas (ranks ordered tp → cp → ep → dp); with ep = 1 the dense group.
  const expertCopies = expertReplicas(layout);
  const expertGroup =
    ep > 1
      ? { size: expertCopies, membersPerNode: Math.min(expertCopies, tp * cp * Math.max(1, Math.floor(cluster.gpusPerNode / (tp * cp * ep)))) }
      : denseGroup;
  const collective = (kind: 'all-reduce' | 'reduce-scatter' | 'all-gather', bytesPerParam: number): number =>
    collectiveSeconds(kind, bytesPerParam * params.dense, denseGroup, cluster) +
    collectiveSeconds(kind, bytesPerParam * params.expert, expertGroup, cluster);
  const bucketParams = model.framework.gradientBucketGrowsWithDataParallel
    ? Math.max(GRADIENT_BUCKET_PARAMS, GRADIENT_BUCKET_PARAMS_PER_RANK * dp * cp)
    : GRADIENT_BUCKET_PARAMS;
  const bucketShare = Math.min(1, bucketParams / Math.max(1, params.dense + params.expert));
  // Once-per-step traffic (ZeRO 0/1 gradients, ZeRO 0–2 parameters) hides under the interleaved
  // schedule's longer window; per-micro-batch traffic (ZeRO-2 gradients, ZeRO-3) under one pass.
  const windowPasses = dataParallelWindowPasses(pp, vp);
  const stepWindowBackward = first.backward * windowPasses;
  const stepWindowForward = first.forward * windowPasses;
  const windowBackward = first.backward;
  const windowForward = first.forward;
  // Frameworks that reduce after the backward pass (Megatron-LM 2021–22, DeepSpeed's pipeline
  // engine) expose all of it.
  const overlaps = model.framework.gradientReduceOverlap;
  const hidden = (comm: number, window: number): number =>
    overlaps ? Math.max(0, comm - window) + comm * bucketShare : comm;
  let dpSeconds = 0;
  if (dp * cp > 1) {
    const reduceScatter = collective('reduce-scatter', model.gradientBytes);
    // FP8 parameter all-gather works with the distributed optimizer only: NeMo turns it off under
    // FSDP ("Currently FSDP does not support FP8 param gather", scripts/performance/utils.py, v2.3.0).
    const fp8Gather = model.framework.fp8ParameterGather && layout.zeroStage < 3;
    const parameterBytes = fp8Gather ? Math.min(2, model.rates.matmulInputBytes) : 2;
    const gather = collective('all-gather', parameterBytes);
    if (layout.zeroStage === 0) dpSeconds = hidden(collective('all-reduce', model.gradientBytes), stepWindowBackward);
    else if (layout.zeroStage === 1) dpSeconds = hidden(reduceScatter, stepWindowBackward) + hidden(gather, stepWindowForward);
    else if (layout.zeroStage === 2) dpSeconds = microBatches * hidden(reduceScatter, windowBackward) + hidden(gather, stepWindowForward);
    else dpSeconds = microBatches * (hidden(gather, windowForward) + hidden(gather + reduceScatter, windowBackward));
  }

  // Optimizer: Adam over the local shard, memory-bound.
  const shardedParams = layout.zeroStage >= 1 ? params.dense / (dp * cp) + params.expert / expertCopies : params.dense + params.expert;
  const optimizer = memorySeconds(shardedParams * OPTIMIZER_BYTES_MOVED, model.rates);

  const breakdown: StepBreakdown = {
    compute: microBatches * slowest.compute,
    recompute: microBatches * slowest.recompute,
    tp: microBatches * slowest.tp,
    cp: microBatches * slowest.cp,
    ep: microBatches * slowest.ep,
    ppBubble,
    ppP2p,
    dp: dpSeconds,
    optimizer,
    offload: 0,
  };
  const memory = memoryPerGpu({
    gradientBytes: model.gradientBytes,
    linearInputBytes: Math.min(2, model.rates.matmulInputBytes),
    shapes,
    totalLayers: arch.layers,
    layout,
    recompute,
    microBatches,
    seqLen: model.seqLen,
    tiedEmbeddings: arch.details.tiedEmbeddings,
    unfusedAttention: model.framework.attention === 'unfused',
    ...(costs.mtp ? { mtpLayers: costs.mtp.depth, mtpEmbeddingCopy: model.framework.dualPipe !== true } : {}),
  });
  breakdown.offload = microBatches * offloadSeconds(layout.offloadLayers, memory.layerActivations, costs.dense, costs.moe, moeShare, cluster);
  const seconds = Object.values(breakdown).reduce((sum, value) => sum + value, 0);
  const tokens = model.globalBatch * model.seqLen;
  const modelFlops = model.modelFlopsPerToken * tokens;
  const hardwareFlops = modelFlops + model.recomputeFlopsPerToken[recompute] * tokens;
  const peak = model.rates.matmulPeak;
  return {
    seconds,
    modelFlops,
    hardwareFlops,
    mfu: modelFlops / (seconds * gpus * peak),
    hfu: hardwareFlops / (seconds * gpus * peak),
    tokensPerSecondPerGpu: tokens / (seconds * gpus),
    breakdown,
    memoryPerGpu: memory.total,
    fits: memory.total <= deviceMemoryBytes(model.accelerator) && memory.offloaded <= cluster.hostMemoryBytesPerGpu,
    memory,
    gpus,
    layout,
    recompute,
    precision: model.precision,
    microBatches,
    bubbleFraction: ppBubble / seconds,
    tpCrossesNode: tp > cluster.gpusPerNode,
    secondsLow: seconds * (1 - STEP_TIME_SPREAD),
    secondsHigh: seconds * (1 + STEP_TIME_SPREAD),
    cluster,
    framework: model.framework.id,
  };
}

const RECOMPUTE_MODES: readonly Recompute[] = ['none', 'selective', 'full'];

/**
 * One optimizer step of pre-training on a parallel layout (spec: core-api "Predicting time").
 *   step = m × (slowest stage's forward + backward per micro-batch: GEMMs at a size-dependent
 *          efficiency, FlashAttention, memory-bound ops, recompute, exposed TP/CP/EP traffic)
 *        + pipeline bubble (the other stages' fill and drain, / vp) + pipeline sends
 *        + exposed data-parallel reduce-scatter / all-gather + the Adam step
 * with m = globalBatch / (dp × microBatch). GPUs = tp × cp × pp × dp (EP folds into dp × cp).
 * A model's multi-token-prediction modules (`mtpLayers`, mtp.ts) run on the head's stage; DualPipe's
 * end rank holds the first and the last stage (`pairedEnds`).
 * `modelFlops` follows Megatron-LM / NeMo (full-square attention, output head, MTP, no input
 * embedding: see `modelFlopsPerToken`), so `mfu` compares with their printed MFU; `mfu`/`hfu`
 * are fractions of the dense peak at `precision`. The breakdown's seconds sum to `seconds`.
 * Throws ConfigError for a layout that cannot run (see `resolveLayout`) or a precision the
 * accelerator lacks. Units: seconds, FLOPs, bytes.
 * Sources: Narayanan et al. 2021 (PTD-P, §2–3); Korthikanti et al. 2022 (SP, recompute);
 * Rajbhandari et al. 2020 (ZeRO); Megatron-Core r0.8 (the data-parallel schedule:
 * dataParallelWindowPasses); docs/training-planner.md for every equation and constant.
 */
export function trainingStep(input: TrainingStepInput): TrainingStep {
  const model = prepareModel(input);
  if (!RECOMPUTE_MODES.includes(input.recompute)) {
    throw new ConfigError(`recompute must be one of none, selective, full; got ${String(input.recompute)}`, 'recompute');
  }
  const layout = resolveLayout(model.arch, input.layout, input.globalBatch, input.seqLen);
  if (layout.vp > 1 && !model.framework.interleavedSchedule) {
    throw new ConfigError(`framework ${model.framework.id} has no interleaved pipeline schedule: vp must be 1, got ${layout.vp}`, 'layout.vp');
  }
  checkOffload(layout, input.recompute, model.cluster);
  return assembleStep(model, layout, input.recompute, layoutLayerCosts(model, layout));
}
