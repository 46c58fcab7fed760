/**
 * Seconds one GPU spends on one transformer layer for one micro-batch, forward and backward,
 * split into matmuls, attention kernels, memory-bound ops and raw (not yet overlapped)
 * communication. The step model (`step.ts`) decides what of the communication is exposed.
 * Units: seconds, bytes, FLOPs.
 */
import { attentionSeconds, gemmSeconds, memorySeconds, MEMORY_BOUND_EFFICIENCY, type ComputeRates } from './hardware';
import { collectiveSeconds, placeGroup, sendSeconds } from './collectives';
import { causalKeys, type Gemm, type LayerShapes } from './shape';
import type { ResolvedCluster } from './types';
import type { AttentionKernel } from '../../data/training-frameworks';

/** Raw seconds of one phase (forward or backward) of one layer for one micro-batch. */
export interface PhaseSeconds {
  gemm: number;
  attention: number;
  memory: number;
  /** Tensor-parallel collectives, before overlap. */
  tp: number;
  /** Context-parallel K/V ring exchange, before overlap. */
  cp: number;
  /** Expert-parallel all-to-all. */
  ep: number;
}

export interface LayerCost {
  forward: PhaseSeconds;
  backward: PhaseSeconds;
}

export interface LayerCostContext {
  shapes: LayerShapes;
  rates: ComputeRates;
  cluster: ResolvedCluster;
  seqLen: number;
  /** Sliding window of windowed layers, or null. */
  window: number | null;
  microBatch: number;
  tp: number;
  cp: number;
  ep: number;
  sequenceParallel: boolean;
  /** Bytes per matmul input element (1 for FP8): FP8 adds cast kernels. */
  fp8: boolean;
  /** FlashAttention, or the unfused attention of 2019–22 Megatron (training-frameworks.ts). */
  attentionKernel: AttentionKernel;
}

const ACTIVATION_BYTES = 2;

/** Tokens of one micro-batch that pass through this GPU's GEMMs (SP gathers the sequence over tp). */
export function gemmTokens(context: LayerCostContext): number {
  return (context.microBatch * context.seqLen) / context.cp;
}

function gemmListSeconds(gemms: readonly Gemm[], tokens: number, shardDegree: number, context: LayerCostContext): number {
  const { rates } = context;
  let seconds = 0;
  for (const gemm of gemms) {
    const n = gemm.split === 'column' ? gemm.n / shardDegree : gemm.n;
    const k = gemm.split === 'row' ? gemm.k / shardDegree : gemm.k;
    seconds += gemmSeconds(tokens, n, k, rates.matmulPeak, rates.matmulEfficiency, rates.matmulInputBytes, rates.memoryBandwidth);
  }
  return seconds;
}

/**
 * HBM bytes per s × s score element of the unfused attention core (2-byte elements), forward and
 * backward: forward QKᵀ writes the scores (2), the fused scale-mask-softmax reads and writes them
 * (4), attention over V reads the probabilities (2); dropout on the probabilities reads, writes and
 * stores a 1-byte mask (5). Backward: dP written (2) and P read for dV (2), dropout backward (5),
 * softmax backward reads dP and P and writes dS (6), dQ and dK read dS (4) — 14 without dropout.
 * Counted from Megatron-LM's attention (megatron/model/transformer.py CoreAttention, 2021–22:
 * baddbmm, FusedScaleMaskSoftmax, attention_dropout, bmm); the stored tensors are Korthikanti et
 * al. 2022 §4.1's 5as²b bytes. Units: bytes per element.
 */
export const UNFUSED_SCORE_BYTES = {
  forward: { plain: 8, dropout: 13 },
  backward: { plain: 14, dropout: 19 },
} as const;

/**
 * Attention core seconds for one layer and micro-batch, forward and backward.
 * FlashAttention: executes the causal half, 2 · tokens · keys · heads/tp · (dqk + dv) FLOPs with
 * keys = the average causal context (`causalKeys`); the backward kernel does 2.5× the forward
 * FLOPs (it recomputes QKᵀ and the softmax, then 4 more matmuls: Dao 2023 §3.1.2).
 * Unfused (Megatron-LM 2019–22): batched GEMMs over the FULL square (the causal mask is applied
 * after QKᵀ), backward 2× forward (dQ, dK, dV, dP), at the same kernel efficiency as
 * FlashAttention's matmuls (k or n is a head dimension), plus the score traffic of
 * UNFUSED_SCORE_BYTES at HBM speed.
 * Units: seconds.
 */
