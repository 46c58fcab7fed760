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
  | 'gemma2'
  | 'phi3'
  | 'deepseek_v2'
  | 'deepseek_v3'
  | 'bert'
  | 'generic';

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
 * matrices implied by the sizes. Owned by `core/params.ts`.
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
  /** Norm type: LayerNorm has weight and bias, RMSNorm weight only. */
  norm: 'layernorm' | 'rmsnorm';
  /** Norms inside each layer (2 for most, 4 for Gemma-2, 1 for old Falcon). */
  normsPerLayer: number;
  /** Per-head RMSNorm on q and k (Qwen3): 2 × headDim weights per layer. */
  qkNorm: boolean;
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
  /** True when the family was not recognised and the model is estimated as a Llama-style decoder. */
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
}
