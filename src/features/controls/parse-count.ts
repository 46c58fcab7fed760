import { readCount, type CountParseProblem } from '../../scenario/parse-count';
import type { Lang } from '../../i18n/i18n';

/**
 * Reads what a person types into a count field (sizes, tokens, GPUs) with the scenario's
 * `readCount`: plain numbers with grouping (70,000,000,000), scientific notation (1e11, 70e9,
 * 7×10^10), English suffixes (100B, 7b, 1.2T, 350M, 8k, "70 billion") and Chinese units (千亿,
 * 万亿, 1.5万亿, 3千万, 1,000亿). "100B" is exactly 1e11. Returns undefined for anything else,
 * including negative and non-finite values; `countParseMessage` says why.
 */
export function parseCount(text: string): number | undefined {
  const result = readCount(text);
  return result.ok ? result.value : undefined;
}

/** Why a typed count does not parse, in the reader's language. */
export const COUNT_PARSE_TEXT: Readonly<Record<CountParseProblem, Readonly<Record<Lang, string>>>> = {
  empty: { en: 'Type a number, e.g. 70B or 1.5T.', zh: '请输入数值，例如 700亿 或 1.5万亿。' },
  negative: { en: 'A count cannot be negative.', zh: '数量不能为负。' },
  'not-a-number': { en: 'Not a number: write e.g. 70B, 7e10 or 70,000,000,000.', zh: '不是数值：可写作 700亿、7e10 或 70,000,000,000。' },
  'unknown-unit': { en: 'Unknown unit: use k, M, B, T (or thousand, million, billion, trillion) or 万, 亿.', zh: '无法识别的单位：请用 万、亿、千亿、万亿，或 k、M、B、T。' },
  grouping: { en: 'Commas separate thousands only (70,000,000,000); write decimals with a point (1.5B).', zh: '逗号只用于千位分隔（70,000,000,000）；小数请用小数点（1.5B）。' },
  'too-large': { en: 'Too large to represent.', zh: '数值过大，无法表示。' },
};

/** The sentence for `text` when it does not parse as a count, else ''. */
export function countParseMessage(text: string, lang: Lang): string {
  const result = readCount(text);
  return result.ok ? '' : COUNT_PARSE_TEXT[result.problem][lang];
}

/** A percentage field: "40", "40%", "40 %" → 40 (the field's value is in percent). */
export function parsePercent(text: string): number | undefined {
  const s = text.normalize('NFKC').trim().replace(/\s*%$/u, '');
  if (!/^\+?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/iu.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}

/** A money or plain decimal field: "$2.50", "2.5", "2.5美元" → 2.5. */
export function parseDecimal(text: string): number | undefined {
  const s = text.normalize('NFKC').trim().replace(/^\$|\s*(美元|usd|\$)$/iu, '').replace(/[\s,_]/g, '');
  if (!/^\+?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/iu.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}
