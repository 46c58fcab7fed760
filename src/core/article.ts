/**
 * The article this explorer grew from, reproduced calculator by calculator.
 *
 * Article: 「大模型的参数规模：千亿级、万亿级参数意味着什么？」 (火山引擎开发者社区). Each calculator
 * below re-implements one of the article's Python snippets with the article's OWN formula and
 * constants, mistakes included (1024³ divisors labelled "GB", "Chinchilla" as 300 × N,
 * 20 × C^0.5, a KV cache of 2 × params × context × 2 bytes, ...), so the `article` section can
 * set the article's figure beside ours with a one-line reason for the difference.
 *
 * Nothing here computes "our" figure: each row names, in `oursHint`, the estimate quantity the
 * view should put beside it (see `OursHint`), and each calculator carries a partial scenario for
 * its one-click link.
 *
 * Units of `article`: plain SI numbers (parameters, bytes, FLOPs, USD, ...). Where the article
 * divides by 1024³ (or 1024⁴) but labels the result "GB" ("TB"), `article` is the figure it
 * shows re-expressed in bytes by its own label: "372.5 GB" → 372.5 × 10⁹ bytes. That keeps the
 * article's figure and ours in one unit, and the GiB-vs-GB gap visible.
 *
 * Pure: no React, no DOM, no store.
 */
import type { PrecisionId } from '../data/types';
import type { Scenario } from '../scenario/scenario';

/** Bibliographic reference of the article. */
export const ARTICLE_REFERENCE = Object.freeze({
  title: '大模型的参数规模：千亿级、万亿级参数意味着什么？',
  titleEn: 'The parameter scale of large models: what do 100B- and 1T-parameter models mean?',
  publisher: '火山引擎开发者社区 (Volcano Engine developer community)',
  language: 'zh-CN',
});

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

/** A partial scenario for a one-click link (field names of `Scenario`). */
export type ArticleScenario = Partial<Scenario>;

export interface ArticleResult {
  /** Stable within its calculator, kebab-case. */
  key: string;
  label: string;
  labelZh: string;
  /** The article's own number, computed with the article's formula, in `unit`. */
  article: number;
  unit: ArticleUnit;
  /** What the article's code prints for this figure (its `print` format), when it prints it. */
  articlePrinted?: string;
  /** What the article's prose, table or comment claims for this figure, when it states one. */
  articleClaim?: string;
  /** Which estimate quantity corresponds. */
  oursHint: OursHint;
  /** A row-specific reason, when it differs from the calculator's. */
  whyDifferent?: string;
  whyDifferentZh?: string;
  /** A row-specific one-click scenario, when it differs from the calculator's. */
  scenario?: ArticleScenario;
}

export interface ArticleCalculator {
  /** kebab-case, permanent (it is in shared links). */
  id: string;
  title: string;
  titleZh: string;
  /** Section of the article the snippet is in. */
  articleSection: string;
  /** The article's formula, as it writes it. */
  articleFormula: string;
  compute(): ArticleResult[];
  scenario: ArticleScenario;
  whyDifferent: string;
  whyDifferentZh: string;
}

// ---------------------------------------------------------------------------------------------
// The article's formulas, one function each, exactly as its Python computes them.
// ---------------------------------------------------------------------------------------------

const GIB = 1024 ** 3;
const TIB = 1024 ** 4;

/** The article's "GB": bytes / 1024³ (a GiB) shown as GB; returned in bytes by that label. */
export function articleGigabytesAsLabelled(bytes: number): number {
  return (bytes / GIB) * 1e9;
}

/** The article's "TB": bytes / 1024⁴ (a TiB) shown as TB; returned in bytes by that label. */
export function articleTerabytesAsLabelled(bytes: number): number {
  return (bytes / TIB) * 1e12;
}

/** §1.1 SimpleNeuralNetwork.count_parameters: w1 + b1 + w2 + b2 = i·h + h + h·o + o. */
export function articleMlpParameters(inputSize: number, hiddenSize: number, outputSize: number): number {
  return inputSize * hiddenSize + hiddenSize + hiddenSize * outputSize + outputSize;
}

/** §2.1 `training_tokens = 300 * billion_params  # Chinchilla定律`. */
export function articleChinchillaTokens(params: number): number {
  return 300 * params;
}

/**
 * §2.2 HundredBillionModel.calculate_parameters:
 *   embedding = vocab · hidden; per layer = 4·h² (QKV + output) + 2·h·4h (FFN) + 2·h (norms);
 *   total = embedding + layers · per layer.
 */
export function articleArchitectureParameters(config: {
  hidden: number;
  layers: number;
  vocab: number;
}): { embedding: number; perLayer: number; total: number } {
  const { hidden, layers, vocab } = config;
  const embedding = vocab * hidden;
  const perLayer = 4 * hidden * hidden + 2 * hidden * (4 * hidden) + 2 * hidden;
  return { embedding, perLayer, total: embedding + layers * perLayer };
}

/** §4.1 chinchilla_optimal_allocation: `20 * (compute_budget ** 0.5)` for BOTH params and tokens. */
export function articleChinchillaAllocation(computeBudget: number): number {
  return 20 * computeBudget ** 0.5;
}

/** §5.1 TrainingCostCalculator: FLOPs = 6 · parameters · tokens. */
export function articleTrainingFlops(parameters: number, tokens: number): number {
  return 6 * parameters * tokens;
}

/** The article's A100: "A100 FP16 Tensor Core", 312 TFLOPS, used at 100 % of peak. */
export const ARTICLE_A100_FLOPS = 312e12;
/** §5.1 `flops_per_dollar=1e15`. */
export const ARTICLE_FLOPS_PER_DOLLAR = 1e15;

/** §5.1 estimate_cost: cost, GPU-hours, GPU-years and the GPUs that finish in one month. */
export function articleTrainingCost(
  parameters: number,
  tokens: number,
  flopsPerDollar: number = ARTICLE_FLOPS_PER_DOLLAR,
): { flops: number; costUsd: number; gpuHours: number; gpuYears: number; gpusForOneMonth: number } {
  const flops = articleTrainingFlops(parameters, tokens);
  const gpuHours = flops / (ARTICLE_A100_FLOPS * 3600);
  const gpuYears = gpuHours / (24 * 365);
  return { flops, costUsd: flops / flopsPerDollar, gpuHours, gpuYears, gpusForOneMonth: gpuYears * 12 };
}

