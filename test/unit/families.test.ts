import { describe, expect, it } from 'vitest';
import { SUPPORTED_FAMILIES, applyOverrides, architectureFromHfConfig, countParameters, validateArchitecture } from '../../src/core/params';
import { ConfigError } from '../../src/core/errors';
import * as F from '../fixtures/hf-configs-2025';
import * as HF from '../fixtures/hf-configs';
import type { HfConfigFixture } from '../fixtures/hf-configs';
import type { RoundedFixture } from '../fixtures/hf-configs-2025';
import { REFERENCE_MODELS } from '../fixtures/reference-models';
import { getModelPreset } from '../../src/data/models';

function count(config: Record<string, unknown>) {
  return countParameters(architectureFromHfConfig(config));
}

/** A figure in billions rounded the way a card prints it. */
function billions(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round((value / 1e9) * scale) / scale;
}

const EXACT: readonly HfConfigFixture[] = [
  F.GEMMA_3_1B,
  F.GEMMA_3_4B,
  F.GEMMA_3_12B,
  F.GEMMA_3_27B,
  F.GEMMA_7B,
  F.GPT_OSS_20B,
  F.GPT_OSS_120B,
  F.QWEN1_5_MOE_A2_7B,
  F.LLAMA_4_SCOUT,
  F.LLAMA_4_MAVERICK,
  F.AYA_EXPANSE_8B,
  F.OLMO_2_7B,
  F.OLMO_2_13B,
  F.OLMO_2_32B,
  F.GRANITE_3_1_2B,
  F.PHI_3_MEDIUM_4K,
  F.QWEN3_32B_LAYER_TYPES,
];

const ROUNDED: readonly RoundedFixture[] = [F.COMMAND_R_PLUS, F.COMMAND_R7B, F.COMMAND_A, F.PHI_3_SMALL_8K, F.PHI_3_5_MOE];

describe('2024–2026 families: total equals the independent published count, exactly', () => {
  for (const fixture of EXACT) {
    it(`${fixture.id}: ${fixture.published?.total} (${fixture.published?.where.slice(0, 70)}…)`, () => {
      const architecture = architectureFromHfConfig(fixture.config);
      expect(countParameters(architecture).total).toBe(fixture.published?.total);
      expect(architecture.approximate).toBe(false);
      expect(architecture.approximateReasons).toBeUndefined();
      expect(SUPPORTED_FAMILIES as readonly string[]).toContain(fixture.config.model_type);
      expect(validateArchitecture(architecture)).toBe(architecture);
    });
  }

  for (const fixture of ROUNDED) {
    it(`${fixture.id}: rounds to the card's ${fixture.rounded.billions}B and is read exactly, not estimated`, () => {
      const architecture = architectureFromHfConfig(fixture.config);
      const counted = countParameters(architecture);
      expect(billions(counted.total, fixture.rounded.decimals)).toBe(fixture.rounded.billions);
      if (fixture.roundedActive) expect(billions(counted.active, fixture.roundedActive.decimals)).toBe(fixture.roundedActive.billions);
      expect(architecture.approximate).toBe(false);
    });
  }
});

