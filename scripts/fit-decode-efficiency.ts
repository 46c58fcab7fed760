/**
 * Fits the decode-efficiency cells of src/data/decode-efficiency.ts, once, and prints the
 * constants and every row's error. Run: `npx tsx scripts/fit-decode-efficiency.ts`.
 *
 * Model per row: seconds per token = weightBytesRead / (bandwidth × bandwidthFraction[class])
 *                                    + layers × layerOverheadSeconds
 * Weighted least squares on log(predicted / measured seconds); every source (DECODE_MEASUREMENTS,
 * the Apple scoreboard, the CUDA scoreboard) weighs the same within a group, so a scoreboard with
 * many rows does not drown a source with few. Groups (see the data file's derivations):
 * - apple: F16 and GGUF fractions, one shared per-layer overhead (DECODE_MEASUREMENTS + #4167);
 * - consumer: F16 and GGUF fractions, one shared overhead (DECODE_MEASUREMENTS + #15013 GeForce);
 * - datacenter 16-bit engine: DECODE_MEASUREMENTS A100 / H100 F16 rows (llama.cpp and NeMo);
 * - datacenter GGUF: DECODE_MEASUREMENTS A100 / H100 PCIe Q4_0 rows (#15013 held out).
 * Also prints the prefill medians (pp512 over peak).
 */
import { decodeCalibrationRows } from '../src/core/serving/decode-calibration';
import type { DecodeCalibrationRow } from '../src/core/serving/decode-calibration';
import { LLAMA_CPP_APPLE_BENCHMARKS, LLAMA_CPP_CUDA_BENCHMARKS } from '../src/data/decode-benchmarks';

interface Fit {
  fractions: Record<string, number>;
  overhead: number;
}

function predictSeconds(row: DecodeCalibrationRow, fraction: number, overhead: number): number {
  return row.weightBytesRead / (row.bandwidthBytesPerSecond * fraction) + row.layers * overhead;
}

let weights = new Map<DecodeCalibrationRow, number>();

function loss(rows: DecodeCalibrationRow[], fraction: number, overhead: number): number {
  let sum = 0;
  for (const row of rows) {
    const error = Math.log(predictSeconds(row, fraction, overhead) * row.measuredTokensPerSecond);
    sum += (weights.get(row) ?? 1) * error * error;
  }
  return sum;
}

/** Each source weighs 1 in total within the group. */
function sourceWeights(rows: DecodeCalibrationRow[]): Map<DecodeCalibrationRow, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.set, (counts.get(row.set) ?? 0) + 1);
  return new Map(rows.map((row) => [row, 1 / counts.get(row.set)!]));
}

/** Golden-section search of the fraction in [0.05, 1] for a fixed overhead. */
function bestFraction(rows: DecodeCalibrationRow[], overhead: number): number {
  let low = 0.05;
  let high = 1;
  const golden = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 80; i++) {
    const a = high - golden * (high - low);
    const b = low + golden * (high - low);
    if (loss(rows, a, overhead) < loss(rows, b, overhead)) high = b;
    else low = a;
  }
  return (low + high) / 2;
}

function fitGroup(rows: DecodeCalibrationRow[], classOf: (row: DecodeCalibrationRow) => string): Fit {
  const classes = [...new Set(rows.map(classOf))];
  let best: Fit = { fractions: {}, overhead: 0 };
  let bestLoss = Infinity;
  for (let step = 0; step <= 4000; step++) {
    const overhead = step * 0.1e-6;
    const fractions: Record<string, number> = {};
    let total = 0;
    for (const c of classes) {
      const subset = rows.filter((r) => classOf(r) === c);
      fractions[c] = bestFraction(subset, overhead);
      total += loss(subset, fractions[c]!, overhead);
    }
    if (total < bestLoss) {
      bestLoss = total;
      best = { fractions, overhead };
    }
  }
  return best;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const all = decodeCalibrationRows();
const is16 = (r: DecodeCalibrationRow) => (r.formatClass === 'gguf' ? 'gguf' : '16-bit');
const groups: { name: string; rows: DecodeCalibrationRow[] }[] = [
  { name: 'apple', rows: all.filter((r) => r.kind === 'apple') },
  { name: 'consumer', rows: all.filter((r) => r.kind === 'consumer') },
  { name: 'datacenter 16-bit engine', rows: all.filter((r) => r.kind === 'datacenter' && r.formatClass !== 'gguf' && r.set === 'decode-measurements') },
  { name: 'datacenter gguf', rows: all.filter((r) => r.kind === 'datacenter' && r.formatClass === 'gguf' && r.set === 'decode-measurements') },
];
for (const group of groups) {
  weights = sourceWeights(group.rows);
  const fit = fitGroup(group.rows, is16);
  const fractions = Object.entries(fit.fractions).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ');
  console.log(`\n${group.name}: ${fractions}; overhead ${(fit.overhead * 1e6).toFixed(1)} µs/layer (${group.rows.length} rows)`);
  let worst = 0;
  for (const row of group.rows) {
    const predicted = 1 / predictSeconds(row, fit.fractions[is16(row)]!, fit.overhead);
    const error = predicted / row.measuredTokensPerSecond - 1;
    worst = Math.max(worst, Math.abs(error));
    if (row.set === 'decode-measurements') console.log(`  ${row.label.padEnd(70)} ${(error * 100).toFixed(1).padStart(6)}%`);
  }
  console.log(`  worst ${(worst * 100).toFixed(1)}%`);
}

const prefill = (rows: typeof LLAMA_CPP_APPLE_BENCHMARKS, test: (p: string) => boolean) =>
  median(rows.filter((b) => test(b.precision) && b.prefillTokensPerSecond !== null && b.peakFlops !== null).map((b) => (b.prefillTokensPerSecond! * 2 * 6.74e9) / b.peakFlops!));
console.log(`\nprefill apple 16-bit ${prefill(LLAMA_CPP_APPLE_BENCHMARKS, (p) => p === 'fp16').toFixed(3)}`);
console.log(`prefill apple gguf ${prefill(LLAMA_CPP_APPLE_BENCHMARKS, (p) => p !== 'fp16').toFixed(3)}`);
console.log(`prefill consumer gguf ${prefill(LLAMA_CPP_CUDA_BENCHMARKS.filter((b) => b.kind === 'consumer'), () => true).toFixed(3)}`);
console.log(`prefill datacenter gguf ${prefill(LLAMA_CPP_CUDA_BENCHMARKS.filter((b) => b.kind === 'datacenter'), () => true).toFixed(3)}`);