/** §5.2 memory_requirements: weights = params · 2 bytes, KV = 2 · params · context · 2 bytes (raw bytes). */
export function articleInferenceMemoryBytes(
  parameters: number,
  contextLength = 2048,
): { weights: number; kvCache: number; total: number } {
  const weights = parameters * 2;
  const kvCache = 2 * parameters * contextLength * 2;
  return { weights, kvCache, total: weights + kvCache };
}

/** §5.2 throughput_analysis: tokens per day, $ per million, "daily revenue" for 10,000 users. */
export function articleThroughput(tokensPerSecond = 100): {
  tokensPerDay: number;
  usdPerMillionTokens: number;
  dailyRevenue10kUsers: number;
} {
  const tokensPerDay = tokensPerSecond * 3600 * 24;
  const usdPerMillionTokens = 10;
  return { tokensPerDay, usdPerMillionTokens, dailyRevenue10kUsers: ((tokensPerDay * usdPerMillionTokens) / 1e6) * 10000 };
}

/** §6.1 MixtureOfExperts.analyze_efficiency: every parameter inside the experts. */
export function articleMoe(
  totalParameters: number,
  experts: number,
  expertsPerToken: number,
): { activeParameters: number; efficiency: number; sparsity: number } {
  const paramsPerExpert = totalParameters / experts;
  const activeParameters = paramsPerExpert * expertsPerToken;
  return { activeParameters, efficiency: totalParameters / activeParameters, sparsity: 1 - expertsPerToken / experts };
}

/** §6.2 ModelCompression: the article's stages and ratios, applied to the PARAMETER COUNT. */
export const ARTICLE_COMPRESSION_STAGES: readonly { key: string; label: string; labelZh: string; ratio: number }[] =
  Object.freeze([
    { key: 'fp32-to-fp16', label: 'FP32 → FP16', labelZh: 'FP32 → FP16', ratio: 0.5 },
    { key: 'fp16-to-int8', label: 'FP16 → INT8', labelZh: 'FP16 → INT8', ratio: 0.5 },
    { key: 'int8-to-int4', label: 'INT8 → INT4', labelZh: 'INT8 → INT4', ratio: 0.5 },
    { key: 'pruning-50', label: 'Pruning (50%)', labelZh: '剪枝（50%）', ratio: 0.5 },
    { key: 'distillation', label: 'Distillation (small model)', labelZh: '蒸馏（小模型）', ratio: 0.1 },
  ]);

/** §6.2 compression_techniques: `current_size *= ratio` after each stage; the size after each. */
export function articleCompressionChain(originalParameters: number): { key: string; size: number }[] {
  let current = originalParameters;
  return ARTICLE_COMPRESSION_STAGES.map((stage) => {
    current *= stage.ratio;
    return { key: stage.key, size: current };
  });
}

/** §7.2 DeploymentConsiderations.infrastructure_needs (A100 at 312 TFLOPS, 0.4 kW, $5/GPU-hour). */
export function articleDeployment(
  parameters: number,
  requestsPerSecond = 1000,
): { memoryPerInstanceBytes: number; gpus: number; powerKw: number; monthlyCostUsd: number } {
  const flopsPerToken = 2 * parameters;
  const gpus = (flopsPerToken * requestsPerSecond) / ARTICLE_A100_FLOPS;
  return {
    memoryPerInstanceBytes: parameters * 2,
    gpus,
    powerKw: gpus * 0.4,
    monthlyCostUsd: gpus * 5 * 24 * 30,
  };
}

// ---------------------------------------------------------------------------------------------
// The calculators.
// ---------------------------------------------------------------------------------------------

const B100 = 100_000_000_000;
const T1 = 1_000_000_000_000;

const mlpCounter: ArticleCalculator = {
  id: 'mlp-counter',
  title: 'A 1000-2000-500 MLP: counting parameters',
  titleZh: '1000-2000-500 小网络的参数个数',
  articleSection: '1.1',
  articleFormula: 'w1 (1000×2000) + b1 (2000) + w2 (2000×500) + b2 (500)',
  compute: () => [
    {
      key: 'total',
      label: 'Parameters',
      labelZh: '参数数量',
      article: articleMlpParameters(1000, 2000, 500),
      unit: 'params',
      articlePrinted: '参数数量: 3,002,500',
      articleClaim: '约 2.5M 参数',
      oursHint: 'anatomy.mlpParams',
    },
  ],
  scenario: {},
  whyDifferent: 'The code is right (3,002,500, about 3.0M); the comment beside it, "about 2.5M", is not.',
  whyDifferentZh: '代码算得对（3,002,500，约 3.0M）；旁边的注释"约 2.5M"不对。',
};

