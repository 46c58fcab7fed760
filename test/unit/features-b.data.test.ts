/**
 * Pure shapers of the training, scaling, inference and deployment sections, and the small chart
 * helpers they use. Figures are checked against closed forms (e.g. √120 for the article's
 * 20·√C) or against the estimate they are shaped from.
 */
import '../load-estimate'; // the store's estimate() loads on demand (src/store/estimate-code.ts)
import { describe, expect, it } from 'vitest';
import type { Estimate } from '../../src/core';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/scenario/scenario';
import { createScenarioStore } from '../../src/store/scenario-store';
import { CHART_SERIES } from '../../src/store/chart-series';
import { costChart, strategyChart, trainingFacts } from '../../src/features/training/training.data';
import { articleAllocation, frontierChart, lawRows, lossChart, trainingVerdict } from '../../src/features/scaling/scaling.data';
import { decodeRatioRows, inferenceMemoryChart, kvFacts, throughputChart } from '../../src/features/inference/inference.data';
import { articleComparison, deploymentChart } from '../../src/features/deployment/deployment.data';
import { formatDecade } from '../../src/components/ui/chart-helpers';
import { linearTicks, logDomain, logTicks, niceCeil, rangeTicks } from '../../src/components/ui/chart-scales';

/** A scenario, its estimate and the chart sweeps, through a store's selectors (as the page gets them). */
function run(patch: Partial<Scenario> = {}) {
  const scenario = { ...DEFAULT_SCENARIO, ...patch } as Scenario;
  const { select } = createScenarioStore(scenario);
  const series = {
    get costVsScale() { return select.derived(CHART_SERIES.costVsScale, scenario); },
    get trainingMemoryByStrategy() { return select.derived(CHART_SERIES.trainingMemoryByStrategy, scenario); },
    get lossVsCompute() { return select.derived(CHART_SERIES.lossVsCompute, scenario); },
    get computeOptimalFrontier() { return select.derived(CHART_SERIES.computeOptimalFrontier, scenario); },
    get inferenceMemoryVsContext() { return select.derived(CHART_SERIES.inferenceMemoryVsContext, scenario); },
    get throughputVsBatch() { return select.derived(CHART_SERIES.throughputVsBatch, scenario); },
    get deploymentVsLoad() { return select.derived(CHART_SERIES.deploymentVsLoad, scenario); },
  };
  const estimate: Estimate = select.estimate(scenario);
  return { scenario, estimate, series };
}

describe('chart helpers', () => {
  it('log domains round out to decades and skip non-positive values', () => {
    expect(logDomain([3e8, 0, -1, Number.NaN, 4.2e12], [1, 10])).toEqual([1e8, 1e13]);
    expect(logDomain([], [1, 10])).toEqual([1, 10]);
    expect(logDomain([1e9], [1, 10])).toEqual([1e8, 1e10]);
  });
  it('decade ticks thin out to the requested count', () => {
    expect(logTicks([1e18, 1e28], 6)).toEqual([1e18, 1e20, 1e22, 1e24, 1e26, 1e28]);
    expect(logTicks([1, 1000])).toEqual([1, 10, 100, 1000]);
  });
  it('linear and range ticks are round numbers', () => {
    expect(linearTicks(250e9, 1e9, 5)).toEqual([0, 50e9, 100e9, 150e9, 200e9, 250e9]);
    expect(rangeTicks(1.1, 3.7, 5)).toEqual([1.5, 2, 2.5, 3, 3.5]);
    expect(niceCeil(207e9)).toBe(250e9);
  });
  it('formats powers of ten with superscripts', () => {
    expect(formatDecade(1e24)).toBe('10²⁴');
    expect(formatDecade(3e21)).toBe('3 × 10²¹');
  });
});

