/**
 * Axis math for the charts, domain-free, on d3-array: one tick algorithm (d3's `ticks`: steps of
 * 1, 2 or 5 × 10^k) for linear axes and for the decades of log axes, one log domain, one "nice"
 * upper bound, and the rows a plot needs (`rowsInDomain`, `nearestBy`: binary search on sorted x).
 */
import { bisector, extent, nice, ticks } from 'd3-array';

/** Positive, finite numbers only (what a log axis can show). */
export function isPositive(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** `value` clamped into [low, high] (for a marker that would fall off the axis). */
export function clampTo(value: number, [low, high]: readonly [number, number]): number {
  if (!Number.isFinite(value)) return low;
  return Math.min(high, Math.max(low, value));
}

/** The smallest of 1, 2, 2.5, 5, 10 × 10^k that is ≥ value (value ≤ 0 or non-finite → 1): a cap for a linear axis. */
export function niceCeil(value: number): number {
  if (!isPositive(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    if (candidate >= value * (1 - 1e-12)) return candidate;
  }
  return 10 * power;
}

/** [min, max] of the positive finite values, or null when there are none. */
function positiveExtent(values: Iterable<number | null | undefined>): [number, number] | null {
  const [low, high] = extent(values, (value) => (isPositive(value) ? value : undefined));
  return low === undefined || high === undefined ? null : [low, high];
}

/**
 * A log-axis domain [10^floor(log10 min), 10^ceil(log10 max)] over the positive finite values;
 * `fallback` when there are none. A single decade-aligned value is widened by a decade each side.
 */
export function logDomain(values: Iterable<number | null | undefined>, fallback: readonly [number, number] = [1, 10]): [number, number] {
  const range = positiveExtent(values);
  if (!range) return [fallback[0], fallback[1]];
  let low = 10 ** Math.floor(Math.log10(range[0]) + 1e-9);
  let high = 10 ** Math.ceil(Math.log10(range[1]) - 1e-9);
  if (!(high > low)) {
    low /= 10;
    high *= 10;
  }
  return [low, high];
}

/**
 * A log-axis domain with `padDecades` of room beyond the extreme values, its ends on whole or
 * half decades (10^k or 10^(k+½)), at least one decade wide. For marks near the plot's edge.
 */
export function paddedLogDomain(values: Iterable<number | null | undefined>, padDecades = 0.15, fallback: readonly [number, number] = [1, 10]): [number, number] {
  const range = positiveExtent(values);
  if (!range) return [fallback[0], fallback[1]];
  const a = Math.floor((Math.log10(range[0]) - padDecades) * 2) / 2;
  let b = Math.ceil((Math.log10(range[1]) + padDecades) * 2) / 2;
  if (b - a < 1) b = a + 1;
  return [10 ** a, 10 ** b];
}

/**
 * Ticks at whole powers of ten inside a log domain: d3's ticks over the exponents, so at most
 * about `maxTicks` of them, every 1st, 2nd, 5th … decade.
 */
export function logTicks(domain: readonly [number, number], maxTicks = 8): number[] {
  const [low, high] = domain;
  if (!isPositive(low) || !isPositive(high) || high < low) return [];
  const from = Math.ceil(Math.log10(low) - 1e-9);
  const to = Math.floor(Math.log10(high) + 1e-9);
  if (to < from) return [];
  return ticks(from, to, Math.max(1, maxTicks - 1))
    .filter((exponent) => Number.isInteger(exponent))
    .map((exponent) => Number(`1e${exponent}`));
}

/** About `count` round ticks (d3's 1, 2, 5 × 10^k steps) from `low` to `high` inclusive. */
export function rangeTicks(low: number, high: number, count = 5): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high) || !(high > low)) return [];
  return ticks(low, high, count).map((value) => Number(value.toPrecision(12)));
}

/**
 * Ticks for a linear axis from 0 to `max` (raw units) that are round numbers in display units
 * (`divisor`: e.g. 1e9 for GB), about `count` of them.
 */
export function linearTicks(max: number, divisor = 1, count = 5): number[] {
  if (!isPositive(max) || !isPositive(divisor)) return [0];
  return rangeTicks(0, max / divisor, count).map((value) => Number((value * divisor).toPrecision(12)));
}

/**
 * A linear axis from 0 with about `count` round steps: the domain ends at the first tick ≥ max
 * (d3's `nice`). Returns the domain and its ticks.
 */
export function linearAxis(max: number, count = 4): { domain: [number, number]; ticks: number[] } {
  const safeMax = isPositive(max) ? max : 1;
  const [, high] = nice(0, safeMax, count);
  return { domain: [0, high], ticks: rangeTicks(0, high, count) };
}

/**
 * The rows whose `x` lies inside `domain`, plus one neighbour on each side so lines still reach
 * the plot's edges (the axis clips them). Rows sorted by `x`. Points off screen only cost time.
 */
export function rowsInDomain<T>(rows: readonly T[], x: (row: T) => number, [low, high]: readonly [number, number]): T[] {
  const by = bisector(x);
  const first = by.left(rows, low);
  if (first >= rows.length) return [];
  const last = by.right(rows, high);
  return rows.slice(Math.max(0, first - 1), Math.min(rows.length, last + 1));
}

export type ScaleKind = 'log' | 'linear';

/** The row nearest to `value` along x (log distance on a log axis); rows sorted by `x`. */
export function nearestBy<T>(rows: readonly T[], x: (row: T) => number, value: number, kind: ScaleKind): T | undefined {
  if (rows.length === 0) return undefined;
  const index = bisector(x).left(rows, value);
  const t = kind === 'log' ? (v: number) => Math.log10(v) : (v: number) => v;
  const before = rows[index - 1];
  const after = rows[index];
  if (before === undefined) return after;
  if (after === undefined) return before;
  return Math.abs(t(x(after)) - t(value)) < Math.abs(t(x(before)) - t(value)) ? after : before;
}

/** Whether a value lies inside a domain (inclusive, either order). */
export function inDomain(value: number, [a, b]: readonly [number, number]): boolean {
  return value >= Math.min(a, b) && value <= Math.max(a, b);
}
