/**
 * Rows of the `article-check` table: every result row of the article's calculators
 * (`ARTICLE_CALCULATORS`), the article's own figure beside ours. "Ours" is read from
 * `estimate(scenario)` of the row's scenario (the row's own when it has one, else its
 * calculator's, over DEFAULT_SCENARIO), through `OURS`, one rule per `OursHint`.
 * Pure; the rows do not depend on the user's scenario, so they are computed once.
 */
import { estimate, HOURS_PER_MONTH, type Estimate } from '../../core';
import {
  ARTICLE_CALCULATORS,
  ARTICLE_COMPRESSION_STAGES,
  ARTICLE_GPU_MEMORY_BY_YEAR,
  articleThroughput,
  type ArticleCalculator,
  type ArticleResult,
  type ArticleUnit,
  type OursHint,
} from '../../core/article';
import { ARTICLE_TEXT, articleRowText } from './article.text';
import { DEFAULT_SCENARIO, type Scenario } from '../../scenario/scenario';
import { validateScenario } from '../../scenario/validate';

/** The small MLP of the article's §1.1 (and of the anatomy section): 1000 inputs, 2000 hidden, 500 outputs. */
export const ARTICLE_MLP_LAYERS: readonly number[] = [1000, 2000, 500];

/**
 * Parameters of a fully connected network: Σ (inputs × outputs + outputs) over its layers
 * (a weight matrix and a bias vector per layer). 1000-2000-500 → 3,002,500.
 */
export function denseNetworkParameters(layerSizes: readonly number[]): number {
  let total = 0;
  for (let i = 1; i < layerSizes.length; i++) {
    const inputs = layerSizes[i - 1] ?? 0;
    const outputs = layerSizes[i] ?? 0;
    total += inputs * outputs + outputs;
  }
  return total;
}

/**
 * Parameters of one transformer layer: attention + MLP + the layer's norms, i.e. everything but
 * embeddings, output head, family extras and the norms outside the layers (final, embedding).
 */
export function parametersPerLayer(result: Estimate): number {
  const { counts, arch } = result.model;
  if (arch.layers <= 0) return 0;
  const normWidth = arch.details.norm === 'layernorm' ? 2 : 1;
  const outsideNorms = ((arch.details.finalNorm ? 1 : 0) + (arch.details.embeddingNorm ? 1 : 0)) * normWidth * arch.hidden;
  return (counts.attention + counts.mlp + counts.norms - outsideNorms) / arch.layers;
}

/** Which row is being read: some hints depend on it (the compression stage, the card of a year). */
export interface OursContext {
  calculatorId: string;
  rowKey: string;
}

interface OursRule {
  unit: ArticleUnit;
  /** Shown as a percentage (a fraction of 1). */
  percent?: boolean;
  read: (result: Estimate, context: OursContext) => number | null;
  /** Report whether the scenario's training layout fits in GPU memory beside the figure. */
  trainingFit?: boolean;
}

function compressionRow(result: Estimate, context: OursContext) {
  const stage = ARTICLE_COMPRESSION_STAGES.findIndex((s) => s.key === context.rowKey);
  // estimate.compression[0] is the uncompressed start; stage i of the article is row i + 1.
  return stage < 0 ? null : (result.compression[stage + 1] ?? null);
}

function trainingStateBytesPerParam(result: Estimate): number {
  const { weights, gradients, optimizer } = result.training.bytesPerParam;
  return weights + gradients + optimizer;
}

/** The article's 10,000 users, each with a 100 tokens/s stream all day (§5.2). */
const ARTICLE_TOKENS_PER_DAY_10K_USERS = articleThroughput(100).tokensPerDay * 10_000;

