import '../load-estimate'; // the store's estimate() loads on demand (src/store/estimate-code.ts)
import { describe, expect, it } from 'vitest';
import { SOURCES, type SourceId } from '../../src/core';
import { ARTICLE_CALCULATORS, type OursHint } from '../../src/core/article';
import { DECODE_MEASUREMENTS } from '../../src/data/decode-measurements';
import { MODELS } from '../../src/data/models';
import { DEFAULT_SCENARIO } from '../../src/scenario/scenario';
import { encodeScenario } from '../../src/scenario/url-codec';
import {
  MAX_PIN_NAME,
  MAX_PINS,
  cleanPinName,
  compareRows,
  compareValues,
  currentRow,
  pinRow,
  presetKey,
  presetRows,
  presetRowsData,
  readPin,
  readPins,
  writePins,
} from '../../src/features/compare/compare.data';
import {
  OURS,
  articleCheckRows,
  articleSummary,
  calculatorScenario,
  denseNetworkParameters,
  discrepancy,
} from '../../src/features/article/article.data';
import {
  CITATIONS,
  FORMULAS,
  SOURCE_LIST,
  medianAbsoluteError,
  safeHttpsUrl,
  shortCitation,
  validationRows,
} from '../../src/features/sources/sources.data';
import { estimate } from '../../src/core';
import { createScenarioStore } from '../../src/store/scenario-store';

const within = (value: number | null | undefined, target: number, tolerance: number) =>
  typeof value === 'number' && Math.abs(value / target - 1) <= tolerance;

describe('compare rows', () => {
  const rows = presetRows(DEFAULT_SCENARIO);

  it('has one row per preset, with stable unique ids and finite numbers', () => {
    expect(rows).toHaveLength(MODELS.length);
    expect(new Set(rows.map((row) => row.id)).size).toBe(MODELS.length);
    for (const row of rows) {
      expect(row.kind).toBe('preset');
      const numbers = Object.values(row.values).filter((value) => value !== null);
      expect(numbers.every((value) => Number.isFinite(value)), row.id).toBe(true);
    }
  });

  it('evaluates each preset under the current settings, overrides cleared', () => {
    const scenario = { ...DEFAULT_SCENARIO, gpu: 'a100-sxm-80gb', weightPrecision: 'int8' as const, overrides: { layers: 3 } };
    const gpt3 = presetRows(scenario).find((row) => row.modelId === 'gpt-3-175b');
    expect(gpt3?.scenario.gpu).toBe('a100-sxm-80gb');
    expect(gpt3?.scenario.overrides).toEqual({});
    // 174.6B parameters × 1 byte at INT8.
    expect(within(gpt3?.values.weightBytes, 1.746e11, 0.005)).toBe(true);
  });

  it('does not recompute the presets when only the model changes (memoized per store)', () => {
    const other = { ...DEFAULT_SCENARIO, model: 'gpt-2', params: 5e9, overrides: { layers: 2 } };
    expect(presetKey(other)).toBe(presetKey(DEFAULT_SCENARIO));
    const { select } = createScenarioStore();
    const first = select.derived(presetRowsData, DEFAULT_SCENARIO);
    expect(select.derived(presetRowsData, other)).toBe(first);
    const eight = { ...DEFAULT_SCENARIO, gpuCount: 8 };
    expect(presetKey(eight)).not.toBe(presetKey(DEFAULT_SCENARIO));
    expect(select.derived(presetRowsData, eight)).not.toBe(first);
    // Another store keeps its own rows: stores never share memoized results.
    expect(createScenarioStore().select.derived(presetRowsData, DEFAULT_SCENARIO)).not.toBe(first);
  });

  it('puts the current scenario first, then pins, then presets', () => {
    const result = estimate(DEFAULT_SCENARIO);
    const pin = readPin({ name: 'two', query: encodeScenario({ ...DEFAULT_SCENARIO, model: 'gpt-2' }) });
    expect(pin).not.toBeNull();
    const all = compareRows(currentRow(DEFAULT_SCENARIO, result), [pinRow(pin!, 0, estimate(pin!.scenario))], rows);
    expect(all.map((row) => row.kind).slice(0, 3)).toEqual(['current', 'pin', 'preset']);
    expect(all[1]?.modelId).toBe('gpt-2');
    expect(currentRow(DEFAULT_SCENARIO, result).values).toEqual(compareValues(result));
  });

  it('leaves inference figures empty where the model does not fit or does not generate', () => {
    const bert = presetRows(DEFAULT_SCENARIO).find((row) => row.modelId === 'bert-base');
    expect(bert?.encoderOnly).toBe(true);
    expect(bert?.values.decodeTokensPerSecond).toBeNull();
    expect(bert?.values.kvBytesPerToken).toBeNull();
    const tiny = { ...DEFAULT_SCENARIO, gpu: 'rtx-3090', batch: 1e5, promptTokens: 1e7 };
    const huge = presetRows(tiny).find((row) => row.modelId === 'gpt-4-estimate');
    // 1e5 sequences of 1e7 tokens of GPT-4's KV cache fit on no group of 24 GB cards.
    expect(huge?.fits).toBe(false);
    expect(huge?.values.servingGpus).toBeNull();
    expect(huge?.values.usdPerMillionTokens).toBeNull();
  });
});

