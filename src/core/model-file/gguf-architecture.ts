/**
 * The model's architecture from a GGUF header: the `<arch>.*` metadata llama.cpp writes
 * (block_count, embedding_length, feed_forward_length, attention.head_count(_kv),
 * attention.key_length, context_length, expert_count, expert_used_count, expert_shared_count,
 * expert_feed_forward_length, leading_dense_block_count, attention.sliding_window,
 * attention.q_lora_rank / kv_lora_rank, rope.dimension_count) plus what the tensors show (the
 * vocabulary from token_embd's shape, tied embeddings when there is no output.weight, biases),
 * turned into the Hugging Face config that family's converter read, then into an
 * {@link Architecture} by `architectureFromHfConfig` (so every family is read one way).
 *
 * Key names: ggml-org/llama.cpp src/llama-arch.cpp `LLM_KV_NAMES` and `LLM_ARCH_NAMES`; the
 * HF → GGUF mapping: convert_hf_to_gguf.py (`set_gguf_parameters` of each model class).
 * The tensors decide: when the architecture's parameter count differs from the tensors' (minus
 * the buffers llama.cpp stores as tensors: rope_freqs, rope_factors_*, exp_probs_b), the
 * architecture is marked approximate and `note` says by how much.
 */
import { ConfigError } from '../errors';
import { architectureFromHfConfig, countParameters } from '../params';
import type { Architecture } from '../types';
import type { GgufTensorInfo } from './gguf';
import type { GgufValue } from './types';

type Metadata = Readonly<Record<string, GgufValue>>;

/** GGUF architecture name → the Hugging Face model_type its converter reads. */
const MODEL_TYPES: Readonly<Record<string, string>> = {
  llama: 'llama',
  mistral3: 'mistral',
  qwen2: 'qwen2',
  qwen2moe: 'qwen2_moe',
  qwen3: 'qwen3',
  qwen3moe: 'qwen3_moe',
  gemma2: 'gemma2',
  gemma3: 'gemma3_text',
  phi3: 'phi3',
  'gpt-oss': 'gpt_oss',
  'command-r': 'cohere',
  cohere2: 'cohere2',
  olmo2: 'olmo2',
  granite: 'granite',
  granitemoe: 'granitemoe',
  llama4: 'llama4_text',
};

/** Tensors llama.cpp stores that Hugging Face keeps as buffers (not parameters). */
const BUFFER_TENSOR = /^rope_freqs\.|^rope_factors_|\.exp_probs_b\.|^blk\.\d+\.rope_freqs\./;

export interface GgufArchitecture {
  arch: Architecture | null;
  /** Why arch is null or approximate, in words; null when exact. */
  note: string | null;
  /** Parameters the tensors hold, buffers excluded (what the architecture should count). */
  tensorParameters: number;
  /** The Hugging Face config rebuilt from the metadata (what `arch` was read from); null without a named architecture. */
  config: Record<string, unknown> | null;
}

/** A whole number ≥ 0 from a scalar or a per-layer array (its largest entry), else null. */
function count(metadata: Metadata, key: string): { value: number; varies: boolean } | null {
  const raw = metadata[key];
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? { value: raw, varies: false } : null;
  if (raw && typeof raw === 'object' && raw.values && raw.values.length > 0) {
    const numbers = raw.values.filter((entry): entry is number => typeof entry === 'number' && Number.isSafeInteger(entry) && entry >= 0);
    if (numbers.length !== raw.values.length) return null;
    const largest = Math.max(...numbers);
    return { value: largest, varies: numbers.some((entry) => entry !== largest) };
  }
  return null;
}

interface Facts {
  name: string;
  get: (suffix: string) => number | null;
  varying: string[];
  vocab: number | null;
  tied: boolean;
  has: (tensor: string) => boolean;
}

