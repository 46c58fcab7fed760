/**
 * Mixture-of-experts chart sweep: total against active, and the weight bytes one decode step
 * reads as the batch grows (experts touched by any sequence). Units: parameters, bytes, FLOPs.
 */
import type { Estimate } from '../estimate';
import { weightBytes } from '../memory';
import { decodeParamsRead, type MoeSummary } from '../moe';
import { ratio } from '../units';
import { BATCH_GRID } from './grids';

export interface MoeSeries {
  summary: MoeSummary;
  bars: Array<{ label: 'total' | 'active'; params: number; bytes: number; flopsPerToken: number }>;
  /** Weight bytes one decode step reads vs batch (experts touched by any sequence). */
  bytesReadVsBatch: Array<{ batch: number; bytes: number; fractionOfTotal: number }>;
}

/** Total vs active bars and bytes read per decode step vs batch; null for dense models. */
export function moeSeries(estimate: Estimate): MoeSeries | null {
  const summary = estimate.moe;
  if (!summary) return null;
  const { arch, counts } = estimate.model;
  const bits = estimate.weights.selected.bitsPerWeight;
  return {
    summary,
    bars: [
      { label: 'total', params: summary.totalParams, bytes: summary.memoryBytes, flopsPerToken: summary.denseEqualMemoryFlopsPerToken },
      { label: 'active', params: summary.activeParams, bytes: summary.activeBytes, flopsPerToken: summary.flopsPerToken },
    ],
    bytesReadVsBatch: BATCH_GRID.map((batch) => {
      const bytes = weightBytes(decodeParamsRead(arch, counts, batch), bits);
      return { batch, bytes, fractionOfTotal: ratio(bytes, summary.memoryBytes) };
    }),
  };
}
