/**
 * BERT (`bert`) as BertForPreTraining (what the original checkpoints store): BertModel with
 * pooler, MLM head (transform dense + LayerNorm + decoder bias; decoder weight tied to the word
 * embeddings) and NSP head. Absolute position and token-type tables. Relative position variants
 * (`position_embedding_type: relative_key…`) add per-layer distance tables not counted here.
 */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { countOrDefault, derivedHeadDim, requiredCount, type ConfigObject } from './config';

function readBert(config: ConfigObject): Architecture {
  const hidden = requiredCount(config, ['hidden_size'], 'bert');
  const heads = requiredCount(config, ['num_attention_heads'], 'bert');
  const contextLength = countOrDefault(config, ['max_position_embeddings'], 512);
  return build({
    family: 'bert',
    encoderOnly: true,
    hidden,
    layers: requiredCount(config, ['num_hidden_layers'], 'bert'),
    heads,
    kvHeads: heads,
    headDim: derivedHeadDim('hidden_size', hidden, 'num_attention_heads', heads),
    ffn: requiredCount(config, ['intermediate_size'], 'bert'),
    vocab: requiredCount(config, ['vocab_size'], 'bert'),
    contextLength,
    details: {
      gatedMlp: false,
      qkvBias: true,
      attentionOutputBias: true,
      mlpBias: true,
      norm: 'layernorm',
      finalNorm: false,
      tiedEmbeddings: true,
      positionRows: contextLength,
      tokenTypeRows: countOrDefault(config, ['type_vocab_size'], 2, 0),
      embeddingNorm: true,
    },
  });
}

export const BERT: FamilyReader = { modelTypes: ['bert'], read: readBert };
