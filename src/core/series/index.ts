/**
 * Chart sweeps: pure functions of (scenario, estimate) → rows, 40–80 points per series. They
 * reuse the estimate's resolved architecture and counts (no per-point config parsing); the
 * hardware and model timelines depend only on the weight precision and are cached.
 * Units: as in the core (parameters, bytes, FLOPs, seconds, US dollars, watts, joules).
 */
import type { Scenario, RecomputeMode, ZeroStage } from '../scenario/scenario';
import type { AcceleratorKind, PrecisionId } from '../data/types';
import { HARDWARE } from '../data/hardware';
import { MODELS } from '../data/models';
import { TRAINING_RUNS } from '../data/training-runs';
import { PRECISIONS } from '../data/precisions';
import { architectureFromHfConfig, countParameters } from './params';
import type { Estimate } from './estimate';
import {
  RUNTIME_OVERHEAD_BYTES_PER_GPU,
  kvCacheBytes,
  modelStateBreakdownPerDevice,
  trainingActivationBytesPerDevice,
  weightBytes,
  type TrainingMemoryBreakdown,
} from './memory';
import {
  attentionForwardFlopsPerToken,
  energyCostUsd,
  trainingCostUsd,
  trainingDays,
  trainingEnergyJoules,
  trainingFlops,
  trainingGpuHours,
} from './training';
import { LOSS_LAWS, OPTIMAL_LAWS, computeOptimal, lossAlongTokens, predictLoss, type LossLaw, type OptimalLaw } from './scaling';
import {
  decodeStep,
  decodeStepBytes,
  decodeStepFlops,
  decodeTokensPerSecondAggregate,
  decodeTokensPerSecondPerSequence,
  type Bound,
} from './inference';
import { decodeParamsRead, type MoeSummary } from './moe';
import type { CompressionRow } from './compression';
import { deploymentPlansAtLoads } from './deployment';
import { BITS_PER_BYTE, logSpace, nonNegative, ratio } from './units';

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

export interface MemoryByPrecisionSeries {
  rows: Array<{ id: PrecisionId; bitsPerWeight: number; bytes: number; selected: boolean }>;
  /** Distinct accelerator memory sizes, smallest first, with the accelerators that have them. */
  capacities: Array<{ memoryBytes: number; ids: string[]; names: string[] }>;
  /** The scenario's accelerator: one GPU and the inference serving group. */
  current: { memoryBytes: number; servingGpus: number; servingBytes: number };
}

export interface CostVsScaleRow {
  params: number;
  tokens: number;
  flops: number;
  gpuHours: number;
  days: number;
  costUsd: number;
  energyJoules: number;
  energyCostUsd: number;
}

export interface CostVsScaleSeries {
  /** Dense models of 1e8–1e13 parameters at the scenario's tokens per parameter and hardware. */
  rows: CostVsScaleRow[];
  /** The scenario's model (active parameters for FLOPs, its actual tokens). */
  current: CostVsScaleRow;
}

export type LossRow = { compute: number } & Record<LossLaw, number>;

export interface LossVsComputeSeries {
  /** Loss of each law's own compute-optimal model, compute 1e12–1e31 FLOPs. */
  optimal: LossRow[];
  /** The current model's size trained on C / (6 × active) tokens, per law. */
  isoSize: Array<LossRow & { tokens: number }>;
  /** The current model at its training compute. */
  current: LossRow & { params: number; tokens: number };
}

export type FrontierRow = { compute: number } & Record<OptimalLaw, number>;

export interface FrontierPoint {
  id: string;
  model: string;
  year: number;
  compute: number;
  params: number;
  paramsActive: number;
  tokens: number;
  confirmed: boolean;
  /** True when the compute is 6·N_active·D rather than the published figure. */
  computeDerived: boolean;
}

