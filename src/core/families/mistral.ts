/**
 * Mistral (`mistral`, MistralForCausalLM): no biases; `sliding_window` (default 4096, null =
 * none) on every layer. Mixtral (`mixtral`, MixtralForCausalLM): every layer a sparse MoE of
 * num_local_experts SwiGLU experts as wide as intermediate_size; sliding_window when set.
 */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { checkTopK, countOrDefault, flag, optionalCount, readDecoderCore, requiredCount, type ConfigObject } from './config';

function readMistral(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'mistral', 8);
  return build({
    family: 'mistral',
    ...core,
    ffn: requiredCount(config, ['intermediate_size'], 'mistral'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 4096 * 32),
    slidingWindow: optionalCount(config, ['sliding_window'], 4096),
    details: { tiedEmbeddings: flag(config, ['tie_word_embeddings'], false) },
  });
}

function readMixtral(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'mixtral', 8);
  const ffn = requiredCount(config, ['intermediate_size'], 'mixtral');
  const experts = countOrDefault(config, ['num_local_experts'], 8);
  const expertsPerToken = countOrDefault(config, ['num_experts_per_tok'], 2);
  checkTopK(expertsPerToken, experts, 'num_experts_per_tok', 'num_local_experts');
  return build({
    family: 'mixtral',
    ...core,
    ffn,
    contextLength: countOrDefault(config, ['max_position_embeddings'], 4096 * 32),
    slidingWindow: optionalCount(config, ['sliding_window'], null),
    moe: { experts, expertsPerToken, sharedExperts: 0, expertFfn: ffn, sharedExpertFfn: 0, moeLayers: core.layers },
    details: { tiedEmbeddings: flag(config, ['tie_word_embeddings'], false) },
  });
}

export const MISTRAL: FamilyReader = { modelTypes: ['mistral'], read: readMistral };
export const MIXTRAL: FamilyReader = { modelTypes: ['mixtral'], read: readMixtral };
