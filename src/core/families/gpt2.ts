/** GPT-2 (`gpt2`, GPT2LMHeadModel): Conv1D with biases, LayerNorm, learned positions, tied head. */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { countOrDefault, derivedHeadDim, flag, requiredCount, type ConfigObject } from './config';

function readGpt2(config: ConfigObject): Architecture {
  const hidden = requiredCount(config, ['n_embd', 'hidden_size'], 'gpt2');
  const layers = requiredCount(config, ['n_layer', 'num_hidden_layers'], 'gpt2');
  const heads = requiredCount(config, ['n_head', 'num_attention_heads'], 'gpt2');
  const vocab = requiredCount(config, ['vocab_size'], 'gpt2');
  const positions = countOrDefault(config, ['n_positions', 'max_position_embeddings'], 1024);
  return build({
    family: 'gpt2',
    hidden,
    layers,
    heads,
    kvHeads: heads,
    headDim: derivedHeadDim('n_embd', hidden, 'n_head', heads),
    // GPT2MLP: inner_dim = n_inner if n_inner is not None else 4 * hidden_size.
    ffn: countOrDefault(config, ['n_inner'], 4 * hidden),
    vocab,
    contextLength: positions,
    details: {
      gatedMlp: false,
      qkvBias: true,
      attentionOutputBias: true,
      mlpBias: true,
      norm: 'layernorm',
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], true),
      positionRows: positions,
    },
  });
}

export const GPT2: FamilyReader = { modelTypes: ['gpt2'], read: readGpt2 };
