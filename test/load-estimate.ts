// `estimate()`'s code loads on demand in the page (src/store/estimate-code.ts: the first section
// paints without it, every other section's loader waits for it). Tests that use a store's
// `select.estimate` directly load it first, as the page's section loaders do.
import { loadEstimateCode } from '../src/store/estimate-code';

await loadEstimateCode();
