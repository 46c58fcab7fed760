import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimate } from '../../src/core/estimate';
import {
  BATCH_GRID,
  COMPUTE_GRID,
  costVsScale,
  hardwareTimeline,
  timelineSeries,
} from '../../src/core/series';
import { computeOptimal, predictLoss } from '../../src/core/scaling';
import { DEFAULT_SCENARIO } from '../../src/scenario/scenario';
import { badNumbers, collectNumbers } from '../fixtures/walk';
import { allSeries } from '../fixtures/all-series';
import { estimateScenarioArbitrary, scenarioWith } from '../fixtures/estimate-scenarios';
import { scenarioArbitrary } from '../fixtures/arbitraries';

/** Log-uniform scenarios with invalid references, and the URL codec's linear-uniform valid ones. */
const anyScenario = fc.oneof(estimateScenarioArbitrary, scenarioArbitrary);

/** Every array of rows in the series, with its path. */
function rowArrays(value: unknown, path = '$', out: Array<{ path: string; length: number }> = []) {
  if (Array.isArray(value)) {
    out.push({ path, length: value.length });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) rowArrays(item, `${path}.${key}`, out);
  }
  return out;
}

describe('every chart sweep of DEFAULT_SCENARIO', () => {
  const e = estimate(DEFAULT_SCENARIO);
  const s = allSeries(DEFAULT_SCENARIO, e);

  it('every number is finite and non-negative', () => {
    expect(collectNumbers(s).length).toBeGreaterThan(1000);
    expect(badNumbers(s, { nonNegative: true })).toEqual([]);
  });
  it('at most 80 points per swept series', () => {
    const sweeps = rowArrays(s).filter(({ path }) => !/timeline|capacities|runs|compression|ids|names/.test(path));
    for (const { path, length } of sweeps) expect(length, path).toBeLessThanOrEqual(80);
  });
  it('memory by precision marks the selected precision and lists accelerator capacities', () => {
    expect(s.memoryByPrecision.rows.filter((r) => r.selected).map((r) => r.id)).toEqual(['bf16']);
    const sizes = s.memoryByPrecision.capacities.map((c) => c.memoryBytes);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(sizes).toContain(80e9);
  });
  it('cost vs scale is monotone in params and marks the current model', () => {
    const rows = s.costVsScale.rows;
    expect(rows[0]!.params).toBe(1e8);
    expect(rows[rows.length - 1]!.params).toBe(1e13);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.flops).toBeGreaterThan(rows[i - 1]!.flops);
      expect(rows[i]!.costUsd).toBeGreaterThan(rows[i - 1]!.costUsd);
    }
    expect(s.costVsScale.current.costUsd).toBeCloseTo(e.training.costUsd, 6);
  });
  it('loss vs compute: each law’s optimum is below the iso-size curve of the current model', () => {
    s.lossVsCompute.optimal.forEach((row, i) => {
      const iso = s.lossVsCompute.isoSize[i]!;
      expect(row.hoffmann2022).toBeLessThanOrEqual(iso.hoffmann2022 + 1e-9);
      expect(row.besiroglu2024).toBeLessThanOrEqual(iso.besiroglu2024 + 1e-9);
    });
    const iso = s.lossVsCompute.isoSize[30]!;
    expect(iso.hoffmann2022).toBeCloseTo(predictLoss('hoffmann2022', e.scaling.params, iso.tokens), 12);
    expect(iso.kaplan2020).toBeCloseTo(predictLoss('kaplan2020', e.scaling.params, iso.tokens), 12);
  });
  it('frontier: closed forms on the compute grid and published runs (Llama 3.1 405B at 3.8e25)', () => {
    expect(s.computeOptimalFrontier.params.length).toBe(COMPUTE_GRID.length);
    const row = s.computeOptimalFrontier.params[20]!;
    expect(row.hoffmann2022).toBe(computeOptimal('hoffmann2022', row.compute).params);
    const llama = s.computeOptimalFrontier.runs.find((r) => r.id === 'llama31-405b');
    expect(llama?.compute).toBe(3.8e25);
  });
  it('training memory by strategy: 12 bars, ZeRO and recompute never increase memory', () => {
    const rows = s.trainingMemoryByStrategy.rows;
    expect(rows.length).toBe(12);
    expect(rows.filter((r) => r.current).length).toBe(1);
    const at = (z: number, r: string) => rows.find((x) => x.zeroStage === z && x.recompute === r)!.total;
    for (const r of ['none', 'selective', 'full']) for (let z = 1; z <= 3; z++) expect(at(z, r)).toBeLessThanOrEqual(at(z - 1, r));
    for (let z = 0; z <= 3; z++) expect(at(z, 'full')).toBeLessThanOrEqual(at(z, 'selective'));
    const current = rows.find((x) => x.current)!;
    expect(current.total).toBeCloseTo(e.training.memoryPerGpu.total, 0);
  });
  it('inference memory grows with context; throughput per sequence falls and aggregate rises with batch', () => {
    const ctx = s.inferenceMemoryVsContext.rows;
    for (let i = 1; i < ctx.length; i++) expect(ctx[i]!.totalBytes).toBeGreaterThan(ctx[i - 1]!.totalBytes);
    const tp = s.throughputVsBatch.rows;
    expect(tp.map((r) => r.batch)).toEqual([...BATCH_GRID]);
    for (let i = 1; i < tp.length; i++) {
      expect(tp[i]!.tokensPerSecondAggregate).toBeGreaterThanOrEqual(tp[i - 1]!.tokensPerSecondAggregate * (1 - 1e-12));
      expect(tp[i]!.tokensPerSecondPerSequence).toBeLessThanOrEqual(tp[i - 1]!.tokensPerSecondPerSequence * (1 + 1e-12));
    }
    const atScenarioBatch = tp.find((r) => r.batch === 16)!;
    expect(atScenarioBatch.tokensPerSecondAggregate).toBeCloseTo(e.inference.tokensPerSecondAggregate, 6);
  });
  it('deployment vs load: GPUs never fall as load grows; the current point matches the estimate', () => {
    const rows = s.deploymentVsLoad.rows;
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.totalGpus).toBeGreaterThanOrEqual(rows[i - 1]!.totalGpus);
    expect(s.deploymentVsLoad.current.totalGpus).toBe(e.deployment.totalGpus);
  });
  it('compression chain: 6 rows ending at 5% of the pruned params', () => {
    expect(s.compression.rows.length).toBe(6);
    // 70,553,706,496 × 0.5 (pruned) × 0.1 (distilled).
    expect(s.compression.rows[5]!.params).toBeCloseTo(3_527_685_324.8, 0);
  });
  it('dense model → no MoE series; Mixtral → bars and bytes read vs batch', () => {
    expect(s.moe).toBeNull();
    const mixtral = scenarioWith({ model: 'mixtral-8x7b' });
    const m = allSeries(mixtral, estimate(mixtral)).moe!;
    expect(m.bars[1]!.params).toBeLessThan(m.bars[0]!.params);
    expect(m.bytesReadVsBatch[0]!.fractionOfTotal).toBeLessThan(0.3);
    expect(m.bytesReadVsBatch[m.bytesReadVsBatch.length - 1]!.fractionOfTotal).toBeCloseTo(1, 6);
  });
});