function collectFacts(name: string, metadata: Metadata, tensors: readonly GgufTensorInfo[]): Facts {
  const varying: string[] = [];
  const get = (suffix: string): number | null => {
    const read = count(metadata, `${name}.${suffix}`);
    if (read?.varies) varying.push(`${name}.${suffix}`);
    return read ? read.value : null;
  };
  const names = new Set(tensors.map((tensor) => tensor.name));
  const embedding = tensors.find((tensor) => tensor.name === 'token_embd.weight');
  const tokens = metadata['tokenizer.ggml.tokens'];
  const rows = embedding?.shape[1];
  const tokenCount = tokens !== undefined && typeof tokens === 'object' ? tokens.length : null;
  const vocab = rows !== undefined ? rows : (get('vocab_size') ?? tokenCount);
  return { name, get, varying, vocab, tied: !names.has('output.weight'), has: (tensor) => names.has(tensor) };
}

/** Layer types for the families whose sliding pattern llama.cpp hard-codes (not in the metadata). */
function layerTypes(layers: number, globalEvery: number, globalFirst = false): string[] {
  return Array.from({ length: layers }, (_, index) =>
    (globalFirst ? index % globalEvery === 0 : (index + 1) % globalEvery === 0) ? 'full_attention' : 'sliding_attention',
  );
}

/** The Hugging Face config the family's converter would have read, rebuilt from the facts. */
function hfConfig(facts: Facts, modelType: string): Record<string, unknown> {
  const { get } = facts;
  const nextN = get('nextn_predict_layers') ?? 0;
  const blocks = get('block_count');
  const layers = blocks === null ? null : blocks - nextN;
  const experts = get('expert_count') ?? 0;
  const keyLength = get('attention.key_length');
  const window = get('attention.sliding_window');
  const config: Record<string, unknown> = {
    model_type: modelType,
    hidden_size: get('embedding_length'),
    num_hidden_layers: layers,
    num_attention_heads: get('attention.head_count'),
    num_key_value_heads: get('attention.head_count_kv') ?? get('attention.head_count'),
    intermediate_size: get('feed_forward_length') ?? get('expert_feed_forward_length'),
    vocab_size: facts.vocab,
    max_position_embeddings: get('context_length') ?? undefined,
    tie_word_embeddings: facts.tied,
    attention_bias: facts.has('blk.0.attn_q.bias') || facts.has('blk.0.attn_qkv.bias'),
    mlp_bias: facts.has('blk.0.ffn_up.bias'),
  };
  if (keyLength !== null && modelType !== 'deepseek_v2' && modelType !== 'deepseek_v3') config.head_dim = keyLength;
  if (experts > 1) {
    config.num_local_experts = experts;
    config.num_experts = experts;
    config.num_experts_per_tok = get('expert_used_count') ?? undefined;
    config.moe_intermediate_size = get('expert_feed_forward_length') ?? undefined;
  }
  switch (modelType) {
    case 'llama':
      if (experts > 1) config.model_type = 'mixtral';
      config.sliding_window = window;
      break;
    case 'mistral':
      config.sliding_window = window;
      break;
    case 'qwen2_moe':
      config.shared_expert_intermediate_size = get('expert_shared_feed_forward_length') ?? undefined;
      break;
    case 'qwen3_moe':
      // convert_hf_to_gguf writes Qwen3-MoE files whose every layer is sparse.
      config.decoder_sparse_step = 1;
      config.mlp_only_layers = [];
      break;
    case 'gemma2':
    case 'phi3':
      config.sliding_window = window;
      break;
    case 'gemma3_text':
      // llama.cpp's Gemma 3: five sliding layers, then one global (`set_swa_pattern(6)`).
      config.sliding_window = window;
      if (layers !== null && layers > 0) config.layer_types = layerTypes(layers, 6);
      break;
    case 'cohere2':
      config.sliding_window = window;
      if (layers !== null && layers > 0) config.layer_types = layerTypes(layers, 4);
      break;
    case 'gpt_oss':
      // gpt-oss alternates sliding (even layers) and full attention; every layer is MoE.
      config.sliding_window = window;
      if (layers !== null && layers > 0) config.layer_types = layerTypes(layers, 2);
      break;
    default:
      break;
  }
  return config;
}

