/**
 * Pure shapers of the MoE section: what memory pays for (every expert) against what compute and
 * decode bandwidth pay for (the chosen experts), for the scenario's model or — when it is dense —
 * for the article's 1T mixture of 8 experts with 2 active, built with the core's own shape rule.
 */
import {
  BATCH_GRID,
  applyOverrides,
  architectureFromParams,
  countParameters,
  decodeParamsRead,
  expectedExpertsTouchedFraction,
  moeSummary,
  weightBytes,
  type Architecture,
  type MoeSeries,
  type ParameterCount,
} from '../../core';
import { articleMoe } from '../../core/article';
import { constant, derivation } from '../../store/selectors';
import { CHART_SERIES } from '../../store/chart-series';

/** The article's §6.1 example: 1T parameters, 8 experts, 2 per token. */
export const ARTICLE_MOE = Object.freeze({ totalParams: 1e12, experts: 8, expertsPerToken: 2 });

export interface ArticleMoeModel {
  arch: Architecture;
  counts: ParameterCount;
  /** The article's own figures: every parameter inside the experts. */
  article: { activeParameters: number; efficiency: number; sparsity: number };
}

function moeCount(denseParams: number): { arch: Architecture; counts: ParameterCount } {
  const arch = applyOverrides(architectureFromParams(denseParams), {
    experts: ARTICLE_MOE.experts,
    expertsPerToken: ARTICLE_MOE.expertsPerToken,
  });
  return { arch, counts: countParameters(arch) };
}

/**
 * The article's 1T model as a real mixture of experts: the shape rule's dense model whose MLP is
 * replaced by 8 Mixtral-style experts (top-2), sized by bisection so the total is as close to 1e12
 * as the rule's whole layers allow (100 layers of hidden 12288: 0.9999T total, 275B active).
 * About 100 shape-rule models: the page computes it once per store (`articleMoeData`).
 */
export function articleMoeModel(): ArticleMoeModel {
  let low = 9;
  let high = 12;
  for (let i = 0; i < 48; i++) {
    const middle = (low + high) / 2;
    if (moeCount(10 ** middle).counts.total < ARTICLE_MOE.totalParams) low = middle;
    else high = middle;
  }
  const below = moeCount(10 ** low);
  const above = moeCount(10 ** high);
  const best =
    Math.abs(below.counts.total - ARTICLE_MOE.totalParams) <= Math.abs(above.counts.total - ARTICLE_MOE.totalParams) ? below : above;
  return {
    ...best,
    article: articleMoe(ARTICLE_MOE.totalParams, ARTICLE_MOE.experts, ARTICLE_MOE.expertsPerToken),
  };
}

/** The article's 1T MoE: it does not depend on the scenario (computed once per store). */
export const articleMoeData = constant(articleMoeModel);

/** The core's `moeSeries` for any MoE architecture (null for a dense one). */
export function moeSeriesFor(arch: Architecture, counts: ParameterCount, bitsPerWeight: number, batch: number): MoeSeries | null {
  const summary = moeSummary(arch, counts, { bitsPerWeight, batch });
  if (!summary) return null;
  return {
    summary,
    bars: [
      { label: 'total', params: summary.totalParams, bytes: summary.memoryBytes, flopsPerToken: summary.denseEqualMemoryFlopsPerToken },
      { label: 'active', params: summary.activeParams, bytes: summary.activeBytes, flopsPerToken: summary.flopsPerToken },
    ],
    bytesReadVsBatch: BATCH_GRID.map((b) => {
      const bytes = weightBytes(decodeParamsRead(arch, counts, b), bitsPerWeight);
      return { batch: b, bytes, fractionOfTotal: summary.memoryBytes > 0 ? bytes / summary.memoryBytes : 0 };
    }),
  };
}

export type MoeBarKey = 'memory' | 'token' | 'batch';

export interface MoeBar {
  key: MoeBarKey;
  /** Attention, embeddings, norms, output head, dense MLP layers, shared experts, routers. */
  shared: number;
  /** Routed-expert parameters this bar pays for. */
  routedUsed: number;
  /** Routed-expert parameters held but not used by this bar. */
  routedIdle: number;
  /** shared + routedUsed. */
  params: number;
  /** params in bytes at the weight precision. */
  bytes: number;
}

/**
 * Three stacked bars in parameters:
 *   memory — everything held: shared + all routed experts;
 *   token  — what one token computes with: shared + k/E of the routed experts (= active);
 *   batch  — what one decode step of `batch` sequences reads: shared + the experts any sequence picks.
 */
export function moeBars(arch: Architecture, counts: ParameterCount, bitsPerWeight: number, batch: number): MoeBar[] {
  const routed = Math.max(0, counts.routedExperts);
  const shared = Math.max(0, counts.total - routed);
  const moe = arch.moe;
  const perToken = moe ? expectedExpertsTouchedFraction(moe.experts, moe.expertsPerToken, 1) : 1;
  const perBatch = moe ? expectedExpertsTouchedFraction(moe.experts, moe.expertsPerToken, batch) : 1;
  const bar = (key: MoeBarKey, fraction: number): MoeBar => {
    const routedUsed = routed * fraction;
    const params = shared + routedUsed;
    return { key, shared, routedUsed, routedIdle: routed - routedUsed, params, bytes: weightBytes(params, bitsPerWeight) };
  };
  return [bar('memory', 1), bar('token', perToken), bar('batch', perBatch)];
}

/**
 * A count rounded to 3 significant digits before formatting, so 999.9B reads "1T" and not
 * "1,000B" (formatCount picks the unit before rounding).
 */
export function roundCount(value: number): number {
  return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(3)) : value;
}

export interface MoeView {
  /** The scenario's model is dense: the article's 1T example is shown instead. */
  fallback: boolean;
  arch: Architecture;
  counts: ParameterCount;
  series: MoeSeries;
  bars: MoeBar[];
  batch: number;
  bitsPerWeight: number;
}

/**
 * What the MoE section draws: the scenario's MoE, or the article's 1T example at the scenario's
 * weight precision and batch for a dense model. Memoized per store; equal views are one object,
 * so moving the size slider of a dense model leaves the chart untouched.
 */
export const moeViewData = derivation((scenario, select): MoeView => {
  const estimate = select.estimate(scenario);
  const bitsPerWeight = estimate.weights.selected.bitsPerWeight;
  const batch = estimate.inference.batch;
  const own = select.derived(CHART_SERIES.moeSeries, scenario);
  const { arch, counts } = estimate.model;
  if (own && arch.moe) return { fallback: false, arch, counts, series: own, bars: moeBars(arch, counts, bitsPerWeight, batch), batch, bitsPerWeight };
  const model = select.constant(articleMoeData);
  const series = moeSeriesFor(model.arch, model.counts, bitsPerWeight, batch);
  if (!series) throw new Error('the article MoE model is not an MoE');
  return { fallback: true, arch: model.arch, counts: model.counts, series, bars: moeBars(model.arch, model.counts, bitsPerWeight, batch), batch, bitsPerWeight };
});
