/**
 * Granite 3.x (`granite`, GraniteForCausalLM, `modeling_granite.py`): Llama's layer (attention_bias
 * and mlp_bias, default false); embedding_multiplier, attention_multiplier, residual_multiplier
 * and logits_scaling scale activations and add no parameters. GraniteConfig unties by default;
 * the released Granite 3.x files set tie_word_embeddings true.
 */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { countOrDefault, flag, readDecoderCore, requiredCount, type ConfigObject } from './config';

function readGranite(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'granite', null);
  const attentionBias = flag(config, ['attention_bias'], false);
  return build({
    family: 'granite',
    ...core,
    ffn: requiredCount(config, ['intermediate_size'], 'granite'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 2048),
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      mlpBias: flag(config, ['mlp_bias'], false),
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

export const GRANITE: FamilyReader = { modelTypes: ['granite'], read: readGranite };
