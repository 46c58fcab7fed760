/**
 * The training plan's work, as one pure function the Web Worker runs (and tests call directly):
 * the planner's search at the scenario's GPU count (`planTraining`), trimmed to what the page
 * shows, and the strong-scaling sweep (the best layout at GPU counts around the scenario's, same
 * global batch). Plain data in and out (structured-clone safe). Units: seconds, bytes, GPUs.
 */
import { planTraining, type Architecture, type ClusterOverride, type LayoutRejection, type PlannedLayout, type Recompute, type StepBreakdown } from '../../core';
import type { Accelerator, ComputeFormat } from '../../data/types';

/** What the worker needs: everything `planTraining` reads, plus the run's tokens and the sweep's GPU counts. */
export interface PlanRequest {
  arch: Architecture;
  accelerator: Accelerator;
  precision: ComputeFormat;
  gpus: number;
  seqLen: number;
  /** Sequences per optimizer step (the scenario's, fixed across the strong-scaling sweep). */
  globalBatch: number;
  cluster?: ClusterOverride;
  /** The training software to price with (a TRAINING_FRAMEWORKS id; absent: the accelerator's default). */
  framework?: string;
  /** Share of the wall-clock spent on steps (days ÷ it; 1 = the steps only). */
  goodput: number;
  /** Training tokens of the run (for days). */
  tokens: number;
  /** GPU counts of the strong-scaling sweep. */
  scalingGpus: readonly number[];
}

/** One layout of the table: the planner's row, trimmed to plain numbers. */
export interface PlanRow {
  rank: number;
  tp: number;
  pp: number;
  vp: number;
  dp: number;
  cp: number;
  ep: number;
  microBatch: number;
  recompute: Recompute;
  zeroStage: number;
  /** Layers whose activations go to host memory (0: none). */
  offloadLayers: number;
  /** Uneven pipeline (first/last stages shorter): the scenario cannot take it as it is. */
  uneven: boolean;
  seconds: number;
  secondsLow: number;
  secondsHigh: number;
  mfu: number;
  tokensPerSecondPerGpu: number;
  memoryPerGpu: number;
  losesOn: string | null;
  relativeSeconds: number;
  breakdown: StepBreakdown;
}

export interface ScalingPoint {
  gpus: number;
  /** The best layout's MFU and step time at this GPU count, or null when none fits. */
  mfu: number | null;
  seconds: number | null;
  /** Whole-run days at the best layout (steps × step time ÷ goodput), or null. */
  days: number | null;
  layout: string | null;
}

export interface PlanOutcome {
  rows: PlanRow[];
  rejected: Record<LayoutRejection, number>;
  evaluated: number;
  /** Milliseconds the search took (in the worker). */
  planMs: number;
}

export interface ScalingOutcome {
  points: ScalingPoint[];
  scalingMs: number;
}

/** Rows the table shows. */
export const PLAN_ROWS = 20;

function toRow(layout: PlannedLayout): PlanRow {
  const resolved = layout.layout;
  return {
    rank: layout.rank,
    tp: resolved.tp,
    pp: resolved.pp,
    vp: resolved.vp,
    dp: resolved.dp,
    cp: resolved.cp,
    ep: resolved.ep,
    microBatch: resolved.microBatch,
    recompute: layout.recompute,
    zeroStage: resolved.zeroStage,
    offloadLayers: resolved.offloadLayers,
    uneven: resolved.firstStageLayers !== resolved.middleStageLayers || resolved.lastStageLayers !== resolved.middleStageLayers,
    seconds: layout.seconds,
    secondsLow: layout.secondsLow,
    secondsHigh: layout.secondsHigh,
    mfu: layout.mfu,
    tokensPerSecondPerGpu: layout.tokensPerSecondPerGpu,
    memoryPerGpu: layout.memoryPerGpu,
    losesOn: layout.losesOn,
    relativeSeconds: layout.relativeSeconds,
    breakdown: { ...layout.breakdown },
  };
}

/** The planner's search at the request's GPU count: the best PLAN_ROWS layouts and the counts of the ruled-out ones. */
export function runPlan(request: PlanRequest): PlanOutcome {
  const start = performance.now();
  const result = planTraining({
    arch: request.arch,
    accelerator: request.accelerator,
    precision: request.precision,
    gpus: request.gpus,
    seqLen: request.seqLen,
    globalBatch: request.globalBatch,
    cluster: request.cluster,
    ...(request.framework ? { framework: request.framework } : {}),
    limit: PLAN_ROWS,
  });
  return { rows: result.layouts.map(toRow), rejected: { ...result.rejected }, evaluated: result.evaluated, planMs: performance.now() - start };
}

const SECONDS_PER_DAY = 86_400;

/** One point of the strong-scaling sweep: the best layout at `gpus`, same model, sequence and global batch. */
export function scalingPoint(request: PlanRequest, gpus: number): ScalingPoint {
  const steps = request.tokens / (request.globalBatch * request.seqLen);
  const best = planTraining({
    arch: request.arch,
    accelerator: request.accelerator,
    precision: request.precision,
    gpus,
    seqLen: request.seqLen,
    globalBatch: request.globalBatch,
    cluster: request.cluster,
    ...(request.framework ? { framework: request.framework } : {}),
    limit: 1,
  }).layouts[0];
  if (!best || !Number.isFinite(best.seconds) || !(best.seconds > 0)) return { gpus, mfu: null, seconds: null, days: null, layout: null };
  const days = Number.isFinite(steps) && steps >= 0 ? (steps * best.seconds) / SECONDS_PER_DAY / request.goodput : null;
  const l = best.layout;
  return { gpus, mfu: best.mfu, seconds: best.seconds, days, layout: `TP${l.tp} PP${l.pp} VP${l.vp} CP${l.cp} EP${l.ep} DP${l.dp}${l.offloadLayers > 0 ? ` offload ${l.offloadLayers}` : ''}` };
}

/** The whole strong-scaling sweep at once (tests; the worker runs it point by point so a newer job can cut in). */
export function runScaling(request: PlanRequest): ScalingOutcome {
  const start = performance.now();
  const points = request.scalingGpus.map((gpus) => scalingPoint(request, gpus));
  return { points, scalingMs: performance.now() - start };
}

/** GPU counts of the strong-scaling sweep: ¼, ½, 1, 2 and 4 × the scenario's, whole and within 1 … 1e6. */
export function scalingGpuCounts(gpus: number): number[] {
  const counts = [0.25, 0.5, 1, 2, 4].map((factor) => Math.min(1e6, Math.max(1, Math.round(gpus * factor))));
  return [...new Set(counts)];
}
