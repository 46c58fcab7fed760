/**
 * The code of `estimate()` (the whole chain: training with the planner's step model, serving,
 * scaling, ...), loaded on demand: the first section draws from the model alone, so the page's
 * first chart does not wait for it. Every other section's loader waits for it too
 * (`app/registry.ts`), so a section never renders before `estimate()` can run; whatever else asks
 * first (a control's handler, a test) awaits `loadEstimateCode()`.
 *
 * This is a module's code, loaded once per page like a lazy component's — no scenario data is
 * kept here (the results are memoized per store, in `selectors.ts`).
 */
import type { estimate } from '../core/estimate';

export type EstimateFunction = typeof estimate;

let loaded: EstimateFunction | null = null;
let loading: Promise<EstimateFunction> | null = null;

/** Loads `estimate()`'s code (once; every caller shares the one request). */
export function loadEstimateCode(): Promise<EstimateFunction> {
  loading ??= import('../core/estimate').then((module) => {
    loaded = module.estimate;
    return module.estimate;
  });
  return loading;
}

/**
 * `estimate()` when its code is here. Before that it throws the loading promise: a component
 * that asks suspends until the code arrives (React Suspense). Code outside a render (a handler,
 * a test) must await `loadEstimateCode()` first, as the section loaders do.
 */
export function estimateCode(): EstimateFunction {
  if (loaded) return loaded;
  throw loadEstimateCode();
}
