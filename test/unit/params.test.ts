/**
 * Config readers and parameter counts against published figures: the reference models, more real
 * configs and each family's defaults. Their rules (bad configs, overrides, the shape rule):
 * params-rules.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { SUPPORTED_FAMILIES, architectureFromHfConfig, countParameters, validateArchitecture } from '../../src/core/params';
import { REFERENCE_MODELS } from '../fixtures/reference-models';
import * as HF from '../fixtures/hf-configs';
import { count, reference, expectConfigError } from '../fixtures/params-helpers';

describe('architectureFromHfConfig + countParameters on the 17 reference models (models.json)', () => {
  for (const model of REFERENCE_MODELS) {
    describe(model.id, () => {
      const architecture = architectureFromHfConfig(model.config);
      const counted = countParameters(architecture);

      it(`total is exactly ${model.total} (${model.totalSource.slice(0, 60)}…)`, () => {
        expect(counted.total).toBe(model.total);
      });

      const publishedActive = model.active;
      if (publishedActive === null) {
        it('dense: active equals total, no routed experts', () => {
          expect(counted.active).toBe(counted.total);
          expect(counted.routedExperts).toBe(0);
        });
      } else {
        it(`MoE: active is exactly ${publishedActive}`, () => {
          expect(counted.active).toBe(publishedActive);
          expect(counted.routedExperts).toBeGreaterThan(counted.total - counted.active);
        });
      }

      it('breakdown: parts add up; embedding and output head match the reference breakdown', () => {
        const parts = counted.embedding + counted.outputHead + counted.attention + counted.mlp + counted.norms + counted.other;
        expect(parts).toBe(counted.total);
        expect(counted.nonEmbedding).toBe(counted.total - counted.embedding - counted.outputHead);
        const { embed, pos, token_type: tokenType, lm_head: lmHead, final_norm: finalNorm, emb_norm: embeddingNorm } = model.breakdown;
        expect(counted.embedding).toBe((embed ?? 0) + (pos ?? 0) + (tokenType ?? 0));
        // No lm_head in the reference (BERT): the MLM decoder is tied to the embedding.
        expect(counted.outputHead).toBe(lmHead ?? 0);
        expect(counted.norms).toBeGreaterThanOrEqual((finalNorm ?? 0) + (embeddingNorm ?? 0));
        // Everything else in the reference (layers, heads, pooler) is what remains.
        const outside = (embed ?? 0) + (pos ?? 0) + (tokenType ?? 0) + (lmHead ?? 0) + (finalNorm ?? 0) + (embeddingNorm ?? 0);
        expect(counted.total - outside).toBe(model.total - outside);
      });

      it('kvHeads / headDim / layers reproduce the reference KV bytes per token (fp16)', () => {
        const { mla } = architecture;
        const perToken = mla
          ? architecture.layers * (mla.kvLoraRank + mla.qkRopeHeadDim) * 2
          : 2 * architecture.layers * architecture.kvHeads * architecture.headDim * 2;
        expect(perToken).toBe(model.kvBytesPerTokenFp16);
      });

      it('is a valid architecture of a supported, non-approximate family', () => {
        expect(validateArchitecture(architecture)).toBe(architecture);
        expect(architecture.approximate).toBe(false);
        expect(SUPPORTED_FAMILIES as readonly string[]).toContain(architecture.family);
      });
    });
  }

  it('Pythia-1.4B non-embedding equals the README figure 1,208,602,624 (embed_in and embed_out excluded)', () => {
    const row = reference('EleutherAI/pythia-1.4b');
    expect(count(row.config).nonEmbedding).toBe(1_208_602_624);
  });

  it('Gemma-2-9B non-embedding equals Gemma 2 paper Table 2 (8,324,201,984)', () => {
    expect(count(reference('google/gemma-2-9b').config).nonEmbedding).toBe(8_324_201_984);
  });

  it('Qwen2.5-7B non-embedding 6,525,621,760 rounds to the model card 6.53B', () => {
    const nonEmbedding = count(reference('Qwen/Qwen2.5-7B').config).nonEmbedding;
    expect(nonEmbedding).toBe(6_525_621_760);
    expect(Math.round(nonEmbedding / 1e7) / 100).toBe(6.53);
  });

  it('DeepSeek-V3 leaves out the e_score_correction_bias buffer (58 × 256 = 14,848) and the MTP module', () => {
    const row = reference('deepseek-ai/DeepSeek-V3');
    const architecture = architectureFromHfConfig(row.config);
    expect(architecture.moe).toMatchObject({ experts: 256, expertsPerToken: 8, sharedExperts: 1, expertFfn: 2048, moeLayers: 58 });
    expect(architecture.mla).toEqual({ qLoraRank: 1536, kvLoraRank: 512, qkRopeHeadDim: 64, qkNopeHeadDim: 128, vHeadDim: 128 });
    expect(countParameters(architecture).total + (row.breakdown.router_bias_e_score_correction ?? NaN)).toBe(671_026_419_200);
  });

  it('BERT is the pre-training checkpoint: BertModel with pooler 109,482,240 + MLM 622,650 + NSP 1,538', () => {
    const row = reference('google-bert/bert-base-uncased');
    const counted = count(row.config);
    expect(counted.total).toBe(109_482_240 + 622_650 + 1_538);
    expect(architectureFromHfConfig(row.config).encoderOnly).toBe(true);
  });

  it('sliding windows: Mistral-7B-v0.1 4096 on all 32 layers, Gemma-2 on half, Qwen2.5 none', () => {
    const mistral = architectureFromHfConfig(reference('mistralai/Mistral-7B-v0.1').config);
    expect([mistral.slidingWindow, mistral.slidingWindowLayers]).toEqual([4096, 32]);
    const gemma = architectureFromHfConfig(reference('google/gemma-2-9b').config);
    expect([gemma.slidingWindow, gemma.slidingWindowLayers]).toEqual([4096, 21]);
    const qwen = architectureFromHfConfig(reference('Qwen/Qwen2.5-7B').config);
    expect([qwen.slidingWindow, qwen.slidingWindowLayers]).toEqual([null, 0]);
    const mixtral = architectureFromHfConfig(reference('mistralai/Mixtral-8x7B-v0.1').config);
    expect([mixtral.slidingWindow, mixtral.slidingWindowLayers]).toEqual([null, 0]);
  });

  it('context lengths: n_positions, max_position_embeddings, Falcon default 2048, BLOOM 2048', () => {
    expect(architectureFromHfConfig(reference('openai-community/gpt2').config).contextLength).toBe(1024);
    expect(architectureFromHfConfig(reference('meta-llama/Llama-3.1-405B').config).contextLength).toBe(131072);
    expect(architectureFromHfConfig(reference('tiiuae/falcon-40b').config).contextLength).toBe(2048);
    expect(architectureFromHfConfig(reference('bigscience/bloom').config).contextLength).toBe(2048);
    expect(architectureFromHfConfig(reference('google-bert/bert-base-uncased').config).contextLength).toBe(512);
  });
});

describe('more real configs, against independent published figures and hand counts', () => {
  it('Llama-3.2-1B (tied, explicit head_dim 64): 1,235,814,400 = HF safetensors count', () => {
    const { hidden, layers, vocab } = { hidden: 2048, layers: 16, vocab: 128256 };
    // q 2048×(32·64), k and v 2048×(8·64), o (32·64)×2048; SwiGLU 3 × 2048×8192; 2 RMSNorms.
    const layer = 2048 * 2048 + 2 * 2048 * 512 + 2048 * 2048 + 3 * 2048 * 8192 + 2 * 2048;
    const hand = vocab * hidden /* tied head */ + layers * layer + hidden /* final norm */;
    expect(hand).toBe(HF.LLAMA_3_2_1B.published?.total);
    expect(count(HF.LLAMA_3_2_1B.config).total).toBe(hand);
    expect(countParameters(architectureFromHfConfig(HF.LLAMA_3_2_1B.config)).outputHead).toBe(0);
  });

  it('Qwen3-8B (q_norm/k_norm, head_dim 128): 8,190,735,360 = HF API safetensors total; non-embedding 6.95B (card)', () => {
    const layer =
      4096 * (32 * 128) + 2 * 4096 * (8 * 128) + 32 * 128 * 4096 /* q, k, v, o, no bias */ +
      2 * 128 /* q_norm, k_norm */ +
      3 * 4096 * 12288 +
      2 * 4096;
    const hand = 2 * 151936 * 4096 + 36 * layer + 4096;
    expect(hand).toBe(HF.QWEN3_8B.published?.total);
    const counted = count(HF.QWEN3_8B.config);
    expect(counted.total).toBe(hand);
    expect(Math.round(counted.nonEmbedding / 1e7) / 100).toBe(6.95);
  });

  it('Qwen3-0.6B (tied): 596,049,920; non-embedding 0.44B (card)', () => {
    const layer = 1024 * 2048 + 2 * 1024 * 1024 + 2048 * 1024 + 2 * 128 + 3 * 1024 * 3072 + 2 * 1024;
    const hand = 151936 * 1024 + 28 * layer + 1024;
    expect(hand).toBe(HF.QWEN3_0_6B.published?.total);
    const counted = count(HF.QWEN3_0_6B.config);
    expect(counted.total).toBe(hand);
    expect(Math.round(counted.nonEmbedding / 1e7) / 100).toBe(0.44);
  });

  it('Qwen3-30B-A3B: 30,532,122,624 = GGUF parameter_count; active 3,353,032,704 (card: 3.3B)', () => {
    const expert = 3 * 2048 * 768;
    const layer =
      2048 * 4096 + 2 * 2048 * 512 + 4096 * 2048 + 2 * 128 /* attention + qk norms */ +
      2048 * 128 /* router */ +
      128 * expert +
      2 * 2048;
    const hand = 2 * 151936 * 2048 + 48 * layer + 2048;
    expect(hand).toBe(HF.QWEN3_30B_A3B.published?.total);
    const counted = count(HF.QWEN3_30B_A3B.config);
    expect(counted.total).toBe(hand);
    expect(counted.active).toBe(hand - 48 * (128 - 8) * expert);
    expect(counted.active).toBe(HF.QWEN3_30B_A3B.publishedActive?.active);
    // The card's "3.3B activated" truncates 3.353B.
    expect(Math.floor(counted.active / 1e8) / 10).toBe(3.3);
    expect(Math.round(counted.nonEmbedding / 1e8) / 10).toBe(29.9);
  });

  it('Phi-3-mini-4k (fused qkv / gate_up, no bias, sliding 2047): 3,821,079,552 = HF safetensors count', () => {
    const layer = 3072 * (3072 + 2 * 3072) + 3072 * 3072 + 3072 * 2 * 8192 + 8192 * 3072 + 2 * 3072;
    const hand = 2 * 32064 * 3072 + 32 * layer + 3072;
    expect(hand).toBe(HF.PHI_3_MINI_4K.published?.total);
    expect(count(HF.PHI_3_MINI_4K.config).total).toBe(hand);
    const architecture = architectureFromHfConfig(HF.PHI_3_MINI_4K.config);
    expect([architecture.slidingWindow, architecture.slidingWindowLayers]).toEqual([2047, 32]);
  });

  it('DeepSeek-V2-Lite (q_lora_rank null): 15,706,484,224 = published checkpoint count', () => {
    const attention =
      2048 * 16 * (128 + 64) /* q_proj */ +
      2048 * (512 + 64) /* kv_a_proj_with_mqa */ +
      512 /* kv_a_layernorm */ +
      512 * 16 * (128 + 128) /* kv_b_proj */ +
      16 * 128 * 2048; /* o_proj */
    const expert = 3 * 2048 * 1408;
    const moeMlp = 2048 * 64 /* gate */ + 64 * expert + 2 * expert /* 2 shared experts as one MLP of 2816 */;
    const hand = 2 * 102400 * 2048 + 27 * (attention + 2 * 2048) + 3 * 2048 * 10944 + 26 * moeMlp + 2048;
    expect(hand).toBe(HF.DEEPSEEK_V2_LITE.published?.total);
    const counted = count(HF.DEEPSEEK_V2_LITE.config);
    expect(counted.total).toBe(hand);
    expect(counted.active).toBe(hand - 26 * (64 - 6) * expert);
    const architecture = architectureFromHfConfig(HF.DEEPSEEK_V2_LITE.config);
    expect(architecture.mla?.qLoraRank).toBeNull();
    expect(architecture.moe).toMatchObject({ moeLayers: 26, sharedExperts: 2, sharedExpertFfn: 1408 });
  });

  it('DeepSeek-V2: 235,741,434,880 = published checkpoint count; ~21B activated (paper)', () => {
    const counted = count(HF.DEEPSEEK_V2.config);
    expect(counted.total).toBe(HF.DEEPSEEK_V2.published?.total);
    expect(Math.round(counted.active / 1e9)).toBe(21);
  });

  it('falcon-7b (multi-query, one LayerNorm, no bias): 6,921,720,704; the stored 7,217,189,760 adds a duplicated lm_head', () => {
    const layer = 4544 * (4544 + 2 * 64) /* fused qkv: 71 q heads + 1 k + 1 v */ + 4544 * 4544 + 2 * 4544 * 18176 + 2 * 4544;
    const hand = 65024 * 4544 + 32 * layer + 2 * 4544;
    expect(hand).toBe(6_921_720_704);
    expect(count(HF.FALCON_7B.config).total).toBe(hand);
    expect(hand + 65024 * 4544).toBe(HF.FALCON_7B.published?.total);
    const architecture = architectureFromHfConfig(HF.FALCON_7B.config);
    expect([architecture.kvHeads, architecture.details.normsPerLayer]).toEqual([1, 1]);
  });

  it('falcon-rw-1b (MHA, sequential, biases, ALiBi): 1,311,625,216 = KerasHub preset count', () => {
    const layer = 2048 * 6144 + 6144 + 2048 * 2048 + 2048 + 2048 * 8192 + 8192 + 8192 * 2048 + 2048 + 2 * 2 * 2048;
    const hand = 50304 * 2048 + 24 * layer + 2 * 2048;
    expect(hand).toBe(HF.FALCON_RW_1B.published?.total);
    expect(count(HF.FALCON_RW_1B.config).total).toBe(hand);
    expect(architectureFromHfConfig(HF.FALCON_RW_1B.config).details.normsPerLayer).toBe(2);
  });

  it('gemma-2-2b and gemma-2-27b: HF totals, and non-embedding equal to Gemma 2 paper Table 2', () => {
    const small = count(HF.GEMMA_2_2B.config);
    expect(small.total).toBe(HF.GEMMA_2_2B.published?.total);
    expect(small.nonEmbedding).toBe(2_024_517_888);
    const large = count(HF.GEMMA_2_27B.config);
    const layer = 4608 * 4096 + 2 * 4608 * 2048 + 4096 * 4608 + 3 * 4608 * 36864 + 4 * 4608;
    expect(large.total).toBe(256000 * 4608 + 46 * layer + 4608);
    expect(large.total).toBe(HF.GEMMA_2_27B.published?.total);
    expect(large.nonEmbedding).toBe(26_047_480_320);
    const architecture = architectureFromHfConfig(HF.GEMMA_2_27B.config);
    expect([architecture.headDim, architecture.slidingWindowLayers]).toEqual([128, 23]);
  });

  it('Qwen2.5-0.5B (tied, q/k/v bias): 494,032,768; non-embedding 0.36B (card)', () => {
    const layer = 896 * 896 + 896 + 2 * (896 * 128 + 128) + 896 * 896 + 3 * 896 * 4864 + 2 * 896;
    const hand = 151936 * 896 + 24 * layer + 896;
    expect(hand).toBe(HF.QWEN2_5_0_5B.published?.total);
    const counted = count(HF.QWEN2_5_0_5B.config);
    expect(counted.total).toBe(hand);
    expect(Math.round(counted.nonEmbedding / 1e7) / 100).toBe(0.36);
  });

  it('OPT-350m (word_embed_proj_dim 512, post-LN without final norm): 331,196,416', () => {
    const layer = 4 * (1024 * 1024 + 1024) + 1024 * 4096 + 4096 + 4096 * 1024 + 1024 + 2 * 2 * 1024;
    const hand = 50272 * 512 /* tied */ + 2050 * 1024 + 2 * 512 * 1024 /* project_in, project_out */ + 24 * layer;
    expect(hand).toBe(HF.OPT_350M.published?.total);
    const counted = count(HF.OPT_350M.config);
    expect(counted.total).toBe(hand);
    expect(counted.other).toBe(2 * 512 * 1024);
    expect(architectureFromHfConfig(HF.OPT_350M.config).details.finalNorm).toBe(false);
  });
});

