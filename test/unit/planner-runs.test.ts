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
import { architectureFromHfConfig } from '../../src/core/params';
import { planTraining } from '../../src/core/planner/plan';
import { trainingRunTime } from '../../src/core/planner/run';
import { getAccelerator } from '../../src/data/hardware';
import { getModelPreset } from '../../src/data/models';
import { TRAINING_RUNS } from '../../src/data/training-runs';
import { TRAINING_RUN_LAYOUTS, type TrainingRunLayout } from '../../src/data/training-run-layouts';

function predict(row: TrainingRunLayout) {
  const config = row.config ?? getModelPreset(row.modelPresetId ?? '')?.config;
  const accelerator = getAccelerator(row.hardwareId);
  if (!config || !accelerator) throw new Error(`fixture for ${row.runId}`);
  const arch = architectureFromHfConfig(config);
  const plan = planTraining({ arch, accelerator, precision: row.precision, gpus: row.gpus, seqLen: row.seqLen, globalBatch: row.globalBatch, limit: 1e6, framework: row.framework });
  const published = row.layout;
  const step = plan.layouts.find(
    (candidate) =>
      !published ||
      (candidate.layout.tp === published.tp &&
        candidate.layout.pp === published.pp &&
        candidate.layout.dp === published.dp &&
        candidate.layout.cp === (published.cp ?? 1) &&
        candidate.layout.ep === (published.ep ?? 1)),
  );
  if (!step) return null;
  const run = trainingRunTime(step, row.tokens, row.globalBatch * row.seqLen);
  const predicted = row.comparison === 'steps' ? run.stepGpuHours : run.gpuHours;
  return { step, run, predicted, error: predicted / row.gpuHours - 1 };
}

const results = TRAINING_RUN_LAYOUTS.map((row) => ({ row, prediction: predict(row) }));

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
  // are comparable with the prediction (steps alone, or elapsed with the cited goodput).
  it.each(results.filter(({ row }) => row.comparison !== 'not-comparable').map((entry) => [entry.row.runId, entry] as const))(
    '%s: predicted GPU-hours within ±15 % of the report',
    (_id, { prediction }) => {
      expect(prediction).not.toBeNull();
      expect(Math.abs(prediction?.error ?? Infinity)).toBeLessThanOrEqual(0.15);
    },
  );
});