/** One rule per OursHint: which estimate quantity stands beside the article's figure. */
export const OURS: { readonly [H in OursHint]: OursRule } = {
  'anatomy.mlpParams': { unit: 'params', read: () => denseNetworkParameters(ARTICLE_MLP_LAYERS) },
  'params.total': { unit: 'params', read: (e) => e.model.counts.total },
  'params.embedding': { unit: 'params', read: (e) => e.model.counts.embedding },
  'params.perLayer': { unit: 'params', read: (e) => parametersPerLayer(e) },
  'weights.fp32': { unit: 'bytes', read: (e) => e.weights.byPrecision.find((w) => w.id === 'fp32')?.bytes ?? null },
  'weights.fp16': { unit: 'bytes', read: (e) => e.weights.byPrecision.find((w) => w.id === 'fp16')?.bytes ?? null },
  'weights.int8': { unit: 'bytes', read: (e) => e.weights.byPrecision.find((w) => w.id === 'int8')?.bytes ?? null },
  'weights.int4': { unit: 'bytes', read: (e) => e.weights.byPrecision.find((w) => w.id === 'int4')?.bytes ?? null },
  'chinchilla.params': { unit: 'params', read: (e) => e.scaling.optimal.tokens20.params },
  'chinchilla.tokens': { unit: 'tokens', read: (e) => e.scaling.optimal.tokens20.tokens },
  'training.flops': { unit: 'flops', read: (e) => e.training.flops },
  'training.costUsd': { unit: 'usd', read: (e) => e.training.costUsd },
  'training.gpuHours': { unit: 'gpu_hours', read: (e) => e.training.gpuHours },
  // The article's duration is one month (GPU-years × 12): GPU-hours / 730 h.
  'training.gpusForDuration': { unit: 'gpus', read: (e) => e.training.gpuHours / HOURS_PER_MONTH },
  'training.modelStateBytes': { unit: 'bytes', trainingFit: true, read: (e) => trainingStateBytesPerParam(e) * e.model.counts.total },
  'training.shards': { unit: 'count', trainingFit: true, read: (e) => e.training.tensorParallel * e.training.pipelineParallel },
  'training.gpus': { unit: 'gpus', trainingFit: true, read: (e) => e.training.gpus },
  'hardware.interconnectBytesPerSecond': { unit: 'bytes_per_s', read: (e) => e.hardware.accelerator?.interconnectBytesPerSecond ?? null },
  'inference.weightsBytes': { unit: 'bytes', read: (e) => e.inference.weightBytes },
  'inference.kvCacheBytes': { unit: 'bytes', read: (e) => e.inference.kvBytes },
  'inference.totalMemoryBytes': { unit: 'bytes', read: (e) => e.inference.totalBytes },
  // One sequence's decode step: the active weights plus its KV cache at the mean context.
  'inference.bytesPerToken': {
    unit: 'bytes',
    read: (e) => e.weights.activeBytes + e.kv.bytesPerToken * e.inference.averageContextTokens,
  },
  'inference.decodeTokensPerSecond': { unit: 'tokens_per_s', read: (e) => (e.inference.fits ? e.inference.tokensPerSecondPerSequence : null) },
  'inference.tokensPerDay': { unit: 'tokens', read: (e) => (e.inference.fits ? e.inference.tokensPerSecondPerSequence * 86_400 : null) },
  'inference.costPerMillionTokens': { unit: 'usd', read: (e) => (e.inference.fits ? e.inference.costPerMillionOutputTokensUsd : null) },
  // What generating the article's daily volume (10,000 streams × 100 tokens/s × 86,400 s) costs here.
  'inference.costPerDayUsd': {
    unit: 'usd',
    read: (e) => (e.inference.fits ? (ARTICLE_TOKENS_PER_DAY_10K_USERS / 1e6) * e.inference.costPerMillionOutputTokensUsd : null),
  },
  'moe.totalParams': { unit: 'params', read: (e) => e.moe?.totalParams ?? e.model.counts.total },
  'moe.activeParams': { unit: 'params', read: (e) => e.moe?.activeParams ?? e.model.counts.active },
  'moe.totalOverActive': {
    unit: 'ratio',
    read: (e) => (e.model.counts.active > 0 ? e.model.counts.total / e.model.counts.active : null),
  },
  'moe.idleFraction': {
    unit: 'ratio',
    percent: true,
    read: (e) => (e.model.counts.total > 0 ? 1 - e.model.counts.active / e.model.counts.total : null),
  },
  'compression.params': { unit: 'params', read: (e, c) => compressionRow(e, c)?.params ?? null },
  'compression.bytes': { unit: 'bytes', read: (e, c) => compressionRow(e, c)?.bytes ?? null },
  'hardware.memoryBytes': { unit: 'bytes', read: (e) => e.hardware.memoryBytes },
  // The card of the article's row (V100 16GB, A100 40GB, ..., "1 TB") when it names one, else the scenario's.
  'hardware.largestTrainableParams': {
    unit: 'params',
    read: (e, c) => {
      const card = ARTICLE_GPU_MEMORY_BY_YEAR.find((row) => row.key === c.rowKey);
      const memory = card?.memoryBytes ?? e.hardware.memoryBytes;
      return memory / trainingStateBytesPerParam(e);
    },
  },
  'deployment.memoryPerInstanceBytes': { unit: 'bytes', read: (e) => e.inference.totalBytes },
  'deployment.gpus': { unit: 'gpus', read: (e) => e.deployment.totalGpus },
  'deployment.powerKw': { unit: 'kw', read: (e) => e.deployment.powerKw },
  'deployment.monthlyCostUsd': { unit: 'usd', read: (e) => e.deployment.monthlyGpuCostUsd },
};

