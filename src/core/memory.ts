/**
 * Memory formulas: weights, KV cache, inference working memory, training model states and
 * activations, and the smallest GPU count that holds them. Units: bytes and parameters.
 * Sources: see `SOURCES` ids in each JSDoc.
 */
import type { Architecture, ParameterCount } from './types';
import type { RecomputeMode, ZeroStage } from './input';
import { BITS_PER_BYTE, GB, ceilAtLeast, nonNegative, ratio } from './units';

// ---------------------------------------------------------------------------------------------
// Weights
// ---------------------------------------------------------------------------------------------

/**
 * Bytes to store `params` weights at `bitsPerWeight` bits each (block scales included in the
 * bits, e.g. q4_0 4.5).
 *   bytes = params × bitsPerWeight / 8
 * Units: bytes. Assumes dense storage, no padding.
 * Source: definition; e.g. Dettmers et al. 2022 §3 (dettmers2022).
 * Example: 70e9 params at 16 bits → 140e9 bytes.
 */
export function weightBytes(params: number, bitsPerWeight: number): number {
  return nonNegative((nonNegative(params) * nonNegative(bitsPerWeight)) / BITS_PER_BYTE);
}

// ---------------------------------------------------------------------------------------------
// KV cache
// ---------------------------------------------------------------------------------------------

/**
 * Bytes of K and V that one token adds to ONE layer's cache.
 *   standard / grouped-query attention: 2 (K and V) × kvHeads × headDim × bytesPerValue
 *   multi-head latent attention (DeepSeek-V2/V3): (kvLoraRank + qkRopeHeadDim) × bytesPerValue —
 *     the compressed latent and the decoupled RoPE key, shared by all heads
 *   encoder-only models (BERT): 0, nothing is cached
 * Units: bytes per token per layer.
 * Sources: kwon2023 §3; deepseek2024v2 §2.1 and Table 1.
 */
export function kvCacheBytesPerTokenPerLayer(arch: Architecture, bytesPerValue: number): number {
  if (arch.encoderOnly) return 0;
  const bytes = nonNegative(bytesPerValue);
  if (arch.mla) return nonNegative((arch.mla.kvLoraRank + arch.mla.qkRopeHeadDim) * bytes);
  return nonNegative(2 * arch.kvHeads * arch.headDim * bytes);
}

/**
 * Bytes of K and V cache that one token adds across all layers.
 *   2 × layers × kvHeads × headDim × bytesPerValue   (headDim from the config where it sets one)
 *   MLA: layers × (kvLoraRank + qkRopeHeadDim) × bytesPerValue;  encoder-only: 0.
 * Units: bytes per token. Ignores sliding windows (see `kvCacheBytes` for a context total).
 * Sources: kwon2023 §3 (OPT-13B: 800 KB per token); deepseek2024v2 Table 1; deepseek2024v3 §2.1.
 * Example: Llama-2-70B (80 layers, 8 KV heads × 128) at 2 bytes → 327,680 bytes.
 */
export function kvCacheBytesPerToken(arch: Architecture, bytesPerValue: number): number {
  return nonNegative(attentionCacheLayers(arch) * kvCacheBytesPerTokenPerLayer(arch, bytesPerValue));
}

/**
 * Layers that keep a per-token KV cache: all of them except linear-attention layers (Qwen3-Next's
 * Gated DeltaNet layers keep a fixed-size recurrent state instead, `linearAttentionStateBytes`).
 * Units: layers. Source: Qwen3-Next-80B-A3B config.json (`full_attention_interval` 4: 12 of 48 layers are full attention).
 */
export function attentionCacheLayers(arch: Architecture): number {
  const linear = arch.linearAttention ? Math.min(arch.layers, Math.max(0, arch.linearAttention.layers)) : 0;
  return arch.layers - linear;
}

/**
 * Recurrent state one sequence keeps in the linear-attention layers, whatever its length:
 *   layers_linear × (valueHeads × keyHeadDim × valueHeadDim   (the delta-rule state matrix)
 *                    + (2·keyHeads·keyHeadDim + valueHeads·valueHeadDim) × (convKernel − 1))   (conv state)
 *   × bytesPerValue
 * Units: bytes per sequence. Source: transformers `Qwen3NextDynamicCache` (recurrent_states of
 * shape [batch, valueHeads, keyHeadDim, valueHeadDim], conv_states of [batch, conv channels, kernel − 1]).
 */
