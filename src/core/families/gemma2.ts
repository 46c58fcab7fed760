/**
 * Gemma (`gemma`, GemmaForCausalLM; Gemma 1 2B / 7B): Llama's layer with GeGLU, head_dim default
 * 256 and tied embeddings (GemmaConfig default true).
 * Gemma 2 (`gemma2`, Gemma2ForCausalLM): four RMSNorms per layer, GeGLU, tied, every other layer sliding.
 */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { countOrDefault, flag, optionalCount, readDecoderCore, requiredCount, slidingLayersFromTypes, type ConfigObject } from './config';

function readGemma2(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'gemma2', 4, 256);
  const attentionBias = flag(config, ['attention_bias'], false);
  const window = optionalCount(config, ['sliding_window'], 4096);
  // Gemma2Config.layer_types: layer i slides when (i + 1) % 2 == 1, i.e. layers 0, 2, 4, …
  const slidingLayers = slidingLayersFromTypes(config, core.layers) ?? Math.ceil(core.layers / 2);
  return build({
    family: 'gemma2',
    ...core,
    ffn: requiredCount(config, ['intermediate_size'], 'gemma2'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 8192),
    slidingWindow: window,
    slidingWindowLayers: slidingLayers,
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      normsPerLayer: 4,
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], true),
    },
  });
}

function readGemma(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'gemma', 16, 256);
  const attentionBias = flag(config, ['attention_bias'], false);
  return build({
    family: 'gemma',
    ...core,
    ffn: requiredCount(config, ['intermediate_size'], 'gemma'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 8192),
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], true),
    },
  });
}

export const GEMMA: FamilyReader = { modelTypes: ['gemma'], read: readGemma };
export const GEMMA2: FamilyReader = { modelTypes: ['gemma2'], read: readGemma2 };