describe('timelines (per weight precision, uncached)', () => {
  it('the model timeline has GPT-2, GPT-3, Llama 3.1 405B in year order, with published counts', () => {
    const t = timelineSeries('bf16');
    const years = t.rows.map((r) => r.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const gpt3 = t.rows.find((r) => r.id === 'gpt-3-175b')!;
    // GPT-3 paper Table 2.1: 175.0B; at BF16 350 GB.
    expect(gpt3.params).toBe(175e9);
    expect(gpt3.published).toBe(true);
    expect(gpt3.bytes).toBe(350e9);
    expect(timelineSeries('bf16')).not.toBe(t);
    expect(timelineSeries('bf16')).toEqual(t);
  });
  it('hardware timeline: largest servable model at FP16 on an 80 GB card ≈ 39.5B; trainable = memory / 16', () => {
    const h = hardwareTimeline('bf16');
    const h100 = h.rows.find((r) => r.id === 'h100-sxm')!;
    expect(h100.largestServableParams).toBeCloseTo(39.5e9, -6);
    expect(h100.largestTrainableParams).toBe(5e9);
    expect(hardwareTimeline('bf16')).not.toBe(h);
    expect(hardwareTimeline('bf16')).toEqual(h);
    expect(hardwareTimeline('int4').rows.find((r) => r.id === 'h100-sxm')!.largestServableParams).toBeCloseTo(158e9, -6);
  });
});

describe('series over random scenarios', () => {
  it('every number of every sweep is finite and non-negative', () => {
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const s = allSeries(scenario, estimate(scenario));
        expect(badNumbers(s, { nonNegative: true })).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
  it('costVsScale: more GPUs → fewer days at every size', () => {
    const a = costVsScale(scenarioWith({ gpuCount: 64 }), estimate(scenarioWith({ gpuCount: 64 })));
    const b = costVsScale(scenarioWith({ gpuCount: 128 }), estimate(scenarioWith({ gpuCount: 128 })));
    a.rows.forEach((row, i) => expect(b.rows[i]!.days).toBeLessThan(row.days));
  });
});
