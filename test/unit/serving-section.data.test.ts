/**
 * The serving section's shapers and the page's one fit verdict: the frontier behaves, refusals carry
 * the nearest setting (and applying it works), costs come from the device's own price (never a silent
 * $2/h), "can I run it" answers published claims, and the decode rows of the sources table are the
 * serving model's defaults (each of the 18 measurements within ±20%).
 */
import '../load-estimate'; // the store's estimate() loads on demand (src/store/estimate-code.ts)
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/core';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/scenario/scenario';
import { frontierChart } from '../../src/features/serving/serving-chart.data';
import { frontierTableRows, nearestPatch, servingView } from '../../src/features/serving/serving.data';
import { localRunView } from '../../src/features/serving/local.data';
import { decodeRows } from '../../src/features/sources/sources.data';

const scenario = (patch: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, ...patch });
const view = (patch: Partial<Scenario>) => {
  const s = scenario(patch);
  return servingView(estimate(s), s);
};

describe('serving view: frontier and operating point', () => {
  const v = view({});
  it('Llama 3.1 70B on H100 (default scenario): a frontier that behaves', () => {
    expect(v.problem).toBeNull();
    expect(v.frontier.length).toBeGreaterThan(5);
    for (let i = 1; i < v.frontier.length; i += 1) {
      const [previous, current] = [v.frontier[i - 1]!, v.frontier[i]!];
      expect(current.concurrency).toBeGreaterThan(previous.concurrency);
      // Throughput per GPU rises with concurrency, speed per user falls (issue #14's check).
      expect(current.perGpu).toBeGreaterThanOrEqual(previous.perGpu * (1 - 1e-9));
      expect(current.perUser).toBeLessThanOrEqual(previous.perUser * (1 + 1e-9));
    }
  });
  it('without targets the operating point is the frontier’s highest throughput per GPU', () => {
    const best = Math.max(...v.frontier.map((row) => row.perGpu));
    expect(v.point?.outputTokensPerSecondPerGpu).toBeCloseTo(best, 6);
  });
  it('a TPOT target lowers the concurrency and is met', () => {
    const free = v.point!;
    // Halfway between one sequence alone and the unconstrained point: met by some concurrency in between.
    const target = (v.frontier[0]!.tpotSeconds + free.tpotSeconds) / 2;
    const limited = view({ tpotTarget: target });
    expect(limited.problem).toBeNull();
    expect(limited.point!.tpotSeconds).toBeLessThanOrEqual(target);
    expect(limited.point!.concurrency).toBeLessThan(free.concurrency);
    expect(limited.point!.limitedBy).toBe('slo');
  });
  it('a fixed concurrency is served as asked', () => {
    expect(view({ servingConcurrency: 4 }).point?.concurrency).toBe(4);
  });
  it('the chart rows are sorted by speed per user, finite and inside the log domains', () => {
    const chart = frontierChart(v);
    for (let i = 1; i < chart.rows.length; i += 1) expect(chart.rows[i]!.perUser).toBeGreaterThanOrEqual(chart.rows[i - 1]!.perUser);
    for (const row of chart.rows) {
      expect(row.perUser).toBeGreaterThanOrEqual(chart.xDomain[0]);
      expect(row.perUser).toBeLessThanOrEqual(chart.xDomain[1]);
      expect(row.perGpu).toBeGreaterThanOrEqual(chart.yDomain[0]);
      expect(row.perGpu).toBeLessThanOrEqual(chart.yDomain[1]);
    }
    expect(frontierTableRows(v)).toHaveLength(v.frontier.length);
  });
  it('the fleet for the target rate: replicas × GPUs per replica, enough for the rate', () => {
    const fleet = view({ requestsPerSecond: 10 }).fleet!;
    expect(fleet.gpus).toBe(fleet.replicas * v.tp);
    expect(fleet.replicas * fleet.point.requestsPerSecond).toBeGreaterThanOrEqual(10);
    expect((fleet.replicas - 1) * fleet.point.requestsPerSecond).toBeLessThan(10);
  });
  it('an encoder-only model has nothing to serve and says so', () => {
    const encoder = view({ model: 'bert-base' });
    expect(encoder.generates).toBe(false);
    expect(encoder.frontier).toEqual([]);
  });
});

