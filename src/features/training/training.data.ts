/**
 * Pure shapers for the training section: the ZeRO × recompute bars, the cost-vs-scale rows with
 * the metric the user picks, and the facts the headline stats need. Units stay SI (bytes, FLOPs,
 * GPU-hours, days, USD, joules); formatting happens in the components.
 */
import type { CostVsScaleRow, CostVsScaleSeries, Estimate, TrainingMemoryByStrategySeries } from '../../core';
import type { RecomputeMode, ZeroStage } from '../../scenario/scenario';
import { PRECISIONS } from '../../core';

import { derivation } from '../../store/selectors';
import { isPositive, logDomain, niceCeil } from '../../components/ui/chart-scales';
import { CHART_SERIES } from '../../store/chart-series';

// ---------------------------------------------------------------------------------------------
// training-memory: ZeRO 0–3 × recompute none / selective / full
// ---------------------------------------------------------------------------------------------

export interface StrategyBar {
  /** `z1-selective`: the category of the bar. */
  key: string;
  zeroStage: ZeroStage;
  recompute: RecomputeMode;
  weights: number;
  gradients: number;
  optimizer: number;
  activations: number;
  total: number;
  fits: boolean;
  current: boolean;
  /** The total is above the y-axis cap: the bar is cut and labelled with its total. */
  overflow: boolean;
}

export interface StrategyChart {
  bars: StrategyBar[];
  memoryBytesPerGpu: number;
  /** Linear y-axis upper bound in bytes. */
  yMax: number;
  currentKey: string | null;
}

/**
 * Bars of the strategy chart with a y cap that keeps the GPU's memory line readable: all of it
 * when the largest bar is within 3 × the card's memory, otherwise 3 × memory (or the smallest bar
 * × 1.15 if even that is above), and the taller bars cut and labelled.
 */
export function strategyChart(series: TrainingMemoryByStrategySeries): StrategyChart {
  const memory = series.memoryBytesPerGpu;
  let maxTotal = 0;
  let minTotal = Infinity;
  for (const row of series.rows) {
    if (row.total > maxTotal) maxTotal = row.total;
    if (row.total < minTotal) minTotal = row.total;
  }
  if (!Number.isFinite(minTotal)) minTotal = 0;
  const readable = Math.max(3 * memory, minTotal * 1.15);
  const cap = maxTotal <= readable ? Math.max(maxTotal, memory) : readable;
  const yMax = niceCeil(cap * 1.05);
  let currentKey: string | null = null;
  const bars = series.rows.map((row) => {
    const key = `z${row.zeroStage}-${row.recompute}`;
    if (row.current) currentKey = key;
    return {
      key,
      zeroStage: row.zeroStage,
      recompute: row.recompute,
      weights: row.weights,
      gradients: row.gradients,
      optimizer: row.optimizer,
      activations: row.activations,
      total: row.total,
      fits: row.fits,
      current: row.current,
      overflow: row.total > yMax,
    };
  });
  return { bars, memoryBytesPerGpu: memory, yMax, currentKey };
}

// ---------------------------------------------------------------------------------------------
// cost-vs-scale
// ---------------------------------------------------------------------------------------------

export type CostMetric = 'cost' | 'gpuHours' | 'days' | 'energy';
export const COST_METRICS: readonly CostMetric[] = ['cost', 'gpuHours', 'days', 'energy'];

export interface CostPoint {
  params: number;
  tokens: number;
  /** Each metric, or null where it is not positive (a log axis cannot show it). */
  cost: number | null;
  gpuHours: number | null;
  days: number | null;
  /** Facility energy, joules. */
  energy: number | null;
}

export interface CostChart {
  rows: CostPoint[];
  current: CostPoint;
  /** Tokens per parameter the curve uses (the scenario's effective ratio). */
  tokensPerParam: number;
  xDomain: [number, number];
  yDomain: Record<CostMetric, [number, number]>;
  /** True when no row has a positive value of the metric (e.g. a price of zero for cost). */
  empty: Record<CostMetric, boolean>;
}

function positiveOrNull(value: number): number | null {
  return isPositive(value) ? value : null;
}

function costPoint(row: CostVsScaleRow): CostPoint {
  return {
    params: row.params,
    tokens: row.tokens,
    cost: positiveOrNull(row.costUsd),
    gpuHours: positiveOrNull(row.gpuHours),
    days: positiveOrNull(row.days),
    energy: positiveOrNull(row.energyJoules),
  };
}

