import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeParamsRead, expectedExpertsTouchedFraction, moeSummary } from '../../src/core/moe';
import { MIXTRAL_8X7B, MIXTRAL_8X7B_COUNT, denseCount, makeArch } from '../fixtures/architectures';

describe('moeSummary — Mixtral 8x7B (Jiang et al. 2024 §2: 47B total, 13B active)', () => {
  const summary = moeSummary(MIXTRAL_8X7B, MIXTRAL_8X7B_COUNT, { bitsPerWeight: 16, batch: 1 })!;
  it('memory pays for all 46.7B parameters, compute for 12.9B', () => {
    // 46,702,792,704 and 12,879,925,248 parameters (models.json), at 2 bytes and 2 FLOPs each.
    expect(summary.memoryBytes).toBe(93_405_585_408);
    expect(summary.flopsPerToken).toBe(25_759_850_496);
    expect(summary.activeFraction).toBeCloseTo(0.2758, 4);
    expect(summary.denseEqualMemoryParams).toBe(46_702_792_704);
    expect(summary.denseEqualComputeParams).toBe(12_879_925_248);
  });
  it('a batch-1 decode step reads the active weights', () => {
    expect(summary.bytesReadPerDecodeStep).toBe(25_759_850_496);
    expect(summary.bytesReadPerDecodeStepAtBatch).toBeCloseTo(25_759_850_496, -2);
  });
  it('at batch 32 nearly every expert is touched: 1 − (6/8)^32 ≈ 0.99990', () => {
    const at32 = moeSummary(MIXTRAL_8X7B, MIXTRAL_8X7B_COUNT, { bitsPerWeight: 16, batch: 32 })!;
    expect(expectedExpertsTouchedFraction(8, 2, 32)).toBeCloseTo(0.99989955, 8);
    expect(at32.bytesReadPerDecodeStepAtBatch / at32.memoryBytes).toBeGreaterThan(0.9999);
  });
  it('dense models: null summary, every parameter read', () => {
    const dense = makeArch({ hidden: 4096, layers: 32, heads: 32 });
    expect(moeSummary(dense, denseCount(7e9), { bitsPerWeight: 16, batch: 1 })).toBeNull();
    expect(decodeParamsRead(dense, denseCount(7e9), 64)).toBe(7e9);
  });
  it('bytes read grow with the batch and stay between active and total (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e5 }), (batch) => {
        const read = decodeParamsRead(MIXTRAL_8X7B, MIXTRAL_8X7B_COUNT, batch);
        expect(read).toBeGreaterThanOrEqual(MIXTRAL_8X7B_COUNT.active * (1 - 1e-12));
        expect(read).toBeLessThanOrEqual(MIXTRAL_8X7B_COUNT.total * (1 + 1e-12));
        expect(decodeParamsRead(MIXTRAL_8X7B, MIXTRAL_8X7B_COUNT, batch + 1)).toBeGreaterThanOrEqual(read);
      }),
    );
  });
});
