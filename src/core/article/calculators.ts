/**
 * The article's 13 calculators, reproduced calculator by calculator: each re-implements one of
 * the article's Python snippets with the article's OWN formula and constants (`./formulas`), so
 * the article section can set the article's figure beside ours. Nothing here computes "our"
 * figure: each row names, in `oursHint`, the estimate quantity the view puts beside it, and each
 * calculator carries a partial scenario for its one-click link. The words of each calculator and
 * row (keyed by calculator id and row key) live in `features/article/article.text.ts`.
 */
import type { PrecisionId } from '../../data/types';
import {
  ARTICLE_COMPRESSION_STAGES,
  articleArchitectureParameters,
  articleChinchillaAllocation,
  articleChinchillaTokens,
  articleCompressionChain,
  articleDeployment,
  articleGigabytesAsLabelled,
  articleInferenceMemoryBytes,
  articleMlpParameters,
  articleMoe,
  articleTerabytesAsLabelled,
  articleThroughput,
  articleTrainingCost,
} from './formulas';
import type { ArticleCalculator, ArticleResult, ArticleScenario, OursHint } from './types';

const B100 = 100_000_000_000;
const T1 = 1_000_000_000_000;

const mlpCounter: ArticleCalculator = {
  id: 'mlp-counter',
  headline: 'total',
  articleSection: '1.1',
  compute: () => [{ key: 'total', article: articleMlpParameters(1000, 2000, 500), unit: 'params', oursHint: 'anatomy.mlpParams' }],
  scenario: {},
};

const timeline: ArticleCalculator = {
  id: 'timeline',
  headline: 'gpt-3-2020',
  articleSection: '1.2',
  compute: () => [
    { key: 'bert-base-2018', article: 1.1e8, unit: 'params', oursHint: 'params.total', scenario: { model: 'bert-base' } },
    { key: 'gpt-2-2019', article: 1.5e9, unit: 'params', oursHint: 'params.total', scenario: { model: 'gpt-2-xl' } },
    { key: 'gpt-3-2020', article: 1.75e11, unit: 'params', oursHint: 'params.total', scenario: { model: 'gpt-3-175b' } },
    { key: 'gpt-4-2023', article: 1.8e12, unit: 'params', oursHint: 'params.total', scenario: { model: 'gpt-4-estimate' } },
  ],
  scenario: { model: 'gpt-3-175b' },
};

const storage100b: ArticleCalculator = {
  id: 'storage-100b',
  headline: 'fp32',
  articleSection: '2.1',
  compute: () => [
    { key: 'fp32', article: articleGigabytesAsLabelled(B100 * 4), unit: 'bytes', oursHint: 'weights.fp32' },
    { key: 'fp16', article: articleGigabytesAsLabelled(B100 * 2), unit: 'bytes', oursHint: 'weights.fp16' },
    { key: 'tokens', article: articleChinchillaTokens(B100), unit: 'tokens', oursHint: 'chinchilla.tokens' },
  ],
  scenario: { model: 'size', params: B100, weightPrecision: 'fp32' },
};

const architecture100b: ArticleCalculator = {
  id: 'architecture-100b',
  headline: 'total',
  articleSection: '2.2',
  compute: () => {
    const counted = articleArchitectureParameters({ hidden: 12288, layers: 96, vocab: 100000 });
    return [
      { key: 'embedding', article: counted.embedding, unit: 'params', oursHint: 'params.embedding' },
      { key: 'per-layer', article: counted.perLayer, unit: 'params', oursHint: 'params.perLayer' },
      { key: 'total', article: counted.total, unit: 'params', oursHint: 'params.total' },
    ];
  },
  scenario: { model: 'article-100b' },
};

/** §3.1's precisions and bytes per parameter. */
const STORAGE_1T: readonly { key: PrecisionId; bytes: number; hint: OursHint }[] = [
  { key: 'fp32', bytes: 4, hint: 'weights.fp32' },
  { key: 'fp16', bytes: 2, hint: 'weights.fp16' },
  { key: 'int8', bytes: 1, hint: 'weights.int8' },
  { key: 'int4', bytes: 0.5, hint: 'weights.int4' },
];

