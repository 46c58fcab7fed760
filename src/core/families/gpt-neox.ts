/** GPT-NeoX (`gpt_neox`, GPTNeoXForCausalLM): fused qkv, LayerNorm ×2, rotary, untied embed_out. */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { countOrDefault, derivedHeadDim, flag, requiredCount, type ConfigObject } from './config';

function readGptNeox(config: ConfigObject): Architecture {
  const hidden = requiredCount(config, ['hidden_size'], 'gpt_neox');
  const heads = requiredCount(config, ['num_attention_heads'], 'gpt_neox');
  const attentionBias = flag(config, ['attention_bias'], true);
  return build({
    family: 'gpt_neox',
    hidden,
    layers: requiredCount(config, ['num_hidden_layers'], 'gpt_neox'),
    heads,
    kvHeads: heads,
    headDim: derivedHeadDim('hidden_size', hidden, 'num_attention_heads', heads),
    ffn: requiredCount(config, ['intermediate_size'], 'gpt_neox'),
    vocab: requiredCount(config, ['vocab_size'], 'gpt_neox'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 2048),
    details: {
      gatedMlp: false,
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      mlpBias: true,
      norm: 'layernorm',
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

export const GPT_NEOX: FamilyReader = { modelTypes: ['gpt_neox'], read: readGptNeox };
