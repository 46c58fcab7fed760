/**
 * Prints the serving model against the published throughput rows: the calibration set
 * (test/fixtures/serving-throughput.ts) and the held-out set (test/fixtures/serving-heldout.ts).
 * With `--fit` it also grid-searches the two datacenter engine constants (the GEMMs' share of the
 * MAMF, `gemmFractionOfMamf`, and the KV bandwidth fraction) on the calibration rows only, as they
 * were fitted once (0.80 and 0.85, src/data/decode-efficiency.ts).
 * Run: `npx tsx scripts/calibrate-serving.ts [--fit]`.
 */
import { architectureFromHfConfig } from '../src/core/params';
import { servingCapacity } from '../src/core/serving/capacity';
import type { DecodeEfficiencyOverrides } from '../src/core/serving/efficiency';
import { getDevice } from '../src/data/local-devices';
import { MODELS_BY_ID } from '../src/data/models';
import { SERVING_THROUGHPUT_ROWS } from '../test/fixtures/serving-throughput';
import type { ServingThroughputRow } from '../test/fixtures/serving-throughput';
import { HELD_OUT_SERVING_ROWS } from '../test/fixtures/serving-heldout';
import type { HeldOutServingRow } from '../test/fixtures/serving-heldout';

function predict(row: ServingThroughputRow & Partial<HeldOutServingRow>, efficiency?: DecodeEfficiencyOverrides): number {
  const preset = MODELS_BY_ID.get(row.model);
  const accelerator = getDevice(row.accelerator);
  if (!preset?.config || !accelerator) throw new Error(`unknown ${row.model} / ${row.accelerator}`);
  const point = servingCapacity({
    arch: architectureFromHfConfig(preset.config),
    accelerator,
    tp: row.tp,
    ep: row.ep,
    attention: row.attention,
    weightPrecision: row.weightPrecision,
    kvPrecision: row.kvPrecision,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    slo: row.slo,
    concurrency: row.concurrency,
    efficiency,
  });
  return point.outputTokensPerSecondPerGpu;
}

function logError(rows: readonly ServingThroughputRow[], efficiency?: DecodeEfficiencyOverrides): number {
  return rows.reduce((sum, row) => sum + Math.log(predict(row, efficiency) / row.outputTokensPerSecondPerGpu) ** 2, 0);
}

function table(name: string, rows: readonly (ServingThroughputRow & Partial<HeldOutServingRow>)[], efficiency?: DecodeEfficiencyOverrides): void {
  console.log(`\n${name}`);
  const errors: number[] = [];
  for (const row of rows) {
    const predicted = predict(row, efficiency);
    const error = predicted / row.outputTokensPerSecondPerGpu - 1;
    errors.push(Math.abs(error));
    console.log(
      `${row.model.padEnd(16)} ${row.accelerator.padEnd(9)} tp${row.tp}${row.slo ? ' slo' : ''}${row.concurrency ? ` c${row.concurrency}` : ''} ${row.weightPrecision.padEnd(5)} ${`${row.inputTokens}/${row.outputTokens}`.padEnd(11)} ` +
        `published ${row.outputTokensPerSecondPerGpu.toFixed(0).padStart(6)}  model ${predicted.toFixed(0).padStart(6)}  ${(error * 100).toFixed(1).padStart(6)}%`,
    );
  }
  console.log(`mean |error| ${((errors.reduce((a, b) => a + b, 0) / errors.length) * 100).toFixed(1)}%, max ${(Math.max(...errors) * 100).toFixed(1)}%`);
}

if (process.argv.includes('--fit')) {
  let best = { share: 0, kv: 0, loss: Infinity };
  for (let i = 40; i <= 100; i++) {
    for (let j = 50; j <= 100; j++) {
      const efficiency = { gemmFractionOfMamf: i / 100, kvBandwidthFraction: j / 100 };
      const loss = logError(SERVING_THROUGHPUT_ROWS, efficiency);
      if (loss < best.loss) best = { share: i / 100, kv: j / 100, loss };
    }
  }
  console.log(`fit: gemmFractionOfMamf ${best.share.toFixed(2)}, kvBandwidthFraction ${best.kv.toFixed(2)}, loss ${best.loss.toFixed(4)}`);
  table('calibration with the fitted constants', SERVING_THROUGHPUT_ROWS, { gemmFractionOfMamf: best.share, kvBandwidthFraction: best.kv });
}
table('calibration (TensorRT-LLM perf-overview, Llama 3.1 8B FP8)', SERVING_THROUGHPUT_ROWS);
table('held out (TensorRT-LLM perf-overview, MLPerf v4.1, NIM)', HELD_OUT_SERVING_ROWS);