const storage1t: ArticleCalculator = {
  id: 'storage-1t',
  headline: 'fp32',
  articleSection: '3.1',
  compute: () => [
    ...STORAGE_1T.map(
      (row): ArticleResult => ({
        key: row.key,
        article: articleTerabytesAsLabelled(T1 * row.bytes),
        unit: 'bytes',
        oursHint: row.hint,
        scenario: { model: 'size', params: T1, weightPrecision: row.key },
      }),
    ),
    {
      key: 'bytes-per-token',
      article: articleTerabytesAsLabelled(T1 * 2),
      unit: 'bytes',
      oursHint: 'inference.bytesPerToken',
      scenario: { model: 'size', params: T1, weightPrecision: 'fp16' },
    },
  ],
  scenario: { model: 'size', params: T1, weightPrecision: 'fp32' },
};

const training1tCluster: ArticleCalculator = {
  id: 'training-1t-cluster',
  headline: 'gpus',
  articleSection: '3.2',
  compute: () => [
    { key: 'gpus', article: 512, unit: 'gpus', oursHint: 'training.gpus' },
    { key: 'cluster-memory', article: 512 * 80e9, unit: 'bytes', oursHint: 'training.modelStateBytes' },
    { key: 'shards', article: 64, unit: 'count', oursHint: 'training.shards' },
    { key: 'bandwidth', article: 800e9 / 8, unit: 'bytes_per_s', oursHint: 'hardware.interconnectBytesPerSecond' },
  ],
  scenario: { model: 'article-1t', gpu: 'a100-sxm-80gb', gpuCount: 512, tensorParallel: 8, pipelineParallel: 8, zeroStage: 1 },
};

/** §4.1's compute budgets, FLOPs. */
export const ARTICLE_CHINCHILLA_BUDGETS: readonly number[] = Object.freeze([1e18, 1e21, 1e24]);

/** A budget's tag in row keys and labels: 1e18 → "1e18". */
export function budgetTag(budget: number): string {
  return budget.toExponential(0).replace('+', '');
}

const chinchillaAllocation: ArticleCalculator = {
  id: 'chinchilla-allocation',
  headline: 'params-1e24',
  articleSection: '4.1',
  compute: () =>
    ARTICLE_CHINCHILLA_BUDGETS.flatMap((budget): ArticleResult[] => {
      const value = articleChinchillaAllocation(budget);
      const tag = budgetTag(budget);
      const scenario: ArticleScenario = { model: 'size', params: Math.sqrt(budget / 120), tokensPerParam: 20 };
      return [
        { key: `params-${tag}`, article: value, unit: 'params', oursHint: 'chinchilla.params', scenario },
        { key: `tokens-${tag}`, article: value, unit: 'tokens', oursHint: 'chinchilla.tokens', scenario },
      ];
    }),
  scenario: { model: 'size', params: Math.sqrt(1e24 / 120), tokensPerParam: 20 },
};

/** §5.1's three models: parameters, tokens, and the preset that stands for each. */
export const ARTICLE_COST_MODELS: readonly { key: string; parameters: number; tokens: number; model: string }[] = Object.freeze([
  { key: 'gpt-3', parameters: 175e9, tokens: 300e9, model: 'gpt-3-175b' },
  { key: '1t', parameters: 1e12, tokens: 2e12, model: 'article-1t' },
  { key: '10t', parameters: 10e12, tokens: 20e12, model: 'article-10t' },
]);

/** The scenario cap on GPUs (RANGES.gpuCount); the 10T case asks for more than a million. */
const MAX_SCENARIO_GPUS = 1e6;

const trainingCost: ArticleCalculator = {
  id: 'training-cost',
  headline: 'gpt-3-flops',
  articleSection: '5.1',
  compute: () =>
    ARTICLE_COST_MODELS.flatMap((model): ArticleResult[] => {
      const cost = articleTrainingCost(model.parameters, model.tokens);
      const gpus = Math.round(cost.gpusForOneMonth);
      const scenario: ArticleScenario = {
        model: model.model,
        tokens: model.tokens,
        gpu: 'a100-sxm-80gb',
        ...(gpus <= MAX_SCENARIO_GPUS ? { gpuCount: gpus } : {}),
      };
      return [
        { key: `${model.key}-flops`, article: cost.flops, unit: 'flops', oursHint: 'training.flops', scenario },
        { key: `${model.key}-cost`, article: cost.costUsd, unit: 'usd', oursHint: 'training.costUsd', scenario },
        { key: `${model.key}-gpu-hours`, article: cost.gpuHours, unit: 'gpu_hours', oursHint: 'training.gpuHours', scenario },
        { key: `${model.key}-gpus-one-month`, article: cost.gpusForOneMonth, unit: 'gpus', oursHint: 'training.gpusForDuration', scenario },
      ];
    }),
  scenario: { model: 'gpt-3-175b', tokens: 300e9, gpu: 'a100-sxm-80gb', gpuCount: 384 },
};

