/**
 * Pure shapers for the scaling section: the loss-vs-compute rows (each law's compute-optimal
 * loss and the current model's iso-size curve), the compute-optimal frontier with published
 * runs, the per-law table and the over-/under-training verdict. Units: FLOPs, parameters,
 * tokens, nats per token.
 */
import type {
  ComputeOptimalFrontierSeries,
  Estimate,
  FrontierPoint,
  FrontierRow,
  LossLaw,
  LossVsComputeSeries,
  OptimalLaw,
} from '../../core';

import { derivation } from '../../store/selectors';
import { isPositive, logDomain, rowsInDomain } from '../../components/ui/chart-scales';
import { CHART_SERIES } from '../../store/chart-series';

export const LOSS_LAW_ORDER: readonly LossLaw[] = ['hoffmann2022', 'besiroglu2024', 'kaplan2020'];
export const OPTIMAL_LAW_ORDER: readonly OptimalLaw[] = ['hoffmann2022', 'besiroglu2024', 'tokens20', 'kaplan2020'];

/** Chinchilla's rule of thumb: about 20 training tokens per parameter. */
export const CHINCHILLA_TOKENS_PER_PARAM = 20;

// ---------------------------------------------------------------------------------------------
// scaling-law: loss vs compute
// ---------------------------------------------------------------------------------------------

export interface LossChartRow {
  compute: number;
  hoffmann2022: number | null;
  besiroglu2024: number | null;
  kaplan2020: number | null;
  iso_hoffmann2022: number | null;
  iso_besiroglu2024: number | null;
  iso_kaplan2020: number | null;
}

export interface LossChart {
  rows: LossChartRow[];
  current: { compute: number; params: number; tokens: number; loss: Record<LossLaw, number | null> };
  xDomain: [number, number];
  yDomain: [number, number];
}