const timeline: ArticleCalculator = {
  id: 'timeline',
  title: 'Parameter counts over time',
  titleZh: '参数规模演进时间线',
  articleSection: '1.2',
  articleFormula: 'table: BERT-base 1.1亿 (2018), GPT-2 15亿 (2019), GPT-3 1750亿 (2020), GPT-4 ~1.8万亿 (2023)',
  compute: () => [
    {
      key: 'bert-base-2018',
      label: 'BERT-base (2018)',
      labelZh: 'BERT-base（2018）',
      article: 1.1e8,
      unit: 'params',
      articleClaim: '1.1亿',
      oursHint: 'params.total',
      scenario: { model: 'bert-base' },
      whyDifferent: 'Rounded: the checkpoint has 110,106,428 parameters with its pre-training heads.',
      whyDifferentZh: '四舍五入：带预训练头的检查点有 110,106,428 个参数。',
    },
    {
      key: 'gpt-2-2019',
      label: 'GPT-2 (2019)',
      labelZh: 'GPT-2（2019）',
      article: 1.5e9,
      unit: 'params',
      articleClaim: '15亿',
      oursHint: 'params.total',
      scenario: { model: 'gpt-2-xl' },
      whyDifferent: 'Rounded: GPT-2 XL has 1,557,611,200 parameters (the paper says 1542M).',
      whyDifferentZh: '四舍五入：GPT-2 XL 有 1,557,611,200 个参数（论文写 1542M）。',
    },
    {
      key: 'gpt-3-2020',
      label: 'GPT-3 (2020)',
      labelZh: 'GPT-3（2020）',
      article: 1.75e11,
      unit: 'params',
      articleClaim: '1750亿',
      oursHint: 'params.total',
      scenario: { model: 'gpt-3-175b' },
      whyDifferent: "Rounded: the paper's Table 2.1 dimensions give 174.6B with the GPT-2 block.",
      whyDifferentZh: '四舍五入：按论文表 2.1 的尺寸和 GPT-2 结构算得 1746 亿。',
    },
    {
      key: 'gpt-4-2023',
      label: 'GPT-4 (2023)',
      labelZh: 'GPT-4（2023）',
      article: 1.8e12,
      unit: 'params',
      articleClaim: '~1.8万亿',
      oursHint: 'params.total',
      scenario: { model: 'gpt-4-estimate' },
      whyDifferent: 'OpenAI never disclosed it: 1.8T is a third-party leak (SemiAnalysis, 2023), and only ~280B are active per token.',
      whyDifferentZh: 'OpenAI 从未公布：1.8 万亿来自第三方爆料（SemiAnalysis，2023），且每个 token 只激活约 2800 亿。',
    },
  ],
  scenario: { model: 'gpt-3-175b' },
  whyDifferent: 'Published counts are rounded; GPT-4 is an unconfirmed estimate.',
  whyDifferentZh: '公开的参数量是四舍五入的；GPT-4 的数字未经证实。',
};

const storage100b: ArticleCalculator = {
  id: 'storage-100b',
  title: '100B parameters: storage and training tokens',
  titleZh: '千亿参数：存储与训练数据量',
  articleSection: '2.1',
  articleFormula: 'params × 4 / 1024³ "GB" (FP32); params × 2 / 1024³ "GB" (FP16); tokens = 300 × params',
  compute: () => [
    {
      key: 'fp32',
      label: 'FP32 weights',
      labelZh: 'FP32 存储',
      article: articleGigabytesAsLabelled(B100 * 4),
      unit: 'bytes',
      articlePrinted: 'FP32存储需求: 372.5 GB',
      oursHint: 'weights.fp32',
    },
    {
      key: 'fp16',
      label: 'FP16 weights',
      labelZh: 'FP16 存储',
      article: articleGigabytesAsLabelled(B100 * 2),
      unit: 'bytes',
      articlePrinted: 'FP16存储需求: 186.3 GB',
      articleClaim: '需要 200-400GB 显存进行推理',
      oursHint: 'weights.fp16',
    },
    {
      key: 'tokens',
      label: '"Chinchilla" training tokens',
      labelZh: '"Chinchilla" 训练 token 数',
      article: articleChinchillaTokens(B100),
      unit: 'tokens',
      articlePrinted: '理想训练token数: 30,000,000,000,000',
      articleClaim: '训练数据量：2-4万亿 tokens',
      oursHint: 'chinchilla.tokens',
      whyDifferent:
        'Chinchilla is about 20 tokens per parameter (Hoffmann et al. 2022), not 300: 2T tokens for 100B, not 30T (the article\'s own prose says 2–4T).',
      whyDifferentZh: 'Chinchilla 约为每参数 20 个 token（Hoffmann 等，2022），不是 300：100B 对应 2 万亿 token，不是 30 万亿（文章自己的正文也写 2–4 万亿）。',
    },
  ],
  scenario: { model: 'size', params: B100, weightPrecision: 'fp32' },
  whyDifferent: 'GiB (1024³) labelled as GB (10⁹): 100B × 4 bytes is 400 GB (372.5 GiB).',
  whyDifferentZh: '把 GiB（1024³）标成了 GB（10⁹）：100B × 4 字节是 400 GB（372.5 GiB）。',
};

const architecture100b: ArticleCalculator = {
  id: 'architecture-100b',
  title: 'The article\'s "100B" architecture',
  titleZh: '"千亿参数"模型的架构分解',
  articleSection: '2.2',
  articleFormula: 'vocab·h + layers·(4·h² + 2·h·4h + 2·h), h = 12288, layers = 96, vocab = 100000',
  compute: () => {
    const counted = articleArchitectureParameters({ hidden: 12288, layers: 96, vocab: 100000 });
    return [
      {
        key: 'embedding',
        label: 'Embedding',
        labelZh: '嵌入层参数',
        article: counted.embedding,
        unit: 'params',
        oursHint: 'params.embedding',
      },
      {
        key: 'per-layer',
        label: 'Per transformer layer',
        labelZh: '每层参数',
        article: counted.perLayer,
        unit: 'params',
        oursHint: 'params.perLayer',
      },
      {
        key: 'total',
        label: 'Total',
        labelZh: '估计参数量',
        article: counted.total,
        unit: 'params',
        articlePrinted: '估计参数量: 175,177,334,784',
        articleClaim: '千亿参数模型的典型架构分解',
        oursHint: 'params.total',
      },
    ];
  },
  scenario: { model: 'article-100b' },
  whyDifferent:
    "These are GPT-3's dimensions: the article's own formula gives 175B, not 100B; ours also counts biases, the second LayerNorm and position embeddings.",
  whyDifferentZh: '这其实是 GPT-3 的尺寸：按文章自己的公式就是 1752 亿，不是千亿；我们还计入了偏置、第二个 LayerNorm 和位置嵌入。',
};