const FALLBACK_Y: readonly [number, number] = [1, 10];

/**
 * Rows of the cost chart. The core sweeps at the run's effective tokens per parameter (a fixed
 * token count, e.g. GPT-3's 300B = 1.7 per parameter, included), so the current model sits on it.
 */
export function costChart(series: CostVsScaleSeries, estimate: Estimate, scenarioTokensPerParam: number): CostChart {
  const effective = estimate.training.tokensPerParam;
  const rows = series.rows.map((row) => costPoint(row));
  const current = costPoint(series.current);
  const xDomain = logDomain([1e8, 1e13, current.params], [1e8, 1e13]);
  const yDomain = {} as Record<CostMetric, [number, number]>;
  const empty = {} as Record<CostMetric, boolean>;
  for (const metric of COST_METRICS) {
    const values = rows.map((row) => row[metric]);
    empty[metric] = !values.some(isPositive);
    yDomain[metric] = logDomain([...values, current[metric]], FALLBACK_Y);
  }
  return { rows, current, tokensPerParam: isPositive(effective) ? effective : scenarioTokensPerParam, xDomain, yDomain, empty };
}

/** The strategy chart of a scenario, memoized per store. */
export const strategyData = derivation((scenario, select) => strategyChart(select.derived(CHART_SERIES.trainingMemoryByStrategy, scenario)));

/** The cost chart of a scenario, memoized per store (rows and domains keep their identity while equal). */
export const costData = derivation((scenario, select) => costChart(select.derived(CHART_SERIES.costVsScale, scenario), select.estimate(scenario), scenario.tokensPerParam));

/** Guides on the cost chart: the article's 100B, 1T and 10T. */
export const SCALE_GUIDES: readonly number[] = [1e11, 1e12, 1e13];

// ---------------------------------------------------------------------------------------------
// Headline facts
// ---------------------------------------------------------------------------------------------

export interface TrainingFacts {
  /** Attention FLOPs as a fraction of 6·N·D (whether or not they are added). */
  attentionShare: number;
  isMoe: boolean;
  /** Bytes per GPU above the card's memory (0 when it fits). */
  excessBytes: number;
  /** The scenario's GPU count is below the smallest layout that fits. */
  belowMinimum: boolean;
  /** Model-state bytes per parameter before sharding (16 for mixed-precision Adam). */
  stateBytesPerParam: number;
}

export function trainingFacts(estimate: Estimate): TrainingFacts {
  const t = estimate.training;
  const bytes = t.bytesPerParam;
  return {
    attentionShare: t.denseFlops > 0 ? t.attentionFlops / t.denseFlops : 0,
    isMoe: estimate.model.arch.moe !== null && estimate.model.counts.active < estimate.model.counts.total,
    excessBytes: Math.max(0, t.memoryPerGpu.total - estimate.hardware.deviceMemoryBytes),
    belowMinimum: t.minGpus !== null && t.gpus < t.minGpus.gpus,
    stateBytesPerParam: bytes.weights + bytes.gradients + bytes.optimizer,
  };
}

/** Warning codes the training section explains (others belong to other sections). */
export const TRAINING_WARNINGS = [
  'parallelism-exceeds-gpus',
  'gpus-not-divisible',
  'tensor-parallel-not-dividing-heads',
  'pipeline-exceeds-layers',
  'seq-len-exceeds-model',
  'train-precision-unusual',
  'price-fallback',
  'tdp-fallback',
  'no-compute-rate',
  'training-never-fits',
] as const;

export type TrainingWarning = (typeof TRAINING_WARNINGS)[number];

export interface TrainingWarnings {
  codes: TrainingWarning[];
  /** The format the training precision asks for when the accelerator lacks it, and the one used. */
  formatFallback: { requested: string; used: string } | null;
}

export function trainingWarnings(estimate: Estimate): TrainingWarnings {
  const set = new Set<string>(estimate.warnings);
  const codes = TRAINING_WARNINGS.filter((code) => set.has(code));
  const training = estimate.training;
  const requested = PRECISIONS[training.precision]?.computeFormat;
  const used = training.computeFormat;
  const formatFallback = requested !== undefined && used !== 'custom' && used !== requested ? { requested, used } : null;
  return { codes, formatFallback };
}
