/**
 * Tables a model file's page shows: bytes by tensor type and by layer kind, and the check of a
 * config.json against the file's tensors.
 */
import { architectureFromHfConfig, countParameters } from '../params';
import type { Architecture } from '../types';
import type { ModelFile, ModelFileTensor } from './types';

export type TensorKind = 'embedding' | 'output' | 'attention' | 'mlp' | 'experts' | 'router' | 'norm' | 'other';

export interface TensorGroupRow<Key extends string> {
  key: Key;
  tensors: number;
  parameters: number;
  bytes: number;
  /** bytes × 8 / parameters (0 for a group without parameters). */
  bitsPerWeight: number;
}

const KIND_RULES: readonly { kind: TensorKind; pattern: RegExp }[] = [
  // GGUF names (llama.cpp LLM_TENSOR_NAMES) and Hugging Face names (modeling_*.py attributes).
  { kind: 'norm', pattern: /(^|\.)(\w*norm\w*|ln_\w+|ln\d*)(\.|$)/i },
  { kind: 'router', pattern: /ffn_gate_inp|\.mlp\.gate\.|\.router\.|block_sparse_moe\.gate\./ },
  { kind: 'experts', pattern: /_exps?\b|_exps\.|\.experts\.|_shexp|shared_expert/ },
  { kind: 'embedding', pattern: /^token_embd|^per_layer_token_embd|embed_tokens|word_embeddings|\bwte\b|\bwpe\b|pos_embd|position_embeddings|token_type/ },
  { kind: 'output', pattern: /^output\.weight$|^lm_head\.|embed_out\./ },
  { kind: 'attention', pattern: /attn|attention|\.self_attn\.|q_proj|k_proj|v_proj|o_proj/ },
  { kind: 'mlp', pattern: /ffn|\.mlp\.|feed_forward|fc\d|dense_h_to_4h|dense_4h_to_h/ },
];

/**
 * Which part of the model a tensor belongs to, from its name (GGUF `blk.N.attn_q.weight` or
 * Hugging Face `model.layers.N.self_attn.q_proj.weight`). Shared experts count as experts.
 * Heuristic by name; anything unmatched is `other`.
 */
export function tensorKind(name: string): TensorKind {
  for (const rule of KIND_RULES) if (rule.pattern.test(name)) return rule.kind;
  return 'other';
}

/** Elements of a tensor from its shape (1 for a scalar, 0 for an index entry without shape). */
function elementsOf(tensor: ModelFileTensor): number {
  if (tensor.shape.length === 0) return tensor.dtype === 'unknown' ? 0 : 1;
  return tensor.shape.reduce((product, size) => product * size, 1);
}

function group<Key extends string>(tensors: readonly ModelFileTensor[], keyOf: (tensor: ModelFileTensor) => Key): TensorGroupRow<Key>[] {
  const rows = new Map<Key, TensorGroupRow<Key>>();
  for (const tensor of tensors) {
    const key = keyOf(tensor);
    const row = rows.get(key) ?? { key, tensors: 0, parameters: 0, bytes: 0, bitsPerWeight: 0 };
    row.tensors += 1;
    row.parameters += elementsOf(tensor);
    row.bytes += tensor.bytes;
    rows.set(key, row);
  }
  return [...rows.values()]
    .map((row) => ({ ...row, bitsPerWeight: row.parameters > 0 ? (row.bytes * 8) / row.parameters : 0 }))
    .sort((left, right) => right.bytes - left.bytes || left.key.localeCompare(right.key));
}

/** Bytes, parameters and tensors by storage type (`Q4_K`, `Q6_K`, `F32`, `BF16` …), largest first. */
export function bytesByTensorType(file: Pick<ModelFile, 'tensors'>): TensorGroupRow<string>[] {
  return group(file.tensors, (tensor) => tensor.dtype);
}

/** Bytes, parameters and tensors by layer kind (embedding, attention, mlp, experts …), largest first. */
export function bytesByTensorKind(file: Pick<ModelFile, 'tensors'>): TensorGroupRow<TensorKind>[] {
  return group(file.tensors, (tensor) => tensorKind(tensor.name));
}

export interface ConfigCheck {
  arch: Architecture;
  /** countParameters(arch).total. */
  configParameters: number;
  /** (configParameters − file.parameterCount) / file.parameterCount. */
  relativeDifference: number;
  /** True when the config counts exactly what the file stores (and the count is exact). */
  matches: boolean;
}

/**
 * Reads a config.json for a model file (a safetensors header or index carries none) and
 * compares its parameter count with the file's tensors. Throws what architectureFromHfConfig
 * throws for a bad config. Units: parameters. A mismatch is reported, not hidden: a config for
 * another size, a checkpoint with extra heads (MTP, vision tower) or a format that stores
 * buffers as tensors all show here.
 */
export function architectureForModelFile(file: Pick<ModelFile, 'parameterCount' | 'parameterCountExact'>, config: unknown): ConfigCheck {
  const arch = architectureFromHfConfig(config);
  const configParameters = countParameters(arch).total;
  const relativeDifference = file.parameterCount > 0 ? (configParameters - file.parameterCount) / file.parameterCount : 0;
  return { arch, configParameters, relativeDifference, matches: file.parameterCountExact && configParameters === file.parameterCount };
}
