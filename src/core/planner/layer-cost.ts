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
import { GEMM_KERNEL_FIXED_SECONDS } from '../gemm';

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
  /** Forward seconds of MLA's up-projection GEMMs (`LayerShapes.upProjections`), for frameworks that recompute them. */
  upProjectionForward: number;
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
  /** HBM bytes per logit of the cross-entropy (training-frameworks.ts). */
  crossEntropyBytesPerLogit: number;
  /**
   * Tensor-parallel communication is overlapped by splitting the GEMMs next to it into tp chunks
   * (Transformer Engine userbuffers; Wang et al. 2023, "Overlap communication with dependent
   * computation via decomposition", ASPLOS): the forward GEMMs and the input-gradient GEMMs run as
   * tp GEMMs of tokens / tp rows each; the weight-gradient GEMMs stay whole.
   */
  tpChunkedGemms: boolean;
  /** Node-limited routing and its dispatch precision (training-frameworks.ts `nodeLimitedRouting`), or absent. */
  nodeLimitedRouting?: { maxNodes: number; dispatchBytes: number };
}

const ACTIVATION_BYTES = 2;

/** Tokens of one micro-batch that pass through this GPU's GEMMs (SP gathers the sequence over tp). */
export function gemmTokens(context: LayerCostContext): number {
  return (context.microBatch * context.seqLen) / context.cp;
}

/** Forward and backward seconds of a list of GEMMs. */
interface GemmPhases {
  forward: number;
  backward: number;
}

/**
 * Seconds of the GEMMs of `gemms` for `tokens` rows on one GPU, column-parallel outputs and
 * row-parallel inputs split over `shardDegree`. Forward: Y = X·W, (tokens × k)·(k × n). Backward:
 * the input gradient dX = dY·Wᵀ, (tokens × n)·(n × k), and the weight gradient dW = Xᵀ·dY,
 * (k × tokens)·(tokens × n) — the same FLOPs as the forward each, on their own shapes (the weight
 * gradient reduces over the tokens, so a short hidden size costs the forward and the input
 * gradient, not it).
 */
function gemmListSeconds(gemms: readonly Gemm[], tokens: number, shardDegree: number, context: LayerCostContext, chunks = 1): GemmPhases {
  const { rates } = context;
  let forward = 0;
  let backward = 0;
  const rows = tokens / chunks;
  for (const gemm of gemms) {
    const n = gemm.split === 'column' ? gemm.n / shardDegree : gemm.n;
    const k = gemm.split === 'row' ? gemm.k / shardDegree : gemm.k;
    forward += chunks * gemmSeconds(rows, n, k, rates);
    backward += chunks * gemmSeconds(rows, k, n, rates) + gemmSeconds(k, n, tokens, rates);
  }
  return { forward, backward };
}

/**
 * HBM bytes per s × s score element that the unfused attention core moves OUTSIDE its batched
 * GEMMs (whose own reads and writes of the scores are on their roofline, `gemmSeconds`): forward
 * the fused scale-mask-softmax reads and writes the scores (4); dropout on the probabilities reads
 * and writes them and stores a 1-byte mask (5). Backward: dropout backward reads the gradient and
 * the mask and writes (5); softmax backward reads the gradient and the saved probabilities and
 * writes dS (6). Counted from Megatron-LM's CoreAttention (megatron/model/transformer.py, 2021–22:
 * baddbmm, FusedScaleMaskSoftmax, attention_dropout, bmm); the stored tensors are Korthikanti et
 * al. 2022 §4.1's 5as²b bytes. Units: bytes per element.
 */
export const UNFUSED_SCORE_BYTES = {
  forward: { plain: 4, dropout: 9 },
  backward: { plain: 6, dropout: 11 },
} as const;

/**
 * Attention core seconds for one layer and micro-batch, forward and backward.
 * FlashAttention: executes the causal half, 2 · tokens · keys · heads/tp · (dqk + dv) FLOPs with
 * keys = the average causal context (`causalKeys`), at the accelerator's measured kernel curve;
 * the backward kernel does 2.5× the forward FLOPs (it recomputes QKᵀ and the softmax, then 4 more
 * matmuls: Dao 2023 §3.1.2).
 * Unfused (Megatron-LM 2019–22): batched GEMMs over the FULL square (the causal mask is applied
 * after QKᵀ), one per (sequence, head) stacked into rows: forward QKᵀ (s × s, reduce over dqk) and
 * P·V (s × dv, reduce over s); backward dP = dO·Vᵀ, dV = Pᵀ·dO, dQ = dS·K, dK = dSᵀ·Q — each on the
 * shared GEMM model (tile quantisation, MAMF, roofline: the s × s operands stream through HBM),
 * plus the softmax and dropout traffic of UNFUSED_SCORE_BYTES at HBM speed. Checked against
 * Korthikanti et al. 2022 Table 4: selective recomputation — this forward again — adds 1.3 ms to
 * a 22B layer on A100 (test/unit/planner-model.test.ts).
 * Units: seconds.
 */