describe('hand counts from the modeling files (for the rows whose published figure is rounded)', () => {
  it('Command R+ (cohere, per-head QK LayerNorms, one bias-free LayerNorm per layer, tied): 103,810,674,688', () => {
    const layer =
      2 * 12288 * 12288 /* q, o */ + 2 * 12288 * 8 * 128 /* k, v */ + (96 + 8) * 128 /* q_norm (96,128), k_norm (8,128) */ +
      3 * 12288 * 33792 /* SwiGLU */ + 12288; /* input_layernorm weight */
    const hand = 256000 * 12288 + 64 * layer + 12288;
    expect(hand).toBe(103_810_674_688);
    expect(count(F.COMMAND_R_PLUS.config).total).toBe(hand);
  });

  it('Command A (cohere2, no QK norm): 111,057,580,032; Command R7B has Aya Expanse 8B\'s shapes and its HF count', () => {
    const layer = 2 * 12288 * 12288 + 2 * 12288 * 1024 + 3 * 12288 * 36864 + 12288;
    expect(count(F.COMMAND_A.config).total).toBe(256000 * 12288 + 64 * layer + 12288);
    // Cohere2 builds the same tensors as Cohere without QK norm: R7B (cohere2) and Aya Expanse 8B
    // (cohere, use_qk_norm false) share every shape, so the HF safetensors count of the latter applies.
    expect(count(F.COMMAND_R7B.config).total).toBe(F.AYA_EXPANSE_8B.published?.total);
  });

  it('Phi-3.5-MoE (LayerNorm with bias, q/k/v/o bias, lm_head bias): 41,873,153,344; active 6,640,999,744', () => {
    const expert = 3 * 4096 * 6400;
    const attention = 2 * (4096 * 4096 + 4096) + 2 * (4096 * 1024 + 1024);
    const layer = attention + 4096 * 16 /* router */ + 16 * expert + 2 * 2 * 4096; /* two LayerNorms */
    const hand = 32064 * 4096 * 2 + 32064 /* lm_head bias */ + 32 * layer + 2 * 4096;
    const counted = count(F.PHI_3_5_MOE.config);
    expect(counted.total).toBe(hand);
    expect(counted.active).toBe(hand - 32 * 14 * expert);
  });

  it('Phi-3-small (biases everywhere, GEGELU up_proj 2·i, LayerNorms, tied): 7,392,272,384', () => {
    const layer =
      4096 * (32 + 2 * 8) * 128 + (32 + 2 * 8) * 128 /* query_key_value */ + 4096 * 4096 + 4096 /* dense */ +
      4096 * 2 * 14336 + 2 * 14336 /* up_proj */ + 14336 * 4096 + 4096 /* down_proj */ + 2 * 2 * 4096;
    expect(count(F.PHI_3_SMALL_8K.config).total).toBe(100352 * 4096 + 32 * layer + 2 * 4096);
  });
});

