import { describe, expect, it } from 'vitest';
import { parseCount, parseDecimal, parsePercent } from '../../src/features/controls/parse-count';
import { readConfigText, MAX_CONFIG_BYTES } from '../../src/features/controls/config-import.data';
import { LLAMA_3_2_1B } from '../fixtures/hf-configs';

describe('parseCount (the number fields of the controls)', () => {
  it.each([
    ['70000000000', 70e9],
    ['70,000,000,000', 70e9],
    ['70_000_000_000', 70e9],
    ['1e11', 1e11],
    ['70e9', 70e9],
    ['7.06E10', 7.06e10],
    ['7×10^10', 7e10],
    ['7x10^10', 7e10],
    ['70B', 70e9],
    ['70b', 70e9],
    ['70 B', 70e9],
    ['1.5T', 1.5e12],
    ['350M', 350e6],
    ['8k', 8000],
    ['8K', 8000],
    ['70 billion', 70e9],
    ['1 trillion parameters', 1e12],
    ['2T tokens', 2e12],
    ['7000亿', 7e11],
    ['1万亿', 1e12],
    ['1.5万亿', 1.5e12],
    ['千亿', 1e11], // a unit alone is a number: a 千亿 model has a hundred billion parameters
    ['1千亿', 1e11],
    ['3千万', 3e7],
    ['100万', 1e6],
    ['706亿参数', 706e8],
    ['１万亿', 1e12], // full-width digit
    ['  42  ', 42],
    ['.5M', 5e5],
  ])('%s → %d', (text, expected) => {
    const value = parseCount(text);
    if (Number.isNaN(expected)) expect(value).toBeUndefined();
    else expect(value).toBeCloseTo(expected, 0);
  });

  it.each(['', 'abc', '-5', '70X', '1e', 'B70', '1.2.3', '7亿亿亿亿亿', 'Infinity', 'NaN', '1e400'])('rejects %j', (text) => {
    expect(parseCount(text)).toBeUndefined();
  });

  it('reads percent and money fields', () => {
    expect(parsePercent('40')).toBe(40);
    expect(parsePercent('40%')).toBe(40);
    expect(parsePercent('40 %')).toBe(40);
    expect(parsePercent('forty')).toBeUndefined();
    expect(parseDecimal('$2.50')).toBe(2.5);
    expect(parseDecimal('2.5美元')).toBe(2.5);
    expect(parseDecimal('0.08')).toBe(0.08);
    expect(parseDecimal('cheap')).toBeUndefined();
  });
});

describe('readConfigText (config.json import, before anything reaches the store)', () => {
  it('reads a real config and counts it exactly (Llama-3.2-1B: 1,235,814,400, HF safetensors)', () => {
    const result = readConfigText(JSON.stringify(LLAMA_3_2_1B.config, null, 2));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.model.counts.total).toBe(1_235_814_400);
      expect(result.config.hidden_size).toBe(2048);
    }
  });

  it('reports JSON syntax errors with line and column', () => {
    const result = readConfigText('{\n  "hidden_size": 2048,\n}');
    expect(result).toMatchObject({ ok: false, error: { kind: 'syntax', line: 3, column: 1 } });
    const end = readConfigText('{"hidden_size": 20');
    expect(end).toMatchObject({ ok: false, error: { kind: 'syntax' } });
  });

  it('names the field the core rejects', () => {
    const result = readConfigText(JSON.stringify({ ...LLAMA_3_2_1B.config, num_key_value_heads: 5 }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'config', field: 'num_key_value_heads' } });
    if (!result.ok && result.error.kind === 'config') expect(result.error.message).toMatch(/num_key_value_heads \(5\) must divide num_attention_heads \(32\)/);
  });

  it('rejects non-objects, empty text and oversized text', () => {
    expect(readConfigText('[1, 2]')).toMatchObject({ ok: false, error: { kind: 'not-object', what: 'array' } });
    expect(readConfigText('42')).toMatchObject({ ok: false, error: { kind: 'not-object', what: 'value' } });
    expect(readConfigText('   ')).toMatchObject({ ok: false, error: { kind: 'empty' } });
    expect(readConfigText(`{"a": "${'x'.repeat(MAX_CONFIG_BYTES)}"}`)).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });

  it('keeps markup as inert data (the config is never rendered as HTML)', () => {
    const result = readConfigText(JSON.stringify({ ...LLAMA_3_2_1B.config, _name_or_path: '<img src=x onerror=alert(1)>' }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.model.name).toBe('<img src=x onerror=alert(1)>');
  });
});
