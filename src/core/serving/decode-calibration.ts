/**
 * The published single-stream decode speeds the efficiency table is fitted on and checked
 * against, as rows of (bytes read per token, layers, bandwidth, measured seconds per token), and the
 * prediction of `batchOneDecodeSeconds` for each. Used by scripts/fit-decode-efficiency.ts, the
 * tests and the docs' calibration table. Units: bytes, bytes per second, seconds, tokens per second.
 */
import type { AcceleratorKind, PrecisionId } from '../../data/types';
import { DECODE_MEASUREMENTS } from '../../data/decode-measurements';
import { LLAMA_CPP_APPLE_BENCHMARKS, LLAMA_CPP_CUDA_BENCHMARKS } from '../../data/decode-benchmarks';
import { getAccelerator } from '../../data/hardware';
import { MODELS_BY_ID } from '../../data/models';
import type { DecodeEfficiencyCell } from '../../data/decode-efficiency';
import { architectureFromHfConfig, countParameters } from '../params';
import { servingModelShape, weightBytesReadPerStep } from './model-shape';
import { batchOneDecodeSeconds, decodeEfficiency, weightFormatClass } from './efficiency';
import type { WeightFormatClass } from './efficiency';
import { ratio } from '../units';

export type DecodeCalibrationSet = 'decode-measurements' | 'llama-cpp-apple' | 'llama-cpp-cuda';

export interface DecodeCalibrationRow {
  id: string;
  label: string;
  set: DecodeCalibrationSet;
  kind: AcceleratorKind;
  precision: PrecisionId;
  formatClass: WeightFormatClass;
  /** Bytes of weights one token streams (the input embedding table is looked up, not streamed). */
  weightBytesRead: number;
  layers: number;
  bandwidthBytesPerSecond: number;
  measuredTokensPerSecond: number;
  /** The measurement includes prefill time, so the true decode speed is at least this. */
  measuredIsLowerBound: boolean;
}

const shapeCache = new Map<string, { bytes: number; layers: number }>();

function modelBytes(modelPresetId: string, precision: PrecisionId): { bytes: number; layers: number } {
  const key = `${modelPresetId}:${precision}`;
  const cached = shapeCache.get(key);
  if (cached) return cached;
  const preset = MODELS_BY_ID.get(modelPresetId);
  if (!preset?.config) throw new Error(`decode calibration: no config for ${modelPresetId}`);
  const arch = architectureFromHfConfig(preset.config);
  const shape = servingModelShape(arch, countParameters(arch), precision);
  const value = { bytes: weightBytesReadPerStep(shape, 1), layers: arch.layers };
  shapeCache.set(key, value);
  return value;
}

function kindOfMeasurement(hardwareId: string | null, label: string): AcceleratorKind {
  const accelerator = hardwareId ? getAccelerator(hardwareId) : undefined;
  if (accelerator) return accelerator.kind;
  return /RTX|GeForce/i.test(label) ? 'consumer' : 'datacenter';
}

/** Every calibration row: the 18 DECODE_MEASUREMENTS, then the llama.cpp Apple and CUDA scoreboards. */
export function decodeCalibrationRows(): DecodeCalibrationRow[] {
  const rows: DecodeCalibrationRow[] = [];
  for (const m of DECODE_MEASUREMENTS) {
    if (m.modelPresetId === null) continue;
    const { bytes, layers } = modelBytes(m.modelPresetId, m.precision);
    rows.push({
      id: m.id,
      label: `${m.model} on ${m.hardwareLabel} (${m.engine})`,
      set: 'decode-measurements',
      kind: kindOfMeasurement(m.hardwareId, m.hardwareLabel),
      precision: m.precision,
      formatClass: weightFormatClass(m.precision),
      weightBytesRead: bytes,
      layers,
      bandwidthBytesPerSecond: m.bandwidthBytesPerSecond,
      measuredTokensPerSecond: m.measuredTokensPerSecond,
      measuredIsLowerBound: m.measuredIsLowerBound,
    });
  }
  for (const b of [...LLAMA_CPP_APPLE_BENCHMARKS, ...LLAMA_CPP_CUDA_BENCHMARKS]) {
    const { bytes, layers } = modelBytes(b.modelPresetId, b.precision);
    rows.push({
      id: b.id,
      label: `Llama-2-7B ${b.precision} on ${b.deviceLabel} (llama.cpp)`,
      set: b.kind === 'apple' ? 'llama-cpp-apple' : 'llama-cpp-cuda',
      kind: b.kind,
      precision: b.precision,
      formatClass: weightFormatClass(b.precision),
      weightBytesRead: bytes,
      layers,
      bandwidthBytesPerSecond: b.bandwidthBytesPerSecond,
      measuredTokensPerSecond: b.decodeTokensPerSecond,
      measuredIsLowerBound: false,
    });
  }
  return rows;
}

/** Predicted tokens per second of a calibration row with a given efficiency cell (default: the table's). */
export function predictedDecodeTokensPerSecond(
  row: DecodeCalibrationRow,
  cell?: Pick<DecodeEfficiencyCell, 'bandwidthFraction' | 'layerOverheadSeconds' | 'kvBandwidthFraction'>,
): number {
  const efficiency = cell ?? decodeEfficiency({ kind: row.kind }, row.precision);
  return ratio(
    1,
    batchOneDecodeSeconds({
      weightBytesRead: row.weightBytesRead,
      layers: row.layers,
      bandwidthBytesPerSecond: row.bandwidthBytesPerSecond,
      efficiency,
    }),
  );
}
