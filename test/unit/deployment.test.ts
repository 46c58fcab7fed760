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
    expect(replicaRequestsPerSecond(base)).toBeCloseTo(0.5673758865, 9); // 1 / 1.7625 s
  });
  it('10 req/s → 18 replicas × 2 GPUs = 36 GPUs, 27.72 kW, $99,338/month', () => {
    const plan = deploymentPlan(base);
    // ceil(10 × 1.7625) = 18 replicas; 36 × 700 W × 1.1 = 27.72 kW; 730 h × 36 × $3.78 = $99,338.40;
    // 27.72 kW × 730 h × $0.08 = $1,618.85; 0.2 s + 500 × 0.05 s = 25.2 s.
    expect(plan.replicas).toBe(18);
    expect(plan.totalGpus).toBe(36);
    expect(plan.powerKw).toBeCloseTo(27.72, 9);
    expect(plan.monthlyGpuCostUsd).toBeCloseTo(99_338.4, 6);
    expect(plan.monthlyEnergyCostUsd).toBeCloseTo(1_618.848, 6);
    expect(plan.requestLatencySeconds).toBeCloseTo(25.2, 12);
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
