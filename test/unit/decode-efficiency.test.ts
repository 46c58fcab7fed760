/**
 * Decode efficiency by device kind × weight format (src/data/decode-efficiency.ts) against the
 * published single-stream decode speeds: the 18 DECODE_MEASUREMENTS (llama.cpp, Dec 2023 / May 2024;
 * NeMo/TensorRT-LLM lower bounds) and llama.cpp's own scoreboards (discussions #4167 and #15013).
 * Prints the before (flat 50% of the bandwidth roofline, the old default) / after table.
 */
import { describe, expect, it } from 'vitest';
import { DECODE_MEASUREMENTS } from '../../src/data/decode-measurements';
import { DECODE_EFFICIENCY, WEIGHT_FORMAT_CLASS } from '../../src/data/decode-efficiency';
import { PRECISION_IDS } from '../../src/data/precisions';
import { getAccelerator } from '../../src/data/hardware';
import { MODELS_BY_ID } from '../../src/data/models';
import { architectureFromHfConfig, countParameters } from '../../src/core/params';
import { weightBytes } from '../../src/core/memory';
import { ConfigError } from '../../src/core/errors';
import { decodeCalibrationRows, predictedDecodeTokensPerSecond } from '../../src/core/serving/decode-calibration';
import { decodeEfficiency, effectiveBandwidthEfficiency, weightFormatClass } from '../../src/core/serving/efficiency';
import { servingModelShape, weightBytesReadPerStep } from '../../src/core/serving/model-shape';
import { PRECISIONS } from '../../src/data/precisions';

const rows = decodeCalibrationRows();
const measured18 = rows.filter((r) => r.set === 'decode-measurements');

/** The old default: 50% of bandwidth / bytes of all (active) weights, as estimate() computed it. */
function flatFiftyPercent(id: string): number {
  const m = DECODE_MEASUREMENTS.find((d) => d.id === id)!;
  const arch = architectureFromHfConfig(MODELS_BY_ID.get(m.modelPresetId!)!.config!);
  const bytes = weightBytes(countParameters(arch).active, PRECISIONS[m.precision].bitsPerWeight);
  return (0.5 * m.bandwidthBytesPerSecond) / bytes;
}

describe('the 18 decode measurements with the default efficiencies', () => {
  const table = measured18.map((row) => {
    const before = flatFiftyPercent(row.id);
    const after = predictedDecodeTokensPerSecond(row);
    return { row, before, after, beforeError: before / row.measuredTokensPerSecond - 1, afterError: after / row.measuredTokensPerSecond - 1 };
  });

  it('prints the before / after table', () => {
    const lines = table.map(
      ({ row, before, after, beforeError, afterError }) =>
        `| ${row.label.padEnd(66)} | ${row.measuredTokensPerSecond.toFixed(1).padStart(6)} | ${before.toFixed(1).padStart(6)} | ${(beforeError * 100).toFixed(0).padStart(4)}% | ${after.toFixed(1).padStart(6)} | ${(afterError * 100).toFixed(0).padStart(4)}% |`,
    );
    console.log(['| measurement | measured | before (50%) | error | after | error |', ...lines].join('\n'));
    expect(lines).toHaveLength(18);
  });

  it('were off by up to 35–60% with a flat 50% (the issue this fixes)', () => {
    const worst = Math.max(...table.map((t) => Math.abs(t.beforeError)));
    expect(worst).toBeGreaterThan(0.35);
    expect(table.filter((t) => Math.abs(t.beforeError) > 0.2).length).toBeGreaterThanOrEqual(5);
  });

  it.each(table.map((t) => [t.row.label, t] as const))('%s: within ±20%', (_label, t) => {
    expect(Math.abs(t.afterError)).toBeLessThanOrEqual(0.2);
  });

  it('reproduces RTX 4090 Llama-2-7B FP16 (60.8 tok/s measured, 36.8 shown before)', () => {
    const t = table.find((x) => x.row.id === 'llama-2-7b-fp16-rtx-4090-llamacpp')!;
    expect(t.after).toBeGreaterThan(60.78 * 0.9);
    expect(t.after).toBeLessThan(60.78 * 1.1);
  });
});