const storage1t: ArticleCalculator = {
  id: 'storage-1t',
  title: '1T parameters at FP32 / FP16 / INT8 / INT4',
  titleZh: '万亿参数在各精度下的存储',
  articleSection: '3.1',
  articleFormula: 'params × bytes / 1024⁴ "TB" for 4, 2, 1, 0.5 bytes; per token: params × 2 / 1024⁴ "TB"',
  compute: () => {
    const rows: { key: PrecisionId; label: string; bytes: number; printed: string; hint: OursHint }[] = [
      { key: 'fp32', label: 'FP32', bytes: 4, printed: 'FP32: 3.6 TB', hint: 'weights.fp32' },
      { key: 'fp16', label: 'FP16', bytes: 2, printed: 'FP16: 1.8 TB', hint: 'weights.fp16' },
      { key: 'int8', label: 'INT8', bytes: 1, printed: 'INT8: 0.9 TB', hint: 'weights.int8' },
      { key: 'int4', label: 'INT4', bytes: 0.5, printed: 'INT4: 0.5 TB', hint: 'weights.int4' },
    ];
    return [
      ...rows.map(
        (row): ArticleResult => ({
          key: row.key,
          label: `${row.label} weights`,
          labelZh: `${row.label} 存储`,
          article: articleTerabytesAsLabelled(T1 * row.bytes),
          unit: 'bytes',
          articlePrinted: row.printed,
          ...(row.key === 'fp32' ? { articleClaim: 'FP32需4TB' } : {}),
          oursHint: row.hint,
          scenario: { model: 'size', params: T1, weightPrecision: row.key },
        }),
      ),
      {
        key: 'bytes-per-token',
        label: 'Bytes read per generated token',
        labelZh: '单次推理内存访问量',
        article: articleTerabytesAsLabelled(T1 * 2),
        unit: 'bytes',
        articlePrinted: '单次推理内存访问量: 1.8 TB',
        oursHint: 'inference.bytesPerToken',
        whyDifferent:
          'TiB labelled as TB (2 TB at FP16), and only the active parameters plus the KV cache are read per token.',
        whyDifferentZh: '把 TiB 标成了 TB（FP16 下为 2 TB），而且每个 token 只读取激活参数和 KV 缓存。',
        scenario: { model: 'size', params: T1, weightPrecision: 'fp16' },
      },
    ];
  },
  scenario: { model: 'size', params: T1, weightPrecision: 'fp32' },
  whyDifferent: 'TiB (1024⁴) labelled as TB (10¹²): 1T × 4 bytes is 4 TB (3.6 TiB); the summary says 4 TB.',
  whyDifferentZh: '把 TiB（1024⁴）标成了 TB（10¹²）：1T × 4 字节是 4 TB（3.6 TiB）；摘要里又写 4TB。',
};

const training1tCluster: ArticleCalculator = {
  id: 'training-1t-cluster',
  title: 'Training 1T: 512 GPUs, 64 shards',
  titleZh: '万亿参数的分布式训练需求',
  articleSection: '3.2',
  articleFormula: 'GPU memory = 512 × 80 GB; 64 model shards; bandwidth "> 800 Gbps"',
  compute: () => [
    {
      key: 'gpus',
      label: 'GPUs',
      labelZh: 'GPU 数量',
      article: 512,
      unit: 'gpus',
      oursHint: 'training.gpus',
    },
    {
      key: 'cluster-memory',
      label: 'Total GPU memory',
      labelZh: 'GPU 内存总量',
      article: 512 * 80e9,
      unit: 'bytes',
      articlePrinted: 'GPU内存总量: 40960 GB',
      oursHint: 'training.modelStateBytes',
      whyDifferent:
        'Mixed-precision Adam keeps 16 bytes per parameter (ZeRO §3.1): 16 TB of model state for 1T, before activations; 40.96 TB holds it only sharded.',
      whyDifferentZh: '混合精度 Adam 每参数 16 字节（ZeRO §3.1）：1T 需 16 TB 模型状态，还不含激活；40.96 TB 只有切分后才放得下。',
    },
    {
      key: 'shards',
      label: 'Model shards',
      labelZh: '模型分片',
      article: 64,
      unit: 'count',
      articlePrinted: '模型分片: 64',
      oursHint: 'training.shards',
    },
    {
      key: 'bandwidth',
      label: 'Interconnect bandwidth',
      labelZh: '通信带宽',
      article: 800e9 / 8,
      unit: 'bytes_per_s',
      articlePrinted: '通信带宽: > 800 Gbps',
      oursHint: 'hardware.interconnectBytesPerSecond',
      whyDifferent: '800 Gbps is 100 GB/s: an A100 NVLink moves 600 GB/s and an H100 900 GB/s; 800 Gbps is one node-to-node InfiniBand port.',
      whyDifferentZh: '800 Gbps 只有 100 GB/s：A100 的 NVLink 是 600 GB/s，H100 是 900 GB/s；800 Gbps 相当于节点间的一个 InfiniBand 端口。',
    },
  ],
  scenario: {
    model: 'article-1t',
    gpu: 'a100-sxm-80gb',
    gpuCount: 512,
    tensorParallel: 8,
    pipelineParallel: 8,
    zeroStage: 1,
  },
  whyDifferent: 'Whether 1T fits on 512 × 80 GB depends on the optimizer state (16 B/param) and sharding, which the article leaves out.',
  whyDifferentZh: '1T 能否装进 512 × 80 GB 取决于优化器状态（每参数 16 字节）和切分方式，文章没有考虑。',
};

const CHINCHILLA_BUDGETS: readonly { budget: number; printed: string }[] = [
  { budget: 1e18, printed: '20000000000B' },
  { budget: 1e21, printed: '632455532034B' },
  { budget: 1e24, printed: '20000000000000B' },
];