export interface ComputeOptimalFrontierSeries {
  /** Compute-optimal parameters per law, compute 1e12–1e31 FLOPs. */
  params: FrontierRow[];
  /** Compute-optimal tokens per law on the same grid. */
  tokens: FrontierRow[];
  /** Published training runs (TRAINING_RUNS) with known tokens. */
  runs: FrontierPoint[];
  current: { compute: number; params: number; tokens: number };
}

export interface TrainingStrategyRow extends TrainingMemoryBreakdown {
  zeroStage: ZeroStage;
  recompute: RecomputeMode;
  fits: boolean;
  /** The scenario's own ZeRO stage and recompute mode. */
  current: boolean;
}

export interface TrainingMemoryByStrategySeries {
  rows: TrainingStrategyRow[];
  memoryBytesPerGpu: number;
}

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

export interface MoeSeries {
  summary: MoeSummary;
  bars: Array<{ label: 'total' | 'active'; params: number; bytes: number; flopsPerToken: number }>;
  /** Weight bytes one decode step reads vs batch (experts touched by any sequence). */
  bytesReadVsBatch: Array<{ batch: number; bytes: number; fractionOfTotal: number }>;
}

export interface CompressionSeries {
  rows: CompressionRow[];
}

export interface HardwareTimelineRow {
  id: string;
  name: string;
  vendor: string;
  kind: AcceleratorKind;
  year: number;
  memoryBytes: number;
  bandwidthBytesPerSecond: number;
  /** Weights at the weight precision that fit beside the runtime overhead on one card. */
  largestServableParams: number;
  /** Parameters one card can train with mixed-precision Adam, unsharded: memory / 16 bytes. */
  largestTrainableParams: number;
}

export interface HardwareTimelineSeries {
  rows: HardwareTimelineRow[];
  weightPrecision: PrecisionId;
}

export interface ModelTimelineRow {
  id: string;
  name: string;
  org: string;
  year: number;
  params: number;
  /** True when `params` is the published figure, false when counted from the config. */
  published: boolean;
  bytes: number;
  confirmed: boolean;
}

export interface ModelTimelineSeries {
  rows: ModelTimelineRow[];
  weightPrecision: PrecisionId;
}

export interface DeploymentRow {
  requestsPerSecond: number;
  replicas: number;
  totalGpus: number;
  powerKw: number;
  monthlyGpuCostUsd: number;
}

export interface DeploymentVsLoadSeries {
  /** Load 0.01–1e6 requests/s (log). */
  rows: DeploymentRow[];
  current: DeploymentRow;
}

export interface ChartSeries {
  memoryByPrecision: MemoryByPrecisionSeries;
  costVsScale: CostVsScaleSeries;
  lossVsCompute: LossVsComputeSeries;
  computeOptimalFrontier: ComputeOptimalFrontierSeries;
  trainingMemoryByStrategy: TrainingMemoryByStrategySeries;
  inferenceMemoryVsContext: InferenceMemoryVsContextSeries;
  throughputVsBatch: ThroughputVsBatchSeries;
  moe: MoeSeries | null;
  compression: CompressionSeries;
  hardwareTimeline: HardwareTimelineSeries;
  timeline: ModelTimelineSeries;
  deploymentVsLoad: DeploymentVsLoadSeries;
}

// ---------------------------------------------------------------------------------------------
// Grids (module constants: the sweeps' x values never change)
// ---------------------------------------------------------------------------------------------

/** Parameter sweep of `costVsScale`: 1e8–1e13, 51 points (10 per decade). */
export const SCALE_PARAMS: readonly number[] = Object.freeze(logSpace(1e8, 1e13, 51));
/**
 * Compute sweep of the scaling charts: 1e12–1e31 FLOPs, 77 points (4 per decade), so the curves
 * reach the current run from a 1M-parameter toy (≈1e14) to a 100T model (≈1e30); the view crops
 * the axis to the region around the run.
 */
