import type { ArticleUnit } from '../../core/article';
import { fill, type Lang } from '../../i18n/i18n';
import {
  formatBytes,
  formatCount,
  formatNumber,
  formatPercent,
  formatPower,
  formatScientific,
  formatUsd,
  type UnitSystem,
} from '../../i18n/format';
import { ARTICLE_MESSAGES } from './messages';

/** A value of `unit` for people: counts as 175B / 1750亿, bytes in GB or GiB, FLOPs in powers of ten. */
export function formatQuantity(value: number | null, unit: ArticleUnit, lang: Lang, units: UnitSystem, percent = false): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const m = ARTICLE_MESSAGES[lang];
  switch (unit) {
    case 'params':
    case 'tokens':
    case 'count':
      return formatCount(value, lang, 4);
    case 'bytes':
      return formatBytes(value, lang, units, 4);
    case 'bytes_per_s':
      return `${formatBytes(value, lang, units, 3)}/s`;
    case 'flops':
      return fill(m.flops, { n: formatScientific(value, 3) });
    case 'usd':
      return formatUsd(value, lang, 3);
    case 'gpus':
      return fill(m.gpus, { n: formatNumber(value, lang, 3) });
    case 'gpu_hours':
      return fill(m.gpuHours, { n: formatCount(value, lang, 3) });
    case 'kw':
      return formatPower(value * 1000, lang, 3);
    case 'tokens_per_s':
      return fill(m.tokensPerS, { n: formatNumber(value, lang, 3) });
    case 'ratio':
      return percent ? formatPercent(value, lang, 3) : `${formatNumber(value, lang, 3)}×`;
  }
}

/** A ratio as a factor: 0.925×, 14.9×, 2.2 × 10⁵×. */
export function formatRatio(ratio: number | null, lang: Lang): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  if (ratio >= 1e5 || ratio < 1e-3) return `${formatScientific(ratio, 3)}×`;
  // Three significant digits, trailing zeros kept below 100 (1.00×, 0.925×, 14.9×).
  return ratio < 100 ? `${ratio.toPrecision(3)}×` : `${formatNumber(ratio, lang, 3)}×`;
}

const UNIT_KEYS = {
  params: 'unitParams',
  bytes: 'unitBytes',
  flops: 'unitFlops',
  usd: 'unitUsd',
  gpus: 'unitGpus',
  tokens: 'unitTokens',
  kw: 'unitKw',
  tokens_per_s: 'unitTokensPerS',
  ratio: 'unitRatio',
  count: 'unitCount',
  gpu_hours: 'unitGpuHours',
  bytes_per_s: 'unitBytesPerS',
} as const satisfies Record<ArticleUnit, keyof (typeof ARTICLE_MESSAGES)['en']>;

/** The unit's name (for the unit column and the CSV). */
export function unitName(unit: ArticleUnit, lang: Lang): string {
  return ARTICLE_MESSAGES[lang][UNIT_KEYS[unit]];
}
