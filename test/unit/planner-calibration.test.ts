/**
 * The training planner against the 25 published layouts of the calibration set
 * (test/fixtures/training-throughput.ts: Megatron-Core H100 BF16 table, NeMo performance summary
 * FP8 rows). The free constants in src/core/planner/calibration.ts were fitted once on these 25
 * rows (scripts/fit-planner.ts); every other constant is a kernel or data-sheet measurement.
 * Each row is priced as an outside check calls `trainingStep`: the spec's input only, so the
 * default framework. The goal: each row within ±10 %, mean ≤ 5 %. Rows the model misses are
 * listed in KNOWN_MISSES with their cause; a listed row that meets the goal fails the test too, so
 * the list stays true.
 */
import { describe, expect, it } from 'vitest';
import { trainingStep } from '../../src/core/planner/step';
import { calibrationCases, MEGATRON_CORE_H100_ROWS, type ThroughputCase } from '../fixtures/training-throughput';

/** Rows outside ±10 % after the fit, and why (docs/training-planner.md, "What misses and why"). */
const KNOWN_MISSES: Readonly<Record<string, string>> = {
  'NeMo 25.02 Mixtral-8x7B (64 b200)':
    '+18 %: not expert load imbalance (the recipe drops tokens at capacity factor 1 and pads every expert to capacity: MegatronTokenDropCallback) nor launch overhead (its 25.02 recipe already ran CUDA graphs on B200); the same model predicts the GB200 25.04 Mixtral row within 2 % (planner-heldout). A NeMo 25.02 / B200 cost the model does not have',
  'NeMo 25.04 GPT3-175B (128 gb200)':
    '−13 %: GPT-3 runs 8–13 % faster than modelled on both Blackwell systems (B200 25.02 at 512 GPUs −8 %, planner-heldout); not GB200 power — the GB200 405B and Nemotron-340B rows, at the same 1200 W, land within +4 / −2 %',
  'NeMo 25.04 Llama3-8B (8 gb200)':
    '−19 %: 1.27× the B200 25.02 row for 1.08× modelled; with the release held fixed GB200 runs this recipe at 1.045× (25.09) and 1.029× B200 (25.11), within 5 % of the model (planner-later), and no later release reaches 33,099 on GB200 again (31,357–31,737): that 25.04 figure, not a GB200 term. The 25.04 recipe says micro-batch 4 where the summary prints 2 (GA 8), but 4 would be only 0.9 % faster here and needs 208 GB by the memory plan (GB200: 186 GB)',
};

/** The spec's input only (no framework): how an outside check calls trainingStep. */
function specInput(entry: ThroughputCase): ThroughputCase['input'] {
  const { framework: _framework, ...input } = entry.input;
  return input;
}

function predictedThroughput(entry: ThroughputCase, input: ThroughputCase['input']): number {
  const step = trainingStep(input);
  return entry.metric === 'tflops' ? step.modelFlops / step.seconds / step.gpus / 1e12 : step.tokensPerSecondPerGpu;
}

const rows = calibrationCases().map((entry) => {
  const step = trainingStep(specInput(entry));
  const predicted = predictedThroughput(entry, specInput(entry));
  return { name: entry.name, published: entry.published, predicted, error: predicted / entry.published - 1, mfu: step.mfu, entry };
});

function meanAbsolute(values: readonly { error: number }[]): number {
  return values.reduce((sum, row) => sum + Math.abs(row.error), 0) / values.length;
}

describe('trainingStep on the 25 calibration layouts', () => {
  it('prints the calibration table', () => {
    console.table(
      rows.map((row) => ({
        row: row.name,
        published: row.published,
        predicted: Number(row.predicted.toFixed(1)),
        error: `${(row.error * 100).toFixed(1)} %`,
        mfu: `${(row.mfu * 100).toFixed(1)} %`,
        'known miss': row.name in KNOWN_MISSES,
      })),
    );
    console.log(`all 25: mean ${(meanAbsolute(rows) * 100).toFixed(2)} %, max ${(Math.max(...rows.map((row) => Math.abs(row.error))) * 100).toFixed(2)} %`);
    expect(rows).toHaveLength(25);
  });

  it('lists only rows of the calibration set as known misses', () => {
    for (const name of Object.keys(KNOWN_MISSES)) expect(rows.map((row) => row.name), name).toContain(name);
  });

  it.each(rows.filter((row) => !(row.name in KNOWN_MISSES)).map((row) => [row.name, row] as const))(
    '%s is within ±10 % of the published throughput',
    (_name, row) => {
      expect(Math.abs(row.error)).toBeLessThanOrEqual(0.1);
    },
  );

  it.each(rows.filter((row) => row.name in KNOWN_MISSES).map((row) => [row.name, row] as const))(
    '%s is still a known miss (outside ±10 %), as KNOWN_MISSES says',
    (_name, row) => {
      expect(Math.abs(row.error)).toBeGreaterThan(0.1);
    },
  );

  it('has a mean error of at most 5 % over all 25 rows (the issue\'s goal)', () => {
    expect(meanAbsolute(rows)).toBeLessThanOrEqual(0.05);
  });

  it('prices the NeMo FP8 rows with the NeMo recipes\' software when no framework is given (the fixture naming it changes nothing)', () => {
    for (const row of rows.filter(({ entry }) => entry.input.framework !== undefined)) {
      expect(trainingStep(specInput(row.entry)).framework, row.name).toBe('nemo-2');
      expect(predictedThroughput(row.entry, row.entry.input), row.name).toBeCloseTo(row.predicted, 6);
    }
  });
});