/** DeepSeek-V2 / V3 (`deepseek2` in GGUF): MLA ranks and DeepSeekMoE sizes. */
function deepseekConfig(facts: Facts, metadata: Metadata): Record<string, unknown> {
  const { get } = facts;
  const config = hfConfig(facts, 'deepseek_v2');
  const rope = get('rope.dimension_count');
  const keyLength = get('attention.key_length_mla') ?? get('attention.key_length');
  const valueLength = get('attention.value_length_mla') ?? get('attention.value_length');
  const queryRank = get('attention.q_lora_rank');
  // llama.cpp: expert_gating_func 2 = sigmoid, which only DeepSeek-V3's router uses.
  const v3 = metadata[`${facts.name}.expert_gating_func`] === 2;
  return {
    ...config,
    model_type: v3 ? 'deepseek_v3' : 'deepseek_v2',
    n_routed_experts: get('expert_count') ?? 0,
    n_shared_experts: get('expert_shared_count') ?? 0,
    first_k_dense_replace: get('leading_dense_block_count') ?? 0,
    moe_intermediate_size: get('expert_feed_forward_length') ?? undefined,
    intermediate_size: get('feed_forward_length') ?? undefined,
    q_lora_rank: queryRank === null || queryRank === 0 ? null : queryRank,
    kv_lora_rank: get('attention.kv_lora_rank') ?? undefined,
    qk_rope_head_dim: rope ?? undefined,
    qk_nope_head_dim: keyLength !== null && rope !== null && keyLength > rope ? keyLength - rope : undefined,
    v_head_dim: valueLength ?? undefined,
  };
}

function sumParameters(tensors: readonly GgufTensorInfo[]): number {
  let total = 0;
  for (const tensor of tensors) if (!BUFFER_TENSOR.test(tensor.name)) total += tensor.elements;
  return total;
}

/**
 * The architecture a GGUF header describes, or null with a sentence saying why.
 * Exact when the family is one `architectureFromHfConfig` reads exactly and its count equals
 * the tensors' (buffers excluded); approximate (and said so) otherwise.
 * Units: parameters. Sources: see the module comment.
 */
export function architectureFromGguf(metadata: Metadata, tensors: readonly GgufTensorInfo[]): GgufArchitecture {
  const tensorParameters = sumParameters(tensors);
  const name = metadata['general.architecture'];
  if (typeof name !== 'string' || name.length === 0) {
    return { arch: null, note: 'the file does not name its architecture (general.architecture is missing)', tensorParameters, config: null };
  }
  const facts = collectFacts(name, metadata, tensors);
  const modelType = MODEL_TYPES[name] ?? name;
  const config = name === 'deepseek2' ? deepseekConfig(facts, metadata) : hfConfig(facts, modelType);
  let arch: Architecture;
  try {
    arch = architectureFromHfConfig(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return {
      arch: null,
      note: `the ${name} metadata does not describe a transformer this explorer can size (${error.message})`,
      tensorParameters,
      config: null,
    };
  }
  const notes: string[] = [];
  if (arch.approximate) notes.push(`"${name}" is estimated as a Llama-style decoder, not read exactly`);
  if (facts.varying.length > 0) notes.push(`${facts.varying.join(', ')} vary by layer; the largest value is used`);
  const counted = countParameters(arch).total;
  if (counted !== tensorParameters) {
    const percent = tensorParameters > 0 ? ((counted - tensorParameters) / tensorParameters) * 100 : 0;
    notes.push(
      `the metadata's architecture counts ${counted.toLocaleString('en-US')} parameters, the tensors hold ` +
        `${tensorParameters.toLocaleString('en-US')} (${percent >= 0 ? '+' : ''}${percent.toFixed(2)}%)`,
    );
  }
  if (notes.length === 0) return { arch, note: null, tensorParameters, config };
  return { arch: arch.approximate ? arch : { ...arch, approximate: true }, note: `approximate: ${notes.join('; ')}`, tensorParameters, config };
}