describe('refusals: a sentence and the nearest setting, never a silent clamp', () => {
  it('TP 8 on 4 GPUs → nearest TP 4, and TP 4 runs', () => {
    const refused = view({ servingTp: 8, gpuCount: 4 });
    expect(refused.point).toBeNull();
    expect(refused.problem?.field).toBe('tp');
    expect(refused.problem?.nearest).toEqual({ tp: 4 });
    const patch = nearestPatch(refused.problem!, scenario({}));
    expect(patch).toEqual({ servingTp: 4 });
    expect(view({ gpuCount: 4, ...patch }).problem).toBeNull();
  });
  it('a TPOT no concurrency meets → nearest target, which then runs at concurrency ≥ 1', () => {
    const refused = view({ tpotTarget: 0.001 });
    expect(refused.problem?.field).toBe('slo');
    const patch = nearestPatch(refused.problem!, scenario({ tpotTarget: 0.001 }))!;
    expect(patch.tpotTarget).toBeGreaterThan(0.001);
    expect(patch.ttftTarget).toBeUndefined(); // only the targets the reader set move
    const met = view({ tpotTarget: patch.tpotTarget! });
    expect(met.problem).toBeNull();
    expect(met.point!.concurrency).toBeGreaterThanOrEqual(1);
  });
  it('a prompt beyond the model’s context (Llama 3.1: 131,072 tokens) → the longest prompt that fits with the output', () => {
    const refused = view({ promptTokens: 200_000, outputTokens: 500 });
    expect(refused.problem?.field).toBe('inputTokens');
    expect(nearestPatch(refused.problem!, scenario({}))).toEqual({ promptTokens: 131_072 - 500 });
  });
  it('EP on a dense model → EP 1', () => {
    const refused = view({ servingEp: 8 });
    expect(refused.problem?.field).toBe('ep');
    expect(nearestPatch(refused.problem!, scenario({}))).toEqual({ servingEp: 1 });
  });
});

describe('cost from the device’s own price', () => {
  it('RTX 4090: $1,599 MSRP over 3 years + 450 W at $0.16/kWh = $0.1328 per hour', () => {
    const v = view({ gpu: 'rtx-4090', model: 'llama-3.1-8b' });
    expect(v.cost?.basis).toBe('purchase');
    // 1599 / (3 × 8760) = 0.060845; 0.45 kW × 0.16 = 0.072.
    expect(v.cost?.usdPerHour).toBeCloseTo(0.060845 + 0.072, 5);
  });
  it('an accelerator without any price (M2 Ultra) gets no cost, flagged — not $2/h', () => {
    const v = view({ gpu: 'm2-ultra', model: 'llama-3.1-8b' });
    expect(v.cost?.usdPerHour).toBeNull();
    expect(v.cost?.usdPerMillionOutputTokens).toBeNull();
    expect(v.cost?.flags).toContain('no-price');
  });
  it('the reader’s own price per GPU-hour wins', () => {
    expect(view({ usdPerGpuHour: 1.5 }).cost?.usdPerHour).toBe(1.5);
  });
  it('the estimate prices a bought device by its purchase, not the $2 fallback', () => {
    const e = estimate(scenario({ gpu: 'rtx-5080-16gb' }));
    expect(e.hardware.priceSource).toBe('purchase');
    expect(e.warnings).not.toContain('price-fallback');
  });
});

describe('one fit verdict: the inference and hardware sections read the same answer', () => {
  const cases: Partial<Scenario>[] = [
    {},
    { model: 'llama-3.1-8b' },
    { model: 'llama-3.1-8b', batch: 512, promptTokens: 32_000 },
    { model: 'deepseek-v3' },
    { model: 'llama-2-7b', gpu: 'rtx-4090', weightPrecision: 'fp16', batch: 1 },
    { model: 'llama-3.1-70b', gpu: 'apple-m4-max-64gb', weightPrecision: 'q4_k_m', batch: 1 },
  ];
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('%s', (_name, patch) => {
    const inference = estimate(scenario(patch)).inference;
    expect(inference.fitOneGpu).not.toBeNull();
    expect(inference.fitOneGpu!.fits).toBe(inference.fitsOneGpu);
    expect(inference.fit!.fits).toBe(inference.fits);
    expect(inference.fit!.gpus).toBe(inference.gpus);
  });
  it('DeepSeek-V3 (671B, BF16) spans nodes and pays for the all-reduces across them', () => {
    const inference = estimate(scenario({ model: 'deepseek-v3' })).inference;
    expect(inference.gpus).toBeGreaterThan(8);
    expect(inference.decodeCommunicationSeconds).toBeGreaterThan(0);
  });
  it('Llama-2-7B FP16 on an RTX 4090 decodes within ±20% of llama.cpp’s 60.8 tok/s (the flat 50% gave 36.8)', () => {
    const inference = estimate(scenario({ model: 'llama-2-7b', gpu: 'rtx-4090', weightPrecision: 'fp16', batch: 1, promptTokens: 16, outputTokens: 128 })).inference;
    expect(Math.abs(inference.singleStreamTokensPerSecond / 60.8 - 1)).toBeLessThanOrEqual(0.2);
    expect(inference.bandwidthEfficiencyOverridden).toBe(false);
  });
  it('an old link’s bandwidth efficiency is kept as an override', () => {
    const inference = estimate(scenario({ bandwidthEfficiency: 0.5 })).inference;
    expect(inference.bandwidthEfficiency).toBe(0.5);
    expect(inference.bandwidthEfficiencyOverridden).toBe(true);
  });
});

