/**
 * Reading a count the way people write it (parameters, tokens, GPUs): "100B", "7b", "1.2T",
 * "70 billion", "70,000,000,000", "1e11", "7×10^10", 千亿, 万亿, "1.5万亿", "3千万", "1,000亿".
 * The value is built from the decimal text and the unit's power of ten in one step
 * (`Number("1.2e12")`), so "100B" is exactly 1e11 and "1.2T" exactly the double nearest 1.2e12,
 * not a product carrying a rounding error. What does not parse says why, as a code the view
 * translates. Pure: no DOM, no store.
 */

/** Why a text is not a count. */
export type CountParseProblem =
  /** Nothing but spaces. */
  | 'empty'
  /** A minus sign: counts are not negative. */
  | 'negative'
  /** No number where one was expected ("abc", "1.2.3", "B70"). */
  | 'not-a-number'
  /** A number followed by something that is not a unit ("70X", "7亿亿亿亿亿"). */
  | 'unknown-unit'
  /** Commas that are not thousands separators ("1,5B": write 1.5B). */
  | 'grouping'
  /** Beyond what a double holds ("1e400"). */
  | 'too-large';

export type CountParse = { ok: true; value: number } | { ok: false; problem: CountParseProblem };

/** English unit words and letters → power of ten. */
const ENGLISH_UNITS: Readonly<Record<string, number>> = {
  '': 0,
  k: 3,
  thousand: 3,
  m: 6,
  mn: 6,
  mio: 6,
  million: 6,
  b: 9,
  bn: 9,
  billion: 9,
  t: 12,
  tn: 12,
  trillion: 12,
  p: 15,
  quadrillion: 15,
};

/** Chinese units multiply: 千亿 = 10³ × 10⁸ = 10¹¹, 万亿 = 10¹², 百万 = 10⁶. */
const CHINESE_UNITS: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };

/** Words after the number that name what is counted and change nothing. */
const COUNTED_THINGS = /(parameters|parameter|params|param|tokens|token|gpus|gpu|个参数|参数|个词元|词元|张卡|块|个)$/u;

/** Power of ten of a unit suffix, or undefined when it is not one. */
function unitPower(suffix: string): number | undefined {
  const english = ENGLISH_UNITS[suffix];
  if (english !== undefined) return english;
  const power = /^[x×*]10\^?([-+]?\d{1,3})$/u.exec(suffix);
  if (power) return Number(power[1]);
  if (suffix.length === 0 || suffix.length > 4) return undefined;
  let total = 0;
  for (const char of suffix) {
    const unit = CHINESE_UNITS[char];
    if (unit === undefined) return undefined;
    total += unit;
  }
  return total;
}

/**
 * Reads a count. Accepts full-width digits (NFKC), spaces anywhere, `_` and `'` as digit
 * separators, commas as thousands separators only (groups of three), scientific notation,
 * English suffixes (k, M, B/bn, T, P and the words), Chinese units (十 百 千 万 亿 and their
 * products, alone or after a number: 千亿 = 1e11) and a trailing word for what is counted
 * (parameters, tokens, GPUs, 参数, 个). Returns the value, or the problem.
 */
export function readCount(text: string): CountParse {
  let s = text.normalize('NFKC').trim().toLowerCase();
  if (s === '') return { ok: false, problem: 'empty' };
  s = s.replace(/[\s_'’]/gu, '').replace(COUNTED_THINGS, '');
  if (s.startsWith('-') || s.startsWith('−')) return { ok: false, problem: 'negative' };
  if (s.startsWith('+')) s = s.slice(1);
  const match = /^((?:\d[\d,]*\.?\d*|\.\d+)(?:e[-+]?\d+)?)?(.*)$/u.exec(s);
  const numberText = match?.[1] ?? '';
  const suffix = match?.[2] ?? s;
  if (numberText === '') {
    // A Chinese unit alone is a number in itself: 千亿 is a hundred billion, 万 ten thousand.
    const alone = /^[十百千万亿]{1,4}$/u.test(suffix) ? unitPower(suffix) : undefined;
    return alone === undefined ? { ok: false, problem: 'not-a-number' } : { ok: true, value: Number(`1e${alone}`) };
  }
  let digits = numberText;
  if (digits.includes(',')) {
    const [integer = '', ...rest] = digits.split(/(?=[.e])/u);
    if (!/^\d{1,3}(,\d{3})+$/u.test(integer)) return { ok: false, problem: 'grouping' };
    digits = integer.replace(/,/gu, '') + rest.join('');
  }
  const mantissa = /^(\d+\.?\d*|\.\d+)(?:e([-+]?\d+))?$/u.exec(digits);
  if (!mantissa) return { ok: false, problem: 'not-a-number' };
  const power = unitPower(suffix);
  if (power === undefined) return { ok: false, problem: /^[\d.,e]/u.test(suffix) ? 'not-a-number' : 'unknown-unit' };
  const exponent = Number(mantissa[2] ?? '0') + power;
  const value = Number(`${mantissa[1]}e${exponent}`);
  if (!Number.isFinite(value)) return { ok: false, problem: 'too-large' };
  return { ok: true, value };
}