describe('what each new reader builds', () => {
  it('Gemma 3: q/k norms, four norms per layer, sliding on all but every 6th layer, SigLIP tower counted', () => {
    const small = architectureFromHfConfig(F.GEMMA_3_1B.config);
    expect([small.slidingWindow, small.slidingWindowLayers, small.details.tiedEmbeddings, small.details.qkNorm]).toEqual([512, 22, true, true]);
    const four = architectureFromHfConfig(F.GEMMA_3_4B.config);
    // The 4B file names neither heads nor head_dim: Gemma3TextConfig's 8 heads, 4 KV heads, 256 and vocab 262208 apply.
    expect([four.heads, four.kvHeads, four.headDim, four.vocab, four.slidingWindowLayers]).toEqual([8, 4, 256, 262208, 29]);
    // SigLIP so400m-style tower: 27 layers of width 1152, 4096 patches of 14 px, no pooling head: 416,866,032,
    // plus the projector 1152 × 2560 and its 1152-wide norm.
    const siglipLayer = 4 * (1152 * 1152 + 1152) + 4 * 1152 + 1152 * 4304 + 4304 + 4304 * 1152 + 1152;
    const siglip = 3 * 14 * 14 * 1152 + 1152 + 64 * 64 * 1152 + 27 * siglipLayer + 2 * 1152;
    expect(siglip).toBe(416_866_032);
    expect(countParameters(four).vision).toBe(siglip + 1152 * 2560 + 1152);
    expect(countParameters(four).total - countParameters(four).vision!).toBe(3_880_263_168);
  });

  it('gpt-oss-120b: the card\'s Table 1 split (MLP 114.71B, attention 0.96B, embed + unembed 1.16B) and active 5.13B', () => {
    const counted = count(F.GPT_OSS_120B.config);
    expect(billions(counted.mlp, 2)).toBe(114.71);
    expect(billions(counted.attention, 2)).toBe(0.96);
    expect(billions(counted.embedding + counted.outputHead, 2)).toBe(1.16);
    // The card's active figures leave out the input embedding (a lookup, not a matmul).
    expect(billions(counted.active - counted.embedding, 2)).toBe(5.13);
    const small = count(F.GPT_OSS_20B.config);
    expect(small.active - small.embedding).toBe(F.GPT_OSS_20B.publishedActive?.active);
    expect(billions(small.active - small.embedding, 2)).toBe(3.61);
    const architecture = architectureFromHfConfig(F.GPT_OSS_120B.config);
    expect([architecture.slidingWindow, architecture.slidingWindowLayers, architecture.details.attentionSinks]).toEqual([128, 18, true]);
  });

  it('Qwen1.5-MoE-A2.7B: shared expert behind a gate; 2.7B activated (card)', () => {
    const architecture = architectureFromHfConfig(F.QWEN1_5_MOE_A2_7B.config);
    expect(architecture.moe).toMatchObject({ experts: 60, expertsPerToken: 4, sharedExperts: 1, sharedExpertFfn: 5632, sharedExpertGate: true, moeLayers: 24 });
    expect(billions(countParameters(architecture).active, 1)).toBe(2.7);
  });

  it('Qwen3-Next-80B-A3B: 36 Gated DeltaNet + 12 gated-attention layers; class total + MTP layer = the checkpoint', () => {
    const architecture = architectureFromHfConfig(F.QWEN3_NEXT_80B_A3B.config);
    expect(architecture.linearAttention).toEqual({ layers: 36, keyHeads: 16, valueHeads: 32, keyHeadDim: 128, valueHeadDim: 128, convKernel: 4 });
    // Hand count from modeling_qwen3_next.py.
    const deltaNet = 2048 * (2 * 2048 + 2 * 4096) + 2048 * 64 + 8192 * 4 + 2 * 32 + 128 + 4096 * 2048;
    const gatedAttention = 2048 * 16 * 256 * 2 + 2 * 2048 * 2 * 256 + 16 * 256 * 2048 + 2 * 256;
    const moeBlock = 2048 * 512 + 512 * 3 * 2048 * 512 + 3 * 2048 * 512 + 2048;
    const hand = 2 * 151936 * 2048 + 36 * deltaNet + 12 * gatedAttention + 48 * (moeBlock + 2 * 2048) + 2048;
    const counted = countParameters(architecture);
    expect(counted.total).toBe(hand);
    expect(counted.mtp).toBe(0);
    // The published checkpoint stores one MTP layer (mtp.fc 2h→h, two pre-fc norms, a gated-attention
    // MoE layer, a norm), which Qwen3NextForCausalLM ignores on load.
    const withMtp = count({ ...F.QWEN3_NEXT_80B_A3B.config, mtp_num_hidden_layers: 1 });
    expect(withMtp.total).toBe(hand);
    expect(withMtp.total + (withMtp.mtp ?? NaN)).toBe(F.QWEN3_NEXT_80B_A3B.published?.total);
    // "A3B": 3.25B active outside the embedding and head.
    expect(Math.floor((counted.active - counted.embedding - counted.outputHead) / 1e9)).toBe(3);
  });

  it('Llama 4: MoE interleave, shared expert, chunked attention on RoPE layers; text 107.77B + vision for Scout; 17B active (card)', () => {
    const scout = architectureFromHfConfig(F.LLAMA_4_SCOUT.config);
    expect(scout.moe).toMatchObject({ experts: 16, expertsPerToken: 1, sharedExperts: 1, expertFfn: 8192, moeLayers: 48 });
    expect([scout.slidingWindow, scout.slidingWindowLayers]).toEqual([8192, 36]);
    const text = architectureFromHfConfig({ ...(F.LLAMA_4_SCOUT.config.text_config as Record<string, unknown>), model_type: 'llama4_text' });
    const textCount = countParameters(text);
    expect(textCount.total).toBe(107_769_861_120);
    expect(textCount.total + countParameters(scout).vision!).toBe(F.LLAMA_4_SCOUT.published?.total);
    expect(Math.round(textCount.active / 1e9)).toBe(17);
    const maverick = architectureFromHfConfig(F.LLAMA_4_MAVERICK.config);
    expect(maverick.moe).toMatchObject({ experts: 128, moeLayers: 24 });
    expect(maverick.ffn).toBe(16384);
    expect(Math.round(countParameters(maverick).active / 1e9)).toBe(18);
  });

  it('OLMo 2: q/k norms over the full width, two post-norms per layer', () => {
    const architecture = architectureFromHfConfig(F.OLMO_2_32B.config);
    const counted = countParameters(architecture);
    expect(counted.norms).toBe(64 * (2 * 5120 + (40 + 8) * 128) + 5120);
  });

  it('Granite: multipliers scale activations and never change the count', () => {
    const base = count(F.GRANITE_3_1_2B.config).total;
    const scaled = count({ ...F.GRANITE_3_1_2B.config, embedding_multiplier: 1, attention_multiplier: 1, residual_multiplier: 1, logits_scaling: 1 }).total;
    expect(scaled).toBe(base);
    expect(count({ ...F.GRANITE_3_1_2B.config, tie_word_embeddings: false }).total - base).toBe(49155 * 2048);
  });

  it('Gemma 7B: tied by default (GemmaConfig), exact 8,537,680,896 — not the +9.2 % an untied estimate gave', () => {
    const { tie_word_embeddings: _absent, ...config } = F.GEMMA_7B.config as Record<string, unknown> & { tie_word_embeddings?: boolean };
    expect(count(config).total).toBe(8_537_680_896);
    const untied = 8_537_680_896 + 256000 * 3072;
    expect(Math.round((untied / 8_537_680_896 - 1) * 1000) / 10).toBe(9.2);
  });
});

