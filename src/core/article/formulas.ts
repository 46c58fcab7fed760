/**
 * The article's formulas, one function each, exactly as its Python computes them — mistakes
 * included (1024³ divisors labelled "GB", "Chinchilla" as 300 × N, 20 × C^0.5, a KV cache of
 * 2 × params × context × 2 bytes, ...).
 *
 * Units: plain SI numbers (parameters, bytes, FLOPs, USD, ...). Where the article divides by
 * 1024³ (or 1024⁴) but labels the result "GB" ("TB"), the figure it shows is re-expressed in bytes
 * by its own label: "372.5 GB" → 372.5 × 10⁹ bytes. That keeps the article's figure and ours in
 * one unit, and the GiB-vs-GB gap visible.
 */

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

/**
 * §6.2 ModelCompression: the article's stages and ratios, applied to the PARAMETER COUNT
 * (FP32 → FP16, FP16 → INT8, INT8 → INT4, pruning 50%, distillation to a small model).
 */
export const ARTICLE_COMPRESSION_STAGES: readonly { key: string; ratio: number }[] = Object.freeze([
  { key: 'fp32-to-fp16', ratio: 0.5 },
  { key: 'fp16-to-int8', ratio: 0.5 },
  { key: 'int8-to-int4', ratio: 0.5 },
  { key: 'pruning-50', ratio: 0.5 },
  { key: 'distillation', ratio: 0.1 },
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
