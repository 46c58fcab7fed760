/**
 * The matrices one transformer layer multiplies, read off an `Architecture`, and the FLOP
 * counting convention of Megatron-LM / NeMo. Units: matrix dimensions, parameters, FLOPs.
 */
import type { Architecture } from '../types';
import { slidingWindowLayerCount } from '../memory';

/** One weight matrix of k inputs × n outputs and how tensor parallelism splits it. */
export interface Gemm {
  k: number;
  n: number;
  /** column: n split over tp (QKV, MLP up); row: k split over tp (attention out, MLP down). */
  split: 'column' | 'row';
}

export interface LayerShapes {
  hidden: number;
  /** Query heads, and the widths of one head's query/key and value vectors. */
  heads: number;
  kvHeads: number;
  qkHeadDim: number;
  vHeadDim: number;
  /** Width of the K and V tensors a layer keeps for attention (MLA: the up-projected heads). */
  kvWidth: number;
  attention: Gemm[];
  /** MLA's up-projections (q from its LoRA rank, k/v from the joint latent), a subset of `attention`; empty otherwise. */
  upProjections: Gemm[];
  /** Dense MLP (non-MoE layers). */
  denseMlp: Gemm[];
  /** One routed expert's MLP, and the shared experts' MLP as one block (empty when none). */
  expertMlp: Gemm[];
  sharedMlp: Gemm[];
  experts: number;
  expertsPerToken: number;
  moeLayers: number;
  denseLayers: number;
  /** Intermediate width of the dense MLP and of one token's routed + shared experts. */
  denseFfn: number;
  expertFfnPerToken: number;
  gated: boolean;
  vocab: number;
  /** Rotary embeddings touch q and k (false for learned positions and ALiBi). */
  rotary: boolean;
  /** Dropout masks stored for backward (GPT-2/-3 style families; Llama-style runs use none). */
  dropout: boolean;
}

const DROPOUT_FAMILIES = new Set(['gpt2', 'opt', 'bloom', 'gpt_neox', 'bert']);

function mlp(hidden: number, ffn: number, gated: boolean): Gemm[] {
  if (!(ffn > 0)) return [];
  return [
    { k: hidden, n: (gated ? 2 : 1) * ffn, split: 'column' },
    { k: ffn, n: hidden, split: 'row' },
  ];
}

/**
 * The GEMMs of one layer. Standard attention: QKV (hidden → (heads + 2·kvHeads)·headDim) and the
 * output projection; MLA (DeepSeek-V2/V3): the q down/up projections (or a direct q projection),
 * the joint KV down-projection (kvLoraRank + rope) and up-projection to heads·(nope + v), and the
 * output projection. MLP: up (gate and up together when gated) and down.
 * Source: the families' Hugging Face modelling code; deepseek2024v2 §2.1.
 */
export function layerShapes(arch: Architecture): LayerShapes {
  const hidden = arch.hidden;
  const gated = arch.details.gatedMlp;
  let attention: Gemm[];
  let qkHeadDim = arch.headDim;
  let vHeadDim = arch.headDim;
  let kvWidth = 2 * arch.kvHeads * arch.headDim;
  let upProjections: Gemm[] = [];
  if (arch.mla) {
    const mla = arch.mla;
    qkHeadDim = mla.qkNopeHeadDim + mla.qkRopeHeadDim;
    vHeadDim = mla.vHeadDim;
    kvWidth = arch.heads * (qkHeadDim + vHeadDim);
    const query: Gemm[] = mla.qLoraRank
      ? [
          { k: hidden, n: mla.qLoraRank, split: 'column' },
          { k: mla.qLoraRank, n: arch.heads * qkHeadDim, split: 'column' },
        ]
      : [{ k: hidden, n: arch.heads * qkHeadDim, split: 'column' }];
    const kvUp: Gemm = { k: mla.kvLoraRank, n: arch.heads * (mla.qkNopeHeadDim + mla.vHeadDim), split: 'column' };
    attention = [...query, { k: hidden, n: mla.kvLoraRank + mla.qkRopeHeadDim, split: 'column' }, kvUp, { k: arch.heads * vHeadDim, n: hidden, split: 'row' }];
    upProjections = [...(mla.qLoraRank ? query.slice(1) : []), kvUp];
  } else {
    attention = [
      { k: hidden, n: (arch.heads + 2 * arch.kvHeads) * arch.headDim, split: 'column' },
      { k: arch.heads * arch.headDim, n: hidden, split: 'row' },
    ];
  }
  const moe = arch.moe;
  const moeLayers = moe ? Math.min(arch.layers, Math.max(0, moe.moeLayers)) : 0;
  const sharedFfn = moe ? moe.sharedExperts * moe.sharedExpertFfn : 0;
  return {
    hidden,
    heads: arch.heads,
    kvHeads: arch.kvHeads,
    qkHeadDim,
    vHeadDim,
    kvWidth,
    attention,
    upProjections,
    denseMlp: mlp(hidden, arch.ffn, gated),
    expertMlp: moe ? mlp(hidden, moe.expertFfn, gated) : [],
    sharedMlp: mlp(hidden, sharedFfn, gated),
    experts: moe ? moe.experts : 0,
    expertsPerToken: moe ? moe.expertsPerToken : 0,
    moeLayers,
    denseLayers: arch.layers - moeLayers,
    denseFfn: arch.ffn,
    expertFfnPerToken: moe ? moe.expertsPerToken * moe.expertFfn + sharedFfn : 0,
    gated,
    vocab: arch.vocab,
    rotary: arch.details.positionRows === 0 && arch.family !== 'bloom',
    dropout: DROPOUT_FAMILIES.has(arch.family),
  };
}

