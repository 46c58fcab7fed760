/**
 * What one engine step of a served model reads and computes: the parameters every token
 * multiplies, the routed experts a batch touches, the output head, and attention over the cached
 * context. Units: parameters, bytes, FLOPs.
 */
import type { Architecture, ParameterCount } from '../types';
import type { PrecisionId } from '../../data/types';
import { PRECISIONS } from '../../data/precisions';
import { expectedExpertsTouchedFraction } from '../moe';
import { kvCacheBytesPerToken, kvCachedLayerTokens, slidingWindowLayerCount } from '../memory';
import { BITS_PER_BYTE, nonNegative } from '../units';

export interface ServingModelShape {
  arch: Architecture;
  layers: number;
  hidden: number;
  /**
   * Parameters every token multiplies, outside the routed experts and the output head: attention,
   * dense MLPs, shared experts, routers, norms (`total − embedding − outputHead − routedExperts`).
   */
  denseParams: number;
  /** All routed-expert parameters (0 for dense models). */
  routedExpertParams: number;
  /** Routed experts per MoE layer and how many each token picks (1 / 1 for dense models). */
  experts: number;
  expertsPerToken: number;
  /** Layers with routed experts (0 for dense models). */
  moeLayers: number;
  /** Intermediate width of one routed expert (0 for dense models). */
  expertFfn: number;
  /** Intermediate width of the dense MLP. */
  ffn: number;
  /** Width of the output head's input (the embedding width) and its rows (the vocabulary). */
  headWidth: number;
  vocab: number;
  /** The output projection (vocab × width), read every step even when tied to the embedding. */
  headParams: number;
  /** Attention projections, for attention-data-parallel layouts that replicate them. */
  attentionParams: number;
  /** Stored bytes per weight, block scales included. */
  bytesPerWeight: number;
  /** Bytes of weights resident on the replica (every expert; the input embedding included). */
  residentWeightBytes: number;
}

/**
 * The serving shape of a model at a weight precision.
 *   denseParams = total − embedding − outputHead − routedExperts − vision
 *   headParams  = vocab × embeddingWidth
 * The input embedding is a table lookup (one row per token), so it is resident but not streamed;
 * a vision tower (multimodal checkpoints) is resident but does not run for text tokens.
 * Units: parameters, bytes. Source: `countParameters` (params.ts); fedus2022 §2 (routed experts).
 */
export function servingModelShape(arch: Architecture, count: ParameterCount, weightPrecision: PrecisionId): ServingModelShape {
  const bits = PRECISIONS[weightPrecision].bitsPerWeight;
  const width = arch.details.embeddingWidth ?? arch.hidden;
  const moe = arch.moe && count.routedExperts > 0 ? arch.moe : null;
  return {
    arch,
    layers: arch.layers,
    hidden: arch.hidden,
    denseParams: nonNegative(count.total - count.embedding - count.outputHead - count.routedExperts - (count.vision ?? 0)),
    routedExpertParams: nonNegative(count.routedExperts),
    experts: moe ? moe.experts : 1,
    expertsPerToken: moe ? moe.expertsPerToken : 1,
    moeLayers: moe ? moe.moeLayers : 0,
    expertFfn: moe ? moe.expertFfn : 0,
    ffn: arch.ffn,
    headWidth: width,
    vocab: arch.vocab,
    headParams: nonNegative(arch.vocab * width),
    attentionParams: nonNegative(count.attention),
    bytesPerWeight: bits / BITS_PER_BYTE,
    residentWeightBytes: nonNegative((count.total * bits) / BITS_PER_BYTE),
  };
}

/**
 * Parameters one step of `tokens` tokens reads from memory: the dense part and the head once, plus
 * the routed experts at least one token picked (uniform routing, `expectedExpertsTouchedFraction`).
 *   params = denseParams + headParams + routedExpertParams × (1 − (1 − k/E)^tokens)
 * At one token this is the active parameters minus the embedding table. Units: parameters.
 * Sources: pope2022 §2 (decode reads every weight once per step); fedus2022 §2.
 */
export function paramsReadPerStep(shape: ServingModelShape, tokens: number): number {
  const touched = expectedExpertsTouchedFraction(shape.experts, shape.expertsPerToken, Math.max(1, tokens));
  return nonNegative(shape.denseParams + shape.headParams + shape.routedExpertParams * touched);
}

/** Bytes of weights one step of `tokens` tokens streams (see `paramsReadPerStep`). Units: bytes. */
export function weightBytesReadPerStep(shape: ServingModelShape, tokens: number): number {
  return nonNegative(paramsReadPerStep(shape, tokens) * shape.bytesPerWeight);
}

/**
 * Matrix FLOPs of one step: every token through the dense part and its k experts, and the head
 * only for the tokens that are sampled (decode tokens and the last token of each finished prompt).
 *   flops = 2 × (denseParams + routedExpertParams × k / E) × tokens + 2 × headParams × sampledTokens
 * Units: FLOPs. Source: kaplan2020 §2.1 (2N FLOPs per token forward).
 */
export function linearFlopsPerStep(shape: ServingModelShape, tokens: number, sampledTokens: number): number {
  const perToken = shape.denseParams + (shape.routedExpertParams * shape.expertsPerToken) / shape.experts;
  return nonNegative(2 * perToken * nonNegative(tokens) + 2 * shape.headParams * nonNegative(sampledTokens));
}

/**
 * Attention FLOPs of one token attending over `contextTokens` cached tokens (QKᵀ and the weighted
 * sum of V, 2 FLOPs per multiply-add, sliding-window layers capped at their window):
 *   standard / GQA: 4 × heads × headDim × Σ_layers context_layer
 *   MLA decode (weights absorbed, deepseek2024v2 §2.1.2): 2 × heads × (2·kvLoraRank + qkRopeHeadDim) × Σ context
 *   MLA prefill (latent expanded): 2 × heads × (qkNope + qkRope + vHeadDim) × Σ context
 * Units: FLOPs per token. Sources: dao2022 §3 (attention FLOPs); deepseek2024v2 §2.1.
 */
export function attentionFlopsPerToken(arch: Architecture, contextTokens: number, phase: 'decode' | 'prefill'): number {
  if (arch.encoderOnly) return 0;
  const layerContexts = kvCachedLayerTokens(arch, contextTokens);
  if (arch.mla) {
    const { kvLoraRank, qkRopeHeadDim, qkNopeHeadDim, vHeadDim } = arch.mla;
    const width = phase === 'decode' ? 2 * kvLoraRank + qkRopeHeadDim : qkNopeHeadDim + qkRopeHeadDim + vHeadDim;
    return nonNegative(2 * arch.heads * width * layerContexts);
  }
  return nonNegative(4 * arch.heads * arch.headDim * layerContexts);
}

/**
 * Bytes of KV cache one decode step reads for `sequences` sequences at `contextTokens` each
 * (sliding-window layers read at most their window). Units: bytes. Source: kwon2023 §3; pope2022 §2.
 */
export function kvBytesReadPerStep(arch: Architecture, sequences: number, contextTokens: number, kvBytesPerValue: number): number {
  const perToken = kvCacheBytesPerToken(arch, kvBytesPerValue);
  if (perToken === 0 || arch.layers === 0) return 0;
  return nonNegative((nonNegative(sequences) * perToken * kvCachedLayerTokens(arch, contextTokens)) / arch.layers);
}

/** True when every layer of the model keeps a bounded (sliding-window) cache. */
export function kvCacheIsBounded(arch: Architecture): boolean {
  return arch.encoderOnly || (slidingWindowLayerCount(arch) === arch.layers && arch.layers > 0);
}
