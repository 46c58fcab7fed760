/**
 * DeepSeek-V2 / V3 (`deepseek_v2`, `deepseek_v3`): multi-head latent attention and DeepSeekMoE.
 * Layer i is MoE when n_routed_experts is set, i ≥ first_k_dense_replace and i % moe_layer_freq
 * == 0 (the checkpoints' modeling_deepseek.py; transformers' own class ignores moe_layer_freq,
 * which is 1 in every released config). The shared experts form one MLP of
 * moe_intermediate_size × n_shared_experts. V3's e_score_correction_bias is a buffer and is not
 * counted. V3's multi-token-prediction module (num_nextn_predict_layers; DeepSeek-V3 report
 * §2.2: RMSNorms on the hidden state and the next token's embedding, a 2h → h projection, one
 * MoE transformer block, an RMSNorm before the output head it shares with the model) is not part
 * of DeepseekV3ForCausalLM: it is counted in `mtp`, never in `total`.
 */
import type { Architecture, MlaSpec, MoeSpec } from '../types';
import { ConfigError } from '../errors';
import { build, type FamilyReader } from './build';
import { checkKvHeads, checkTopK, countOrDefault, flag, optionalCount, requiredCount, type ConfigObject } from './config';

function readDeepseek(config: ConfigObject, modelType: string): Architecture {
  const family = modelType === 'deepseek_v3' ? 'deepseek_v3' : 'deepseek_v2';
  const v3 = family === 'deepseek_v3';
  const hidden = requiredCount(config, ['hidden_size'], family);
  const layers = requiredCount(config, ['num_hidden_layers'], family);
  const heads = requiredCount(config, ['num_attention_heads'], family);
  const kvConfigured = countOrDefault(config, ['num_key_value_heads'], heads);
  checkKvHeads('num_key_value_heads', kvConfigured, 'num_attention_heads', heads);
  const mla: MlaSpec = {
    qLoraRank: optionalCount(config, ['q_lora_rank'], 1536),
    kvLoraRank: countOrDefault(config, ['kv_lora_rank'], 512),
    qkRopeHeadDim: countOrDefault(config, ['qk_rope_head_dim'], 64),
    qkNopeHeadDim: countOrDefault(config, ['qk_nope_head_dim'], 128),
    vHeadDim: countOrDefault(config, ['v_head_dim'], 128),
  };
  const routed = optionalCount(config, ['n_routed_experts'], v3 ? 256 : 64, 0);
  const firstDense = countOrDefault(config, ['first_k_dense_replace'], v3 ? 3 : 0, 0);
  const frequency = countOrDefault(config, ['moe_layer_freq'], 1);
  let moeLayers = 0;
  if (routed !== null && routed > 0 && firstDense < layers) {
    // Count i in [firstDense, layers) with i % frequency == 0.
    moeLayers = Math.floor((layers - 1) / frequency) - Math.ceil(firstDense / frequency) + 1;
  }
  let moe: MoeSpec | null = null;
  if (moeLayers > 0 && routed !== null) {
    const topK = optionalCount(config, ['num_experts_per_tok'], v3 ? 8 : null);
    if (topK === null) throw new ConfigError('num_experts_per_tok is missing (n_routed_experts is set)', 'num_experts_per_tok');
    checkTopK(topK, routed, 'num_experts_per_tok', 'n_routed_experts');
    const expertFfn = countOrDefault(config, ['moe_intermediate_size'], v3 ? 2048 : 1407);
    const shared = optionalCount(config, ['n_shared_experts'], v3 ? 1 : 2, 0) ?? 0;
    moe = {
      experts: routed,
      expertsPerToken: topK,
      sharedExperts: shared,
      expertFfn,
      sharedExpertFfn: shared > 0 ? expertFfn : 0,
      moeLayers,
    };
  }
  const attentionBias = flag(config, ['attention_bias'], false);
  return build({
    family,
    hidden,
    layers,
    heads,
    // The latent cache replaces per-head K/V; kvHeads keeps the config's (formal) value.
    kvHeads: kvConfigured,
    // Query/key head width (nope + rope); the config's own `head_dim` (if any) is the rope part.
    headDim: mla.qkNopeHeadDim + mla.qkRopeHeadDim,
    ffn: moeLayers < layers ? requiredCount(config, ['intermediate_size'], family) : countOrDefault(config, ['intermediate_size'], v3 ? 18432 : 11008),
    vocab: requiredCount(config, ['vocab_size'], family),
    contextLength: countOrDefault(config, ['max_position_embeddings'], v3 ? 4096 : 2048),
    mla,
    moe,
    mtpLayers: countOrDefault(config, ['num_nextn_predict_layers'], 0, 0),
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      mlpBias: flag(config, ['mlp_bias'], false),
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

export const DEEPSEEK: FamilyReader = { modelTypes: ['deepseek_v2', 'deepseek_v3'], read: readDeepseek };
