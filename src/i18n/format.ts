import type { Lang } from './i18n';

/**
 * Number formatting for the view. The core speaks SI base units; everything a person reads goes
 * through here: 1750亿 / 175B, GB (10⁹) or GiB (2³⁰) labelled, never NaN on screen.
 */
export type UnitSystem = 'si' | 'iec';

export const DASH = '—';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number, compact = false, grouping = true): Intl.NumberFormat {
  const key = `${lang}|${digits}|${compact}|${grouping}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
      maximumSignificantDigits: digits,
      useGrouping: grouping,
      ...(compact ? { notation: 'compact', compactDisplay: 'short' } : {}),
    });
    numberFormats.set(key, format);
  }
  return format;
}

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Plain number with `digits` significant digits, grouped per language. */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 3): string {
  if (!finite(value)) return DASH;
  return numberFormat(lang, digits).format(value);
}

/** Scientific notation for FLOPs and other huge counts: 3.14 × 10²³. */
export function formatScientific(value: number | null | undefined, digits = 3): string {
  if (!finite(value)) return DASH;
  if (value === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  if (exponent >= -2 && exponent < 5) return String(Number(value.toPrecision(digits)));
  const mantissa = Number((value / 10 ** exponent).toPrecision(digits));
  return `${mantissa} × 10${superscript(exponent)}`;
}

const SUPERSCRIPTS: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};
function superscript(exponent: number): string {
  return String(exponent)
    .split('')
    .map((c) => SUPERSCRIPTS[c] ?? c)
    .join('');
}

const EN_COUNT: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];
const ZH_COUNT: readonly [number, string][] = [
  [1e12, '万亿'],
  [1e8, '亿'],
  [1e4, '万'],
];

/**
 * Parameter and token counts: 175B / 1750亿, 1.8T / 1.8万亿. The value is rounded to `digits`
 * first, so 999.9B reads 1T, not 1,000B; Chinese counts are not comma-grouped (1750亿).
 */
export function formatCount(value: number | null | undefined, lang: Lang, digits = 3): string {
  if (!finite(value)) return DASH;
  const rounded = Number(value.toPrecision(digits));
  const table = lang === 'zh' ? ZH_COUNT : EN_COUNT;
  const grouping = lang !== 'zh';
  const abs = Math.abs(rounded);
  for (const [size, suffix] of table) {
    if (abs >= size) {
      if (lang === 'zh' && size === 1e12 && abs >= 1e16) {
        return `${numberFormat(lang, digits, false, grouping).format(rounded / 1e16)}亿亿`;
      }
      return `${numberFormat(lang, digits, false, grouping).format(rounded / size)}${suffix}`;
    }
  }
  return numberFormat(lang, digits, false, grouping).format(rounded);
}

const SI_BYTES: readonly [number, string][] = [
  [1e15, 'PB'],
  [1e12, 'TB'],
  [1e9, 'GB'],
  [1e6, 'MB'],
  [1e3, 'KB'],
];
const IEC_BYTES: readonly [number, string][] = [
  [2 ** 50, 'PiB'],
  [2 ** 40, 'TiB'],
  [2 ** 30, 'GiB'],
  [2 ** 20, 'MiB'],
  [2 ** 10, 'KiB'],
];

/** Bytes in GB (10⁹, default) or GiB (2³⁰), always with the unit's own label. */
export function formatBytes(value: number | null | undefined, lang: Lang, units: UnitSystem = 'si', digits = 3): string {
  if (!finite(value)) return DASH;
  const table = units === 'iec' ? IEC_BYTES : SI_BYTES;
  const abs = Math.abs(value);
  for (const [size, suffix] of table) {
    if (abs >= size) return `${numberFormat(lang, digits).format(value / size)} ${suffix}`;
  }
  return `${numberFormat(lang, digits).format(value)} B`;
}

/** Bytes in one fixed unit (for chart axes): the divisor and label of GB or GiB. */
export function byteUnit(units: UnitSystem): { divisor: number; label: string } {
  return units === 'iec' ? { divisor: 2 ** 30, label: 'GiB' } : { divisor: 1e9, label: 'GB' };
}

/** US dollars: $5.58M / 558万美元. */
export function formatUsd(value: number | null | undefined, lang: Lang, digits = 3): string {
  if (!finite(value)) return DASH;
  if (Math.abs(value) < 1000) {
    const small = numberFormat(lang, digits).format(value);
    return lang === 'zh' ? `${small} 美元` : `$${small}`;
  }
  return lang === 'zh' ? `${formatCount(value, lang, digits)} 美元` : `$${formatCount(value, lang, digits)}`;
}

/** Durations from seconds: ms, s, min, h, days, years. */
export function formatDuration(seconds: number | null | undefined, lang: Lang, digits = 3): string {
  if (!finite(seconds)) return DASH;
  return inDurationUnit(seconds, durationUnit(seconds), lang, digits);
}

/** The units `formatDuration` moves through: below `below` seconds, value ÷ `seconds` in this unit. */
const DURATION_UNITS = [
  { below: 1, seconds: 1e-3, en: 'ms', zh: '毫秒' },
  { below: 120, seconds: 1, en: 's', zh: '秒' },
  { below: 7200, seconds: 60, en: 'min', zh: '分钟' },
  { below: 172800, seconds: 3600, en: 'h', zh: '小时' },
  { below: 2 * 365.25 * 86400, seconds: 86400, en: 'days', zh: '天' },
  { below: Infinity, seconds: 365.25 * 86400, en: 'years', zh: '年' },
] as const;
type DurationUnit = (typeof DURATION_UNITS)[number];

function durationUnit(seconds: number): DurationUnit {
  return DURATION_UNITS.find((unit) => seconds < unit.below) ?? DURATION_UNITS[DURATION_UNITS.length - 1]!;
}

function inDurationUnit(seconds: number, unit: DurationUnit, lang: Lang, digits: number): string {
  return `${numberFormat(lang, digits).format(seconds / unit.seconds)} ${lang === 'zh' ? unit.zh : unit.en}`;
}

/**
 * An axis's tick labels for durations up to `max` seconds: every tick in the unit `formatDuration`
 * gives `max` (0 s, 2 s, 4 s — not 0 ms, 2 s, 4 s).
 */
export function durationTickFormat(max: number, lang: Lang, digits = 3): (seconds: number) => string {
  const unit = durationUnit(finite(max) && max > 0 ? max : 1);
  return (seconds: number) => (finite(seconds) ? inDurationUnit(seconds, unit, lang, digits) : DASH);
}

/** Energy from joules: kWh, MWh, GWh. */
export function formatEnergy(joules: number | null | undefined, lang: Lang, digits = 3): string {
  if (!finite(joules)) return DASH;
  const kwh = joules / 3.6e6;
  const n = (v: number) => numberFormat(lang, digits).format(v);
  if (kwh < 1000) return `${n(kwh)} kWh`;
  if (kwh < 1e6) return `${n(kwh / 1000)} MWh`;
  return `${n(kwh / 1e6)} GWh`;
}

/** Power from watts: W, kW, MW. */
export function formatPower(watts: number | null | undefined, lang: Lang, digits = 3): string {
  if (!finite(watts)) return DASH;
  const n = (v: number) => numberFormat(lang, digits).format(v);
  if (watts < 1000) return `${n(watts)} W`;
  if (watts < 1e6) return `${n(watts / 1000)} kW`;
  return `${n(watts / 1e6)} MW`;
}

/** FLOP/s: TFLOPS, PFLOPS. */
export function formatFlopsRate(flopsPerSecond: number | null | undefined, lang: Lang, digits = 3): string {
  if (!finite(flopsPerSecond)) return DASH;
  const n = (v: number) => numberFormat(lang, digits).format(v);
  if (flopsPerSecond >= 1e15) return `${n(flopsPerSecond / 1e15)} PFLOP/s`;
  return `${n(flopsPerSecond / 1e12)} TFLOP/s`;
}

/** A fraction as a percentage. */
export function formatPercent(fraction: number | null | undefined, lang: Lang, digits = 3): string {
  if (!finite(fraction)) return DASH;
  return `${numberFormat(lang, digits).format(fraction * 100)}%`;
}
