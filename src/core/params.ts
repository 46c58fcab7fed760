/**
 * Parameters of a transformer: read a Hugging Face `config.json` into an {@link Architecture},
 * count its parameters exactly, and derive a plausible architecture from a bare parameter count.
 *
 * Units: parameters (plain counts), tokens. Every count is what the family's Hugging Face model
 * class builds with `transformers` 4.4x–5.x (`modeling_<family>.py`): trainable tensors only,
 * tied matrices once, buffers (rotary tables, causal masks, DeepSeek-V3's
 * `e_score_correction_bias`) never. Sources per family are in {@link architectureFromHfConfig}.
 */
import { ConfigError } from './errors';
import type { Architecture, ArchitectureDetails, MlaSpec, ModelFamily, MoeSpec, ParameterCount } from './types';
import type { ArchOverrides } from '../scenario/scenario';

/** The `model_type`s {@link architectureFromHfConfig} reads exactly (anything else is estimated). */
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
] as const satisfies readonly ModelFamily[];

/** Largest model the explorer accepts, in parameters (the UI offers up to 1e14, the core 1e15). */
const MAXIMUM_PARAMETERS = 1e15;

// ---------------------------------------------------------------------------------------------
// Reading config.json fields
// ---------------------------------------------------------------------------------------------

type ConfigObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is ConfigObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}" (a string)`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** The value of the first of `names` present in the config (undefined when none is). */
function pick(config: ConfigObject, names: readonly string[]): { name: string; value: unknown } {
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(config, name) && config[name] !== undefined) {
      return { name, value: config[name] };
    }
  }
  return { name: names[0] ?? '?', value: undefined };
}

/** Checks that `value` is a whole number ≥ `minimum` that doubles represent exactly. */
function checkCount(name: string, value: unknown, minimum: number): number {
  if (typeof value !== 'number') {
    throw new ConfigError(`${name} must be a number, got ${describe(value)}`, name);
  }
  if (!Number.isFinite(value)) throw new ConfigError(`${name} must be finite, got ${value}`, name);
  if (!Number.isInteger(value)) throw new ConfigError(`${name} must be a whole number, got ${value}`, name);
  if (value < minimum) {
    throw new ConfigError(
      minimum === 1 ? `${name} must be positive, got ${value}` : `${name} must be at least ${minimum}, got ${value}`,
      name,
    );
  }
  if (!Number.isSafeInteger(value)) throw new ConfigError(`${name} (${value}) is absurdly large`, name);
  return value;
}

/**
 * A required size: the first present of `names` (the family's field name first, then the
 * aliases its config class accepts). Throws when missing, mistyped or below `minimum`.
 */
function requiredCount(config: ConfigObject, names: readonly string[], family: string, minimum = 1): number {
  const { name, value } = pick(config, names);
  if (value === undefined || value === null) {
    throw new ConfigError(`${name} is missing (model_type "${family}" needs it)`, name);
  }
  return checkCount(name, value, minimum);
}

/** An optional size: `fallback` when absent (the config class default); null stays null. */
function optionalCount(config: ConfigObject, names: readonly string[], fallback: number | null, minimum = 1): number | null {
  const { name, value } = pick(config, names);
  if (value === undefined) return fallback;
  if (value === null) return null;
  return checkCount(name, value, minimum);
}

/** An optional size where null means the same as absent (`n_inner: null` → default). */
function countOrDefault(config: ConfigObject, names: readonly string[], fallback: number, minimum = 1): number {
  return optionalCount(config, names, fallback, minimum) ?? fallback;
}

function flag(config: ConfigObject, names: readonly string[], fallback: boolean): boolean {
  const { name, value } = pick(config, names);
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new ConfigError(`${name} must be true or false, got ${describe(value)}`, name);
  return value;
}

/** `num_key_value_heads` (or its alias) checked against the query heads. */
function checkKvHeads(name: string, kvHeads: number, headsName: string, heads: number): number {
  if (heads % kvHeads !== 0) {
    throw new ConfigError(`${name} (${kvHeads}) must divide ${headsName} (${heads})`, name);
  }
  return kvHeads;
}

/** hidden / heads, which must divide exactly (every family's attention raises otherwise). */
function derivedHeadDim(hiddenName: string, hidden: number, headsName: string, heads: number): number {
  if (hidden % heads !== 0) {
    throw new ConfigError(
      `${hiddenName} (${hidden}) must be divisible by ${headsName} (${heads}) when head_dim is not given`,
      hiddenName,
    );
  }
  return hidden / heads;
}

/**
 * Explicit `head_dim` (or the config class default, Qwen3 128 / Gemma-2 256) when present and
 * not null — a size of its own, kept when hidden changes — else hidden / heads.
 */
function headDimOf(config: ConfigObject, hidden: number, heads: number, fallback: number | null = null): { headDim: number; headDimFixed: boolean } {
  const explicit = optionalCount(config, ['head_dim'], fallback);
  if (explicit !== null) return { headDim: explicit, headDimFixed: true };
  return { headDim: derivedHeadDim('hidden_size', hidden, 'num_attention_heads', heads), headDimFixed: false };
}

/** Sliding layers from an explicit `layer_types` list (transformers ≥ 4.53 configs), or null. */
function slidingLayersFromTypes(config: ConfigObject, layers: number): number | null {
  const types = config.layer_types;
  if (types === undefined || types === null) return null;
  if (!Array.isArray(types)) throw new ConfigError(`layer_types must be a list, got ${describe(types)}`, 'layer_types');
  if (types.length !== layers) {
    throw new ConfigError(`layer_types has ${types.length} entries but num_hidden_layers is ${layers}`, 'layer_types');
  }
  let sliding = 0;
  for (const entry of types) if (entry === 'sliding_attention') sliding += 1;
  return sliding;
}

// ---------------------------------------------------------------------------------------------
// Building architectures
// ---------------------------------------------------------------------------------------------

const LLAMA_DETAILS: Readonly<ArchitectureDetails> = Object.freeze({
  gatedMlp: true,
  qkvBias: false,
  attentionOutputBias: false,
  mlpBias: false,
  norm: 'rmsnorm',
  normsPerLayer: 2,
  qkNorm: false,
  finalNorm: true,
  tiedEmbeddings: false,
  positionRows: 0,
  embeddingNorm: false,
  routerBias: false,
  extraParams: 0,
});

interface Shape {
  family: ModelFamily;
  hidden: number;
  layers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  ffn: number;
  vocab: number;
  contextLength: number;
  slidingWindow?: number | null;
  slidingWindowLayers?: number;
  moe?: MoeSpec | null;
  mla?: MlaSpec | null;
  encoderOnly?: boolean;
  approximate?: boolean;
  /** head_dim is a config value of its own (see headDimOf). */
  headDimFixed?: boolean;
  details: Partial<ArchitectureDetails>;
}

