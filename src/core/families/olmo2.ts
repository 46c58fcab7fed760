/**
 * OLMo 2 (`olmo2`, Olmo2ForCausalLM, transformers ≥ 4.47 `modeling_olmo2.py`): Llama's
 * projections without biases (attention_bias default false), RMSNorm on q and k over their full
 * width (q_norm of heads·head_dim, k_norm of kv_heads·head_dim), norms after attention and after
 * the MLP instead of before (post_attention_layernorm, post_feedforward_layernorm: two per layer),
 * final norm, untied by default.
 */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { countOrDefault, flag, readDecoderCore, requiredCount, type ConfigObject } from './config';

function readOlmo2(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'olmo2', null);
  const attentionBias = flag(config, ['attention_bias'], false);
  return build({
    family: 'olmo2',
    ...core,
    ffn: requiredCount(config, ['intermediate_size'], 'olmo2'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 2048),
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      qkNorm: true,
      qkNormWidth: 'full',
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

export const OLMO2: FamilyReader = { modelTypes: ['olmo2'], read: readOlmo2 };
