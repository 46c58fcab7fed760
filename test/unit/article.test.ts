import { describe, expect, it } from 'vitest';
import {
  ARTICLE_CALCULATORS,
  ARTICLE_CALCULATORS_BY_ID,
  articleArchitectureParameters,
  articleChinchillaAllocation,
  articleCompressionChain,
  articleDeployment,
  articleInferenceMemoryBytes,
  articleMlpParameters,
  articleMoe,
  articleTrainingCost,
  type ArticleCalculatorId,
  type ArticleResult,
  type ArticleScenario,
} from '../../src/core/article';
import { ARTICLE_TEXT, articleRowText, type ArticleRowText } from '../../src/features/article/article.text';
import { HARDWARE_BY_ID } from '../../src/data/hardware';
import { MODELS_BY_ID } from '../../src/data/models';
import { PRECISIONS } from '../../src/data/precisions';
import { DEFAULT_SCENARIO, RANGES } from '../../src/scenario/scenario';

/**
 * Every figure below is the article's own arithmetic, re-done by hand from its Python (§ numbers
 * are the article's sections), and the string is what its `print` shows for it — the article
 * divides by 1024³ / 1024⁴ and writes "GB" / "TB"; `article` holds that figure in bytes by its
 * own label, so `article / 1e9` is the printed "GB" number.
 */

const IDS = [
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
];

/** A calculator row's figures (core) with its words (features/article). */
type Row = ArticleResult & ArticleRowText;

function rows(id: ArticleCalculatorId): Map<string, Row> {
  const calculator = ARTICLE_CALCULATORS_BY_ID.get(id);
  if (!calculator) throw new Error(`no calculator ${id}`);
  return new Map(calculator.compute().map((result) => [result.key, { ...result, ...articleRowText(id, result.key) }]));
}

function row(id: ArticleCalculatorId, key: string): Row {
  const found = rows(id).get(key);
  if (!found) throw new Error(`no row ${id}/${key}`);
  return found;
}

/** Python's f"{x:.{digits}e}" (two-digit exponent, as Python prints it). */
function pythonExponential(x: number, digits: number): string {
  return x.toExponential(digits).replace(/e([+-])(\d+)$/, (_, sign: string, exponent: string) => `e${sign}${exponent.padStart(2, '0')}`);
}

/** Python's f"{x:,.{digits}f}". */
function pythonFixed(x: number, digits: number, grouping = false): string {
  return grouping
    ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : x.toFixed(digits);
}

