/**
 * From one predicted step to a whole training run: steps, wall-clock, GPU-hours and the MFU
 * `estimate()` can use instead of a typed-in one, with the uncertainty band of the step model.
 * Units: tokens, seconds, hours, days.
 */
import { ConfigError } from '../errors';
import { HOURS_PER_DAY, SECONDS_PER_HOUR } from '../units';
import type { TrainingStep } from './types';

export interface TrainingRunTime {
  /** Optimizer steps to see `tokens` (fractional: the last step may be partial). */
  steps: number;
  seconds: number;
  days: number;
  gpuHours: number;
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
 *   seconds = steps × step.seconds;  gpuHours = seconds × gpus / 3600;  days = seconds / 86 400
 * The band uses the step's `secondsLow` / `secondsHigh` (± STEP_TIME_SPREAD, the largest
 * calibration error rounded up). Assumes no downtime, restarts, evaluation or checkpoint stalls:
 * published GPU-hours that include them (Llama 3: > 90 % effective training time, §3.3.4) run
 * longer. Units: as named. Throws ConfigError for a non-finite or negative token count.
 * Source: definition; Narayanan et al. 2021 Eq. 4 is the same arithmetic with a fixed FLOP rate.
 */
export function trainingRunTime(step: TrainingStep, tokens: number, tokensPerStep: number): TrainingRunTime {
  if (!(typeof tokens === 'number' && Number.isFinite(tokens) && tokens >= 0)) {
    throw new ConfigError(`tokens must be a finite number ≥ 0, got ${String(tokens)}`, 'tokens');
  }
  if (!(typeof tokensPerStep === 'number' && Number.isFinite(tokensPerStep) && tokensPerStep > 0)) {
    throw new ConfigError(`tokensPerStep must be a positive number, got ${String(tokensPerStep)}`, 'tokensPerStep');
  }
  const steps = tokens / tokensPerStep;
  const seconds = steps * step.seconds;
  const toGpuHours = (stepSeconds: number): number => (steps * stepSeconds * step.gpus) / SECONDS_PER_HOUR;
  const toDays = (stepSeconds: number): number => (steps * stepSeconds) / (SECONDS_PER_HOUR * HOURS_PER_DAY);
  return {
    steps,
    seconds,
    days: toDays(step.seconds),
    gpuHours: toGpuHours(step.seconds),
    mfu: step.mfu,
    gpuHoursLow: toGpuHours(step.secondsLow),
    gpuHoursHigh: toGpuHours(step.secondsHigh),
    daysLow: toDays(step.secondsLow),
    daysHigh: toDays(step.secondsHigh),
  };
}