export const COMPUTE_GRID: readonly number[] = Object.freeze(logSpace(1e12, 1e31, 77));
/** Context sweep of `inferenceMemoryVsContext`: 1k–10M tokens, 41 points. */
export const CONTEXT_GRID: readonly number[] = Object.freeze(logSpace(1e3, 1e7, 41).map((x) => Math.round(x)));
/** Batch sweep of `throughputVsBatch`: 1–1024, distinct integers on a log grid (≈ 40). */
export const BATCH_GRID: readonly number[] = Object.freeze([...new Set(logSpace(1, 1024, 51).map((x) => Math.round(x)))]);
/** Load sweep of `deploymentVsLoad`: 0.01–1e6 requests/s, 41 points. */
export const LOAD_GRID: readonly number[] = Object.freeze(logSpace(1e-2, 1e6, 41));

const ZERO_STAGES: readonly ZeroStage[] = [0, 1, 2, 3];

/** Cached rows are shared between calls: freeze them so no consumer can alter another's chart. */
function freezeRows<T extends object>(rows: T[]): T[] {
  for (const row of rows) Object.freeze(row);
  return Object.freeze(rows) as T[];
}
const RECOMPUTE_MODES: readonly RecomputeMode[] = ['none', 'selective', 'full'];

// ---------------------------------------------------------------------------------------------
// Sweeps
// ---------------------------------------------------------------------------------------------

let capacitiesCache: MemoryByPrecisionSeries['capacities'] | null = null;

function acceleratorCapacities(): MemoryByPrecisionSeries['capacities'] {
  if (capacitiesCache) return capacitiesCache;
  const bySize = new Map<number, { ids: string[]; names: string[] }>();
  for (const accelerator of HARDWARE) {
    const entry = bySize.get(accelerator.memoryBytes) ?? { ids: [], names: [] };
    entry.ids.push(accelerator.id);
    entry.names.push(accelerator.name);
    bySize.set(accelerator.memoryBytes, entry);
  }
  capacitiesCache = freezeRows([...bySize.entries()].sort((a, b) => a[0] - b[0]).map(([memoryBytes, entry]) => ({ memoryBytes, ...entry })));
  return capacitiesCache;
}

/** Bytes of the weights at every precision, against accelerator capacities. */
export function memoryByPrecision(estimate: Estimate): MemoryByPrecisionSeries {
  return {
    rows: estimate.weights.byPrecision.map((row) => ({ ...row, selected: row.id === estimate.weights.selected.id })),
    capacities: acceleratorCapacities(),
    current: {
      memoryBytes: estimate.hardware.memoryBytes,
      servingGpus: estimate.inference.gpus,
      servingBytes: estimate.inference.gpus * estimate.hardware.memoryBytes,
    },
  };
}

function costRow(params: number, active: number, tokens: number, scenario: Scenario, estimate: Estimate): CostVsScaleRow {
  const flops = trainingFlops(active, tokens);
  const gpuHours = trainingGpuHours(flops, estimate.training.peakFlopsPerGpu, scenario.mfu);
  const energyJoules = trainingEnergyJoules(gpuHours, estimate.hardware.tdpWatts, scenario.pue);
  return {
    params,
    tokens,
    flops,
    gpuHours,
    days: trainingDays(gpuHours, estimate.training.gpus),
    costUsd: trainingCostUsd(gpuHours, estimate.hardware.usdPerGpuHour),
    energyJoules,
    energyCostUsd: energyCostUsd(energyJoules, scenario.usdPerKwh),
  };
}

/**
 * Training cost of dense models from 1e8 to 1e13 parameters at the run's effective tokens per
 * parameter (the scenario's ratio, or its fixed token count ÷ the model's parameters, so the
 * current model sits on the curve), GPU, GPU count, MFU, PUE and prices (6·N·D FLOPs).
 */
export function costVsScale(scenario: Scenario, estimate: Estimate): CostVsScaleSeries {
  const tokensPerParam = nonNegative(estimate.training.tokensPerParam);
  const rows = SCALE_PARAMS.map((params) => costRow(params, params, params * tokensPerParam, scenario, estimate));
  const counts = estimate.model.counts;
  const current = costRow(counts.total, counts.active, estimate.training.tokens, scenario, estimate);
  return { rows, current };
}