export function linearAttentionStateBytes(arch: Architecture, bytesPerValue: number): number {
  const spec = arch.linearAttention;
  if (!spec || arch.encoderOnly) return 0;
  const layers = Math.min(arch.layers, Math.max(0, spec.layers));
  const state = spec.valueHeads * spec.keyHeadDim * spec.valueHeadDim;
  const convChannels = 2 * spec.keyHeads * spec.keyHeadDim + spec.valueHeads * spec.valueHeadDim;
  const conv = convChannels * Math.max(0, spec.convKernel - 1);
  return nonNegative(layers * (state + conv) * nonNegative(bytesPerValue));
}

/** Layers that use a sliding window (0 when the model has none), never more than `layers`. */
export function slidingWindowLayerCount(arch: Architecture): number {
  if (arch.slidingWindow === null || !(arch.slidingWindow > 0)) return 0;
  return Math.min(arch.layers, Math.max(0, arch.slidingWindowLayers));
}

/**
 * Layer-tokens one sequence of `tokens` keeps in cache: global layers keep every token,
 * sliding-window layers at most `slidingWindow` tokens (Mistral's rolling buffer).
 *   globalLayers × tokens + windowLayers × min(tokens, window)
 * Units: layer × tokens. Source: jiang2023 §2 (rolling buffer cache); gemma2024 §2.
 */
export function kvCachedLayerTokens(arch: Architecture, tokens: number): number {
  const t = nonNegative(tokens);
  const cacheLayers = attentionCacheLayers(arch);
  const windowLayers = Math.min(cacheLayers, slidingWindowLayerCount(arch));
  const window = arch.slidingWindow ?? 0;
  const globalLayers = cacheLayers - windowLayers;
  return nonNegative(globalLayers * t + windowLayers * Math.min(t, window));
}

export interface KvCacheOptions {
  /** Tokens in each sequence (prompt + generated so far). */
  tokens: number;
  /** Sequences held at once. */
  batch: number;
  /** Bytes per cached value (2 for BF16/FP16, 1 for FP8/INT8). */
  bytesPerValue: number;
}

/**
 * KV cache of `batch` sequences of `tokens` tokens each, with sliding-window layers capped at
 * their window (Mistral-7B-v0.1: all 32 layers at 4096; Gemma-2: every other layer at 4096).
 *   batch × bytesPerTokenPerLayer × (globalLayers × tokens + windowLayers × min(tokens, window))
 * Units: bytes. Assumes no paging waste (vLLM's PagedAttention keeps it under 4%, kwon2023 §4).
 * Sources: kwon2023 §3; jiang2023 §2; gemma2024 §2.
 */
export function kvCacheBytes(arch: Architecture, options: KvCacheOptions): number {
  const perLayerToken = kvCacheBytesPerTokenPerLayer(arch, options.bytesPerValue);
  const perSequence = perLayerToken * kvCachedLayerTokens(arch, options.tokens) + linearAttentionStateBytes(arch, options.bytesPerValue);
  return nonNegative(nonNegative(options.batch) * perSequence);
}

/**
 * Inverse of `kvCacheBytes`: the longest sequence (tokens) such that `batch` sequences fit in
 * `availableBytes`, capped at `maxTokens` (a model whose every layer is windowed has a bounded
 * cache and would otherwise fit any context).
 * Units: tokens (floored). Source: inverse of kvCacheBytes.
 */
export function maxTokensForKvBytes(
  arch: Architecture,
  availableBytes: number,
  batch: number,
  bytesPerValue: number,
  maxTokens = 1e7,
): number {
  // The linear-attention state is paid per sequence whatever its length.
  const available = nonNegative(nonNegative(availableBytes) - nonNegative(batch) * linearAttentionStateBytes(arch, bytesPerValue));
  const perLayerToken = kvCacheBytesPerTokenPerLayer(arch, bytesPerValue) * nonNegative(batch);
  const cacheLayers = attentionCacheLayers(arch);
  if (perLayerToken === 0 || cacheLayers === 0) return nonNegative(maxTokens);
  const layerTokensBudget = available / perLayerToken;
  const windowLayers = Math.min(cacheLayers, slidingWindowLayerCount(arch));
  const globalLayers = cacheLayers - windowLayers;
  const window = arch.slidingWindow ?? 0;
  // Up to the window every cached layer grows by one layer-token per token.
  const atWindow = cacheLayers * window;
  let tokens: number;
  if (windowLayers > 0 && layerTokensBudget >= atWindow) {
    tokens = globalLayers > 0 ? window + (layerTokensBudget - atWindow) / globalLayers : nonNegative(maxTokens);
  } else {
    tokens = ratio(layerTokensBudget, cacheLayers);
  }
  return Math.min(nonNegative(maxTokens), Math.floor(nonNegative(tokens)));
}

