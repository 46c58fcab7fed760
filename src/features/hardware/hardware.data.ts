/**
 * Pure shapers of the hardware section: accelerators by year with the largest model one card
 * can serve (weights at the weight precision + one sequence of KV cache + runtime) and train
 * (mixed-precision Adam, 16 bytes per parameter), the article's claims beside them.
 */
import type { Estimate, HardwareTimelineRow } from '../../core';
import { RUNTIME_OVERHEAD_BYTES_PER_GPU } from '../../core';
import { ARTICLE_GPU_MEMORY_BY_YEAR } from '../../core/article';
import { HARDWARE } from '../../data/hardware';
import type { Accelerator } from '../../data/types';
import { linearAxis, logTicks, paddedLogDomain } from '../../components/ui/chart-scales';
import { derivation } from '../../store/selectors';
import { CHART_SERIES } from '../../store/chart-series';

/** Model-state bytes per parameter of mixed-precision Adam: 2 + 2 + 12 (ZeRO §3.1). */
export const TRAINING_BYTES_PER_PARAM = 16;

export interface HardwarePoint {
  id: string;
  name: string;
  year: number;
  /** Year plus a small offset so one year's cards sit side by side. */
  x: number;
  memoryBytes: number;
  bandwidthBytesPerSecond: number;
  /** Largest model served on this card alone (0 when the KV cache and runtime fill it). */
  servableParams: number;
  trainableParams: number;
  selected: boolean;
}

const YEAR_BAND = 0.7;

/**
 * Largest model one card serves: (memory − runtime − KV allowance) × 8 / bits, at least 0.
 * Units: bytes in, parameters out.
 */
export function largestServableParams(memoryBytes: number, bitsPerWeight: number, kvAllowanceBytes: number): number {
  if (!(bitsPerWeight > 0)) return 0;
  const free = memoryBytes - RUNTIME_OVERHEAD_BYTES_PER_GPU - Math.max(0, kvAllowanceBytes);
  return free > 0 ? (free * 8) / bitsPerWeight : 0;
}

/** One point per accelerator, each year's cards spread over ±0.35 of the year in table order. */
export function hardwarePoints(
  rows: readonly HardwareTimelineRow[],
  options: { bitsPerWeight: number; kvAllowanceBytes: number; selectedId: string },
): HardwarePoint[] {
  const byYear = new Map<number, HardwareTimelineRow[]>();
  for (const row of rows) {
    const list = byYear.get(row.year) ?? [];
    list.push(row);
    byYear.set(row.year, list);
  }
  const points: HardwarePoint[] = [];
  for (const [year, list] of byYear) {
    const step = list.length > 1 ? YEAR_BAND / (list.length - 1) : 0;
    list.forEach((row, index) => {
      points.push({
        id: row.id,
        name: row.name,
        year,
        x: list.length > 1 ? year - YEAR_BAND / 2 + index * step : year,
        memoryBytes: row.memoryBytes,
        bandwidthBytesPerSecond: row.bandwidthBytesPerSecond,
        servableParams: largestServableParams(row.memoryBytes, options.bitsPerWeight, options.kvAllowanceBytes),
        trainableParams: row.memoryBytes / TRAINING_BYTES_PER_PARAM,
        selected: row.id === options.selectedId,
      });
    });
  }
  return points.sort((a, b) => a.x - b.x);
}

export interface ArticleClaimPoint {
  key: string;
  gpu: string;
  year: number;
  x: number;
  memoryBytes: number;
  trainsParams: number;
  /** What one card really trains: memory / 16. */
  oursParams: number;
}

/** The article's §7.1 timeline as points, at the year the article gives. */
export function articleClaimPoints(): ArticleClaimPoint[] {
  return ARTICLE_GPU_MEMORY_BY_YEAR.map((row) => ({
    key: row.key,
    gpu: row.gpu,
    year: row.year,
    x: row.year,
    memoryBytes: row.memoryBytes,
    trainsParams: row.trainsParams,
    oursParams: row.memoryBytes / TRAINING_BYTES_PER_PARAM,
  }));
}

export interface SpecRow {
  id: string;
  name: string;
  vendor: string;
  year: number;
  memoryBytes: number;
  bandwidthBytesPerSecond: number;
  bf16Flops: number | null;
  fp8Flops: number | null;
  tdpWatts: number | null;
  usdPerHour: number | null;
  priceDate: string | null;
  priceWhat: string | null;
  priceSource: string | null;
  source: string;
  servableParams: number;
  trainableParams: number;
}

/** Table rows: the accelerator presets with their dense rates, price and what one card holds. */
export function specRows(accelerators: readonly Accelerator[], options: { bitsPerWeight: number; kvAllowanceBytes: number }): SpecRow[] {
  return accelerators.map((accelerator) => ({
    id: accelerator.id,
    name: accelerator.name,
    vendor: accelerator.vendor,
    year: accelerator.year,
    memoryBytes: accelerator.memoryBytes,
    bandwidthBytesPerSecond: accelerator.bandwidthBytesPerSecond,
    bf16Flops: accelerator.denseFlops.bf16 ?? null,
    fp8Flops: accelerator.denseFlops.fp8 ?? null,
    tdpWatts: accelerator.tdpWatts,
    usdPerHour: accelerator.price?.usdPerHour ?? null,
    priceDate: accelerator.price?.date ?? null,
    priceWhat: accelerator.price?.what ?? null,
    priceSource: accelerator.price?.source ?? null,
    source: `${accelerator.source} (${accelerator.sourceDate})`,
    servableParams: largestServableParams(accelerator.memoryBytes, options.bitsPerWeight, options.kvAllowanceBytes),
    trainableParams: accelerator.memoryBytes / TRAINING_BYTES_PER_PARAM,
  }));
}

