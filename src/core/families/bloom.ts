/** BLOOM (`bloom`, BloomForCausalLM): ALiBi, word_embeddings_layernorm, 4h GELU MLP, biases, tied. */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { derivedHeadDim, flag, requiredCount, type ConfigObject } from './config';

function readBloom(config: ConfigObject): Architecture {
  const hidden = requiredCount(config, ['hidden_size', 'n_embed'], 'bloom');
  const heads = requiredCount(config, ['n_head', 'num_attention_heads'], 'bloom');
  return build({
    family: 'bloom',
    hidden,
    layers: requiredCount(config, ['n_layer', 'num_hidden_layers'], 'bloom'),
    heads,
    kvHeads: heads,
    headDim: derivedHeadDim('hidden_size', hidden, 'n_head', heads),
    // BloomMLP is always hidden → 4·hidden → hidden; `n_inner` in BLOOM configs is ignored.
    ffn: 4 * hidden,
    vocab: requiredCount(config, ['vocab_size'], 'bloom'),
    // BloomConfig has no context field (ALiBi); BLOOM was trained on 2048-token sequences.
    contextLength: 2048,
    details: {
      gatedMlp: false,
      qkvBias: true,
      attentionOutputBias: true,
      mlpBias: true,
      norm: 'layernorm',
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], true),
      embeddingNorm: true,
    },
  });
}

export const BLOOM: FamilyReader = { modelTypes: ['bloom'], read: readBloom };