// ---------------------------------------------------------------------------------------------
// Inference working memory
// ---------------------------------------------------------------------------------------------

/**
 * Tokens one prefill chunk processes at once. vLLM and TensorRT-LLM split long prompts into
 * chunks of a few thousand tokens (chunked prefill); 2048 is the order of their defaults.
 */
export const DEFAULT_PREFILL_CHUNK_TOKENS = 2048;

/**
 * Per-GPU memory an inference runtime takes besides weights, KV cache and activations: the CUDA
 * context (≈ 0.3–0.5 GB), cuBLAS/NCCL workspaces, CUDA graphs and allocator fragmentation.
 * 1 GB is this project's documented round figure (source id `thisProject`).
 */
export const RUNTIME_OVERHEAD_BYTES_PER_GPU = 1 * GB;

/** Bytes per logit: samplers compute logits in FP32. */
export const LOGIT_BYTES = 4;

export interface InferenceWorkingOptions {
  arch: Architecture;
  /** Sequences decoded together (each needs one row of logits). */
  batch: number;
  /** GPUs serving the model (each pays the runtime overhead). Default 1. */
  gpus?: number;
  /** Tokens of one prefill chunk. Default `DEFAULT_PREFILL_CHUNK_TOKENS`. */
  prefillChunkTokens?: number;
  /** Bytes per activation value. Default 2 (BF16/FP16). */
  bytesPerActivation?: number;
}

export interface InferenceWorkingBreakdown {
  /** Transient activations of the widest layer while a prefill chunk passes through. */
  activations: number;
  /** FP32 logits of the last position of every sequence in the batch. */
  logits: number;
  /** Runtime overhead × GPUs. */
  runtime: number;
  total: number;
}

/** Widest MLP intermediate a token passes through (dense FFN, or its k experts plus shared ones). */
function intermediateWidth(arch: Architecture): number {
  if (!arch.moe) return arch.ffn;
  const routed = arch.moe.expertsPerToken * arch.moe.expertFfn + arch.moe.sharedExperts * arch.moe.sharedExpertFfn;
  return Math.max(arch.ffn, routed);
}

/**
 * Inference working memory besides weights and KV cache — a documented estimate, not a
 * measurement. Activations are not kept across layers at inference, so the peak is one layer's:
 *   activations = chunkTokens × (2·hidden + (heads + 2·kvHeads)·headDim + 2·intermediate) × bytesPerActivation
 *     (residual and normed input, q/k/v, the two MLP intermediates of a gated MLP; FlashAttention,
 *     so no chunk × context score matrix — dao2022 §3)
 *   logits      = batch × vocab × 4 bytes (FP32, last position only)
 *   runtime     = gpus × RUNTIME_OVERHEAD_BYTES_PER_GPU (1 GB)
 * Units: bytes. Sources: dao2022; kwon2023 (chunked prefill / sampler); `thisProject`.
 */
export function inferenceWorkingBreakdown(options: InferenceWorkingOptions): InferenceWorkingBreakdown {
  const { arch } = options;
  const chunk = nonNegative(options.prefillChunkTokens ?? DEFAULT_PREFILL_CHUNK_TOKENS);
  const bytes = nonNegative(options.bytesPerActivation ?? 2);
  const width = 2 * arch.hidden + (arch.heads + 2 * arch.kvHeads) * arch.headDim + 2 * intermediateWidth(arch);
  const activations = nonNegative(chunk * width * bytes);
  const logits = nonNegative(nonNegative(options.batch) * arch.vocab * LOGIT_BYTES);
  const runtime = nonNegative(Math.max(1, nonNegative(options.gpus ?? 1)) * RUNTIME_OVERHEAD_BYTES_PER_GPU);
  return { activations, logits, runtime, total: activations + logits + runtime };
}

/** Total of `inferenceWorkingBreakdown` (bytes). */
export function inferenceWorkingBytes(options: InferenceWorkingOptions): number {
  return inferenceWorkingBreakdown(options).total;
}

// ---------------------------------------------------------------------------------------------
// Training: model states (ZeRO)
// ---------------------------------------------------------------------------------------------