function lossRow(compute: number, params: number, tokens: number): LossRow {
  const row = { compute } as LossRow;
  for (const law of LOSS_LAWS) row[law] = predictLoss(law, params, tokens);
  return row;
}

/** Scenario-independent rows of the scaling charts, computed once on first use. */
let scalingGridCache: { optimalLoss: LossRow[]; params: FrontierRow[]; tokens: FrontierRow[] } | null = null;

function scalingGrid(): { optimalLoss: LossRow[]; params: FrontierRow[]; tokens: FrontierRow[] } {
  if (scalingGridCache) return scalingGridCache;
  const optimalLoss: LossRow[] = [];
  const params: FrontierRow[] = [];
  const tokens: FrontierRow[] = [];
  for (const compute of COMPUTE_GRID) {
    const loss = { compute } as LossRow;
    for (const law of LOSS_LAWS) {
      const point = computeOptimal(law, compute);
      loss[law] = predictLoss(law, point.params, point.tokens);
    }
    const p = { compute } as FrontierRow;
    const t = { compute } as FrontierRow;
    for (const law of OPTIMAL_LAWS) {
      const point = computeOptimal(law, compute);
      p[law] = point.params;
      t[law] = point.tokens;
    }
    optimalLoss.push(loss);
    params.push(p);
    tokens.push(t);
  }
  scalingGridCache = { optimalLoss: freezeRows(optimalLoss), params: freezeRows(params), tokens: freezeRows(tokens) };
  return scalingGridCache;
}

/**
 * Loss vs compute: each law's compute-optimal loss over 1e12–1e31 FLOPs (scenario-independent,
 * computed once), and the current model's size trained on C / (6 × active) tokens (its
 * iso-size curve), with the current model at its training compute.
 */
export function lossVsCompute(estimate: Estimate): LossVsComputeSeries {
  const params = estimate.scaling.params;
  const active = estimate.model.counts.active;
  const tokens = COMPUTE_GRID.map((compute) => ratio(compute, 6 * active));
  const curves = LOSS_LAWS.map((law) => lossAlongTokens(law, params, tokens));
  const isoSize = COMPUTE_GRID.map((compute, i) => {
    const row = { compute, tokens: tokens[i]! } as LossRow & { tokens: number };
    LOSS_LAWS.forEach((law, j) => {
      row[law] = curves[j]![i]!;
    });
    return row;
  });
  const current = { ...lossRow(estimate.scaling.compute, params, estimate.scaling.tokens), params, tokens: estimate.scaling.tokens };
  return { optimal: scalingGrid().optimalLoss, isoSize, current };
}

let runsCache: FrontierPoint[] | null = null;

function trainingRunPoints(): FrontierPoint[] {
  if (runsCache) return runsCache;
  const points: FrontierPoint[] = [];
  for (const run of TRAINING_RUNS) {
    if (run.tokens === null || !(run.tokens > 0) || !(run.paramsTotal > 0)) continue;
    const derived = trainingFlops(run.paramsActive, run.tokens);
    points.push({
      id: run.id,
      model: run.model,
      year: run.year,
      compute: run.reportedFlops ?? derived,
      params: run.paramsTotal,
      paramsActive: run.paramsActive,
      tokens: run.tokens,
      confirmed: run.confirmed,
      computeDerived: run.reportedFlops === null,
    });
  }
  runsCache = freezeRows(points);
  return runsCache;
}

/** Compute-optimal parameters and tokens per law over 1e12–1e31 FLOPs, with published runs. */
export function computeOptimalFrontier(estimate: Estimate): ComputeOptimalFrontierSeries {
  const grid = scalingGrid();
  return {
    params: grid.params,
    tokens: grid.tokens,
    runs: trainingRunPoints(),
    current: { compute: estimate.scaling.compute, params: estimate.scaling.params, tokens: estimate.scaling.tokens },
  };
}

