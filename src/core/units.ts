/**
 * SI constants and numeric guards of the estimation core.
 *
 * Inside the core every quantity is a plain number in SI units: parameters, bytes, FLOPs,
 * FLOP/s, seconds, US dollars, watts, joules. Conversions to GB / GiB / days happen in the view;
 * these constants exist so the core never writes a bare `1e9` or `3600` whose meaning is unclear.
 */

/** Bytes in a kilobyte, megabyte, gigabyte, terabyte (decimal, as memory is marketed). */
export const KB = 1e3;
export const MB = 1e6;
export const GB = 1e9;
export const TB = 1e12;

/** Bytes in a kibibyte, mebibyte, gibibyte, tebibyte (binary, IEC 80000-13). */
export const KiB = 2 ** 10;
export const MiB = 2 ** 20;
export const GiB = 2 ** 30;
export const TiB = 2 ** 40;

export const BITS_PER_BYTE = 8;

export const SECONDS_PER_MINUTE = 60;
export const SECONDS_PER_HOUR = 3600;
export const HOURS_PER_DAY = 24;
export const SECONDS_PER_DAY = 86_400;
/** 365 days × 24 h / 12 months ≈ 730 h: the month cloud price sheets bill. */
export const HOURS_PER_MONTH = 730;
export const HOURS_PER_YEAR = 8760;

/** 1 kWh = 1000 W × 3600 s. */
export const JOULES_PER_KWH = 3.6e6;
export const JOULES_PER_MWH = 3.6e9;
export const WATTS_PER_KILOWATT = 1e3;

/** One petaFLOP/s sustained for a day: 1e15 × 86 400 = 8.64e19 FLOPs (Kaplan et al. 2020's unit). */
export const PETAFLOP_DAY = 8.64e19;

/** Tokens in the "per million tokens" unit API prices use. */
export const TOKENS_PER_MILLION = 1e6;

/**
 * `x` as a finite, non-negative number: NaN, ±Infinity and negatives become 0.
 * Every public formula passes its inputs and outputs through this guard so the page never shows
 * NaN or Infinity, whatever a slider or an imported config hands it.
 */
export function nonNegative(x: number): number {
  return Number.isFinite(x) && x > 0 ? x : 0;
}

/**
 * `numerator / denominator`, or 0 when the quotient is undefined (denominator ≤ 0, NaN, ∞) or
 * not finite. A guarded division: the core's inputs are clamped to `RANGES`, so a zero
 * denominator only occurs for a degenerate input, and 0 is the documented answer then.
 */
export function ratio(numerator: number, denominator: number): number {
  if (!(denominator > 0) || !Number.isFinite(denominator)) return 0;
  const value = numerator / denominator;
  return nonNegative(value);
}

/** `x` rounded up to an integer ≥ `minimum` (a count of GPUs, replicas, ...); finite. */
export function ceilAtLeast(x: number, minimum = 1): number {
  const value = Math.ceil(nonNegative(x));
  return value < minimum ? minimum : value;
}

/** Smallest power of two ≥ x (≥ 1). Tensor-parallel groups are powers of two in practice. */
export function nextPowerOfTwo(x: number): number {
  const value = nonNegative(x);
  if (value <= 1) return 1;
  return 2 ** Math.ceil(Math.log2(value) - 1e-12);
}

/**
 * `count` points spaced evenly in log10 between `from` and `to` inclusive (both > 0).
 * The chart sweeps use it: 40–80 points per series are plenty for a log axis.
 */
export function logSpace(from: number, to: number, count: number): number[] {
  const n = Math.max(2, Math.floor(count));
  const a = Math.log10(Math.max(from, Number.MIN_VALUE));
  const b = Math.log10(Math.max(to, Number.MIN_VALUE));
  const points: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) points[i] = 10 ** (a + ((b - a) * i) / (n - 1));
  // Pin the ends exactly so axis domains match the stated range.
  points[0] = from;
  points[n - 1] = to;
  return points;
}
