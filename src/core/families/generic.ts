/**
 * The generic reader: a config whose model_type the explorer does not read exactly, but which has
 * the standard decoder fields (hidden_size, num_hidden_layers, num_attention_heads, vocab_size and
 * intermediate_size, or moe_intermediate_size for an all-MoE model — at the top level or in a
 * `text_config`). It is estimated as a Llama-style decoder (RMSNorm ×2, SwiGLU, RoPE) and marked
 * `approximate`, with the reasons in `approximateReasons`, never as exact. What it honours:
 * - head_dim, num_key_value_heads, attention_bias, mlp_bias, layer_types' sliding layers;
 * - tie_word_embeddings, and when absent the default of the family the model_type names (Gemma-
 *   and Cohere-style types tie, as GemmaConfig / CohereConfig do); otherwise untied, Llama's
 *   default, said in the reasons;
 * - experts (num_local_experts / num_experts / n_routed_experts, top-k num_experts_per_tok /
 *   moe_topk / experts_per_token), which layers are sparse (first_k_dense_replace,
 *   moe_layer_freq, decoder_sparse_step, mlp_only_layers, moe_layers, interleave_moe_layer_step),
 *   expert width moe_intermediate_size;
 * - shared experts: n_shared_experts × moe_intermediate_size (DeepSeek-style) or
 *   shared_expert_intermediate_size (Qwen-style), counted as plain SwiGLU MLPs.
 * Layers it cannot build (linear attention, state-space layers) and vision / audio towers are
 * left out and said so.
 */
import type { ApproximateReason, Architecture, MoeSpec } from '../types';
import { ConfigError } from '../errors';
import { build } from './build';
import {
  checkTopK,
  countOrDefault,
  flag,
  has,
  isObject,
  layerIndexSet,
  layerList,
  optionalCount,
  pick,
  readDecoderCore,
  requiredCount,
  type ConfigObject,
} from './config';

const REQUIRED_FIELDS = ['hidden_size', 'num_hidden_layers', 'num_attention_heads', 'vocab_size'];

/** model_type prefixes whose config classes tie the embeddings by default (GemmaConfig, CohereConfig, …). */
const TIED_BY_DEFAULT = ['gemma', 'recurrent_gemma', 'paligemma', 'cohere', 'aya', 'gpt2', 'gpt_bigcode', 'bloom', 'opt'];

/** Layer types the generic reader builds as softmax attention. */
const ATTENTION_TYPES = new Set(['full_attention', 'sliding_attention', 'chunked_attention', 'attention']);

function missingFields(config: ConfigObject): string[] {
  const missing = REQUIRED_FIELDS.filter((name) => config[name] === undefined || config[name] === null);
  const hasFfn = has(config, 'intermediate_size') || has(config, 'moe_intermediate_size');
  if (!hasFfn) missing.push('intermediate_size');
  return missing;
}

/** How many layers are MoE under the config's own layout fields (Qwen, DeepSeek, Llama 4 conventions). */
function sparseLayers(config: ConfigObject, layers: number): number {
  const explicit = layerIndexSet(config, 'moe_layers', layers);
  if (explicit) return explicit.size;
  const firstDense = Math.min(layers, countOrDefault(config, ['first_k_dense_replace'], 0, 0));
  const frequency = countOrDefault(config, ['moe_layer_freq', 'decoder_sparse_step', 'interleave_moe_layer_step'], 1);
  const dense = layerIndexSet(config, 'mlp_only_layers', layers) ?? new Set<number>();
  // A layer i ≥ firstDense is sparse when (i + 1) % frequency == 0 (Qwen's rule; 1 = every layer),
  // unless mlp_only_layers lists it. Counted without a loop over layers.
  let sparse = Math.floor(layers / frequency) - Math.floor(firstDense / frequency);
  for (const index of dense) if (index >= firstDense && (index + 1) % frequency === 0) sparse -= 1;
  return sparse;
}

