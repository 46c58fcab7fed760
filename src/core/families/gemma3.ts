/**
 * Gemma 3 (transformers ≥ 4.50 `modeling_gemma3.py`).
 * - `gemma3_text` (Gemma3ForCausalLM; Gemma 3 1B, and the text part of the others): Gemma 2's
 *   layer (GeGLU, four RMSNorms per layer, tied embeddings) plus per-head q_norm / k_norm of
 *   head_dim. Sliding window on every layer except each sliding_window_pattern-th (default 6:
 *   layers 5, 11, 17, … are global), or as `layer_types` says. Gemma3TextConfig defaults:
 *   vocab 262208, hidden 2304, intermediate 9216, 26 layers, 8 heads, 4 KV heads, head_dim 256,
 *   sliding_window 4096, context 131072, tied.
 * - `gemma3` (Gemma3ForConditionalGeneration; Gemma 3 4B/12B/27B): that language model read from
 *   `text_config` (its class defaults fill what the file leaves out — the published 4B file names
 *   only hidden_size, intermediate_size, num_hidden_layers, rope_scaling and sliding_window), a
 *   SigLIP vision tower from `vision_config`, and Gemma3MultiModalProjector: a
 *   vision_hidden × hidden matrix and an RMSNorm of vision_hidden.
 */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import {
  countLayerTypes,
  countOrDefault,
  flag,
  has,
  nestedConfig,
  optionalCount,
  readDecoderCore,
  withinNested,
  type ConfigObject,
} from './config';
import { siglipVisionParams } from './vision';

/** Sliding layers of Gemma 3: `layer_types`, else all but every sliding_window_pattern-th layer. */
function gemma3SlidingLayers(config: ConfigObject, layers: number): number {
  const fromTypes = countLayerTypes(config, layers, 'sliding_attention');
  if (fromTypes !== null) return fromTypes;
  const pattern = countOrDefault(config, ['sliding_window_pattern', '_sliding_window_pattern'], 6);
  return layers - Math.floor(layers / pattern);
}

function readGemma3Text(config: ConfigObject, tiedDefault = true, vision?: ReturnType<typeof siglipVisionParams>): Architecture {
  const family = vision ? 'gemma3' : 'gemma3_text';
  // Gemma3TextConfig's defaults (the 2B-class shape) apply to every field the file leaves out.
  const withDefaults: ConfigObject = {
    vocab_size: 262208,
    hidden_size: 2304,
    intermediate_size: 9216,
    num_hidden_layers: 26,
    num_attention_heads: 8,
    ...config,
  };
  const core = readDecoderCore(withDefaults, family, 4, 256);
  const attentionBias = flag(config, ['attention_bias'], false);
  return build({
    family,
    ...core,
    ffn: countOrDefault(withDefaults, ['intermediate_size'], 9216),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 131072),
    slidingWindow: optionalCount(config, ['sliding_window'], 4096),
    slidingWindowLayers: gemma3SlidingLayers(config, core.layers),
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      normsPerLayer: 4,
      qkNorm: true,
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], tiedDefault),
      ...(vision ? { vision: { encoderParams: vision.params, projectorWidth: vision.width, projectorExtraParams: vision.width } } : {}),
    },
  });
}

function readGemma3(config: ConfigObject, modelType: string): Architecture {
  if (modelType === 'gemma3_text') return readGemma3Text(config);
  const text = nestedConfig(config, 'text_config') ?? {};
  const visionConfig = nestedConfig(config, 'vision_config') ?? {};
  const vision = withinNested('vision_config', () => siglipVisionParams(visionConfig));
  // The top-level tie_word_embeddings (Gemma3Config) wins over the text config's.
  const tied = has(config, 'tie_word_embeddings') ? flag(config, ['tie_word_embeddings'], true) : flag(text, ['tie_word_embeddings'], true);
  return withinNested('text_config', () => readGemma3Text({ ...text, tie_word_embeddings: tied }, tied, vision));
}

export const GEMMA3: FamilyReader = { modelTypes: ['gemma3', 'gemma3_text'], read: readGemma3 };
