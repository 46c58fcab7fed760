/**
 * Pure shapers of the compression section: the core's chain (FP32 → BF16 → INT8 → INT4 → prune
 * 50% → distil 10%, in parameters and bytes) beside the article's chain, which multiplies the
 * parameter count by its ratios at every step, quantization included.
 */
import type { CompressionRow } from '../../core';
import { articleCompressionChain } from '../../core/article';

export type StepKey = 'start' | 'bf16' | 'int8' | 'int4' | 'prune' | 'distil' | 'quantize';

export interface CompressionPoint {
  /** Step key for the label ('quantize' only for a precision this list does not name). */
  step: StepKey;
  index: number;
  /** Parameters after the step (ours). */
  params: number;
  bitsPerWeight: number;
  /** Bytes after the step (ours). */
  bytes: number;
  /** bytes in the axis unit. */
  value: number;
  /** The article's parameter count after the same step. */
  articleParams: number;
  /** Precision of a quantize step (to mark the user's choice). */
  precision: string | null;
}

function stepKey(row: CompressionRow): StepKey {
  if (row.kind === 'start') return 'start';
  if (row.kind === 'prune') return 'prune';
  if (row.kind === 'distil') return 'distil';
  if (row.precision === 'bf16' || row.precision === 'int8' || row.precision === 'int4') return row.precision;
  return 'quantize';
}

/**
 * One point per row of the core's chain, with the article's parameter count after the same step
 * (its five stages line up with the core's five steps; the start is the model's own count).
 */
export function compressionPoints(rows: readonly CompressionRow[], divisor: number): CompressionPoint[] {
  const start = rows[0]?.params ?? 0;
  const article = articleCompressionChain(start);
  return rows.map((row, index) => ({
    step: stepKey(row),
    index,
    params: row.params,
    bitsPerWeight: row.bitsPerWeight,
    bytes: row.bytes,
    value: row.bytes / divisor,
    articleParams: index === 0 ? start : (article[index - 1]?.size ?? Number.NaN),
    precision: row.precision ?? null,
  }));
}