export interface ModelStateOptions {
  params: number;
  zeroStage: ZeroStage;
  dataParallel: number;
  tensorParallel: number;
  pipelineParallel: number;
  /** Bytes per working weight. Default 2 (FP16/BF16). */
  bytesPerWeight?: number;
  /** Bytes per gradient. Default 2. */
  bytesPerGradient?: number;
  /** Optimizer bytes per parameter, K in the ZeRO paper. Default 12 (FP32 master, momentum, variance). */
  optimizerBytesPerParam?: number;
}

export interface ModelStateBreakdown {
  weights: number;
  gradients: number;
  optimizer: number;
  total: number;
}

/** Parallel degrees as integers ≥ 1. */
function degree(x: number): number {
  return ceilAtLeast(Math.floor(nonNegative(x)) || 1, 1);
}

/**
 * Model-state memory per device for mixed-precision Adam under ZeRO, split by component.
 *   unsharded: (2 weights + 2 gradients + 12 optimizer: FP32 master, momentum, variance) bytes × params
 *   first divided over tensorParallel × pipelineParallel (each device holds its slice of layers),
 *   then over dataParallel: stage 1 shards the optimizer states, stage 2 also the gradients,
 *   stage 3 also the weights.
 * Units: bytes. Excludes activations, buffers and fragmentation (ZeRO-R is not modelled).
 * Source: rajbhandari2020 §3.1, §5 and Figure 1 (7.5B on 64 GPUs: 120 / 31.4 / 16.6 / 1.88 GB).
 */
export function modelStateBreakdownPerDevice(options: ModelStateOptions): ModelStateBreakdown {
  const slice = ratio(nonNegative(options.params), degree(options.tensorParallel) * degree(options.pipelineParallel));
  const dataParallel = degree(options.dataParallel);
  const stage = options.zeroStage;
  const weights = (slice * nonNegative(options.bytesPerWeight ?? 2)) / (stage >= 3 ? dataParallel : 1);
  const gradients = (slice * nonNegative(options.bytesPerGradient ?? 2)) / (stage >= 2 ? dataParallel : 1);
  const optimizer = (slice * nonNegative(options.optimizerBytesPerParam ?? 12)) / (stage >= 1 ? dataParallel : 1);
  return {
    weights: nonNegative(weights),
    gradients: nonNegative(gradients),
    optimizer: nonNegative(optimizer),
    total: nonNegative(weights + gradients + optimizer),
  };
}

/**
 * Model-state bytes per device: the total of `modelStateBreakdownPerDevice`.
 *   stage 0: (2 + 2 + 12)·Ψ;  1: (2 + 2)·Ψ + 12·Ψ/N_d;  2: 2·Ψ + 14·Ψ/N_d;  3: 16·Ψ/N_d
 *   with Ψ = params / (tensorParallel × pipelineParallel), N_d = dataParallel.
 * Units: bytes. Source: rajbhandari2020 §3.1 and Figure 1.
 */
export function modelStateBytesPerDevice(options: ModelStateOptions): number {
  return modelStateBreakdownPerDevice(options).total;
}

// ---------------------------------------------------------------------------------------------
// Training: activations (Korthikanti et al. 2022)
// ---------------------------------------------------------------------------------------------

export interface ActivationOptions {
  seqLen: number;
  microBatch: number;
  hidden: number;
  heads: number;
  tensorParallel: number;
  sequenceParallel: boolean;
  recompute: RecomputeMode;
  /**
   * FlashAttention: the 5·a·s/h score term is recomputed, not stored (dao2022). Default false,
   * which is the paper's Table 2 as printed.
   */
  flashAttention?: boolean;
}

/**
 * Activation bytes one transformer layer keeps for the backward pass, per micro-batch, with
 * 16-bit activations and 1-byte dropout masks. s = seqLen, b = microBatch, h = hidden,
 * a = heads, t = tensorParallel:
 *   no recompute, no TP (t = 1):  s·b·h·(34 + 5·a·s/h)
 *   tensor parallel:              s·b·h·(10 + 24/t + 5·a·s/(h·t))
 *   tensor + sequence parallel:   s·b·h·(34 + 5·a·s/h) / t
 *   selective recompute (the s² attention part is recomputed): drop the 5·a·s/h term
 *     (TP: s·b·h·(10 + 24/t); TP + SP: 34·s·b·h/t)
 *   full recompute: only the layer input is kept, 2·s·b·h (Table 2 prints 2sbh; under sequence
 *     parallelism the input is itself split along the sequence, so 2·s·b·h/t — we follow that)
 * Units: bytes per layer per micro-batch. Assumes a GPT block with a 4h MLP and multi-head
 * attention; for GQA, SwiGLU or MoE layers this is the paper's approximation, not exact.
 * Source: korthikanti2022 Eq. 1–2, §4.2.2, §5 and Table 2 (s 2048, b 1, h 12288, a 96, t 8:
 * 2736 / 552 / 342 / 312 / 102 / 48 MiB).
 */