const chinchillaAllocation: ArticleCalculator = {
  id: 'chinchilla-allocation',
  title: '"Chinchilla" compute allocation',
  titleZh: 'Chinchilla 最优分配',
  articleSection: '4.1',
  articleFormula: 'optimal_params = optimal_tokens = 20 × C^0.5, printed with a "B" suffix',
  compute: () =>
    CHINCHILLA_BUDGETS.flatMap(({ budget, printed }): ArticleResult[] => {
      const value = articleChinchillaAllocation(budget);
      const tag = budget.toExponential(0).replace('+', '');
      const scenario: ArticleScenario = { model: 'size', params: Math.sqrt(budget / 120), tokensPerParam: 20 };
      return [
        {
          key: `params-${tag}`,
          label: `Parameters at C = ${tag} FLOPs`,
          labelZh: `C = ${tag} FLOPs 时的参数量`,
          article: value,
          unit: 'params',
          articlePrinted: printed,
          oursHint: 'chinchilla.params',
          scenario,
        },
        {
          key: `tokens-${tag}`,
          label: `Tokens at C = ${tag} FLOPs`,
          labelZh: `C = ${tag} FLOPs 时的 token 数`,
          article: value,
          unit: 'tokens',
          articlePrinted: printed,
          oursHint: 'chinchilla.tokens',
          scenario,
        },
      ];
    }),
  scenario: { model: 'size', params: Math.sqrt(1e24 / 120), tokensPerParam: 20 },
  whyDifferent:
    'With C = 6·N·D and D ≈ 20·N, N = √(C/120) ≈ 0.09·√C and D ≈ 1.8·√C; 20·√C gives N·D = 400·C, not C/6, and the printed "B" adds another factor of 10⁹.',
  whyDifferentZh: '由 C = 6·N·D 且 D ≈ 20·N，得 N = √(C/120) ≈ 0.09·√C、D ≈ 1.8·√C；20·√C 使 N·D = 400·C 而非 C/6，打印的"B"又多乘了 10⁹。',
};

const COST_MODELS: readonly {
  key: string;
  label: string;
  parameters: number;
  tokens: number;
  model: string;
  printed: { flops: string; cost: string; gpuYears: string; gpus: string };
}[] = [
  {
    key: 'gpt-3',
    label: 'GPT-3 (175B)',
    parameters: 175e9,
    tokens: 300e9,
    model: 'gpt-3-175b',
    printed: { flops: '3.15e+23', cost: '$315,000,000', gpuYears: '32.0', gpus: '384' },
  },
  {
    key: '1t',
    label: 'Hypothetical 1T',
    parameters: 1e12,
    tokens: 2e12,
    model: 'article-1t',
    printed: { flops: '1.20e+25', cost: '$12,000,000,000', gpuYears: '1,219.6', gpus: '14635' },
  },
  {
    key: '10t',
    label: 'Hypothetical 10T',
    parameters: 10e12,
    tokens: 20e12,
    model: 'article-10t',
    printed: { flops: '1.20e+27', cost: '$1,200,000,000,000', gpuYears: '121,960.7', gpus: '1463529' },
  },
];

/** The scenario cap on GPUs (RANGES.gpuCount); the 10T case asks for more than a million. */
const MAX_SCENARIO_GPUS = 1e6;

const trainingCost: ArticleCalculator = {
  id: 'training-cost',
  title: 'Training cost: GPT-3, 1T, 10T',
  titleZh: '训练成本：GPT-3、1T、10T',
  articleSection: '5.1',
  articleFormula:
    'FLOPs = 6·N·D; cost = FLOPs / 1e15 per $; GPU-hours = FLOPs / (312e12 × 3600); GPUs for one month = GPU-years × 12',
  compute: () =>
    COST_MODELS.flatMap((model): ArticleResult[] => {
      const cost = articleTrainingCost(model.parameters, model.tokens);
      const gpus = Math.round(cost.gpusForOneMonth);
      const scenario: ArticleScenario = {
        model: model.model,
        tokens: model.tokens,
        gpu: 'a100-sxm-80gb',
        ...(gpus <= MAX_SCENARIO_GPUS ? { gpuCount: gpus } : {}),
      };
      return [
        {
          key: `${model.key}-flops`,
          label: `${model.label}: training FLOPs`,
          labelZh: `${model.label}：训练 FLOPs`,
          article: cost.flops,
          unit: 'flops',
          articlePrinted: model.printed.flops,
          oursHint: 'training.flops',
          scenario,
          whyDifferent:
            model.key === 'gpt-3'
              ? 'Same 6·N·D; GPT-3 has 174.6B parameters and OpenAI reports 3.14e23 FLOPs.'
              : 'Same 6·N·D: only the parameter count of the derived architecture differs.',
          whyDifferentZh:
            model.key === 'gpt-3'
              ? '同为 6·N·D；GPT-3 实有 1746 亿参数，OpenAI 报告 3.14e23 FLOPs。'
              : '同为 6·N·D，只是推导出的架构参数量略有不同。',
        },
        {
          key: `${model.key}-cost`,
          label: `${model.label}: cost`,
          labelZh: `${model.label}：训练成本`,
          article: cost.costUsd,
          unit: 'usd',
          articlePrinted: model.printed.cost,
          oursHint: 'training.costUsd',
          scenario,
          whyDifferent:
            '1e15 FLOPs per dollar is ~200× too dear: an A100 at ~$2/h delivers ~2.2e17 useful FLOPs per dollar at 40% MFU.',
          whyDifferentZh: '每美元 1e15 FLOPs 贵了约 200 倍：约 2 美元/小时的 A100 在 40% MFU 下每美元可完成约 2.2e17 FLOPs。',
        },
        {
          key: `${model.key}-gpu-hours`,
          label: `${model.label}: A100-hours`,
          labelZh: `${model.label}：A100 卡时`,
          article: cost.gpuHours,
          unit: 'gpu_hours',
          articlePrinted: `${model.printed.gpuYears} GPU-years`,
          oursHint: 'training.gpuHours',
          scenario,
        },
        {
          key: `${model.key}-gpus-one-month`,
          label: `${model.label}: GPUs to finish in a month`,
          labelZh: `${model.label}：一个月训完所需 GPU`,
          article: cost.gpusForOneMonth,
          unit: 'gpus',
          articlePrinted: model.printed.gpus,
          oursHint: 'training.gpusForDuration',
          scenario,
        },
      ];
    }),
  scenario: { model: 'gpt-3-175b', tokens: 300e9, gpu: 'a100-sxm-80gb', gpuCount: 384 },
  whyDifferent: 'An A100 never runs at 100% of peak: MFU is 30–50% in practice, so GPU-hours are 2–3× the article\'s.',
  whyDifferentZh: 'A100 不可能跑满峰值：实际 MFU 约 30–50%，所以卡时是文章的 2–3 倍。',
};

