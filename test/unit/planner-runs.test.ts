/**
 * Whole-run GPU-hours of the published training runs (src/data/training-runs.ts) from their
 * published hardware, GPU count, batch, layout and training software
 * (src/data/training-run-layouts.ts), against the GPU-hours the authors report. Where a source
 * prints tp/pp/dp but not the schedule, the planner fills in the rest (interleaving where the
 * framework has it, micro-batch, recompute, ZeRO stage) as the best predicted choice for that
 * tp/pp/dp; where it prints no layout, the planner's best layout under the run's framework — a
 * lower bound on the hours. Reported hours that are the steps' time alone are compared with
 * `stepGpuHours`, elapsed hours with `gpuHours` (DEFAULT_GOODPUT, Llama 3 §3.3.4); hours that
 * cover work the row does not describe, or are not the authors' figure, are printed and left out
 * of the accuracy check, each with its quoted basis.
 */
import { describe, expect, it } from 'vitest';
import { pricePublishedRun } from '../../src/core/published-runs';
import { TRAINING_RUNS } from '../../src/data/training-runs';
import { TRAINING_RUN_LAYOUTS, type TrainingRunLayout } from '../../src/data/training-run-layouts';

/** The page's own pricing (src/core/published-runs.ts): one path for the page, this test and the report. */
function predict(row: TrainingRunLayout) {
  const { prediction, step } = pricePublishedRun(row);
  if (!step || prediction.predictedGpuHours === null || prediction.error === null) return null;
  return { step, predicted: prediction.predictedGpuHours, error: prediction.error };
}

const results = TRAINING_RUN_LAYOUTS.map((row) => ({ row, prediction: predict(row) }));
const comparable = results.filter(({ row }) => row.comparison !== 'not-comparable');

/** Comparable runs outside ±15 %, and why (docs/training-planner.md, "Published runs"). */
const KNOWN_RUN_MISSES: Readonly<Record<string, string>> = {
  'llama1-13b':
    '+16 %: the same stack and cluster as the other LLaMA-1 runs, which land within +1 … +4 %; its reported hours are 1.64× the 7B run\'s for 1.95× the parameters (the model: 1.83×), so the 13B run was the efficient one, by a margin the model does not explain',
};

/** A run's predicted throughput in hardware FLOP/s per GPU (recomputed forward included), the convention of the 2022 reports. */
function hardwareFlopsPerGpu(runId: string): number {
  const entry = results.find(({ row }) => row.runId === runId);
  const step = entry?.prediction?.step;
  if (!step) throw new Error(`${runId}: no prediction`);
  return step.hardwareFlops / step.seconds / step.gpus;
}

describe('DeepSeek-V3 on its own software (dualpipe-2024, DeepSeek-V3 §3.2)', () => {
  const row = TRAINING_RUN_LAYOUTS.find((candidate) => candidate.runId === 'deepseek-v3');
  if (!row) throw new Error('deepseek-v3 row missing');
  const dualPipe = pricePublishedRun(row).step;
  const megatron = pricePublishedRun({ ...row, framework: 'megatron-core' }).step;
  it('hides the expert all-to-all that Megatron-Core exposes ("both all-to-all and PP communication can be fully hidden")', () => {
    expect(dualPipe?.breakdown.ep).toBe(0);
    expect(megatron?.breakdown.ep ?? 0).toBeGreaterThan(0.25 * (megatron?.seconds ?? 0));
  });
  it('shrinks the pipeline bubble below half of the 1F1B bubble of the same layout (Table 2: (PP/2 − 1) against PP − 1)', () => {
    const share = (step: typeof dualPipe) => (step ? step.breakdown.ppBubble / (step.breakdown.compute + step.breakdown.recompute) : 0);
    expect(share(dualPipe)).toBeGreaterThan(0);
    expect(share(dualPipe)).toBeLessThan(0.5 * share(megatron));
  });
});

