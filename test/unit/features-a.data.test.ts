/**
 * Pure shapers of the anatomy, timeline, memory, hardware, MoE and compression sections, and the
 * axis helpers they use. Figures are checked against hand arithmetic quoted in each test.
 */
import '../load-estimate'; // the store's estimate() loads on demand (src/store/estimate-code.ts)
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/scenario/scenario';
import { compressionSeries, estimate, hardwareTimeline, memoryByPrecision, moeSeries, timelineSeries } from '../../src/core';
import { linearAxis, logDomain, logTicks, niceCeil, paddedLogDomain } from '../../src/components/ui/chart-scales';
import { modelDisplayName } from '../../src/view/model-name';
import { attentionKind, mlpParameterCount, paramBreakdownRows, parseMlpSize } from '../../src/features/anatomy/anatomy.data';
import { isHypotheticalModel, timelineGrowth, timelinePoints } from '../../src/features/timeline/timeline.data';
import { acceleratorsToHold, capacityLines, precisionBars, shortAcceleratorName, shortPrecisionLabel } from '../../src/features/memory/memory.data';
import { articleClaimPoints, hardwarePoints, largestServableParams, specRows } from '../../src/features/hardware/hardware.data';
import { articleMoeModel, moeBars, moeSeriesFor, roundCount } from '../../src/features/moe/moe.data';
import { compressionPoints } from '../../src/features/compression/compression.data';
import { HARDWARE } from '../../src/data/hardware';

const scenarioFor = (patch: Partial<typeof DEFAULT_SCENARIO>) => ({ ...DEFAULT_SCENARIO, ...patch });

describe('anatomy', () => {
  it('the article’s 1000-2000-500 MLP has 3,002,500 parameters, not “about 2.5M”', () => {
    const count = mlpParameterCount(1000, 2000, 500);
    expect(count).toEqual({ w1: 2_000_000, b1: 2000, w2: 1_000_000, b2: 500, weights: 3_000_000, biases: 2500, total: 3_002_500 });
  });
  it('reads sizes typed into the counter', () => {
    expect(parseMlpSize('1,000')).toBe(1000);
    expect(parseMlpSize(' 2000 ')).toBe(2000);
    expect(parseMlpSize('1e3')).toBe(1000);
    for (const bad of ['', '0', '-5', '2.5', 'abc', '1000001', '1e9']) expect(parseMlpSize(bad), bad).toBeUndefined();
  });
  it('a dense model’s parts add up to its total (Llama 3.1 70B)', () => {
    const e = estimate(scenarioFor({ model: 'llama-3.1-70b' }));
    const rows = paramBreakdownRows(e.model.counts, e.model.arch.moe !== null);
    expect(rows.map((row) => row.key)).toEqual(['embedding', 'attention', 'mlp', 'norms', 'outputHead']);
    expect(rows.reduce((sum, row) => sum + row.params, 0)).toBe(e.model.counts.total);
    expect(rows.reduce((sum, row) => sum + row.fraction, 0)).toBeCloseTo(1, 12);
  });
  it('an MoE’s routed experts split into used (top-2 of 8) and idle per token (Mixtral 8x7B)', () => {
    const e = estimate(scenarioFor({ model: 'mixtral-8x7b' }));
    const { counts } = e.model;
    const rows = paramBreakdownRows(counts, e.model.arch.moe !== null);
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row.params]));
    expect(byKey.routedActive).toBeCloseTo(counts.routedExperts / 4, 0);
    expect(byKey.routedActive! + byKey.routedIdle!).toBe(counts.routedExperts);
    expect(counts.total - (byKey.routedIdle ?? 0)).toBe(counts.active);
    expect(rows.reduce((sum, row) => sum + row.params, 0)).toBe(counts.total);
    expect(rows.find((row) => row.key === 'routedIdle')?.usedPerToken).toBe(false);
  });
  it('names the attention layout', () => {
    expect(attentionKind({ heads: 64, kvHeads: 8, mla: null, encoderOnly: false })).toBe('gqa');
    expect(attentionKind({ heads: 32, kvHeads: 32, mla: null, encoderOnly: false })).toBe('mha');
    expect(attentionKind({ heads: 120, kvHeads: 1, mla: null, encoderOnly: false })).toBe('mqa');
    expect(attentionKind({ heads: 12, kvHeads: 12, mla: null, encoderOnly: true })).toBe('encoder');
    const e = estimate(scenarioFor({ model: 'deepseek-v3' }));
    expect(attentionKind(e.model.arch)).toBe('mla');
  });
});

