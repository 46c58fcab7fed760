/**
 * The published training runs (`TRAINING_RUN_LAYOUTS`) priced by the training planner, as the
 * page shows them beside their reported GPU-hours; the planner's unit test of these runs
 * (test/unit/planner-runs.test.ts) and scripts/planner-report.ts call `pricePublishedRun` too, so
 * there is one pricing path. The run's published hardware, GPU
 * count, sequence, batch, network and training software; its published tp/pp/dp/cp/ep where
 * printed and its published recomputation, micro-batch and ZeRO stage where stated (the planner
 * fills in the rest: interleaving, and whatever the authors did not state), else the planner's
 * best layout (a lower bound on the hours); reported hours that are the steps' time alone compared
 * with `stepGpuHours`, elapsed hours with `gpuHours` at DEFAULT_GOODPUT.
 * A core addition outside src/core/planner (which another helper owns); pure, no caches.
 * Units: GPU-hours, GPUs, fractions.
 */
import { getAccelerator } from '../data/hardware';
import { getModelPreset } from '../data/models';
import { TRAINING_RUN_LAYOUTS, type TrainingRunLayout } from '../data/training-run-layouts';
import { architectureFromHfConfig } from './params';
import { planTraining } from './planner/plan';
import { trainingRunTime, type TrainingRunTime } from './planner/run';
import type { ClusterOverride, PlannedLayout } from './planner/types';

export interface PublishedRunPrediction {
  runId: string;
  hardwareId: string;
  gpus: number;
  reportedGpuHours: number;
  /** Predicted GPU-hours on the same basis as the report (steps or elapsed), or null when no layout fits. */
  predictedGpuHours: number | null;
  /** predicted / reported − 1, or null. */
  error: number | null;
  mfu: number | null;
  /** The layout priced, e.g. `TP8 PP16 VP8 CP1 EP1 DP128 mb1 none`. */
  layout: string | null;
  /** True when the authors printed tp/pp/dp (else the planner's best). */
  publishedLayout: boolean;
  comparison: TrainingRunLayout['comparison'];
  hoursCover: string;
  framework: string;
  source: string;
}

function clusterOverride(cluster: NonNullable<TrainingRunLayout['cluster']>): ClusterOverride {
  const { source: _source, ...links } = cluster;
  return links;
}

function layoutText(step: PlannedLayout): string {
  const l = step.layout;
  return `TP${l.tp} PP${l.pp} VP${l.vp} CP${l.cp} EP${l.ep} DP${l.dp} mb${l.microBatch} ${step.recompute}`;
}

/** A priced run: what the page shows, and the planner's step and whole-run time behind it (null when nothing fits). */
export interface PricedPublishedRun {
  prediction: PublishedRunPrediction;
  step: PlannedLayout | null;
  run: TrainingRunTime | null;
}

/**
 * One published run priced by the planner (see the module comment), with the step and run time
 * behind the prediction: the single path the page, the unit test and scripts/planner-report.ts use.
 * The search is restricted to what the run publishes: tp/pp/dp/cp/ep (`layout`), recomputation,
 * micro-batch and ZeRO stage (`schedule`) and the run's own network (`cluster`); everything not
 * published is the planner's fastest choice. Throws only for a broken data row.
 */
export function pricePublishedRun(row: TrainingRunLayout): PricedPublishedRun {
  const config = row.config ?? getModelPreset(row.modelPresetId ?? '')?.config;
  const accelerator = getAccelerator(row.hardwareId);
  if (!config || !accelerator) throw new Error(`training-run-layouts row ${row.runId}: no config or accelerator`);
  const arch = architectureFromHfConfig(config);
  const schedule = row.schedule;
  const cluster = row.cluster ? clusterOverride(row.cluster) : undefined;
  const plan = planTraining({
    arch,
    accelerator,
    precision: row.precision,
    gpus: row.gpus,
    seqLen: row.seqLen,
    globalBatch: row.globalBatch,
    limit: 1e6,
    framework: row.framework,
    ...(cluster ? { cluster } : {}),
    ...(schedule?.recompute ? { recomputeModes: [schedule.recompute] } : {}),
    ...(schedule?.zeroStage === undefined ? {} : { zeroStages: [schedule.zeroStage] }),
    ...(schedule?.microBatch ? { maxMicroBatch: schedule.microBatch } : {}),
    ...(row.layout ? { parallelism: { tp: row.layout.tp, pp: row.layout.pp, cp: row.layout.cp ?? 1, ep: row.layout.ep ?? 1 } } : {}),
  });
  const published = row.layout;
  const step =
    plan.layouts.find(
      (candidate) =>
        (!schedule?.microBatch || candidate.layout.microBatch === schedule.microBatch) &&
        (!published ||
          (candidate.layout.tp === published.tp &&
            candidate.layout.pp === published.pp &&
            candidate.layout.dp === published.dp &&
            candidate.layout.cp === (published.cp ?? 1) &&
            candidate.layout.ep === (published.ep ?? 1))),
    ) ?? null;
  const base = {
    runId: row.runId,
    hardwareId: row.hardwareId,
    gpus: row.gpus,
    reportedGpuHours: row.gpuHours,
    publishedLayout: published !== null,
    comparison: row.comparison,
    hoursCover: row.hoursCover,
    framework: row.framework,
    source: row.source,
  };
  if (!step) return { prediction: { ...base, predictedGpuHours: null, error: null, mfu: null, layout: null }, step: null, run: null };
  const run = trainingRunTime(step, row.tokens, row.globalBatch * row.seqLen);
  const predicted = row.comparison === 'steps' ? run.stepGpuHours : run.gpuHours;
  return {
    prediction: { ...base, predictedGpuHours: predicted, error: predicted / row.gpuHours - 1, mfu: step.mfu, layout: layoutText(step) },
    step,
    run,
  };
}

/** One published run priced by the planner (see `pricePublishedRun`); throws only for a broken data row. */
export function predictPublishedRun(row: TrainingRunLayout): PublishedRunPrediction {
  return pricePublishedRun(row).prediction;
}

/** Every published run of TRAINING_RUN_LAYOUTS priced by the planner (heavy: run it off the main thread). */
export function predictPublishedRuns(): PublishedRunPrediction[] {
  return TRAINING_RUN_LAYOUTS.map(predictPublishedRun);
}
