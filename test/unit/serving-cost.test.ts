/**
 * $ per million output tokens from the device's own price — rental, or purchase amortised over a
 * stated lifetime plus energy — never a silent default rate; and the GPUs a request rate needs.
 */
import { describe, expect, it } from 'vitest';
import { architectureFromHfConfig } from '../../src/core/params';
import { costPerMillionOutputTokens, deviceHourlyCost, fleetForRequestRate } from '../../src/core/serving/cost';
import { servingCapacity } from '../../src/core/serving/capacity';
import { getDevice } from '../../src/data/local-devices';
import { MODELS_BY_ID } from '../../src/data/models';
import { ConfigError } from '../../src/core/errors';

const arch = (id: string) => architectureFromHfConfig(MODELS_BY_ID.get(id)!.config!);

describe('device cost per hour', () => {
  it('a rented GPU costs its quoted rate (H100 SXM: Lambda $3.78/h, May 2026)', () => {
    expect(deviceHourlyCost(getDevice('h100-sxm')!)).toMatchObject({ usdPerHour: 3.78, basis: 'rental', flags: [] });
  });

  it('a bought card: MSRP over 3 years plus its board power at $0.16/kWh (RTX 4090: $1,599, 450 W)', () => {
    const cost = deviceHourlyCost(getDevice('rtx-4090')!);
    expect(cost.basis).toBe('purchase');
    // $1,599 / 26,280 h = $0.0608/h; 0.45 kW × $0.16 = $0.072/h.
    expect(cost.amortisationUsdPerHour).toBeCloseTo(0.0608, 4);
    expect(cost.energyUsdPerHour).toBeCloseTo(0.072, 6);
  });

  it('never falls back to a made-up rate: no price → null and a flag; no power → energy left out, flagged', () => {
    const b200 = costPerMillionOutputTokens(getDevice('b200')!, 10_000);
    expect(b200.usdPerMillionOutputTokens).toBeNull();
    expect(b200.flags).toContain('no-price');
    const studio = deviceHourlyCost(getDevice('apple-m3-ultra-96gb')!);
    expect(studio.basis).toBe('purchase');
    expect(studio.flags).toContain('no-power');
    expect(deviceHourlyCost(getDevice('apple-m3-ultra-256gb')!).usdPerHour).toBeNull();
  });

  it('takes the user’s rental price and rejects nonsense', () => {
    expect(costPerMillionOutputTokens(getDevice('b200')!, 3600, { usdPerHour: 6 }).usdPerMillionOutputTokens).toBeCloseTo((6 / 3600) * 1e6 / 3600, 9);
    expect(() => deviceHourlyCost(getDevice('rtx-4090')!, { lifetimeYears: 0 })).toThrow(ConfigError);
    expect(() => deviceHourlyCost(getDevice('rtx-4090')!, { usdPerKwh: Number.NaN })).toThrow(ConfigError);
  });
});

describe('fleetForRequestRate', () => {
  const input = {
    arch: arch('llama-3.1-70b'),
    accelerator: getDevice('h100-sxm')!,
    tp: 2,
    weightPrecision: 'fp8' as const,
    kvPrecision: 'fp8' as const,
    inputTokens: 1000,
    outputTokens: 500,
    slo: { ttftSeconds: 2, tpotSeconds: 0.05 },
  };

  it('sizes replicas so their capacity under the SLO covers the load', () => {
    const point = servingCapacity(input);
    const plan = fleetForRequestRate({ ...input, requestsPerSecond: 100 });
    expect(plan.point.tpotSeconds).toBeLessThanOrEqual(0.05);
    expect(plan.replicas * point.requestsPerSecond).toBeGreaterThanOrEqual(100);
    expect((plan.replicas - 1) * point.requestsPerSecond).toBeLessThan(100);
    expect(plan.gpus).toBe(plan.replicas * 2);
    expect(plan.utilisation).toBeGreaterThan(0);
    expect(plan.utilisation).toBeLessThanOrEqual(1);
  });

  it('prices the fleet at its real load: $/Mtok = GPUs × $/h ÷ output tokens per hour', () => {
    const plan = fleetForRequestRate({ ...input, requestsPerSecond: 100 });
    const tokensPerHour = 100 * 500 * 3600;
    expect(plan.cost.usdPerMillionOutputTokens).toBeCloseTo((plan.gpus * 3.78 * 1e6) / tokensPerHour, 9);
    expect(() => fleetForRequestRate({ ...input, requestsPerSecond: -1 })).toThrow(ConfigError);
  });
});
