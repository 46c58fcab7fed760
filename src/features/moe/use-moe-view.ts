import { useMemo } from 'react';
import { sameJson, sameRows, useStableValue } from '../../components/ui/use-stable';
import type { Architecture, ChartSeries, Estimate, MoeSeries, ParameterCount } from '../../core';
import { articleMoeModel, moeBars, moeSeriesFor, type MoeBar } from './moe.data';

export interface MoeView {
  /** The scenario's model is dense: the article's 1T example is shown instead. */
  fallback: boolean;
  arch: Architecture;
  counts: ParameterCount;
  series: MoeSeries;
  bars: MoeBar[];
  batch: number;
  bitsPerWeight: number;
}

const fallbackCache = new Map<string, MoeSeries>();

/** The article's 1T MoE at a weight precision and batch (cached: only these two change it). */
function fallbackSeries(bitsPerWeight: number, batch: number): MoeSeries {
  const key = `${bitsPerWeight}|${batch}`;
  const cached = fallbackCache.get(key);
  if (cached) return cached;
  const model = articleMoeModel();
  const series = moeSeriesFor(model.arch, model.counts, bitsPerWeight, batch);
  if (!series) throw new Error('the article MoE model is not an MoE');
  if (fallbackCache.size > 64) fallbackCache.clear();
  fallbackCache.set(key, series);
  return series;
}

function sameMoeSeries(a: MoeSeries | null, b: MoeSeries | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return sameRows([a.summary], [b.summary]) && sameRows(a.bytesReadVsBatch, b.bytesReadVsBatch);
}

/** What the MoE section draws: the scenario's MoE, or the article's 1T example for a dense model. */
export function useMoeView(estimate: Estimate, series: ChartSeries): MoeView {
  const bitsPerWeight = estimate.weights.selected.bitsPerWeight;
  const batch = estimate.inference.batch;
  // The core rebuilds series.moe with every estimate; keep the previous one while its values hold.
  const own = useStableValue(series.moe, sameMoeSeries);
  // Other sections' estimates can rebuild the same model's architecture and counts: keep them while equal.
  const arch = useStableValue(estimate.model.arch, sameJson);
  const counts = useStableValue(estimate.model.counts, sameJson);
  const ownView = useMemo<MoeView | null>(
    () => (own && arch.moe ? { fallback: false, arch, counts, series: own, bars: moeBars(arch, counts, bitsPerWeight, batch), batch, bitsPerWeight } : null),
    [own, arch, counts, bitsPerWeight, batch],
  );
  // The fallback depends only on the precision and the batch, so moving the size slider of a
  // dense model leaves it (and the chart) untouched.
  const fallbackView = useMemo<MoeView>(() => {
    const model = articleMoeModel();
    return {
      fallback: true,
      arch: model.arch,
      counts: model.counts,
      series: fallbackSeries(bitsPerWeight, batch),
      bars: moeBars(model.arch, model.counts, bitsPerWeight, batch),
      batch,
      bitsPerWeight,
    };
  }, [bitsPerWeight, batch]);
  return ownView ?? fallbackView;
}
