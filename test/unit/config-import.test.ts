import '../load-estimate'; // the store's estimate() loads on demand (src/store/estimate-code.ts)
import { describe, expect, it } from 'vitest';
import { countParameters, architectureFromHfConfig } from '../../src/core/params';
import { APPROXIMATE_REASON_TEXT, MAX_CONFIG_BYTES, approximationText, readConfigText } from '../../src/features/controls/config-import.data';
import { MAX_CONFIG_DEPTH, sanitizeConfig, sanitizeConfigResult } from '../../src/scenario/fields';
import { decodeScenario, encodeScenario } from '../../src/scenario/url-codec';
import { DEFAULT_SCENARIO } from '../../src/scenario/scenario';
import * as HF from '../fixtures/hf-configs';
import * as F from '../fixtures/hf-configs-2025';
import { REFERENCE_MODELS } from '../fixtures/reference-models';
import { MODELS } from '../../src/data/models';
import { compactConfig } from '../../src/scenario/config-compact';
import { CONFIG_FIELDS_READ } from '../../src/core/families';

function imported(config: unknown) {
  const result = readConfigText(JSON.stringify(config));
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.error)}`);
  return result;
}

/** The count a link reproduces: the imported config through the URL and back. */
function countAfterLink(config: Record<string, unknown>): number {
  const { scenario } = decodeScenario(encodeScenario({ ...DEFAULT_SCENARIO, model: 'custom', customConfig: config }));
  if (scenario.customConfig === null) throw new Error('the link lost the config');
  return countParameters(architectureFromHfConfig(scenario.customConfig)).total;
}

describe('the import is bounded by size and depth, never by list length', () => {
  it('a Qwen3 config with 64 layer_types entries imports and counts exactly (was rejected: lists cut at 32)', () => {
    const result = imported(F.QWEN3_32B_LAYER_TYPES.config);
    expect(result.model.counts.total).toBe(F.QWEN3_32B_LAYER_TYPES.published?.total);
    expect((result.config.layer_types as unknown[]).length).toBe(64);
    expect(countAfterLink(result.config)).toBe(F.QWEN3_32B_LAYER_TYPES.published?.total);
  });

  it('a Qwen3-MoE mlp_only_layers list of 40 entries is read whole (was silently cut at 32)', () => {
    const dense = Array.from({ length: 40 }, (_, index) => index);
    const result = imported({ ...HF.QWEN3_30B_A3B.config, mlp_only_layers: dense });
    // 40 dense layers of intermediate 6144, 8 MoE layers: hand count from Qwen3MoeDecoderLayer.
    const attention = 2048 * 4096 + 2 * 2048 * 512 + 4096 * 2048 + 2 * 128;
    const moe = 2048 * 128 + 128 * 3 * 2048 * 768;
    const hand = 2 * 151936 * 2048 + 48 * (attention + 2 * 2048) + 40 * 3 * 2048 * 6144 + 8 * moe + 2048;
    expect(result.model.counts.total).toBe(hand);
    expect(result.model.arch.moe?.moeLayers).toBe(8);
  });

  it('an id2label of 500 entries drops nothing the readers need (was: core fields past value 400 lost)', () => {
    const id2label = Object.fromEntries(Array.from({ length: 500 }, (_, index) => [String(index), `LABEL_${index}`]));
    const label2id = Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`LABEL_${index}`, index]));
    // The labels first, the shape fields after them, as a file written by a classifier head would be.
    const config = { id2label, label2id, ...F.OLMO_2_7B.config };
    const result = imported(config);
    expect(result.model.counts.total).toBe(F.OLMO_2_7B.published?.total);
    // The store (and so the link) keeps only what the readers use.
    expect(result.config.id2label).toBeUndefined();
    expect(JSON.stringify(result.config).length).toBeLessThan(1000);
    expect(countAfterLink(result.config)).toBe(F.OLMO_2_7B.published?.total);
  });

  it('multimodal configs keep their nested towers through the import and the link', () => {
    for (const fixture of [F.GEMMA_3_4B, F.LLAMA_4_SCOUT]) {
      const result = imported(fixture.config);
      expect(result.model.counts.total).toBe(fixture.published?.total);
      expect(countAfterLink(result.config)).toBe(fixture.published?.total);
    }
  });

  it('too large is refused in words, never cut; too deep is dropped below what readers read', () => {
    const big = { ...F.OLMO_2_7B.config, filler: Array.from({ length: 200_000 }, (_, index) => index) };
    const text = JSON.stringify(big);
    expect(text.length).toBeGreaterThan(MAX_CONFIG_BYTES);
    const large = readConfigText(text);
    expect(large.ok).toBe(false);
    expect(!large.ok && large.error.kind).toBe('too-large');
    // The same bound holds for data that arrives already parsed (a link, local storage).
    expect(sanitizeConfigResult(big)).toEqual({ ok: false, problem: 'too-large' });
    // Parts nested deeper than any reader looks are dropped, the rest is kept.
    let deep: unknown = 1;
    for (let level = 0; level < MAX_CONFIG_DEPTH + 2; level += 1) deep = { level: deep };
    const nested = readConfigText(JSON.stringify({ ...F.OLMO_2_7B.config, deep }));
    expect(nested.ok && nested.model.counts.total).toBe(F.OLMO_2_7B.published?.total);
    const kept = sanitizeConfig({ deep }) as { deep: unknown };
    // The root is depth 0 and `deep` depth 1; objects at depths 1…7 are kept, the one at 8 is not,
    // so the chain keeps the `level` keys of depths 1…6.
    expect(JSON.stringify(kept).split('level').length - 1).toBe(MAX_CONFIG_DEPTH - 2);
  });

  it('stays data only: prototype keys dropped, non-finite numbers and functions never kept', () => {
    const parsed = JSON.parse('{"model_type":"llama","__proto__":{"x":1},"nested":{"constructor":{"prototype":{}},"ok":[1,2,3]}}') as unknown;
    expect(sanitizeConfig(parsed)).toEqual({ model_type: 'llama', nested: { ok: [1, 2, 3] } });
    expect(sanitizeConfig({ a: Infinity, b: () => 1, c: [NaN, 2] })).toEqual({ c: [2] });
    expect(sanitizeConfig([1, 2])).toBeNull();
  });
});

describe('approximate imports say why, in both languages', () => {
  it('every reason code has words in English and Chinese', () => {
    for (const text of Object.values(APPROXIMATE_REASON_TEXT)) {
      expect(text.en.length).toBeGreaterThan(20);
      expect(text.zh.length).toBeGreaterThan(5);
    }
  });

  it('an unknown model_type import carries its reasons; a known one none', () => {
    const unknown = imported({ ...F.OLMO_2_7B.config, model_type: 'olmo9' });
    expect(unknown.model.approximate).toBe(true);
    expect(approximationText(unknown.model.arch.approximateReasons, 'en')).toMatch(/^Approximate: its model_type is not one the explorer reads exactly/);
    expect(approximationText(unknown.model.arch.approximateReasons, 'zh')).toMatch(/^近似估算：/);
    expect(approximationText(imported(F.GEMMA_3_1B.config).model.arch.approximateReasons, 'en')).toBe('');
  });
});

describe('compactConfig: the link keeps the fields the readers read, and they suffice', () => {
  it('every preset and fixture config reads the same after compaction, and only read fields remain', () => {
    const configs = [
      ...MODELS.flatMap((model) => (model.config ? [model.config as Record<string, unknown>] : [])),
      ...Object.values(F).map((fixture) => fixture.config),
      ...REFERENCE_MODELS.map((model) => model.config),
    ];
    for (const config of configs) {
      const compact = compactConfig(config);
      const label = String(config.model_type);
      expect(JSON.stringify(architectureFromHfConfig(compact)), label).toBe(JSON.stringify(architectureFromHfConfig(config)));
      // The reduction took effect: no field outside the readers' list survived (a miss would keep the whole file).
      for (const key of Object.keys(compact)) expect(CONFIG_FIELDS_READ.has(key), `${label}.${key}`).toBe(true);
    }
  });
});
