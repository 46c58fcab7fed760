/**
 * Pure shapers of the hardware section: accelerators by year with the largest model one card
 * can serve (weights at the weight precision + one sequence of KV cache + runtime) and train
 * (mixed-precision Adam, 16 bytes per parameter), the article's claims beside them.
 */
import type { HardwareTimelineRow } from '../../core';
import { RUNTIME_OVERHEAD_BYTES_PER_GPU } from '../../core';
import { ARTICLE_GPU_MEMORY_BY_YEAR } from '../../core/article';
import type { Accelerator } from '../../data/types';

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
