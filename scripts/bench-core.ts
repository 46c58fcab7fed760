/**
 * Micro-benchmark of the estimation core: `estimate()` + `series()` per slider step.
 * Run: `npx tsx scripts/bench-core.ts` (budget: ≤ 1 ms median together).
 *
 * Cases, each after a warm-up:
 * - default: the default scenario, a fresh object every run (store setters create one per step);
 * - slider: the default model with gpuCount changing every run (model cache hit);
 * - size sweep: model 'size' with params changing every run (cache miss: shape rule + count);
 * - moe: DeepSeek-V3 with batch changing every run.
 * Prints median and p95 in microseconds.
 */
import { performance } from 'node:perf_hooks';
import { estimate } from '../src/core/estimate';
import { series } from '../src/core/series';
import { DEFAULT_SCENARIO, type Scenario } from '../src/scenario/scenario';

const WARMUP = 300;
const RUNS = 3000;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

function bench(name: string, makeScenario: (i: number) => Scenario): { name: string; medianUs: number; p95Us: number } {
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) {
    const s = makeScenario(i);
    sink += series(s, estimate(s)).costVsScale.rows.length;
  }
  const times: number[] = new Array<number>(RUNS);
  for (let i = 0; i < RUNS; i++) {
    const s = makeScenario(WARMUP + i);
    const start = performance.now();
    const e = estimate(s);
    const c = series(s, e);
    times[i] = (performance.now() - start) * 1000;
    sink += c.costVsScale.rows.length;
  }
  if (sink < 0) console.log(sink);
  times.sort((a, b) => a - b);
  return { name, medianUs: percentile(times, 50), p95Us: percentile(times, 95) };
}

const results = [
  bench('default', () => ({ ...DEFAULT_SCENARIO })),
  bench('slider (gpuCount)', (i) => ({ ...DEFAULT_SCENARIO, gpuCount: 8 + (i % 4000) })),
  bench('size sweep (params, cache miss)', (i) => ({ ...DEFAULT_SCENARIO, model: 'size', params: 1e6 * 10 ** ((i % 800) / 100) })),
  bench('moe (deepseek-v3, batch)', (i) => ({ ...DEFAULT_SCENARIO, model: 'deepseek-v3', batch: 1 + (i % 256) })),
];

console.log('estimate() + series(), microseconds per call');
console.log('case'.padEnd(36) + 'median'.padStart(10) + 'p95'.padStart(10));
for (const r of results) {
  console.log(r.name.padEnd(36) + r.medianUs.toFixed(1).padStart(10) + r.p95Us.toFixed(1).padStart(10));
}
