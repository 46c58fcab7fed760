/**
 * Small, domain-free helpers for the charts: log-axis domains and decade ticks, and tables of
 * formatters built once per (language, byte units) so tick and tooltip formatters stay stable
 * between renders (module scope, no per-render closures).
 */
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber, type UnitSystem } from '../../i18n/format';
import type { PlotAxis } from './svg-plot';

/** Positive, finite numbers only (what a log axis can show). */
export function isPositive(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/**
 * A log-axis domain [10^floor(log10 min), 10^ceil(log10 max)] over the positive finite values;
 * `fallback` when there are none. A degenerate domain (one value) is widened by a decade each side.
 */
export function logDomain(values: Iterable<number | null | undefined>, fallback: readonly [number, number]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!isPositive(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (!(min <= max)) return [fallback[0], fallback[1]];
  let low = 10 ** Math.floor(Math.log10(min) + 1e-9);
  let high = 10 ** Math.ceil(Math.log10(max) - 1e-9);
  if (!(high > low)) {
    low /= 10;
    high *= 10;
  }
  return [low, high];
}

/** Powers of ten in [low, high], thinned to at most `maxTicks` (every 2nd, 3rd … decade). */
export function decadeTicks(low: number, high: number, maxTicks = 8): number[] {
  if (!isPositive(low) || !isPositive(high) || high < low) return [];
  const from = Math.ceil(Math.log10(low) - 1e-9);
  const to = Math.floor(Math.log10(high) + 1e-9);
  const count = to - from + 1;
  const step = Math.max(1, Math.ceil(count / Math.max(1, maxTicks)));
  const ticks: number[] = [];
  for (let exponent = from; exponent <= to; exponent += step) ticks.push(Number(`1e${exponent}`));
  return ticks;
}

const sliceCache = new WeakMap<readonly unknown[], { low: number; high: number; rows: unknown[] }>();

/**
 * The rows whose `x` lies inside `domain`, plus one neighbour on each side so lines still reach
 * the plot's edges (the axis clips them). Rows sorted by `x`. Off-screen points only cost time:
 * Recharts' update work grows with every point it lays out. The same rows and domain give the
 * same array, so a chart whose curves did not change sees equal data and skips that work.
 */
export function rowsInDomain<T>(rows: readonly T[], x: (row: T) => number, [low, high]: readonly [number, number]): T[] {
  const cached = sliceCache.get(rows);
  if (cached && cached.low === low && cached.high === high) return cached.rows as T[];
  let first = rows.findIndex((row) => x(row) >= low);
  let result: T[] = [];
  if (first >= 0) {
    first = Math.max(0, first - 1);
    let last = rows.length - 1;
    while (last > first && x(rows[last] as T) > high) last--;
    result = rows.slice(first, Math.min(rows.length, last + 2));
  }
  sliceCache.set(rows, { low, high, rows: result });
  return result;
}

/** `value` clamped into [low, high] (for a marker that would fall off the axis). */
export function clampTo(value: number, [low, high]: readonly [number, number]): number {
  if (!Number.isFinite(value)) return low;
  return Math.min(high, Math.max(low, value));
}

/** A "nice" upper bound ≥ value: 1, 2, 2.5, 5 × 10^k. */
export function niceCeil(value: number): number {
  if (!isPositive(value)) return 1;
  const exponent = Math.floor(Math.log10(value));
  const base = 10 ** exponent;
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (step * base >= value * (1 - 1e-9)) return step * base;
  }
  return 10 * base;
}

export type ViewKey = `${Lang}|${UnitSystem}`;

export function viewKey(lang: Lang, units: UnitSystem): ViewKey {
  return `${lang}|${units}`;
}

/** Build `make(lang, units)` once for every language and unit system (module scope). */
export function perView<T>(make: (lang: Lang, units: UnitSystem) => T): Readonly<Record<ViewKey, T>> {
  return Object.freeze({
    'en|si': make('en', 'si'),
    'en|iec': make('en', 'iec'),
    'zh|si': make('zh', 'si'),
    'zh|iec': make('zh', 'iec'),
  });
}

/** Build `make(lang)` once for every language (module scope). */
export function perLang<T>(make: (lang: Lang) => T): Readonly<Record<Lang, T>> {
  return Object.freeze({ en: make('en'), zh: make('zh') });
}

/**
 * Ticks for a linear axis from 0 to `max` (raw units) that are round numbers in display units
 * (`divisor`: e.g. 1e9 for GB): steps of 1, 2, 2.5 or 5 × 10^k, about `count` of them.
 */
export function linearTicks(max: number, divisor = 1, count = 5): number[] {
  if (!isPositive(max) || !isPositive(divisor)) return [0];
  const span = max / divisor;
  const rough = span / Math.max(1, count);
  const exponent = Math.floor(Math.log10(rough));
  const base = 10 ** exponent;
  const step = ([1, 2, 2.5, 5, 10].find((s) => s * base >= rough * (1 - 1e-9)) ?? 10) * base;
  const ticks: number[] = [];
  for (let value = 0; value <= span * (1 + 1e-9); value += step) ticks.push(Number((value * divisor).toPrecision(12)));
  return ticks;
}

/** Round ticks between `low` and `high` (linear axis): steps of 1, 2, 2.5 or 5 × 10^k, about `count`. */
export function rangeTicks(low: number, high: number, count = 5): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high) || !(high > low)) return [];
  const rough = (high - low) / Math.max(1, count);
  const base = 10 ** Math.floor(Math.log10(rough));
  let step = base;
  for (const s of [1, 2, 2.5, 5, 10]) {
    if (Math.abs(Math.log(s * base / rough)) < Math.abs(Math.log(step / rough))) step = s * base;
  }
  const ticks: number[] = [];
  for (let value = Math.ceil(low / step - 1e-9) * step; value <= high + step * 1e-9; value += step) {
    ticks.push(Number(value.toPrecision(12)));
  }
  return ticks;
}