function attentionPhaseSeconds(context: LayerCostContext): { forward: number; backward: number } {
  const { shapes, rates } = context;
  const tokens = gemmTokens(context);
  const headsHere = shapes.heads / context.tp;
  const kernelKeys = Math.min(context.seqLen / context.cp, context.window ?? Infinity);
  if (context.attentionKernel === 'unfused') {
    const keys = Math.min(context.seqLen, context.window ?? Infinity);
    const rows = tokens * headsHere;
    const dqk = shapes.qkHeadDim;
    const dv = shapes.vHeadDim;
    const scores = gemmSeconds(rows, keys, dqk, rates, 'half');
    const weighted = gemmSeconds(rows, dv, keys, rates, 'half');
    const elements = rows * keys;
    const kind = shapes.dropout ? 'dropout' : 'plain';
    const bandwidth = rates.memoryBandwidth * MEMORY_BOUND_EFFICIENCY;
    return {
      forward: scores + weighted + (elements * UNFUSED_SCORE_BYTES.forward[kind]) / bandwidth,
      backward:
        gemmSeconds(rows, keys, dv, rates, 'half') +
        gemmSeconds(rows, dv, keys, rates, 'half') +
        gemmSeconds(rows, dqk, keys, rates, 'half') +
        gemmSeconds(rows, dqk, keys, rates, 'half') +
        (elements * UNFUSED_SCORE_BYTES.backward[kind]) / bandwidth,
    };
  }
  const keys = causalKeys(context.seqLen, context.window);
  const flops = 2 * tokens * keys * headsHere * (shapes.qkHeadDim + shapes.vHeadDim);
  const forward = attentionSeconds(flops, kernelKeys, context.rates);
  return { forward, backward: 2.5 * forward };
}

/**
 * HBM traffic of the memory-bound ops of one layer per token, forward, in 2-byte elements, as the
 * fused kernels of Megatron-LM / Transformer Engine move it (each kernel reads its inputs and
 * writes its outputs once):
 *   `replicated` (kept whole on every TP rank without sequence parallelism):
 *     two norms (read h, write h) 4h; two residual adds — fused bias-dropout-add with a 1-byte mask
 *     (read x and the residual, write the sum and the mask) 3.5h each in dropout families, a plain
 *     add (2 reads, 1 write) 3h each otherwise;
 *   `sharded` (split over tp): rotary on q and k (read, write) 2·(q + k); the activation function
 *     (fused with its bias: gated 2 reads + 1 write = 3·ffn, else 2·ffn); MoE permute and
 *     un-permute of the k token copies 4·k·h; with unfused attention the context layer's permute
 *     back to [s, b, h] (read, write) 2 × its width.
 *   FP8 (Transformer Engine): a GEMM input not produced by a fused kernel is cast and transposed
 *     (read 2 bytes, write the FP8 copy and its FP8 transpose: 4 bytes = 2 elements) — forward the
 *     attention-out input, the MLP-down input's transpose (its cast is fused into the activation):
 *     2 × context width + ffn; backward every output gradient dY before its two GEMMs (QKV, out,
 *     MLP up, MLP down outputs): `fp8Backward` = 2 × (q + 2·kv + h + up width + h).
 * Backward moves twice the forward's `replicated` and `sharded` (each op reads the output gradient
 * and its saved input and writes the input gradient), plus `fp8Backward`. Checked against
 * Korthikanti et al. 2022 Table 4 (22B, A100, tp 8): the time sequence parallelism saves is the
 * replicated part's 7/8 (test/unit/planner-model.test.ts).
 * Units: 2-byte elements per token.
 */
