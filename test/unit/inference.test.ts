/**
 * Decode roofline against measured speeds (DECODE_MEASUREMENTS; reference rows from
 * the team reference set, hardware.json decode_batch1_vs_bandwidth_roofline).
 *
 * measured / roofline at batch 1 (roofline = bandwidth / weight bytes per token):
 *
 * | measurement                              | kind       | roofline tok/s | measured | ratio |
 * |------------------------------------------|------------|---------------:|---------:|------:|
 * | Llama-2-7B FP16, A100 SXM 80GB, llama.cpp | datacenter |          151.3 |    73.83 | 0.488 |
 * | Llama-2-7B FP16, H100 PCIe, llama.cpp     | datacenter |          148.4 |    83.32 | 0.562 |
 * | Llama-2-7B Q4_0, A100 SXM 80GB, llama.cpp | datacenter |          537.8 |   136.24 | 0.253 |
 * | Llama-2-7B Q4_0, H100 PCIe, llama.cpp     | datacenter |          527.5 |   133.77 | 0.254 |
 * | Llama-2-70B Q4_0, A100 SXM 80GB, llama.cpp| datacenter |           52.5 |    25.68 | 0.489 |
 * | Llama-2-70B Q4_0, H100 PCIe, llama.cpp    | datacenter |           51.5 |    25.88 | 0.502 |
 * | Llama-2-7B FP16, A100 SXM, NeMo (≥)       | datacenter |          151.3 |    85.5  | 0.565 |
 * | Llama-2-7B FP16, H100 SXM, NeMo (≥)       | datacenter |          248.5 |   130.0  | 0.523 |
 * | Llama-2-7B FP16, RTX 4090                 | consumer   |           74.8 |    60.78 | 0.813 |
 * | Llama-2-7B FP16, RTX 3090                 | consumer   |           69.4 |    51.85 | 0.747 |
 * | Llama-2-7B Q4_0, RTX 4090                 | consumer   |          265.9 |   149.37 | 0.562 |
 * | Llama-3-8B FP16, RTX 4090                 | consumer   |           62.8 |    54.84 | 0.874 |
 * | Llama-3-8B FP16, RTX 3090                 | consumer   |           58.3 |    47.4  | 0.813 |
 * | Llama-3-8B FP16, RTX 4080 16GB            | consumer   |           44.6 |    40.58 | 0.909 |
 * | Llama-2-7B FP16, M2 Ultra                 | apple      |           59.3 |    40.68 | 0.685 |
 * | Llama-2-7B FP16, M3 Max                   | apple      |           29.7 |    24.76 | 0.834 |
 * | Llama-2-7B Q4_0, M2 Ultra                 | apple      |          211.0 |    91.89 | 0.435 |
 * | Llama-2-70B Q4_0, M2 Ultra                | apple      |           20.6 |    14.37 | 0.697 |
 *
 * Medians: datacenter 0.4955 (8 rows) → default 0.50; consumer 0.813 (6) → 0.81; apple 0.691 (4)
 * → 0.69; TPU: no measurement, datacenter value. See docs/decode-efficiency.md.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DECODE_MEASUREMENTS } from '../../src/data/decode-measurements';
import { getAccelerator } from '../../src/data/hardware';
import type { AcceleratorKind } from '../../src/data/types';
import {
  DEFAULT_BANDWIDTH_EFFICIENCY,
  costPerMillionTokensUsd,
  decodeRooflineTokensPerSecond,
  decodeStep,
  decodeStepBytes,
  decodeStepFlops,
  decodeTokensPerSecondAggregate,
  decodeTokensPerSecondPerSequence,
  defaultBandwidthEfficiency,
  largestBatchThatFits,
  largestContextThatFits,
  prefillFlops,
  prefillSeconds,
  timeToFirstTokenSeconds,
} from '../../src/core/inference';
import { kvCacheBytes, kvCacheBytesPerToken } from '../../src/core/memory';
import { DECODE_REFERENCE_ROWS } from '../fixtures/published';
import { KV_PER_TOKEN_ROWS, MISTRAL_7B_V01, makeArch } from '../fixtures/architectures';

function kindOf(hardwareId: string | null, label: string): AcceleratorKind {
  const accelerator = hardwareId ? getAccelerator(hardwareId) : undefined;
  if (accelerator) return accelerator.kind;
  return /RTX|GeForce/i.test(label) ? 'consumer' : 'datacenter';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

describe('decode roofline vs measured speeds (DECODE_MEASUREMENTS)', () => {
  const rows = DECODE_MEASUREMENTS.map((m) => {
    const roofline = decodeRooflineTokensPerSecond(m.bandwidthBytesPerSecond, m.weightBytes);
    return { m, roofline, ratio: m.measuredTokensPerSecond / roofline, kind: kindOf(m.hardwareId, m.hardwareLabel) };
  });

  it('has the 18 reference rows', () => {
    expect(rows.length).toBe(DECODE_REFERENCE_ROWS.length);
  });

  it.each(DECODE_REFERENCE_ROWS.map((r) => [`${r.model} on ${r.hardware}`, r] as const))('%s: our roofline matches the reference roofline_tok_s within 1%', (_name, reference) => {
    const row = rows.find((r) => r.m.measuredTokensPerSecond === reference.measuredTokS && r.m.weightBytes === reference.weightBytes)!;
    expect(row).toBeDefined();
    expect(Math.abs(row.roofline / reference.rooflineTokS - 1)).toBeLessThan(0.01);
    expect(row.ratio).toBeCloseTo(reference.ratio, 2);
    expect(row.kind).toBe(reference.kind);
  });

  it('the same roofline from decodeStep at batch 1 and efficiency 1 (Llama-2-7B FP16 on A100 80GB: 151.3 tok/s)', () => {
    const step = decodeStep({ bytes: 13.48e9, flops: 2 * 6.74e9, bandwidthBytesPerSecondPerGpu: 2039e9, bandwidthEfficiency: 1, peakFlopsPerGpu: 312e12, mfu: 1, gpus: 1 });
    expect(step.bound).toBe('memory');
    expect(decodeTokensPerSecondPerSequence(step.seconds)).toBeCloseTo(151.26, 1);
  });

  it('DEFAULT_BANDWIDTH_EFFICIENCY = median measured/roofline per kind, rounded to 2 decimals', () => {
    const byKind = (kind: AcceleratorKind) => rows.filter((r) => r.kind === kind).map((r) => r.ratio);
    const medians = { datacenter: median(byKind('datacenter')), consumer: median(byKind('consumer')), apple: median(byKind('apple')) };
    expect(medians.datacenter).toBeCloseTo(0.4955, 3);
    expect(medians.consumer).toBeCloseTo(0.813, 3);
    expect(medians.apple).toBeCloseTo(0.691, 3);
    for (const kind of ['datacenter', 'consumer', 'apple'] as const) {
      expect(Math.abs(DEFAULT_BANDWIDTH_EFFICIENCY[kind] - medians[kind])).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    expect(DEFAULT_BANDWIDTH_EFFICIENCY.tpu).toBe(DEFAULT_BANDWIDTH_EFFICIENCY.datacenter);
    expect(defaultBandwidthEfficiency(getAccelerator('h100-sxm')!)).toBe(0.5);
    expect(defaultBandwidthEfficiency(getAccelerator('rtx-4090')!)).toBe(0.81);
    expect(defaultBandwidthEfficiency(getAccelerator('m2-ultra')!)).toBe(0.69);
  });
});

describe('prefill', () => {
  it('2·N·prompt·batch FLOPs; Llama-3-8B 1000 tokens on H100 at 40% MFU ≈ 40.6 ms', () => {
    expect(prefillFlops(8.03e9, 1000, 1)).toBe(1.606e13);
    const seconds = prefillSeconds({ activeParams: 8.03e9, promptTokens: 1000, batch: 1, peakFlopsPerGpu: 989.5e12, mfu: 0.4, gpus: 1 });
    // 1.606e13 FLOPs / (989.5e12 × 0.4) = 40.576 ms.
    expect(seconds).toBeCloseTo(0.0405760485, 9);
  });
  it('a one-token prompt still reads the weights once (memory floor)', () => {
    const seconds = timeToFirstTokenSeconds({
      activeParams: 8.03e9,
      promptTokens: 1,
      peakFlopsPerGpu: 989.5e12,
      mfu: 0.4,
      gpus: 1,
      weightBytesRead: 16.06e9,
      bandwidthBytesPerSecondPerGpu: 3.35e12,
      bandwidthEfficiency: 0.5,
    });
    // 16.06 GB / (3.35 TB/s × 0.5) = 9.588 ms.
    expect(seconds).toBeCloseTo(0.0095880597, 9);
  });
  it('more GPUs → faster prefill', () => {
    const o = { activeParams: 70e9, promptTokens: 4000, batch: 4, peakFlopsPerGpu: 989.5e12, mfu: 0.4 };
    expect(prefillSeconds({ ...o, gpus: 8 })).toBeCloseTo(prefillSeconds({ ...o, gpus: 1 }) / 8, 12);
  });
});

describe('decode step, throughput and cost', () => {
  const llama70 = makeArch({ hidden: 8192, layers: 80, heads: 64, kvHeads: 8, ffn: 28672 });
  const weights = 141e9;
  const common = { bandwidthBytesPerSecondPerGpu: 3.35e12, bandwidthEfficiency: 0.5, peakFlopsPerGpu: 989.5e12, mfu: 0.4, gpus: 2 };
  const stepAt = (batch: number, context = 1500) => {
    const kv = kvCacheBytes(llama70, { tokens: context, batch, bytesPerValue: 2 });
    return decodeStep({ ...common, bytes: decodeStepBytes(weights, kv), flops: decodeStepFlops(70.6e9, batch) });
  };
  it('bytes = weights + KV of every sequence; memory bound at batch 1', () => {
    // KV 327,680 bytes per token × 1500 = 491,520,000; (141e9 + 491.52e6) / (3.35e12 × 0.5 × 2 GPUs) = 42.24 ms.
    expect(kvCacheBytesPerToken(llama70, 2) * 1500).toBe(491_520_000);
    const step = stepAt(1);
    expect(step.bound).toBe('memory');
    expect(step.seconds).toBeCloseTo(0.0422362746, 9);
  });
  it('compute bound at a large batch', () => {
    expect(stepAt(4096, 10).bound).toBe('compute');
  });
  it('larger batch → more aggregate throughput, never less (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1024 }), fc.integer({ min: 1, max: 100_000 }), (batch, context) => {
        const a = decodeTokensPerSecondAggregate(stepAt(batch, context).seconds, batch);
        const b = decodeTokensPerSecondAggregate(stepAt(batch + 1, context).seconds, batch + 1);
        expect(Number.isFinite(a) && a > 0).toBe(true);
        expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-12));
        expect(decodeTokensPerSecondPerSequence(stepAt(batch, context).seconds)).toBeLessThanOrEqual(a + 1e-9);
      }),
    );
  });
  it('cost per 1M tokens: 8 GPUs at $3.78/h producing 1000 tok/s → $8.40', () => {
    // $30.24 an hour for 3.6M tokens an hour.
    expect(costPerMillionTokensUsd(1000, 8, 3.78)).toBeCloseTo(8.4, 9);
    expect(costPerMillionTokensUsd(0, 8, 3.78)).toBe(0);
  });
});

describe('what fits', () => {
  const llama70 = KV_PER_TOKEN_ROWS[7]!.arch;
  it('largest context at a batch: the KV of that context fits, one more token by 1% does not', () => {
    const o = { arch: llama70, gpus: 2, memoryBytesPerGpu: 80e9, weightBytes: 141e9, kvBytesPerValue: 2 };
    const context = largestContextThatFits({ ...o, batch: 1 });
    expect(context).toBeGreaterThan(1000);
    expect(context).toBeLessThan(1e6);
    const batch = largestBatchThatFits({ ...o, contextTokens: context });
    expect(batch).toBeGreaterThanOrEqual(1);
    expect(largestBatchThatFits({ ...o, contextTokens: Math.ceil(context * 1.05) })).toBe(0);
  });
  it('an all-windowed model (Mistral-7B-v0.1) is not context-limited once the window fits', () => {
    const o = { arch: MISTRAL_7B_V01, gpus: 1, memoryBytesPerGpu: 80e9, weightBytes: 14.5e9, kvBytesPerValue: 2 };
    expect(largestContextThatFits({ ...o, batch: 1 })).toBe(1e7);
  });
  it('weights bigger than the GPUs → 0', () => {
    const o = { arch: llama70, gpus: 1, memoryBytesPerGpu: 80e9, weightBytes: 141e9, kvBytesPerValue: 2 };
    expect(largestContextThatFits({ ...o, batch: 1 })).toBe(0);
    expect(largestBatchThatFits({ ...o, contextTokens: 100 })).toBe(0);
  });
  it('longer context → fewer sequences fit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e7 }), (context) => {
        const o = { arch: llama70, gpus: 8, memoryBytesPerGpu: 80e9, weightBytes: 141e9, kvBytesPerValue: 2 };
        expect(largestBatchThatFits({ ...o, contextTokens: context * 2 })).toBeLessThanOrEqual(largestBatchThatFits({ ...o, contextTokens: context }));
      }),
    );
  });
});
