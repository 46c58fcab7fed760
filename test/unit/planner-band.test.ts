/**
 * What the planner's uncertainty band covers (`STEP_TIME_SPREAD_COVERAGE`, src/core/planner/step.ts):
 * every published layout the planner is checked on — calibration, held out, later NeMo releases (with
 * and without activation offload, and their gpt-oss-120b rows) and the comparable published runs — priced as the other planner tests price them, counted inside
 * ±STEP_TIME_SPREAD of its predicted step time. The page quotes the count; this keeps it true.
 */
import { describe, expect, it } from 'vitest';
import { trainingStep } from '../../src/core/planner/step';
import { FRAMEWORK_EVIDENCE, PLANNER_ACCURACY, STEP_TIME_SPREAD, STEP_TIME_SPREAD_COVERAGE } from '../../src/core/planner/uncertainty';
import { TRAINING_FRAMEWORKS } from '../../src/data/training-frameworks';
import { pricePublishedRun } from '../../src/core/published-runs';
import { TRAINING_RUN_LAYOUTS } from '../../src/data/training-run-layouts';
import { calibrationCases } from '../fixtures/training-throughput';
import { gptOssReleaseCases, heldOutCases, laterReleaseCases, offloadReleaseCases, specInput } from '../fixtures/training-heldout';

/** Published over predicted step time, per table. */
type Tables = Record<'calibration' | 'heldOut' | 'later' | 'offload' | 'gptOss' | 'published', number[]>;

function ratios(): Tables {
  const calibration = calibrationCases().map((entry) => {
    const step = trainingStep(specInput(entry.input));
    const predicted = entry.metric === 'tflops' ? step.modelFlops / step.seconds / step.gpus / 1e12 : step.tokensPerSecondPerGpu;
    return predicted / entry.published;
  });
  const heldOut = heldOutCases().map((entry) => entry.publishedSeconds / trainingStep(specInput(entry.input)).seconds);
  const later = laterReleaseCases().map((entry) => entry.publishedSeconds / trainingStep(specInput(entry.input)).seconds);
  const offload = offloadReleaseCases().map((entry) => entry.publishedSeconds / trainingStep(specInput(entry.input)).seconds);
  const gptOss = gptOssReleaseCases().map((entry) => entry.publishedSeconds / trainingStep(specInput(entry.input)).seconds);
  const published = TRAINING_RUN_LAYOUTS.filter((row) => row.comparison !== 'not-comparable').map((row) => {
    const { prediction } = pricePublishedRun(row);
    if (prediction.error === null) throw new Error(`${row.runId} has no prediction`);
    return 1 / (1 + prediction.error);
  });
  return { calibration, heldOut, later, offload, gptOss, published };
}

describe('the uncertainty band, against every published layout the planner is checked on', () => {
  const tables = ratios();
  const all = Object.values(tables).flat();
  const inside = (ratio: number): boolean => Math.abs(ratio - 1) <= STEP_TIME_SPREAD;

  it('counts the tables it says it counts', () => {
    expect(tables.calibration).toHaveLength(25);
    expect(tables.heldOut).toHaveLength(38);
    expect(tables.later).toHaveLength(14);
    expect(tables.offload).toHaveLength(4);
    expect(tables.gptOss).toHaveLength(6);
    expect(tables.published).toHaveLength(10);
    expect(all).toHaveLength(STEP_TIME_SPREAD_COVERAGE.checked);
  });

  it('covers as many of them as the page says', () => {
    for (const [name, values] of Object.entries(tables)) console.log(`${name}: ${values.filter(inside).length} of ${values.length} within ±${STEP_TIME_SPREAD * 100} %`);
    expect(all.filter(inside).length).toBe(STEP_TIME_SPREAD_COVERAGE.within);
  });

  it('is a band that means something: most rows inside, and rows outside it on both sides', () => {
    expect(STEP_TIME_SPREAD_COVERAGE.within / STEP_TIME_SPREAD_COVERAGE.checked).toBeGreaterThan(0.75);
    expect(all.some((ratio) => ratio > 1 + STEP_TIME_SPREAD)).toBe(true);
    expect(all.some((ratio) => ratio < 1 - STEP_TIME_SPREAD)).toBe(true);
  });
});

