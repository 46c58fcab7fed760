/**
 * The chart sweeps' x values: module constants (they never change), frozen so no consumer can
 * alter another chart's grid.
 */
import { logSpace } from '../units';

/** Parameter sweep of `costVsScale`: 1e8–1e13, 51 points (10 per decade). */
export const SCALE_PARAMS: readonly number[] = Object.freeze(logSpace(1e8, 1e13, 51));
/**
 * Compute sweep of the scaling charts: 1e12–1e31 FLOPs, 77 points (4 per decade), so the curves
 * reach the current run from a 1M-parameter toy (≈1e14) to a 100T model (≈1e30); the view crops
 * the axis to the region around the run.
 */
export const COMPUTE_GRID: readonly number[] = Object.freeze(logSpace(1e12, 1e31, 77));
/** Context sweep of `inferenceMemoryVsContext`: 1k–10M tokens, 41 points. */
export const CONTEXT_GRID: readonly number[] = Object.freeze(logSpace(1e3, 1e7, 41).map((x) => Math.round(x)));
/** Batch sweep of `throughputVsBatch`: 1–1024, distinct integers on a log grid (≈ 40). */
export const BATCH_GRID: readonly number[] = Object.freeze([...new Set(logSpace(1, 1024, 51).map((x) => Math.round(x)))]);
/** Load sweep of `deploymentVsLoad`: 0.01–1e6 requests/s, 41 points. */
export const LOAD_GRID: readonly number[] = Object.freeze(logSpace(1e-2, 1e6, 41));

/** Rows shared by every call (tables derived from data only): frozen, row by row. */
export function freezeRows<T extends object>(rows: T[]): T[] {
  for (const row of rows) Object.freeze(row);
  return Object.freeze(rows) as T[];
}