const INFERENCE_MODELS: readonly {
  key: string;
  label: string;
  parameters: number;
  printed: { weights: string; kv: string; total: string };
}[] = [
  { key: '100b', label: '100B', parameters: B100, printed: { weights: '186.3 GB', kv: '762939.5 GB', total: '763125.7 GB' } },
  { key: '1t', label: '1T', parameters: T1, printed: { weights: '1862.6 GB', kv: '7629394.5 GB', total: '7631257.2 GB' } },
];

const INFERENCE_CONTEXT = 2048;

const inferenceMemory: ArticleCalculator = {
  id: 'inference-memory',
  title: 'Inference memory and throughput for 100B and 1T',
  titleZh: '100B 与 1T 的推理内存与吞吐',
  articleSection: '5.2',
  articleFormula:
    'weights = params × 2 / 1024³ "GB"; KV = 2 × params × 2048 × 2 / 1024³ "GB"; 100 tokens/s × 86400; $10 per million; × 10,000 users',
  compute: () => {
    const memoryRows = INFERENCE_MODELS.flatMap((model): ArticleResult[] => {
      const memory = articleInferenceMemoryBytes(model.parameters, INFERENCE_CONTEXT);
      const scenario: ArticleScenario = {
        model: 'size',
        params: model.parameters,
        weightPrecision: 'fp16',
        kvPrecision: 'fp16',
        promptTokens: INFERENCE_CONTEXT / 2,
        outputTokens: INFERENCE_CONTEXT / 2,
        batch: 1,
      };
      return [
        {
          key: `${model.key}-weights`,
          label: `${model.label}: FP16 weights`,
          labelZh: `${model.label}：FP16 权重`,
          article: articleGigabytesAsLabelled(memory.weights),
          unit: 'bytes',
          articlePrinted: `model_weights: ${model.printed.weights}`,
          oursHint: 'inference.weightsBytes',
          scenario,
          whyDifferent: 'GiB (1024³) labelled as GB (10⁹).',
          whyDifferentZh: '把 GiB（1024³）标成了 GB（10⁹）。',
        },
        {
          key: `${model.key}-kv-cache`,
          label: `${model.label}: KV cache at 2048 tokens`,
          labelZh: `${model.label}：2048 token 的 KV 缓存`,
          article: articleGigabytesAsLabelled(memory.kvCache),
          unit: 'bytes',
          articlePrinted: `kv_cache: ${model.printed.kv}`,
          oursHint: 'inference.kvCacheBytes',
          scenario,
        },
        {
          key: `${model.key}-total`,
          label: `${model.label}: total memory`,
          labelZh: `${model.label}：总内存`,
          article: articleGigabytesAsLabelled(memory.total),
          unit: 'bytes',
          articlePrinted: `total_memory: ${model.printed.total}`,
          oursHint: 'inference.totalMemoryBytes',
          scenario,
        },
      ];
    });
    const throughput = articleThroughput(100);
    const throughputScenario: ArticleScenario = { model: 'size', params: B100, weightPrecision: 'fp16', batch: 1 };
    return [
      ...memoryRows,
      {
        key: 'tokens-per-second',
        label: 'Assumed decode speed',
        labelZh: '假设的生成速度',
        article: 100,
        unit: 'tokens_per_s',
        oursHint: 'inference.decodeTokensPerSecond',
        scenario: throughputScenario,
        whyDifferent: 'Assumed, not derived: one stream decodes at about bandwidth × efficiency / bytes per token.',
        whyDifferentZh: '这是假设而非推导：单路生成速度约为 带宽 × 效率 / 每 token 读取字节数。',
      },
      {
        key: 'tokens-per-day',
        label: 'Tokens per day (one stream)',
        labelZh: '每日吞吐（单路）',
        article: throughput.tokensPerDay,
        unit: 'tokens',
        articlePrinted: 'daily_throughput: 8,640,000 tokens',
        oursHint: 'inference.tokensPerDay',
        scenario: throughputScenario,
      },
      {
        key: 'usd-per-million',
        label: 'Price per million tokens',
        labelZh: '每百万 token 价格',
        article: throughput.usdPerMillionTokens,
        unit: 'usd',
        articlePrinted: 'cost_per_million: $10',
        oursHint: 'inference.costPerMillionTokens',
        scenario: throughputScenario,
        whyDifferent: 'Assumed; ours is the GPU cost of generating a million tokens on the chosen hardware.',
        whyDifferentZh: '这是假设值；我们的是在所选硬件上生成一百万 token 的 GPU 成本。',
      },
      {
        key: 'daily-revenue-10k-users',
        label: '"Daily revenue" for 10,000 users',
        labelZh: '1 万用户的"日收入"',
        article: throughput.dailyRevenue10kUsers,
        unit: 'usd',
        articlePrinted: 'daily_revenue_10k_users: $864000',
        oursHint: 'inference.costPerDayUsd',
        scenario: throughputScenario,
        whyDifferent:
          'Revenue at an assumed price, as if each of 10,000 users had a dedicated 100 tokens/s stream all day; ours is what serving that many tokens costs.',
        whyDifferentZh: '按假设价格算收入，好像 1 万个用户各自整天独占一条 100 token/s 的流；我们算的是生成这么多 token 的成本。',
      },
    ];
  },
  scenario: {
    model: 'size',
    params: B100,
    weightPrecision: 'fp16',
    kvPrecision: 'fp16',
    promptTokens: INFERENCE_CONTEXT / 2,
    outputTokens: INFERENCE_CONTEXT / 2,
    batch: 1,
  },
  whyDifferent:
    'KV cache per token depends on layers × kv heads × head dim, not on the parameter count: a few MB per token at most (GPT-3 175B: 4.7 MB), about 10⁵× less than 2 × params × 2 bytes.',
  whyDifferentZh: '每个 token 的 KV 缓存取决于 层数 × KV 头数 × 头维度，与参数量无关：最多几 MB/token（GPT-3 175B 为 4.7 MB），比 2 × 参数 × 2 字节小约 10⁵ 倍。',
};