const SUPERSCRIPT_DIGITS: Readonly<Record<string, string>> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** A power of ten as "10²⁴" (log-axis ticks of FLOPs); other values as "3 × 10²⁴". */
export function formatDecade(value: number): string {
  if (!isPositive(value)) return value === 0 ? '0' : '—';
  const exponent = Math.floor(Math.log10(value) + 1e-9);
  const mantissa = Number((value / 10 ** exponent).toPrecision(2));
  const power = `10${String(exponent)
    .split('')
    .map((c) => SUPERSCRIPT_DIGITS[c] ?? c)
    .join('')}`;
  return mantissa === 1 ? power : `${mantissa} × ${power}`;
}

const COMPACT_UNITS: Readonly<Record<Lang, readonly (readonly [number, string])[]>> = {
  en: [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ],
  zh: [
    [1e12, '万亿'],
    [1e8, '亿'],
    [1e4, '万'],
  ],
};
const compactFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * Short, ungrouped counts for axis ticks: 100B / 1000T, 100亿 / 1000万亿 (no "1,000万亿", which
 * is too wide for a tick). Two significant digits.
 */
export function formatCompactCount(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  let format = compactFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumSignificantDigits: 2, useGrouping: false });
    compactFormats.set(lang, format);
  }
  const abs = Math.abs(value);
  for (const [size, suffix] of COMPACT_UNITS[lang]) {
    if (abs >= size) return `${format.format(value / size)}${suffix}`;
  }
  return format.format(value);
}

/**
 * The byte unit for a linear axis reaching `max` bytes: GB, TB or PB (SI) or GiB, TiB, PiB (IEC),
 * the largest that keeps tick labels at one to four digits.
 */
export function byteAxisUnit(units: UnitSystem, max: number): { divisor: number; label: string } {
  const steps: readonly (readonly [number, string])[] =
    units === 'iec'
      ? [
          [2 ** 50, 'PiB'],
          [2 ** 40, 'TiB'],
          [2 ** 30, 'GiB'],
        ]
      : [
          [1e15, 'PB'],
          [1e12, 'TB'],
          [1e9, 'GB'],
        ];
  for (const [divisor, label] of steps) {
    if (max / divisor >= 10) return { divisor, label };
  }
  const last = steps[steps.length - 1]!;
  return { divisor: last[0], label: last[1] };
}

/**
 * A linear byte axis from 0 to `max` bytes in the unit that fits (GB, TB … or GiB, TiB …), ticks
 * in that unit; `title` names the axis with `{unit}` filled in.
 */
export function byteAxis(max: number, units: UnitSystem, lang: Lang, title: string): PlotAxis {
  const { divisor, label } = byteAxisUnit(units, max);
  return {
    kind: 'linear',
    domain: [0, max],
    ticks: linearTicks(max, divisor, 5),
    format: (value: number) => formatNumber(value / divisor, lang, 3),
    label: fill(title, { unit: label }),
  };
}

/** Tick text for counts (1.5B / 15亿) and plain numbers, two or three significant digits, per language. */
export const COUNT_TICK = perLang((lang) => (value: number) => formatCount(value, lang, 2));
export const NUMBER_TICK = {
  2: perLang((lang) => (value: number) => formatNumber(value, lang, 2)),
  3: perLang((lang) => (value: number) => formatNumber(value, lang, 3)),
} as const;