/** Weights of a list of GEMMs (k·n each). */
export function gemmWeights(gemms: readonly Gemm[]): number {
  let total = 0;
  for (const gemm of gemms) total += gemm.k * gemm.n;
  return total;
}

/** Average keys a query attends to in a layer with context `seqLen` (`window` null = global), causal. */
export function causalKeys(seqLen: number, window: number | null): number {
  if (window === null || window >= seqLen) return seqLen / 2;
  return window - (window * window) / (2 * seqLen);
}

/**
 * Model FLOPs per token for training, in the convention of Megatron-LM's
 * `num_floating_point_operations` (training.py, "APPENDIX: FLOATING-POINT OPERATIONS" of
 * Narayanan et al. 2021) and NeMo's flops formulas:
 *   6 × (Σ_layers matmul weights a token passes + hidden × vocab of the output head)
 *   + 6 × Σ_layers context_l × heads × (qkHeadDim + vHeadDim)
 * The first term: forward 2 FLOPs per weight, backward 4. Input embeddings are a lookup (no
 * FLOPs); MoE layers count the k routed experts plus shared experts, not the router. The second
 * term is the attention over the FULL context × context square (QKᵀ and AV, forward + backward,
 * 12·s·heads·headDim per token and layer for standard attention), not the causal half — the
 * convention both sources print their TFLOP/s and MFU in, so MFU here compares with theirs
 * (checked: Llama-2-7B at 4096 → 4.608e10 FLOPs per token; NeMo's 780 TFLOP/s ÷ 16,934 tokens/s
 * = 4.606e10). Sliding-window layers attend over at most their window.
 * Multi-token prediction (`Architecture.mtpLayers` = D, mtp.ts) is included, as Megatron-LM counts
 * it (megatron/training/training.py `num_floating_point_operations`, `transformer_flops`: the MTP
 * blocks as D more layers of the last layer's kind, "MTP norms and proj" 2h² each, and the logits
 * × (mtp_num_layers + 1)): per depth one more transformer layer of the model's kind (global
 * attention over the full square), the 2h → h projection and one more output head; the norms' 3h
 * FLOPs are left out like every other norm's. The MTP loss is trained on every token (DeepSeek-V3
 * §2.2), so this is work the run does per token, and MFU in this convention compares with Megatron's.
 * Units: FLOPs per token.
 */
export function modelFlopsPerToken(arch: Architecture, seqLen: number): number {
  const shapes = layerShapes(arch);
  const attentionWeights = gemmWeights(shapes.attention);
  const denseLayer = attentionWeights + gemmWeights(shapes.denseMlp);
  const moeLayer =
    attentionWeights + shapes.expertsPerToken * gemmWeights(shapes.expertMlp) + gemmWeights(shapes.sharedMlp);
  const weights = shapes.denseLayers * denseLayer + shapes.moeLayers * moeLayer + arch.hidden * arch.vocab;
  const windowLayers = slidingWindowLayerCount(arch);
  const window = Math.min(seqLen, arch.slidingWindow ?? seqLen);
  const contextSum = (arch.layers - windowLayers) * seqLen + windowLayers * window;
  const attention = 6 * contextSum * shapes.heads * (shapes.qkHeadDim + shapes.vHeadDim);
  const depth = arch.mtpLayers ?? 0;
  if (!(depth > 0)) return 6 * weights + attention;
  const mtpWeights = depth * ((shapes.moeLayers > 0 ? moeLayer : denseLayer) + 2 * arch.hidden * arch.hidden + arch.hidden * arch.vocab);
  const mtpAttention = 6 * depth * seqLen * shapes.heads * (shapes.qkHeadDim + shapes.vHeadDim);
  return 6 * (weights + mtpWeights) + attention + mtpAttention;
}

/**
 * Forward FLOPs per token of the attention core alone (QKᵀ and AV over the full square,
 * same convention as `modelFlopsPerToken`): what selective recomputation adds to the
 * hardware FLOPs. Units: FLOPs per token.
 */
export function attentionForwardFlopsPerTokenFull(arch: Architecture, seqLen: number): number {
  const shapes = layerShapes(arch);
  const windowLayers = slidingWindowLayerCount(arch);
  const window = Math.min(seqLen, arch.slidingWindow ?? seqLen);
  const contextSum = (arch.layers - windowLayers) * seqLen + windowLayers * window;
  const depth = arch.mtpLayers ?? 0;
  const mtpContext = depth > 0 ? depth * seqLen : 0;
  return 2 * (contextSum + mtpContext) * shapes.heads * (shapes.qkHeadDim + shapes.vHeadDim);
}

/**
 * Forward FLOPs per token of all transformer layers (matmuls + full-square attention): what
 * full recomputation adds to the hardware FLOPs (the output head is not recomputed; with MTP the
 * MTP blocks are, their projections and head passes are not).
 * Units: FLOPs per token. Source: Korthikanti et al. 2022 §5 (hardware FLOPs with recompute).
 */
export function layerForwardFlopsPerToken(arch: Architecture, seqLen: number): number {
  const depth = arch.mtpLayers ?? 0;
  const head = 6 * arch.hidden * arch.vocab;
  if (!(depth > 0)) return (modelFlopsPerToken(arch, seqLen) - head) / 3;
  const notRecomputed = (1 + depth) * head + depth * 6 * 2 * arch.hidden * arch.hidden;
  return (modelFlopsPerToken(arch, seqLen) - notRecomputed) / 3;
}
