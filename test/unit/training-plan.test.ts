/**
 * The planner in the estimate and the training plan's shapers: estimate() prices the run with the
 * planner's step unless the MFU is pinned; a layout that cannot run names its rule and gives no
 * numbers; the global batch default; the URL rules of the new fields; the shapers of the section
 * (breakdown, strong scaling with the published points, band, request key); published runs
 * against their reported GPU-hours.
 */
import '../load-estimate'; // the store's estimate() loads on demand (src/store/estimate-code.ts)
import { describe, expect, it } from 'vitest';
import { defaultGlobalBatch, estimate, scenarioGlobalBatch, predictPublishedRun, trainingStep, type LayoutRule } from '../../src/core';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/scenario/scenario';
import { decodeScenario, encodeScenario } from '../../src/scenario/url-codec';
import { getAccelerator } from '../../src/data/hardware';
import { TRAINING_RUN_LAYOUTS } from '../../src/data/training-run-layouts';
import { runPlan, scalingGpuCounts, scalingPoint, type PlanRow } from '../../src/features/training-plan/plan-job';
import { costVsScale } from '../../src/core/series/training';
import { BREAKDOWN_COLORS } from '../../src/features/training-plan/breakdown-chart';
import { durationTickFormat, formatDuration } from '../../src/i18n/format';
import { breakdownBar, fastestBeforeEnd, noLayoutReason, planBand, planRequestFor, publishedScalingPoints, rejectionCounts, scalingChart } from '../../src/features/training-plan/training-plan.data';

const at = (patch: Partial<Scenario>) => estimate({ ...DEFAULT_SCENARIO, ...patch });

describe('estimate() with the planner', () => {
  const e = at({});
  const t = e.training;

  it('predicts by default: the run takes steps × the planner step for the scenario layout (TP 8 × DP 128 of 1,024 H100)', () => {
    expect(DEFAULT_SCENARIO.mfu).toBeNull();
    expect(t.mfuSource).toBe('predicted');
    const h100 = getAccelerator('h100-sxm')!;
    // The same step asked of the planner directly: 4M tokens of 4096 = 1024 sequences per step.
    const step = trainingStep({
      arch: e.model.arch,
      accelerator: h100,
      precision: 'bf16',
      layout: { tp: 8, pp: 1, dp: 128, cp: 1, ep: 1, vp: 1, microBatch: 1, zeroStage: 1, sequenceParallel: true },
      globalBatch: 1024,
      seqLen: 4096,
      recompute: 'selective',
    });
    const steps = t.tokens / (1024 * 4096);
    expect(t.steps).toBeCloseTo(steps, 6);
    expect(t.gpuHours / ((steps * step.seconds * 1024) / 3600) - 1).toBeCloseTo(0, 9);
    expect(t.predictedMfu).toBe(step.mfu);
    // The run's MFU is the 6·N·D equivalent of the step time, a little below the planner's (which counts attention and the head).
    expect(t.mfu).toBeLessThan(step.mfu);
    expect(t.mfu).toBeGreaterThan(0.2);
  });

  it('gives a ±10 % band around the predicted run (the planner’s STEP_TIME_SPREAD)', () => {
    const band = t.band!;
    expect(band.gpuHoursLow / t.gpuHours).toBeCloseTo(0.9, 6);
    expect(band.gpuHoursHigh / t.gpuHours).toBeCloseTo(1.1, 6);
    expect(band.costLowUsd).toBeLessThan(t.costUsd);
    expect(band.daysHigh).toBeGreaterThan(t.days);
  });

  it('a pinned MFU prices the run at 6·N·D ÷ (peak × MFU) and still reports the prediction', () => {
    const pinned = at({ mfu: 0.4 }).training;
    expect(pinned.mfuSource).toBe('pinned');
    // 6 × 70,553,706,496 × 1,411,074,129,920 FLOPs ÷ (989.5e12 × 0.4) ÷ 3600 = 419,220.6 GPU-hours.
    expect(pinned.gpuHours).toBeCloseTo(419_220.608, 2);
    expect(pinned.predictedMfu).toBe(t.predictedMfu);
    expect(pinned.band).toBeNull();
  });

  it('Llama 3.1 405B on 16,384 H100 with its published layout (TP 8, PP 16, 8,192 tokens, 2,048 sequences): MFU near Table 4’s 41 %', () => {
    // Llama 3 paper Table 4: 16,384 GPUs, TP 8, CP 1, PP 16, DP 128, 8,192 tokens, batch 16M tokens → 400 TFLOP/s = 41 % BF16 MFU.
    // §3.3.2: one layer fewer on the first and last stage: 126 = 7 + 14 × 8 + 7, interleaved over 8 virtual stages.
    const run = at({ model: 'llama-3.1-405b', gpuCount: 16_384, tensorParallel: 8, pipelineParallel: 16, virtualPipeline: 8, seqLen: 8192, globalBatch: 2048, recompute: 'none', tokens: 15.6e12 }).training;
    expect(run.layoutProblem).toBeNull();
    expect(run.layout.dp).toBe(128);
    expect(run.layout.unevenStages).toEqual({ first: 7, middle: 8, last: 7 });
    expect(run.predictedMfu!).toBeGreaterThan(0.41 * 0.8);
    expect(run.predictedMfu!).toBeLessThan(0.41 * 1.3);
  });
});