function readMoe(config: ConfigObject, layers: number, ffn: number | null, reasons: ApproximateReason[]): MoeSpec | null {
  const expertsField = pick(config, ['num_local_experts', 'num_experts', 'n_routed_experts']).name;
  const experts = countOrDefault(config, ['num_local_experts', 'num_experts', 'n_routed_experts'], 0, 0);
  if (experts <= 1) return null;
  const moeLayers = sparseLayers(config, layers);
  if (moeLayers === 0) return null;
  const expertsPerToken = countOrDefault(config, ['num_experts_per_tok', 'moe_topk', 'experts_per_token'], 2);
  checkTopK(expertsPerToken, experts, 'num_experts_per_tok', expertsField);
  const expertFfn = optionalCount(config, ['moe_intermediate_size'], ffn) ?? ffn;
  if (expertFfn === null) throw new ConfigError('moe_intermediate_size is missing (the config has experts but no intermediate_size)', 'moe_intermediate_size');
  reasons.push('moe-layout-assumed');
  const moe: MoeSpec = { experts, expertsPerToken, sharedExperts: 0, expertFfn, sharedExpertFfn: 0, moeLayers };
  const sharedCount = countOrDefault(config, ['n_shared_experts', 'num_shared_experts'], 0, 0);
  const sharedWidth = countOrDefault(config, ['shared_expert_intermediate_size', 'shared_intermediate_size'], 0, 0);
  if (sharedCount > 0 || sharedWidth > 0) {
    moe.sharedExperts = 1;
    moe.sharedExpertFfn = sharedWidth > 0 ? sharedWidth * Math.max(1, sharedCount) : sharedCount * expertFfn;
    reasons.push('shared-experts-assumed-plain');
  }
  return moe;
}

/**
 * Reads an unknown model_type as a Llama-style decoder; `label` is the model_type as shown in
 * messages (already shortened), or '' when the config names none.
 */
export function readGeneric(config: ConfigObject, label: string): Architecture {
  const reasons: ApproximateReason[] = [label === '' ? 'no-model-type' : 'unknown-model-type'];
  let fields = config;
  const text = config.text_config;
  if (!has(config, 'hidden_size') && isObject(text) && has(text, 'hidden_size')) fields = text;
  const shown = label === '' ? '(none)' : label;
  const missing = missingFields(fields);
  if (missing.length > 0) {
    throw new ConfigError(
      `model_type "${shown}" is not one the explorer reads exactly and the config lacks ` +
        `${missing.join(', ')} needed to estimate it as a Llama-style decoder`,
      missing[0] ?? 'model_type',
    );
  }
  if (fields !== config || has(config, 'vision_config') || has(config, 'audio_config')) reasons.push('extra-layers-ignored');
  const core = readDecoderCore(fields, shown, null);
  const ffnGiven = optionalCount(fields, ['intermediate_size'], null);
  const moe = readMoe(fields, core.layers, ffnGiven, reasons);
  if (ffnGiven === null && (moe === null || moe.moeLayers < core.layers)) {
    requiredCount(fields, ['intermediate_size'], shown);
  }
  const types = layerList(fields, 'layer_types', core.layers);
  let slidingLayers = 0;
  if (types) {
    for (const entry of types) {
      if (entry === 'sliding_attention') slidingLayers += 1;
      if (typeof entry !== 'string' || !ATTENTION_TYPES.has(entry)) {
        reasons.push('extra-layers-ignored');
      }
    }
  }
  const tiedField = has(fields, 'tie_word_embeddings') ? fields : config;
  let tied: boolean;
  if (has(tiedField, 'tie_word_embeddings')) {
    tied = flag(tiedField, ['tie_word_embeddings'], false);
  } else {
    tied = TIED_BY_DEFAULT.some((prefix) => label.startsWith(prefix));
    if (!tied) reasons.push('tied-embeddings-assumed');
  }
  const attentionBias = flag(fields, ['attention_bias'], false);
  return build({
    family: 'generic',
    approximateReasons: reasons,
    ...core,
    ffn: ffnGiven ?? moe?.expertFfn ?? 1,
    contextLength: countOrDefault(fields, ['max_position_embeddings'], 2048),
    slidingWindow: slidingLayers > 0 ? optionalCount(fields, ['sliding_window'], null) : null,
    slidingWindowLayers: slidingLayers,
    moe,
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      mlpBias: flag(fields, ['mlp_bias'], false),
      tiedEmbeddings: tied,
    },
  });
}
