import '../load-estimate'; // the store's estimate() loads on demand (src/store/estimate-code.ts)
import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario } from '../../src/scenario/url-codec';
import { readBoot } from '../../src/app/boot';
import { describeChange, FIELD_NAMES } from '../../src/app/link-notice.data';
import { SCENARIO_FIELDS } from '../../src/scenario/fields';
import { DEFAULT_SCENARIO } from '../../src/scenario/scenario';

/** Every line of the notice a link gets, in one language. */
function notice(query: string, lang: 'en' | 'zh'): string[] {
  return readBoot(query, [lang]).changes.map((change) => describeChange(change, lang));
}

describe('a link the page cannot show as written: each change named in words, old and new value', () => {
  it('GPUs 0 and MFU 7 (700 %), in English', () => {
    expect(notice('?n=0&mfu=7', 'en')).toEqual(['GPUs was 0; the smallest is 1.', 'MFU (share of peak compute used) was 700%; the largest is 100%.']);
  });

  it('the same in Chinese', () => {
    expect(notice('?n=0&mfu=7', 'zh')).toEqual(['GPU 数量原为 0；最小只能是 1。', '算力利用率（MFU）原为 700%；最大只能是 100%。']);
  });

  it('a size beyond the range reads as a size, in the locale’s own words (万亿)', () => {
    const [en] = notice('?m=size&p=1e15', 'en');
    const [zh] = notice('?m=size&p=1e15', 'zh');
    expect(en).toBe('Model size was 1,000T; the largest is 100T.');
    expect(zh).toBe('模型规模原为 1000万亿；最大只能是 100万亿。');
  });

  it('a whole-number field given a fraction says it was rounded', () => {
    expect(notice('?n=2.5', 'en')).toEqual(['GPUs was 2.5; it must be a whole number, so 3.']);
  });

  it('unreadable values name the field and the default used instead', () => {
    expect(notice('?w=%3Cb%3E&lang=xx', 'en')).toEqual(['Weight precision: “<b>” could not be read; using BF16.', 'Language: “xx” could not be read; using English.']);
    expect(notice('?w=%3Cb%3E', 'zh')).toEqual(['权重精度：无法读取“<b>”，改用 BF16。']);
  });

  it('a part of the architecture or of a custom accelerator is named by itself', () => {
    expect(notice('?arch=hidden:0,layers:32', 'en')).toEqual(['Hidden size was 0; the smallest is 1.']);
    expect(notice('?gpu=custom&cg=mem:1,bw:3e12,flops:1e15,tdp:700,usd:3', 'en')).toEqual([
      'Custom accelerator memory was 1 B; the smallest is 100 MB.',
    ]);
  });

  it('bidi and control characters in the given text are dropped, long text is cut', () => {
    const [line] = notice(`?m=${encodeURIComponent('\u202Eevil\u0007')}`, 'en');
    expect(line).toBe(`Model: “evil” could not be read; using the default model (${DEFAULT_SCENARIO.model}).`);
    const [long] = readBoot(`?gpu=${'x'.repeat(500)}`, ['en']).changes;
    expect(long?.given.length).toBe(60);
  });

  it('a clean link has no notice, and a clamped link re-encodes to what is shown', () => {
    expect(decodeScenario('?m=llama-3.1-70b&n=64&mfu=0.45').changes).toEqual([]);
    const clamped = decodeScenario('?n=0&mfu=7&p=1e20&m=size');
    // The rewritten link carries the shown values and reads back without a change.
    expect(decodeScenario(encodeScenario(clamped.scenario)).changes).toEqual([]);
    expect(clamped.scenario).toMatchObject({ gpuCount: 1, mfu: 1, params: 1e14 });
  });

  it('has a name for every scenario field in both languages', () => {
    for (const field of SCENARIO_FIELDS) {
      expect(FIELD_NAMES.en[field].length, field).toBeGreaterThan(1);
      expect(FIELD_NAMES.zh[field], field).toMatch(/[\u4e00-\u9fff]|^ZeRO|^KV/);
    }
  });
});