/** §5.2's two models. */
export const ARTICLE_INFERENCE_MODELS: readonly { key: string; parameters: number }[] = Object.freeze([
  { key: '100b', parameters: B100 },
  { key: '1t', parameters: T1 },
]);

/** §5.2's context length, tokens. */
const INFERENCE_CONTEXT = 2048;

/** §5.2's setting: FP16 weights and KV cache, one sequence, 1024 prompt + 1024 output tokens. */
const INFERENCE_SCENARIO = {
  model: 'size',
  weightPrecision: 'fp16',
  kvPrecision: 'fp16',
  promptTokens: INFERENCE_CONTEXT / 2,
  outputTokens: INFERENCE_CONTEXT / 2,
  batch: 1,
} as const satisfies ArticleScenario;

const inferenceMemory: ArticleCalculator = {
  id: 'inference-memory',
  headline: '100b-weights',
  articleSection: '5.2',
  compute: () => {
    const memoryRows = ARTICLE_INFERENCE_MODELS.flatMap((model): ArticleResult[] => {
      const memory = articleInferenceMemoryBytes(model.parameters, INFERENCE_CONTEXT);
      const scenario: ArticleScenario = { ...INFERENCE_SCENARIO, params: model.parameters };
      return [
        { key: `${model.key}-weights`, article: articleGigabytesAsLabelled(memory.weights), unit: 'bytes', oursHint: 'inference.weightsBytes', scenario },
        { key: `${model.key}-kv-cache`, article: articleGigabytesAsLabelled(memory.kvCache), unit: 'bytes', oursHint: 'inference.kvCacheBytes', scenario },
        { key: `${model.key}-total`, article: articleGigabytesAsLabelled(memory.total), unit: 'bytes', oursHint: 'inference.totalMemoryBytes', scenario },
      ];
    });
    const throughput = articleThroughput(100);
    // The 100B model at the article's 2048-token context: the scenario of the calculator's link.
    const scenario: ArticleScenario = { ...INFERENCE_SCENARIO, params: B100 };
    return [
      ...memoryRows,
      { key: 'tokens-per-second', article: 100, unit: 'tokens_per_s', oursHint: 'inference.decodeTokensPerSecond', scenario },
      { key: 'tokens-per-day', article: throughput.tokensPerDay, unit: 'tokens', oursHint: 'inference.tokensPerDay', scenario },
      { key: 'usd-per-million', article: throughput.usdPerMillionTokens, unit: 'usd', oursHint: 'inference.costPerMillionTokens', scenario },
      { key: 'daily-revenue-10k-users', article: throughput.dailyRevenue10kUsers, unit: 'usd', oursHint: 'inference.costPerDayUsd', scenario },
    ];
  },
  scenario: { ...INFERENCE_SCENARIO, params: B100 },
};

const moe1t: ArticleCalculator = {
  id: 'moe-1t',
  headline: 'total',
  articleSection: '6.1',
  compute: () => {
    const moe = articleMoe(T1, 8, 2);
    return [
      { key: 'total', article: T1, unit: 'params', oursHint: 'moe.totalParams' },
      { key: 'active', article: moe.activeParameters, unit: 'params', oursHint: 'moe.activeParams' },
      { key: 'efficiency', article: moe.efficiency, unit: 'ratio', oursHint: 'moe.totalOverActive' },
      { key: 'sparsity', article: moe.sparsity, unit: 'ratio', oursHint: 'moe.idleFraction' },
    ];
  },
  // A 155B-shaped dense model whose MLP becomes 8 experts (top-2) totals ≈ 1.000T parameters, the
  // article's size (the overrides turn each layer's FFN into 8 full-size experts, so starting from
  // 1T would make a 6.5T model).
  scenario: { model: 'size', params: 1.55e11, overrides: { experts: 8, expertsPerToken: 2 } },
};