describe('pins', () => {
  const good = { name: 'run', query: encodeScenario({ ...DEFAULT_SCENARIO, gpuCount: 64 }) };

  it('round-trips through the versioned storage format', () => {
    const stored = writePins([good]);
    expect(JSON.parse(stored)).toEqual({ version: 1, pins: [good] });
    const read = readPins(stored);
    expect(read).toMatchObject({ dropped: 0, unreadable: false });
    expect(read.pins[0]?.scenario.gpuCount).toBe(64);
  });

  it('treats damaged values as unreadable, never throwing', () => {
    for (const raw of ['{', 'null', '42', '"x"', '[]', '{"version":2,"pins":[]}', '{"version":1,"pins":{}}']) {
      expect(readPins(raw)).toEqual({ pins: [], dropped: 0, unreadable: true, extra: [] });
    }
    expect(readPins(null)).toEqual({ pins: [], dropped: 0, unreadable: false, extra: [] });
  });

  it('drops entries that are not clean text names with readable queries', () => {
    const read = readPins(
      JSON.stringify({
        version: 1,
        pins: [
          good,
          { name: '', query: good.query },
          { name: 'x'.repeat(MAX_PIN_NAME + 1), query: good.query },
          { name: 'bidi\u202e', query: good.query },
          { name: 'tab\tname', query: good.query },
          { name: 'bad', query: 'v=1&gpu=no such gpu!' },
          { name: 'bad', query: '' },
          { name: 'no query' },
          null,
        ],
      }),
    );
    expect(read.pins.map((pin) => pin.name)).toEqual(['run']);
    expect(read.dropped).toBe(8);
  });

  it('shows at most MAX_PINS and keeps the readable ones beyond (never dropped)', () => {
    const read = readPins(writePins(Array.from({ length: MAX_PINS + 3 }, (_, i) => ({ ...good, name: `p${i}` }))));
    expect(read.pins).toHaveLength(MAX_PINS);
    expect(read.extra.map((pin) => pin.name)).toEqual([`p${MAX_PINS}`, `p${MAX_PINS + 1}`, `p${MAX_PINS + 2}`]);
    expect(read.dropped).toBe(0);
  });

  it('cleans names to text of at most 80 characters', () => {
    expect(cleanPinName('  a\u0000b \n c\u202e ')).toBe('a b c');
    expect(cleanPinName('y'.repeat(200))).toHaveLength(MAX_PIN_NAME);
  });
});

