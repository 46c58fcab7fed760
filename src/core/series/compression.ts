/** Compression chart: the estimate's compression chain. Units: parameters, bytes. */
import type { Estimate } from '../estimate';
import type { CompressionRow } from '../compression';

export interface CompressionSeries {
  rows: CompressionRow[];
}

/** The estimate's compression chain (FP32 → BF16 → INT8 → INT4 → prune 50% → distil 10%). */
export function compressionSeries(estimate: Estimate): CompressionSeries {
  return { rows: estimate.compression };
}
