import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  attentionTrainingFlops,
  energyCostUsd,
  impliedMfu,
  trainingCostUsd,
  trainingDays,
  trainingEnergyJoules,
  trainingFlops,
  trainingGpuHours,
  trainingRunTotals,
} from '../../src/core/training';
import { JOULES_PER_MWH } from '../../src/core/units';
import { GPT3_TRAINING, LLAMA31_405B_TRAINING } from '../fixtures/published';
import { MISTRAL_7B_V01, makeArch } from '../fixtures/architectures';

describe('trainingFlops = 6·N·D', () => {
  it('GPT-3: 6 × 174.6e9 × 300e9 ≈ 3.14e23 (Brown et al. 2020 Table D.1: 3.64e3 PF-days), within 0.5%', () => {
    const flops = trainingFlops(GPT3_TRAINING.params, GPT3_TRAINING.tokens);
    expect(Math.abs(flops / GPT3_TRAINING.publishedFlops - 1)).toBeLessThan(0.005);
    // 175e9 (the rounded size) is also within 0.5%.
    expect(Math.abs(trainingFlops(175e9, 300e9) / 3.14e23 - 1)).toBeLessThan(0.005);
  });
  it('Llama 3.1 405B: 6 × 405e9 × 15.6e12 ≈ 3.8e25 (Llama 3 paper §3.2.1), within 0.5%', () => {
    const flops = trainingFlops(LLAMA31_405B_TRAINING.params, LLAMA31_405B_TRAINING.tokens);
    expect(Math.abs(flops / LLAMA31_405B_TRAINING.publishedFlops - 1)).toBeLessThan(0.005);
  });
});

describe('trainingGpuHours', () => {
  it('Llama 3.1 405B at 41% MFU of 989.5 TFLOP/s: 26.0M H100-hours (derived), vs 30.84M reported (ratio ≈ 0.84)', () => {
    const hours = trainingGpuHours(LLAMA31_405B_TRAINING.publishedFlops, LLAMA31_405B_TRAINING.peakFlops, LLAMA31_405B_TRAINING.mfu);
    expect(hours / LLAMA31_405B_TRAINING.derivedGpuHoursAt41Pct).toBeCloseTo(1, 9);
    const ratioToReported = hours / LLAMA31_405B_TRAINING.reportedGpuHours;
    // The card's hours include restarts, evaluation and post-training: our pure compute time is 84% of them.
    expect(ratioToReported).toBeCloseTo(0.8437, 3);
    // And the MFU those reported hours imply (training.json derived mfu_from_hours 0.3459).
    expect(impliedMfu(3.8e25, LLAMA31_405B_TRAINING.reportedGpuHours, 989.5e12)).toBeCloseTo(0.3459, 4);
  });
  it('days: 26.0M GPU-hours on 16,384 GPUs ≈ 66 days', () => {
    expect(trainingDays(26_018_451, 16_384)).toBeCloseTo(66.17, 1);
  });
  it('more GPUs → fewer days; never NaN (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e15, max: 1e31, noNaN: true }), fc.double({ min: 1e9, max: 1e18, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: 1, max: 5e5 }), (flops, peak, mfu, gpus) => {
        const hours = trainingGpuHours(flops, peak, mfu);
        const days = trainingDays(hours, gpus);
        expect(Number.isFinite(hours) && hours > 0).toBe(true);
        expect(Number.isFinite(days) && days > 0).toBe(true);
        expect(trainingDays(hours, gpus * 2)).toBeLessThan(days);
      }),
    );
  });
  it('guards degenerate denominators', () => {
    expect(trainingGpuHours(1e20, 0, 0.4)).toBe(0);
    expect(trainingDays(100, 0)).toBeCloseTo(100 / 24);
  });
});

describe('cost and energy', () => {
  it('DeepSeek-V3: 2.788M H800-hours × $2 = $5.576M (DeepSeek-V3 report Table 1)', () => {
    expect(trainingCostUsd(2.788e6, 2)).toBeCloseTo(5.576e6, 0);
  });
  it('LLaMA-65B: 1,022,362 GPU-hours × 400 W × PUE 1.1 = 449.8 MWh (Touvron et al. 2023 Table 15)', () => {
    const joules = trainingEnergyJoules(1_022_362, 400, 1.1);
    expect(joules / JOULES_PER_MWH).toBeCloseTo(449.84, 1);
  });
  it('energy cost: 1 MWh at $0.08/kWh = $80', () => {
    expect(energyCostUsd(JOULES_PER_MWH, 0.08)).toBeCloseTo(80, 9);
  });
});

describe('attentionTrainingFlops (Kaplan 2020 §2.1: 6·n_layer·n_ctx·d_attn per token)', () => {
  it('GPT-3 at 2048 context: 6 × 96 × 2048 × 12288 per token ≈ 1.45e10, 1.4% of 6N', () => {
    const gpt3 = makeArch({ hidden: 12288, layers: 96, heads: 96, headDim: 128 });
    const perToken = attentionTrainingFlops(gpt3, 1, 2048);
    expect(perToken).toBe(14_495_514_624); // 6 × 96 × 2048 × 12288, worked by hand
    expect(perToken / (6 * 174.6e9)).toBeCloseTo(0.0138, 4);
  });
  it('sliding-window layers attend over at most their window', () => {
    expect(attentionTrainingFlops(MISTRAL_7B_V01, 1, 32768)).toBe(attentionTrainingFlops(MISTRAL_7B_V01, 1, 4096));
  });
});

describe('trainingRunTotals: one composition for estimate() and the cost chart', () => {
  it('Llama 3.1 405B: 3.8e25 FLOPs at 41% of 989.5 TFLOP/s on 16,384 H100 (Llama 3 paper §3.2.1, Table 4)', () => {
    const totals = trainingRunTotals(LLAMA31_405B_TRAINING.publishedFlops, {
      peakFlopsPerGpu: LLAMA31_405B_TRAINING.peakFlops,
      mfu: LLAMA31_405B_TRAINING.mfu,
      gpus: 16_384,
      tdpWatts: 700,
      pue: 1,
      usdPerGpuHour: 2,
      usdPerKwh: 0.08,
    });
    expect(totals.gpuHours / LLAMA31_405B_TRAINING.derivedGpuHoursAt41Pct).toBeCloseTo(1, 9);
    // 26.02M GPU-hours on 16,384 GPUs ≈ 66.2 days (the paper: about 54 days of pre-training at 38–43% MFU).
    expect(totals.days).toBeCloseTo(66.17, 1);
    // Worked by hand: 26,018,451 h × $2 = $52.04M; × 700 W = 18,213 MWh; × $0.08 per kWh = $1.457M.
    expect(totals.costUsd).toBeCloseTo(52_036_902.4, 0);
    expect(totals.energyJoules / JOULES_PER_MWH).toBeCloseTo(18_212.9, 1);
    expect(totals.energyCostUsd).toBeCloseTo(1_457_033.3, 0);
  });
  it('DeepSeek-V3: the GPU-hours of Table 1 at $2 cost $5.576M', () => {
    // 2.788M H800-hours at 100% of a 1 PFLOP/s peak: flops = 2.788e6 × 3600 × 1e15.
    const totals = trainingRunTotals(1.00368e25, { peakFlopsPerGpu: 1e15, mfu: 1, gpus: 2048, tdpWatts: 700, pue: 1, usdPerGpuHour: 2, usdPerKwh: 0 });
    expect(totals.gpuHours).toBeCloseTo(2.788e6, 0);
    expect(totals.costUsd).toBeCloseTo(5.576e6, 0);
    expect(totals.energyCostUsd).toBe(0);
  });
});