describe('config defaults of each family', () => {
  const llamaCore = { hidden_size: 64, num_hidden_layers: 2, num_attention_heads: 4, intermediate_size: 128, vocab_size: 100 };

  it('gpt2: n_inner absent or null → 4·n_embd; tied by default', () => {
    const base = { model_type: 'gpt2', n_embd: 64, n_layer: 2, n_head: 4, vocab_size: 100 };
    const absent = architectureFromHfConfig(base);
    expect(absent.ffn).toBe(256);
    expect(architectureFromHfConfig({ ...base, n_inner: null }).ffn).toBe(256);
    expect(architectureFromHfConfig({ ...base, n_inner: 100 }).ffn).toBe(100);
    expect(absent.details.tiedEmbeddings).toBe(true);
    expect(absent.contextLength).toBe(1024);
  });

  it('llama: num_key_value_heads absent → heads; head_dim explicit wins; untied by default', () => {
    const plain = architectureFromHfConfig({ model_type: 'llama', ...llamaCore });
    expect([plain.kvHeads, plain.headDim, plain.details.tiedEmbeddings]).toEqual([4, 16, false]);
    const explicit = architectureFromHfConfig({ model_type: 'llama', ...llamaCore, head_dim: 32, num_key_value_heads: 2 });
    expect([explicit.kvHeads, explicit.headDim]).toEqual([2, 32]);
  });

  it('mistral: sliding_window absent → 4096 (MistralConfig), null → none', () => {
    const mistral = { model_type: 'mistral', ...llamaCore, num_key_value_heads: 2 };
    expect(architectureFromHfConfig(mistral).slidingWindow).toBe(4096);
    expect(architectureFromHfConfig({ ...mistral, sliding_window: null }).slidingWindow).toBeNull();
    // MistralConfig's num_key_value_heads default is 8, which must divide the heads.
    expectConfigError(() => architectureFromHfConfig({ model_type: 'mistral', ...llamaCore }), 'num_key_value_heads');
  });

  it('qwen2: use_sliding_window slides layers from max_window_layers on; q/k/v bias always', () => {
    const config = { model_type: 'qwen2', ...llamaCore, num_hidden_layers: 8, num_key_value_heads: 2, use_sliding_window: true, sliding_window: 512, max_window_layers: 6 };
    const architecture = architectureFromHfConfig(config);
    expect([architecture.slidingWindow, architecture.slidingWindowLayers]).toEqual([512, 2]);
    expect(architecture.details.qkvBias).toBe(true);
    expect(architecture.details.attentionOutputBias).toBe(false);
  });

  it('qwen3: head_dim absent → 128 (Qwen3Config), attention_bias absent → false', () => {
    const architecture = architectureFromHfConfig({ model_type: 'qwen3', ...llamaCore, num_key_value_heads: 2 });
    expect([architecture.headDim, architecture.details.qkvBias, architecture.details.qkNorm]).toEqual([128, false, true]);
  });

  it('qwen3_moe: decoder_sparse_step and mlp_only_layers choose the sparse layers', () => {
    const config = {
      model_type: 'qwen3_moe',
      ...llamaCore,
      num_hidden_layers: 12,
      num_key_value_heads: 2,
      head_dim: 16,
      num_experts: 8,
      num_experts_per_tok: 2,
      moe_intermediate_size: 32,
      decoder_sparse_step: 2,
      mlp_only_layers: [1, 2, 3, 3, 40],
    };
    // Sparse when (i + 1) % 2 == 0: i = 1, 3, 5, 7, 9, 11; minus 1 and 3 listed as dense → 4.
    expect(architectureFromHfConfig(config).moe?.moeLayers).toBe(4);
    const dense = architectureFromHfConfig({ ...config, num_experts: 0 });
    expect(dense.moe).toBeNull();
    const alias = architectureFromHfConfig({ ...config, num_experts: undefined, num_local_experts: 8 });
    expect(alias.moe?.experts).toBe(8);
  });

  it('gemma2: tied by default, head_dim default 256, layer_types list wins when present', () => {
    const architecture = architectureFromHfConfig({ model_type: 'gemma2', ...llamaCore, num_key_value_heads: 2, num_hidden_layers: 3 });
    expect([architecture.details.tiedEmbeddings, architecture.headDim, architecture.slidingWindowLayers]).toEqual([true, 256, 2]);
    const typed = architectureFromHfConfig({
      model_type: 'gemma2',
      ...llamaCore,
      num_hidden_layers: 3,
      layer_types: ['full_attention', 'sliding_attention', 'full_attention'],
    });
    expect(typed.slidingWindowLayers).toBe(1);
  });

  it('falcon: new_decoder_architecture with num_ln_in_parallel_attn 1 (Falcon2-11B style) has one norm', () => {
    const base = { model_type: 'falcon', hidden_size: 64, num_hidden_layers: 2, num_attention_heads: 8, num_kv_heads: 2, vocab_size: 100, new_decoder_architecture: true };
    expect(architectureFromHfConfig(base).details.normsPerLayer).toBe(2);
    expect(architectureFromHfConfig({ ...base, num_ln_in_parallel_attn: 1 }).details.normsPerLayer).toBe(1);
    expect(architectureFromHfConfig({ ...base, ffn_hidden_size: 100 }).ffn).toBe(100);
    expect(architectureFromHfConfig({ ...base, new_decoder_architecture: false, multi_query: false }).kvHeads).toBe(8);
  });

  it('deepseek_v3 reads its `head_dim` (the rope part in transformers 5 dumps) as nothing: MLA decides', () => {
    const config = { ...reference('deepseek-ai/DeepSeek-V3').config, head_dim: 64 };
    expect(count(config).total).toBe(671_026_404_352);
  });

  it('opt: layer_norm_elementwise_affine false drops every LayerNorm parameter', () => {
    const base = HF.OPT_350M.config;
    const plain = count(base);
    const noAffine = count({ ...base, layer_norm_elementwise_affine: false });
    expect(plain.total - noAffine.total).toBe(24 * 2 * 2 * 1024);
  });
});