function finiteOrNull(value: number | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Rows of the loss chart. The y domain holds every law's compute-optimal curve and the current
 * run (rounded out to 0.1); the iso-size curves rise steeply at small compute and are cut there.
 */
export function lossChart(series: LossVsComputeSeries): LossChart {
  const rows: LossChartRow[] = series.optimal.map((row, i) => {
    const iso = series.isoSize[i];
    return {
      compute: row.compute,
      hoffmann2022: finiteOrNull(row.hoffmann2022),
      besiroglu2024: finiteOrNull(row.besiroglu2024),
      kaplan2020: finiteOrNull(row.kaplan2020),
      iso_hoffmann2022: finiteOrNull(iso?.hoffmann2022),
      iso_besiroglu2024: finiteOrNull(iso?.besiroglu2024),
      iso_kaplan2020: finiteOrNull(iso?.kaplan2020),
    };
  });
  const loss = {
    hoffmann2022: finiteOrNull(series.current.hoffmann2022),
    besiroglu2024: finiteOrNull(series.current.besiroglu2024),
    kaplan2020: finiteOrNull(series.current.kaplan2020),
  };
  let low = Infinity;
  let high = -Infinity;
  const take = (value: number | null) => {
    if (value === null) return;
    if (value < low) low = value;
    if (value > high) high = value;
  };
  // Only the rows on screen set the y-axis (the core's grid is wider than the visible x-range).
  const xDomain = logDomain([1e18, 1e28, series.current.compute], [1e18, 1e28]);
  const onScreen = (compute: number) => compute >= xDomain[0] && compute <= xDomain[1];
  for (const row of rows) if (onScreen(row.compute)) for (const law of LOSS_LAW_ORDER) take(row[law]);
  for (const law of LOSS_LAW_ORDER) take(loss[law]);
  if (!(low <= high)) {
    low = 1.5;
    high = 4;
  }
  const yDomain: [number, number] = [Math.max(0, Math.floor((low - 0.05) * 10) / 10), Math.ceil((high + 0.15) * 10) / 10];
  const current = { compute: series.current.compute, params: series.current.params, tokens: series.current.tokens, loss };
  return { rows: rowsInDomain(rows, (row) => row.compute, xDomain), current, xDomain, yDomain };
}

// ---------------------------------------------------------------------------------------------
// compute-optimal: params vs compute, with published runs
// ---------------------------------------------------------------------------------------------

/** Runs named on the chart, with short names (the others are in the tooltip and the table). */
const LABELLED_RUNS: ReadonlyMap<string, string> = new Map([
  ['gpt3-175b', 'GPT-3'],
  ['chinchilla-70b', 'Chinchilla'],
  ['llama3-8b', 'Llama 3 8B'],
  ['llama31-405b', 'Llama 3.1 405B'],
  ['gpt-4-estimate', 'GPT-4 (est.)'],
]);

export interface RunPoint extends FrontierPoint {
  tokensPerParam: number;
  /** Short name drawn beside the point, or ''. */
  label: string;
}

export interface FrontierChart {
  rows: FrontierRow[];
  confirmed: RunPoint[];
  unconfirmed: RunPoint[];
  current: { compute: number; params: number; tokens: number };
  xDomain: [number, number];
  yDomain: [number, number];
}

export function runPoints(runs: readonly FrontierPoint[]): RunPoint[] {
  return runs
    .filter((run) => isPositive(run.compute) && isPositive(run.params))
    .map((run) => ({
      ...run,
      tokensPerParam: run.tokens / run.params,
      label: LABELLED_RUNS.get(run.id) ?? '',
    }));
}

export function frontierChart(series: ComputeOptimalFrontierSeries): FrontierChart {
  const points = runPoints(series.runs);
  const confirmed = points.filter((point) => point.confirmed);
  const unconfirmed = points.filter((point) => !point.confirmed);
  const current = series.current;
  const xDomain = logDomain([1e18, 1e28, current.compute], [1e18, 1e28]);
  const values: number[] = [current.params];
  for (const row of series.params) {
    if (row.compute < xDomain[0] || row.compute > xDomain[1]) continue; // off screen
    for (const law of OPTIMAL_LAW_ORDER) values.push(row[law]);
  }
  for (const point of points) values.push(point.params);
  const yDomain = logDomain(values, [1e7, 1e15]);
  return {
    rows: rowsInDomain(series.params, (row) => row.compute, xDomain),
    confirmed,
    unconfirmed,
    current,
    xDomain,
    yDomain,
  };
}

/** The loss chart of a scenario, memoized per store. */
export const lossData = derivation((scenario, select) => lossChart(select.derived(CHART_SERIES.lossVsCompute, scenario)));

/** The frontier chart of a scenario, memoized per store (the runs keep their identity). */
export const frontierData = derivation((scenario, select) => frontierChart(select.derived(CHART_SERIES.computeOptimalFrontier, scenario)));

/** The published runs by compute (the runs table), memoized per store. */
export const runsData = derivation((scenario, select) =>
  runPoints(select.derived(CHART_SERIES.computeOptimalFrontier, scenario).runs).sort((a, b) => a.compute - b.compute),
);

// ---------------------------------------------------------------------------------------------
// Stats and the per-law table
// ---------------------------------------------------------------------------------------------

export interface LawRow {
  law: OptimalLaw;
  /** This run's loss under the law (null for the 20-tokens rule, which has no loss of its own). */
  lossHere: number | null;
  optimalParams: number;
  optimalTokens: number;
  optimalTokensPerParam: number;
  /** Loss at the law's optimum (the 20-tokens rule uses Hoffmann's fit). */
  optimalLoss: number;
  /** This model's parameters ÷ the law's optimal parameters. */
  sizeRatio: number;
}

export function lawRows(estimate: Estimate): LawRow[] {
  const scaling = estimate.scaling;
  return OPTIMAL_LAW_ORDER.map((law) => {
    const optimal = scaling.optimal[law];
    return {
      law,
      lossHere: law === 'tokens20' ? null : scaling.loss[law],
      optimalParams: optimal.params,
      optimalTokens: optimal.tokens,
      optimalTokensPerParam: optimal.tokensPerParam,
      optimalLoss: optimal.loss,
      sizeRatio: optimal.params > 0 ? scaling.params / optimal.params : Number.NaN,
    };
  });
}

export type Verdict = 'over' | 'under' | 'near';

/**
 * Over- or under-trained relative to Chinchilla's ≈ 20 tokens per parameter: within a factor of
 * 1.5 either way counts as about compute-optimal. `factor` ≥ 1 says by how much.
 */
export function trainingVerdict(tokensPerParam: number): { verdict: Verdict; factor: number } {
  if (!isPositive(tokensPerParam)) return { verdict: 'under', factor: Number.POSITIVE_INFINITY };
  const ratio = tokensPerParam / CHINCHILLA_TOKENS_PER_PARAM;
  if (ratio > 1.5) return { verdict: 'over', factor: ratio };
  if (ratio < 1 / 1.5) return { verdict: 'under', factor: 1 / ratio };
  return { verdict: 'near', factor: ratio >= 1 ? ratio : 1 / ratio };
}

/**
 * The article's `20 × C^0.5` for parameters (and, identically, tokens) beside the correct
 * split at 20 tokens per parameter: N = √(C/120), D = 20·N.
 *   article N·D = 400·C, so 6·N·D = 2400·C; the printed "B" suffix multiplies by another 10⁹.
 */
export function articleAllocation(compute: number): { article: number; params: number; tokens: number; paramsRatio: number; tokensRatio: number } {
  const article = 20 * Math.sqrt(Math.max(0, compute));
  const params = Math.sqrt(Math.max(0, compute) / 120);
  const tokens = 20 * params;
  return {
    article,
    params,
    tokens,
    paramsRatio: params > 0 ? article / params : Number.NaN,
    tokensRatio: tokens > 0 ? article / tokens : Number.NaN,
  };
}
