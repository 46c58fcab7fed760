/**
 * Shared types of the estimation core. Units everywhere: parameters, bytes, FLOPs, FLOP/s,
 * seconds, US dollars, watts, joules — plain numbers. Formatting happens only in the view.
 */

/** The model families `architectureFromHfConfig` understands (`generic` = unknown type, estimated). */
export type ModelFamily =
  | 'gpt2'
  | 'gpt_neox'
  | 'opt'
  | 'bloom'
  | 'falcon'
  | 'llama'
  | 'mistral'
  | 'mixtral'
  | 'qwen2'
  | 'qwen3'
  | 'qwen3_moe'
  | 'gemma'
  | 'gemma2'
  | 'phi3'
  | 'deepseek_v2'
  | 'deepseek_v3'
  | 'bert'
  | 'gemma3'
  | 'gemma3_text'
  | 'gpt_oss'
  | 'qwen2_moe'
  | 'qwen3_next'
  | 'llama4'
  | 'cohere'
  | 'cohere2'
  | 'olmo2'
  | 'granite'
  | 'phi3small'
  | 'phimoe'
  | 'generic';

/**
 * Why an architecture is only an estimate (`approximate: true`), as codes the view translates:
 * - `unknown-model-type`: the config's model_type is not one the explorer reads exactly; it is read
 *   as a Llama-style decoder (RMSNorm, SwiGLU, no biases unless the config says so).
 * - `no-model-type`: the config names no model_type at all.
 * - `shared-experts-assumed-plain`: the config has shared experts, counted as plain SwiGLU MLPs
 *   (no gate, no bias) because the family's exact layout is unknown.
 * - `moe-layout-assumed`: which layers are MoE and how wide the experts are is guessed from
 *   common field names (every layer sparse unless first_k_dense_replace / mlp_only_layers say otherwise).
 * - `tied-embeddings-assumed`: tie_word_embeddings is absent and the family's default is unknown;
 *   untied (Llama's default) is assumed.
 * - `extra-layers-ignored`: the config describes parts the estimate leaves out (linear-attention /
 *   state-space layers, vision or audio towers).
 */
export type ApproximateReason =
  | 'unknown-model-type'
  | 'no-model-type'
  | 'shared-experts-assumed-plain'
  | 'moe-layout-assumed'
  | 'tied-embeddings-assumed'
  | 'extra-layers-ignored';

/** Mixture-of-experts layout. Memory pays for every expert, compute for `expertsPerToken`. */
export interface MoeSpec {
  /** Routed experts in each MoE layer. */
  experts: number;
  /** Routed experts chosen per token (top-k). */
  expertsPerToken: number;
  /** Always-active shared experts per MoE layer (DeepSeek); 0 for Mixtral and Qwen3-MoE. */
  sharedExperts: number;
  /** Intermediate size of one routed expert's MLP. */
  expertFfn: number;
  /** Intermediate size of one shared expert's MLP (0 when there is none). */
  sharedExpertFfn: number;
  /** How many of the model's layers are MoE layers (the others use the dense `ffn`). */
  moeLayers: number;
  /** A sigmoid gate Linear(hidden, 1) in front of the shared expert (Qwen2-MoE, Qwen3-Next); absent = none. */
  sharedExpertGate?: boolean;
}

/**
 * Gated DeltaNet linear-attention layers (Qwen3-Next): they keep a fixed-size recurrent state
 * instead of a KV cache. The other `layers − linearAttention.layers` layers are full attention.
 */
export interface LinearAttentionSpec {
  /** How many of the model's layers are linear-attention layers. */
  layers: number;
  keyHeads: number;
  valueHeads: number;
  keyHeadDim: number;
  valueHeadDim: number;
  /** Width of the depthwise causal convolution over q, k, v. */
  convKernel: number;
}

/** A vision encoder and its projector into the language model (Gemma 3, Llama 4 multimodal checkpoints). */
export interface VisionTower {
  /** Parameters of the vision encoder, projector excluded (they do not depend on the text shape). */
  encoderParams: number;
  /** Width of the features the projector maps to `hidden` (a projectorWidth × hidden matrix). */
  projectorWidth: number;
  /** Parameters of the projector besides that matrix (Gemma 3's soft-embedding RMSNorm). */
  projectorExtraParams: number;
  /** The projector has a bias of `hidden` (Llama 4's multi_modal_projector_bias); absent = none. */
  projectorBias?: boolean;
}

/** Multi-head latent attention (DeepSeek-V2/V3): the cache holds one compressed latent per token. */
export interface MlaSpec {
  /** Rank of the query compression; null when queries are projected directly (DeepSeek-V2-Lite). */
  qLoraRank: number | null;
  kvLoraRank: number;
  qkRopeHeadDim: number;
  qkNopeHeadDim: number;
  vHeadDim: number;
}

/**
 * Exact-count switches: what the family's Hugging Face model class builds besides the
 * matrices implied by the sizes. Owned by the readers in `core/families/`.
 */
