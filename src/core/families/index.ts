/**
 * `config.json` → {@link Architecture}: the registry of family readers and the dispatcher.
 * One file per family under `core/families/`, each following its transformers config class
 * (field names, aliases, defaults) and model class (what it builds).
 */
import { ConfigError } from '../errors';
import type { Architecture } from '../types';
import type { FamilyReader } from './build';
import { describe, isObject } from './config';
import { BERT } from './bert';
import { BLOOM } from './bloom';
import { COHERE } from './cohere';
import { DEEPSEEK } from './deepseek';
import { FALCON } from './falcon';
import { GEMMA, GEMMA2 } from './gemma2';
import { GEMMA3 } from './gemma3';
import { readGeneric } from './generic';
import { GPT2 } from './gpt2';
import { GPT_NEOX } from './gpt-neox';
import { GPT_OSS } from './gpt-oss';
import { GRANITE } from './granite';
import { LLAMA } from './llama';
import { LLAMA4 } from './llama4';
import { MISTRAL, MIXTRAL } from './mistral';
import { OLMO2 } from './olmo2';
import { OPT } from './opt';
import { PHI3, PHI3_SMALL } from './phi3';
import { PHIMOE } from './phimoe';
import { QWEN2, QWEN3 } from './qwen';
import { QWEN2_MOE, QWEN3_MOE } from './qwen-moe';
import { QWEN3_NEXT } from './qwen3-next';

/**
 * The `model_type`s {@link architectureFromHfConfig} reads exactly (anything else is estimated).
 * The first sixteen are the contract's; the rest are the 2024–2026 families.
 */
export const SUPPORTED_FAMILIES = [
  'gpt2',
  'gpt_neox',
  'opt',
  'bloom',
  'falcon',
  'llama',
  'mistral',
  'mixtral',
  'qwen2',
  'qwen3',
  'qwen3_moe',
  'gemma2',
  'phi3',
  'deepseek_v2',
  'deepseek_v3',
  'bert',
  'gemma',
  'gemma3',
  'gemma3_text',
  'gpt_oss',
  'qwen2_moe',
  'qwen3_next',
  'llama4',
  'llama4_text',
  'cohere',
  'cohere2',
  'olmo2',
  'granite',
  'phi3small',
  'phimoe',
] as const;

const READERS: readonly FamilyReader[] = [
  GPT2,
  GPT_NEOX,
  OPT,
  BLOOM,
  FALCON,
  LLAMA,
  MISTRAL,
  MIXTRAL,
  QWEN2,
  QWEN3,
  QWEN3_MOE,
  GEMMA2,
  PHI3,
  DEEPSEEK,
  BERT,
  GEMMA,
  GEMMA3,
  GPT_OSS,
  QWEN2_MOE,
  QWEN3_NEXT,
  LLAMA4,
  COHERE,
  OLMO2,
  GRANITE,
  PHI3_SMALL,
  PHIMOE,
];

const READER_BY_TYPE: ReadonlyMap<string, FamilyReader> = new Map(
  READERS.flatMap((reader) => reader.modelTypes.map((type) => [type, reader] as const)),
);

/**
 * Reads a Hugging Face `config.json` (the parsed JSON, exactly as published) into an
 * {@link Architecture} whose `countParameters` total equals the parameter count of the family's
 * `transformers` model class.
 *
 * Each family is read the way its config class and modeling file do (transformers 4.4x–5.x,
 * `models/<family>/configuration_<family>.py` and `modeling_<family>.py`), with the class defaults
 * for absent fields; see the family's file in `core/families/` for what it builds: gpt2, gpt_neox,
 * opt, bloom, falcon (and the custom-code `RefinedWebModel` / `RefinedWeb`), llama, mistral,
 * mixtral, qwen2, qwen3, qwen3_moe, qwen2_moe, qwen3_next, gemma, gemma2, gemma3 / gemma3_text,
 * phi3, phi3small, phimoe, deepseek_v2, deepseek_v3 (without its MTP module, counted apart), bert
 * (BertForPreTraining), gpt_oss, llama4 / llama4_text, cohere, cohere2, olmo2, granite. Multimodal
 * checkpoints (gemma3, llama4) count their vision tower as the checkpoint does.
 *
 * An unknown `model_type` that has the standard decoder fields is estimated as a Llama-style
 * decoder (`family: 'generic'`, `approximate: true`, `approximateReasons` saying why).
 *
 * Throws {@link ConfigError} (message names the config field) for anything else: not an
 * object, a missing / non-positive / non-integer / non-numeric size, `num_key_value_heads` not
 * dividing `num_attention_heads`, top-k above the expert count, hidden not divisible by heads
 * without an explicit head_dim, a `layer_types` list of the wrong length, more than 1e15
 * parameters.
 *
 * @example architectureFromHfConfig({ model_type: 'gpt2', n_embd: 768, n_layer: 12, n_head: 12, vocab_size: 50257 })
 */