describe('training shapers', () => {
  it('twelve ZeRO × recompute bars, one current, a cap above the card', () => {
    const { series: s, estimate: e } = run();
    const chart = strategyChart(s.trainingMemoryByStrategy);
    expect(chart.bars).toHaveLength(12);
    expect(chart.bars.filter((bar) => bar.current)).toHaveLength(1);
    expect(chart.currentKey).toBe('z1-selective');
    expect(chart.yMax).toBeGreaterThanOrEqual(e.hardware.memoryBytes);
    for (const bar of chart.bars) expect(bar.overflow).toBe(bar.total > chart.yMax);
  });
  it('cuts the bars of a model far larger than the card', () => {
    const { series: s } = run({ model: 'size', params: 1e13, gpuCount: 64 });
    const chart = strategyChart(s.trainingMemoryByStrategy);
    expect(chart.yMax).toBeLessThan(Math.max(...chart.bars.map((bar) => bar.total)));
    expect(chart.bars.some((bar) => bar.overflow)).toBe(true);
  });
  it('puts the current model on its curve when the tokens are fixed (GPT-3: 300B tokens)', () => {
    const { scenario, series: s, estimate: e } = run({ model: 'gpt-3-175b', tokens: 300e9, gpu: 'a100-sxm-80gb' });
    const chart = costChart(s.costVsScale, e, scenario.tokensPerParam);
    expect(chart.tokensPerParam).toBeCloseTo(300e9 / e.model.counts.total, 6);
    // Dense: cost ∝ params² at a fixed tokens/param, so cost / params² is the same on the curve and at the model.
    const row = chart.rows[30]!;
    const k = row.cost! / row.params ** 2;
    expect(chart.current.cost! / chart.current.params ** 2).toBeCloseTo(k, 20);
    expect(chart.current.cost! / (k * chart.current.params ** 2)).toBeCloseTo(1, 9);
  });
  it('reports 16 bytes per parameter and the attention share', () => {
    const facts = trainingFacts(run().estimate);
    expect(facts.stateBytesPerParam).toBe(16);
    expect(facts.attentionShare).toBeGreaterThan(0);
    expect(facts.attentionShare).toBeLessThan(0.2);
    expect(facts.isMoe).toBe(false);
    expect(trainingFacts(run({ model: 'deepseek-v3' }).estimate).isMoe).toBe(true);
  });
});

describe('scaling shapers', () => {
  it('the article’s 20·√C is √120× the correct tokens and 20·√120× the parameters', () => {
    const a = articleAllocation(1e24);
    expect(a.params).toBeCloseTo(Math.sqrt(1e24 / 120), 0);
    expect(a.tokensRatio).toBeCloseTo(Math.sqrt(120), 9);
    expect(a.paramsRatio).toBeCloseTo(20 * Math.sqrt(120), 9);
    // 6·N·D with the article's N and D is 2400 × C.
    expect((6 * a.article * a.article) / 1e24).toBeCloseTo(2400, 6);
  });
  it('over- and under-trained relative to 20 tokens per parameter', () => {
    expect(trainingVerdict(20).verdict).toBe('near');
    const gpt3 = trainingVerdict(300e9 / 175e9);
    expect(gpt3.verdict).toBe('under');
    expect(gpt3.factor).toBeCloseTo((20 * 175) / 300, 6);
    expect(trainingVerdict(15e12 / 8e9).verdict).toBe('over');
  });
  it('loss chart domains hold every law and the current run', () => {
    const { series: s } = run();
    const chart = lossChart(s.lossVsCompute);
    // Only the rows on screen plus one neighbour each side (lines reach the edges, nothing more).
    const computes = chart.rows.map((row) => row.compute);
    expect(computes.length).toBeLessThan(s.lossVsCompute.optimal.length);
    expect(computes[0]!).toBeLessThan(chart.xDomain[0]);
    expect(computes[1]!).toBeGreaterThanOrEqual(chart.xDomain[0]);
    expect(computes.at(-1)!).toBeGreaterThan(chart.xDomain[1]);
    expect(computes.at(-2)!).toBeLessThanOrEqual(chart.xDomain[1]);
    const inside = s.lossVsCompute.optimal.filter((row) => row.compute >= chart.xDomain[0] && row.compute <= chart.xDomain[1]);
    expect(computes).toHaveLength(inside.length + 2);
    for (const loss of Object.values(chart.current.loss)) {
      expect(loss).not.toBeNull();
      expect(loss!).toBeGreaterThanOrEqual(chart.yDomain[0]);
      expect(loss!).toBeLessThanOrEqual(chart.yDomain[1]);
    }
    expect(chart.xDomain).toEqual([1e18, 1e28]);
    const tiny = lossChart(run({ model: 'size', params: 1e6 }).series.lossVsCompute);
    expect(tiny.xDomain[0]).toBeLessThanOrEqual(tiny.current.compute);
  });
  it('frontier: GPT-4 is the unconfirmed point, the current scenario on the axes', () => {
    const chart = frontierChart(run().series.computeOptimalFrontier);
    expect(chart.rows[1]!.compute).toBeGreaterThanOrEqual(chart.xDomain[0]);
    expect(chart.rows.at(-2)!.compute).toBeLessThanOrEqual(chart.xDomain[1]);
    expect(chart.unconfirmed.map((p) => p.id)).toEqual(['gpt-4-estimate']);
    expect(chart.confirmed.length).toBeGreaterThan(20);
    expect(chart.current.params).toBeGreaterThanOrEqual(chart.yDomain[0]);
    expect(chart.current.params).toBeLessThanOrEqual(chart.yDomain[1]);
  });
  it('the law table: the 20-token rule at this compute is the 70B model itself at 20 tokens per parameter', () => {
    const rows = lawRows(run().estimate);
    const rule = rows.find((row) => row.law === 'tokens20')!;
    expect(rule.optimalTokensPerParam).toBeCloseTo(20, 9);
    expect(rule.sizeRatio).toBeCloseTo(1, 9);
    expect(rule.lossHere).toBeNull();
  });
});

