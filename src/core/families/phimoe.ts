/**
 * Phi-3.5-MoE (`phimoe`, PhimoeForCausalLM, transformers ≥ 4.46 `modeling_phimoe.py`): LayerNorms
 * with weight and bias (two per layer and a final one), q/k/v/o biases when attention_bias
 * (PhimoeConfig default false; the Phi-3.5-MoE file sets true), every layer a sparse MoE of
 * num_local_experts SwiGLU experts (w1, w2, w3 without bias) behind a router without bias,
 * an lm_head bias when lm_head_bias, untied. Defaults: vocab 32064, hidden 4096, intermediate
 * 6400, 32 layers, 32 heads, 8 KV heads, 16 experts, top-2, context 131072.
 */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { checkTopK, countOrDefault, flag, optionalCount, readDecoderCore, type ConfigObject } from './config';

function readPhimoe(config: ConfigObject): Architecture {
  const withDefaults: ConfigObject = {
    vocab_size: 32064,
    hidden_size: 4096,
    intermediate_size: 6400,
    num_hidden_layers: 32,
    num_attention_heads: 32,
    ...config,
  };
  const core = readDecoderCore(withDefaults, 'phimoe', 8);
  const ffn = countOrDefault(withDefaults, ['intermediate_size'], 6400);
  const experts = countOrDefault(config, ['num_local_experts'], 16);
  const expertsPerToken = countOrDefault(config, ['num_experts_per_tok'], 2);
  checkTopK(expertsPerToken, experts, 'num_experts_per_tok', 'num_local_experts');
  const attentionBias = flag(config, ['attention_bias'], false);
  return build({
    family: 'phimoe',
    ...core,
    ffn,
    contextLength: countOrDefault(config, ['max_position_embeddings'], 131072),
    slidingWindow: optionalCount(config, ['sliding_window'], null),
    moe: { experts, expertsPerToken, sharedExperts: 0, expertFfn: ffn, sharedExpertFfn: 0, moeLayers: core.layers },
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      norm: 'layernorm',
      outputBias: flag(config, ['lm_head_bias'], false),
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

export const PHIMOE: FamilyReader = { modelTypes: ['phimoe'], read: readPhimoe };
