/**
 * Prints the training planner's accuracy tables: the 25 calibration rows, the held-out literature
 * rows (with the default framework, as an outside check calls `trainingStep`, and with each row's
 * era framework), NVIDIA's later releases (NeMo 25.09–26.02, default framework; then their GB200
 * rows with activation offload), and the published runs' GPU-hours.
 *   npx tsx scripts/planner-report.ts            # every table
 *   npx tsx scripts/planner-report.ts --quick    # calibration and held-out only (no plan search)
 * The tests (test/unit/planner-*.test.ts) assert the same numbers; this prints them for the docs.
 */
import { trainingStep } from '../src/core/planner/step';
import { pricePublishedRun } from '../src/core/published-runs';
import { TRAINING_RUN_LAYOUTS } from '../src/data/training-run-layouts';
import { calibrationCases } from '../test/fixtures/training-throughput';
import { heldOutCases, laterReleaseCases, offloadReleaseCases, specInput } from '../test/fixtures/training-heldout';

function percent(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value * 100).toFixed(1)} %`;
}

function summary(errors: readonly number[]): string {
  const absolute = errors.map(Math.abs);
  const mean = absolute.reduce((a, b) => a + b, 0) / Math.max(1, absolute.length);
  return `mean ${(mean * 100).toFixed(2)} %, max ${(Math.max(0, ...absolute) * 100).toFixed(2)} %, within ±10 %: ${absolute.filter((value) => value <= 0.1).length}/${absolute.length}`;
}

console.log('## Calibration (throughput error, + = predicted faster)');
const calibrationErrors: number[] = [];
for (const entry of calibrationCases()) {
  const step = trainingStep(entry.input);
  const predicted = entry.metric === 'tflops' ? step.modelFlops / step.seconds / step.gpus / 1e12 : step.tokensPerSecondPerGpu;
  const error = predicted / entry.published - 1;
  calibrationErrors.push(error);
  console.log(`| ${entry.name} | ${entry.published} | ${predicted.toFixed(1)} | ${percent(error)} | ${(step.mfu * 100).toFixed(1)} % |`);
}
console.log(summary(calibrationErrors));

console.log('\n## Held out (step-time throughput error, + = predicted faster): default framework | era framework');
const defaultErrors: number[] = [];
const eraErrors: number[] = [];
for (const entry of heldOutCases()) {
  const era = trainingStep(entry.input);
  const plain = trainingStep(specInput(entry.input));
  const published = entry.publishedSeconds;
  const errorDefault = published / plain.seconds - 1;
  const errorEra = published / era.seconds - 1;
  defaultErrors.push(errorDefault);
  eraErrors.push(errorEra);
  console.log(
    `| ${entry.name} | ${published.toFixed(2)} | ${plain.seconds.toFixed(2)} | ${percent(errorDefault)} | ${era.seconds.toFixed(2)} | ${percent(errorEra)} | ${entry.input.framework ?? 'default'} |`,
  );
}
console.log(`default: ${summary(defaultErrors)}`);
console.log(`era:     ${summary(eraErrors)}`);

/** A table of held-out cases priced as an outside check calls `trainingStep`; `extra` adds columns. */
function heldOutTable(title: string, cases: ReturnType<typeof laterReleaseCases>, extra: (step: ReturnType<typeof trainingStep>) => string = () => ''): void {
  console.log(`\n## ${title}`);
  const errors: number[] = [];
  for (const entry of cases) {
    const step = trainingStep(specInput(entry.input));
    const error = entry.publishedSeconds / step.seconds - 1;
    errors.push(error);
    console.log(`| ${entry.name} | ${entry.publishedSeconds.toFixed(2)} | ${step.seconds.toFixed(2)} | ${percent(error)} |${extra(step)}`);
  }
  console.log(`all: ${summary(errors)}`);
}

heldOutTable('Later NeMo releases, held out (step-time throughput error, + = predicted faster)', laterReleaseCases());
heldOutTable(
  'Later NeMo releases on GB200 with activation offload, held out (+ = predicted faster; GB per GPU, GB offloaded)',
  offloadReleaseCases(),
  (step) => ` ${(step.memoryPerGpu / 1e9).toFixed(1)} | ${(step.memory.offloaded / 1e9).toFixed(1)} |`,
);

if (!process.argv.includes('--quick')) {
  console.log('\n## Published runs (GPU-hours error, + = predicted more hours)');
  const runErrors: number[] = [];
  for (const row of TRAINING_RUN_LAYOUTS) {
    const { prediction, step } = pricePublishedRun(row);
    if (!step || prediction.predictedGpuHours === null || prediction.error === null) {
      console.log(`| ${row.runId} | none fits |`);
      continue;
    }
    const error = prediction.error;
    if (row.comparison !== 'not-comparable') runErrors.push(error);
    const layout = step.layout;
    console.log(
      `| ${row.runId} | ${row.framework} | ${row.gpuHours} | ${Math.round(prediction.predictedGpuHours)} | ${percent(error)} | ${row.comparison} | tp${layout.tp} pp${layout.pp} vp${layout.vp} dp${layout.dp} mb${layout.microBatch} z${layout.zeroStage} ${step.recompute} | ${(step.mfu * 100).toFixed(1)} % |`,
    );
  }
  console.log(`comparable runs: ${summary(runErrors)}`);
}