describe('article check', () => {
  const rows = articleCheckRows();
  const byId = new Map(rows.map((row) => [row.id, row]));

  it('has a rule for every OursHint the calculators use, and one row per calculator result', () => {
    const used = new Set<OursHint>(ARTICLE_CALCULATORS.flatMap((c) => c.compute().map((r) => r.oursHint)));
    for (const hint of used) expect(OURS[hint], hint).toBeDefined();
    expect(rows).toHaveLength(ARTICLE_CALCULATORS.reduce((n, c) => n + c.compute().length, 0));
  });

  it('computes a finite figure of ours for every row', () => {
    for (const row of rows) {
      expect(row.ours, row.id).not.toBeNull();
      expect(Number.isFinite(row.ours ?? NaN), row.id).toBe(true);
    }
    const withRatio = rows.filter((row) => row.ratio !== null);
    expect(withRatio.length).toBeGreaterThan(0);
    for (const row of withRatio) expect(row.ratio, row.id).toBeCloseTo(row.article / (row.ours ?? NaN), 9);
  });

  it('counts the article\'s MLP as its code does (§1.1: 3,002,500)', () => {
    expect(denseNetworkParameters([1000, 2000, 500])).toBe(3_002_500);
    expect(byId.get('mlp-counter:total')?.ours).toBe(3_002_500);
  });

  it('puts the right estimate quantity beside each figure', () => {
    // 100B parameters at 4 bytes: about 400 GB (the shape rule lands within 1% of 100B).
    expect(within(byId.get('storage-100b:fp32')?.ours, 4e11, 0.01)).toBe(true);
    // GPT-3: 6 × 174.6B × 300B = 3.14e23 FLOPs (Brown et al. 2020 Table D.1).
    expect(within(byId.get('training-cost:gpt-3-flops')?.ours, 3.14e23, 0.005)).toBe(true);
    // The article's architecture is GPT-2-style: 12h² + 13h per layer at h = 12288.
    expect(byId.get('architecture-100b:per-layer')?.ours).toBe(12 * 12288 ** 2 + 13 * 12288);
    // Chinchilla at 1e24 FLOPs: D = 20 × √(C/120) ≈ 1.83e12 tokens.
    expect(within(byId.get('chinchilla-allocation:tokens-1e24')?.ours, 20 * Math.sqrt(1e24 / 120), 0.02)).toBe(true);
    // One V100 16GB trains 16 GB / 16 B per parameter = 1B: the article is right there.
    expect(byId.get('gpu-memory-by-year:v100-16gb-2018')?.ratio).toBeCloseTo(1, 9);
    expect(byId.get('gpu-memory-by-year:a100-80gb-2022')?.ratio).toBeCloseTo(10, 9);
    // A100 NVLink 600 GB/s against the article's 800 Gbps.
    expect(byId.get('training-1t-cluster:bandwidth')?.ours).toBe(600e9);
  });

  it('gives no ratio where the article and ours are different quantities', () => {
    expect(byId.get('compression-chain:fp32-to-fp16')?.ratio).toBeNull();
    expect(byId.get('compression-chain:fp32-to-fp16')?.oursUnit).toBe('bytes');
    // 1T × 0.5 (pruning) in parameters against half the shape-rule model (1.001T).
    expect(byId.get('compression-chain:pruning-50')?.ratio).toBeCloseTo(0.125, 3);
  });

  it('scenarios merge the calculator over the defaults', () => {
    const cost = ARTICLE_CALCULATORS.find((c) => c.id === 'training-cost')!;
    const scenario = calculatorScenario(cost);
    expect(scenario).toMatchObject({ model: 'gpt-3-175b', tokens: 300e9, gpu: 'a100-sxm-80gb', gpuCount: 384, mfu: DEFAULT_SCENARIO.mfu });
  });

  it('summarises agreement and the largest gap', () => {
    expect(discrepancy(0.5)).toBe(2);
    expect(discrepancy(null)).toBeNull();
    const summary = articleSummary(rows);
    expect(summary.compared).toBe(rows.filter((row) => row.ratio !== null).length);
    expect(summary.agree).toBeGreaterThan(5);
    // The KV cache of 2 × params × context × 2 bytes is the article's largest error.
    expect(summary.worst?.id).toMatch(/kv-cache/);
  });
});