function build(shape: Shape): Architecture {
  const slidingLayers = shape.slidingWindow ? (shape.slidingWindowLayers ?? shape.layers) : 0;
  const architecture: Architecture = {
    family: shape.family,
    approximate: shape.approximate ?? false,
    encoderOnly: shape.encoderOnly ?? false,
    hidden: shape.hidden,
    layers: shape.layers,
    heads: shape.heads,
    kvHeads: shape.kvHeads,
    headDim: shape.headDim,
    ffn: shape.ffn,
    vocab: shape.vocab,
    contextLength: shape.contextLength,
    slidingWindow: slidingLayers > 0 ? (shape.slidingWindow ?? null) : null,
    slidingWindowLayers: slidingLayers,
    moe: shape.moe ?? null,
    mla: shape.mla ?? null,
    details: { ...LLAMA_DETAILS, ...shape.details, ...(shape.headDimFixed ? { headDimFixed: true } : {}) },
  };
  return checkTotal(architecture);
}

/** Rejects models above {@link MAXIMUM_PARAMETERS} (and, with it, any overflow to Infinity). */
function checkTotal(architecture: Architecture): Architecture {
  const total = countParameters(architecture).total;
  if (!(total <= MAXIMUM_PARAMETERS)) {
    throw new ConfigError(
      `the config describes ${Number.isFinite(total) ? total.toExponential(3) : 'an unbounded number of'} parameters, ` +
        `more than the supported 1e15: check hidden_size, num_hidden_layers, intermediate_size and vocab_size`,
      null,
    );
  }
  return architecture;
}

/** Parameters of the family's extras that depend on the shape (recomputed after overrides). */
function familyExtraParams(family: ModelFamily, hidden: number, vocab: number, details: ArchitectureDetails): number {
  if (family === 'bert') {
    // BertForPreTraining: pooler dense (h² + h), MLM transform dense (h² + h) and its LayerNorm
    // (2h), decoder bias (vocab; the decoder weight is tied), NSP head Linear(h, 2) (2h + 2).
    return 2 * (hidden * hidden + hidden) + 2 * hidden + vocab + 2 * hidden + 2;
  }
  if (family === 'opt') {
    // project_in Linear(word_embed_proj_dim, hidden) and project_out, both without bias,
    // exist only when word_embed_proj_dim differs from hidden_size.
    const width = details.embeddingWidth ?? hidden;
    return width === hidden ? 0 : 2 * width * hidden;
  }
  return details.extraParams;
}

/** The `model_type`s of the custom-code Falcon checkpoints, read as Falcon. */
const FALCON_ALIASES: Readonly<Record<string, 'old' | 'new'>> = { RefinedWebModel: 'old', RefinedWeb: 'new' };

// --- family readers (each follows its transformers config class and modeling file) -----------

/** GPT-2 (GPT2LMHeadModel): Conv1D with biases, LayerNorm, learned positions, tied head. */
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

/** GPT-NeoX (GPTNeoXForCausalLM): fused qkv, LayerNorm ×2, rotary, untied embed_out. */
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

/** OPT (OPTForCausalLM): positions = max_position_embeddings + 2, optional projections. */
function readOpt(config: ConfigObject): Architecture {
  const hidden = requiredCount(config, ['hidden_size'], 'opt');
  const heads = requiredCount(config, ['num_attention_heads'], 'opt');
  const contextLength = countOrDefault(config, ['max_position_embeddings'], 2048);
  const bias = flag(config, ['enable_bias'], true);
  const affine = flag(config, ['layer_norm_elementwise_affine'], true);
  const finalNorm =
    affine && flag(config, ['do_layer_norm_before'], true) && !flag(config, ['_remove_final_layer_norm'], false);
  const embeddingWidth = countOrDefault(config, ['word_embed_proj_dim'], hidden);
  const details: Partial<ArchitectureDetails> = {
    gatedMlp: false,
    qkvBias: bias,
    attentionOutputBias: bias,
    mlpBias: bias,
    norm: 'layernorm',
    normsPerLayer: affine ? 2 : 0,
    finalNorm,
    tiedEmbeddings: flag(config, ['tie_word_embeddings'], true),
    // OPTLearnedPositionalEmbedding keeps an offset of 2 rows.
    positionRows: contextLength + 2,
  };
  if (embeddingWidth !== hidden) details.embeddingWidth = embeddingWidth;
  details.extraParams = familyExtraParams('opt', hidden, 0, { ...LLAMA_DETAILS, ...details });
  return build({
    family: 'opt',
    hidden,
    layers: requiredCount(config, ['num_hidden_layers'], 'opt'),
    heads,
    kvHeads: heads,
    headDim: derivedHeadDim('hidden_size', hidden, 'num_attention_heads', heads),
    ffn: requiredCount(config, ['ffn_dim'], 'opt'),
    vocab: requiredCount(config, ['vocab_size'], 'opt'),
    contextLength,
    details,
  });
}

/** BLOOM (BloomForCausalLM): ALiBi, word_embeddings_layernorm, 4h GELU MLP, biases, tied. */
function readBloom(config: ConfigObject): Architecture {
  const hidden = requiredCount(config, ['hidden_size', 'n_embed'], 'bloom');
  const heads = requiredCount(config, ['n_head', 'num_attention_heads'], 'bloom');
  return build({
    family: 'bloom',
    hidden,
    layers: requiredCount(config, ['n_layer', 'num_hidden_layers'], 'bloom'),
    heads,
    kvHeads: heads,
    headDim: derivedHeadDim('hidden_size', hidden, 'n_head', heads),
    // BloomMLP is always hidden → 4·hidden → hidden; `n_inner` in BLOOM configs is ignored.
    ffn: 4 * hidden,
    vocab: requiredCount(config, ['vocab_size'], 'bloom'),
    // BloomConfig has no context field (ALiBi); BLOOM was trained on 2048-token sequences.
    contextLength: 2048,
    details: {
      gatedMlp: false,
      qkvBias: true,
      attentionOutputBias: true,
      mlpBias: true,
      norm: 'layernorm',
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], true),
      embeddingNorm: true,
    },
  });
}

/**
 * Falcon (FalconForCausalLM). Old decoder (falcon-7b): multi_query → one shared K/V head,
 * otherwise full MHA; parallel_attn → one input_layernorm, else two norms (falcon-rw).
 * New decoder (falcon-40b/180b): num_kv_heads groups and num_ln_in_parallel_attn norms
 * (default 2). `bias` switches every Linear's bias; `alibi` adds no parameters.
 */