const compressionChain: ArticleCalculator = {
  id: 'compression-chain',
  headline: 'fp32-to-fp16',
  articleSection: '6.2',
  compute: () => {
    const sizes = articleCompressionChain(T1);
    return ARTICLE_COMPRESSION_STAGES.map(
      (stage, index): ArticleResult => ({
        key: stage.key,
        article: sizes[index]?.size ?? T1,
        unit: 'params',
        // The first three stages are quantisation: ours compares bytes, not parameters.
        oursHint: index < 3 ? 'compression.bytes' : 'compression.params',
      }),
    );
  },
  scenario: { model: 'size', params: T1 },
};

/**
 * The article's GPU-memory timeline (§7.1) as data: the card as the article names it, the year
 * it gives, memory in bytes, the model it says the card trains, and the preset that stands for
 * the card (null for the article's future 1 TB card).
 */
export const ARTICLE_GPU_MEMORY_BY_YEAR: readonly {
  key: string;
  year: number;
  gpu: string;
  memoryBytes: number;
  trainsParams: number;
  preset: string | null;
}[] = Object.freeze([
  { key: 'v100-16gb-2018', year: 2018, gpu: 'V100 16GB', memoryBytes: 16e9, trainsParams: 1e9, preset: 'v100-sxm2-32gb' },
  { key: 'a100-40gb-2020', year: 2020, gpu: 'A100 40GB', memoryBytes: 40e9, trainsParams: 1e10, preset: 'a100-sxm-40gb' },
  { key: 'a100-80gb-2022', year: 2022, gpu: 'A100 80GB', memoryBytes: 80e9, trainsParams: 5e10, preset: 'a100-sxm-80gb' },
  { key: 'h100-80gb-2024', year: 2024, gpu: 'H100 80GB', memoryBytes: 80e9, trainsParams: 1e11, preset: 'h100-sxm' },
  { key: 'future-1tb', year: 2026, gpu: '1 TB card', memoryBytes: 1000e9, trainsParams: T1, preset: null },
]);

const gpuMemoryByYear: ArticleCalculator = {
  id: 'gpu-memory-by-year',
  headline: 'h100-80gb-2024',
  articleSection: '7.1',
  compute: () =>
    ARTICLE_GPU_MEMORY_BY_YEAR.map(
      (row): ArticleResult => ({
        key: row.key,
        article: row.trainsParams,
        unit: 'params',
        oursHint: 'hardware.largestTrainableParams',
        scenario: row.preset ? { gpu: row.preset, gpuCount: 1 } : { model: 'article-1t', gpuCount: 1 },
      }),
    ),
  scenario: { gpu: 'h100-sxm', gpuCount: 1 },
};

const deployment100b: ArticleCalculator = {
  id: 'deployment-100b',
  headline: 'memory-per-instance',
  articleSection: '7.2',
  compute: () => {
    const deployment = articleDeployment(B100, 1000);
    return [
      {
        key: 'memory-per-instance',
        article: articleGigabytesAsLabelled(deployment.memoryPerInstanceBytes),
        unit: 'bytes',
        oursHint: 'deployment.memoryPerInstanceBytes',
      },
      { key: 'gpus', article: deployment.gpus, unit: 'gpus', oursHint: 'deployment.gpus' },
      { key: 'power', article: deployment.powerKw, unit: 'kw', oursHint: 'deployment.powerKw' },
      { key: 'monthly-cost', article: deployment.monthlyCostUsd, unit: 'usd', oursHint: 'deployment.monthlyCostUsd' },
    ];
  },
  scenario: { model: 'size', params: B100, weightPrecision: 'fp16', gpu: 'a100-sxm-80gb', requestsPerSecond: 1000, usdPerGpuHour: 5 },
};

/** The article's 13 calculators, in the article's order. Ids are permanent. */
export const ARTICLE_CALCULATORS: readonly ArticleCalculator[] = Object.freeze([
  mlpCounter,
  timeline,
  storage100b,
  architecture100b,
  storage1t,
  training1tCluster,
  chinchillaAllocation,
  trainingCost,
  inferenceMemory,
  moe1t,
  compressionChain,
  gpuMemoryByYear,
  deployment100b,
]);

/** Calculators by id. */
export const ARTICLE_CALCULATORS_BY_ID: ReadonlyMap<string, ArticleCalculator> = new Map(
  ARTICLE_CALCULATORS.map((calculator) => [calculator.id, calculator]),
);

