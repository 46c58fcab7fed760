/**
 * Shapes of the article's calculators. The core holds their computations only (figures, units,
 * the estimate quantity each is set beside, one-click scenarios); the words (titles, labels,
 * what the article prints, why we differ) live with the article section in `features/article`.
 */
import type { EstimateInput } from '../input';

/** Units of an article figure. */
export type ArticleUnit =
  | 'params'
  | 'bytes'
  | 'flops'
  | 'usd'
  | 'gpus'
  | 'tokens'
  | 'kw'
  | 'tokens_per_s'
  | 'ratio'
  | 'count'
  | 'gpu_hours'
  | 'bytes_per_s';

/**
 * The estimate quantity that corresponds to an article row (what the view puts beside it).
 * - `anatomy.mlpParams`: parameters of the anatomy section's small MLP (1000-2000-500 here).
 * - `params.total` / `params.embedding` / `params.perLayer`: countParameters of the scenario's model.
 * - `weights.<precision>`: bytes of the weights at that precision.
 * - `chinchilla.params` / `chinchilla.tokens`: compute-optimal N and D for the row's FLOPs.
 * - `training.*`: 6·N·D FLOPs, GPU-hours at the scenario's MFU, GPUs needed for the row's
 *   duration, cost, model-state bytes (16 B/param), shards (TP × PP), GPUs of the run.
 * - `hardware.interconnectBytesPerSecond`: the accelerator's scale-up bandwidth.
 * - `inference.*`: weight bytes, KV-cache bytes for the context, their sum, bytes read per
 *   generated token, decode tokens/s, tokens per day, cost per million tokens, cost per day.
 * - `moe.*`: total and active parameters, total / active, fraction of parameters idle per token.
 * - `compression.params` / `compression.bytes`: the parameter count / bytes after the stage.
 * - `hardware.memoryBytes` / `hardware.largestTrainableParams`: the card's memory and the largest
 *   model whose mixed-precision Adam state (16 B/param) fits on it.
 * - `deployment.*`: memory per instance, GPUs for the load, power, monthly cost.
 */
export type OursHint =
  | 'anatomy.mlpParams'
  | 'params.total'
  | 'params.embedding'
  | 'params.perLayer'
  | 'weights.fp32'
  | 'weights.fp16'
  | 'weights.int8'
  | 'weights.int4'
  | 'chinchilla.params'
  | 'chinchilla.tokens'
  | 'training.flops'
  | 'training.costUsd'
  | 'training.gpuHours'
  | 'training.gpusForDuration'
  | 'training.modelStateBytes'
  | 'training.shards'
  | 'training.gpus'
  | 'hardware.interconnectBytesPerSecond'
  | 'inference.weightsBytes'
  | 'inference.kvCacheBytes'
  | 'inference.totalMemoryBytes'
  | 'inference.bytesPerToken'
  | 'inference.decodeTokensPerSecond'
  | 'inference.tokensPerDay'
  | 'inference.costPerMillionTokens'
  | 'inference.costPerDayUsd'
  | 'moe.totalParams'
  | 'moe.activeParams'
  | 'moe.totalOverActive'
  | 'moe.idleFraction'
  | 'compression.params'
  | 'compression.bytes'
  | 'hardware.memoryBytes'
  | 'hardware.largestTrainableParams'
  | 'deployment.memoryPerInstanceBytes'
  | 'deployment.gpus'
  | 'deployment.powerKw'
  | 'deployment.monthlyCostUsd';

/** A partial input for a one-click link (field names of the scenario). */
export type ArticleScenario = Partial<EstimateInput>;

/** The 13 calculators' permanent ids (they are in shared links), in the article's order. */
export const ARTICLE_CALCULATOR_IDS = [
  'mlp-counter',
  'timeline',
  'storage-100b',
  'architecture-100b',
  'storage-1t',
  'training-1t-cluster',
  'chinchilla-allocation',
  'training-cost',
  'inference-memory',
  'moe-1t',
  'compression-chain',
  'gpu-memory-by-year',
  'deployment-100b',
] as const;

export type ArticleCalculatorId = (typeof ARTICLE_CALCULATOR_IDS)[number];

export interface ArticleResult {
  /** Stable within its calculator, kebab-case (the key of its words in `features/article`). */
  key: string;
  /** The article's own number, computed with the article's formula, in `unit`. */
  article: number;
  unit: ArticleUnit;
  /** Which estimate quantity corresponds. */
  oursHint: OursHint;
  /** A row-specific one-click scenario, when it differs from the calculator's. */
  scenario?: ArticleScenario;
}

export interface ArticleCalculator {
  /** kebab-case, permanent (it is in shared links). */
  id: ArticleCalculatorId;
  /** Section of the article the snippet is in. */
  articleSection: string;
  compute(): ArticleResult[];
  scenario: ArticleScenario;
  /**
   * Key of the row the one-click link stands for: a row computed for exactly `scenario`, so the
   * page, once the link is opened, shows that row's figure.
   */
  headline: string;
}