describe('DeepSeek-V3 multi-token prediction (num_nextn_predict_layers)', () => {
  const row = REFERENCE_MODELS.find((model) => model.id === 'deepseek-ai/DeepSeek-V3');
  if (!row) throw new Error('no DeepSeek-V3 reference row');

  it('total excludes the MTP module; mtp counts its projection, norms and MoE block', () => {
    const counted = count(row.config);
    expect(counted.total).toBe(671_026_404_352);
    const h = 7168;
    const mla = h * 1536 + 1536 + 1536 * 128 * 192 + h * 576 + 512 + 512 * 128 * 256 + 128 * 128 * h;
    const moe = h * 256 + 257 * 3 * h * 2048;
    expect(counted.mtp).toBe(2 * h * h /* eh_proj */ + 3 * h /* enorm, hnorm, shared_head.norm */ + mla + moe + 2 * h);
  });

  it('checkpoint reconstruction: + 59 bias buffers + MTP + its embedding and head copies + FP8 block scales = the HF safetensors count 684,531,386,000', () => {
    const counted = count(row.config);
    const [h, vocab, dense, expertFfn] = [7168, 129280, 18432, 2048];
    // One FP32 scale per 128 × 128 block of every FP8 matrix (attention, MLPs, experts; eh_proj,
    // embeddings, heads and routers stay BF16), as the checkpoint's weight_scale_inv tensors.
    const blocks = (rows: number, columns: number) => Math.ceil(rows / 128) * Math.ceil(columns / 128);
    const attention = blocks(1536, h) + blocks(128 * 192, 1536) + blocks(576, h) + blocks(128 * 256, 512) + blocks(h, 128 * 128);
    const expert = 2 * blocks(expertFfn, h) + blocks(h, expertFfn);
    const scales = 3 * (attention + 2 * blocks(dense, h) + blocks(h, dense)) + 59 * (attention + 257 * expert);
    const checkpoint = counted.total + 59 * 256 + (counted.mtp ?? NaN) + 2 * vocab * h + scales;
    // debaditc/kvfit build_registry.py: "exact params from HF safetensors" 684531386000 (DeepSeek-V3).
    expect(checkpoint).toBe(684_531_386_000);
  });
});

