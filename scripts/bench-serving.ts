/**
 * Micro-benchmark of the serving core: `servingFrontier` (the chart that follows a slider) and
 * `servingCapacity` with an SLO, for Llama 3.1 70B FP8 on 2 × H100 and DeepSeek-V3 on 16 × H100
 * (TP across two nodes). Budget: ≤ 20 ms median for the 70B frontier.
 * Run: `npm run bench:serving` (= `npx tsx scripts/bench-serving.ts`). Prints median and p95 in ms.
 */
import { performance } from 'node:perf_hooks';
import { architectureFromHfConfig } from '../src/core/params';
import { servingCapacity, servingFrontier } from '../src/core/serving/capacity';
import type { ServingInput } from '../src/core/serving/types';
import { getAccelerator } from '../src/data/hardware';
import { MODELS_BY_ID } from '../src/data/models';

const WARMUP = 30;
const RUNS = 200;

function input(modelId: string, acceleratorId: string, tp: number): ServingInput {
  const config = MODELS_BY_ID.get(modelId)?.config;
  const accelerator = getAccelerator(acceleratorId);
  if (!config || !accelerator) throw new Error(`missing ${modelId} / ${acceleratorId}`);
  return {
    arch: architectureFromHfConfig(config),
    accelerator,
    tp,
    weightPrecision: 'fp8',
    kvPrecision: 'fp8',
    inputTokens: 1000,
    outputTokens: 1000,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function bench(name: string, run: (i: number) => number): void {
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) sink += run(i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    sink += run(WARMUP + i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  if (sink < 0) console.log(sink);
  console.log(`${name.padEnd(48)} median ${percentile(times, 50).toFixed(3)} ms   p95 ${percentile(times, 95).toFixed(3)} ms`);
}

const llama70 = input('llama-3.1-70b', 'h100-sxm', 2);
const deepseek = input('deepseek-v3', 'h100-sxm', 16);
// A slider moving: the output length changes every run, so nothing can be cached.
bench('servingFrontier llama-3.1-70b, 2 × H100 FP8', (i) => servingFrontier({ ...llama70, outputTokens: 500 + (i % 500) }).length);
bench('servingFrontier deepseek-v3, TP 16 over 2 nodes', (i) => servingFrontier({ ...deepseek, outputTokens: 500 + (i % 500) }).length);
bench('servingCapacity llama-3.1-70b with TTFT/TPOT SLO', (i) =>
  servingCapacity({ ...llama70, outputTokens: 500 + (i % 500), slo: { ttftSeconds: 1, tpotSeconds: 0.05 } }).concurrency,
);
