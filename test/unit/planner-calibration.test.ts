/**
 * The training planner against the 25 published layouts of the calibration set
 * (test/fixtures/training-throughput.ts: Megatron-Core H100 BF16 table, NeMo performance summary
 * FP8 rows). The free constants in src/core/planner/calibration.ts were fitted once on these 25
 * rows (scripts/fit-planner.ts); every other constant is a kernel or data-sheet measurement.
 * The goal: each row within ±10 %, mean ≤ 5 %. Rows the model misses are listed in
 * KNOWN_MISSES with their cause; a listed row that meets the goal fails the test too, so the list
 * stays true.
 */
import { describe, expect, it } from 'vitest';
import { trainingStep } from '../../src/core/planner/step';
import { calibrationCases } from '../fixtures/training-throughput';

/** Rows outside ±10 % after the fit, and why (docs/training-planner.md, "What misses and why"). */
const KNOWN_MISSES: Readonly<Record<string, string>> = {
  'Megatron-Core 32B (384 H100)':
    '−19 %: 8 GB of BF16 gradients and as many parameter bytes per GPU cross one 400 Gb/s NIC each way (tp 8, one data-parallel member per node) against one micro-batch of compute (4 per step); the README\'s 46 % MFU says it was hidden — how is not printed',
  'NeMo 25.02 Mixtral-8x7B (64 b200)':
    '+17 %: expert load imbalance, router and token-permutation kernels beyond the counted bytes, all-to-all latency — MoE effects the model prices only by bytes',
  'NeMo 25.04 GPT3-175B (128 gb200)':
    '−12 %: GB200 (1200 W) ran 27 % faster than B200 on Llama-3-8B in NeMo 25.04 vs 25.02 for 11 % more peak and a lower measured MAMF; one Blackwell factor cannot hold both parts',
  'NeMo 25.04 Llama3-8B (8 gb200)': '−19 %: as the GB200 GPT-3 row (GB200 power and NeMo 25.04 software, not separable in the published data)',
};

const rows = calibrationCases().map((entry) => {
  const step = trainingStep(entry.input);
  const predicted = entry.metric === 'tflops' ? step.modelFlops / step.seconds / step.gpus / 1e12 : step.tokensPerSecondPerGpu;
  return { name: entry.name, published: entry.published, predicted, error: predicted / entry.published - 1, mfu: step.mfu };
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
});