export interface ArticleCheckRow {
  /** `<calculator id>:<row key>`, stable. */
  id: string;
  calculatorId: string;
  calculatorTitle: string;
  calculatorTitleZh: string;
  articleSection: string;
  articleFormula: string;
  articleFormulaZh: string;
  label: string;
  labelZh: string;
  /** The article's figure in SI units (see core/article.ts: its label's unit). */
  article: number;
  articleUnit: ArticleUnit;
  articlePrinted: string | null;
  articleClaim: string | null;
  hint: OursHint;
  ours: number | null;
  oursUnit: ArticleUnit;
  oursPercent: boolean;
  /** For training-layout figures: whether the scenario's layout fits, and the busiest GPU's bytes. */
  trainingFit: { fits: boolean; bytesPerGpu: number; memoryBytesPerGpu: number } | null;
  /** article ÷ ours, when both are the same kind of quantity and ours is positive. */
  ratio: number | null;
  why: string;
  whyZh: string;
  /** Where the right figure comes from. */
  source: string;
  sourceZh: string;
  /** The full scenario ours was computed for. */
  scenario: Scenario;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/** The full scenario of a calculator: DEFAULT_SCENARIO with the calculator's fields, validated. */
export function calculatorScenario(calculator: Pick<ArticleCalculator, 'scenario'>): Scenario {
  return validateScenario({ ...DEFAULT_SCENARIO, ...calculator.scenario }).scenario;
}

function rowScenario(calculator: ArticleCalculator, result: ArticleResult): Scenario {
  return result.scenario ? validateScenario({ ...DEFAULT_SCENARIO, ...result.scenario }).scenario : calculatorScenario(calculator);
}

/** One row of `article-check`. */
export function articleCheckRow(calculator: ArticleCalculator, result: ArticleResult, estimateOf: (s: Scenario) => Estimate): ArticleCheckRow {
  const scenario = rowScenario(calculator, result);
  const rule = OURS[result.oursHint];
  const computed = estimateOf(scenario);
  const ours = finiteOrNull(rule.read(computed, { calculatorId: calculator.id, rowKey: result.key }));
  const comparable = rule.unit === result.unit && ours !== null && ours > 0;
  const calculatorText = ARTICLE_TEXT[calculator.id];
  const text = articleRowText(calculator.id, result.key);
  return {
    id: `${calculator.id}:${result.key}`,
    calculatorId: calculator.id,
    calculatorTitle: calculatorText.title,
    calculatorTitleZh: calculatorText.titleZh,
    articleSection: calculator.articleSection,
    articleFormula: calculatorText.formula,
    articleFormulaZh: calculatorText.formulaZh ?? calculatorText.formula,
    label: text.label,
    labelZh: text.labelZh,
    article: result.article,
    articleUnit: result.unit,
    articlePrinted: text.printed ?? null,
    articleClaim: text.claim ?? null,
    hint: result.oursHint,
    ours,
    oursUnit: rule.unit,
    oursPercent: rule.percent ?? false,
    trainingFit: rule.trainingFit
      ? {
          fits: computed.training.fitsPerGpu,
          bytesPerGpu: computed.training.memoryPerGpu.total,
          memoryBytesPerGpu: computed.hardware.memoryBytes,
        }
      : null,
    ratio: comparable ? finiteOrNull(result.article / ours) : null,
    why: text.whyDifferent ?? calculatorText.whyDifferent,
    whyZh: text.whyDifferentZh ?? calculatorText.whyDifferentZh,
    source: text.source ?? calculatorText.source,
    sourceZh: text.sourceZh ?? calculatorText.sourceZh,
    scenario,
  };
}

/** Every row of every calculator, in the article's order. Each distinct scenario is estimated once. */
export function articleCheckRows(calculators: readonly ArticleCalculator[] = ARTICLE_CALCULATORS): ArticleCheckRow[] {
  const cache = new Map<string, Estimate>();
  const estimateOf = (scenario: Scenario) => {
    const key = JSON.stringify(scenario);
    let result = cache.get(key);
    if (!result) {
      result = estimate(scenario);
      cache.set(key, result);
    }
    return result;
  };
  return calculators.flatMap((calculator) => calculator.compute().map((result) => articleCheckRow(calculator, result, estimateOf)));
}

let memo: ArticleCheckRow[] | null = null;

/** `articleCheckRows()` computed on first use and kept (it does not depend on the user's scenario). */
export function getArticleCheckRows(): ArticleCheckRow[] {
  memo ??= articleCheckRows();
  return memo;
}

/**
 * The figure each calculator's one-click link stands for (its `headline` row), when that row was
 * computed for exactly the calculator's scenario — so the page, once the link is opened, shows
 * that row's "ours". Calculator id → row.
 */
export function calculatorHeadlines(rows: readonly ArticleCheckRow[], calculators: readonly ArticleCalculator[] = ARTICLE_CALCULATORS): Map<string, ArticleCheckRow> {
  const headlines = new Map<string, ArticleCheckRow>();
  for (const calculator of calculators) {
    const row = rows.find((candidate) => candidate.id === `${calculator.id}:${calculator.headline}`);
    if (row && JSON.stringify(row.scenario) === JSON.stringify(calculatorScenario(calculator))) headlines.set(calculator.id, row);
  }
  return headlines;
}

/** How far a ratio is from agreement, as a factor ≥ 1 (2 and 0.5 are both 2). */
export function discrepancy(ratio: number | null): number | null {
  if (ratio === null || !(ratio > 0)) return null;
  return ratio >= 1 ? ratio : 1 / ratio;
}

/** Rows within ±10% of ours, and the row furthest from ours. */
export function articleSummary(rows: readonly ArticleCheckRow[]): { compared: number; agree: number; worst: ArticleCheckRow | null } {
  let compared = 0;
  let agree = 0;
  let worst: ArticleCheckRow | null = null;
  let worstFactor = 0;
  for (const row of rows) {
    const factor = discrepancy(row.ratio);
    if (factor === null) continue;
    compared += 1;
    if (factor <= 1.1) agree += 1;
    if (factor > worstFactor) {
      worstFactor = factor;
      worst = row;
    }
  }
  return { compared, agree, worst };
}