function readFalcon(config: ConfigObject, variant?: 'old' | 'new'): Architecture {
  const hidden = requiredCount(config, ['hidden_size', 'n_embed'], 'falcon');
  const heads = requiredCount(config, ['num_attention_heads', 'n_head'], 'falcon');
  const headDim = derivedHeadDim('hidden_size', hidden, 'num_attention_heads', heads);
  const newDecoder = variant ? variant === 'new' : flag(config, ['new_decoder_architecture'], false);
  const parallel = flag(config, ['parallel_attn'], true);
  let kvHeads: number;
  if (newDecoder || !flag(config, ['multi_query'], true)) {
    const field = pick(config, ['num_kv_heads', 'n_head_kv']).name;
    const configured = countOrDefault(config, ['num_kv_heads', 'n_head_kv'], heads);
    // FalconAttention: the old decoder without multi_query fuses 3 × hidden, whatever num_kv_heads says.
    kvHeads = newDecoder ? checkKvHeads(field, configured, 'num_attention_heads', heads) : heads;
  } else {
    kvHeads = 1;
  }
  const normsInParallel = optionalCount(config, ['num_ln_in_parallel_attn'], null) ?? (newDecoder ? 2 : 1);
  const bias = flag(config, ['bias'], false);
  return build({
    family: 'falcon',
    hidden,
    layers: requiredCount(config, ['num_hidden_layers', 'n_layer'], 'falcon'),
    heads,
    kvHeads,
    headDim,
    ffn: countOrDefault(config, ['ffn_hidden_size'], 4 * hidden),
    vocab: requiredCount(config, ['vocab_size'], 'falcon'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 2048),
    details: {
      gatedMlp: false,
      qkvBias: bias,
      attentionOutputBias: bias,
      mlpBias: bias,
      norm: 'layernorm',
      normsPerLayer: !parallel ? 2 : normsInParallel === 2 ? 2 : 1,
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], true),
    },
  });
}

/** The fields every Llama-style decoder shares: sizes, GQA, head_dim. */
function readDecoderCore(config: ConfigObject, family: string, kvDefault: number | null, headDimDefault: number | null = null) {
  const hidden = requiredCount(config, ['hidden_size'], family);
  const heads = requiredCount(config, ['num_attention_heads'], family);
  const kvConfigured = optionalCount(config, ['num_key_value_heads'], kvDefault) ?? heads;
  return {
    hidden,
    layers: requiredCount(config, ['num_hidden_layers'], family),
    heads,
    kvHeads: checkKvHeads('num_key_value_heads', kvConfigured, 'num_attention_heads', heads),
    ...headDimOf(config, hidden, heads, headDimDefault),
    vocab: requiredCount(config, ['vocab_size'], family),
  };
}

/** Qwen-style sliding window: `use_sliding_window` and layers from `max_window_layers` on. */
function qwenSliding(config: ConfigObject, layers: number): { slidingWindow: number | null; slidingWindowLayers: number } {
  const window = optionalCount(config, ['sliding_window'], 4096);
  const fromTypes = slidingLayersFromTypes(config, layers);
  if (fromTypes !== null) return { slidingWindow: window, slidingWindowLayers: window ? fromTypes : 0 };
  if (!flag(config, ['use_sliding_window'], false) || window === null) return { slidingWindow: null, slidingWindowLayers: 0 };
  const fullLayers = countOrDefault(config, ['max_window_layers'], 28, 0);
  return { slidingWindow: window, slidingWindowLayers: Math.max(0, layers - fullLayers) };
}

/** Llama (LlamaForCausalLM): attention_bias, mlp_bias, optional head_dim, untied by default. */
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

/** Mistral (MistralForCausalLM): no biases; `sliding_window` (default 4096, null = none) on every layer. */
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

function checkTopK(expertsPerToken: number, experts: number, topKName: string, expertsName: string): void {
  if (expertsPerToken > experts) {
    throw new ConfigError(`${topKName} (${expertsPerToken}) must not exceed ${expertsName} (${experts})`, topKName);
  }
}

/** Mixtral (MixtralForCausalLM): every layer a sparse MoE of num_local_experts SwiGLU experts. */
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

/** Qwen2 (Qwen2ForCausalLM): bias on q, k, v (always), none on o; Qwen sliding window. */
function readQwen2(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'qwen2', 32);
  return build({
    family: 'qwen2',
    ...core,
    ffn: requiredCount(config, ['intermediate_size'], 'qwen2'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 32768),
    ...qwenSliding(config, core.layers),
    details: { qkvBias: true, tiedEmbeddings: flag(config, ['tie_word_embeddings'], false) },
  });
}

/** Qwen3 (Qwen3ForCausalLM): q_norm/k_norm, head_dim default 128, attention_bias default false. */
function readQwen3(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'qwen3', 32, 128);
  const attentionBias = flag(config, ['attention_bias'], false);
  return build({
    family: 'qwen3',
    ...core,
    ffn: requiredCount(config, ['intermediate_size'], 'qwen3'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 32768),
    ...qwenSliding(config, core.layers),
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      qkNorm: true,
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

/**
 * Qwen3-MoE (Qwen3MoeForCausalLM): layer i is sparse when i ∉ mlp_only_layers and
 * num_experts > 0 and (i + 1) % decoder_sparse_step == 0; router Linear(hidden, num_experts) without bias.
 */
function readQwen3Moe(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'qwen3_moe', 4);
  const attentionBias = flag(config, ['attention_bias'], false);
  const expertsField = pick(config, ['num_experts', 'num_local_experts']).name;
  const experts = countOrDefault(config, ['num_experts', 'num_local_experts'], 128, 0);
  const step = countOrDefault(config, ['decoder_sparse_step'], 1);
  let moeLayers = experts > 0 ? Math.floor(core.layers / step) : 0;
  const denseList = config.mlp_only_layers;
  if (denseList !== undefined && denseList !== null) {
    if (!Array.isArray(denseList)) {
      throw new ConfigError(`mlp_only_layers must be a list of layer indices, got ${describe(denseList)}`, 'mlp_only_layers');
    }
    const seen = new Set<number>();
    for (const entry of denseList) {
      const index = checkCount('mlp_only_layers', entry, 0);
      if (experts > 0 && index < core.layers && (index + 1) % step === 0 && !seen.has(index)) moeLayers -= 1;
      seen.add(index);
    }
  }
  let moe: MoeSpec | null = null;
  if (moeLayers > 0) {
    const expertsPerToken = countOrDefault(config, ['num_experts_per_tok'], 8);
    checkTopK(expertsPerToken, experts, 'num_experts_per_tok', expertsField);
    const expertFfn = countOrDefault(config, ['moe_intermediate_size'], 768);
    moe = { experts, expertsPerToken, sharedExperts: 0, expertFfn, sharedExpertFfn: 0, moeLayers };
  }
  return build({
    family: 'qwen3_moe',
    ...core,
    ffn: moeLayers < core.layers ? requiredCount(config, ['intermediate_size'], 'qwen3_moe') : countOrDefault(config, ['intermediate_size'], 6144),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 32768),
    ...qwenSliding(config, core.layers),
    moe,
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      qkNorm: true,
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

/** Gemma 2 (Gemma2ForCausalLM): four RMSNorms per layer, GeGLU, tied, every other layer sliding. */
function readGemma2(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'gemma2', 4, 256);
  const attentionBias = flag(config, ['attention_bias'], false);
  const window = optionalCount(config, ['sliding_window'], 4096);
  // Gemma2Config.layer_types: layer i slides when (i + 1) % 2 == 1, i.e. layers 0, 2, 4, …
  const slidingLayers = slidingLayersFromTypes(config, core.layers) ?? Math.ceil(core.layers / 2);
  return build({
    family: 'gemma2',
    ...core,
    ffn: requiredCount(config, ['intermediate_size'], 'gemma2'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 8192),
    slidingWindow: window,
    slidingWindowLayers: slidingLayers,
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      normsPerLayer: 4,
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], true),
    },
  });
}

