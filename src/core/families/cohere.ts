/**
 * Cohere's Command models (transformers `modeling_cohere.py`, `modeling_cohere2.py`).
 * - `cohere` (CohereForCausalLM; Command R, Command R+, Aya Expanse): a parallel block — one
 *   bias-free LayerNorm (CohereLayerNorm, a weight only) feeds attention and MLP side by side;
 *   SwiGLU without biases; q/k/v/o biases only with attention_bias (default false); with
 *   use_qk_norm (Command R+) per-head LayerNorms whose weights span heads × head_dim and
 *   kv_heads × head_dim; final LayerNorm; embeddings tied (default true); logit_scale multiplies
 *   the logits and adds no parameter. Defaults: vocab 256000, hidden 8192, intermediate 22528,
 *   40 layers, 64 heads, KV heads = heads, context 8192.
 * - `cohere2` (Cohere2ForCausalLM; Command R7B, Command A): the same block without QK norm; sliding
 *   window (4096) on every layer except each sliding_window_pattern-th (default 4), or as
 *   `layer_types` says.
 */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { countLayerTypes, countOrDefault, flag, optionalCount, readDecoderCore, type ConfigObject } from './config';

const COHERE_DEFAULTS = { vocab_size: 256000, hidden_size: 8192, intermediate_size: 22528, num_hidden_layers: 40, num_attention_heads: 64 };

function readCohereFamily(config: ConfigObject, modelType: string): Architecture {
  const second = modelType === 'cohere2';
  const withDefaults: ConfigObject = { ...COHERE_DEFAULTS, ...config };
  const core = readDecoderCore(withDefaults, modelType, null);
  const attentionBias = flag(config, ['attention_bias'], false);
  let sliding: { slidingWindow: number | null; slidingWindowLayers: number } = { slidingWindow: null, slidingWindowLayers: 0 };
  if (second) {
    const window = optionalCount(config, ['sliding_window'], 4096);
    const fromTypes = countLayerTypes(config, core.layers, 'sliding_attention');
    const pattern = countOrDefault(config, ['sliding_window_pattern'], 4);
    sliding = { slidingWindow: window, slidingWindowLayers: fromTypes ?? core.layers - Math.floor(core.layers / pattern) };
  }
  return build({
    family: second ? 'cohere2' : 'cohere',
    ...core,
    ffn: countOrDefault(withDefaults, ['intermediate_size'], 22528),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 8192),
    ...sliding,
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      norm: 'layernorm-nobias',
      normsPerLayer: 1,
      qkNorm: !second && flag(config, ['use_qk_norm'], false),
      qkNormWidth: 'full',
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], true),
    },
  });
}

export const COHERE: FamilyReader = { modelTypes: ['cohere', 'cohere2'], read: readCohereFamily };