export function memoryElementsPerToken(
  shapes: LayerShapes,
  ffn: number,
  options: { moe: boolean; fp8: boolean; unfusedAttention: boolean },
): { replicated: number; sharded: number; fp8Backward: number } {
  const h = shapes.hidden;
  const qWidth = shapes.heads * shapes.qkHeadDim;
  const kWidth = shapes.kvWidth / 2;
  const contextWidth = shapes.heads * shapes.vHeadDim;
  const residual = shapes.dropout ? 3.5 : 3;
  const replicated = 4 * h + 2 * residual * h;
  const rotary = shapes.rotary ? 2 * (qWidth + kWidth) : 0;
  const activation = (shapes.gated ? 3 : 2) * ffn;
  const casts = options.fp8 ? 2 * contextWidth + ffn : 0;
  const permute = options.moe ? 4 * shapes.expertsPerToken * h : 0;
  const contextCopy = options.unfusedAttention ? 2 * contextWidth : 0;
  const upWidth = (shapes.gated ? 2 : 1) * ffn;
  const fp8Backward = options.fp8 ? 2 * (qWidth + shapes.kvWidth + h + upWidth + h) : 0;
  return { replicated, sharded: rotary + activation + casts + permute + contextCopy, fp8Backward };
}

/**
 * Elementwise kernels of one layer, forward and backward, each paying the fixed kernel time
 * (GEMM_KERNEL_FIXED_SECONDS, measured on GEMMs; the same launch, fill and drain): forward two norms, two residual adds, the
 * activation and rotary (6); backward the same six; FP8 adds the forward casts of two GEMM inputs
 * and the backward casts of four output gradients; unfused attention adds the scale-mask-softmax
 * and dropout kernels each way; MoE the router, permute and un-permute each way.
 */
export const ELEMENTWISE_KERNELS = { forward: 6, backward: 6, fp8Forward: 2, fp8Backward: 4, unfusedAttention: 2, moe: 3 } as const;

/**
 * Raw seconds of one layer (dense, or MoE when `moe`) for one micro-batch on one GPU.
 *   GEMMs: tokens = microBatch · seqLen / cp rows; column-parallel outputs and row-parallel
 *     inputs split over tp; backward = input gradient + weight gradient, each on its own shape;
 *     with tensor-parallel overlap the forward and input-gradient GEMMs run as tp chunks.
 *   Memory-bound ops: `memoryElementsPerToken` at HBM speed; every kernel adds the fixed
 *     kernel time (`ELEMENTWISE_KERNELS`, GEMM_KERNEL_FIXED_SECONDS).
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
  const gemm: GemmPhases = { forward: 0, backward: 0 };
  const add = (phases: GemmPhases, times = 1): void => {
    gemm.forward += times * phases.forward;
    gemm.backward += times * phases.backward;
  };
  const chunks = context.tpChunkedGemms && tp > 1 ? tp : 1;
  add(gemmListSeconds(shapes.attention, tokens, tp, context, chunks));
  let ffnWidth: number;
  if (moe) {
    const expertRows = ep > 1 ? (ep * tokens * shapes.expertsPerToken) / (tp * shapes.experts) : (tokens * shapes.expertsPerToken) / shapes.experts;
    const expertShard = ep > 1 ? 1 : tp;
    const localExperts = ep > 1 ? shapes.experts / ep : shapes.experts;
    add(gemmListSeconds(shapes.expertMlp, expertRows, expertShard, context), localExperts);
    add(gemmListSeconds(shapes.sharedMlp, tokens, tp, context, ep > 1 ? 1 : chunks));
    ffnWidth = shapes.expertFfnPerToken;
  } else {
    add(gemmListSeconds(shapes.denseMlp, tokens, tp, context, chunks));
    ffnWidth = shapes.denseFfn;
  }
  // --- attention kernel
  const attention = attentionPhaseSeconds(context);
  // --- memory-bound ops: q, k, ffn are column-split over tp; SP splits the norms' tokens too
  const elements = memoryElementsPerToken(shapes, ffnWidth, { moe, fp8: context.fp8, unfusedAttention: context.attentionKernel === 'unfused' });
  const perGpu = elements.sharded / tp + (sp ? elements.replicated / tp : elements.replicated);
  const memoryForward = memorySeconds(perGpu * tokens * ACTIVATION_BYTES, context.rates);
  const memoryBackward = 2 * memoryForward + memorySeconds((elements.fp8Backward / tp) * tokens * ACTIVATION_BYTES, context.rates);
  const unfused = context.attentionKernel === 'unfused' ? ELEMENTWISE_KERNELS.unfusedAttention : 0;
  const moeKernels = moe ? ELEMENTWISE_KERNELS.moe : 0;
  const kernelsForward = ELEMENTWISE_KERNELS.forward + (context.fp8 ? ELEMENTWISE_KERNELS.fp8Forward : 0) + unfused + moeKernels;
  const kernelsBackward = ELEMENTWISE_KERNELS.backward + (context.fp8 ? ELEMENTWISE_KERNELS.fp8Backward : 0) + unfused + moeKernels;
  const launch = GEMM_KERNEL_FIXED_SECONDS;
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
  let epBackward = 0;
  if (moe && ep > 1) {
    const epGroup = placeGroup(ep, tp * cp, cluster.gpusPerNode);
    const routing = context.nodeLimitedRouting;
    if (routing && epGroup.membersPerNode < epGroup.size) {
      // Node-limited routing (DeepSeek-V3 §3.2.2): one InfiniBand copy per target node, at most
      // maxNodes of the group's nodes, the own node's share (1/nodes) staying on NVLink; the NVLink
      // forwarding inside a node runs concurrently and is not the bottleneck (§3.2.2: ~3.2 experts
      // per node against IB:NVLink = 50:160 GB/s). Dispatch in `dispatchBytes`, combine and both
      // backward transfers in 16 bits.
      const nodes = epGroup.size / epGroup.membersPerNode;
      const remoteCopies = (Math.min(routing.maxNodes, nodes, shapes.expertsPerToken) * (nodes - 1)) / nodes;
      const elements = (tokens / tp) * remoteCopies * shapes.hidden;
      epForward = sendSeconds(elements * routing.dispatchBytes, true, cluster) + sendSeconds(elements * ACTIVATION_BYTES, true, cluster);
      epBackward = 2 * sendSeconds(elements * ACTIVATION_BYTES, true, cluster);
    } else {
      const bytes = (tokens / tp) * shapes.expertsPerToken * shapes.hidden * ACTIVATION_BYTES;
      epForward = 2 * collectiveSeconds('all-to-all', bytes, epGroup, cluster);
      epBackward = epForward;
    }
  }
  return {
    upProjectionForward: gemmListSeconds(shapes.upProjections, tokens, tp, context, chunks).forward,
    forward: { gemm: gemm.forward, attention: attention.forward, memory: memoryForward + kernelsForward * launch, tp: tpForward, cp: cpForward, ep: epForward },
    backward: {
      gemm: gemm.backward,
      attention: attention.backward,
      memory: memoryBackward + kernelsBackward * launch,
      tp: tpBackward,
      cp: 2 * cpForward,
      ep: epBackward,
    },
  };
}

/**
 * The output head and loss on the last stage for one micro-batch: logits GEMM tokens × hidden ×
 * vocab/tp in 16 bits (Transformer Engine keeps the output layer out of FP8), the cross-entropy at
 * the framework's bytes per logit (56 unfused, 12 fused: training-frameworks.ts), and with SP one all-gather of the
 * final hidden states forward and a reduce-scatter backward. The input embedding on the first
 * stage is a lookup: tokens × hidden written forward, scatter-added backward.
 * Units: seconds (forward and backward together), split like `PhaseSeconds`.
 */