// ---------------------------------------------------------------------------------------------
// hardware-timeline: both panels
// ---------------------------------------------------------------------------------------------

export type DatumKind = 'serve' | 'train' | 'article' | 'memory' | 'bandwidth';

/** One marker: `y` in parameters (serve, train, article), bytes (memory) or TB/s (bandwidth). */
export interface HardwareDatum {
  key: string;
  name: string;
  year: number;
  x: number;
  y: number;
  kind: DatumKind;
}

export interface HardwareChart {
  serve: HardwareDatum[];
  train: HardwareDatum[];
  article: HardwareDatum[];
  /** Card memory in bytes: the same object while the weight precision is unchanged. */
  memory: HardwareDatum[];
  /** Card bandwidth in TB/s. */
  bandwidth: HardwareDatum[];
  bandwidthAxis: { domain: [number, number]; ticks: number[] };
  years: { domain: [number, number]; ticks: number[]; separators: number[] };
  paramsDomain: [number, number];
  paramsTicks: number[];
  /** The selected card in the top panel (parameters) and the bottom one (bytes, TB/s). */
  selectedModels: { x: number; servable: number; trainable: number } | null;
  selectedSpecs: { x: number; memoryBytes: number; bandwidth: number } | null;
}

/**
 * Both panels of `hardware-timeline`: per card the largest model it serves (at the weight
 * precision, with one sequence's KV cache) and trains, the article's claims, and the cards' own
 * memory and bandwidth; year axis and parameter axis from all of them and the current model.
 */
export function hardwareChart(rows: readonly HardwareTimelineRow[], estimate: Estimate): HardwareChart {
  const points = hardwarePoints(rows, {
    bitsPerWeight: estimate.weights.selected.bitsPerWeight,
    kvAllowanceBytes: estimate.inference.kvBytesPerSequence,
    selectedId: estimate.hardware.id,
  });
  const claims = articleClaimPoints();
  const datum = (p: HardwarePoint, kind: DatumKind, y: number): HardwareDatum => ({ key: p.id, name: p.name, year: p.year, x: p.x, y, kind });
  const serve = points.filter((p) => p.servableParams > 0).map((p) => datum(p, 'serve', p.servableParams));
  const train = points.map((p) => datum(p, 'train', p.trainableParams));
  const article = claims.map((c): HardwareDatum => ({ key: c.key, name: c.gpu, year: c.year, x: c.x, y: c.trainsParams, kind: 'article' }));
  const memory = points.map((p) => datum(p, 'memory', p.memoryBytes));
  const bandwidth = points.map((p) => datum(p, 'bandwidth', p.bandwidthBytesPerSecond / 1e12));
  const allYears = [...points.map((p) => p.year), ...claims.map((c) => c.year)];
  const first = Math.min(...allYears);
  const last = Math.max(...allYears);
  const ticks: number[] = [];
  for (let year = first; year <= last; year++) ticks.push(year);
  const currentParams = estimate.model.counts.total;
  const paramsDomain = paddedLogDomain([...serve.map((d) => d.y), ...train.map((d) => d.y), ...article.map((d) => d.y), currentParams], 0.1, [1e8, 1e13]);
  const selected = points.find((p) => p.selected) ?? null;
  return {
    serve,
    train,
    article,
    memory,
    bandwidth,
    bandwidthAxis: linearAxis(Math.max(...bandwidth.map((d) => d.y), 1) * 1.02, 4),
    years: { domain: [first - 0.5, last + 0.5], ticks, separators: ticks.slice(0, -1).map((year) => year + 0.5) },
    paramsDomain,
    paramsTicks: logTicks(paramsDomain, 7),
    selectedModels: selected ? { x: selected.x, servable: selected.servableParams, trainable: selected.trainableParams } : null,
    selectedSpecs: selected ? { x: selected.x, memoryBytes: selected.memoryBytes, bandwidth: selected.bandwidthBytesPerSecond / 1e12 } : null,
  };
}

/** The hardware chart of a scenario, memoized per store; the specs keep their identity while equal. */
export const hardwareChartData = derivation((scenario, select) => hardwareChart(select.derived(CHART_SERIES.hardwareTimeline, scenario).rows, select.estimate(scenario)));

/** The spec table's rows: they change with the weight precision and one sequence's KV cache. */
export const specRowsData = derivation((scenario, select) => {
  const estimate = select.estimate(scenario);
  return specRows(HARDWARE, { bitsPerWeight: estimate.weights.selected.bitsPerWeight, kvAllowanceBytes: estimate.inference.kvBytesPerSequence });
});