describe('the sources table’s decode rows = the serving model’s defaults', () => {
  const rows = decodeRows();
  it('18 rows, each within ±20% of the measurement', () => {
    expect(rows).toHaveLength(18);
    for (const row of rows) expect(Math.abs(row.error), row.subject).toBeLessThanOrEqual(0.2);
  });
  it('the old flat 50% shown beside them missed by more than 20% on at least 5 rows', () => {
    expect(rows.filter((row) => Math.abs(row.before!.error) > 0.2).length).toBeGreaterThanOrEqual(5);
  });
});

describe('can I run it', () => {
  const local = (patch: Partial<Scenario>) => {
    const s = scenario(patch);
    return localRunView(estimate(s), s);
  };
  it('Mac Studio M3 Ultra 512 GB runs DeepSeek-V3 (671B) at 4 bits (Apple: "over 600 billion parameters entirely in memory")', () => {
    const v = local({ model: 'deepseek-v3', localDevice: 'apple-m3-ultra-512gb' });
    expect(v.answer?.answer).toBe('runs');
    expect(['q4_k_m', 'q4_0']).toContain(v.answer?.precision);
  });
  it('Llama-2-7B on a 16 GB M4: Q8_0 (F16 exceeds the ⅔ the GPU may use), within 15% of llama.cpp’s 13.54 tok/s', () => {
    const v = local({ model: 'llama-2-7b', localDevice: 'apple-m4-16gb', promptTokens: 64, outputTokens: 64 });
    expect(v.answer?.precision).toBe('q8_0');
    expect(Math.abs(v.answer!.decodeTokensPerSecond / 13.54 - 1)).toBeLessThanOrEqual(0.15);
    expect(v.usableFraction).toBeCloseTo(2 / 3, 6);
  });
  it('raising the Mac’s usable share lets F16 fit', () => {
    expect(local({ model: 'llama-2-7b', localDevice: 'apple-m4-16gb', usableMemoryFraction: 0.95 }).answer?.precision).toBe('fp16');
  });
  it('Llama 3.1 70B on a 24 GB RTX 4090 needs offload to system RAM, and without RAM does not fit', () => {
    const offload = local({ model: 'llama-3.1-70b', localDevice: 'rtx-4090', hostMemoryBytes: 64e9 });
    expect(offload.answer?.answer).toBe('runs-with-offload');
    expect(offload.answer?.offload?.cpuLayers).toBeGreaterThan(0);
    expect(local({ model: 'llama-3.1-70b', localDevice: 'rtx-4090', hostMemoryBytes: 0 }).answer?.answer).toBe('does-not-fit');
  });
  it('one row per candidate format, widest first, with finite speeds', () => {
    const v = local({ model: 'llama-3.1-8b', localDevice: 'rtx-4060-ti-16gb' });
    expect(v.rows.map((row) => row.precision)).toEqual(['fp16', 'q8_0', 'q4_k_m', 'q4_0']);
    for (const row of v.rows) expect(Number.isFinite(row.decodeTokensPerSecond)).toBe(true);
  });
  it('an encoder-only model gets a message, not a crash', () => {
    const v = local({ model: 'bert-base' });
    expect(v.answer).toBeNull();
    expect(v.problem).toBeTruthy();
  });
});