export interface ArchitectureDetails {
  /** 3 matrices (SwiGLU / GeGLU) instead of 2. */
  gatedMlp: boolean;
  /** Bias on the q, k, v projections. */
  qkvBias: boolean;
  /** Bias on the attention output projection. */
  attentionOutputBias: boolean;
  /** Biases on the MLP matrices. */
  mlpBias: boolean;
  /** Norm type: LayerNorm has weight and bias, RMSNorm and Cohere's bias-free LayerNorm a weight only. */
  norm: 'layernorm' | 'rmsnorm' | 'layernorm-nobias';
  /** Norms inside each layer (2 for most, 4 for Gemma-2, 1 for old Falcon). */
  normsPerLayer: number;
  /** Per-head RMSNorm on q and k (Qwen3): 2 × headDim weights per layer (see qkNormWidth). */
  qkNorm: boolean;
  /** 'full': the q and k norms span all heads (OLMo 2's heads·headDim and kvHeads·headDim, Cohere's per-head weights); absent = one headDim each. */
  qkNormWidth?: 'head' | 'full';
  /** One learned attention-sink logit per head and layer (gpt-oss). */
  attentionSinks?: boolean;
  /** q_proj also yields a sigmoid output gate, doubling its width (Qwen3-Next full attention). */
  attentionOutputGate?: boolean;
  /** Bias on the output head (Phi-3.5-MoE's lm_head_bias). */
  outputBias?: boolean;
  /** A vision encoder counted with the model (multimodal checkpoints); absent = text only. */
  vision?: VisionTower;
  /** Final norm after the last layer. */
  finalNorm: boolean;
  /** Input and output embeddings share one matrix. */
  tiedEmbeddings: boolean;
  /** Rows of a learned absolute position table (0 for RoPE / ALiBi). */
  positionRows: number;
  /** Norm directly after the token embedding (BLOOM, BERT). */
  embeddingNorm: boolean;
  /** Bias on the router of MoE layers. */
  routerBias: boolean;
  /** Parameters the family adds outside this scheme (BERT pooler and pre-training heads, OPT projections, ...), counted once. */
  extraParams: number;
  /** Width of the token embedding and output head when it differs from `hidden` (OPT-350m's `word_embed_proj_dim`); absent = hidden. */
  embeddingWidth?: number;
  /** Rows of a token-type (segment) embedding table (BERT `type_vocab_size`); absent = 0. */
  tokenTypeRows?: number;
  /** headDim is a config value of its own (explicit `head_dim`, Qwen3 / Gemma-2 defaults) and stays when hidden changes; absent = hidden / heads. */
  headDimFixed?: boolean;
}

export interface Architecture {
  family: ModelFamily;
  /** True when the family was not recognised and the model is estimated as a Llama-style decoder (see approximateReasons). */
  approximate: boolean;
  /** Encoder-only models (BERT) keep no KV cache. */
  encoderOnly: boolean;
  hidden: number;
  layers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  /** Intermediate size of the dense MLP. */
  ffn: number;
  vocab: number;
  /** Longest context the model was configured for, in tokens. */
  contextLength: number;
  /** Sliding-window size of the windowed layers, or null. */
  slidingWindow: number | null;
  /** How many layers use the sliding window (the rest are global). */
  slidingWindowLayers: number;
  moe: MoeSpec | null;
  mla: MlaSpec | null;
  details: ArchitectureDetails;
  /** Linear-attention layers (Qwen3-Next); absent or null = every layer is softmax attention. */
  linearAttention?: LinearAttentionSpec | null;
  /**
   * Multi-token-prediction layers the checkpoint carries beside the model (DeepSeek-V3's
   * num_nextn_predict_layers, Qwen3-Next's mtp_num_hidden_layers). Not part of `total`: counted
   * in `ParameterCount.mtp`. Absent = 0.
   */
  mtpLayers?: number;
  /** Why the estimate is approximate, in codes the view translates; empty / absent when exact. */
  approximateReasons?: ApproximateReason[];
}

/**
 * The user's changes to an architecture's shape (the controls' architecture fields), each
 * optional; `applyOverrides` rounds and validates them. The scenario's `ArchOverrides` has this
 * shape, so the core reads it without importing from the scenario layer.
 */
export interface ArchitectureOverrides {
  hidden?: number;
  layers?: number;
  heads?: number;
  kvHeads?: number;
  ffn?: number;
  vocab?: number;
  experts?: number;
  expertsPerToken?: number;
  contextLength?: number;
}

/** Where the model's parameters live. All fields are parameter counts. */
export interface ParameterCount {
  /** Unique trainable parameters (tied matrices once, buffers never). */
  total: number;
  /** Parameters used for one token: total minus the routed experts not chosen. */
  active: number;
  /** Token (and position / token-type) embeddings. */
  embedding: number;
  /** Attention projections (and their biases, MLA norms). */
  attention: number;
  /** Dense MLPs plus every expert and router. */
  mlp: number;
  /** All norm weights and biases. */
  norms: number;
  /** Untied output head (0 when tied). */
  outputHead: number;
  /** Family extras (BERT heads and pooler, OPT projections). */
  other: number;
  /** Routed-expert parameters (0 for dense models). */
  routedExperts: number;
  /** Everything except embeddings and output head (Kaplan's N). */
  nonEmbedding: number;
  /**
   * Multi-token-prediction module (not in `total`): its projection, norms and transformer block;
   * the embedding and output head it shares with the model are not counted again. 0 when none.
   */
  mtp?: number;
  /** Vision encoder and projector (part of `other`); 0 for text-only models. */
  vision?: number;
}
