/**
 * Micro-benchmark of the estimation core: `estimate()` and each chart's sweep, timed separately.
 * Run: `npm run bench` (budget: `estimate()` ≤ 0.5 ms median; every sweep ≤ 0.3 ms median).
 *
 * The core keeps no caches of its own: the store memoizes the model resolution (it changes only
 * with the model, its size, config and overrides) and passes it to `estimate(input, resolution)`.
 * The cases mirror that:
 * - default: the default scenario, a fresh object every run, resolution memoized (as the store);
 * - slider: the default model with gpuCount changing every run, resolution memoized;
 * - size sweep: model 'size' with params changing every run (the resolution is recomputed each
 *   run: shape rule + parameter count);
 * - moe: DeepSeek-V3 with batch changing every run, resolution memoized.
 * Then each chart's sweep on the default scenario's estimate.
 * Prints median and p95 in microseconds (medians are what to compare: the machine is shared).
 */
import { performance } from 'node:perf_hooks';
import {
  compressionSeries,
  computeOptimalFrontier,
  costVsScale,
  deploymentVsLoad,
  estimate,
  hardwareTimeline,
  inferenceMemoryVsContext,
  lossVsCompute,
  memoryByPrecision,
  moeSeries,
  resolveScenarioModel,
  throughputVsBatch,
  timelineSeries,
  trainingMemoryByStrategy,
  type EstimateInput,
  type ModelResolution,
} from '../src/core';
import { DEFAULT_SCENARIO } from '../src/scenario/scenario';

const WARMUP = 300;
const RUNS = 3000;

export interface BenchResult {
  name: string;
  medianUs: number;
  p95Us: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Times `run(i)` RUNS times after WARMUP calls; `run` returns a number so nothing is optimised away. */
export function bench(name: string, run: (i: number) => number, runs = RUNS, warmup = WARMUP): BenchResult {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += run(i);
  const times: number[] = new Array<number>(runs);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink += run(warmup + i);
    times[i] = (performance.now() - start) * 1000;
  }
  if (Number.isNaN(sink)) console.log(sink);
  times.sort((a, b) => a - b);
  return { name, medianUs: percentile(times, 50), p95Us: percentile(times, 95) };
}

/** One memoized resolution per model, as the store keeps one. */
function memoizedResolution(): (input: EstimateInput) => ModelResolution {
  let key: EstimateInput | null = null;
  let value: ModelResolution | null = null;
  return (input) => {
    const same =
      key !== null &&
      key.model === input.model &&
      key.params === input.params &&
      key.customConfig === input.customConfig &&
      key.overrides === input.overrides;
    if (!same || value === null) {
      key = input;
      value = resolveScenarioModel(input);
    }
    return value;
  };
}

function estimateCase(name: string, makeInput: (i: number) => EstimateInput, memoize: boolean, runs: number, warmup: number): BenchResult {
  const resolve = memoizedResolution();
  return bench(
    name,
    (i) => {
      const input = makeInput(i);
      return estimate(input, memoize ? resolve(input) : undefined).training.flops;
    },
    runs,
    warmup,
  );
}

/** Every case, `estimate()` first, then one row per chart sweep. */
export function runCoreBench(runs = RUNS, warmup = WARMUP): BenchResult[] {
  const results = [
    estimateCase('estimate: default', () => ({ ...DEFAULT_SCENARIO }), true, runs, warmup),
    estimateCase('estimate: slider (gpuCount)', (i) => ({ ...DEFAULT_SCENARIO, gpuCount: 8 + (i % 4000) }), true, runs, warmup),
    estimateCase(
      'estimate: size sweep (params, resolve)',
      (i) => ({ ...DEFAULT_SCENARIO, model: 'size', params: 1e6 * 10 ** ((i % 800) / 100) }),
      false,
      runs,
      warmup,
    ),
    estimateCase('estimate: moe (deepseek-v3, batch)', (i) => ({ ...DEFAULT_SCENARIO, model: 'deepseek-v3', batch: 1 + (i % 256) }), true, runs, warmup),
  ];
  const input: EstimateInput = { ...DEFAULT_SCENARIO };
  const result = estimate(input);
  const moeInput: EstimateInput = { ...DEFAULT_SCENARIO, model: 'deepseek-v3' };
  const moeResult = estimate(moeInput);
  const weightPrecision = result.weights.selected.id;
  const sweeps: Array<[string, () => number]> = [
    ['memoryByPrecision', () => memoryByPrecision(result).rows.length],
    ['costVsScale', () => costVsScale(input, result).rows.length],
    ['lossVsCompute', () => lossVsCompute(result).isoSize.length],
    ['computeOptimalFrontier', () => computeOptimalFrontier(result).runs.length],
    ['trainingMemoryByStrategy', () => trainingMemoryByStrategy(input, result).rows.length],
    ['inferenceMemoryVsContext', () => inferenceMemoryVsContext(result).rows.length],
    ['throughputVsBatch', () => throughputVsBatch(input, result).rows.length],
    ['moeSeries (deepseek-v3)', () => moeSeries(moeResult)?.bytesReadVsBatch.length ?? 0],
    ['compressionSeries', () => compressionSeries(result).rows.length],
    ['hardwareTimeline', () => hardwareTimeline(weightPrecision).rows.length],
    ['timelineSeries', () => timelineSeries(weightPrecision).rows.length],
    ['deploymentVsLoad', () => deploymentVsLoad(input, result).rows.length],
  ];
  for (const [name, run] of sweeps) results.push(bench(`series: ${name}`, run, runs, warmup));
  return results;
}

/** The results as a table: case, median, p95 (microseconds). */
export function formatBench(results: readonly BenchResult[]): string {
  const lines = ['microseconds per call', 'case'.padEnd(42) + 'median'.padStart(10) + 'p95'.padStart(10)];
  for (const r of results) lines.push(r.name.padEnd(42) + r.medianUs.toFixed(1).padStart(10) + r.p95Us.toFixed(1).padStart(10));
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatBench(runCoreBench()));
}