/** Training memory per GPU for ZeRO 0–3 × recompute none / selective / full at the scenario's layout. */
export function trainingMemoryByStrategy(scenario: Scenario, estimate: Estimate): TrainingMemoryByStrategySeries {
  const { arch, counts } = estimate.model;
  const t = estimate.training;
  // Activations depend only on the recompute mode, model states only on the ZeRO stage.
  const activations = RECOMPUTE_MODES.map((recompute) =>
    trainingActivationBytesPerDevice(arch, {
      recompute,
      tensorParallel: t.tensorParallel,
      pipelineParallel: t.pipelineParallel,
      microBatch: scenario.microBatch,
      seqLen: scenario.seqLen,
      sequenceParallel: scenario.sequenceParallel,
    }),
  );
  const rows: TrainingStrategyRow[] = [];
  for (const zeroStage of ZERO_STAGES) {
    const states = modelStateBreakdownPerDevice({
      params: counts.total,
      zeroStage,
      dataParallel: t.dataParallel,
      tensorParallel: t.tensorParallel,
      pipelineParallel: t.pipelineParallel,
      bytesPerWeight: t.bytesPerParam.weights,
      bytesPerGradient: t.bytesPerParam.gradients,
      optimizerBytesPerParam: t.bytesPerParam.optimizer,
    });
    RECOMPUTE_MODES.forEach((recompute, i) => {
      const total = states.total + activations[i]!;
      rows.push({
        weights: states.weights,
        gradients: states.gradients,
        optimizer: states.optimizer,
        activations: activations[i]!,
        total,
        zeroStage,
        recompute,
        fits: total <= estimate.hardware.memoryBytes,
        current: zeroStage === scenario.zeroStage && recompute === scenario.recompute,
      });
    });
  }
  return { rows, memoryBytesPerGpu: estimate.hardware.memoryBytes };
}

/** Weights + KV cache + working memory of `batch` sequences vs context, 1k–10M tokens. */
export function inferenceMemoryVsContext(estimate: Estimate): InferenceMemoryVsContextSeries {
  const inf = estimate.inference;
  const arch = estimate.model.arch;
  const working = inf.working.total;
  const rows = CONTEXT_GRID.map((context) => {
    const kvBytes = kvCacheBytes(arch, { tokens: context, batch: inf.batch, bytesPerValue: estimate.kv.bytesPerValue });
    return { context, weightBytes: inf.weightBytes, kvBytes, workingBytes: working, totalBytes: inf.weightBytes + kvBytes + working };
  });
  return {
    rows,
    batch: inf.batch,
    oneGpuBytes: estimate.hardware.memoryBytes,
    servingGpus: inf.gpus,
    servingBytes: inf.gpus * estimate.hardware.memoryBytes,
    currentContext: inf.contextTokens,
    modelContextLength: inf.modelContextLength,
  };
}

/** Decode tokens/s per sequence and aggregate vs batch 1–1024 at the average context, on the serving group. */
export function throughputVsBatch(scenario: Scenario, estimate: Estimate): ThroughputVsBatchSeries {
  const inf = estimate.inference;
  const { arch, counts } = estimate.model;
  const bitsPerWeight = estimate.weights.selected.bitsPerWeight;
  const attentionPerToken = attentionForwardFlopsPerToken(arch, inf.averageContextTokens);
  const kvPerSequenceAverage = kvCacheBytes(arch, { tokens: inf.averageContextTokens, batch: 1, bytesPerValue: estimate.kv.bytesPerValue });
  const kvPerSequenceFull = kvCacheBytes(arch, { tokens: inf.contextTokens, batch: 1, bytesPerValue: estimate.kv.bytesPerValue });
  const capacity = inf.gpus * estimate.hardware.memoryBytes;
  const fixedBytes = inf.weightBytes + inf.working.activations + inf.working.runtime;
  const logitBytesPerSequence = ratio(inf.working.logits, inf.batch);
  const rows = BATCH_GRID.map((batch) => {
    const weightBytesRead = weightBytes(decodeParamsRead(arch, counts, batch), bitsPerWeight);
    const step = decodeStep({
      bytes: decodeStepBytes(weightBytesRead, kvPerSequenceAverage * batch),
      flops: decodeStepFlops(counts.active, batch, attentionPerToken),
      bandwidthBytesPerSecondPerGpu: estimate.hardware.bandwidthBytesPerSecond,
      bandwidthEfficiency: scenario.bandwidthEfficiency,
      peakFlopsPerGpu: inf.peakFlopsPerGpu,
      mfu: scenario.mfu,
      gpus: inf.gpus,
    });
    return {
      batch,
      tokensPerSecondPerSequence: decodeTokensPerSecondPerSequence(step.seconds),
      tokensPerSecondAggregate: decodeTokensPerSecondAggregate(step.seconds, batch),
      stepSeconds: step.seconds,
      bound: step.bound,
      fits: fixedBytes + batch * (kvPerSequenceFull + logitBytesPerSequence) <= capacity,
    };
  });
  return { rows, gpus: inf.gpus, currentBatch: inf.batch };
}