describe('llama.cpp scoreboards', () => {
  const errors = (set: string) =>
    rows.filter((r) => r.set === set).map((r) => ({ r, error: predictedDecodeTokensPerSecond(r) / r.measuredTokensPerSecond - 1 }));

  it('Apple Silicon (#4167, 79 rows, F16 / Q8_0 / Q4_0 on 28 chips): mean |error| ≤ 8%, every row within ±25%', () => {
    const apple = errors('llama-cpp-apple');
    expect(apple).toHaveLength(79);
    const mean = apple.reduce((s, e) => s + Math.abs(e.error), 0) / apple.length;
    expect(mean).toBeLessThanOrEqual(0.08);
    for (const { r, error } of apple) expect(Math.abs(error), r.label).toBeLessThanOrEqual(0.25);
  });

  it('GeForce cards (#15013, 2025 builds, Q4_0): every row within ±20%', () => {
    for (const { r, error } of errors('llama-cpp-cuda').filter((e) => e.r.kind === 'consumer')) {
      expect(Math.abs(error), r.label).toBeLessThanOrEqual(0.2);
    }
  });

  it('datacenter GPUs on 2025 llama.cpp builds run 7B Q4_0 faster than the 2023-fitted cell predicts (held out)', () => {
    // A100 190.9 and H100 267.8 tok/s (#15013) against 136.2 and 133.8 on the 2023 builds the cell is fitted on.
    for (const { r, error } of errors('llama-cpp-cuda').filter((e) => e.r.kind === 'datacenter')) {
      expect(error, r.label).toBeLessThan(-0.15);
      expect(error, r.label).toBeGreaterThan(-0.5);
    }
  });
});

describe('what runs matters', () => {
  const arch = architectureFromHfConfig(MODELS_BY_ID.get('llama-2-7b')!.config!);
  const count = countParameters(arch);
  const rtx4090 = getAccelerator('rtx-4090')!;

  it('a Q4_0 kernel reaches a lower share of the roofline than FP16 on the same card (RTX 4090: 0.56 vs 0.81 measured)', () => {
    const share = (precision: 'fp16' | 'q4_0') =>
      effectiveBandwidthEfficiency({
        weightBytesRead: weightBytesReadPerStep(servingModelShape(arch, count, precision), 1),
        layers: arch.layers,
        bandwidthBytesPerSecond: rtx4090.bandwidthBytesPerSecond,
        efficiency: decodeEfficiency(rtx4090, precision),
      });
    // Measured shares, DECODE_MEASUREMENTS: Q4_0 149.37 / 265.9 = 0.56, FP16 60.78 / 74.8 = 0.81.
    expect(share('q4_0')).toBeGreaterThan(0.56 * 0.8);
    expect(share('q4_0')).toBeLessThan(0.56 * 1.3);
    expect(share('fp16')).toBeGreaterThan(0.81 * 0.9);
    expect(share('fp16')).toBeLessThan(0.81 * 1.1);
    expect(share('q4_0')).toBeLessThan(share('fp16') - 0.1);
  });

  it('covers every kind × format, each cell fitted or borrowed with a derivation', () => {
    for (const kind of ['datacenter', 'consumer', 'apple', 'tpu'] as const) {
      for (const precision of PRECISION_IDS) {
        const cell = decodeEfficiency({ kind }, precision);
        expect(cell.formatClass).toBe(WEIGHT_FORMAT_CLASS[precision]);
        // The lowest cell: batch-1 FP4 GEMV kernels on datacenter GPUs, measured at 0.16–0.22 of HBM.
        expect(cell.bandwidthFraction).toBeGreaterThan(cell.formatClass === 'fp4' && kind === 'datacenter' ? 0.15 : 0.3);
        expect(cell.bandwidthFraction).toBeLessThanOrEqual(1);
        expect(cell.prefillComputeFraction).toBeGreaterThan(0.1);
        expect(cell.prefillComputeFraction).toBeLessThanOrEqual(1);
        expect(cell.layerOverheadSeconds).toBeLessThan(1e-3);
        expect(DECODE_EFFICIENCY[kind][cell.formatClass].derivation.length).toBeGreaterThan(30);
      }
    }
    expect(weightFormatClass('q4_k_m')).toBe('gguf');
    // NVFP4 / MXFP4 run on FP4 tensor cores (Blackwell): their own class; weight-only INT4 / NF4 do not.
    expect(weightFormatClass('nvfp4')).toBe('fp4');
    expect(weightFormatClass('mxfp4')).toBe('fp4');
    expect(weightFormatClass('int4')).toBe('4-bit');
  });

  it('lets the user override a default, and rejects nonsense with a ConfigError', () => {
    expect(decodeEfficiency(rtx4090, 'fp16', { bandwidthFraction: 0.5 })).toMatchObject({ bandwidthFraction: 0.5, overridden: true });
    for (const bad of [0, -0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => decodeEfficiency(rtx4090, 'fp16', { bandwidthFraction: bad })).toThrow(ConfigError);
    }
    expect(() => decodeEfficiency(rtx4090, 'fp16', { layerOverheadSeconds: -1 })).toThrow(ConfigError);
    expect(() => weightFormatClass('fp64' as never)).toThrow(ConfigError);
  });
});
