/**
 * Efficiency that depends on what runs: the achieved share of a device's peak bandwidth and
 * FLOP/s by device kind × weight format, from `DECODE_EFFICIENCY` (src/data/decode-efficiency.ts).
 * The serving model and `estimate()` use these same defaults; the user may override any field.
 * Units: fractions, seconds, bytes per second.
 */
import type { Accelerator, ComputeFormat, PrecisionId } from '../../data/types';
import { ACCELERATOR_TRAINING_DEFAULTS } from '../../data/clusters';
import { DECODE_EFFICIENCY, INFERENCE_MATMUL_EFFICIENCY, WEIGHT_FORMAT_CLASS } from '../../data/decode-efficiency';
import type { DecodeEfficiencyCell, WeightFormatClass } from '../../data/decode-efficiency';
import { ConfigError } from '../errors';
import { matmulEfficiency } from '../gemm';
import { nonNegative, ratio } from '../units';

export type { DecodeEfficiencyCell, WeightFormatClass };

export interface DecodeEfficiency extends DecodeEfficiencyCell {
  kind: Accelerator['kind'];
  formatClass: WeightFormatClass;
  /** True when the user replaced at least one default. */
  overridden: boolean;
}

/** User overrides of the defaults; fractions in (0, 1], times in [0, 1] seconds. */
export type DecodeEfficiencyOverrides = Partial<
  Pick<
    DecodeEfficiencyCell,
    'bandwidthFraction' | 'layerOverheadSeconds' | 'prefillComputeFraction' | 'kvBandwidthFraction' | 'hostSecondsPerSequence' | 'gemmFractionOfMamf'
  >
>;

/** The weight-format class of a precision (16-bit, FP8, INT8, 4-bit block formats, GGUF). */
export function weightFormatClass(precision: PrecisionId): WeightFormatClass {
  const formatClass = WEIGHT_FORMAT_CLASS[precision];
  if (formatClass === undefined) throw new ConfigError(`unknown weight precision "${String(precision)}"`, 'weightPrecision');
  return formatClass;
}

/** A fraction in (0, 1], or with `allowZero` a time in [0, 1] seconds. */
function checkFraction(name: keyof DecodeEfficiencyOverrides, value: number, allowZero = false): number {
  const low = allowZero ? value < 0 : value <= 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || low || value > 1) {
    throw new ConfigError(`${name} (${value}) must lie in ${allowZero ? '[0, 1] seconds' : '(0, 1]'}`, name);
  }
  return value;
}

/**
 * The decode / prefill efficiency defaults for `accelerator` running weights in `precision`,
 * with the user's overrides applied. A Q4 kernel does not stream at FP16's rate and small models
 * on big GPUs are bound by a fixed cost per layer: both are in the fitted cells.
 *   cell = DECODE_EFFICIENCY[accelerator.kind][weightFormatClass(precision)]
 * Units: fractions and seconds. Source: src/data/decode-efficiency.ts (fits and derivations);
 * docs/serving-model.md.
 */
export function decodeEfficiency(
  accelerator: Pick<Accelerator, 'kind'>,
  precision: PrecisionId,
  overrides: DecodeEfficiencyOverrides = {},
): DecodeEfficiency {
  const formatClass = weightFormatClass(precision);
  const table = DECODE_EFFICIENCY[accelerator.kind] ?? DECODE_EFFICIENCY.datacenter;
  const cell = table[formatClass];
  const result: DecodeEfficiency = { ...cell, kind: accelerator.kind, formatClass, overridden: false };
  if (overrides.bandwidthFraction !== undefined) {
    result.bandwidthFraction = checkFraction('bandwidthFraction', overrides.bandwidthFraction);
    result.overridden = true;
  }
  if (overrides.kvBandwidthFraction !== undefined) {
    result.kvBandwidthFraction = checkFraction('kvBandwidthFraction', overrides.kvBandwidthFraction);
    result.overridden = true;
  }
  if (overrides.prefillComputeFraction !== undefined) {
    result.prefillComputeFraction = checkFraction('prefillComputeFraction', overrides.prefillComputeFraction);
    result.gemmFractionOfMamf = undefined;
    result.overridden = true;
  }
  if (overrides.gemmFractionOfMamf !== undefined) {
    result.gemmFractionOfMamf = checkFraction('gemmFractionOfMamf', overrides.gemmFractionOfMamf);
    result.overridden = true;
  }
  if (overrides.hostSecondsPerSequence !== undefined) {
    result.hostSecondsPerSequence = checkFraction('hostSecondsPerSequence', overrides.hostSecondsPerSequence, true);
    result.overridden = true;
  }
  if (overrides.layerOverheadSeconds !== undefined) {
    result.layerOverheadSeconds = checkFraction('layerOverheadSeconds', overrides.layerOverheadSeconds, true);
    result.overridden = true;
  }
  return result;
}