describe('timeline', () => {
  const rows = timelineSeries(DEFAULT_SCENARIO.weightPrecision).rows;
  it('shows released models only, each within ±0.35 of its year, GPT-4 as unconfirmed', () => {
    const data = timelinePoints(rows, 'gpt-3-175b');
    const all = [...data.confirmed, ...data.unconfirmed];
    expect(all.some((point) => isHypotheticalModel(point.id))).toBe(false);
    expect(all.length).toBe(rows.filter((row) => !row.id.startsWith('article-')).length);
    for (const point of all) expect(Math.abs(point.x - point.year)).toBeLessThanOrEqual(0.35 + 1e-9);
    expect(data.unconfirmed.map((point) => point.id)).toContain('gpt-4-estimate');
    expect(data.current?.id).toBe('gpt-3-175b');
    expect(data.current?.x).toBe(2020);
    expect(timelinePoints(rows, 'article-1t').current).toBeNull();
  });
  it('growth from BERT-base (110M, 2018) to the largest published count', () => {
    const growth = timelineGrowth(rows)!;
    expect(growth.first.id).toBe('bert-base');
    expect(growth.largest.id).toBe('deepseek-v3');
    expect(growth.factor).toBeCloseTo(671e9 / 110e6, 6);
    expect(growth.perYear ** (growth.largest.year - growth.first.year)).toBeCloseTo(growth.factor, 6);
  });
});

describe('memory', () => {
  it('1T parameters at FP16 = 2 TB = 25 H100s of 80 GB just to hold them', () => {
    expect(acceleratorsToHold(1e12 * 2, 80e9)).toBe(25);
    expect(acceleratorsToHold(140e9, 80e9)).toBe(2);
    expect(acceleratorsToHold(1, 80e9)).toBe(1);
    expect(Number.isNaN(acceleratorsToHold(1, 0))).toBe(true);
  });
  it('bars in the axis unit, labels without the container name', () => {
    const e = estimate(scenarioFor({ model: 'size', params: 1e11, weightPrecision: 'q4_0' }));
    const bars = precisionBars(memoryByPrecision(e).rows, 2 ** 30);
    const q40 = bars.find((bar) => bar.id === 'q4_0')!;
    expect(q40.selected).toBe(true);
    expect(q40.tick).toBe('Q4_0 (4.5)');
    expect(q40.value).toBeCloseTo((e.model.counts.total * 4.5) / 8 / 2 ** 30, 9);
    expect(bars.filter((bar) => bar.selected)).toHaveLength(1);
    expect(shortPrecisionLabel('q4_k_m')).toBe('Q4_K_M');
    expect(shortAcceleratorName('NVIDIA H100 SXM5 80GB')).toBe('H100 SXM5 80GB');
  });
  it('capacity lines: four references, the selected accelerator and a node of 8, sorted', () => {
    const { capacities } = memoryByPrecision(estimate(DEFAULT_SCENARIO));
    const lines = capacityLines(capacities, { id: 'h100-sxm', name: 'H100', memoryBytes: 80e9 }, 1e9, (name) => `8 × ${name}`);
    expect(lines.map((line) => line.memoryBytes)).toEqual([24e9, 80e9, 141e9, 192e9, 640e9]);
    expect(lines.filter((line) => line.selected).map((line) => line.name)).toEqual(['H100', '8 × H100']);
    const custom = capacityLines(capacities, { id: 'custom', name: 'custom', memoryBytes: 48e9 }, 1e9, (name) => `8 × ${name}`);
    expect(custom).toHaveLength(6);
  });
});

describe('hardware', () => {
  it('largest servable model: (memory − 1 GB − KV) × 8 / bits; trainable: memory / 16', () => {
    expect(largestServableParams(80e9, 16, 0)).toBeCloseTo(39.5e9, 0);
    expect(largestServableParams(80e9, 4, 9e9)).toBeCloseTo(140e9, 0);
    expect(largestServableParams(16e9, 16, 20e9)).toBe(0);
    const rows = hardwareTimeline(DEFAULT_SCENARIO.weightPrecision).rows;
    const points = hardwarePoints(rows, { bitsPerWeight: 16, kvAllowanceBytes: 0, selectedId: 'a100-sxm-40gb' });
    expect(points).toHaveLength(rows.length);
    const a100 = points.find((point) => point.selected)!;
    expect(a100.trainableParams).toBe(2.5e9);
    for (const point of points) expect(Math.abs(point.x - point.year)).toBeLessThanOrEqual(0.35 + 1e-9);
  });
  it('the article’s claims against memory / 16: V100 16 GB 1B holds, A100 40 GB 10B does not', () => {
    const claims = Object.fromEntries(articleClaimPoints().map((claim) => [claim.gpu, claim]));
    expect(claims['V100 16GB']!.oursParams).toBe(1e9);
    expect(claims['V100 16GB']!.trainsParams).toBe(1e9);
    expect(claims['A100 40GB']!.oursParams).toBe(2.5e9);
    expect(claims['A100 40GB']!.trainsParams).toBe(1e10);
  });
  it('spec rows carry dense rates and prices or null', () => {
    const rows = specRows(HARDWARE, { bitsPerWeight: 16, kvAllowanceBytes: 0 });
    const h100 = rows.find((row) => row.id === 'h100-sxm')!;
    expect(h100.bf16Flops).toBe(989.5e12);
    expect(h100.fp8Flops).toBe(1979e12);
    expect(rows.find((row) => row.id === 'v100-sxm2-32gb')!.bf16Flops).toBeNull();
  });
});

