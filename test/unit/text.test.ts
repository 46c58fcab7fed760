import '../load-estimate'; // the store's estimate() loads on demand (src/store/estimate-code.ts)
import { describe, expect, it } from 'vitest';
import { plainText, resolveModel } from '../../src/core';
import { cleanPinName } from '../../src/features/compare/compare.data';

// The bidi controls of Unicode's UAX #9 (Table 1) that "Trojan Source" (CVE-2021-42574) abuses.
const BIDI_CONTROLS = ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('plainText: the one sanitiser for imported names', () => {
  it('removes every bidi control character, so a name reads as it is stored', () => {
    for (const control of BIDI_CONTROLS) {
      expect(plainText(`evil${control}gguf.exe`)).toBe('evil gguf.exe');
    }
    // "‮" (RLO) would show "model-fdp.exe" as "model-exe.pdf".
    expect(plainText('model-\u202efdp.exe')).toBe('model- fdp.exe');
  });

  it('removes C0 and C1 controls, collapses white space and caps the length', () => {
    expect(plainText('\u0000meta-llama/\tLlama-3.1-70B\u0085\n')).toBe('meta-llama/ Llama-3.1-70B');
    expect(plainText('x'.repeat(500))).toHaveLength(200);
    expect(plainText('深度求索 DeepSeek-V3', 5)).toBe('深度求索 ');
  });

  it('keeps ordinary text, Chinese included, as it is', () => {
    expect(plainText('Qwen/Qwen2.5-72B-Instruct')).toBe('Qwen/Qwen2.5-72B-Instruct');
    expect(plainText('通义千问 2.5')).toBe('通义千问 2.5');
  });

  it('is what the config reader and the pins use', () => {
    const config = {
      _name_or_path: 'meta-llama/\u202eLlama-3.1-8B',
      model_type: 'llama',
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      vocab_size: 128256,
    };
    const model = resolveModel({ model: 'custom', params: 0, customConfig: config, overrides: {} });
    expect(model.name).toBe('meta-llama/ Llama-3.1-8B');
    expect(cleanPinName('my\u2066pin\u2069')).toBe('my pin');
  });
});