/**
 * Why the fixture runs the Megatron-Core 32B row at micro-batch 2 (MEGATRON_CORE_INFERRED_MICRO_BATCH),
 * by arithmetic on the printed figures alone, not the model: tp 8 leaves one 48-way data-parallel
 * member per node, so each GPU reduce-scatters its FP32 gradients and all-gathers its BF16 weights
 * through its own 400 Gb/s NIC (Megatron-Core r0.8 with `--bf16`), and r0.8 overlaps them only with
 * the last micro-batch's backward and the first micro-batch's forward. Even at the full line rate,
 * the printed step then leaves the compute so little time that it would have to run at ≥ 70 % of the
 * BF16 peak at micro-batch 1 — the 7.1B and 16B rows, with almost no communication, realise 47–49 %.
 * At micro-batch 2 the windows double and ≤ 50 % suffices.
 */
describe('the Megatron-Core 32B row needs a micro-batch above 1', () => {
  const row = MEGATRON_CORE_H100_ROWS.find((candidate) => candidate.model === '32B');
  if (!row) throw new Error('32B row');
  const { hidden, layers, tp, dp, gpus, globalBatch, tflopsPerGpu } = row;
  const vocab = 131072;
  const seqLen = 4096;
  // Megatron-LM's num_floating_point_operations for a GPT block (MHA, 4h GeLU MLP, untied head).
  const flopsPerToken = 12 * layers * hidden * hidden * (6 + seqLen / hidden + vocab / (2 * layers * hidden));
  const flopsPerGpu = (flopsPerToken * globalBatch * seqLen) / gpus;
  const stepSeconds = flopsPerGpu / (tflopsPerGpu * 1e12);
  const parametersPerGpu = (12 * layers * hidden * hidden + 2 * vocab * hidden) / tp;
  const nicBytesPerSecond = 400e9 / 8;
  const ring = (dp - 1) / dp;
  const reduceScatter = (4 * parametersPerGpu * ring) / nicBytesPerSecond;
  const allGather = (2 * parametersPerGpu * ring) / nicBytesPerSecond;
  /** Compute seconds C with C + exposed(C) = the printed step, microBatches per rank of a 1/3 : 2/3 forward : backward. */
  function computeSeconds(microBatch: number): number {
    const microBatches = globalBatch / dp / microBatch;
    const step = (compute: number): number =>
      compute + Math.max(0, reduceScatter - (2 * compute) / 3 / microBatches) + Math.max(0, allGather - compute / 3 / microBatches);
    let low = 0;
    let high = stepSeconds;
    for (let iteration = 0; iteration < 60; iteration += 1) {
      const middle = (low + high) / 2;
      if (step(middle) > stepSeconds) high = middle;
      else low = middle;
    }
    return low;
  }
  const peak = 989e12;

  it('at micro-batch 1 the compute would have to run at ≥ 70 % of the BF16 peak; at micro-batch 2 at ≤ 50 %', () => {
    expect(stepSeconds).toBeCloseTo(0.892, 2);
    expect(flopsPerGpu / computeSeconds(1) / peak).toBeGreaterThan(0.7);
    expect(flopsPerGpu / computeSeconds(2) / peak).toBeLessThan(0.5);
  });

  it('the model agrees: micro-batch 1 misses the printed figure by more than 20 %, micro-batch 2 is within ±10 %', () => {
    const entry = calibrationCases().find((candidate) => candidate.name.startsWith('Megatron-Core 32B'));
    if (!entry) throw new Error('32B case');
    expect(entry.input.layout.microBatch).toBe(2);
    const at = (microBatch: number): number =>
      predictedThroughput(entry, { ...entry.input, layout: { ...entry.input.layout, microBatch } }) / entry.published - 1;
    expect(Math.abs(at(1))).toBeGreaterThan(0.2);
    expect(Math.abs(at(2))).toBeLessThanOrEqual(0.1);
  });
});