describe('the generic reader: approximate, says why, never ignores what the config says', () => {
  it('an unknown type is approximate with reasons; tie_word_embeddings is honoured', () => {
    const config = { ...F.OLMO_2_7B.config, model_type: 'my_decoder', tie_word_embeddings: true };
    const architecture = architectureFromHfConfig(config);
    expect(architecture.approximate).toBe(true);
    expect(architecture.approximateReasons).toEqual(['unknown-model-type']);
    expect(architecture.details.tiedEmbeddings).toBe(true);
    const { tie_word_embeddings: _dropped, ...withoutTie } = config;
    expect(architectureFromHfConfig(withoutTie).approximateReasons).toEqual(['unknown-model-type', 'tied-embeddings-assumed']);
    expect(architectureFromHfConfig({ ...withoutTie, model_type: undefined }).approximateReasons).toContain('no-model-type');
  });

  it('a Gemma-style unknown type ties by default, as GemmaConfig does', () => {
    const { tie_word_embeddings: _absent, ...gemma } = F.GEMMA_7B.config as Record<string, unknown> & { tie_word_embeddings?: boolean };
    const architecture = architectureFromHfConfig({ ...gemma, model_type: 'gemma_variant' });
    expect(architecture.details.tiedEmbeddings).toBe(true);
    expect(architecture.approximate).toBe(true);
    // GeGLU and SwiGLU have the same tensors: the estimate lands on the exact count.
    expect(countParameters(architecture).total).toBe(8_537_680_896);
  });

  it('shared experts are counted, and the estimate says how it read them', () => {
    const exact = count(F.QWEN1_5_MOE_A2_7B.config).total;
    const architecture = architectureFromHfConfig({ ...F.QWEN1_5_MOE_A2_7B.config, model_type: 'qwen_moe_fork' });
    expect(architecture.moe).toMatchObject({ sharedExperts: 1, sharedExpertFfn: 5632, moeLayers: 24 });
    expect(architecture.approximateReasons).toEqual(['unknown-model-type', 'moe-layout-assumed', 'shared-experts-assumed-plain']);
    // What it cannot know: the shared-expert gate (24 × 2048) and the q/k/v biases (24 × 3 × 2048).
    expect(exact - countParameters(architecture).total).toBe(24 * 2048 + 24 * 3 * 2048);
  });

  it('DeepSeek-style shared experts and a dense prefix', () => {
    const config = {
      model_type: 'deepseek_fork',
      hidden_size: 64,
      num_hidden_layers: 6,
      num_attention_heads: 4,
      intermediate_size: 256,
      moe_intermediate_size: 32,
      n_routed_experts: 8,
      n_shared_experts: 2,
      num_experts_per_tok: 2,
      first_k_dense_replace: 1,
      vocab_size: 100,
      tie_word_embeddings: false,
    };
    expect(architectureFromHfConfig(config).moe).toMatchObject({ experts: 8, moeLayers: 5, sharedExperts: 1, sharedExpertFfn: 64 });
  });

  it('layers it cannot build and towers it leaves out are said, not hidden', () => {
    const layerTypes = ['linear_attention', 'linear_attention', 'linear_attention', 'full_attention'];
    const hybrid = architectureFromHfConfig({ ...F.OLMO_2_7B.config, model_type: 'hybrid_x', num_hidden_layers: 4, layer_types: layerTypes });
    expect(hybrid.approximateReasons).toContain('extra-layers-ignored');
    const wrapped = architectureFromHfConfig({ model_type: 'vlm_x', text_config: F.OLMO_2_7B.config, vision_config: { hidden_size: 8 } });
    expect(wrapped.approximateReasons).toContain('extra-layers-ignored');
    expect(wrapped.hidden).toBe(4096);
  });

  it('without the decoder fields: a ConfigError naming the first missing field', () => {
    expect(() => architectureFromHfConfig({ model_type: 'mamba', d_model: 768 })).toThrow(ConfigError);
    expect(() => architectureFromHfConfig({ model_type: 'mamba', d_model: 768 })).toThrow(/hidden_size/);
  });
});

describe('bad configs of the new families throw ConfigError naming the field', () => {
  it('nested text_config / vision_config fields are named with their prefix', () => {
    const bad = { ...F.GEMMA_3_4B.config, text_config: { ...(F.GEMMA_3_4B.config.text_config as object), num_key_value_heads: 3 } };
    expect(() => architectureFromHfConfig(bad)).toThrow(/text_config\.num_key_value_heads \(3\) must divide/);
    const badVision = { ...F.LLAMA_4_SCOUT.config, vision_config: { patch_size: 0 } };
    expect(() => architectureFromHfConfig(badVision)).toThrow(/vision_config\.patch_size/);
    expect(() => architectureFromHfConfig({ model_type: 'gemma3', text_config: 'x' })).toThrow(/text_config must be an object/);
  });

  it('layer lists of the wrong length or kind', () => {
    expect(() => architectureFromHfConfig({ ...F.QWEN3_NEXT_80B_A3B.config, layer_types: ['full_attention'] })).toThrow(/layer_types has 1 entries/);
    const mixed = Array.from({ length: 48 }, (_, index) => (index % 4 === 3 ? 'full_attention' : 'mamba'));
    expect(() => architectureFromHfConfig({ ...F.QWEN3_NEXT_80B_A3B.config, layer_types: mixed })).toThrow(ConfigError);
    expect(() => architectureFromHfConfig({ ...F.LLAMA_4_SCOUT.config, text_config: { no_rope_layers: [1, 0] } })).toThrow(/no_rope_layers/);
  });

  it('top-k above the experts', () => {
    expect(() => architectureFromHfConfig({ ...F.GPT_OSS_20B.config, num_experts_per_tok: 33 })).toThrow(/num_experts_per_tok \(33\) must not exceed num_local_experts \(32\)/);
  });
});