/** Total vs active bars and bytes read per decode step vs batch; null for dense models. */
export function moeSeries(estimate: Estimate): MoeSeries | null {
  const summary = estimate.moe;
  if (!summary) return null;
  const { arch, counts } = estimate.model;
  const bits = estimate.weights.selected.bitsPerWeight;
  return {
    summary,
    bars: [
      { label: 'total', params: summary.totalParams, bytes: summary.memoryBytes, flopsPerToken: summary.denseEqualMemoryFlopsPerToken },
      { label: 'active', params: summary.activeParams, bytes: summary.activeBytes, flopsPerToken: summary.flopsPerToken },
    ],
    bytesReadVsBatch: BATCH_GRID.map((batch) => {
      const bytes = weightBytes(decodeParamsRead(arch, counts, batch), bits);
      return { batch, bytes, fractionOfTotal: ratio(bytes, summary.memoryBytes) };
    }),
  };
}

/** The estimate's compression chain (FP32 → BF16 → INT8 → INT4 → prune 50% → distil 10%). */
export function compressionSeries(estimate: Estimate): CompressionSeries {
  return { rows: estimate.compression };
}

const hardwareTimelineCache = new Map<PrecisionId, HardwareTimelineSeries>();

/**
 * Accelerator memory and bandwidth by year, with the largest model one card can serve (weights
 * at the weight precision beside the 1 GB runtime overhead) and train (mixed-precision Adam,
 * 16 bytes per parameter, no sharding, activations excluded). Cached per weight precision.
 */
export function hardwareTimeline(weightPrecision: PrecisionId): HardwareTimelineSeries {
  const cached = hardwareTimelineCache.get(weightPrecision);
  if (cached) return cached;
  const bitsPerWeight = (PRECISIONS[weightPrecision] ?? PRECISIONS.bf16).bitsPerWeight;
  const rows = HARDWARE.map((accelerator) => ({
    id: accelerator.id,
    name: accelerator.name,
    vendor: accelerator.vendor,
    kind: accelerator.kind,
    year: accelerator.year,
    memoryBytes: accelerator.memoryBytes,
    bandwidthBytesPerSecond: accelerator.bandwidthBytesPerSecond,
    largestServableParams: ratio(
      nonNegative(accelerator.memoryBytes - RUNTIME_OVERHEAD_BYTES_PER_GPU) * BITS_PER_BYTE,
      bitsPerWeight,
    ),
    largestTrainableParams: ratio(accelerator.memoryBytes, 16),
  })).sort((a, b) => a.year - b.year || a.memoryBytes - b.memoryBytes);
  const series = Object.freeze({ rows: freezeRows(rows), weightPrecision });
  hardwareTimelineCache.set(weightPrecision, series);
  return series;
}

let modelParamsCache: Array<{ id: string; params: number; published: boolean }> | null = null;

