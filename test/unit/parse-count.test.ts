import { describe, expect, it } from 'vitest';
import { readCount } from '../../src/scenario/parse-count';
import { COUNT_PARSE_TEXT, countParseMessage } from '../../src/features/controls/parse-count';

describe('readCount: sizes read the way people write them, exactly', () => {
  it.each([
    ['100B', 1e11],
    ['100b', 1e11],
    ['7b', 7e9],
    ['1.2T', 1.2e12],
    ['70 billion', 7e10],
    ['千亿', 1e11],
    ['万亿', 1e12],
    ['1.5万亿', 1.5e12],
    ['3千万', 3e7],
    ['1,000亿', 1e11],
    ['70,000,000,000', 7e10],
    ['7.06E10', 7.06e10],
    ['7×10^10', 7e10],
    ['405B parameters', 4.05e11],
    ['15T tokens', 1.5e13],
    ['６７１０亿', 6.71e11],
    ['0.5M', 5e5],
  ])('%s is exactly %d', (text, expected) => {
    // toBe, not toBeCloseTo: 100B is the double 1e11, not 100 × 1e9 with its rounding.
    expect(readCount(text)).toEqual({ ok: true, value: expected });
  });

  it('1.2T equals the literal 1.2e12 (1.2 × 1e12 computed in floating point would not need to)', () => {
    const result = readCount('1.2T');
    expect(result.ok && result.value).toBe(1.2e12);
    expect(readCount('0.1T')).toEqual({ ok: true, value: 1e11 });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-5B', 'negative'],
    ['abc', 'not-a-number'],
    ['1.2.3', 'not-a-number'],
    ['B70', 'not-a-number'],
    ['70X', 'unknown-unit'],
    ['7亿亿亿亿亿', 'unknown-unit'],
    ['1,5B', 'grouping'],
    ['1e400', 'too-large'],
  ] as const)('%j does not parse: %s', (text, problem) => {
    expect(readCount(text)).toEqual({ ok: false, problem });
  });

  it('every problem has a sentence in English and Chinese', () => {
    for (const text of Object.values(COUNT_PARSE_TEXT)) {
      expect(text.en).toMatch(/\.$/);
      expect(text.zh).toMatch(/。$/);
    }
    expect(countParseMessage('1,5B', 'en')).toMatch(/Commas separate thousands/);
    expect(countParseMessage('100B', 'zh')).toBe('');
  });
});
