/**
 * Benchmark of `planTraining`: every layout for a model on a GPU count, repeated; prints the
 * median and the spread of the wall-clock per search. Run: `npm run bench:planner`
 * (npx tsx scripts/bench-planner.ts). Target (issue 13): a 1T model on 16,384 GPUs ≤ 200 ms median.
 */
import { planTraining } from '../src/core/planner/plan';
import { architectureFromHfConfig } from '../src/core/params';
import { getAccelerator } from '../src/data/hardware';
import { getModelPreset } from '../src/data/models';
import type { Architecture } from '../src/core/types';
import type { PlanTrainingInput } from '../src/core/planner/types';

const REPEATS = Number(process.env.REPEATS ?? 15);

/** Narayanan et al. 2021 Table 1, the 1T row: 160 heads, hidden 25600, 128 layers, vocab 51200. */
const oneTrillion: Architecture = {
  ...architectureFromHfConfig({ model_type: 'gpt2', n_embd: 25600, n_layer: 128, n_head: 160, vocab_size: 51200, n_positions: 2048 }),
};

function preset(id: string): Architecture {
  const config = getModelPreset(id)?.config;
  if (!config) throw new Error(`preset ${id} has no config`);
  return architectureFromHfConfig(config);
}

function accelerator(id: string) {
  const row = getAccelerator(id);
  if (!row) throw new Error(`no accelerator ${id}`);
  return row;
}

const cases: { name: string; input: PlanTrainingInput }[] = [
  { name: '1T GPT, 16,384 H100, seq 2048, batch 3072', input: { arch: oneTrillion, accelerator: accelerator('h100-sxm'), precision: 'bf16', gpus: 16384, seqLen: 2048, globalBatch: 3072 } },
  { name: 'Llama-3.1-405B, 16,384 H100, seq 8192, batch 2048', input: { arch: preset('llama-3.1-405b'), accelerator: accelerator('h100-sxm'), precision: 'bf16', gpus: 16384, seqLen: 8192, globalBatch: 2048 } },
  { name: 'Mixtral-8x7B, 64 B200, seq 4096, batch 256', input: { arch: preset('mixtral-8x7b'), accelerator: accelerator('b200'), precision: 'fp8', gpus: 64, seqLen: 4096, globalBatch: 256 } },
  { name: 'Llama-3.1-70B, 64 GB200 (offload searched), seq 8192, batch 256', input: { arch: preset('llama-3.1-70b'), accelerator: accelerator('gb200'), precision: 'fp8', gpus: 64, seqLen: 8192, globalBatch: 256 } },
  { name: 'Llama-3-8B, 8 H100, seq 8192, batch 128', input: { arch: preset('llama-3-8b'), accelerator: accelerator('h100-sxm'), precision: 'bf16', gpus: 8, seqLen: 8192, globalBatch: 128 } },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

for (const { name, input } of cases) {
  planTraining(input); // warm-up (JIT)
  const times: number[] = [];
  let evaluated = 0;
  let fitting = 0;
  for (let run = 0; run < REPEATS; run += 1) {
    const start = performance.now();
    const result = planTraining({ ...input, limit: 50 });
    times.push(performance.now() - start);
    evaluated = result.evaluated;
    fitting = result.layouts.length;
  }
  const best = planTraining(input).layouts[0];
  const layout = best ? `best tp${best.layout.tp} pp${best.layout.pp} vp${best.layout.vp} cp${best.layout.cp} ep${best.layout.ep} dp${best.layout.dp} mb${best.layout.microBatch} ${best.recompute} zero${best.layout.zeroStage}${best.layout.offloadLayers > 0 ? ` offload${best.layout.offloadLayers}` : ''}, MFU ${(best.mfu * 100).toFixed(1)} %` : 'nothing fits';
  console.log(`${name}: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}) over ${REPEATS} runs; ${evaluated} layouts evaluated, ${fitting} returned; ${layout}`);
}