function attentionPhaseSeconds(context: LayerCostContext): { forward: number; backward: number } {
  const { shapes } = context;
  const tokens = gemmTokens(context);
  const headsHere = shapes.heads / context.tp;
  const kernelKeys = Math.min(context.seqLen / context.cp, context.window ?? Infinity);
  if (context.attentionKernel === 'unfused') {
    const keys = Math.min(context.seqLen, context.window ?? Infinity);
    const flops = 2 * tokens * keys * headsHere * (shapes.qkHeadDim + shapes.vHeadDim);
    const matmul = attentionSeconds(flops, kernelKeys, context.rates);
    const elements = tokens * keys * headsHere;
    const kind = shapes.dropout ? 'dropout' : 'plain';
    const bandwidth = context.rates.memoryBandwidth * MEMORY_BOUND_EFFICIENCY;
    return {
      forward: matmul + (elements * UNFUSED_SCORE_BYTES.forward[kind]) / bandwidth,
      backward: 2 * matmul + (elements * UNFUSED_SCORE_BYTES.backward[kind]) / bandwidth,
    };
  }
  const keys = causalKeys(context.seqLen, context.window);
  const flops = 2 * tokens * keys * headsHere * (shapes.qkHeadDim + shapes.vHeadDim);
  const forward = attentionSeconds(flops, kernelKeys, context.rates);
  return { forward, backward: 2.5 * forward };
}

/**
 * HBM bytes the memory-bound ops of one layer move per token, forward, as elements × 2 bytes:
 *   two norms (read + write hidden) 4h; two residual adds (2 reads + 1 write) 6h;
 *   rotary on q and k 2·(q + k widths); activation function 3·ffn gated (2 reads of gate/up,
 *   1 write) or 2·ffn; FP8: a cast of every GEMM input (read 2 bytes, write 1) 1.5 × inputs;
 *   MoE: permute and un-permute of k token copies 4·k·h.
 * Backward moves about twice as much (gradients of each op's inputs and outputs).
 * Source: counted from the Megatron-Core / Transformer Engine layer (fused norm-linear kernels
 * read the input once); an estimate, documented in docs/training-planner.md.
 */
function memoryElementsPerToken(shapes: LayerShapes, ffn: number, moe: boolean, fp8: boolean): number {
  const h = shapes.hidden;
  const qWidth = shapes.heads * shapes.qkHeadDim;
  const kWidth = shapes.kvWidth / 2;
  const normsAndResiduals = 10 * h;
  const rotary = shapes.rotary ? 2 * (qWidth + kWidth) : 0;
  const activation = (shapes.gated ? 3 : 2) * ffn;
  const casts = fp8 ? 1.5 * (2 * h + shapes.heads * shapes.vHeadDim + ffn) : 0;
  const permute = moe ? 4 * shapes.expertsPerToken * h : 0;
  return normsAndResiduals + rotary + activation + casts + permute;
}

/**
 * Raw seconds of one layer (dense, or MoE when `moe`) for one micro-batch on one GPU.
 *   GEMMs: tokens = microBatch · seqLen / cp rows; column-parallel outputs and row-parallel
 *     inputs split over tp; backward = dgrad + wgrad = 2 × forward.
 *   MoE: k routed experts per token; with ep > 1 experts are not tensor-split (expert TP 1) and
 *     each local expert multiplies ep · tokens/tp · k / experts rows; with ep = 1 experts split
 *     over tp like a dense MLP (Megatron's default expert TP = TP).
 *   Tensor parallel + sequence parallel (Korthikanti 2022 §4.2.2): per block one all-gather and
 *     one reduce-scatter of tokens × hidden forward; backward one reduce-scatter and two
 *     all-gathers (the extra one re-gathers the sharded input for the weight gradient).
 *     Without SP: one all-reduce per block each way (same bytes as AG + RS).
 *   Context parallel (ring attention, Liu et al. 2023; Megatron CP): cp − 1 sends of this rank's
 *     K and V chunk forward, twice that backward (K, V and their gradients).
 *   Expert parallel: dispatch + combine all-to-all forward, the same backward, of
 *     tokens/tp · k copies × hidden × 2 bytes, over the ep group.
 * Units: seconds.
 */
