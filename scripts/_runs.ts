import { pricePublishedRun } from '../src/core/published-runs';
import { TRAINING_RUN_LAYOUTS } from '../src/data/training-run-layouts';
for (let rep = 0; rep < 3; rep++) {
  const t0 = performance.now();
  const times: string[] = [];
  for (const row of TRAINING_RUN_LAYOUTS) { const t = performance.now(); pricePublishedRun(row); times.push(`${row.runId}:${(performance.now() - t).toFixed(0)}`); }
  console.log((performance.now() - t0).toFixed(0), 'ms', times.join(' '));
}
