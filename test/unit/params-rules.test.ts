/**
 * The config readers' rules: unknown families, bad configs, validation, overrides, the size
 * slider's shape rule and properties of the count on random architectures.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SUPPORTED_FAMILIES, applyOverrides, architectureFromHfConfig, architectureFromParams, countParameters, validateArchitecture } from '../../src/core/params';
import { ConfigError } from '../../src/core/errors';
import type { Architecture, ArchitectureDetails } from '../../src/core/types';
import * as HF from '../fixtures/hf-configs';
import { reference, expectConfigError } from '../fixtures/params-helpers';

describe('unknown model_type', () => {
  it('with the standard decoder fields → generic Llama-style estimate, approximate', () => {
    const config = { model_type: 'internlm2', hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, intermediate_size: 14336, vocab_size: 32000 };
    const architecture = architectureFromHfConfig(config);
    expect(architecture.family).toBe('generic');
    expect(architecture.approximate).toBe(true);
    // The same shapes as Mistral-7B-v0.1, so the same Llama-style count.
    expect(countParameters(architecture).total).toBe(7_241_732_096);
  });

  it('without them → ConfigError naming the missing field', () => {
    expectConfigError(() => architectureFromHfConfig({ model_type: 't5', d_model: 512, vocab_size: 32128 }), 'hidden_size', 't5');
    expectConfigError(() => architectureFromHfConfig({}), 'hidden_size');
  });
});

describe('bad configs throw ConfigError naming the field', () => {
  const llama = { model_type: 'llama', hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, intermediate_size: 11008, vocab_size: 32000 };

  it('not an object', () => {
    for (const bad of [null, undefined, 42, 'config', [llama], true]) {
      expectConfigError(() => architectureFromHfConfig(bad), 'config.json');
    }
  });

  it('model_type of the wrong type', () => {
    expectConfigError(() => architectureFromHfConfig({ ...llama, model_type: 7 }), 'model_type');
  });

  it('missing size', () => {
    const { intermediate_size: _dropped, ...rest } = llama;
    const error = expectConfigError(() => architectureFromHfConfig(rest), 'intermediate_size', 'missing');
    expect(error.field).toBe('intermediate_size');
  });

  it('null size', () => {
    expectConfigError(() => architectureFromHfConfig({ ...llama, vocab_size: null }), 'vocab_size');
  });

  it('non-positive size', () => {
    expectConfigError(() => architectureFromHfConfig({ ...llama, num_hidden_layers: 0 }), 'num_hidden_layers', 'positive');
    expectConfigError(() => architectureFromHfConfig({ ...llama, hidden_size: -4096 }), 'hidden_size');
  });

  it('non-integer size', () => {
    expectConfigError(() => architectureFromHfConfig({ ...llama, intermediate_size: 11008.5 }), 'intermediate_size', 'whole');
  });

  it('non-finite size', () => {
    expectConfigError(() => architectureFromHfConfig({ ...llama, hidden_size: Number.NaN }), 'hidden_size');
    expectConfigError(() => architectureFromHfConfig({ ...llama, hidden_size: Infinity }), 'hidden_size', 'finite');
  });

  it('string where a number belongs', () => {
    expectConfigError(() => architectureFromHfConfig({ ...llama, hidden_size: '4096' }), 'hidden_size', 'string');
  });

  it('boolean field of the wrong type', () => {
    expectConfigError(() => architectureFromHfConfig({ ...llama, tie_word_embeddings: 'yes' }), 'tie_word_embeddings');
  });

  it('kv heads not dividing heads, in the documented wording', () => {
    const error = expectConfigError(() => architectureFromHfConfig({ ...llama, num_key_value_heads: 5 }), 'num_key_value_heads');
    expect(error.message).toBe('num_key_value_heads (5) must divide num_attention_heads (32)');
    const falcon = { model_type: 'falcon', hidden_size: 64, num_hidden_layers: 2, num_attention_heads: 8, num_kv_heads: 3, vocab_size: 10, new_decoder_architecture: true };
    expectConfigError(() => architectureFromHfConfig(falcon), 'num_kv_heads');
  });

  it('hidden not divisible by heads without head_dim', () => {
    expectConfigError(() => architectureFromHfConfig({ ...llama, num_attention_heads: 30, num_key_value_heads: 30 }), 'hidden_size', 'divisible');
    expectConfigError(() => architectureFromHfConfig({ model_type: 'gpt2', n_embd: 100, n_layer: 2, n_head: 3, vocab_size: 10 }), 'n_embd');
    // An explicit head_dim makes it fine (Gemma-2-9B: 16 × 256 ≠ 3584).
    expect(architectureFromHfConfig({ ...llama, num_attention_heads: 30, num_key_value_heads: 30, head_dim: 128 }).headDim).toBe(128);
  });

  it('experts per token above the experts', () => {
    const mixtral = { ...reference('mistralai/Mixtral-8x7B-v0.1').config, num_experts_per_tok: 9 };
    expectConfigError(() => architectureFromHfConfig(mixtral), 'num_experts_per_tok', 'num_local_experts');
    const qwen = { ...HF.QWEN3_30B_A3B.config, num_experts_per_tok: 129 };
    expectConfigError(() => architectureFromHfConfig(qwen), 'num_experts_per_tok', 'num_experts');
    const deepseek = { ...HF.DEEPSEEK_V2_LITE.config, num_experts_per_tok: 65 };
    expectConfigError(() => architectureFromHfConfig(deepseek), 'num_experts_per_tok', 'n_routed_experts');
    const noTopK = { ...HF.DEEPSEEK_V2_LITE.config, num_experts_per_tok: null };
    expectConfigError(() => architectureFromHfConfig(noTopK), 'num_experts_per_tok');
  });

  it('absurd sizes: more than 1e15 parameters, or beyond exact integers', () => {
    expectConfigError(() => architectureFromHfConfig({ ...llama, hidden_size: 1_048_576, intermediate_size: 4_194_304, num_hidden_layers: 1000 }), 'hidden_size', '1e15');
    expectConfigError(() => architectureFromHfConfig({ ...llama, vocab_size: 1e300 }), 'vocab_size', 'large');
  });

  it('malformed lists', () => {
    expectConfigError(() => architectureFromHfConfig({ ...HF.QWEN3_30B_A3B.config, mlp_only_layers: '3' }), 'mlp_only_layers');
    expectConfigError(() => architectureFromHfConfig({ ...HF.QWEN3_30B_A3B.config, mlp_only_layers: [1.5] }), 'mlp_only_layers');
    expectConfigError(() => architectureFromHfConfig({ ...HF.GEMMA_2_2B.config, layer_types: ['full_attention'] }), 'layer_types');
  });
});

describe('validateArchitecture', () => {
  const llama = architectureFromHfConfig(reference('meta-llama/Llama-2-70b-hf').config);

  it('returns a valid architecture unchanged', () => {
    expect(validateArchitecture(llama)).toBe(llama);
  });

  it('names the Architecture field', () => {
    expectConfigError(() => validateArchitecture({ ...llama, kvHeads: 5 }), 'kvHeads', 'must divide heads (64)');
    expectConfigError(() => validateArchitecture({ ...llama, hidden: 0 }), 'hidden');
    expectConfigError(() => validateArchitecture({ ...llama, layers: 2.5 }), 'layers');
    expectConfigError(() => validateArchitecture({ ...llama, ffn: Number.NaN }), 'ffn');
    expectConfigError(() => validateArchitecture({ ...llama, vocab: '32000' as unknown as number }), 'vocab');
    expectConfigError(() => validateArchitecture({ ...llama, contextLength: -1 }), 'contextLength');
    expectConfigError(() => validateArchitecture({ ...llama, layers: 100_000, hidden: 65536, heads: 512, headDim: 128 }), '1e15');
    const mixtral = architectureFromHfConfig(reference('mistralai/Mixtral-8x7B-v0.1').config);
    expectConfigError(() => validateArchitecture({ ...mixtral, moe: { ...mixtral.moe!, expertsPerToken: 9 } }), 'expertsPerToken');
    expectConfigError(() => validateArchitecture({ ...mixtral, moe: { ...mixtral.moe!, moeLayers: 33 } }), 'moeLayers');
  });
});

describe('applyOverrides', () => {
  const llama70 = architectureFromHfConfig(reference('meta-llama/Llama-2-70b-hf').config);
  const gemma = architectureFromHfConfig(reference('google/gemma-2-9b').config);
  const mixtral = architectureFromHfConfig(reference('mistralai/Mixtral-8x7B-v0.1').config);
  const deepseek = architectureFromHfConfig(reference('deepseek-ai/DeepSeek-V3').config);

  it('no overrides → the same object', () => {
    expect(applyOverrides(llama70, {})).toBe(llama70);
  });

  it('keeps headDim = hidden / heads for derived-head models, keeps explicit head_dim', () => {
    const wider = applyOverrides(llama70, { hidden: 10240 });
    expect([wider.hidden, wider.headDim, wider.kvHeads]).toEqual([10240, 160, 8]);
    const fewerHeads = applyOverrides(llama70, { heads: 32 });
    expect(fewerHeads.headDim).toBe(256);
    const gemmaWider = applyOverrides(gemma, { hidden: 4096 });
    expect(gemmaWider.headDim).toBe(256);
    // Qwen3-8B and Llama-3.2-1B set head_dim explicitly (equal to hidden / heads): it stays.
    expect(applyOverrides(architectureFromHfConfig(HF.QWEN3_8B.config), { hidden: 5120 }).headDim).toBe(128);
    expect(applyOverrides(architectureFromHfConfig(HF.LLAMA_3_2_1B.config), { hidden: 4096 }).headDim).toBe(64);
    expectConfigError(() => applyOverrides(llama70, { hidden: 1000, heads: 3 }), 'hidden');
  });

  it('clamps kvHeads to a divisor of heads; MHA stays MHA when heads change', () => {
    expect(applyOverrides(llama70, { kvHeads: 7 }).kvHeads).toBe(4);
    expect(applyOverrides(llama70, { heads: 48, hidden: 6144 }).kvHeads).toBe(8);
    expect(applyOverrides(llama70, { heads: 36, hidden: 8208 }).kvHeads).toBe(6);
    const gpt2 = architectureFromHfConfig(reference('openai-community/gpt2').config);
    expect(applyOverrides(gpt2, { heads: 16, hidden: 1024 }).kvHeads).toBe(16);
  });

  it('experts ≤ 1 makes a MoE dense; experts > 1 makes a dense model a Mixtral-style MoE', () => {
    const dense = applyOverrides(mixtral, { experts: 1 });
    expect(dense.moe).toBeNull();
    expect(countParameters(dense).active).toBe(countParameters(dense).total);
    const moe = applyOverrides(llama70, { experts: 8 });
    expect(moe.moe).toEqual({ experts: 8, expertsPerToken: 2, sharedExperts: 0, expertFfn: 28672, sharedExpertFfn: 0, moeLayers: 80 });
    const counted = countParameters(moe);
    expect(counted.active).toBeLessThan(counted.total);
    expect(applyOverrides(llama70, { experts: 4, expertsPerToken: 9 }).moe?.expertsPerToken).toBe(4);
    expect(applyOverrides(mixtral, { expertsPerToken: 20 }).moe?.expertsPerToken).toBe(8);
    // An ffn override widens Mixtral's experts (as wide as its ffn) but not DeepSeek's.
    expect(applyOverrides(mixtral, { ffn: 16384 }).moe?.expertFfn).toBe(16384);
    expect(applyOverrides(deepseek, { ffn: 20480 }).moe?.expertFfn).toBe(2048);
  });

  it('layers keep the dense prefix of DeepSeek and scale sliding layers', () => {
    expect(applyOverrides(deepseek, { layers: 30 }).moe?.moeLayers).toBe(27);
    expect(applyOverrides(gemma, { layers: 20 }).slidingWindowLayers).toBe(10);
    const mistral = architectureFromHfConfig(reference('mistralai/Mistral-7B-v0.1').config);
    expect(applyOverrides(mistral, { layers: 40 }).slidingWindowLayers).toBe(40);
  });

  it('recomputes shape-dependent extras (BERT heads) and learned position rows', () => {
    const bert = architectureFromHfConfig(reference('google-bert/bert-base-uncased').config);
    const bigger = applyOverrides(bert, { hidden: 1024, heads: 16, ffn: 4096, layers: 24 });
    // bert-large-uncased shapes: BertModel 335,141,888 + MLM head 1,082,170 + NSP 2,050 =
    // 336,226,108, the checkpoint count of google-bert/bert-large-uncased (public model tables).
    expect(countParameters(bigger).total).toBe(335_141_888 + 1_082_170 + 2_050);
    expect(countParameters(bigger).total).toBe(336_226_108);
    const gpt2 = architectureFromHfConfig(reference('openai-community/gpt2').config);
    expect(applyOverrides(gpt2, { contextLength: 2048 }).details.positionRows).toBe(2048);
  });

  it('rejects non-finite overrides with ConfigError', () => {
    expectConfigError(() => applyOverrides(llama70, { layers: Number.NaN }), 'layers');
    expectConfigError(() => applyOverrides(llama70, { vocab: 0 }), 'vocab');
  });
});

describe('architectureFromParams (the size slider shape rule)', () => {
  it('matches the documented examples: Llama-like widths and depths', () => {
    const sevenB = architectureFromParams(7e9);
    expect([sevenB.hidden, sevenB.headDim, sevenB.kvHeads]).toEqual([4096, 128, 8]);
    // Llama's 8/3 rule gives 11008 at hidden 4096 (Llama 2 7B); the rule moves it by a few steps
    // of 2 so that the total lands on the requested size.
    expect(sevenB.ffn % 2).toBe(0);
    expect(Math.abs(sevenB.ffn / 11008 - 1)).toBeLessThan(0.02);
    expect(architectureFromParams(1e6).vocab).toBeLessThan(32000);
    const trillion = architectureFromParams(1e12);
    expect(Math.abs(trillion.vocab - 32000)).toBeLessThanOrEqual(1.5 * trillion.layers);
    expect(architectureFromParams(1e11).contextLength).toBe(4096);
  });

  it('keeps a typed size: "100B" is 1e11 within ±hidden parameters, not 100.64B', () => {
    for (const params of [1e8, 7e9, 1e11, 1.2e12, 3e13]) {
      const architecture = architectureFromParams(params);
      expect(Math.abs(countParameters(architecture).total - params)).toBeLessThanOrEqual(architecture.hidden);
    }
  });

  it('clamps sizes outside [1e6, 0.99e15]', () => {
    expect(architectureFromParams(1)).toEqual(architectureFromParams(1e6));
    expect(architectureFromParams(1e18)).toEqual(architectureFromParams(0.99e15));
  });

  it('throws ConfigError for a non-finite or non-positive size', () => {
    expectConfigError(() => architectureFromParams(Number.NaN), 'params');
    expectConfigError(() => architectureFromParams(-1), 'params');
    expectConfigError(() => architectureFromParams(Infinity), 'params');
  });

  it('errors stay within ±3 % from 1e8 and ±10 % below on a fine log grid (measured: 1.7 % / 4.8 %)', () => {
    let worstLow = 0;
    let worstHigh = 0;
    for (let index = 0; index <= 20000; index += 1) {
      const params = 10 ** (6 + (9 * index) / 20000);
      const error = Math.abs(countParameters(architectureFromParams(params)).total / params - 1);
      if (params < 1e8) worstLow = Math.max(worstLow, error);
      else worstHigh = Math.max(worstHigh, error);
    }
    expect(worstHigh).toBeLessThan(0.017);
    expect(worstLow).toBeLessThan(0.05);
  });

  it('property: finite positive integers, valid, within tolerance, never above 1e15', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e6, max: 1e15, noNaN: true }), (params) => {
        const architecture = architectureFromParams(params);
        for (const value of [architecture.hidden, architecture.layers, architecture.heads, architecture.kvHeads, architecture.headDim, architecture.ffn, architecture.vocab]) {
          expect(Number.isSafeInteger(value) && value > 0).toBe(true);
        }
        expect(validateArchitecture(architecture)).toBe(architecture);
        const { total } = countParameters(architecture);
        expect(Number.isSafeInteger(total)).toBe(true);
        expect(total).toBeLessThanOrEqual(1e15);
        expect(Math.abs(total / params - 1)).toBeLessThan(params >= 1e8 ? 0.03 : 0.1);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: monotone non-decreasing in params', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e6, max: 1e15, noNaN: true }), fc.double({ min: 1e6, max: 1e15, noNaN: true }), (first, second) => {
        const [low, high] = first <= second ? [first, second] : [second, first];
        expect(countParameters(architectureFromParams(low)).total).toBeLessThanOrEqual(countParameters(architectureFromParams(high)).total);
      }),
      { numRuns: 2000 },
    );
    // Neighbours too: tiny steps across the whole range (one expect for all 50,001: an expect
    // per step cost more than the counting).
    const decreases: string[] = [];
    let previous = 0;
    for (let index = 0; index <= 50000; index += 1) {
      const params = 10 ** (6 + (9 * index) / 50000);
      const total = countParameters(architectureFromParams(params)).total;
      if (total < previous) decreases.push(`${params.toPrecision(6)}: ${total} < ${previous}`);
      previous = total;
    }
    expect(decreases).toEqual([]);
  });

  it('is deterministic and fast (well under 0.05 ms per call)', () => {
    expect(architectureFromParams(3.3e10)).toEqual(architectureFromParams(3.3e10));
    const started = performance.now();
    let sink = 0;
    for (let index = 0; index < 20000; index += 1) {
      sink += countParameters(architectureFromParams(10 ** (6 + (index % 900) / 100))).total;
    }
    const perCall = (performance.now() - started) / 20000;
    expect(sink).toBeGreaterThan(0);
    expect(perCall).toBeLessThan(0.05);
  });
});

describe('countParameters properties on random valid architectures', () => {
  const detailsArbitrary: fc.Arbitrary<ArchitectureDetails> = fc.record({
    gatedMlp: fc.boolean(),
    qkvBias: fc.boolean(),
    attentionOutputBias: fc.boolean(),
    mlpBias: fc.boolean(),
    norm: fc.constantFrom('layernorm' as const, 'rmsnorm' as const),
    normsPerLayer: fc.integer({ min: 0, max: 4 }),
    qkNorm: fc.boolean(),
    finalNorm: fc.boolean(),
    tiedEmbeddings: fc.boolean(),
    positionRows: fc.integer({ min: 0, max: 10000 }),
    embeddingNorm: fc.boolean(),
    routerBias: fc.boolean(),
    extraParams: fc.integer({ min: 0, max: 1e7 }),
  });

  const architectureArbitrary: fc.Arbitrary<Architecture> = fc
    .record({
      hidden: fc.integer({ min: 1, max: 32768 }),
      layers: fc.integer({ min: 1, max: 200 }),
      kvHeads: fc.integer({ min: 1, max: 16 }),
      groups: fc.integer({ min: 1, max: 16 }),
      headDim: fc.integer({ min: 1, max: 256 }),
      ffn: fc.integer({ min: 1, max: 100000 }),
      vocab: fc.integer({ min: 1, max: 300000 }),
      details: detailsArbitrary,
      moe: fc.option(
        fc.record({
          experts: fc.integer({ min: 2, max: 256 }),
          topK: fc.integer({ min: 1, max: 256 }),
          sharedExperts: fc.integer({ min: 0, max: 2 }),
          expertFfn: fc.integer({ min: 1, max: 20000 }),
          moeFraction: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        { nil: null },
      ),
      mla: fc.option(
        fc.record({
          qLoraRank: fc.option(fc.integer({ min: 1, max: 2048 }), { nil: null }),
          kvLoraRank: fc.integer({ min: 1, max: 1024 }),
          qkRopeHeadDim: fc.integer({ min: 1, max: 128 }),
          qkNopeHeadDim: fc.integer({ min: 0, max: 256 }),
          vHeadDim: fc.integer({ min: 1, max: 256 }),
        }),
        { nil: null },
      ),
    })
    .map(({ hidden, layers, kvHeads, groups, headDim, ffn, vocab, details, moe, mla }) => ({
      family: 'generic' as const,
      approximate: true,
      encoderOnly: false,
      hidden,
      layers,
      heads: kvHeads * groups,
      kvHeads,
      headDim,
      ffn,
      vocab,
      contextLength: 4096,
      slidingWindow: null,
      slidingWindowLayers: 0,
      moe: moe
        ? {
            experts: moe.experts,
            expertsPerToken: Math.min(moe.topK, moe.experts),
            sharedExperts: moe.sharedExperts,
            expertFfn: moe.expertFfn,
            sharedExpertFfn: moe.sharedExperts > 0 ? moe.expertFfn : 0,
            moeLayers: Math.round(moe.moeFraction * layers),
          }
        : null,
      mla,
      details,
    }));

  it('finite, non-negative, integral; total ≥ active; parts add up', () => {
    fc.assert(
      fc.property(architectureArbitrary, (architecture) => {
        const counted = countParameters(architecture);
        for (const value of Object.values(counted)) {
          expect(Number.isFinite(value) && value >= 0).toBe(true);
        }
        expect(Number.isSafeInteger(counted.total)).toBe(true);
        expect(counted.total).toBeGreaterThanOrEqual(counted.active);
        expect(counted.embedding + counted.outputHead + counted.attention + counted.mlp + counted.norms + counted.other).toBe(counted.total);
        // Dense: active is the total.
        expect(architecture.moe !== null || counted.active === counted.total).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('one more layer means more parameters', () => {
    fc.assert(
      fc.property(architectureArbitrary, (architecture) => {
        const deeper = { ...architecture, layers: architecture.layers + 1 };
        expect(countParameters(deeper).total).toBeGreaterThan(countParameters(architecture).total);
      }),
      { numRuns: 1000 },
    );
  });

  it('random real-looking configs never fail with anything but ConfigError', () => {
    const value = fc.oneof(
      fc.integer({ min: -10, max: 100000 }),
      fc.double(),
      fc.constantFrom(null, undefined, true, 'x', '4096', [], {}),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...SUPPORTED_FAMILIES, 'unknown_type'),
        fc.dictionary(
          fc.constantFrom(
            'hidden_size',
            'n_embd',
            'num_hidden_layers',
            'n_layer',
            'num_attention_heads',
            'n_head',
            'num_key_value_heads',
            'num_kv_heads',
            'intermediate_size',
            'ffn_dim',
            'vocab_size',
            'head_dim',
            'num_experts',
            'num_local_experts',
            'n_routed_experts',
            'num_experts_per_tok',
            'q_lora_rank',
            'kv_lora_rank',
            'max_position_embeddings',
            'sliding_window',
            'word_embed_proj_dim',
            'first_k_dense_replace',
          ),
          value,
        ),
        (modelType, fields) => {
          let outcome: unknown;
          try {
            outcome = countParameters(architectureFromHfConfig({ model_type: modelType, ...fields })).total;
          } catch (error) {
            outcome = error;
          }
          // A finite total within 1e15, or a ConfigError.
          const fine = typeof outcome === 'number' ? Number.isFinite(outcome) && outcome >= 0 && outcome <= 1e15 : outcome instanceof ConfigError;
          expect(fine, String(outcome)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