describe('inference shapers', () => {
  it('KV cache layouts: GQA, MLA, sliding window, encoder-only', () => {
    const llama = kvFacts(run().estimate);
    expect(llama.kind).toBe('gqa');
    expect(llama.bytesPerToken).toBe(327_680); // 2 × 80 layers × 8 × 128 × 2 bytes
    expect(llama.reduction).toBeCloseTo(8, 9);
    const deepseek = kvFacts(run({ model: 'deepseek-v3' }).estimate);
    expect(deepseek.kind).toBe('mla');
    expect(deepseek.bytesPerToken).toBe(61 * (512 + 64) * 2);
    const mistral = kvFacts(run({ model: 'mistral-7b', promptTokens: 16_000, outputTokens: 384 }).estimate);
    expect(mistral.window).toBe(4096);
    expect(mistral.averageBytesPerTokenAtContext).toBeLessThan(mistral.bytesPerToken);
    expect(kvFacts(run({ model: 'bert-base' }).estimate).kind).toBe('none');
  });
  it('memory chart cap shows the serving group', () => {
    const { series: s, estimate: e } = run();
    const chart = inferenceMemoryChart(s.inferenceMemoryVsContext, e);
    expect(chart.yMax).toBeGreaterThan(chart.servingBytes);
    expect(chart.currentClamped).toBe(false);
    expect(chart.rows).toHaveLength(s.inferenceMemoryVsContext.rows.length);
  });
  it('throughput lines join at the memory limit and the compute-bound region starts where the core says', () => {
    const { series: s, estimate: e } = run();
    const chart = throughputChart(s.throughputVsBatch, e);
    const firstCompute = s.throughputVsBatch.rows.find((row) => row.bound === 'compute');
    expect(chart.computeBoundFrom).toBe(firstCompute ? firstCompute.batch : null);
    const boundary = chart.rows.find((row) => row.batch === chart.lastFitting)!;
    expect(boundary.perSequence).not.toBeNull();
    expect(boundary.perSequenceOver).toBe(boundary.perSequence);
    expect(chart.current.aggregate).toBeCloseTo(e.inference.tokensPerSecondAggregate, 9);
  });
  it('measured / roofline ratios match docs/decode-efficiency.md', () => {
    const rows = decodeRatioRows();
    const a100 = rows.find((row) => row.id === 'llama-2-7b-fp16-a100-sxm-80gb-llamacpp')!;
    expect(a100.ratio).toBeCloseTo(0.488, 2);
    expect(rows.every((row) => row.ratio > 0.2 && row.ratio < 1)).toBe(true);
  });
});

describe('deployment shapers', () => {
  it('the article’s 0.64 GPUs for 100B at 1000 requests/s, and ours', () => {
    const { estimate: e } = run({ model: 'size', params: 1e11, weightPrecision: 'fp16', gpu: 'a100-sxm-80gb', requestsPerSecond: 1000, usdPerGpuHour: 5 });
    const comparison = articleComparison(e);
    expect(comparison.gpus).toBeCloseTo((2 * e.model.counts.total * 1000) / 312e12, 9);
    expect(comparison.gpus).toBeLessThan(1);
    expect(comparison.gpusForFp16Weights).toBe(3);
    expect(comparison.ratio).toBeGreaterThan(100);
  });
  it('cost axis is the GPU axis × 730 h × price', () => {
    const { series: s, estimate: e } = run();
    const chart = deploymentChart(s.deploymentVsLoad, e);
    const monthly = 730 * e.hardware.usdPerGpuHour;
    expect(chart.costDomain![0]).toBeCloseTo(chart.gpuDomain[0] * monthly, 6);
    expect(chart.costDomain![1]).toBeCloseTo(chart.gpuDomain[1] * monthly, 6);
    expect(chart.current.gpus).toBe(e.deployment.totalGpus);
    expect(deploymentChart(run({ usdPerGpuHour: 0 }).series.deploymentVsLoad, run({ usdPerGpuHour: 0 }).estimate).costDomain).toBeNull();
  });
});
