/**
 * Reads what a person types into a number field: plain numbers with grouping (70,000,000,000),
 * scientific notation (1e11, 70e9, 7×10^10), English suffixes (70B, 1.5T, 350M, 8k, "70 billion")
 * and Chinese units (7000亿, 1万亿, 1.5万亿, 3千万, 千亿 = 1e11). A trailing unit word
 * ("parameters", "tokens", 参数, 个) is ignored. Returns undefined for anything else, including
 * negative and non-finite values. Full-width digits are accepted (NFKC).
 */
export function parseCount(text: string): number | undefined {
  let s = text.normalize('NFKC').trim().toLowerCase();
  s = s.replace(/[\s,_'’]/g, '');
  s = s.replace(/(parameters|parameter|params|param|tokens|token|个参数|参数|个词元|词元|个)$/u, '');
  const match = /^\+?((?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)(.*)$/u.exec(s);
  if (!match) return undefined;
  const mantissa = Number(match[1]);
  const suffix = match[2] ?? '';
  const multiplier = suffixMultiplier(suffix);
  if (multiplier === undefined) return undefined;
  const value = mantissa * multiplier;
  return Number.isFinite(value) ? value : undefined;
}

const ENGLISH: Readonly<Record<string, number>> = {
  '': 1,
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12,
  p: 1e15,
  quadrillion: 1e15,
};

const CHINESE: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1e3, 万: 1e4, 亿: 1e8 };

function suffixMultiplier(suffix: string): number | undefined {
  const english = ENGLISH[suffix];
  if (english !== undefined) return english;
  const power = /^[x×*]10\^?([-+]?\d+)$/u.exec(suffix);
  if (power) return 10 ** Number(power[1]);
  // Chinese units multiply: 千亿 = 10³ × 10⁸, 万亿 = 10⁴ × 10⁸, 百万 = 10⁶.
  if (suffix.length === 0 || suffix.length > 4) return undefined;
  let product = 1;
  for (const char of suffix) {
    const unit = CHINESE[char];
    if (unit === undefined) return undefined;
    product *= unit;
  }
  return product;
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