/**
 * The same checks grouped by the software each row is priced with (`FRAMEWORK_EVIDENCE`): every
 * fixture row with its own software (calibration tables, held-out eras, NVIDIA's later recipes) and
 * the comparable published runs as the page prices them, less the gpt-oss-120b rows.
 */
describe('the evidence per training software', () => {
  const rows: { framework: string; ratio: number }[] = [];
  for (const entry of calibrationCases()) {
    const step = trainingStep(entry.input);
    const predicted = entry.metric === 'tflops' ? step.modelFlops / step.seconds / step.gpus / 1e12 : step.tokensPerSecondPerGpu;
    rows.push({ framework: step.framework, ratio: predicted / entry.published });
  }
  for (const entry of [...heldOutCases(), ...laterReleaseCases(), ...offloadReleaseCases()]) {
    const step = trainingStep(entry.input);
    rows.push({ framework: step.framework, ratio: entry.publishedSeconds / step.seconds });
  }
  for (const row of TRAINING_RUN_LAYOUTS.filter((candidate) => candidate.comparison !== 'not-comparable')) {
    const { prediction, step } = pricePublishedRun(row);
    if (prediction.error === null || step === null) throw new Error(`${row.runId} has no prediction`);
    rows.push({ framework: step.framework, ratio: 1 / (1 + prediction.error) });
  }
  const tenths = (fraction: number): number => Math.round(fraction * 1000) / 10;

  it('quotes, for every software the page offers, its runs, how many ran within the band, the mean, worst and signed error', () => {
    expect(Object.keys(FRAMEWORK_EVIDENCE).sort()).toEqual(TRAINING_FRAMEWORKS.map((framework) => framework.id).sort());
    expect(rows).toHaveLength(STEP_TIME_SPREAD_COVERAGE.checked - gptOssReleaseCases().length);
    for (const framework of TRAINING_FRAMEWORKS) {
      const errors = rows.filter((row) => row.framework === framework.id).map((row) => row.ratio - 1);
      expect(errors.length, framework.id).toBeGreaterThan(0);
      const measured = {
        runs: errors.length,
        within: errors.filter((error) => Math.abs(error) <= STEP_TIME_SPREAD).length,
        meanError: tenths(errors.reduce((sum, error) => sum + Math.abs(error), 0) / errors.length),
        worstError: tenths(Math.max(...errors.map(Math.abs))),
        bias: tenths(errors.reduce((sum, error) => sum + error, 0) / errors.length),
      };
      expect(measured, framework.id).toEqual(FRAMEWORK_EVIDENCE[framework.id]);
    }
  });
});

/** The accuracy the page states in words (`PLANNER_ACCURACY`): recomputed from the same tables. */
describe('the accuracy the page states', () => {
  const wholePercent = (fraction: number): number => Math.round(fraction * 100);
  const summary = (errors: readonly number[]) => ({
    runs: errors.length,
    meanError: wholePercent(errors.reduce((sum, error) => sum + Math.abs(error), 0) / errors.length),
    worstError: wholePercent(Math.max(...errors.map(Math.abs))),
  });

  it('calibration and held-out: rows, mean and worst |error| as the training plan and the band say', () => {
    const tables = ratios();
    expect(summary(tables.calibration.map((ratio) => ratio - 1))).toEqual(PLANNER_ACCURACY.calibration);
    expect(summary(tables.heldOut.map((ratio) => ratio - 1))).toEqual(PLANNER_ACCURACY.heldOut);
  });

  it('NVIDIA’s later releases: the 70B and 405B rows on average, the 8B rows’ range (all predicted slow)', () => {
    const errors = laterReleaseCases().map((entry) => ({ name: entry.name, error: entry.publishedSeconds / trainingStep(specInput(entry.input)).seconds - 1 }));
    const large = errors.filter((row) => !row.name.includes('8B'));
    const small = errors.filter((row) => row.name.includes('8B')).map((row) => row.error);
    expect(large.length + small.length).toBe(errors.length);
    expect(wholePercent(large.reduce((sum, row) => sum + Math.abs(row.error), 0) / large.length)).toBe(PLANNER_ACCURACY.laterLargeMeanError);
    expect(small.every((error) => error < 0)).toBe(true);
    expect([wholePercent(Math.min(...small.map(Math.abs))), wholePercent(Math.max(...small.map(Math.abs)))]).toEqual(PLANNER_ACCURACY.laterSmallSlow);
  });
});