/**
 * The measured matmul fraction (MAMF) of `accelerator` at `format` for inference kernels, or
 * undefined when there is no measurement: the FP4 kernel table (INFERENCE_MATMUL_EFFICIENCY) first,
 * then the shared training table without the training-step factor (src/core/gemm.ts).
 * Units: fraction of the dense peak. Sources: src/data/decode-efficiency.ts; src/data/clusters.ts.
 */
export function inferenceMatmulEfficiency(accelerator: Pick<Accelerator, 'id'>, format: ComputeFormat): number | undefined {
  const fp4 = format === 'fp4' ? INFERENCE_MATMUL_EFFICIENCY[accelerator.id]?.fp4 : undefined;
  if (fp4 !== undefined) return fp4;
  if (format === 'fp4' || !ACCELERATOR_TRAINING_DEFAULTS[accelerator.id]) return undefined;
  return matmulEfficiency(accelerator, format, false);
}

/**
 * Achieved fraction of the dense peak (at `format`) for large GEMMs and prefill attention:
 *   MAMF(accelerator, format) × gemmFractionOfMamf   on engine cells of accelerators with a MAMF,
 *   prefillComputeFraction                          otherwise (and whenever the user set it).
 * Units: fraction 0–1. Sources: inferenceMatmulEfficiency; src/data/decode-efficiency.ts.
 */
export function computeFraction(
  accelerator: Pick<Accelerator, 'id'>,
  format: ComputeFormat,
  efficiency: Pick<DecodeEfficiencyCell, 'prefillComputeFraction' | 'gemmFractionOfMamf'>,
): number {
  const mamf = efficiency.gemmFractionOfMamf === undefined ? undefined : inferenceMatmulEfficiency(accelerator, format);
  if (mamf === undefined || efficiency.gemmFractionOfMamf === undefined) return efficiency.prefillComputeFraction;
  return Math.min(1, mamf * efficiency.gemmFractionOfMamf);
}

export interface BatchOneDecodeOptions {
  /** Bytes of weights one token reads (`weightBytesReadPerStep(shape, 1)`). */
  weightBytesRead: number;
  /** Bytes of KV cache one token reads at its context. Default 0. */
  kvBytesRead?: number;
  layers: number;
  bandwidthBytesPerSecond: number;
  efficiency: Pick<DecodeEfficiencyCell, 'bandwidthFraction' | 'layerOverheadSeconds' | 'kvBandwidthFraction'>;
}

/**
 * Seconds per token of single-stream decode:
 *   weightBytesRead / (bandwidth × bandwidthFraction) + kvBytesRead / (bandwidth × kvBandwidthFraction)
 *   + layers × layerOverheadSeconds
 * Units: seconds. Sources: pope2022 §2 (memory-bound decode); the fit in src/data/decode-efficiency.ts.
 */
export function batchOneDecodeSeconds(options: BatchOneDecodeOptions): number {
  const bandwidth = nonNegative(options.bandwidthBytesPerSecond);
  const weights = ratio(nonNegative(options.weightBytesRead), bandwidth * options.efficiency.bandwidthFraction);
  const kv = ratio(nonNegative(options.kvBytesRead ?? 0), bandwidth * options.efficiency.kvBandwidthFraction);
  return nonNegative(weights + kv + nonNegative(options.layers) * options.efficiency.layerOverheadSeconds);
}

/**
 * The single number `estimate()` calls "bandwidth efficiency" for this model on this device:
 * the share of the bandwidth roofline that single-stream decode reaches once the per-layer
 * overhead is counted.
 *   efficiency = (weightBytesRead / bandwidth) / batchOneDecodeSeconds
 * Units: fraction 0–1. Source: databricks2023 (model bandwidth utilisation); src/data/decode-efficiency.ts.
 */
export function effectiveBandwidthEfficiency(options: Omit<BatchOneDecodeOptions, 'kvBytesRead'>): number {
  const roofline = ratio(nonNegative(options.weightBytesRead), nonNegative(options.bandwidthBytesPerSecond));
  return Math.min(1, ratio(roofline, batchOneDecodeSeconds(options)));
}
