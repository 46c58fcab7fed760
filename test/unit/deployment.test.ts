import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deploymentPlan, replicaRequestsPerSecond } from '../../src/core/deployment';

const base = {
  requestsPerSecond: 10,
  outputTokens: 500,
  gpusPerReplica: 2,
  batch: 16,
  prefillSecondsPerRequest: 0.2,
  decodeStepSeconds: 0.05,
  tdpWatts: 700,
  pue: 1.1,
  usdPerGpuHour: 3.78,
  usdPerKwh: 0.08,
};

describe('deploymentPlan (independently computed)', () => {
  it('capacity = 1 / (prefill + output × step / batch) = 1 / (0.2 + 500 × 0.05 / 16) ≈ 0.5714 req/s', () => {
    expect(replicaRequestsPerSecond(base)).toBeCloseTo(1 / (0.2 + 1.5625), 12);
  });
  it('10 req/s → 18 replicas × 2 GPUs = 36 GPUs, 27.72 kW, $99,338/month', () => {
    const plan = deploymentPlan(base);
    expect(plan.replicas).toBe(Math.ceil(10 / (1 / 1.7625)));
    expect(plan.replicas).toBe(18);
    expect(plan.totalGpus).toBe(36);
    expect(plan.powerKw).toBeCloseTo((36 * 700 * 1.1) / 1000, 9);
    expect(plan.monthlyGpuCostUsd).toBeCloseTo(730 * 36 * 3.78, 6);
    expect(plan.monthlyEnergyCostUsd).toBeCloseTo(27.72 * 730 * 0.08, 6);
    expect(plan.requestLatencySeconds).toBeCloseTo(0.2 + 500 * 0.05, 12);
    expect(plan.utilisation).toBeGreaterThan(0.9);
    expect(plan.utilisation).toBeLessThanOrEqual(1);
  });
  it('the article’s 1000 req/s for a 100B model: replicas scale linearly with load', () => {
    const a = deploymentPlan({ ...base, requestsPerSecond: 1000 });
    const b = deploymentPlan({ ...base, requestsPerSecond: 2000 });
    expect(b.replicas).toBeGreaterThanOrEqual(2 * a.replicas - 1);
  });
  it('more load → never fewer GPUs; finite across the load range (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), (load) => {
        const plan = deploymentPlan({ ...base, requestsPerSecond: load });
        for (const value of Object.values(plan)) expect(Number.isFinite(value) && value >= 0).toBe(true);
        expect(deploymentPlan({ ...base, requestsPerSecond: load * 2 }).totalGpus).toBeGreaterThanOrEqual(plan.totalGpus);
      }),
    );
  });
});
