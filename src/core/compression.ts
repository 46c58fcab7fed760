/**
 * Chained model compression — quantization, pruning, distillation — tracked in parameters AND
 * bytes (the article applied every step to the parameter count; quantization changes bytes, not
 * parameters). Units: parameters, bits, bytes.
 */
import type { PrecisionId } from '../data/types';
import { weightBytes } from './memory';
import { nonNegative, ratio } from './units';

export type CompressionStepSpec =
  /** Store the same parameters in fewer bits. */
  | { kind: 'quantize'; bitsPerWeight: number; precision?: PrecisionId }
  /**
   * Remove `fraction` of the parameters. `structured` (default true): whole heads / channels go,
   * the matrices shrink and bytes fall with the parameters (ma2023). `structured: false`:
   * unstructured zeros in dense storage — the parameter count that matters falls, the bytes do not
   * (frantar2023: savings need sparse formats or 2:4 kernels).
   */
  | { kind: 'prune'; fraction: number; structured?: boolean }
  /** Train a student with `fraction` of the teacher's parameters (hinton2015). */
  | { kind: 'distil'; fraction: number };

export interface CompressionStart {
  params: number;
  bitsPerWeight: number;
}

export interface CompressionRow {
  /** 'start' for the uncompressed model, else the step's kind. */
  kind: 'start' | CompressionStepSpec['kind'];
  /** Index in the chain; 0 = start. */
  index: number;
  /** Non-zero parameters after this step. */
  params: number;
  /** Parameters physically stored (differs from `params` after unstructured pruning). */
  storedParams: number;
  bitsPerWeight: number;
  bytes: number;
  /** bytes / the start's bytes. */
  bytesFractionOfStart: number;
  /** params / the start's params. */
  paramsFractionOfStart: number;
  precision?: PrecisionId;
}

/** A fraction clamped to [0, 1]. */
function fraction01(x: number): number {
  return Math.min(1, nonNegative(x));
}

/**
 * Apply compression steps in order and report parameters and bytes after each:
 *   quantize(bits):  params unchanged, bytes = storedParams × bits / 8
 *   prune(f):        params × (1 − f); structured → stored params shrink too (bytes fall);
 *                    unstructured → stored params and bytes unchanged (dense storage)
 *   distil(f):       a new model with params × f (stored and non-zero), same bits
 * Units: parameters, bits, bytes. Returns the start row followed by one row per step.
 * Sources: dettmers2022 (quantization); ma2023 and frantar2023 (pruning); hinton2015 (distillation).
 * Example: 1e12 params FP32 → BF16 → INT8 → INT4 → prune 50% → distil 10%:
 *   4 TB → 2 TB → 1 TB → 0.5 TB → 0.25 TB (5e11 params) → 25 GB (5e10 params).
 */
export function applyCompression(start: CompressionStart, steps: readonly CompressionStepSpec[]): CompressionRow[] {
  const startParams = nonNegative(start.params);
  let bits = nonNegative(start.bitsPerWeight);
  let params = startParams;
  let stored = startParams;
  let precision: PrecisionId | undefined;
  const startBytes = weightBytes(stored, bits);
  const row = (kind: CompressionRow['kind'], index: number): CompressionRow => {
    const bytes = weightBytes(stored, bits);
    return {
      kind,
      index,
      params,
      storedParams: stored,
      bitsPerWeight: bits,
      bytes,
      bytesFractionOfStart: ratio(bytes, startBytes),
      paramsFractionOfStart: ratio(params, startParams),
      ...(precision ? { precision } : {}),
    };
  };
  const rows: CompressionRow[] = [row('start', 0)];
  steps.forEach((step, i) => {
    if (step.kind === 'quantize') {
      bits = nonNegative(step.bitsPerWeight);
      precision = step.precision;
    } else if (step.kind === 'prune') {
      const keep = 1 - fraction01(step.fraction);
      params *= keep;
      if (step.structured !== false) stored *= keep;
    } else {
      const keep = fraction01(step.fraction);
      params *= keep;
      stored = params;
    }
    rows.push(row(step.kind, i + 1));
  });
  return rows;
}

/**
 * The article's chain, done right: FP32 → BF16 → INT8 → INT4 → structured pruning of 50% →
 * distillation to 10% of the pruned model's parameters. Start at FP32 (32 bits).
 */
export const DEFAULT_COMPRESSION_CHAIN: readonly CompressionStepSpec[] = Object.freeze([
  { kind: 'quantize', bitsPerWeight: 16, precision: 'bf16' },
  { kind: 'quantize', bitsPerWeight: 8, precision: 'int8' },
  { kind: 'quantize', bitsPerWeight: 4, precision: 'int4' },
  { kind: 'prune', fraction: 0.5, structured: true },
  { kind: 'distil', fraction: 0.1 },
] satisfies CompressionStepSpec[]);

/** Bits per weight the default chain starts from (FP32). */
export const DEFAULT_COMPRESSION_START_BITS = 32;
