import '../load-estimate'; // the store's estimate() loads on demand (src/store/estimate-code.ts)
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/core';
import { ARTICLE_CALCULATORS, type ArticleCalculatorId } from '../../src/core/article';
import { articleCheckRows, calculatorHeadlines, calculatorScenario, OURS } from '../../src/features/article/article.data';
import { ARTICLE_TEXT } from '../../src/features/article/article.text';

/**
 * The article's corrections (issue #16): every calculator A1–A13 opens one scenario, and the
 * corrected figure its card and its row show is the figure the page computes once that scenario is
 * open. Each corrected figure is also checked against a value worked out by hand from a published
 * figure or plain arithmetic (cited beside it), so agreement is not the code agreeing with itself.
 */
const rows = articleCheckRows();
const headlines = calculatorHeadlines(rows);

/** A1–A13: the row each link stands for, and the right value from outside the code. */
const EXPECTED: Readonly<Record<ArticleCalculatorId, { row: string; value: number; tolerance: number; why: string }>> = {
  'mlp-counter': { row: 'total', value: 1000 * 2000 + 2000 + 2000 * 500 + 500, tolerance: 0, why: 'w1 + b1 + w2 + b2' },
  timeline: { row: 'gpt-3-2020', value: 175e9, tolerance: 0.01, why: 'Brown et al. 2020, Table 2.1: 175.0B' },
  'storage-100b': { row: 'fp32', value: 100e9 * 4, tolerance: 0.001, why: '100B × 4 bytes' },
  'architecture-100b': { row: 'total', value: 175e9, tolerance: 0.01, why: "GPT-3's dimensions (Table 2.1)" },
  'storage-1t': { row: 'fp32', value: 1e12 * 4, tolerance: 0.001, why: '1T × 4 bytes' },
  'training-1t-cluster': { row: 'gpus', value: 512, tolerance: 0, why: "the article's 512 GPUs" },
  'chinchilla-allocation': { row: 'params-1e24', value: Math.sqrt(1e24 / 120), tolerance: 0.001, why: 'C = 6·N·20N → N = √(C/120)' },
  'training-cost': { row: 'gpt-3-flops', value: 3.14e23, tolerance: 0.01, why: 'Brown et al. 2020, Table D.1: 3.14e23 FLOPs' },
  'inference-memory': { row: '100b-weights', value: 100e9 * 2, tolerance: 0.001, why: '100B × 2 bytes (FP16)' },
  'moe-1t': { row: 'total', value: 1e12, tolerance: 0.01, why: "the article's 1T" },
  'compression-chain': { row: 'fp32-to-fp16', value: 1e12 * 2, tolerance: 0.001, why: '1T parameters at 2 bytes' },
  'gpu-memory-by-year': { row: 'h100-80gb-2024', value: 80e9 / 16, tolerance: 0.001, why: '80 GB ÷ 16 bytes per parameter (ZeRO §3.1)' },
  'deployment-100b': { row: 'memory-per-instance', value: 100e9 * 2, tolerance: 0.1, why: '200 GB of FP16 weights plus a small KV cache' },
};

describe('the article’s calculators as one-click scenarios (A1–A13)', () => {
  it('has one linked figure for each of the 13 calculators', () => {
    expect(ARTICLE_CALCULATORS).toHaveLength(13);
    expect([...headlines.keys()].sort()).toEqual(ARTICLE_CALCULATORS.map((c) => c.id).sort());
  });

  for (const calculator of ARTICLE_CALCULATORS) {
    it(`${calculator.articleSection} ${calculator.id}: the opened scenario shows the row's corrected figure`, () => {
      const expected = EXPECTED[calculator.id];
      const headline = headlines.get(calculator.id);
      expect(headline?.id).toBe(`${calculator.id}:${expected.row}`);
      // What the page computes once the link is opened: the estimate of the calculator's scenario.
      const page = estimate(calculatorScenario(calculator));
      const shown = OURS[headline!.hint].read(page, { calculatorId: calculator.id, rowKey: expected.row });
      expect(shown).toBe(headline!.ours);
      // …and that figure is the right one, from outside the code.
      const error = Math.abs((shown ?? Number.NaN) - expected.value) / expected.value;
      expect(error, expected.why).toBeLessThanOrEqual(expected.tolerance);
    });
  }
});

describe('each correction says what the article says, what is right, why, with a source', () => {
  it('gives every row a reason and a source in both languages', () => {
    for (const row of rows) {
      expect(row.why.length, row.id).toBeGreaterThan(20);
      expect(row.whyZh.length, row.id).toBeGreaterThan(8);
      expect(row.source.length, row.id).toBeGreaterThan(5);
      expect(row.sourceZh.length, row.id).toBeGreaterThan(3);
      // The Chinese reason is Chinese (not the English one copied).
      expect(row.whyZh, row.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  // §2.1, §3.1 and §5.2: each row explains its own figure, not the calculator's first one.
  const rowWhy = (id: string) => rows.find((row) => row.id === id);
  it.each([
    ['storage-100b:fp32', ['372.5', '400 GB']],
    ['storage-100b:fp16', ['186.3', '200 GB']],
    ['storage-100b:tokens', ['300', '20', '2T']],
    ['storage-1t:fp16', ['1.8 TB', '2 TB']],
    ['storage-1t:int8', ['0.9 TB', '1 TB']],
    ['storage-1t:int4', ['0.5 TB', '0.45 TiB']],
    ['storage-1t:bytes-per-token', ['FP16 weights', '2 TB', 'KV cache']],
    ['inference-memory:1t-weights', ['1862.6 GB', '2 TB']],
    ['inference-memory:100b-kv-cache', ['2048', 'layers']],
    ['inference-memory:tokens-per-day', ['86,400', 'assumed']],
  ])('%s explains its own figure', (id, words) => {
    const row = rowWhy(id);
    for (const word of words) expect(row?.why, `${id}: ${word}`).toContain(word);
  });

  it('no row of §2.1 or §3.1 speaks of another precision’s bytes', () => {
    // Before the fix every row of §2.1 and §3.1 read "… × 4 bytes is 400 GB / 4 TB".
    for (const id of ['storage-100b:fp16', 'storage-1t:fp16', 'storage-1t:int8', 'storage-1t:int4']) {
      expect(rowWhy(id)?.why, id).not.toMatch(/× 4 bytes/);
    }
  });

  it('keeps every calculator’s words for all its rows', () => {
    for (const calculator of ARTICLE_CALCULATORS) {
      expect(ARTICLE_TEXT[calculator.id].source.length, calculator.id).toBeGreaterThan(5);
    }
  });
});