describe('overrides keep the new structure', () => {
  it('Qwen3-Next keeps 3 linear layers in 4 when layers change; Gemma 3 keeps its vision tower', () => {
    const next = applyOverrides(architectureFromHfConfig(F.QWEN3_NEXT_80B_A3B.config), { layers: 24 });
    expect(next.linearAttention?.layers).toBe(18);
    const gemma = architectureFromHfConfig(F.GEMMA_3_4B.config);
    const wider = applyOverrides(gemma, { hidden: 3072 });
    // The projector follows hidden: 1152 × 3072 instead of 1152 × 2560.
    expect(countParameters(wider).vision! - countParameters(gemma).vision!).toBe(1152 * 512);
  });
});

describe('presets of the new families (src/data/models.ts) count as their published checkpoints', () => {
  const cases: ReadonlyArray<[string, number]> = [
    ['gemma-3-1b', 999_885_952],
    ['gemma-3-4b', 4_300_079_472],
    ['gemma-3-12b', 12_187_325_040],
    ['gemma-3-27b', 27_432_406_640],
    ['gemma-7b', 8_537_680_896],
    ['gpt-oss-20b', 20_914_757_184],
    ['gpt-oss-120b', 116_829_156_672],
    ['qwen1.5-moe-a2.7b', 14_315_784_192],
    ['llama-4-scout', 108_641_793_536],
    ['llama-4-maverick', 401_583_781_376],
    ['olmo-2-7b', 7_298_617_344],
    ['olmo-2-13b', 13_716_198_400],
    ['olmo-2-32b', 32_234_279_936],
    ['phi-3-medium-4k', 13_960_238_080],
  ];
  for (const [id, published] of cases) {
    it(`${id}: ${published}`, () => {
      const preset = getModelPreset(id);
      expect(preset?.config).toBeDefined();
      expect(count(preset?.config ?? {}).total).toBe(published);
    });
  }

  it('Qwen3-Next: the class total (checkpoint 81,324,862,720 minus its MTP layer); rounded cards for the rest', () => {
    expect(count(getModelPreset('qwen3-next-80b-a3b')?.config ?? {}).total).toBe(81_324_862_720 - 1_650_471_424);
    const rounded: ReadonlyArray<[string, number, number]> = [
      ['command-r-plus', 104, 0],
      ['command-r7b', 8.03, 2],
      ['command-a', 111, 0],
      ['granite-3.1-8b', 8.17, 2],
      ['phi-3-small-8k', 7.39, 2],
      ['phi-3.5-moe', 41.9, 1],
    ];
    for (const [id, value, decimals] of rounded) {
      expect(billions(count(getModelPreset(id)?.config ?? {}).total, decimals), id).toBe(value);
    }
  });
});

describe('Phi-3 with LongRoPE (mini-128k, Phi-3.5-mini)', () => {
  it('48-entry long/short factor lists add no parameters: 3,821,079,552, the HF count of Phi-3.5-mini-instruct', () => {
    // The factor values are placeholders (the shape of the published lists: head_dim / 2 = 48 each);
    // they scale rotary frequencies and never change a parameter count.
    const longRope = {
      ...HF.PHI_3_MINI_4K.config,
      max_position_embeddings: 131072,
      original_max_position_embeddings: 4096,
      rope_scaling: { type: 'longrope', long_factor: Array.from({ length: 48 }, () => 1.5), short_factor: Array.from({ length: 48 }, () => 1.0) },
      sliding_window: 262144,
    };
    const architecture = architectureFromHfConfig(longRope);
    // "microsoft/phi-3.5-mini-instruct": 3821079552 in a public benchmark's get_model_sizes() (HF safetensors metadata).
    expect(countParameters(architecture).total).toBe(3_821_079_552);
    expect(architecture.contextLength).toBe(131072);
  });
});
