/**
 * Pure shapers of the training plan: the worker's request for a scenario (and the key that says
 * when it changed), the breakdown bars of a step, the strong-scaling rows with the published
 * calibration points of the same accelerator, and the ruled-out counts. Units stay SI (seconds,
 * bytes, GPUs); formatting happens in the components.
 */
import type { Estimate, LayoutRejection, StepBreakdown } from '../../core';
import { getAccelerator } from '../../data/hardware';
import { MEGATRON_CORE_H100_ROWS, MEGATRON_CORE_H100_SOURCE, NEMO_ROWS, NEMO_SOURCE } from '../../data/training-throughput';
import { scalingGpuCounts, type PlanOutcome, type PlanRequest, type PlanRow, type ScalingOutcome } from './plan-job';

/**
 * The worker's request for the scenario's model, GPU count, sequence length and global batch on
 * its accelerator, precision and cluster (the same the estimate priced), or null when the
 * training estimate has nothing to plan (no tokens). `key` changes exactly when the plan would.
 */
export function planRequestFor(estimate: Estimate): { request: PlanRequest; key: string } | null {
  const t = estimate.training;
  if (!(t.tokens > 0) || !(t.layout.globalBatch >= 1) || !(t.layout.seqLen >= 1)) return null;
  const request: PlanRequest = {
    arch: estimate.model.arch,
    accelerator: t.plannerAccelerator,
    precision: t.plannerFormat,
    gpus: t.gpus,
    seqLen: t.layout.seqLen,
    globalBatch: t.layout.globalBatch,
    cluster: t.cluster,
    ...(t.framework ? { framework: t.framework.id } : {}),
    goodput: runGoodput(estimate),
    tokens: t.tokens,
    scalingGpus: scalingGpuCounts(t.gpus),
  };
  const accelerator = request.accelerator;
  const key = JSON.stringify([
    request.arch,
    accelerator.id,
    accelerator.memoryBytes,
    accelerator.deviceMemory?.bytes ?? null,
    accelerator.bandwidthBytesPerSecond,
    accelerator.denseFlops,
    request.precision,
    request.gpus,
    request.seqLen,
    request.globalBatch,
    request.cluster ?? null,
    request.framework ?? null,
    request.goodput,
    request.tokens,
  ]);
  return { request, key };
}

/** The share of the run's wall-clock the estimate spends on steps (its `goodput`; 1 = the steps only). */
export function runGoodput(estimate: Estimate): number {
  return estimate.training.run.goodput ?? 1;
}

/** The causes of a step's time, in the order the bars stack them. */
export const BREAKDOWN_KEYS = ['compute', 'recompute', 'tp', 'cp', 'ep', 'ppBubble', 'ppP2p', 'dp', 'optimizer', 'offload'] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];

export interface BreakdownBar {
  key: 'scenario' | 'best';
  /** Seconds per cause (finite, ≥ 0), and their total. */
  parts: Record<BreakdownKey, number>;
  /** Causes the breakdown has beyond BREAKDOWN_KEYS, summed (0 for today's planner). */
  other: number;
  total: number;
}

