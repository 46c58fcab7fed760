import type { Lang } from '../../i18n/i18n';
import { fill } from '../../i18n/i18n';

/**
 * Words for screen readers and slider labels: "70.6 billion" / "706亿" (Intl compact, long form).
 * format.ts's formatCount gives the short forms (70.6B / 706亿) used elsewhere.
 */
const wordFormats = new Map<Lang, Intl.NumberFormat>();
export function formatCountWords(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  let format = wordFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
      notation: 'compact',
      compactDisplay: 'long',
      maximumSignificantDigits: 3,
    });
    wordFormats.set(lang, format);
  }
  return format.format(value);
}

/** Whole numbers with the language's grouping: 70,553,706,496. */
const integerFormats = new Map<Lang, Intl.NumberFormat>();
export function formatInteger(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  let format = integerFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 });
    integerFormats.set(lang, format);
  }
  return format.format(value);
}

/** English singular / plural by the number; Chinese has one form. */
export function plural(value: number, one: string, other: string, text: string): string {
  return fill(Math.round(value) === 1 ? one : other, { n: text });
}
