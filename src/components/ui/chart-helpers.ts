/**
 * Small, domain-free helpers for the charts' text: tick formatters built once per (language,
 * byte units) so they stay stable between renders (module scope, no per-render closures), and
 * byte axes in the unit that fits. The axis math itself is in `chart-scales.ts`.
 */
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber, type UnitSystem } from '../../i18n/format';
import { isPositive, linearTicks } from './chart-scales';
import type { PlotAxis } from './svg-plot';

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
