/**
 * Pure shapers for the deployment section: GPUs and monthly cost vs load with the article's
 * FLOPs-only estimate beside them, and the article's figure for the current scenario.
 * Units: requests/s, GPUs, US dollars, kilowatts.
 */
import type { DeploymentVsLoadSeries, Estimate } from '../../core';
import { HOURS_PER_MONTH } from '../../core';
import { articleDeployment } from '../../core/article';

import { derivation } from '../../store/selectors';
import { clampTo, isPositive, logDomain } from '../../components/ui/chart-scales';
import { CHART_SERIES } from '../../store/chart-series';

export interface DeploymentRow {
  load: number;
  gpus: number;
  /** Monthly GPU rental (null when the price is zero: a log axis cannot show it). */
  cost: number | null;
  /** The article's 2·N·load ÷ 312 TFLOPS (fractional GPUs). */
  articleGpus: number | null;
}

export interface DeploymentChart {
  rows: DeploymentRow[];
  xDomain: [number, number];
  /** GPUs axis (left). */
  gpuDomain: [number, number];
  /** Cost axis (right): the GPUs axis × 730 h × price, so both read the same curve; null at price 0. */
  costDomain: [number, number] | null;
  current: { load: number; gpus: number; clamped: boolean };
}

/** Lowest GPU count the chart shows (the article's line drops far below one GPU at small loads). */
const MIN_GPUS_SHOWN = 1e-2;

export function deploymentChart(series: DeploymentVsLoadSeries, estimate: Estimate): DeploymentChart {
  const params = estimate.model.counts.total;
  const price = estimate.hardware.usdPerGpuHour;
  const monthly = HOURS_PER_MONTH * price;
  const rows = series.rows.map((row) => {
    const article = articleDeployment(params, row.requestsPerSecond).gpus;
    return {
      load: row.requestsPerSecond,
      gpus: row.totalGpus,
      cost: isPositive(row.monthlyGpuCostUsd) ? row.monthlyGpuCostUsd : null,
      articleGpus: isPositive(article) ? article : null,
    };
  });
  const xDomain = logDomain(
    rows.map((row) => row.load),
    [1e-2, 1e6],
  );
  const values: number[] = [series.current.totalGpus];
  for (const row of rows) {
    values.push(row.gpus);
    if (row.articleGpus !== null) values.push(Math.max(MIN_GPUS_SHOWN, row.articleGpus));
  }
  const gpuDomain = logDomain(values, [1, 1e6]);
  const costDomain: [number, number] | null = isPositive(monthly) ? [gpuDomain[0] * monthly, gpuDomain[1] * monthly] : null;
  const load = clampTo(series.current.requestsPerSecond, xDomain);
  return {
    rows,
    xDomain,
    gpuDomain,
    costDomain,
    current: { load, gpus: series.current.totalGpus, clamped: load !== series.current.requestsPerSecond },
  };
}

export interface ArticleComparison {
  /** The article's GPUs for this model and load (fractional). */
  gpus: number;
  powerKw: number;
  monthlyCostUsd: number;
  /** Our total GPUs ÷ the article's. */
  ratio: number;
  /** GPUs the FP16 weights alone need on this accelerator (ceil(2·N / memory)). */
  gpusForFp16Weights: number;
}

export function articleComparison(estimate: Estimate): ArticleComparison {
  const params = estimate.model.counts.total;
  const article = articleDeployment(params, estimate.deployment.requestsPerSecond);
  const memory = estimate.hardware.memoryBytes;
  return {
    gpus: article.gpus,
    powerKw: article.powerKw,
    monthlyCostUsd: article.monthlyCostUsd,
    ratio: article.gpus > 0 ? estimate.deployment.totalGpus / article.gpus : Number.NaN,
    gpusForFp16Weights: memory > 0 ? Math.ceil(article.memoryPerInstanceBytes / memory) : Number.NaN,
  };
}

/** The deployment chart of a scenario, memoized per store. */
export const deploymentData = derivation((scenario, select) => deploymentChart(select.derived(CHART_SERIES.deploymentVsLoad, scenario), select.estimate(scenario)));