export function activationBytesPerLayer(options: ActivationOptions): number {
  const s = nonNegative(options.seqLen);
  const b = nonNegative(options.microBatch);
  const h = nonNegative(options.hidden);
  const a = nonNegative(options.heads);
  const t = degree(options.tensorParallel);
  const sbh = s * b * h;
  if (sbh === 0) return 0;
  if (options.recompute === 'full') {
    return nonNegative((2 * sbh) / (options.sequenceParallel ? t : 1));
  }
  const scores = options.recompute === 'selective' || options.flashAttention ? 0 : (5 * a * s) / h;
  const perSbh = options.sequenceParallel ? (34 + scores) / t : 10 + 24 / t + scores / t;
  return nonNegative(sbh * perSbh);
}

/**
 * Extra activation bytes outside the transformer layers (Korthikanti §4.3), a rough term:
 *   first pipeline stage: input-embedding dropout mask, s·b·h·p bytes (/t with sequence parallel),
 *     for the p micro-batches in flight
 *   last pipeline stage: final norm, output projection and FP32 cross-entropy, 4·s·b·h/t·(1 + v/h)
 * Units: bytes. Source: korthikanti2022 §4.3.
 */
export function embeddingActivationBytes(options: {
  seqLen: number;
  microBatch: number;
  hidden: number;
  vocab: number;
  tensorParallel: number;
  pipelineParallel: number;
  sequenceParallel: boolean;
}): { firstStage: number; lastStage: number } {
  const sbh = nonNegative(options.seqLen) * nonNegative(options.microBatch) * nonNegative(options.hidden);
  const t = degree(options.tensorParallel);
  const p = degree(options.pipelineParallel);
  const firstStage = (sbh * p) / (options.sequenceParallel ? t : 1);
  const lastStage = ((4 * sbh) / t) * (1 + ratio(nonNegative(options.vocab), nonNegative(options.hidden)));
  return { firstStage: nonNegative(firstStage), lastStage: nonNegative(lastStage) };
}

export interface TrainingMemoryOptions {
  zeroStage: ZeroStage;
  dataParallel: number;
  tensorParallel: number;
  pipelineParallel: number;
  microBatch: number;
  seqLen: number;
  recompute: RecomputeMode;
  sequenceParallel: boolean;
  bytesPerWeight?: number;
  bytesPerGradient?: number;
  optimizerBytesPerParam?: number;
  flashAttention?: boolean;
  /**
   * Micro-batches each pipeline runs per step (global batch ÷ (data parallel × micro-batch)): the
   * first stage holds min(p, this) in flight. Default p (at least p micro-batches per step).
   */
  microBatchesPerStep?: number;
  /**
   * The architecture's own activation bytes per layer and micro-batch at a tensor-parallel degree
   * and recompute mode (the estimate passes the planner's per-tensor count: GQA, gated MLPs and the
   * k routed copies of each token through an MoE layer); absent = Korthikanti et al.'s GPT figure,
   * `activationBytesPerLayer`.
   */
  perLayerActivationBytes?: (tensorParallel: number, recompute: RecomputeMode) => number;
  /**
   * Layers whose activations go to host memory (Megatron-Core activation offload): with p = 1 and
   * no recomputation they leave the GPU, less the one in transit (as the planner counts them,
   * src/core/planner/offload.ts); ignored otherwise (the planner rejects that layout).
   */
  offloadLayers?: number;
}

export interface TrainingMemoryBreakdown {
  weights: number;
  gradients: number;
  optimizer: number;
  activations: number;
  total: number;
}