describe('moe', () => {
  it('the article’s 1T, 8 experts, top-2 built as a real MoE: ≈1T total, ≈275B active, not 250B', () => {
    const model = articleMoeModel();
    expect(Math.abs(model.counts.total - 1e12) / 1e12).toBeLessThan(0.01);
    expect(model.arch.moe).toMatchObject({ experts: 8, expertsPerToken: 2 });
    expect(model.article.activeParameters).toBe(2.5e11);
    expect(model.counts.active).toBeGreaterThan(model.article.activeParameters);
    expect(model.counts.active / model.counts.total).toBeGreaterThan(0.26);
    expect(model.counts.active / model.counts.total).toBeLessThan(0.3);
  });
  it('bars: memory holds the total, one token uses the active count, a batch of 16 reads 99%', () => {
    const model = articleMoeModel();
    const [memory, token, batch] = moeBars(model.arch, model.counts, 16, 16);
    expect(memory!.params).toBeCloseTo(model.counts.total, 0);
    expect(token!.params).toBeCloseTo(model.counts.active, 0);
    expect(token!.bytes).toBeCloseTo(model.counts.active * 2, -3);
    const routedShare = (batch!.routedUsed / model.counts.routedExperts);
    expect(routedShare).toBeCloseTo(1 - 0.75 ** 16, 12);
  });
  it('moeSeriesFor matches the core’s series for a preset MoE (DeepSeek-V3)', () => {
    const scenario = scenarioFor({ model: 'deepseek-v3' });
    const e = estimate(scenario);
    const ours = moeSeriesFor(e.model.arch, e.model.counts, e.weights.selected.bitsPerWeight, e.inference.batch)!;
    const core = moeSeries(e)!;
    expect(ours.summary).toEqual(core.summary);
    expect(ours.bytesReadVsBatch).toEqual(core.bytesReadVsBatch);
    expect(moeSeriesFor(estimate(DEFAULT_SCENARIO).model.arch, estimate(DEFAULT_SCENARIO).model.counts, 16, 1)).toBeNull();
  });
  it('rounds a count before formatting so 999.9B reads as 1T', () => {
    expect(roundCount(999_881_945_088)).toBe(1e12);
    expect(roundCount(275_106_213_888)).toBe(275e9);
    expect(roundCount(0)).toBe(0);
  });
});

describe('compression', () => {
  it('1T: ours ends at 50B parameters = 25 GB at 4 bits; the article at 6.25B “params”', () => {
    const scenario = scenarioFor({ model: 'size', params: 1e12 });
    const e = estimate(scenario);
    const points = compressionPoints(compressionSeries(e).rows, 1e9);
    expect(points.map((point) => point.step)).toEqual(['start', 'bf16', 'int8', 'int4', 'prune', 'distil']);
    const total = e.model.counts.total;
    const last = points[points.length - 1]!;
    expect(last.params).toBeCloseTo(total * 0.05, 0);
    expect(last.bytes).toBeCloseTo(total * 0.05 * 0.5, 0);
    expect(last.articleParams).toBeCloseTo(total * 0.00625, 0);
    expect(points[3]!.params).toBe(total);
    expect(points[3]!.articleParams).toBeCloseTo(total / 8, 0);
    expect(points[0]!.value).toBeCloseTo((total * 4) / 1e9, 6);
  });
});

describe('axis helpers', () => {
  it('niceCeil rounds up to 1, 2, 2.5, 5 × 10^k', () => {
    expect([0.7, 1, 1.2, 2.2, 3, 7, 82e9].map(niceCeil)).toEqual([1, 1, 2, 2.5, 5, 10, 100e9]);
    expect(niceCeil(Number.NaN)).toBe(1);
  });
  it('log domains never hold 0 or a negative number', () => {
    expect(logDomain([0, -3, 110e6, 1.8e12])).toEqual([1e8, 1e13]);
    expect(logDomain([])).toEqual([1, 10]);
    const [low, high] = paddedLogDomain([110e6, 1.8e12], 0.15);
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(110e6);
    expect(high).toBeGreaterThan(1.8e12);
    expect(logTicks([10 ** 7.5, 1e13])).toEqual([1e8, 1e9, 1e10, 1e11, 1e12, 1e13]);
    expect(logTicks([1, 1e20], 5)).toHaveLength(5);
  });
  it('linear axes start at 0 with round steps', () => {
    expect(linearAxis(2240, 5)).toEqual({ domain: [0, 2500], ticks: [0, 500, 1000, 1500, 2000, 2500] });
    expect(linearAxis(0).domain).toEqual([0, 1]);
  });
  it('names a size-slider model by its count', () => {
    expect(modelDisplayName({ kind: 'size', name: 'size', counts: { total: 1e12 } }, 'en')).toBe('a 1T-parameter model (size slider)');
    expect(modelDisplayName({ kind: 'custom', name: 'custom', counts: { total: 1 } }, 'zh')).toBe('导入的配置');
    expect(modelDisplayName({ kind: 'preset', name: 'Mixtral 8x7B', counts: { total: 1 } }, 'en')).toBe('Mixtral 8x7B');
  });
});