const moe1t: ArticleCalculator = {
  id: 'moe-1t',
  title: 'A 1T mixture of experts: 8 experts, 2 active',
  titleZh: '1 万亿参数 MoE（8 个专家，激活 2 个）',
  articleSection: '6.1',
  articleFormula: 'params_per_expert = total / experts; active = params_per_expert × 2; efficiency = total / active',
  compute: () => {
    const moe = articleMoe(T1, 8, 2);
    return [
      {
        key: 'total',
        label: 'Total parameters',
        labelZh: '总参数',
        article: T1,
        unit: 'params',
        articlePrinted: 'total_parameters: 1e+12',
        oursHint: 'moe.totalParams',
      },
      {
        key: 'active',
        label: 'Active parameters per token',
        labelZh: '每 token 激活参数',
        article: moe.activeParameters,
        unit: 'params',
        articlePrinted: 'active_parameters_per_token: 2e+11',
        oursHint: 'moe.activeParams',
        whyDifferent:
          'The article computes 1T / 8 × 2 = 2.5e11 and prints it rounded to "2e+11"; with shared attention and embeddings the active share is larger still.',
        whyDifferentZh: '文章算出 1T / 8 × 2 = 2.5e11，打印时四舍五入成"2e+11"；再算上共享的注意力和嵌入，激活比例还要更高。',
      },
      {
        key: 'efficiency',
        label: 'Total / active',
        labelZh: '效率提升',
        article: moe.efficiency,
        unit: 'ratio',
        articlePrinted: 'efficiency_improvement: 4.0x',
        oursHint: 'moe.totalOverActive',
      },
      {
        key: 'sparsity',
        label: 'Idle fraction per token',
        labelZh: '稀疏度',
        article: moe.sparsity,
        unit: 'ratio',
        articlePrinted: 'sparsity: 75.0%',
        oursHint: 'moe.idleFraction',
      },
    ];
  },
  // A 155B-shaped dense model whose MLP becomes 8 experts (top-2) totals ≈ 1.000T parameters, the
  // article's size (the overrides turn each layer's FFN into 8 full-size experts, so starting from
  // 1T would make a 6.5T model).
  scenario: { model: 'size', params: 1.55e11, overrides: { experts: 8, expertsPerToken: 2 } },
  whyDifferent:
    'MoE: attention, norms and embeddings are shared, not inside experts, so more than 2/8 is active (Mixtral 8x7B: 12.9B of 46.7B = 28%).',
  whyDifferentZh: 'MoE 中注意力、归一化和嵌入是共享的，不在专家里，所以激活比例高于 2/8（Mixtral 8x7B：46.7B 中激活 12.9B，约 28%）。',
};

const COMPRESSION_PRINTED = [
  'FP32 → FP16: 5.00e+11 params',
  'FP16 → INT8: 2.50e+11 params',
  'INT8 → INT4: 1.25e+11 params',
  'Pruning (50%): 6.25e+10 params',
  'Distillation (小模型): 6.25e+09 params',
];

const compressionChain: ArticleCalculator = {
  id: 'compression-chain',
  title: 'Compression chain on 1T',
  titleZh: '万亿参数模型的压缩链',
  articleSection: '6.2',
  articleFormula: 'size ×= 0.5 (FP32→FP16), 0.5 (→INT8), 0.5 (→INT4), 0.5 (pruning 50%), 0.1 (distillation)',
  compute: () => {
    const sizes = articleCompressionChain(T1);
    return ARTICLE_COMPRESSION_STAGES.map((stage, index): ArticleResult => {
      const quantisation = index < 3;
      const size = sizes[index]?.size ?? T1;
      return {
        key: stage.key,
        label: `After ${stage.label}`,
        labelZh: `${stage.labelZh} 之后`,
        article: size,
        unit: 'params',
        articlePrinted: COMPRESSION_PRINTED[index] ?? '',
        oursHint: quantisation ? 'compression.bytes' : 'compression.params',
        ...(quantisation
          ? {
              whyDifferent:
                'Quantisation shrinks bytes per parameter, not the number of parameters: still 1T parameters, now in fewer bytes.',
              whyDifferentZh: '量化减少的是每个参数的字节数，不是参数个数：仍是 1 万亿参数，只是占用字节更少。',
            }
          : {}),
      };
    });
  },
  scenario: { model: 'size', params: T1 },
  whyDifferent:
    'Applied to the parameter count, quantisation wrongly removes parameters: in bytes the chain ends at 1T × 0.5 × 0.1 = 50B parameters at 4 bits = 25 GB, not 6.25B parameters.',
  whyDifferentZh: '把压缩比乘到参数个数上，量化就被误算成删参数：按字节算，链条终点是 1T × 0.5 × 0.1 = 500 亿参数 × 4 位 = 25 GB，而不是 62.5 亿参数。',
};