/**
 * Peak training memory of the busiest device: model states plus activations.
 *   model states: `modelStateBreakdownPerDevice` on the total parameter count
 *   activations: per-layer bytes × ceil(layers / p) layers on a stage × micro-batches in flight.
 *     With the 1F1B schedule the first stage keeps p micro-batches in flight and the last one
 *     (narayanan2021 §2.2.1) — fewer when the step has only m < p (`microBatchesPerStep`) — so
 *     the peak is the larger of
 *       first stage: perLayer × ceil(L/p) × min(p, m) + embedding dropout mask
 *       last stage:  perLayer × ceil(L/p) × 1 + output logits term (4·s·b·h/t·(1 + v/h))
 *     and with p = 1 one device holds all of it. Without `microBatchesPerStep`, m ≥ p is assumed.
 * Units: bytes. Excludes temporary buffers and fragmentation.
 * Sources: rajbhandari2020 Figure 1; korthikanti2022 Table 2 and §4.3; narayanan2021 §2.2.1.
 */
export function trainingMemoryPerDevice(
  arch: Architecture,
  count: ParameterCount,
  options: TrainingMemoryOptions,
): TrainingMemoryBreakdown {
  const states = modelStateBreakdownPerDevice({
    params: count.total,
    zeroStage: options.zeroStage,
    dataParallel: options.dataParallel,
    tensorParallel: options.tensorParallel,
    pipelineParallel: options.pipelineParallel,
    bytesPerWeight: options.bytesPerWeight,
    bytesPerGradient: options.bytesPerGradient,
    optimizerBytesPerParam: options.optimizerBytesPerParam,
  });
  const activations = trainingActivationBytesPerDevice(arch, options);
  return {
    weights: states.weights,
    gradients: states.gradients,
    optimizer: states.optimizer,
    activations,
    total: nonNegative(states.total + activations),
  };
}

/** The activation part of `trainingMemoryPerDevice` (bytes). */
export function trainingActivationBytesPerDevice(
  arch: Architecture,
  options: Pick<
    TrainingMemoryOptions,
    'tensorParallel' | 'pipelineParallel' | 'microBatch' | 'seqLen' | 'recompute' | 'sequenceParallel' | 'flashAttention' | 'microBatchesPerStep' | 'perLayerActivationBytes' | 'offloadLayers'
  >,
): number {
  const tensor = degree(options.tensorParallel);
  const perLayer = layerActivationBytes(arch, options, tensor);
  const stage = stageActivationBytes(arch, perLayer, options, tensor, degree(options.pipelineParallel));
  const offload = options.offloadLayers ?? 0;
  const offloads = offload > 0 && offload < arch.layers && degree(options.pipelineParallel) === 1 && options.recompute === 'none';
  return offloads ? nonNegative(stage - (Math.floor(offload) - 1) * perLayer) : stage;
}

/** One layer's activations per micro-batch at `tensor`-way TP: the architecture's own count when given, else Korthikanti's. */
function layerActivationBytes(
  arch: Architecture,
  options: Pick<TrainingMemoryOptions, 'microBatch' | 'seqLen' | 'recompute' | 'sequenceParallel' | 'flashAttention' | 'perLayerActivationBytes'>,
  tensor: number,
): number {
  if (options.perLayerActivationBytes) return nonNegative(options.perLayerActivationBytes(tensor, options.recompute));
  return activationBytesPerLayer({
    seqLen: options.seqLen,
    microBatch: options.microBatch,
    hidden: arch.hidden,
    heads: arch.heads,
    tensorParallel: tensor,
    sequenceParallel: options.sequenceParallel,
    recompute: options.recompute,
    flashAttention: options.flashAttention,
  });
}

/**
 * The busiest stage's activations for a per-layer figure (see `trainingActivationBytesPerDevice`):
 * split out so the layout search computes the per-layer bytes once per tensor-parallel degree.
 */
function stageActivationBytes(
  arch: Architecture,
  perLayer: number,
  options: Pick<TrainingMemoryOptions, 'microBatch' | 'seqLen' | 'sequenceParallel' | 'microBatchesPerStep'>,
  tensor: number,
  pipelineDegree: number,
): number {
  const pipeline = Math.min(pipelineDegree, Math.max(1, arch.layers));
  const layersPerStage = Math.ceil(arch.layers / pipeline);
  const extra = embeddingActivationBytes({
    seqLen: options.seqLen,
    microBatch: options.microBatch,
    hidden: arch.hidden,
    vocab: arch.vocab,
    tensorParallel: tensor,
    pipelineParallel: pipeline,
    sequenceParallel: options.sequenceParallel,
  });
  if (pipeline === 1) return nonNegative(perLayer * layersPerStage + extra.firstStage + extra.lastStage);
  const perStep = options.microBatchesPerStep;
  const inFlight = perStep !== undefined && Number.isFinite(perStep) && perStep >= 1 ? Math.min(pipeline, Math.floor(perStep)) : pipeline;
  const first = perLayer * layersPerStage * inFlight + extra.firstStage;
  const last = perLayer * layersPerStage + extra.lastStage;
  return nonNegative(Math.max(first, last));
}

