/**
 * OPT (`opt`, OPTForCausalLM): positions = max_position_embeddings + 2, project_in/out when
 * `word_embed_proj_dim` ≠ hidden, final LayerNorm only with `do_layer_norm_before` and not
 * `_remove_final_layer_norm`.
 */
import type { Architecture, ArchitectureDetails } from '../types';
import { build, type FamilyReader } from './build';
import { countOrDefault, derivedHeadDim, flag, requiredCount, type ConfigObject } from './config';

function readOpt(config: ConfigObject): Architecture {
  const hidden = requiredCount(config, ['hidden_size'], 'opt');
  const heads = requiredCount(config, ['num_attention_heads'], 'opt');
  const contextLength = countOrDefault(config, ['max_position_embeddings'], 2048);
  const bias = flag(config, ['enable_bias'], true);
  const affine = flag(config, ['layer_norm_elementwise_affine'], true);
  const finalNorm =
    affine && flag(config, ['do_layer_norm_before'], true) && !flag(config, ['_remove_final_layer_norm'], false);
  const embeddingWidth = countOrDefault(config, ['word_embed_proj_dim'], hidden);
  const details: Partial<ArchitectureDetails> = {
    gatedMlp: false,
    qkvBias: bias,
    attentionOutputBias: bias,
    mlpBias: bias,
    norm: 'layernorm',
    normsPerLayer: affine ? 2 : 0,
    finalNorm,
    tiedEmbeddings: flag(config, ['tie_word_embeddings'], true),
    // OPTLearnedPositionalEmbedding keeps an offset of 2 rows.
    positionRows: contextLength + 2,
  };
  if (embeddingWidth !== hidden) details.embeddingWidth = embeddingWidth;
  return build({
    family: 'opt',
    hidden,
    layers: requiredCount(config, ['num_hidden_layers'], 'opt'),
    heads,
    kvHeads: heads,
    headDim: derivedHeadDim('hidden_size', hidden, 'num_attention_heads', heads),
    ffn: requiredCount(config, ['ffn_dim'], 'opt'),
    vocab: requiredCount(config, ['vocab_size'], 'opt'),
    contextLength,
    details,
  });
}

export const OPT: FamilyReader = { modelTypes: ['opt'], read: readOpt };