describe('sources and validation', () => {
  it('cites only known sources, and every source at least once', () => {
    const ids = new Set(Object.keys(SOURCES));
    const cited = new Set<SourceId>();
    for (const formula of FORMULAS) {
      expect(formula.sources.length, formula.id).toBeGreaterThan(0);
      for (const id of formula.sources) {
        expect(ids.has(id), id).toBe(true);
        cited.add(id);
      }
    }
    expect([...ids].filter((id) => !cited.has(id as SourceId))).toEqual([]);
    expect(SOURCE_LIST).toHaveLength(ids.size);
  });

  it('writes distinct short citations', () => {
    expect(shortCitation({ authors: 'Kaplan, McCandlish, Henighan', year: 2020 })).toBe('Kaplan et al. 2020');
    expect(shortCitation({ authors: 'Xiongjie Dai', year: 2024 })).toBe('Xiongjie Dai 2024');
    const texts = Object.values(CITATIONS);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('links only https: URLs', () => {
    expect(safeHttpsUrl('https://arxiv.org/abs/2001.08361')).toBe('https://arxiv.org/abs/2001.08361');
    expect(safeHttpsUrl('http://example.com')).toBeNull();
    expect(safeHttpsUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpsUrl('not a url')).toBeNull();
    expect(safeHttpsUrl(undefined)).toBeNull();
  });

  const rows = validationRows();
  const byId = new Map(rows.map((row) => [row.id, row]));

  it('has rows for every quantity, all finite', () => {
    const count = (q: string) => rows.filter((row) => row.quantity === q).length;
    expect(count('params')).toBe(MODELS.filter((m) => m.publishedParams !== null && m.config && m.confirmed).length);
    expect(count('trainingFlops')).toBeGreaterThanOrEqual(5);
    expect(count('gpuHours')).toBeGreaterThanOrEqual(2);
    expect(count('decode')).toBe(DECODE_MEASUREMENTS.length);
    for (const row of rows) {
      expect(Number.isFinite(row.error), row.id).toBe(true);
      expect(row.published, row.id).toBeGreaterThan(0);
    }
  });

  it('reproduces the published figures it should', () => {
    // GPT-3: 174.6B counted vs "175.0B"; 3.14e23 FLOPs reported (Brown et al. 2020 Table D.1).
    expect(Math.abs(byId.get('params-gpt-3-175b')?.error ?? 1)).toBeLessThan(0.005);
    expect(Math.abs(byId.get('flops-gpt3-175b')?.error ?? 1)).toBeLessThan(0.005);
    // Llama 3.1 405B: 3.8e25 FLOPs (Llama 3 paper §3.2.1).
    expect(Math.abs(byId.get('flops-llama31-405b')?.error ?? 1)).toBeLessThan(0.01);
    // Gemma 2 9B: the paper's exact 9,242,164,736, within 0.01%.
    expect(Math.abs(byId.get('params-gemma-2-9b')?.error ?? 1)).toBeLessThan(1e-4);
    // Llama 2 70B Q4_0 on an A100: bandwidth-bound, within 10% at the datacenter efficiency 0.5.
    expect(Math.abs(byId.get('decode-llama-2-70b-q4-0-a100-sxm-80gb-llamacpp')?.error ?? 1)).toBeLessThan(0.1);
    const decode = byId.get('decode-llama-2-7b-fp16-rtx-4090-llamacpp');
    expect(decode?.rooflineRatio).toBeGreaterThan(0.7);
    expect(decode?.rooflineRatio).toBeLessThan(0.9);
  });

  it('takes the median of |error|', () => {
    const median = medianAbsoluteError(rows, 'params');
    expect(median?.count).toBe(rows.filter((row) => row.quantity === 'params').length);
    expect(median?.median).toBeLessThan(0.02);
    expect(medianAbsoluteError([], 'decode')).toBeNull();
  });
});