/** Phi-3 (Phi3ForCausalLM): fused qkv_proj and gate_up_proj, no biases; sliding_window on every layer. */
function readPhi3(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'phi3', null);
  return build({
    family: 'phi3',
    ...core,
    ffn: requiredCount(config, ['intermediate_size'], 'phi3'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 4096),
    slidingWindow: optionalCount(config, ['sliding_window'], null),
    details: { tiedEmbeddings: flag(config, ['tie_word_embeddings'], false) },
  });
}

/**
 * DeepSeek-V2 / V3: multi-head latent attention and DeepSeekMoE. Layer i is MoE when
 * n_routed_experts is set, i ≥ first_k_dense_replace and i % moe_layer_freq == 0 (the
 * checkpoints' modeling_deepseek.py; transformers' own class ignores moe_layer_freq, which is 1
 * in every released config). The shared experts form one MLP of moe_intermediate_size ×
 * n_shared_experts. V3's e_score_correction_bias is a buffer and its MTP module
 * (num_nextn_predict_layers) is not part of DeepseekV3ForCausalLM: neither is counted.
 */
function readDeepseek(config: ConfigObject, family: 'deepseek_v2' | 'deepseek_v3'): Architecture {
  const v3 = family === 'deepseek_v3';
  const hidden = requiredCount(config, ['hidden_size'], family);
  const layers = requiredCount(config, ['num_hidden_layers'], family);
  const heads = requiredCount(config, ['num_attention_heads'], family);
  const kvConfigured = countOrDefault(config, ['num_key_value_heads'], heads);
  checkKvHeads('num_key_value_heads', kvConfigured, 'num_attention_heads', heads);
  const mla: MlaSpec = {
    qLoraRank: optionalCount(config, ['q_lora_rank'], 1536),
    kvLoraRank: countOrDefault(config, ['kv_lora_rank'], 512),
    qkRopeHeadDim: countOrDefault(config, ['qk_rope_head_dim'], 64),
    qkNopeHeadDim: countOrDefault(config, ['qk_nope_head_dim'], 128),
    vHeadDim: countOrDefault(config, ['v_head_dim'], 128),
  };
  const routed = optionalCount(config, ['n_routed_experts'], v3 ? 256 : 64, 0);
  const firstDense = countOrDefault(config, ['first_k_dense_replace'], v3 ? 3 : 0, 0);
  const frequency = countOrDefault(config, ['moe_layer_freq'], 1);
  let moeLayers = 0;
  if (routed !== null && routed > 0 && firstDense < layers) {
    // Count i in [firstDense, layers) with i % frequency == 0.
    moeLayers = Math.floor((layers - 1) / frequency) - Math.ceil(firstDense / frequency) + 1;
  }
  let moe: MoeSpec | null = null;
  if (moeLayers > 0 && routed !== null) {
    const topK = optionalCount(config, ['num_experts_per_tok'], v3 ? 8 : null);
    if (topK === null) throw new ConfigError('num_experts_per_tok is missing (n_routed_experts is set)', 'num_experts_per_tok');
    checkTopK(topK, routed, 'num_experts_per_tok', 'n_routed_experts');
    const expertFfn = countOrDefault(config, ['moe_intermediate_size'], v3 ? 2048 : 1407);
    const shared = optionalCount(config, ['n_shared_experts'], v3 ? 1 : 2, 0) ?? 0;
    moe = {
      experts: routed,
      expertsPerToken: topK,
      sharedExperts: shared,
      expertFfn,
      sharedExpertFfn: shared > 0 ? expertFfn : 0,
      moeLayers,
    };
  }
  const attentionBias = flag(config, ['attention_bias'], false);
  return build({
    family,
    hidden,
    layers,
    heads,
    // The latent cache replaces per-head K/V; kvHeads keeps the config's (formal) value.
    kvHeads: kvConfigured,
    // Query/key head width (nope + rope); the config's own `head_dim` (if any) is the rope part.
    headDim: mla.qkNopeHeadDim + mla.qkRopeHeadDim,
    ffn: moeLayers < layers ? requiredCount(config, ['intermediate_size'], family) : countOrDefault(config, ['intermediate_size'], v3 ? 18432 : 11008),
    vocab: requiredCount(config, ['vocab_size'], family),
    contextLength: countOrDefault(config, ['max_position_embeddings'], v3 ? 4096 : 2048),
    mla,
    moe,
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      mlpBias: flag(config, ['mlp_bias'], false),
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

/**
 * BERT as BertForPreTraining (what the original checkpoints store): BertModel with pooler,
 * MLM head (transform dense + LayerNorm + decoder bias; decoder weight tied to the word
 * embeddings) and NSP head. Absolute position and token-type tables. Relative position
 * variants (`position_embedding_type: relative_key…`) add per-layer distance tables not counted here.
 */
function readBert(config: ConfigObject): Architecture {
  const hidden = requiredCount(config, ['hidden_size'], 'bert');
  const heads = requiredCount(config, ['num_attention_heads'], 'bert');
  const vocab = requiredCount(config, ['vocab_size'], 'bert');
  const contextLength = countOrDefault(config, ['max_position_embeddings'], 512);
  const details: ArchitectureDetails = {
    ...LLAMA_DETAILS,
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
  };
  details.extraParams = familyExtraParams('bert', hidden, vocab, details);
  return build({
    family: 'bert',
    encoderOnly: true,
    hidden,
    layers: requiredCount(config, ['num_hidden_layers'], 'bert'),
    heads,
    kvHeads: heads,
    headDim: derivedHeadDim('hidden_size', hidden, 'num_attention_heads', heads),
    ffn: requiredCount(config, ['intermediate_size'], 'bert'),
    vocab,
    contextLength,
    details,
  });
}

const GENERIC_FIELDS = ['hidden_size', 'num_hidden_layers', 'num_attention_heads', 'intermediate_size', 'vocab_size'];

/** Unknown model_type with the standard decoder fields: a Llama-style estimate. */
function readGeneric(config: ConfigObject, modelType: string): Architecture {
  const missing = GENERIC_FIELDS.filter((name) => config[name] === undefined || config[name] === null);
  if (missing.length > 0) {
    throw new ConfigError(
      `model_type "${modelType}" is not supported (${SUPPORTED_FAMILIES.join(', ')}) and the config lacks ` +
        `${missing.join(', ')} needed to estimate it as a Llama-style decoder`,
      missing[0] ?? 'model_type',
    );
  }
  const core = readDecoderCore(config, modelType, null);
  const ffn = requiredCount(config, ['intermediate_size'], modelType);
  const attentionBias = flag(config, ['attention_bias'], false);
  const expertsField = pick(config, ['num_local_experts', 'num_experts', 'n_routed_experts']).name;
  const experts = countOrDefault(config, ['num_local_experts', 'num_experts', 'n_routed_experts'], 0, 0);
  let moe: MoeSpec | null = null;
  if (experts > 1) {
    const expertsPerToken = countOrDefault(config, ['num_experts_per_tok', 'moe_topk'], 2);
    checkTopK(expertsPerToken, experts, 'num_experts_per_tok', expertsField);
    const expertFfn = countOrDefault(config, ['moe_intermediate_size'], ffn);
    moe = { experts, expertsPerToken, sharedExperts: 0, expertFfn, sharedExpertFfn: 0, moeLayers: core.layers };
  }
  const fromTypes = slidingLayersFromTypes(config, core.layers);
  return build({
    family: 'generic',
    approximate: true,
    ...core,
    ffn,
    contextLength: countOrDefault(config, ['max_position_embeddings'], 2048),
    slidingWindow: fromTypes ? optionalCount(config, ['sliding_window'], null) : null,
    slidingWindowLayers: fromTypes ?? 0,
    moe,
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      mlpBias: flag(config, ['mlp_bias'], false),
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

/**
 * Reads a Hugging Face `config.json` (the parsed JSON, exactly as published) into an
 * {@link Architecture} whose {@link countParameters} total equals the parameter count of the
 * family's `transformers` model class.
 *
 * Each family is read the way its config class and modeling file do (transformers 4.4x–5.x,
 * `models/<family>/configuration_<family>.py` and `modeling_<family>.py`), with the class
 * defaults for absent fields: gpt2 (GPT2LMHeadModel; `n_inner: null` → 4·n_embd, tied),
 * gpt_neox (GPTNeoXForCausalLM; `attention_bias` default true, untied), opt (OPTForCausalLM;
 * max_position_embeddings + 2 position rows, project_in/out when `word_embed_proj_dim` ≠
 * hidden, final LayerNorm only with `do_layer_norm_before` and not `_remove_final_layer_norm`),
 * bloom (BloomForCausalLM; word_embeddings_layernorm), falcon (FalconForCausalLM; see the
 * reader), llama / mistral / mixtral / qwen2 / qwen3 / qwen3_moe / gemma2 / phi3 (their
 * *ForCausalLM), deepseek_v2 / deepseek_v3 (DeepseekV2/V3ForCausalLM, MLA, `q_lora_rank: null`
 * = direct query projection, without V3's MTP module) and bert (BertForPreTraining).
 * `RefinedWebModel` / `RefinedWeb` (Falcon's custom-code types) are read as Falcon.
 *
 * An unknown `model_type` that has hidden_size, num_hidden_layers, num_attention_heads,
 * intermediate_size and vocab_size is estimated as a Llama-style decoder (`family: 'generic'`,
 * `approximate: true`).
 *
 * Sliding windows: Mistral's `sliding_window` covers every layer, Gemma-2 every other layer
 * (the first included), Qwen2/Qwen3 only with `use_sliding_window` (layers from
 * `max_window_layers` on), Phi-3 and Mixtral every layer when set; an explicit `layer_types`
 * list wins where the family's config class reads it.
 *
 * Throws {@link ConfigError} (message names the config field) for anything else: not an
 * object, a missing / non-positive / non-integer / non-numeric size, `num_key_value_heads` not
 * dividing `num_attention_heads`, top-k above the expert count, hidden not divisible by heads
 * without an explicit head_dim, more than 1e15 parameters.
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
  switch (modelType) {
    case 'gpt2':
      return readGpt2(config);
    case 'gpt_neox':
      return readGptNeox(config);
    case 'opt':
      return readOpt(config);
    case 'bloom':
      return readBloom(config);
    case 'falcon':
      return readFalcon(config);
    case 'RefinedWebModel':
    case 'RefinedWeb':
      return readFalcon(config, FALCON_ALIASES[modelType]);
    case 'llama':
      return readLlama(config);
    case 'mistral':
      return readMistral(config);
    case 'mixtral':
      return readMixtral(config);
    case 'qwen2':
      return readQwen2(config);
    case 'qwen3':
      return readQwen3(config);
    case 'qwen3_moe':
      return readQwen3Moe(config);
    case 'gemma2':
      return readGemma2(config);
    case 'phi3':
      return readPhi3(config);
    case 'deepseek_v2':
    case 'deepseek_v3':
      return readDeepseek(config, modelType);
    case 'bert':
      return readBert(config);
    default:
      return readGeneric(config, modelType === '' ? '(none)' : modelType.length > 40 ? `${modelType.slice(0, 40)}…` : modelType);
  }
}

// ---------------------------------------------------------------------------------------------
// Counting
// ---------------------------------------------------------------------------------------------

/** One MLP of width `ffn`: 3 (gated) or 2 matrices of hidden × ffn, plus biases when set. */
function mlpParams(hidden: number, ffn: number, details: ArchitectureDetails): number {
  const matrices = (details.gatedMlp ? 3 : 2) * hidden * ffn;
  const biases = details.mlpBias ? (details.gatedMlp ? 2 : 1) * ffn + hidden : 0;
  return matrices + biases;
}

/** Attention projections of one layer (MLA: with its two latent RMSNorms). */
function attentionParams(architecture: Architecture): number {
  const { hidden, heads, kvHeads, headDim, mla, details } = architecture;
  const outputBias = details.attentionOutputBias ? hidden : 0;
  if (mla) {
    const queryKeyDim = mla.qkNopeHeadDim + mla.qkRopeHeadDim;
    const query =
      mla.qLoraRank === null
        ? hidden * heads * queryKeyDim
        : hidden * mla.qLoraRank + (details.qkvBias ? mla.qLoraRank : 0) + mla.qLoraRank + mla.qLoraRank * heads * queryKeyDim;
    const latentWidth = mla.kvLoraRank + mla.qkRopeHeadDim;
    const keyValue =
      hidden * latentWidth +
      (details.qkvBias ? latentWidth : 0) +
      mla.kvLoraRank +
      mla.kvLoraRank * heads * (mla.qkNopeHeadDim + mla.vHeadDim);
    return query + keyValue + heads * mla.vHeadDim * hidden + outputBias;
  }
  const queryWidth = heads * headDim;
  const keyValueWidth = 2 * kvHeads * headDim;
  const projections = hidden * (queryWidth + keyValueWidth) + queryWidth * hidden;
  return projections + (details.qkvBias ? queryWidth + keyValueWidth : 0) + outputBias;
}

/**
 * Counts the parameters of an architecture, exactly as its Hugging Face model class builds
 * them.
 *   total = embeddings (vocab × width + position and token-type rows × hidden)
 *         + untied output head (vocab × width)
 *         + layers × (attention + layer norms)
 *         + dense layers × MLP(ffn) + MoE layers × (router + experts × MLP(expertFfn) + shared MLPs)
 *         + final / embedding norms + family extras (BERT heads, OPT projections).
 *   MLP(f) = 3·hidden·f gated or 2·hidden·f, plus biases; attention = q, k, v, o projections
 *   (heads·headDim and kvHeads·headDim wide) plus biases, or the MLA low-rank projections.
 *   active = total − moeLayers × (experts − expertsPerToken) × MLP(expertFfn).
 * Units: parameters. O(1): no loop over layers. Assumes a validated architecture.
 * nonEmbedding = total − embedding − outputHead (Kaplan et al. 2020's N, position tables excluded).
 * Source: the family modeling files named in {@link architectureFromHfConfig}; checked against
 * HF safetensors totals and published exact counts in test/unit/params.test.ts.
 */
export function countParameters(architecture: Architecture): ParameterCount {
  const { hidden, layers, vocab, headDim, moe, details } = architecture;
  const normWidth = details.norm === 'layernorm' ? 2 : 1;
  const width = details.embeddingWidth ?? hidden;

  const embedding = vocab * width + (details.positionRows + (details.tokenTypeRows ?? 0)) * hidden;
  const outputHead = details.tiedEmbeddings ? 0 : vocab * width;

  const attention = layers * attentionParams(architecture);
  const norms =
    layers * (details.normsPerLayer * hidden + (details.qkNorm ? 2 * headDim : 0)) * normWidth +
    ((details.finalNorm ? 1 : 0) + (details.embeddingNorm ? 1 : 0)) * hidden * normWidth;

  const moeLayers = moe ? moe.moeLayers : 0;
  const denseMlp = (layers - moeLayers) * mlpParams(hidden, architecture.ffn, details);
  let routedExperts = 0;
  let inactive = 0;
  let moeOverhead = 0;
  if (moe && moeLayers > 0) {
    const expert = mlpParams(hidden, moe.expertFfn, details);
    routedExperts = moeLayers * moe.experts * expert;
    inactive = moeLayers * (moe.experts - moe.expertsPerToken) * expert;
    const router = hidden * moe.experts + (details.routerBias ? moe.experts : 0);
    const shared = moe.sharedExperts > 0 ? moe.sharedExperts * mlpParams(hidden, moe.sharedExpertFfn, details) : 0;
    moeOverhead = moeLayers * (router + shared);
  }
  const mlp = denseMlp + routedExperts + moeOverhead;
  const other = details.extraParams;

  const total = embedding + outputHead + attention + norms + mlp + other;
  return {
    total,
    active: total - inactive,
    embedding,
    attention,
    mlp,
    norms,
    outputHead,
    other,
    routedExperts,
    nonEmbedding: total - embedding - outputHead,
  };
}

// ---------------------------------------------------------------------------------------------
// Validation and overrides
// ---------------------------------------------------------------------------------------------

function checkField(name: string, value: unknown, minimum = 1): number {
  return checkCount(name, value, minimum);
}

/**
 * Checks an architecture (after the user's overrides) and returns it unchanged: every size a
 * positive whole number, kvHeads dividing heads, 1 ≤ expertsPerToken ≤ experts, moeLayers and
 * slidingWindowLayers within layers, at most 1e15 parameters. Throws {@link ConfigError}
 * naming the Architecture field (e.g. `kvHeads (5) must divide heads (32)`).
 * Units: none (a predicate). Source: the invariants countParameters relies on.
 */
export function validateArchitecture(architecture: Architecture): Architecture {
  if (!isObject(architecture)) throw new ConfigError('the architecture must be an object', null);
  const { heads, layers } = architecture;
  for (const name of ['hidden', 'layers', 'heads', 'kvHeads', 'headDim', 'ffn', 'vocab', 'contextLength'] as const) {
    checkField(name, architecture[name]);
  }
  if (heads % architecture.kvHeads !== 0) {
    throw new ConfigError(`kvHeads (${architecture.kvHeads}) must divide heads (${heads})`, 'kvHeads');
  }
  if (architecture.slidingWindow !== null) checkField('slidingWindow', architecture.slidingWindow);
  checkField('slidingWindowLayers', architecture.slidingWindowLayers, 0);
  if (architecture.slidingWindowLayers > layers) {
    throw new ConfigError(`slidingWindowLayers (${architecture.slidingWindowLayers}) must not exceed layers (${layers})`, 'slidingWindowLayers');
  }
  const { moe, mla, details } = architecture;
  if (moe) {
    checkField('experts', moe.experts);
    checkField('expertsPerToken', moe.expertsPerToken);
    if (moe.expertsPerToken > moe.experts) {
      throw new ConfigError(`expertsPerToken (${moe.expertsPerToken}) must not exceed experts (${moe.experts})`, 'expertsPerToken');
    }
    checkField('sharedExperts', moe.sharedExperts, 0);
    checkField('expertFfn', moe.expertFfn);
    checkField('sharedExpertFfn', moe.sharedExpertFfn, 0);
    checkField('moeLayers', moe.moeLayers, 0);
    if (moe.moeLayers > layers) {
      throw new ConfigError(`moeLayers (${moe.moeLayers}) must not exceed layers (${layers})`, 'moeLayers');
    }
  }
  if (mla) {
    if (mla.qLoraRank !== null) checkField('qLoraRank', mla.qLoraRank);
    checkField('kvLoraRank', mla.kvLoraRank);
    checkField('qkRopeHeadDim', mla.qkRopeHeadDim);
    checkField('qkNopeHeadDim', mla.qkNopeHeadDim, 0);
    checkField('vHeadDim', mla.vHeadDim);
  }
  checkField('normsPerLayer', details.normsPerLayer, 0);
  checkField('positionRows', details.positionRows, 0);
  checkField('extraParams', details.extraParams, 0);
  if (details.embeddingWidth !== undefined) checkField('embeddingWidth', details.embeddingWidth);
  if (details.tokenTypeRows !== undefined) checkField('tokenTypeRows', details.tokenTypeRows, 0);
  const total = countParameters(architecture).total;
  if (!(total <= MAXIMUM_PARAMETERS)) {
    throw new ConfigError(
      `the model has ${Number.isFinite(total) ? total.toExponential(3) : 'too many'} parameters, more than the supported 1e15`,
      null,
    );
  }
  return architecture;
}

/** Largest divisor of `heads` that is at most `wanted` (at least 1). */
function largestDivisorAtMost(heads: number, wanted: number): number {
  const limit = Math.max(1, Math.min(wanted, heads));
  let best = 1;
  for (let small = 1; small * small <= heads; small += 1) {
    if (heads % small !== 0) continue;
    const large = heads / small;
    if (small <= limit && small > best) best = small;
    if (large <= limit && large > best) best = large;
  }
  return best;
}

function overrideValue(name: keyof ArchOverrides, value: number | undefined, minimum = 1): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ConfigError(`${name} must be a finite number, got ${describe(value)}`, name);
  }
  const rounded = Math.round(value);
  if (rounded < minimum) throw new ConfigError(`${name} must be at least ${minimum}, got ${value}`, name);
  return checkCount(name, rounded, minimum);
}

/**
 * Applies the user's architecture overrides (ArchOverrides from the scenario) and returns a
 * validated new Architecture (the input is not modified; no overrides → the same object).
 * Rules: values are rounded to whole numbers. When hidden or heads change, a model whose
 * headDim was hidden / heads keeps headDim = hidden / heads (ConfigError `hidden` when that
 * does not divide); a model with an explicit head_dim (Gemma-2, Qwen3, Llama-3.2:
 * `details.headDimFixed`) keeps it. An ffn override also widens Mixtral-style experts
 * (expertFfn equal to ffn); DeepSeek / Qwen3-MoE experts keep moe_intermediate_size.
 * kvHeads (overridden, or kept MHA / kept as configured) is clamped to the largest divisor of
 * heads not above it. experts ≤ 1 makes the model dense; experts > 1 on a dense model adds a
 * Mixtral-style MoE (expertFfn = ffn, every layer, top-2 unless expertsPerToken says otherwise);
 * expertsPerToken is clamped to experts. Changing layers keeps the number of dense layers of a
 * partly-MoE model (DeepSeek's first_k_dense_replace) and scales the sliding-window layers in
 * proportion. contextLength also moves a learned position table (GPT-2, OPT, BERT).
 * Family extras that depend on the shape (BERT heads, OPT projections) are recomputed.
 * Units: parameters' shape fields (counts, tokens). Source: this explorer's convention.
 */
export function applyOverrides(architecture: Architecture, overrides: ArchOverrides): Architecture {
  const hidden = overrideValue('hidden', overrides.hidden) ?? architecture.hidden;
  const layers = overrideValue('layers', overrides.layers) ?? architecture.layers;
  const heads = overrideValue('heads', overrides.heads) ?? architecture.heads;
  const kvWanted = overrideValue('kvHeads', overrides.kvHeads);
  const ffn = overrideValue('ffn', overrides.ffn) ?? architecture.ffn;
  const vocab = overrideValue('vocab', overrides.vocab) ?? architecture.vocab;
  const experts = overrideValue('experts', overrides.experts);
  const topK = overrideValue('expertsPerToken', overrides.expertsPerToken);
  const contextLength = overrideValue('contextLength', overrides.contextLength) ?? architecture.contextLength;
  const unchanged =
    hidden === architecture.hidden &&
    layers === architecture.layers &&
    heads === architecture.heads &&
    (kvWanted === undefined || kvWanted === architecture.kvHeads) &&
    ffn === architecture.ffn &&
    vocab === architecture.vocab &&
    experts === undefined &&
    topK === undefined &&
    contextLength === architecture.contextLength;
  if (unchanged) return architecture;

  let headDim = architecture.headDim;
  const derivedHead =
    !architecture.details.headDimFixed && !architecture.mla && architecture.heads * architecture.headDim === architecture.hidden;
  if (derivedHead && (hidden !== architecture.hidden || heads !== architecture.heads)) {
    if (hidden % heads !== 0) {
      throw new ConfigError(`hidden (${hidden}) must be divisible by heads (${heads}) for this model`, 'hidden');
    }
    headDim = hidden / heads;
  }

  const wasMultiHead = architecture.kvHeads === architecture.heads;
  const kvHeads = largestDivisorAtMost(heads, kvWanted ?? (wasMultiHead ? heads : architecture.kvHeads));

  let moe: MoeSpec | null = architecture.moe;
  if (experts !== undefined && experts <= 1) {
    moe = null;
  } else if (experts !== undefined && !moe) {
    moe = { experts, expertsPerToken: Math.min(topK ?? 2, experts), sharedExperts: 0, expertFfn: ffn, sharedExpertFfn: 0, moeLayers: layers };
  } else if (moe) {
    const count = experts ?? moe.experts;
    const denseLayers = Math.min(layers, architecture.layers - moe.moeLayers);
    // Mixtral-style models (experts as wide as the dense ffn) follow an ffn override.
    const expertFfn = moe.expertFfn === architecture.ffn ? ffn : moe.expertFfn;
    moe = { ...moe, experts: count, expertsPerToken: Math.min(topK ?? moe.expertsPerToken, count), expertFfn, moeLayers: layers - denseLayers };
    if (moe.moeLayers === 0) moe = null;
  }

  let slidingWindowLayers = architecture.slidingWindowLayers;
  if (layers !== architecture.layers && slidingWindowLayers > 0) {
    slidingWindowLayers = Math.min(layers, Math.round((slidingWindowLayers * layers) / architecture.layers));
  }

  const details: ArchitectureDetails = { ...architecture.details };
  if (details.positionRows > 0) details.positionRows = Math.max(1, details.positionRows + contextLength - architecture.contextLength);
  details.extraParams = familyExtraParams(architecture.family, hidden, vocab, details);

  return validateArchitecture({
    ...architecture,
    hidden,
    layers,
    heads,
    kvHeads,
    headDim,
    ffn,
    vocab,
    contextLength,
    slidingWindow: slidingWindowLayers > 0 ? architecture.slidingWindow : null,
    slidingWindowLayers: architecture.slidingWindow !== null ? slidingWindowLayers : 0,
    moe,
    details,
  });
}

// ---------------------------------------------------------------------------------------------
// The shape rule: an architecture for a bare parameter count
// ---------------------------------------------------------------------------------------------

interface SizeStep {
  hidden: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  ffn: number;
  vocab: number;
  /** Parameters outside the layers: input and output embeddings, final norm. */
  fixed: number;
  /** Parameters of one layer. */
  perLayer: number;
  /** Fewest layers this width is used with. */
  minimumLayers: number;
  /** Smallest requested size at which this width is used (made monotone, see below). */
  threshold: number;
}

/** Widths of the shape rule: 64…224 by 32, 256…960 by 64, then 8 steps per octave from 1024. */
function shapeWidths(): number[] {
  const widths: number[] = [];
  for (let width = 64; width < 256; width += 32) widths.push(width);
  for (let width = 256; width < 1024; width += 64) widths.push(width);
  for (let octave = 1024; octave <= 524288; octave *= 2) {
    for (let step = 0; step < 8; step += 1) widths.push(octave + (octave / 8) * step);
  }
  return widths;
}

/** Target depth for a width: hidden/16 up to 32 layers, 32 layers to hidden 4096, then hidden/128. */
function targetLayers(hidden: number): number {
  if (hidden >= 4096) return hidden / 128;
  return Math.min(32, hidden / 16);
}

function sizeStep(hidden: number): Omit<SizeStep, 'threshold'> {
  const headDim = hidden < 256 ? 32 : hidden < 2048 ? 64 : 128;
  const heads = hidden / headDim;
  // GQA with 8 groups (or the largest power of two ≤ 8 dividing heads) from 16 heads; MHA below.
  let kvHeads = heads;
  if (heads >= 16) {
    kvHeads = 8;
    while (heads % kvHeads !== 0) kvHeads /= 2;
  }
  const multiple = hidden >= 1024 ? 256 : 64;
  const ffn = multiple * Math.ceil((8 * hidden) / 3 / multiple);
  const vocab = Math.min(32000, 32 * hidden);
  const perLayer = 2 * hidden * heads * headDim + 2 * hidden * kvHeads * headDim + 3 * hidden * ffn + 2 * hidden;
  return {
    hidden,
    heads,
    kvHeads,
    headDim,
    ffn,
    vocab,
    fixed: 2 * vocab * hidden + hidden,
    perLayer,
    minimumLayers: Math.max(6, Math.round(0.6 * targetLayers(hidden))),
  };
}

/**
 * The table behind {@link architectureFromParams}, built once. Width k is used from
 * threshold_k on: the geometric mean of the ideal totals (target depth) of widths k−1 and k,
 * moved up to the next half-layer point E_k + (m − ½)·B_k with m ≥ minimumLayers, then made
 * non-decreasing (suffix minimum), so that picking "the widest k with threshold_k ≤ P" and
 * rounding the depth keeps the total monotone in P.
 */
const SIZE_STEPS: readonly SizeStep[] = (() => {
  const steps = shapeWidths().map(sizeStep);
  const ideal = steps.map((step) => step.fixed + targetLayers(step.hidden) * step.perLayer);
  const raw = steps.map((step, index) => {
    if (index === 0) return -Infinity;
    const geometricMean = Math.sqrt((ideal[index - 1] ?? 0) * (ideal[index] ?? 0));
    const layers = Math.max(step.minimumLayers, Math.ceil((geometricMean - step.fixed) / step.perLayer + 0.5));
    return step.fixed + (layers - 0.5) * step.perLayer;
  });
  const thresholds = raw.slice();
  for (let index = thresholds.length - 2; index >= 0; index -= 1) {
    thresholds[index] = Math.min(thresholds[index] ?? Infinity, thresholds[index + 1] ?? Infinity);
  }
  return steps.map((step, index) => ({ ...step, threshold: thresholds[index] ?? Infinity }));
})();

/** Requested sizes are clamped to this range (the top keeps the result below 1e15). */
const SHAPE_RULE_RANGE = [1e6, 0.99e15] as const;

/**
 * The size slider's shape rule: a plausible modern dense decoder (Llama-style: RMSNorm,
 * SwiGLU, untied embeddings, GQA, RoPE, no biases) whose exact {@link countParameters} total is
 * close to `params`.
 *   hidden: 64…224 in steps of 32, 256…960 in steps of 64, then 8 steps per octave
 *     (1024, 1152, …, 4096, 4608, 5120, …, 8192, 9216, …, 12288, …, 16384, …) — real widths;
 *   layers ≈ hidden/16 for small models, 32 from hidden 512 to 4096 (as in Llama-2-7B, Qwen2.5,
 *     SmolLM), hidden/128 above (GPT-3 12288/96, Llama-3-405B 16384/126); the depth is then
 *     rounded so the total meets `params` (at least 6 layers, at least 0.6 × the target);
 *   head dim 32 below hidden 256, 64 below 2048, else 128; kvHeads = heads below 16 heads,
 *     else 8 (or the largest power of two ≤ 8 dividing heads);
 *   ffn = 8/3·hidden rounded up to a multiple of 256 (of 64 below hidden 1024) — Llama's rule
 *     (4096 → 11008, 5120 → 13824);
 *   vocab = min(32000, 32·hidden) so embeddings stay a modest share of tiny models; context 4096.
 * Achieved error of the total vs `params` (400,000-point log sweep, re-checked in the tests):
 * at most 4.8 % from 1e6 to 1e8, 1.7 % from 1e8 to 1e11, 0.7 % from 1e11 to 9.9e14, and
 * −1 % at 1e15 (the clamp below). The error comes from rounding the depth: ≤ 1/(2·layers).
 * Monotone non-decreasing in `params` by construction, deterministic, O(log n) over a
 * 98-row table (about 0.4 µs per call here). Inputs outside [1e6, 0.99e15] are clamped.
 * Throws ConfigError for a non-finite or non-positive `params`.
 * Units: parameters in, architecture out. Source: this explorer's rule; aspect ratios from
 * Brown et al. 2020 Table 2.1, Touvron et al. 2023 (Llama 2) and Dubey et al. 2024 Table 3.
 */
export function architectureFromParams(params: number): Architecture {
  if (typeof params !== 'number' || !Number.isFinite(params) || params <= 0) {
    throw new ConfigError(`params must be a positive finite number, got ${describe(params)}`, 'params');
  }
  const wanted = Math.min(SHAPE_RULE_RANGE[1], Math.max(SHAPE_RULE_RANGE[0], params));
  // The widest step whose threshold is at most `wanted` (thresholds are non-decreasing).
  let low = 0;
  let high = SIZE_STEPS.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((SIZE_STEPS[middle]?.threshold ?? Infinity) <= wanted) low = middle;
    else high = middle - 1;
  }
  const step = SIZE_STEPS[low] ?? sizeStep(64);
  const rounded = Math.floor((wanted - step.fixed) / step.perLayer + 0.5);
  const layers = Math.max(low === 0 ? 1 : step.minimumLayers, rounded);
  return {
    family: 'llama',
    approximate: false,
    encoderOnly: false,
    hidden: step.hidden,
    layers,
    heads: step.heads,
    kvHeads: step.kvHeads,
    headDim: step.headDim,
    ffn: step.ffn,
    vocab: step.vocab,
    contextLength: 4096,
    slidingWindow: null,
    slidingWindowLayers: 0,
    moe: null,
    mla: null,
    details: LLAMA_DETAILS,
  };
}