function finiteSeconds(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** A step's breakdown as one stacked bar; any cause the planner adds later lands in `other`. */
export function breakdownBar(key: BreakdownBar['key'], breakdown: StepBreakdown): BreakdownBar {
  const parts = Object.fromEntries(BREAKDOWN_KEYS.map((cause) => [cause, finiteSeconds(breakdown[cause])])) as Record<BreakdownKey, number>;
  let other = 0;
  for (const [cause, seconds] of Object.entries(breakdown)) if (!(BREAKDOWN_KEYS as readonly string[]).includes(cause)) other += finiteSeconds(seconds);
  const total = BREAKDOWN_KEYS.reduce((sum, cause) => sum + parts[cause], other);
  return { key, parts, other, total };
}

/** The bars of the breakdown chart: the scenario's layout (when it runs) and the planner's best (when one fits). */
export function breakdownBars(estimate: Estimate, plan: PlanOutcome | null): BreakdownBar[] {
  const bars: BreakdownBar[] = [];
  if (estimate.training.step) bars.push(breakdownBar('scenario', estimate.training.step.breakdown));
  const best = plan?.rows[0];
  if (best) bars.push(breakdownBar('best', best.breakdown));
  return bars;
}

/** A published calibration point on the strong-scaling chart: its GPUs and MFU as printed or derived. */
export interface PublishedScalingPoint {
  label: string;
  gpus: number;
  mfu: number;
  /** 'bf16' Megatron-Core table, 'fp8' NeMo summaries (MFU of the FP8 dense peak). */
  precision: 'bf16' | 'fp8';
  source: string;
}

/**
 * The calibration rows measured on `acceleratorId`: Megatron-Core's printed MFU (H100, BF16) and
 * NeMo's model TFLOP/s ÷ the accelerator's dense FP8 peak (NeMo counts model FLOPs, attention
 * included, as the planner does). Empty for other accelerators.
 */
export function publishedScalingPoints(acceleratorId: string): PublishedScalingPoint[] {
  const points: PublishedScalingPoint[] = [];
  if (acceleratorId === 'h100-sxm') {
    for (const row of MEGATRON_CORE_H100_ROWS) {
      points.push({ label: `Megatron-Core ${row.model}`, gpus: row.gpus, mfu: row.mfu, precision: 'bf16', source: MEGATRON_CORE_H100_SOURCE });
    }
  }
  const peak = getAccelerator(acceleratorId)?.denseFlops.fp8;
  if (peak && peak > 0) {
    for (const row of NEMO_ROWS) {
      if (row.system !== acceleratorId) continue;
      const mfu = (row.modelTflopsPerGpu * 1e12) / peak;
      if (Number.isFinite(mfu) && mfu > 0) points.push({ label: `NeMo ${row.release} ${row.model}`, gpus: row.gpus, mfu, precision: 'fp8', source: NEMO_SOURCE });
    }
  }
  return points;
}

export interface ScalingChart {
  /** The sweep's points that have a layout (finite MFU and days). */
  points: { gpus: number; mfu: number; days: number; layout: string }[];
  /** GPU counts where no layout runs (none fits in memory, or every one breaks a rule). */
  empty: number[];
  published: PublishedScalingPoint[];
  /** x domain (GPUs, log) covering the sweep and the published points. */
  gpuDomain: [number, number];
  current: number;
}

/**
 * The sweep's point with the fewest days when it is not the last one and beats it by more than
 * 2 %: past it, more GPUs slow the run (the same global batch spread too thin); null otherwise.
 */
export function fastestBeforeEnd(points: ScalingChart['points']): ScalingChart['points'][number] | null {
  const last = points[points.length - 1];
  if (!last) return null;
  const fastest = points.reduce((best, point) => (point.days < best.days ? point : best), last);
  return fastest !== last && fastest.days < last.days * 0.98 ? fastest : null;
}

/** The strong-scaling chart's rows: the worker's sweep plus the published points of the accelerator. */
export function scalingChart(scaling: ScalingOutcome | null, currentGpus: number, acceleratorId: string): ScalingChart {
  const points: ScalingChart['points'] = [];
  const empty: number[] = [];
  for (const point of scaling?.points ?? []) {
    if (point.mfu !== null && point.days !== null && point.layout !== null && Number.isFinite(point.mfu) && Number.isFinite(point.days)) {
      points.push({ gpus: point.gpus, mfu: point.mfu, days: point.days, layout: point.layout });
    } else empty.push(point.gpus);
  }
  const published = publishedScalingPoints(acceleratorId);
  const all = [currentGpus, ...points.map((p) => p.gpus), ...published.map((p) => p.gpus), ...empty].filter((g) => g > 0 && Number.isFinite(g));
  const low = Math.max(1, Math.min(...all) / 1.5);
  const high = Math.max(low * 10, Math.max(...all) * 1.5);
  return { points, empty, published, gpuDomain: [low, high], current: currentGpus };
}

/** Ruled-out layouts by reason, largest first, without the zero counts and without 'slower' (those fit but lost). */
export function rejectionCounts(plan: PlanOutcome): { reason: LayoutRejection; count: number }[] {
  return (Object.entries(plan.rejected) as [LayoutRejection, number][])
    .filter(([reason, count]) => reason !== 'slower' && count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => ({ reason, count }));
}

/**
 * Why no layout is listed, in the words the section uses: 'noLayout' when some layout ran out of
 * memory (more GPUs, a shorter sequence or a smaller batch help), 'noLayoutRules' when none did and
 * every one broke a rule (a global batch no data-parallel degree divides, heads, layers, ...).
 */
export function noLayoutReason(rejected: readonly { reason: LayoutRejection; count: number }[]): 'noLayout' | 'noLayoutRules' {
  return rejected.some((entry) => entry.reason === 'oom' && entry.count > 0) ? 'noLayout' : 'noLayoutRules';
}

/** Whether the scenario already runs this row's layout (the row's adopt button is then "current"). */
export function isScenarioLayout(row: PlanRow, estimate: Estimate, zeroStage: number, recompute: string): boolean {
  const layout = estimate.training.layout;
  return (
    row.tp === layout.tp &&
    row.pp === layout.pp &&
    row.cp === layout.cp &&
    row.ep === layout.ep &&
    row.vp === layout.vp &&
    row.microBatch === layout.microBatch &&
    row.zeroStage === zeroStage &&
    row.offloadLayers === layout.offloadLayers &&
    row.recompute === recompute
  );
}

/**
 * The run at the best layout with the planner's band: days = steps × step seconds / 86 400
 * (steps = tokens / (global batch × sequence), ÷ the estimate's goodput), cost = days × 24 × GPUs × price;
 * low / high from the row's `secondsLow` / `secondsHigh`. Null when any figure is not finite.
 */
export function planBand(row: PlanRow, estimate: Estimate): { days: number; daysLow: number; daysHigh: number; cost: number; costLow: number; costHigh: number } | null {
  const t = estimate.training;
  const steps = t.tokens / (t.layout.globalBatch * t.layout.seqLen);
  const day = (seconds: number) => (steps * seconds) / 86_400 / runGoodput(estimate);
  const cost = (days: number) => days * 24 * t.gpus * estimate.hardware.usdPerGpuHour;
  const result = {
    days: day(row.seconds),
    daysLow: day(row.secondsLow),
    daysHigh: day(row.secondsHigh),
    cost: cost(day(row.seconds)),
    costLow: cost(day(row.secondsLow)),
    costHigh: cost(day(row.secondsHigh)),
  };
  return Object.values(result).every((value) => Number.isFinite(value) && value >= 0) ? result : null;
}