export function architectureFromHfConfig(config: unknown): Architecture {
  if (!isObject(config)) {
    throw new ConfigError(`config.json must be a JSON object, got ${describe(config)}`, null);
  }
  const modelTypeValue = config.model_type;
  if (modelTypeValue !== undefined && modelTypeValue !== null && typeof modelTypeValue !== 'string') {
    throw new ConfigError(`model_type must be a string, got ${describe(modelTypeValue)}`, 'model_type');
  }
  const modelType = typeof modelTypeValue === 'string' ? modelTypeValue : '';
  const reader = READER_BY_TYPE.get(modelType);
  if (reader) return reader.read(config, modelType);
  return readGeneric(config, modelType.length > 40 ? `${modelType.slice(0, 40)}…` : modelType);
}

/**
 * Every config.json field some reader reads (at the top level or inside `text_config` /
 * `vision_config`), plus the fields that name the model. A link keeps only these
 * (`compactConfigForLink` checks that the architecture is unchanged and otherwise keeps all).
 */
export const CONFIG_FIELDS_READ: ReadonlySet<string> = new Set([
  '_name_or_path', 'architectures', 'model_type', 'text_config', 'vision_config', 'audio_config',
  'vocab_size', 'hidden_size', 'n_embd', 'n_embed', 'num_hidden_layers', 'n_layer', 'num_attention_heads', 'n_head',
  'num_key_value_heads', 'num_kv_heads', 'n_head_kv', 'multi_query', 'head_dim', 'intermediate_size', 'n_inner',
  'ffn_dim', 'ffn_hidden_size', 'intermediate_size_mlp', 'ff_intermediate_size', 'ff_dim_multiplier', 'gegelu_pad_to_256',
  'max_position_embeddings', 'n_positions', 'tie_word_embeddings', 'attention_bias', 'mlp_bias', 'qkv_bias', 'bias',
  'enable_bias', 'lm_head_bias', 'use_qk_norm', 'layer_norm_elementwise_affine', 'do_layer_norm_before',
  '_remove_final_layer_norm', 'word_embed_proj_dim', 'parallel_attn', 'new_decoder_architecture', 'num_ln_in_parallel_attn',
  'type_vocab_size', 'sliding_window', 'use_sliding_window', 'max_window_layers', 'layer_types', 'sliding_window_pattern',
  '_sliding_window_pattern', 'attention_chunk_size', 'no_rope_layers', 'no_rope_layer_interval', 'full_attention_interval',
  'num_experts', 'num_local_experts', 'n_routed_experts', 'num_experts_per_tok', 'experts_per_token', 'moe_topk',
  'moe_intermediate_size', 'shared_expert_intermediate_size', 'shared_intermediate_size', 'n_shared_experts',
  'num_shared_experts', 'decoder_sparse_step', 'mlp_only_layers', 'moe_layers', 'interleave_moe_layer_step',
  'first_k_dense_replace', 'moe_layer_freq', 'q_lora_rank', 'kv_lora_rank', 'qk_rope_head_dim', 'qk_nope_head_dim',
  'v_head_dim', 'num_nextn_predict_layers', 'mtp_num_hidden_layers', 'linear_num_key_heads', 'linear_num_value_heads',
  'linear_key_head_dim', 'linear_value_head_dim', 'linear_conv_kernel_dim', 'image_size', 'patch_size', 'num_channels',
  'vision_use_head', 'projector_input_dim', 'projector_output_dim', 'vision_output_dim', 'multi_modal_projector_bias',
]);