/** Each preset's parameter count: the published figure, else counted from its config once. */
function modelParams(): Array<{ id: string; params: number; published: boolean }> {
  if (modelParamsCache) return modelParamsCache;
  modelParamsCache = MODELS.map((model) => {
    if (model.publishedParams !== null && model.publishedParams > 0) return { id: model.id, params: model.publishedParams, published: true };
    if (model.params !== undefined) return { id: model.id, params: model.params, published: false };
    try {
      return { id: model.id, params: countParameters(architectureFromHfConfig(model.config)).total, published: false };
    } catch {
      return { id: model.id, params: 0, published: false };
    }
  });
  return modelParamsCache;
}

const timelineCache = new Map<PrecisionId, ModelTimelineSeries>();

/** Real (and the article's hypothetical) models' parameters by year, bytes at the weight precision. Cached. */
export function timelineSeries(weightPrecision: PrecisionId): ModelTimelineSeries {
  const cached = timelineCache.get(weightPrecision);
  if (cached) return cached;
  const bitsPerWeight = (PRECISIONS[weightPrecision] ?? PRECISIONS.bf16).bitsPerWeight;
  const counts = modelParams();
  const rows = MODELS.map((model, i) => {
    const { params, published } = counts[i]!;
    return {
      id: model.id,
      name: model.name,
      org: model.org,
      year: model.year,
      params,
      published,
      bytes: weightBytes(params, bitsPerWeight),
      confirmed: model.confirmed,
    };
  })
    .filter((row) => row.params > 0)
    .sort((a, b) => a.year - b.year || a.params - b.params);
  const series = Object.freeze({ rows: freezeRows(rows), weightPrecision });
  timelineCache.set(weightPrecision, series);
  return series;
}

/** Replicas, GPUs, power and monthly cost vs load 0.01–1e6 requests/s. */
export function deploymentVsLoad(scenario: Scenario, estimate: Estimate): DeploymentVsLoadSeries {
  const inf = estimate.inference;
  const base = {
    outputTokens: inf.outputTokens,
    gpusPerReplica: inf.gpus,
    batch: inf.batch,
    prefillSecondsPerRequest: inf.timeToFirstTokenSeconds,
    decodeStepSeconds: inf.decodeStepSeconds,
    tdpWatts: estimate.hardware.tdpWatts,
    pue: scenario.pue,
    usdPerGpuHour: estimate.hardware.usdPerGpuHour,
    usdPerKwh: scenario.usdPerKwh,
  };
  const rows = deploymentPlansAtLoads(base, LOAD_GRID).map((plan) => ({
    requestsPerSecond: plan.requestsPerSecond,
    replicas: plan.replicas,
    totalGpus: plan.totalGpus,
    powerKw: plan.powerKw,
    monthlyGpuCostUsd: plan.monthlyGpuCostUsd,
  }));
  const d = estimate.deployment;
  return {
    rows,
    current: {
      requestsPerSecond: d.requestsPerSecond,
      replicas: d.replicas,
      totalGpus: d.totalGpus,
      powerKw: d.powerKw,
      monthlyGpuCostUsd: d.monthlyGpuCostUsd,
    },
  };
}

/** Every chart's rows for the scenario, from its estimate (one object, typed). */
export function series(scenario: Scenario, estimate: Estimate): ChartSeries {
  const weightPrecision = estimate.weights.selected.id;
  return {
    memoryByPrecision: memoryByPrecision(estimate),
    costVsScale: costVsScale(scenario, estimate),
    lossVsCompute: lossVsCompute(estimate),
    computeOptimalFrontier: computeOptimalFrontier(estimate),
    trainingMemoryByStrategy: trainingMemoryByStrategy(scenario, estimate),
    inferenceMemoryVsContext: inferenceMemoryVsContext(estimate),
    throughputVsBatch: throughputVsBatch(scenario, estimate),
    moe: moeSeries(estimate),
    compression: compressionSeries(estimate),
    hardwareTimeline: hardwareTimeline(weightPrecision),
    timeline: timelineSeries(weightPrecision),
    deploymentVsLoad: deploymentVsLoad(scenario, estimate),
  };
}
