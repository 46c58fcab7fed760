import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_COMPRESSION_CHAIN, applyCompression } from '../../src/core/compression';

describe('applyCompression — the article’s chain, in bytes', () => {
  it('1T FP32 → BF16 → INT8 → INT4 → prune 50% → distil 10%: 4 TB → 2 → 1 → 0.5 → 0.25 TB → 25 GB', () => {
    const rows = applyCompression({ params: 1e12, bitsPerWeight: 32 }, DEFAULT_COMPRESSION_CHAIN);
    expect(rows.map((r) => r.kind)).toEqual(['start', 'quantize', 'quantize', 'quantize', 'prune', 'distil']);
    expect(rows.map((r) => r.bytes)).toEqual([4e12, 2e12, 1e12, 0.5e12, 0.25e12, 25e9]);
    // Quantization leaves the parameter count alone (the article divided the count instead).
    expect(rows.map((r) => r.params)).toEqual([1e12, 1e12, 1e12, 1e12, 5e11, 5e10]);
    expect(rows[5]!.bytesFractionOfStart).toBeCloseTo(0.00625, 12); // 25 GB of 4 TB
    expect(rows[3]!.precision).toBe('int4');
  });
  it('unstructured pruning in dense storage saves no bytes (SparseGPT needs sparse kernels)', () => {
    const rows = applyCompression({ params: 7e9, bitsPerWeight: 16 }, [{ kind: 'prune', fraction: 0.5, structured: false }]);
    expect(rows[1]!.params).toBe(3.5e9);
    expect(rows[1]!.storedParams).toBe(7e9);
    expect(rows[1]!.bytes).toBe(14e9);
  });
  it('fractions are clamped to [0, 1]; bytes never grow along a chain of prune/distil (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e6, max: 1e15, noNaN: true }),
        fc.array(fc.oneof(fc.record({ kind: fc.constant('prune' as const), fraction: fc.double({ min: -1, max: 2, noNaN: true }) }), fc.record({ kind: fc.constant('distil' as const), fraction: fc.double({ min: -1, max: 2, noNaN: true }) })), { maxLength: 6 }),
        (params, steps) => {
          const rows = applyCompression({ params, bitsPerWeight: 16 }, steps);
          for (let i = 1; i < rows.length; i++) {
            expect(Number.isFinite(rows[i]!.bytes) && rows[i]!.bytes >= 0).toBe(true);
            expect(rows[i]!.bytes).toBeLessThanOrEqual(rows[i - 1]!.bytes);
          }
        },
      ),
    );
  });
});