// ---------------------------------------------------------------------------------------------
// Smallest GPU counts
// ---------------------------------------------------------------------------------------------

export interface TrainingFit {
  gpus: number;
  tensorParallel: number;
  pipelineParallel: number;
  dataParallel: number;
  /** Bytes per GPU at that layout. */
  bytesPerGpu: number;
}

export interface MinimumTrainingGpusOptions
  extends Omit<TrainingMemoryOptions, 'dataParallel' | 'tensorParallel' | 'pipelineParallel'> {
  memoryBytesPerGpu: number;
  /** Largest tensor-parallel degree tried (Megatron keeps TP inside an 8-GPU node). Default 8. */
  maxTensorParallel?: number;
  /** Give up beyond this many GPUs. Default 1e6. */
  maxGpus?: number;
}

/**
 * The smallest number of GPUs that can train the model with the scenario's ZeRO stage,
 * recomputation and micro-batch: a search over tensor parallel t ∈ {1, 2, 4, 8} (a power of two
 * dividing the heads), pipeline parallel p ∈ {1, 2, 4, …} ≤ layers, and for each (t, p) the
 * smallest data-parallel degree d that fits. Memory per device is linear in 1/d
 * (f(d) = fixed + sharded / d), so d = ceil(sharded / (capacity − fixed)) in closed form; with
 * ZeRO stage 0 nothing is sharded and d = 1. Returns the layout with the fewest GPUs = t·p·d
 * (ties: less model parallelism), or null when nothing fits within `maxGpus`.
 * Ignores the global-batch constraint (d micro-batches must fit the batch) and communication.
 * Units: GPUs, bytes. Sources: rajbhandari2020; korthikanti2022; narayanan2021 §3.
 */
export function minimumGpusForTraining(
  arch: Architecture,
  count: ParameterCount,
  options: MinimumTrainingGpusOptions,
): TrainingFit | null {
  const capacity = nonNegative(options.memoryBytesPerGpu);
  const maxGpus = nonNegative(options.maxGpus ?? 1e6);
  const maxTensor = Math.max(1, options.maxTensorParallel ?? 8);
  const stage = options.zeroStage;
  const weight = nonNegative(options.bytesPerWeight ?? 2);
  const gradient = nonNegative(options.bytesPerGradient ?? 2);
  const optimizer = nonNegative(options.optimizerBytesPerParam ?? 12);
  // Bytes per parameter of the slice that ZeRO shards over data parallel, and that it keeps whole.
  const shardedPerParam = (stage >= 1 ? optimizer : 0) + (stage >= 2 ? gradient : 0) + (stage >= 3 ? weight : 0);
  const keptPerParam = weight + gradient + optimizer - shardedPerParam;
  const params = nonNegative(count.total);
  let best: TrainingFit | null = null;
  for (let tensor = 1; tensor <= maxTensor; tensor *= 2) {
    if (tensor > 1 && arch.heads % tensor !== 0) continue;
    const perLayer = layerActivationBytes(arch, options, tensor);
    for (let pipeline = 1; pipeline <= Math.max(1, arch.layers) && pipeline <= 1024; pipeline *= 2) {
      const slice = params / (tensor * pipeline);
      const activations = stageActivationBytes(arch, perLayer, options, tensor, pipeline);
      // f(d) = fixed + sharded / d
      const fixed = slice * keptPerParam + activations;
      const sharded = slice * shardedPerParam;
      let data: number;
      if (fixed + sharded <= capacity) data = 1;
      else if (sharded <= 0 || fixed >= capacity) continue;
      else data = Math.ceil(sharded / (capacity - fixed));
      const gpus = tensor * pipeline * data;
      if (gpus > maxGpus) continue;
      if (best === null || gpus < best.gpus) {
        best = { gpus, tensorParallel: tensor, pipelineParallel: pipeline, dataParallel: data, bytesPerGpu: fixed + sharded / data };
      }
    }
  }
  return best;
}