describe('ARTICLE_CALCULATORS: shape', () => {
  it('has the 13 calculators with their permanent ids, in the article order', () => {
    expect(ARTICLE_CALCULATORS.map((c) => c.id)).toEqual(IDS);
  });

  it('gives every row a finite figure, a unit and the estimate quantity to compare', () => {
    for (const calculator of ARTICLE_CALCULATORS) {
      const results = calculator.compute();
      expect(results.length, calculator.id).toBeGreaterThan(0);
      expect(new Set(results.map((r) => r.key)).size, calculator.id).toBe(results.length);
      for (const result of results) {
        const what = `${calculator.id}/${result.key}`;
        expect(result.key, what).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(Number.isFinite(result.article), what).toBe(true);
        expect(result.article, what).toBeGreaterThan(0);
        expect(result.oursHint.length, what).toBeGreaterThan(0);
      }
      // compute() is pure: same figures every call.
      expect(calculator.compute()).toEqual(results);
    }
  });

  it('has the words of every calculator and of exactly its rows, in both languages (features/article)', () => {
    for (const calculator of ARTICLE_CALCULATORS) {
      const text = ARTICLE_TEXT[calculator.id];
      expect(text.title.length, calculator.id).toBeGreaterThan(0);
      expect(text.titleZh.length, calculator.id).toBeGreaterThan(0);
      expect(text.formula.length, calculator.id).toBeGreaterThan(0);
      expect(text.whyDifferent.length, calculator.id).toBeGreaterThan(10);
      expect(text.whyDifferentZh.length, calculator.id).toBeGreaterThan(5);
      const keys = calculator.compute().map((result) => result.key);
      expect(Object.keys(text.rows).sort(), calculator.id).toEqual([...keys].sort());
      for (const key of keys) {
        const words = text.rows[key]!;
        const what = `${calculator.id}/${key}`;
        expect(words.label.length, what).toBeGreaterThan(0);
        expect(words.labelZh.length, what).toBeGreaterThan(0);
        expect(Boolean(words.whyDifferent) === Boolean(words.whyDifferentZh), what).toBe(true);
      }
    }
    expect(Object.keys(ARTICLE_TEXT).sort()).toEqual([...IDS].sort());
  });

  describe('links to scenarios the explorer can open', () => {
    const scenarios: ArticleScenario[] = ARTICLE_CALCULATORS.flatMap((c) => [c.scenario, ...c.compute().map((r) => r.scenario ?? {})]);
    const values = <K extends keyof ArticleScenario>(key: K): NonNullable<ArticleScenario[K]>[] =>
      scenarios.map((scenario) => scenario[key]).filter((value): value is NonNullable<ArticleScenario[K]> => value !== undefined);

    it('uses scenario fields only', () => {
      const scenarioKeys = new Set(Object.keys(DEFAULT_SCENARIO));
      const keys = scenarios.flatMap((scenario) => Object.keys(scenario));
      expect(keys.length).toBeGreaterThan(50);
      for (const key of keys) expect(scenarioKeys.has(key), key).toBe(true);
    });
    it('names preset models and accelerators that exist, and known precisions', () => {
      const models = values('model').filter((model) => model !== 'size');
      expect(models.length).toBeGreaterThan(5);
      for (const model of models) expect(MODELS_BY_ID.has(model), model).toBe(true);
      const gpus = values('gpu');
      expect(gpus.length).toBeGreaterThan(5);
      for (const gpu of gpus) expect(HARDWARE_BY_ID.has(gpu), gpu).toBe(true);
      const precisions = values('weightPrecision');
      expect(precisions.length).toBeGreaterThan(5);
      for (const precision of precisions) expect(PRECISIONS[precision], precision).toBeDefined();
    });
    it('keeps sizes and GPU counts inside the scenario ranges', () => {
      const params = values('params');
      expect(params.length).toBeGreaterThan(5);
      for (const value of params) {
        expect(value).toBeGreaterThanOrEqual(RANGES.params[0]);
        expect(value).toBeLessThanOrEqual(RANGES.params[1]);
      }
      const gpuCounts = values('gpuCount');
      expect(gpuCounts.length).toBeGreaterThan(5);
      for (const value of gpuCounts) {
        expect(Number.isInteger(value), String(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(RANGES.gpuCount[0]);
        expect(value).toBeLessThanOrEqual(RANGES.gpuCount[1]);
      }
    });
  });
});

describe('ARTICLE_CALCULATORS: the figures the article prints', () => {
  it('§1.1 MLP: its code gives 3,002,500 although its comment says "约 2.5M"', () => {
    // 1000·2000 + 2000 + 2000·500 + 500, as the article's code prints it.
    expect(articleMlpParameters(1000, 2000, 500)).toBe(3_002_500);
    const total = row('mlp-counter', 'total');
    expect(total.article).toBe(3_002_500);
    expect(total.printed).toBe(`参数数量: ${(3_002_500).toLocaleString('en-US')}`);
    expect(total.claim).toBe('约 2.5M 参数');
  });

  it('§1.2 timeline: 1.1亿, 15亿, 1750亿, ~1.8万亿', () => {
    const r = rows('timeline');
    expect(r.get('bert-base-2018')?.article).toBe(110e6);
    expect(r.get('gpt-2-2019')?.article).toBe(1.5e9);
    expect(r.get('gpt-3-2020')?.article).toBe(175e9);
    expect(r.get('gpt-4-2023')?.article).toBe(1.8e12);
    expect(r.get('gpt-4-2023')?.scenario?.model).toBe('gpt-4-estimate');
  });

  it('§2.1 100B: 372.5 "GB" FP32, 186.3 "GB" FP16 (÷1024³), 300 × N tokens', () => {
    const fp32 = row('storage-100b', 'fp32');
    expect(fp32.article / 1e9).toBeCloseTo((100e9 * 4) / 1024 ** 3, 9);
    expect(pythonFixed(fp32.article / 1e9, 1)).toBe('372.5');
    expect(fp32.printed).toBe('FP32存储需求: 372.5 GB');
    const fp16 = row('storage-100b', 'fp16');
    expect(pythonFixed(fp16.article / 1e9, 1)).toBe('186.3');
    expect(fp16.printed).toBe('FP16存储需求: 186.3 GB');
    const tokens = row('storage-100b', 'tokens');
    expect(tokens.article).toBe(3e13);
    expect(tokens.printed).toBe(`理想训练token数: ${(3e13).toLocaleString('en-US')}`);
    expect(tokens.oursHint).toBe('chinchilla.tokens');
  });

  it('§2.2 the "100B" architecture counts 175,177,334,784 by its own formula', () => {
    const counted = articleArchitectureParameters({ hidden: 12288, layers: 96, vocab: 100000 });
    expect(counted.embedding).toBe(1_228_800_000);
    expect(counted.perLayer).toBe(1_811_963_904);
    expect(counted.total).toBe(175_177_334_784);
    expect(row('architecture-100b', 'total').article).toBe(175_177_334_784);
    expect(row('architecture-100b', 'total').printed).toBe('估计参数量: 175,177,334,784');
  });

  it('§3.1 1T: 3.6 / 1.8 / 0.9 / 0.5 "TB" (÷1024⁴) and 1.8 "TB" read per token', () => {
    const printed: Record<string, string> = { fp32: '3.6', fp16: '1.8', int8: '0.9', int4: '0.5' };
    for (const [key, text] of Object.entries(printed)) {
      const r = row('storage-1t', key);
      expect(pythonFixed(r.article / 1e12, 1), key).toBe(text);
      expect(r.printed, key).toBe(`${key.toUpperCase()}: ${text} TB`);
    }
    expect(row('storage-1t', 'fp32').article).toBeCloseTo((4e12 / 1024 ** 4) * 1e12, 0);
    expect(row('storage-1t', 'fp32').claim).toBe('FP32需4TB');
    expect(pythonFixed(row('storage-1t', 'bytes-per-token').article / 1e12, 1)).toBe('1.8');
  });

  it('§3.2 training 1T: 512 GPUs × 80 GB = 40960 GB, 64 shards, 800 Gbps', () => {
    expect(row('training-1t-cluster', 'gpus').article).toBe(512);
    expect(row('training-1t-cluster', 'cluster-memory').article).toBe(40960e9);
    expect(row('training-1t-cluster', 'cluster-memory').printed).toBe('GPU内存总量: 40960 GB');
    expect(row('training-1t-cluster', 'shards').article).toBe(64);
    expect(row('training-1t-cluster', 'bandwidth').article).toBe(100e9);
  });

  it('§4.1 "Chinchilla": 20 × C^0.5 for both, printed with a "B"', () => {
    expect(articleChinchillaAllocation(1e18)).toBe(2e10);
    expect(articleChinchillaAllocation(1e24)).toBe(2e13);
    const cases: [string, number, string][] = [
      ['1e18', 2e10, '20000000000B'],
      ['1e21', 20 * Math.sqrt(1e21), '632455532034B'],
      ['1e24', 2e13, '20000000000000B'],
    ];
    for (const [tag, value, printed] of cases) {
      for (const kind of ['params', 'tokens']) {
        const r = row('chinchilla-allocation', `${kind}-${tag}`);
        expect(r.article, `${kind}-${tag}`).toBeCloseTo(value, 0);
        expect(`${pythonFixed(r.article, 0)}B`).toBe(printed);
        expect(r.printed).toBe(printed);
      }
    }
    expect(row('chinchilla-allocation', 'params-1e24').scenario?.params).toBeCloseTo(Math.sqrt(1e24 / 120), 0);
  });

  it('§5.1 training cost: GPT-3 6·175e9·300e9 = 3.15e23 FLOPs, $315M at 1e15 FLOPs/$, 32.0 A100-years', () => {
    const gpt3 = articleTrainingCost(175e9, 300e9);
    expect(gpt3.flops).toBeCloseTo(3.15e23, -18);
    expect(gpt3.costUsd).toBeCloseTo(315e6, 0);
    // 3.15e23 / (312e12 FLOP/s × 3600 s) = 280,449 A100-hours (the article prints 32.0 GPU-years).
    expect(gpt3.gpuHours).toBeCloseTo(280_448.7, 0);
    expect(pythonFixed(gpt3.gpuYears, 1)).toBe('32.0');
    expect(pythonFixed(gpt3.gpusForOneMonth, 0)).toBe('384');

    const expected: Record<string, { flops: string; cost: string; years: string; gpus: string }> = {
      'gpt-3': { flops: '3.15e+23', cost: '315,000,000', years: '32.0', gpus: '384' },
      '1t': { flops: '1.20e+25', cost: '12,000,000,000', years: '1,219.6', gpus: '14635' },
      '10t': { flops: '1.20e+27', cost: '1,200,000,000,000', years: '121,960.7', gpus: '1463529' },
    };
    for (const [key, printed] of Object.entries(expected)) {
      const flops = row('training-cost', `${key}-flops`);
      expect(pythonExponential(flops.article, 2), key).toBe(printed.flops);
      expect(flops.printed).toBe(printed.flops);
      const cost = row('training-cost', `${key}-cost`);
      expect(pythonFixed(cost.article, 0, true), key).toBe(printed.cost);
      expect(cost.printed).toBe(`$${printed.cost}`);
      const hours = row('training-cost', `${key}-gpu-hours`);
      expect(hours.unit).toBe('gpu_hours');
      expect(pythonFixed(hours.article / (24 * 365), 1, true), key).toBe(printed.years);
      const gpus = row('training-cost', `${key}-gpus-one-month`);
      expect(pythonFixed(gpus.article, 0), key).toBe(printed.gpus);
    }
    expect(row('training-cost', 'gpt-3-cost').scenario).toMatchObject({ model: 'gpt-3-175b', gpuCount: 384, tokens: 300e9 });
    expect(row('training-cost', '10t-cost').scenario?.gpuCount).toBeUndefined();
  });

  it('§5.2 inference: KV = 2 × params × 2048 × 2 bytes; 186.3 / 762939.5 / 763125.7 "GB" for 100B', () => {
    const raw = articleInferenceMemoryBytes(100e9);
    expect(raw.weights).toBe(200e9);
    // 2 × 100e9 × 2048 × 2 bytes = 8.192e14 bytes (printed 762939.5 "GB").
    expect(raw.kvCache).toBe(8.192e14);
    const expected: Record<string, [string, string, string]> = {
      '100b': ['186.3', '762939.5', '763125.7'],
      '1t': ['1862.6', '7629394.5', '7631257.2'],
    };
    for (const [key, [weights, kv, total]] of Object.entries(expected)) {
      expect(pythonFixed(row('inference-memory', `${key}-weights`).article / 1e9, 1)).toBe(weights);
      expect(pythonFixed(row('inference-memory', `${key}-kv-cache`).article / 1e9, 1)).toBe(kv);
      expect(pythonFixed(row('inference-memory', `${key}-total`).article / 1e9, 1)).toBe(total);
      expect(row('inference-memory', `${key}-kv-cache`).printed).toBe(`kv_cache: ${kv} GB`);
    }
    expect(row('inference-memory', 'tokens-per-second').article).toBe(100);
    expect(row('inference-memory', 'tokens-per-day').article).toBe(8_640_000);
    expect(row('inference-memory', 'usd-per-million').article).toBe(10);
    expect(row('inference-memory', 'daily-revenue-10k-users').article).toBe(864_000);
  });

  it('§6.1 MoE: 1T / 8 experts × 2 = 2.5e11 active (printed "2e+11"), 4.0x, 75.0%', () => {
    expect(articleMoe(1e12, 8, 2)).toEqual({ activeParameters: 2.5e11, efficiency: 4, sparsity: 0.75 });
    expect(row('moe-1t', 'active').article).toBe(2.5e11);
    // Python's f"{2.5e11:.0e}" rounds half to even: "2e+11".
    expect(row('moe-1t', 'active').printed).toBe('active_parameters_per_token: 2e+11');
    expect(row('moe-1t', 'efficiency').printed).toBe('efficiency_improvement: 4.0x');
    expect(row('moe-1t', 'sparsity').article).toBe(0.75);
  });

  it('§6.2 compression: ×0.5 ×0.5 ×0.5 ×0.5 ×0.1 on the parameter count, down to 6.25e9', () => {
    expect(articleCompressionChain(1e12).map((stage) => stage.size)).toEqual([5e11, 2.5e11, 1.25e11, 6.25e10, 6.25e9]);
    const results = [...rows('compression-chain').values()];
    expect(results).toHaveLength(5);
    for (const result of results) {
      expect(result.printed?.endsWith(`${pythonExponential(result.article, 2)} params`), result.key).toBe(true);
    }
    expect(results[0]?.oursHint).toBe('compression.bytes');
    expect(results[4]?.oursHint).toBe('compression.params');
  });

  it('§7.1 GPU memory by year: 1B, 10B, 50B, 100B+', () => {
    expect(row('gpu-memory-by-year', 'v100-16gb-2018').article).toBe(1e9);
    expect(row('gpu-memory-by-year', 'a100-40gb-2020').article).toBe(1e10);
    expect(row('gpu-memory-by-year', 'a100-80gb-2022').article).toBe(5e10);
    expect(row('gpu-memory-by-year', 'h100-80gb-2024').article).toBe(1e11);
    expect(row('gpu-memory-by-year', 'h100-80gb-2024').scenario?.gpu).toBe('h100-sxm');
  });

  it('§7.2 deployment 100B at 1000 qps: 186 "GB", 0.6 GPUs, 0.3 kW, $2,308 a month', () => {
    const d = articleDeployment(100e9, 1000);
    // 2 × 100e9 × 1000 / 312e12 = 0.6410 GPUs; × 0.4 kW = 0.2564 kW; × $5 × 24 × 30 = $2,307.69 a month.
    expect(d.gpus).toBeCloseTo(0.641026, 6);
    expect(d.powerKw).toBeCloseTo(0.25641, 5);
    expect(d.monthlyCostUsd).toBeCloseTo(2307.69, 2);
    expect(pythonFixed(row('deployment-100b', 'memory-per-instance').article / 1e9, 0)).toBe('186');
    expect(pythonFixed(row('deployment-100b', 'gpus').article, 1)).toBe('0.6');
    expect(pythonFixed(row('deployment-100b', 'power').article, 1)).toBe('0.3');
    expect(pythonFixed(row('deployment-100b', 'monthly-cost').article, 0, true)).toBe('2,308');
    expect(row('deployment-100b', 'monthly-cost').printed).toBe('monthly_cloud_cost: $2,308');
  });
});
