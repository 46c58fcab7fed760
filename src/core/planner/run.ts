/**
 * From one predicted step to a whole training run: steps, wall-clock, GPU-hours and the MFU
 * `estimate()` can use instead of a typed-in one, with the uncertainty band of the step model.
 * Units: tokens, seconds, hours, days.
 */
import { ConfigError } from '../errors';
import { HOURS_PER_DAY, SECONDS_PER_HOUR } from '../units';
import type { TrainingStep } from './types';

/**
 * Share of the elapsed time a large run spends on useful training steps ("effective training
 * time"): Llama 3 405B pre-training on 16K H100 "achieved higher than 90% effective training time"
 * with at least one interruption a day and 466 interruptions in 54 days (Llama Team 2024,
 * arXiv:2407.21783 §3.3.4). The rest goes to restarts, lost steps since the last checkpoint,
 * checkpoint stalls and evaluation. The one cited figure, used for every run unless the caller
 * gives another (`options.goodput`): BLOOM's and OPT's logbooks document far more downtime on
 * 2021–22 clusters, the explorer does not guess theirs.
 */
export const DEFAULT_GOODPUT = 0.9;

export interface TrainingRunOptions {
  /** Effective-training-time fraction in (0, 1]; default DEFAULT_GOODPUT. 1 = steps only. */
  goodput?: number;
}

export interface TrainingRunTime {
  /** Optimizer steps to see `tokens` (fractional: the last step may be partial). */
  steps: number;
  /** Wall-clock of the run: the steps' time divided by `goodput`. */
  seconds: number;
  days: number;
  /** GPUs × wall-clock (what a cluster bill or a model card counts). */
  gpuHours: number;
  /** GPUs × the steps' time alone (goodput 1). */
  stepGpuHours: number;
  /** The effective-training-time fraction applied (see DEFAULT_GOODPUT). */
  goodput: number;
  /** The predicted MFU (model FLOPs convention of `trainingStep`). */
  mfu: number;
  /** The same under the low / high efficiency assumptions (`secondsLow` / `secondsHigh`). */
  gpuHoursLow: number;
  gpuHoursHigh: number;
  daysLow: number;
  daysHigh: number;
}

/**
 * Whole-run time of pre-training on `tokens` tokens at the predicted step:
 *   steps = tokens / (globalBatch × seqLen)      (tokens per step = modelFlops / modelFlopsPerToken)
 *   step time = steps × step.seconds;  wall-clock = step time / goodput
 *   gpuHours = wall-clock × gpus / 3600;  stepGpuHours = step time × gpus / 3600;  days = wall-clock / 86 400
 * `goodput` (default DEFAULT_GOODPUT, 0.9: Llama 3 §3.3.4) covers restarts, lost work, checkpoint
 * stalls and evaluation; pass 1 for the steps alone. The band uses the step's `secondsLow` /
 * `secondsHigh` (± STEP_TIME_SPREAD). Units: as named. Throws ConfigError for a non-finite or
 * negative token count or a goodput outside (0, 1].
 * Source: definition; Narayanan et al. 2021 Eq. 4 is the same arithmetic with a fixed FLOP rate.
 */
export function trainingRunTime(step: TrainingStep, tokens: number, tokensPerStep: number, options: TrainingRunOptions = {}): TrainingRunTime {
  if (!(typeof tokens === 'number' && Number.isFinite(tokens) && tokens >= 0)) {
    throw new ConfigError(`tokens must be a finite number ≥ 0, got ${String(tokens)}`, 'tokens');
  }
  if (!(typeof tokensPerStep === 'number' && Number.isFinite(tokensPerStep) && tokensPerStep > 0)) {
    throw new ConfigError(`tokensPerStep must be a positive number, got ${String(tokensPerStep)}`, 'tokensPerStep');
  }
  const goodput = options.goodput ?? DEFAULT_GOODPUT;
  if (!(typeof goodput === 'number' && goodput > 0 && goodput <= 1)) {
    throw new ConfigError(`goodput must be in (0, 1], got ${String(options.goodput)}`, 'goodput');
  }
  const steps = tokens / tokensPerStep;
  const wall = (stepSeconds: number): number => (steps * stepSeconds) / goodput;
  const toGpuHours = (stepSeconds: number): number => (wall(stepSeconds) * step.gpus) / SECONDS_PER_HOUR;
  const toDays = (stepSeconds: number): number => wall(stepSeconds) / (SECONDS_PER_HOUR * HOURS_PER_DAY);
  return {
    steps,
    seconds: wall(step.seconds),
    days: toDays(step.seconds),
    gpuHours: toGpuHours(step.seconds),
    stepGpuHours: (steps * step.seconds * step.gpus) / SECONDS_PER_HOUR,
    goodput,
    mfu: step.mfu,
    gpuHoursLow: toGpuHours(step.secondsLow),
    gpuHoursHigh: toGpuHours(step.secondsHigh),
    daysLow: toDays(step.secondsLow),
    daysHigh: toDays(step.secondsHigh),
  };
}