export function layerCost(context: LayerCostContext, moe: boolean): LayerCost {
  const { shapes, cluster, tp, cp, ep } = context;
  const tokens = gemmTokens(context);
  const sp = context.sequenceParallel && tp > 1;
  // --- GEMMs
  let gemmForward = gemmListSeconds(shapes.attention, tokens, tp, context);
  let ffnWidth: number;
  if (moe) {
    const expertRows = ep > 1 ? (ep * tokens * shapes.expertsPerToken) / (tp * shapes.experts) : (tokens * shapes.expertsPerToken) / shapes.experts;
    const expertShard = ep > 1 ? 1 : tp;
    const localExperts = ep > 1 ? shapes.experts / ep : shapes.experts;
    gemmForward += localExperts * gemmListSeconds(shapes.expertMlp, expertRows, expertShard, context);
    gemmForward += gemmListSeconds(shapes.sharedMlp, tokens, tp, context);
    ffnWidth = shapes.expertFfnPerToken;
  } else {
    gemmForward += gemmListSeconds(shapes.denseMlp, tokens, tp, context);
    ffnWidth = shapes.denseFfn;
  }
  // --- attention kernel
  const attention = attentionPhaseSeconds(context);
  // --- memory-bound ops: sharded over tp (SP splits the norms' tokens; q, k, ffn are column-split)
  const elements = memoryElementsPerToken(shapes, ffnWidth, moe, context.fp8);
  const replicated = sp || tp === 1 ? 0 : 10 * shapes.hidden * (tp - 1);
  const memoryForward = memorySeconds(((elements + replicated) / tp) * tokens * ACTIVATION_BYTES, context.rates);
  // --- tensor parallel: buffer = tokens × hidden × 2 bytes per collective
  let tpForward = 0;
  let tpBackward = 0;
  if (tp > 1) {
    const tpGroup = placeGroup(tp, 1, cluster.gpusPerNode);
    const buffer = tokens * shapes.hidden * ACTIVATION_BYTES;
    const blocks = moe && ep > 1 ? 1 : 2; // an expert-parallel MoE block keeps tokens sharded
    if (sp) {
      const gather = collectiveSeconds('all-gather', buffer, tpGroup, cluster);
      const scatter = collectiveSeconds('reduce-scatter', buffer, tpGroup, cluster);
      tpForward = blocks * (gather + scatter);
      tpBackward = blocks * (2 * gather + scatter);
    } else {
      const reduce = collectiveSeconds('all-reduce', buffer, tpGroup, cluster);
      tpForward = blocks * reduce;
      tpBackward = blocks * reduce;
    }
  }
  // --- context parallel: ring exchange of this rank's K and V chunk
  let cpForward = 0;
  if (cp > 1) {
    const kvBytes = (tokens * shapes.kvWidth * ACTIVATION_BYTES) / tp;
    const crossesNodes = tp * cp > cluster.gpusPerNode;
    cpForward = (cp - 1) * sendSeconds(kvBytes, crossesNodes, cluster);
  }
  // --- expert parallel all-to-all
  let epForward = 0;
  if (moe && ep > 1) {
    const epGroup = placeGroup(ep, tp * cp, cluster.gpusPerNode);
    const bytes = (tokens / tp) * shapes.expertsPerToken * shapes.hidden * ACTIVATION_BYTES;
    epForward = 2 * collectiveSeconds('all-to-all', bytes, epGroup, cluster);
  }
  return {
    forward: { gemm: gemmForward, attention: attention.forward, memory: memoryForward, tp: tpForward, cp: cpForward, ep: epForward },
    backward: {
      gemm: 2 * gemmForward,
      attention: attention.backward,
      memory: 2 * memoryForward,
      tp: tpBackward,
      cp: 2 * cpForward,
      ep: epForward,
    },
  };
}

/**
 * The output head and loss on the last stage for one micro-batch: logits GEMM tokens × hidden ×
 * vocab/tp in 16 bits (Transformer Engine keeps the output layer out of FP8), cross-entropy over
 * the FP32 logits (≈ 12 bytes per logit forward + backward), and with SP one all-gather of the
 * final hidden states forward and a reduce-scatter backward. The input embedding on the first
 * stage is a lookup: tokens × hidden written forward, scatter-added backward.
 * Units: seconds (forward and backward together), split like `PhaseSeconds`.
 */
export function headCost(context: LayerCostContext): { head: PhaseSeconds; embedding: PhaseSeconds } {
  const { shapes, rates, cluster, tp } = context;
  const tokens = gemmTokens(context);
  const vocabShard = shapes.vocab / tp;
  const logits = gemmSeconds(tokens, vocabShard, shapes.hidden, rates.halfPeak, rates.halfEfficiency, 2, rates.memoryBandwidth);
  const loss = memorySeconds(tokens * vocabShard * 12, rates);
  let tpSeconds = 0;
  if (tp > 1 && context.sequenceParallel) {
    const group = placeGroup(tp, 1, cluster.gpusPerNode);
    const buffer = tokens * shapes.hidden * ACTIVATION_BYTES;
    tpSeconds = collectiveSeconds('all-gather', buffer, group, cluster) + collectiveSeconds('reduce-scatter', buffer, group, cluster);
  }
  const embeddingBytes = (tokens * shapes.hidden * (ACTIVATION_BYTES + 4)) / (context.sequenceParallel ? tp : 1);
  return {
    head: { gemm: 3 * logits, attention: 0, memory: loss, tp: tpSeconds, cp: 0, ep: 0 },
    embedding: { gemm: 0, attention: 0, memory: memorySeconds(embeddingBytes, rates), tp: 0, cp: 0, ep: 0 },
  };
}
