/**
 * gpt-oss (`gpt_oss`, GptOssForCausalLM, transformers ≥ 4.55 `modeling_gpt_oss.py`; OpenAI's
 * gpt-oss-120b / -20b). Every layer: attention with q/k/v/o biases (attention_bias, default true),
 * head_dim 64, one learned sink logit per head (`sinks`); two RMSNorms; a sparse MoE of
 * num_local_experts SwiGLU experts (fused gate_up_proj with a bias of 2 × intermediate_size,
 * down_proj with a bias of hidden) behind a router Linear(hidden, experts) with bias, top
 * num_experts_per_tok (alias experts_per_token). Sliding window (128) on the layers `layer_types`
 * marks, by default every other layer from the first. Untied embeddings.
 * The checkpoints store the expert matrices in MXFP4 (4.25 bits per weight with the E8M0 block
 * scales); parameters are counted as elements whatever their storage format.
 * Defaults (GptOssConfig): 36 layers, 128 experts, top-4, vocab 201088, hidden 2880,
 * intermediate 2880, 64 heads, 8 KV heads, context 131072.
 */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { checkTopK, countOrDefault, flag, optionalCount, readDecoderCore, slidingLayersFromTypes, type ConfigObject } from './config';

function readGptOss(config: ConfigObject): Architecture {
  const withDefaults: ConfigObject = {
    vocab_size: 201088,
    hidden_size: 2880,
    num_hidden_layers: 36,
    num_attention_heads: 64,
    ...config,
  };
  const core = readDecoderCore(withDefaults, 'gpt_oss', 8, 64);
  const ffn = countOrDefault(config, ['intermediate_size'], 2880);
  const experts = countOrDefault(config, ['num_local_experts'], 128);
  const expertsPerToken = countOrDefault(config, ['num_experts_per_tok', 'experts_per_token'], 4);
  checkTopK(expertsPerToken, experts, 'num_experts_per_tok', 'num_local_experts');
  const attentionBias = flag(config, ['attention_bias'], true);
  return build({
    family: 'gpt_oss',
    ...core,
    ffn,
    contextLength: countOrDefault(config, ['max_position_embeddings'], 131072),
    slidingWindow: optionalCount(config, ['sliding_window'], 128),
    slidingWindowLayers: slidingLayersFromTypes(config, core.layers) ?? Math.ceil(core.layers / 2),
    moe: { experts, expertsPerToken, sharedExperts: 0, expertFfn: ffn, sharedExpertFfn: 0, moeLayers: core.layers },
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      mlpBias: true,
      routerBias: true,
      attentionSinks: true,
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

export const GPT_OSS: FamilyReader = { modelTypes: ['gpt_oss'], read: readGptOss };