export function headCost(context: LayerCostContext): { head: PhaseSeconds; embedding: PhaseSeconds } {
  const { shapes, rates, cluster, tp } = context;
  const tokens = gemmTokens(context);
  const vocabShard = shapes.vocab / tp;
  const logits = gemmSeconds(tokens, vocabShard, shapes.hidden, rates, 'half');
  const logitsBackward = gemmSeconds(tokens, shapes.hidden, vocabShard, rates, 'half') + gemmSeconds(shapes.hidden, vocabShard, tokens, rates, 'half');
  const loss = memorySeconds(tokens * vocabShard * context.crossEntropyBytesPerLogit, rates) + 4 * GEMM_KERNEL_FIXED_SECONDS;
  let tpSeconds = 0;
  if (tp > 1 && context.sequenceParallel) {
    const group = placeGroup(tp, 1, cluster.gpusPerNode);
    const buffer = tokens * shapes.hidden * ACTIVATION_BYTES;
    tpSeconds = collectiveSeconds('all-gather', buffer, group, cluster) + collectiveSeconds('reduce-scatter', buffer, group, cluster);
  }
  const embeddingBytes = (tokens * shapes.hidden * (ACTIVATION_BYTES + 4)) / (context.sequenceParallel ? tp : 1);
  return {
    head: { gemm: logits + logitsBackward, attention: 0, memory: loss, tp: tpSeconds, cp: 0, ep: 0 },
    embedding: { gemm: 0, attention: 0, memory: memorySeconds(embeddingBytes, rates), tp: 0, cp: 0, ep: 0 },
  };
}