describe('measured throughputs of the published runs', () => {
  // The one constant fitted for Meta's FSDP stack (training-frameworks.ts `fsdp-xformers-2023`
  // kernelEfficiency 0.753) was fitted on this measurement: the check is that the committed value
  // still reproduces it (OPT counts hardware FLOPs: its logbook's 4.30E+23 total is the recompute
  // formula 96·B·s·l·h²·(1 + s/6h + V/16lh) for 300B tokens).
  it('OPT-175B: 147 TFLOP/s per GPU (Zhang et al. 2022 §2.4), the fit point of fsdp-xformers-2023', () => {
    expect(hardwareFlopsPerGpu('opt-175b') / 147e12).toBeCloseTo(1, 2);
  });
  // Held out (nothing fitted on it): BLOOM's "156 TFLOPs in our fastest configuration"
  // (arXiv:2211.05100 §3.4), hardware TFLOP/s as the tr11 README counts them (the 4·2 coefficient),
  // on its published layout, schedule and Omni-Path network.
  it('BLOOM-176B: within ±10 % of 156 TFLOP/s per GPU (BigScience 2022 §3.4)', () => {
    expect(Math.abs(hardwareFlopsPerGpu('bloom-176b') / 156e12 - 1)).toBeLessThanOrEqual(0.1);
  });
});

describe('whole-run GPU-hours of published runs', () => {
  it('prints the runs table', () => {
    console.table(
      results.map(({ row, prediction }) => ({
        run: row.runId,
        hardware: `${row.gpus} × ${row.hardwareId}`,
        layout: prediction
          ? `tp${prediction.step.layout.tp} pp${prediction.step.layout.pp} vp${prediction.step.layout.vp} dp${prediction.step.layout.dp} cp${prediction.step.layout.cp} ep${prediction.step.layout.ep} mb${prediction.step.layout.microBatch} ${prediction.step.recompute}`
          : 'none fits',
        'reported GPU-h': row.gpuHours,
        'predicted GPU-h': prediction ? Math.round(prediction.predicted) : null,
        error: prediction ? `${(prediction.error * 100).toFixed(1)} %` : '—',
        'predicted MFU': prediction ? `${(prediction.step.mfu * 100).toFixed(1)} %` : '—',
        compared: row.comparison,
        framework: row.framework,
      })),
    );
    for (const { row } of results) console.log(`${row.runId}: ${row.comparison} — ${row.hoursCover}`);
    expect(results.length).toBe(TRAINING_RUN_LAYOUTS.length);
  });

  it('has a row for runs of TRAINING_RUNS only, with the reported hours or their pre-training part', () => {
    for (const { row } of results) {
      const run = TRAINING_RUNS.find((candidate) => candidate.id === row.runId);
      expect(run, row.runId).toBeDefined();
      expect(row.gpuHours).toBeLessThanOrEqual(run?.gpuHours ?? 0);
    }
  });

  it('says for every run what its reported hours cover, and excludes only runs whose hours are not comparable', () => {
    for (const { row } of results) {
      expect(row.hoursCover.length, row.runId).toBeGreaterThan(20);
      expect(['steps', 'elapsed', 'not-comparable']).toContain(row.comparison);
    }
    expect(results.filter(({ row }) => row.comparison !== 'not-comparable').length).toBeGreaterThanOrEqual(9);
  });

  // The goal: within ±15 % of the reported GPU-hours, for every run whose reported hours
  // are comparable with the prediction (steps alone, or elapsed with the cited goodput). Runs the
  // model misses are listed with their cause; a listed run that meets the goal fails too.
  it.each(comparable.filter(({ row }) => !(row.runId in KNOWN_RUN_MISSES)).map((entry) => [entry.row.runId, entry] as const))(
    '%s: predicted GPU-hours within ±15 % of the report',
    (_id, { prediction }) => {
      expect(prediction).not.toBeNull();
      expect(Math.abs(prediction?.error ?? Infinity)).toBeLessThanOrEqual(0.15);
    },
  );
  it.each(comparable.filter(({ row }) => row.runId in KNOWN_RUN_MISSES).map((entry) => [entry.row.runId, entry] as const))(
    '%s: still a known miss (outside ±15 %), as KNOWN_RUN_MISSES says',
    (_id, { prediction }) => {
      expect(prediction).not.toBeNull();
      expect(Math.abs(prediction?.error ?? 0)).toBeGreaterThan(0.15);
    },
  );
  it('lists only comparable runs as known misses', () => {
    for (const id of Object.keys(KNOWN_RUN_MISSES)) expect(comparable.map(({ row }) => row.runId), id).toContain(id);
  });
});
