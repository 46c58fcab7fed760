/**
 * Data-parallel traffic as Megatron-Core r0.8 schedules it (the README table's software), and the
 * software facts the fourth pass added: the interleaved schedule's longer overlap window, FP32
 * gradient reduction with `--bf16`, the default framework for FP8, Llama 3's all-gather context
 * parallelism. The window is checked against a step-by-step simulation of the schedule's chunk
 * order, not against its own closed form.
 */
import { describe, expect, it } from 'vitest';
import { dataParallelWindowPasses, defaultFrameworkId, trainingStep } from '../../src/core/planner/step';
import { getAccelerator } from '../../src/data/hardware';
import { calibrationCases } from '../fixtures/training-throughput';
import { heldOutCases } from '../fixtures/training-heldout';

function accelerator(id: string) {
  const row = getAccelerator(id);
  if (!row) throw new Error(id);
  return row;
}

/**
 * Megatron-Core's interleaved 1F1B schedule on one pipeline rank (megatron/core/pipeline_parallel/
 * schedules.py, forward_backward_pipelining_with_interleaving, get_model_chunk_id): the k-th
 * backward chunk-step runs model chunk vp − 1 − ⌊(k mod pp·vp) / pp⌋. Returns, per chunk, the
 * index of its last backward chunk-step.
 */
function lastBackwardStep(pp: number, vp: number, microBatches: number): number[] {
  const last = new Array<number>(vp).fill(-1);
  for (let step = 0; step < microBatches * vp; step += 1) {
    const chunk = vp - 1 - Math.floor((step % (pp * vp)) / pp);
    last[chunk] = step;
  }
  return last;
}

/**
 * Seconds the gradient reduce-scatter stays exposed after the last backward step, simulated: each
 * chunk's reduce-scatter (total / vp) can start when its last backward step starts (its buckets
 * fill during that step) and the reductions run one after another on the communication stream.
 */
function simulatedExposure(pp: number, vp: number, microBatches: number, chunkStepSeconds: number, reduceSeconds: number): number {
  const last = lastBackwardStep(pp, vp, microBatches);
  const ready = last.map((step) => step * chunkStepSeconds).sort((a, b) => a - b);
  let free = 0;
  for (const time of ready) free = Math.max(free, time) + reduceSeconds / vp;
  return Math.max(0, free - microBatches * vp * chunkStepSeconds);
}

describe('the interleaved schedule hides data-parallel traffic under about pp stage passes', () => {
  it('after chunk j\'s last backward step, j·pp chunk-steps of backward remain (the chunks finish vp − 1 … 0 in groups of pp)', () => {
    for (const [pp, vp, microBatches] of [
      [2, 42, 8],
      [4, 12, 8],
      [8, 6, 64],
      [16, 7, 64],
    ] as const) {
      const last = lastBackwardStep(pp, vp, microBatches);
      last.forEach((step, chunk) => expect(microBatches * vp - 1 - step, `pp ${pp} vp ${vp} chunk ${chunk}`).toBe(chunk * pp));
    }
  });

  it('the model\'s window equals the simulated one when the reduction outlasts the backward pass', () => {
    for (const [pp, vp, microBatches] of [
      [2, 42, 8],
      [4, 12, 8],
      [8, 12, 32],
      [16, 8, 16],
    ] as const) {
      const chunkStep = 1e-3;
      const reduce = 10 * pp * vp * chunkStep;
      const stagePass = vp * chunkStep;
      const modelled = reduce - stagePass * dataParallelWindowPasses(pp, vp);
      expect(simulatedExposure(pp, vp, microBatches, chunkStep, reduce), `pp ${pp} vp ${vp}`).toBeCloseTo(modelled, 9);
    }
  });

  it('without interleaving the window is the last micro-batch\'s backward (one stage pass)', () => {
    expect(dataParallelWindowPasses(8, 1)).toBe(1);
    expect(simulatedExposure(8, 1, 16, 1e-3, 0.5)).toBeCloseTo(0.5 - 1e-3, 9);
  });

  it('exposes less data-parallel time on the Megatron-Core 70B row (pp 2) interleaved than not', () => {
    const entry = calibrationCases().find((candidate) => candidate.name.startsWith('Megatron-Core 70B'));
    if (!entry) throw new Error('70B row');
    const interleaved = trainingStep(entry.input);
    const plain = trainingStep({ ...entry.input, layout: { ...entry.input.layout, vp: 1 } });
    expect(interleaved.layout.vp).toBe(42);
    expect(interleaved.breakdown.dp).toBeLessThan(plain.breakdown.dp);
  });
});

describe('software facts of the fourth pass', () => {
  const entry = calibrationCases().find((candidate) => candidate.name.startsWith('Megatron-Core 16B'));
  if (!entry) throw new Error('16B row');

  it('Megatron-Core with --bf16 accumulates and reduces gradients in FP32: twice the gradient buffer of a BF16 reduction', () => {
    const fp32 = trainingStep(entry.input);
    const bf16 = trainingStep({ ...entry.input, gradientReduceBytes: 2 });
    expect(fp32.memory.gradients / bf16.memory.gradients).toBeCloseTo(2, 6);
    expect(fp32.breakdown.dp).toBeGreaterThan(bf16.breakdown.dp);
  });

  it('prices FP8 on Hopper and Blackwell with the NeMo recipes, 16-bit with Megatron-Core, and the A100 with 2022 Megatron-LM', () => {
    expect(defaultFrameworkId(accelerator('h100-sxm'), 'fp8')).toBe('nemo-2');
    expect(defaultFrameworkId(accelerator('gb200'), 'fp8')).toBe('nemo-2');
    expect(defaultFrameworkId(accelerator('h100-sxm'), 'bf16')).toBe('megatron-core');
    expect(defaultFrameworkId(accelerator('a100-sxm-80gb'), 'bf16')).toBe('megatron-lm-2022');
  });

  it('Llama 3\'s all-gather context parallelism is on the critical path (§3.3.2); Megatron-Core\'s ring hides under attention', () => {
    const row = heldOutCases().find((candidate) => candidate.name.endsWith('131K context'));
    if (!row) throw new Error('131K row');
    const { framework: _framework, gradientReduceBytes: _bytes, ...specInput } = row.input;
    expect(trainingStep(row.input).breakdown.cp).toBeGreaterThan(0);
    expect(trainingStep(specInput).breakdown.cp).toBe(0);
  });
});