describe('a layout that cannot run names its rule and gives no run numbers', () => {
  const cases: [string, Partial<Scenario>, LayoutRule][] = [
    ['1,000 GPUs over TP 8 × PP 3', { gpuCount: 1000, pipelineParallel: 3 }, 'gpus'],
    ['TP 3 with 64 heads', { gpuCount: 1026, tensorParallel: 3 }, 'heads'],
    ['PP 4 × VP 3 with 80 layers', { pipelineParallel: 4, virtualPipeline: 3 }, 'layers'],
    ['VP 2 without a pipeline', { virtualPipeline: 2 }, 'vp'],
    ['a global batch of 1,000 over DP 128', { globalBatch: 1000 }, 'batch'],
    ['EP 2 on a dense model', { expertParallel: 2 }, 'experts'],
    ['TP 16 on 8-GPU nodes', { tensorParallel: 16 }, 'tp-across-nodes'],
    ['sequence 4,100 not divisible by TP 8', { seqLen: 4100 }, 'sequence'],
    ['offload with a pipeline', { offloadLayers: 10, pipelineParallel: 2, recompute: 'none' }, 'offload'],
    ['offload with recomputation', { offloadLayers: 10, recompute: 'selective' }, 'offload'],
    ['offload of every layer', { offloadLayers: 1000, recompute: 'none' }, 'offload'],
  ];
  it.each(cases)('%s', (_name, patch, rule) => {
    const t = at(patch).training;
    expect(t.layoutProblem?.rule).toBe(rule);
    expect(t.layoutProblem?.message.length).toBeGreaterThan(10);
    expect(t.step).toBeNull();
    expect(t.mfuSource).toBe('assumed');
    expect(t.band).toBeNull();
    for (const value of [t.gpuHours, t.days, t.costUsd, t.energyJoules, t.steps]) expect(Number.isFinite(value)).toBe(true);
  });

  it('offload prices the copies and moves activations to host memory; the URL carries it', () => {
    const patch: Partial<Scenario> = { gpu: 'gb200', gpuCount: 64, model: 'llama-3.1-70b', tensorParallel: 1, zeroStage: 3, recompute: 'none', microBatch: 2, seqLen: 8192, globalBatch: 128, trainPrecision: 'fp8' };
    const without = at(patch).training.step!;
    const offloaded = at({ ...patch, offloadLayers: 40 }).training.step!;
    expect(without.layout.offloadLayers).toBe(0);
    expect(offloaded.layout.offloadLayers).toBe(40);
    expect(offloaded.memory.offloaded).toBeGreaterThan(0);
    expect(offloaded.memoryPerGpu).toBeLessThan(without.memoryPerGpu * 0.7);
    expect(offloaded.seconds).toBeGreaterThanOrEqual(without.seconds);
    expect(decodeScenario(encodeScenario({ ...DEFAULT_SCENARIO, offloadLayers: 40 })).scenario.offloadLayers).toBe(40);
    // An estimate input from before the field (no offloadLayers) prices no offload.
    const { offloadLayers: _absent, ...older } = { ...DEFAULT_SCENARIO, ...patch };
    expect(estimate(older).training.step!.layout.offloadLayers).toBe(0);
    // The memory card counts the same 39 layers (40 less the one in transit) off the GPU.
    const card = (offloadLayers: number) => at({ ...patch, offloadLayers }).training;
    const perLayer = card(0).activationBytesPerLayer.none;
    expect(card(0).memoryPerGpu.activations - card(40).memoryPerGpu.activations).toBeCloseTo(39 * perLayer, -3);
  });

  it('the training software: auto prices the accelerator default, a chosen one prices its own kernels, memory and plan', () => {
    const gpt3: Partial<Scenario> = { model: 'gpt-3-175b', gpu: 'a100-sxm-80gb', gpuCount: 1024, tensorParallel: 8, pipelineParallel: 8, trainPrecision: 'bf16', recompute: 'none', microBatch: 1 };
    const auto = at(gpt3).training;
    expect(auto.frameworkAuto).toBe(true);
    expect(auto.framework?.id).toBe(auto.step!.framework);
    expect(at({ trainPrecision: 'fp8' }).training.framework?.id).toBe('nemo-2');
    expect(at({}).training.framework?.id).toBe('megatron-core');
    // 2021 software on the same layout: unfused attention, no overlaps; the estimate prices what the core prices.
    const old = at({ ...gpt3, trainingFramework: 'megatron-lm-2021' }).training;
    expect(old.frameworkAuto).toBe(false);
    expect(old.step!.framework).toBe('megatron-lm-2021');
    const direct = trainingStep({
      arch: at(gpt3).model.arch,
      accelerator: getAccelerator('a100-sxm-80gb')!,
      precision: 'bf16',
      layout: { tp: 8, pp: 8, dp: 16, cp: 1, ep: 1, vp: 1, microBatch: 1, zeroStage: 1, sequenceParallel: true },
      globalBatch: old.layout.globalBatch,
      seqLen: old.layout.seqLen,
      recompute: 'none',
      framework: 'megatron-lm-2021',
    });
    expect(old.step!.seconds).toBeCloseTo(direct.seconds, 9);
    const current = at({ ...gpt3, trainingFramework: 'megatron-core' }).training;
    expect(old.step!.seconds).toBeGreaterThan(current.step!.seconds * 1.05);
    expect(old.gpuHours).toBeGreaterThan(current.gpuHours);
    // Unfused attention keeps the s × s scores without recomputation: the card counts them as the plan does.
    expect(old.activationBytesPerLayer.none).toBeGreaterThan(current.activationBytesPerLayer.none * 1.2);
    expect(old.activationBytesPerLayer.full).toBe(current.activationBytesPerLayer.full);
    // The training plan searches with the same software, and its key changes with it.
    const plan = (trainingFramework: string) => planRequestFor(at({ ...gpt3, trainingFramework }))!;
    expect(plan('megatron-lm-2021').request.framework).toBe('megatron-lm-2021');
    expect(plan('megatron-lm-2021').key).not.toBe(plan('fsdp-xformers-2023').key);
    // … and prices with it: FSDP + xformers sustains 75 % of the modelled kernel rates, so its best layout is slower.
    const small: Partial<Scenario> = { model: 'llama-3-8b', gpuCount: 8, seqLen: 8192, globalBatch: 128, tensorParallel: 1 };
    const best = (trainingFramework: string) => runPlan(planRequestFor(at({ ...small, trainingFramework }))!.request).rows[0]!.seconds;
    expect(best('fsdp-xformers-2023')).toBeGreaterThan(best('auto') * 1.2);
    // The URL carries it; an unknown id falls back to automatic.
    expect(decodeScenario(encodeScenario({ ...DEFAULT_SCENARIO, trainingFramework: 'meta-llama3-2024' })).scenario.trainingFramework).toBe('meta-llama3-2024');
    expect(decodeScenario('sw=nope').scenario.trainingFramework).toBe('auto');
  });

  it('goodput: days, GPU-hours, cost, energy, band and the cost-vs-scale sweep divide by it; the step and its MFU do not move', () => {
    const steps = at({});
    const lossy = at({ goodput: 0.9 });
    expect(lossy.training.step!.seconds).toBe(steps.training.step!.seconds);
    expect(lossy.training.mfu).toBe(steps.training.mfu);
    for (const key of ['gpuHours', 'days', 'costUsd', 'energyJoules', 'energyCostUsd'] as const) {
      expect(lossy.training[key] / steps.training[key], key).toBeCloseTo(1 / 0.9, 9);
    }
    expect(lossy.training.band!.daysHigh / steps.training.band!.daysHigh).toBeCloseTo(1 / 0.9, 9);
    const sweep = (e: typeof steps, patch: Partial<Scenario>) => costVsScale({ ...DEFAULT_SCENARIO, ...patch }, e).rows.at(-1)!.costUsd;
    expect(sweep(lossy, { goodput: 0.9 }) / sweep(steps, {})).toBeCloseTo(1 / 0.9, 9);
    // A pinned MFU takes the same goodput.
    expect(at({ mfu: 0.4, goodput: 0.8 }).training.days / at({ mfu: 0.4 }).training.days).toBeCloseTo(1.25, 9);
    // The URL carries it; a value below the range is raised to its floor, and an input from before the field counts the steps only.
    expect(decodeScenario(encodeScenario({ ...DEFAULT_SCENARIO, goodput: 0.9 })).scenario.goodput).toBe(0.9);
    expect(decodeScenario('gp=0.05').scenario.goodput).toBe(0.3);
    const { goodput: _absent, ...older } = DEFAULT_SCENARIO;
    expect(estimate(older).training.days).toBe(steps.training.days);
  });

  it('a custom cluster with 8-GPU nodes accepts TP 8 and rejects TP 16; 72-GPU NVL72 domains accept TP 16', () => {
    expect(at({ cluster: 'custom', customCluster: { gpusPerNode: 8, scaleUpBytesPerSecond: 450e9, scaleOutBytesPerSecondPerGpu: 50e9 }, tensorParallel: 16 }).training.layoutProblem?.rule).toBe('tp-across-nodes');
    expect(at({ gpu: 'gb200', cluster: 'gb200-nvl72', tensorParallel: 16 }).training.layoutProblem).toBeNull();
  });

  it('extreme inputs stay finite: 1e6 GPUs, a 10M-token sequence, links at the 0.1 GB/s floor', () => {
    for (const patch of [{ gpuCount: 1e6 }, { seqLen: 1e7 }, { cluster: 'custom', customCluster: { gpusPerNode: 8, scaleUpBytesPerSecond: 1e8, scaleOutBytesPerSecondPerGpu: 1e8 } }] as Partial<Scenario>[]) {
      const t = at(patch).training;
      for (const value of [t.gpuHours, t.days, t.costUsd, t.mfu, t.steps]) {
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe('the global batch default: about 4M tokens (Llama 2 §2.2), a multiple of dp × micro-batch', () => {
  it('4,096-token sequences on DP 128: 1,024 sequences = 4,194,304 tokens', () => {
    expect(defaultGlobalBatch(4096, 128, 1)).toBe(1024);
  });
  it('8,192 tokens on DP 125: 512 sequences rounded to 500 (4 × 125)', () => {
    expect(defaultGlobalBatch(8192, 125, 1)).toBe(500);
  });
  it('never below one micro-batch per replica: 10M-token sequences on DP 128 × micro-batch 2 → 256', () => {
    expect(defaultGlobalBatch(1e7, 128, 2)).toBe(256);
  });
  it('a layout that does not divide the GPUs rounds to nothing: the plan gets the plain default, not ⌊1,024 ÷ 3⌋ × 3', () => {
    expect(scenarioGlobalBatch(4096, 1024, 8, 1)).toBe(defaultGlobalBatch(4096, 128, 1));
    expect(scenarioGlobalBatch(4096, 1024, 3, 1)).toBe(1024);
    expect(scenarioGlobalBatch(4096, 1024, 7, 2)).toBe(1024);
    const broken = at({ tensorParallel: 3, globalBatch: null });
    expect(broken.training.layoutProblem?.rule).toBe('gpus');
    expect(broken.training.layout.globalBatch).toBe(1024);
    expect(planRequestFor(broken)?.request.globalBatch).toBe(1024);
  });
});

describe('URL rules of the planner fields', () => {
  it('old links with mfu= keep pinning it; no mfu means predicted', () => {
    expect(decodeScenario('?mfu=0.45').scenario.mfu).toBe(0.45);
    expect(decodeScenario('?').scenario.mfu).toBeNull();
    expect(decodeScenario('?mfu=auto').scenario.mfu).toBeNull();
  });
  it('cp, ep, vp, gb, cl, cc round-trip; the defaults stay out of the URL', () => {
    const scenario: Scenario = { ...DEFAULT_SCENARIO, contextParallel: 2, expertParallel: 4, virtualPipeline: 3, globalBatch: 512, cluster: 'custom', customCluster: { gpusPerNode: 72, scaleUpBytesPerSecond: 9e11, scaleOutBytesPerSecondPerGpu: 5e10 } };
    const query = encodeScenario(scenario);
    expect(query).toContain('cp=2');
    expect(query).toContain('cc=node%3A72');
    expect(decodeScenario(query).scenario).toEqual(scenario);
    const plain = encodeScenario(DEFAULT_SCENARIO);
    for (const key of ['cp=', 'ep=', 'vp=', 'gb=', 'cl=', 'cc=', 'mfu=']) expect(plain).not.toContain(key);
  });
  it('a custom cluster with 0 bandwidth is clamped to the 0.1 GB/s floor; an unknown cluster id falls back to auto', () => {
    const decoded = decodeScenario('?cl=custom&cc=node:8,up:0,out:0');
    expect(decoded.scenario.customCluster.scaleUpBytesPerSecond).toBe(1e8);
    expect(decoded.scenario.customCluster.scaleOutBytesPerSecondPerGpu).toBe(1e8);
    const unknown = decodeScenario('?cl=no-such-cluster');
    expect(unknown.scenario.cluster).toBe('auto');
    expect(unknown.ignored).toContain('cl');
  });
});

describe('training plan shapers', () => {
  const e = at({ model: 'llama-3-8b', gpuCount: 8, seqLen: 8192, globalBatch: 128, tensorParallel: 1 });
  const prepared = planRequestFor(e)!;
  const plan = runPlan(prepared.request);

  it('plans Llama 3 8B on 8 H100 fastest first, within the planner’s own band', () => {
    expect(plan.rows.length).toBeGreaterThan(5);
    expect(plan.rows[0]!.rank).toBe(1);
    for (let i = 1; i < plan.rows.length; i++) expect(plan.rows[i]!.seconds).toBeGreaterThanOrEqual(plan.rows[i - 1]!.seconds);
    for (const row of plan.rows) expect(row.tp * row.pp * row.cp * row.dp).toBe(8);
    // NeMo 24.09: Llama3-8B on 8 H100 at 8,192 tokens, FP8: 12,273 tokens/s/GPU; in BF16 a fit planner must be below that and above half of it.
    expect(plan.rows[0]!.tokensPerSecondPerGpu).toBeLessThan(12_273);
    expect(plan.rows[0]!.tokensPerSecondPerGpu).toBeGreaterThan(12_273 / 2);
    expect(rejectionCounts(plan).every(({ count, reason }) => count > 0 && reason !== 'slower')).toBe(true);
  });

  it('no layout for a global batch no data-parallel degree divides says so, not "out of memory"', () => {
    // 1,023 sequences on 1,024 GPUs: only dp 1 divides both, and no model-parallel split of 1,024 GPUs runs.
    const none = runPlan(planRequestFor(at({ globalBatch: 1023 }))!.request);
    expect(none.rows).toHaveLength(0);
    expect(rejectionCounts(none).map(({ reason }) => reason)).toContain('batch-not-divisible');
    expect(noLayoutReason(rejectionCounts(none))).toBe('noLayoutRules');
    expect(noLayoutReason([{ reason: 'oom', count: 3 }, { reason: 'batch-not-divisible', count: 9 }])).toBe('noLayout');
  });

  it('the request key changes with what the plan depends on, not with the price or the MFU pin', () => {
    expect(planRequestFor(at({ model: 'llama-3-8b', gpuCount: 8, seqLen: 8192, globalBatch: 128, tensorParallel: 1, mfu: 0.3, usdPerGpuHour: 9 }))!.key).toBe(prepared.key);
    expect(planRequestFor(at({ model: 'llama-3-8b', gpuCount: 16, seqLen: 8192, globalBatch: 128, tensorParallel: 1 }))!.key).not.toBe(prepared.key);
    expect(planRequestFor(at({ model: 'llama-3-8b', gpuCount: 8, seqLen: 8192, globalBatch: 128, tensorParallel: 1, cluster: 'dgx-b200' }))!.key).not.toBe(prepared.key);
  });

  it('the step-time axis keeps one unit: 0 s, 2 s, 4 s (not 0 ms)', () => {
    expect([0, 2, 4].map(durationTickFormat(6, 'en'))).toEqual(['0 s', '2 s', '4 s']);
    expect(durationTickFormat(6, 'zh')(0)).toBe('0 秒');
    expect([0, 0.2].map(durationTickFormat(0.8, 'en'))).toEqual(['0 ms', '200 ms']);
    expect(formatDuration(0.5, 'en')).toBe('500 ms');
    expect(formatDuration(90 * 60, 'en')).toBe('90 min');
  });

  it('strong scaling names the fastest GPU count when more GPUs stop helping before the sweep ends', () => {
    const point = (gpus: number, days: number) => ({ gpus, mfu: 0.4, days, layout: '' });
    expect(fastestBeforeEnd([point(4096, 113), point(16384, 30), point(32768, 27), point(65536, 38.2)])?.gpus).toBe(32768);
    expect(fastestBeforeEnd([point(4096, 113), point(16384, 40), point(65536, 38.2)])).toBeNull();
    expect(fastestBeforeEnd([point(4096, 38.9), point(65536, 39)])).toBeNull();
    expect(fastestBeforeEnd([])).toBeNull();
  });

  it('every cause of the step-time chart has its own colour', () => {
    const colours = Object.values(BREAKDOWN_COLORS).map((colour) => colour.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('a breakdown bar sums to the step time (the planner’s causes sum to its seconds)', () => {
    const row = plan.rows[0]!;
    const bar = breakdownBar('best', row.breakdown);
    expect(bar.total / row.seconds).toBeCloseTo(1, 9);
    expect(bar.other).toBe(0);
  });

  it('the band: days = tokens ÷ (batch × sequence) × step seconds ÷ 86,400, low and high from the row', () => {
    const row: PlanRow = { ...plan.rows[0]!, seconds: 10, secondsLow: 9, secondsHigh: 11 };
    const band = planBand(row, e)!;
    const steps = e.training.tokens / (128 * 8192);
    expect(band.days).toBeCloseTo((steps * 10) / 86_400, 9);
    expect(band.daysLow / band.days).toBeCloseTo(0.9, 9);
    expect(band.cost).toBeCloseTo(band.days * 24 * 8 * e.hardware.usdPerGpuHour, 6);
  });

  it('with a goodput the plan counts days as the training section does: the band, the sweep and the request key follow it', () => {
    const lossy = at({ model: 'llama-3-8b', gpuCount: 8, seqLen: 8192, globalBatch: 128, tensorParallel: 1, goodput: 0.8 });
    const row: PlanRow = { ...plan.rows[0]!, seconds: 10, secondsLow: 9, secondsHigh: 11 };
    expect(planBand(row, lossy)!.days / planBand(row, e)!.days).toBeCloseTo(1.25, 9);
    // The band at the scenario's own step equals the section's days.
    const own: PlanRow = { ...row, seconds: lossy.training.step!.seconds };
    expect(planBand(own, lossy)!.days / lossy.training.days).toBeCloseTo(1, 9);
    const request = planRequestFor(lossy)!;
    expect(request.request.goodput).toBe(0.8);
    expect(request.key).not.toBe(planRequestFor(e)!.key);
    const point = scalingPoint(request.request, 8);
    const steps = scalingPoint(planRequestFor(e)!.request, 8);
    expect(point.days! / steps.days!).toBeCloseTo(1.25, 9);
    expect(point.seconds).toBe(steps.seconds);
  });

  it('strong scaling: ¼ … 4 × the GPUs, whole and unique', () => {
    expect(scalingGpuCounts(1024)).toEqual([256, 512, 1024, 2048, 4096]);
    expect(scalingGpuCounts(2)).toEqual([1, 2, 4, 8]);
    expect(scalingGpuCounts(1e6)).toEqual([250_000, 500_000, 1e6]);
  });

  it('published points of the accelerator: Megatron-Core’s printed MFU on H100, NeMo TFLOP/s ÷ FP8 peak', () => {
    const h100 = publishedScalingPoints('h100-sxm');
    expect(h100.filter((p) => p.label.startsWith('Megatron-Core'))).toHaveLength(9);
    // NeMo 24.09 Llama3-8B on 8 H100: 711 model TFLOP/s ÷ 1,979 TFLOP/s dense FP8 ≈ 35.9 %.
    const llama = h100.find((p) => p.label === 'NeMo 24.09 Llama3-8B')!;
    expect(llama.mfu).toBeCloseTo(711 / 1978.9, 2);
    expect(publishedScalingPoints('rtx-4090')).toEqual([]);
    const chart = scalingChart({ points: [{ gpus: 8, mfu: 0.5, seconds: 1, days: 2, layout: 'x' }, { gpus: 16, mfu: null, seconds: null, days: null, layout: null }], scalingMs: 1 }, 8, 'h100-sxm');
    expect(chart.points).toHaveLength(1);
    expect(chart.empty).toEqual([16]);
    expect(chart.gpuDomain[0]).toBeLessThanOrEqual(8);
    expect(chart.gpuDomain[1]).toBeGreaterThanOrEqual(6144);
  });
});

describe('published runs priced by the planner (docs/training-planner.md, "Published runs")', () => {
  const byId = (id: string) => predictPublishedRun(TRAINING_RUN_LAYOUTS.find((row) => row.runId === id)!);
  it('Falcon-180B: within ±15 % of the 7,000,000 reported GPU-hours (elapsed)', () => {
    const falcon = byId('falcon-180b');
    expect(falcon.reportedGpuHours).toBe(7_000_000);
    expect(falcon.comparison).toBe('elapsed');
    expect(Math.abs(falcon.error!)).toBeLessThanOrEqual(0.15);
  });
  it('LLaMA-1 65B: within ±15 % of the 1,022,362 GPU-hours of Table 15 (steps only)', () => {
    const llama = byId('llama1-65b');
    expect(llama.reportedGpuHours).toBe(1_022_362);
    expect(llama.comparison).toBe('steps');
    expect(Math.abs(llama.error!)).toBeLessThanOrEqual(0.15);
    expect(llama.hoursCover.length).toBeGreaterThan(20);
  });
});
