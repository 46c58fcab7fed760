/**
 * Qwen2 (`qwen2`, Qwen2ForCausalLM): bias on q, k, v (always), none on o. Qwen3 (`qwen3`,
 * Qwen3ForCausalLM): per-head q_norm / k_norm, head_dim default 128, attention_bias default
 * false. Both slide only with `use_sliding_window` (layers from `max_window_layers` on) or where
 * an explicit `layer_types` list says so.
 */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { countOrDefault, flag, optionalCount, readDecoderCore, requiredCount, slidingLayersFromTypes, type ConfigObject } from './config';

/** Qwen-style sliding window: `use_sliding_window` and layers from `max_window_layers` on, or `layer_types`. */
export function qwenSliding(config: ConfigObject, layers: number): { slidingWindow: number | null; slidingWindowLayers: number } {
  const window = optionalCount(config, ['sliding_window'], 4096);
  const fromTypes = slidingLayersFromTypes(config, layers);
  if (fromTypes !== null) return { slidingWindow: window, slidingWindowLayers: window ? fromTypes : 0 };
  if (!flag(config, ['use_sliding_window'], false) || window === null) return { slidingWindow: null, slidingWindowLayers: 0 };
  const fullLayers = countOrDefault(config, ['max_window_layers'], 28, 0);
  return { slidingWindow: window, slidingWindowLayers: Math.max(0, layers - fullLayers) };
}

function readQwen2(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'qwen2', 32);
  return build({
    family: 'qwen2',
    ...core,
    ffn: requiredCount(config, ['intermediate_size'], 'qwen2'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 32768),
    ...qwenSliding(config, core.layers),
    details: { qkvBias: true, tiedEmbeddings: flag(config, ['tie_word_embeddings'], false) },
  });
}

function readQwen3(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'qwen3', 32, 128);
  const attentionBias = flag(config, ['attention_bias'], false);
  return build({
    family: 'qwen3',
    ...core,
    ffn: requiredCount(config, ['intermediate_size'], 'qwen3'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 32768),
    ...qwenSliding(config, core.layers),
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      qkNorm: true,
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

export const QWEN2: FamilyReader = { modelTypes: ['qwen2'], read: readQwen2 };
export const QWEN3: FamilyReader = { modelTypes: ['qwen3'], read: readQwen3 };
