/** Llama (`llama`, LlamaForCausalLM): attention_bias, mlp_bias, optional head_dim, untied by default. */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { countOrDefault, flag, readDecoderCore, requiredCount, type ConfigObject } from './config';

function readLlama(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'llama', null);
  const attentionBias = flag(config, ['attention_bias'], false);
  return build({
    family: 'llama',
    ...core,
    ffn: requiredCount(config, ['intermediate_size'], 'llama'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 2048),
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      mlpBias: flag(config, ['mlp_bias'], false),
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

export const LLAMA: FamilyReader = { modelTypes: ['llama'], read: readLlama };