const GPU_YEARS: readonly {
  key: string;
  year: number;
  gpuLabel: string;
  memoryGb: number;
  trains: number;
  claim: string;
  gpu: string | null;
  why: string;
  whyZh: string;
}[] = [
  {
    key: 'v100-16gb-2018',
    year: 2018,
    gpuLabel: 'V100 16GB',
    memoryGb: 16,
    trains: 1e9,
    claim: '2018: V100 16GB → 可训练 1B 模型',
    gpu: 'v100-sxm2-32gb',
    why: 'Right for mixed-precision Adam on one card: 16 GB / 16 bytes per parameter = 1B (before activations). The V100 shipped with 16 GB in 2017 (the preset is the 32 GB card).',
    whyZh: '单卡混合精度 Adam 下是对的：16 GB / 每参数 16 字节 = 10 亿（不含激活）。V100 16GB 于 2017 年发布（预设为 32GB 版）。',
  },
  {
    key: 'a100-40gb-2020',
    year: 2020,
    gpuLabel: 'A100 40GB',
    memoryGb: 40,
    trains: 1e10,
    claim: '2020: A100 40GB → 可训练 10B 模型',
    gpu: 'a100-sxm-40gb',
    why: '40 GB / 16 bytes per parameter = 2.5B on one card, not 10B; 10B needs sharding over several cards (ZeRO).',
    whyZh: '单卡 40 GB / 每参数 16 字节 = 25 亿，不是 100 亿；100 亿需要多卡切分（ZeRO）。',
  },
  {
    key: 'a100-80gb-2022',
    year: 2022,
    gpuLabel: 'A100 80GB',
    memoryGb: 80,
    trains: 5e10,
    claim: '2022: A100 80GB → 可训练 50B 模型',
    gpu: 'a100-sxm-80gb',
    why: '80 GB / 16 bytes = 5B on one card, not 50B; and the A100 80GB was announced in November 2020.',
    whyZh: '单卡 80 GB / 16 字节 = 50 亿，不是 500 亿；且 A100 80GB 于 2020 年 11 月发布。',
  },
  {
    key: 'h100-80gb-2024',
    year: 2024,
    gpuLabel: 'H100 80GB',
    memoryGb: 80,
    trains: 1e11,
    claim: '2024: H100 80GB → 可训练 100B+ 模型',
    gpu: 'h100-sxm',
    why: 'Same 80 GB as the A100 80GB, so the same 5B on one card; the H100 is faster, not larger (announced 2022).',
    whyZh: '与 A100 80GB 一样是 80 GB，单卡同样约 50 亿；H100 更快但显存不更大（2022 年发布）。',
  },
  {
    key: 'future-1tb',
    year: 2026,
    gpuLabel: '1 TB card',
    memoryGb: 1000,
    trains: T1,
    claim: '未来: 需要 1TB+ 内存单卡支持万亿模型',
    gpu: null,
    why: '1T parameters need 2 TB for FP16 inference and about 16 TB of model state to train; 1 TB holds 62.5B for training.',
    whyZh: '1 万亿参数 FP16 推理就需 2 TB，训练约需 16 TB 模型状态；1 TB 只够训练 625 亿参数。',
  },
];

const gpuMemoryByYear: ArticleCalculator = {
  id: 'gpu-memory-by-year',
  title: 'GPU memory by year and what it trains',
  titleZh: 'GPU 显存发展轨迹',
  articleSection: '7.1',
  articleFormula: 'V100 16GB → 1B; A100 40GB → 10B; A100 80GB → 50B; H100 80GB → 100B+; future: 1TB+ for 1T',
  compute: () =>
    GPU_YEARS.map(
      (row): ArticleResult => ({
        key: row.key,
        label: `${row.gpuLabel} (${row.year}): trainable model`,
        labelZh: `${row.gpuLabel}（${row.year}）：可训练模型`,
        article: row.trains,
        unit: 'params',
        articleClaim: row.claim,
        oursHint: 'hardware.largestTrainableParams',
        whyDifferent: row.why,
        whyDifferentZh: row.whyZh,
        scenario: row.gpu ? { gpu: row.gpu, gpuCount: 1 } : { model: 'article-1t', gpuCount: 1 },
      }),
    ),
  scenario: { gpu: 'h100-sxm', gpuCount: 1 },
  whyDifferent: 'Training keeps about 16 bytes per parameter (weights, gradients, Adam states), so one card trains memory / 16 parameters.',
  whyDifferentZh: '训练时每个参数约占 16 字节（权重、梯度、Adam 状态），所以单卡可训练的参数约为 显存 / 16。',
};

/** The article's GPU-memory timeline (§7.1) as data: card, year it gives, memory in bytes, the model it says the card trains. */
export const ARTICLE_GPU_MEMORY_BY_YEAR: readonly { key: string; year: number; gpu: string; memoryBytes: number; trainsParams: number }[] =
  Object.freeze(GPU_YEARS.map((row) => ({ key: row.key, year: row.year, gpu: row.gpuLabel, memoryBytes: row.memoryGb * 1e9, trainsParams: row.trains })));

const deployment100b: ArticleCalculator = {
  id: 'deployment-100b',
  title: 'Deploying 100B at 1000 requests/s',
  titleZh: '100B 模型部署（1000 QPS）',
  articleSection: '7.2',
  articleFormula: 'GPUs = 2 × params × qps / 312e12; power = GPUs × 0.4 kW; cost = GPUs × $5 × 24 × 30',
  compute: () => {
    const deployment = articleDeployment(B100, 1000);
    return [
      {
        key: 'memory-per-instance',
        label: 'Memory per instance (FP16)',
        labelZh: '每实例内存（FP16）',
        article: articleGigabytesAsLabelled(deployment.memoryPerInstanceBytes),
        unit: 'bytes',
        articlePrinted: 'memory_per_instance: 186 GB',
        oursHint: 'deployment.memoryPerInstanceBytes',
        whyDifferent: 'GiB labelled as GB: 100B × 2 bytes is 200 GB, three 80 GB cards for the weights alone.',
        whyDifferentZh: '把 GiB 标成了 GB：100B × 2 字节是 200 GB，仅权重就要三张 80 GB 的卡。',
      },
      {
        key: 'gpus',
        label: 'GPUs for the load',
        labelZh: '目标负载所需 GPU',
        article: deployment.gpus,
        unit: 'gpus',
        articlePrinted: 'gpus_for_target_qps: 0.6',
        oursHint: 'deployment.gpus',
      },
      {
        key: 'power',
        label: 'Power',
        labelZh: '功耗',
        article: deployment.powerKw,
        unit: 'kw',
        articlePrinted: 'estimated_power_consumption: 0.3 kW',
        oursHint: 'deployment.powerKw',
      },
      {
        key: 'monthly-cost',
        label: 'Monthly cloud cost',
        labelZh: '每月云成本',
        article: deployment.monthlyCostUsd,
        unit: 'usd',
        articlePrinted: 'monthly_cloud_cost: $2,308',
        oursHint: 'deployment.monthlyCostUsd',
      },
    ];
  },
  scenario: {
    model: 'size',
    params: B100,
    weightPrecision: 'fp16',
    gpu: 'a100-sxm-80gb',
    requestsPerSecond: 1000,
    usdPerGpuHour: 5,
  },
  whyDifferent:
    '1000 requests/s are counted as 1000 tokens/s at 100% of peak FLOPs, and 0.6 GPU cannot hold 186 GB of weights: decode is memory-bound.',
  whyDifferentZh: '把每秒 1000 个请求当成每秒 1000 个 token，且按 100% 峰值算力；0.6 张卡也装不下 186 GB 权重——生成阶段受内存带宽限制。',
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
