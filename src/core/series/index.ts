/**
 * Chart sweeps: pure functions of (input, estimate) → rows, 40–80 points per series, one function
 * per chart, grouped by domain. They reuse the estimate's resolved architecture and counts (no
 * per-point config parsing) and keep no caches: the store memoizes each chart's series.
 * Units: as in the core (parameters, bytes, FLOPs, seconds, US dollars, watts, joules).
 */

export { SCALE_PARAMS, COMPUTE_GRID, CONTEXT_GRID, BATCH_GRID, LOAD_GRID } from './grids';
export * from './memory';
export * from './training';
export * from './scaling';
export * from './inference';
export * from './moe';
export * from './compression';
export * from './timelines';
export * from './deployment';
