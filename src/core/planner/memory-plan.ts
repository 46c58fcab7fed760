/**
 * Memory per GPU of a parallel layout: model states under ZeRO and TP × PP (× EP for experts),
 * activations per Korthikanti et al. 2022 with the micro-batches a pipeline schedule keeps in
 * flight, and a runtime reserve. Units: bytes, parameters.
 */
import type { LayerShapes } from './shape';
import { gemmWeights } from './shape';
import type { MemoryBreakdown, Recompute, ResolvedLayout } from './types';
import { mtpExtraActivationBytesPerToken, mtpParameters } from './mtp';

/**
 * Bytes per parameter of the model states in Megatron-style mixed precision:
 * 16-bit weights (2), main gradients (4 in FP32, Megatron-LM's default for BF16,
 * `accumulate_allreduce_grads_in_fp32`; 2 when they are reduced in BF16 — `trainingStep`
 * passes its `gradientReduceBytes`), and Adam's FP32 master weights, momentum and variance (12). Megatron's distributed-optimizer table
 * (docs/source/api-guide/dist_optimizer.md): "bf16 params, fp32 grads: 6 + 12/d bytes".
 * The ZeRO paper's 2 + 2 + 12 assumes 16-bit gradients (Rajbhandari et al. 2020 §3.1).
 */
export const WEIGHT_BYTES = 2;
export const GRADIENT_BYTES = 4;
export const OPTIMIZER_BYTES = 12;

/**
 * Per-GPU memory the framework takes besides tensors: CUDA context (≈ 0.5 GB), NCCL and
 * Transformer Engine communication buffers (≈ 1 GB), cuBLAS workspaces, and allocator
 * fragmentation. A documented round figure, 3 GB, in line with PyTorch's reserved − allocated
 * gap on 80 GB parts (an estimate, not a measurement of any one run).
 */
export const RUNTIME_RESERVE_BYTES = 3e9;

/** Parameters one GPU holds on a stage of `layers` layers, split into dense and expert parts. */
export interface StageParameters {
  /** Reduced over dp × cp. */
  dense: number;
  /** Routed-expert parameters, reduced over their `expertReplicas`. */
  expert: number;
}

/**
 * How many GPUs of a pipeline stage hold the same routed expert: the expert's data-parallel group,
 * over which its gradients are reduced and its optimizer states sharded. With ep > 1 the experts
 * are not tensor-split (expert TP 1), so every tensor-parallel rank holds whole experts of its own
 * expert-parallel group: tp × dp × cp / ep copies (Megatron-Core's expert data parallelism,
 * world ÷ (pp × ep × expert TP)). With ep = 1 they split over tp like a dense MLP: dp × cp copies.
 */
export function expertReplicas(layout: Pick<ResolvedLayout, 'tp' | 'dp' | 'cp' | 'ep'>): number {
  const { tp, dp, cp, ep } = layout;
  return ep > 1 ? Math.max(1, (tp * dp * cp) / ep) : dp * cp;
}

/**
 * Parameters on one GPU of a stage with `layers` layers (dense and MoE layers in the model's
 * proportion), plus the input embedding on the first stage and the output head on the last
 * (both vocab-parallel over tp; a tied head on a separate last stage keeps its own copy, as
 * Megatron does). Routed experts are split over ep (expert TP 1) or over tp when ep = 1.
 * The last stage also holds `mtp.depth` multi-token-prediction modules (`mtpParameters`, mtp.ts).
 */
export function stageParameters(
  shapes: LayerShapes,
  layers: number,
  totalLayers: number,
  layout: ResolvedLayout,
  options: { first: boolean; last: boolean; tiedEmbeddings: boolean; mtp?: { depth: number; embeddingCopy: boolean } },
): StageParameters {
  const { tp, ep } = layout;
  const moeShare = totalLayers > 0 ? shapes.moeLayers / totalLayers : 0;
  const attention = gemmWeights(shapes.attention) / tp + 4 * shapes.hidden;
  const denseMlp = gemmWeights(shapes.denseMlp) / tp;
  const shared = gemmWeights(shapes.sharedMlp) / tp + shapes.hidden * shapes.experts;
  const experts = (shapes.experts * gemmWeights(shapes.expertMlp)) / (ep > 1 ? ep : tp);
  const perLayerDense = attention + (1 - moeShare) * denseMlp + moeShare * shared;
  const embedding = (shapes.vocab * shapes.hidden) / tp;
  let vocabParams = 0;
  if (options.first) vocabParams += embedding;
  if (options.last && !(options.first && options.tiedEmbeddings)) vocabParams += embedding;
  const dense = layers * perLayerDense + vocabParams;
  const expert = layers * moeShare * experts;
  if (!(options.last && options.mtp && options.mtp.depth > 0)) return { dense, expert };
  const mtp = mtpParameters(shapes, options.mtp.depth, layout, options.mtp.embeddingCopy);
  return { dense: dense + mtp.dense, expert: expert + mtp.expert };
}

/**
 * Activation bytes one layer keeps per token for its backward pass on one GPU, 16-bit values,
 * FlashAttention (no s × s scores stored), generalising Korthikanti et al. 2022 Eq. 1–2 to GQA,
 * gated MLPs and MoE:
 *   attention block: norm input 2h, QKV input 2h, Q 2·q, K and V 2·kv, attention output (the
 *     out-projection input) 2·v, softmax log-sum-exp 4·heads, dropout mask h (GPT-style only)
 *   MLP block: norm input 2h, up-projection input 2h, its output 2·ffn (×2 gated), activation
 *     output 2·ffn, dropout mask h; MoE: the same for k routed copies plus shared experts
 * With tensor parallelism every term is split over tp under sequence parallelism; without it the
 * norm inputs, the linear inputs and the masks (10h for GPT) stay whole — Korthikanti's
 * 34 → 10 + 24/t. Checked against Table 2 of the paper in test/unit/planner-memory.test.ts.
 * FP8 training (Transformer Engine) keeps the inputs of the linear layers — QKV, out-projection,
 * MLP up and down — as the 1-byte FP8 copies its weight-gradient GEMMs read: `linearInputBytes` 1.
 * Full recompute keeps only the layer input, 2h (/tp with SP). Selective recompute drops the
 * s² attention scores, which FlashAttention never stores, so it keeps as much as 'none'.
 * Units: bytes per token per layer.
 */
export function activationBytesPerToken(
  shapes: LayerShapes,
  moe: boolean,
  tp: number,
  sequenceParallel: boolean,
  recompute: Recompute,
  linearInputBytes = 2,
  unfusedKeys = 0,
): number {
  const h = shapes.hidden;
  const sp = sequenceParallel || tp === 1;
  if (recompute === 'full') return (2 * h) / (sp ? tp : 1);
  // Unfused attention (Megatron-LM 2019–22) stores the softmax output (2 bytes per score), and with
  // dropout its 1-byte mask and 2-byte output: Korthikanti et al. 2022 Eq. 1's 5as/h term per sbh.
  // Selective recomputation drops exactly these.
  const scores = recompute === 'none' && unfusedKeys > 0 ? ((shapes.dropout ? 5 : 2) * shapes.heads * unfusedKeys) / tp : 0;
  const mask = shapes.dropout ? h : 0;
  const linear = linearInputBytes;
  // norm inputs (16-bit), QKV and MLP-up inputs (kept in the matmul format for the weight gradient)
  const replicatedInputs = 2 * h + linear * h + mask + 2 * h + linear * h + mask;
  const qWidth = shapes.heads * shapes.qkHeadDim;
  const attentionSharded = 2 * qWidth + 2 * shapes.kvWidth + linear * shapes.heads * shapes.vHeadDim + 4 * shapes.heads;
  const gatedFactor = shapes.gated ? 2 : 1;
  let mlpSharded: number;
  if (moe) {
    const routedFfn = shapes.expertFfnPerToken;
    mlpSharded = linear * h * shapes.expertsPerToken + 2 * routedFfn * gatedFactor + linear * routedFfn;
  } else {
    mlpSharded = 2 * shapes.denseFfn * gatedFactor + linear * shapes.denseFfn;
  }
  return (sp ? replicatedInputs / tp : replicatedInputs) + (attentionSharded + mlpSharded) / tp + scores;
}

/**
 * Layer × micro-batch activation sets a pipeline stage keeps at its peak.
 *   1F1B (vp = 1): stage k of p holds p − k micro-batches (the first stage p; Narayanan et al.
 *     2021 §2.2.1), never more than the m micro-batches of the step.
 *   interleaved (vp > 1): the first rank's warm-up runs 2(p − 1) + (vp − 1)·p model chunks before
 *     its first backward, plus one in flight (Megatron `get_forward_backward_func`, interleaved
 *     schedule), each chunk layers/vp layers; ≈ layers·(1 + (p−1)/(p·vp)) for the first stage,
 *     Korthikanti et al. 2022 §4.2.3.
 * Units: layer-micro-batches.
 */
export function layersInFlight(stageLayers: number, layout: ResolvedLayout, microBatches: number, stageIndex: number): number {
  const { pp, vp } = layout;
  if (vp === 1) return stageLayers * Math.max(1, Math.min(pp - stageIndex, microBatches));
  const chunks = Math.min(microBatches * vp, 2 * (pp - stageIndex - 1) + (vp - 1) * pp + 1);
  return (chunks * stageLayers) / vp;
}

export interface MemoryInput {
  /** Bytes per stored linear-layer input: 1 for FP8 training, else 2. */
  linearInputBytes?: number;
  /** Bytes per gradient element (2 BF16 or 4 FP32 main gradients). Default GRADIENT_BYTES. */
  gradientBytes?: number;
  shapes: LayerShapes;
  totalLayers: number;
  layout: ResolvedLayout;
  recompute: Recompute;
  microBatches: number;
  seqLen: number;
  tiedEmbeddings: boolean;
  /** The attention core stores its s × s scores (Megatron-LM 2019–22), adding Korthikanti's 5as/h term. */
  unfusedAttention?: boolean;
  /** Multi-token-prediction modules on the last stage (`Architecture.mtpLayers`), default 0. */
  mtpLayers?: number;
  /** The last stage builds its own embedding for the MTP input (a 1F1B pipeline; not DualPipe, which shares it). */
  mtpEmbeddingCopy?: boolean;
}

/**
 * Peak memory per GPU: the larger of the first stage (most micro-batches in flight, the
 * embedding) and the last stage (the output head and its FP32 logits).
 *   weights 2 B, gradients 4 B, optimizer 12 B per parameter; ZeRO stage ≥ 1 divides the
 *   optimizer over the data-parallel group (dp × cp; routed experts over `expertReplicas`), stage ≥ 2 also the
 *   gradients, stage 3 also the weights (plus two layers' gathered weights in flight)
 *   activations = bytes per token per layer × tokens per micro-batch (microBatch·seqLen/cp)
 *     × layer-micro-batches in flight; full recompute adds one layer's full set (its backward);
 *     offload moves `offloadLayers` layers' sets to host memory (`offloaded`) less one in transit
 *   last stage: logits tokens × vocab/tp × 10 B (16-bit logits, FP32 softmax and gradient)
 *   MTP (last stage, depth D): D modules' parameters under the same ZeRO split (`mtpParameters`);
 *     activations of D transformer blocks of the model's kind and their norm/projection inputs
 *     (`mtpExtraActivationBytesPerToken`) for the one micro-batch the last stage holds (1F1B), and
 *     D more logits sets (both losses are backpropagated together, so both sets are live)
 *   reserve = RUNTIME_RESERVE_BYTES
 * Units: bytes. Sources: Rajbhandari et al. 2020 Figure 1; Korthikanti et al. 2022 §4–5;
 * Megatron-LM distributed-optimizer docs.
 */
export function memoryPerGpu(input: MemoryInput): MemoryBreakdown {
  const { shapes, layout, recompute, microBatches, seqLen } = input;
  const { tp, cp, dp, pp, zeroStage } = layout;
  const dataParallel = dp * cp;
  const expertDataParallel = expertReplicas(layout);
  const tokens = (layout.microBatch * seqLen) / cp;
  const moeShare = input.totalLayers > 0 ? shapes.moeLayers / input.totalLayers : 0;
  const linear = input.linearInputBytes ?? 2;
  const unfusedKeys = input.unfusedAttention ? seqLen : 0;
  const perToken = averageActivationPerToken(shapes, moeShare, tp, layout.sequenceParallel, recompute, linear, unfusedKeys);
  const perTokenFull = recompute === 'full' ? averageActivationPerToken(shapes, moeShare, tp, layout.sequenceParallel, 'none', linear, unfusedKeys) : 0;
  const gradientBytes = input.gradientBytes ?? GRADIENT_BYTES;
  let best: MemoryBreakdown | null = null;
  for (let end = 0; end < 2; end += 1) {
    const first = end === 0 || pp === 1;
    const last = end === 1 || pp === 1;
    const stageIndex = end === 0 ? 0 : pp - 1;
    const layers = end === 0 ? layout.firstStageLayers : layout.lastStageLayers;
    const mtpDepth = last ? (input.mtpLayers ?? 0) : 0;
    const params = stageParameters(shapes, layers, input.totalLayers, layout, {
      first,
      last,
      tiedEmbeddings: input.tiedEmbeddings,
      ...(mtpDepth > 0 ? { mtp: { depth: mtpDepth, embeddingCopy: input.mtpEmbeddingCopy === true && !first && !input.tiedEmbeddings } } : {}),
    });
    const denseShard = params.dense / dataParallel;
    const expertShard = params.expert / expertDataParallel;
    const weightsCount = zeroStage >= 3 ? denseShard + expertShard : params.dense + params.expert;
    const gradientCount = zeroStage >= 2 ? denseShard + expertShard : params.dense + params.expert;
    const optimizerCount = zeroStage >= 1 ? denseShard + expertShard : params.dense + params.expert;
    let weights = WEIGHT_BYTES * weightsCount;
    if (zeroStage >= 3 && layers + mtpDepth > 0) weights += 2 * WEIGHT_BYTES * ((params.dense + params.expert) / (layers + mtpDepth));
    // Offload (pp = 1): the offloaded layers' activations live in host memory; the double-buffered
    // handler keeps the layer it is copying in HBM until the copy ends (offload.ts).
    const offloadedLayers = Math.min(layout.offloadLayers, layers);
    const layerActivations = tokens * perToken;
    const offloaded = offloadedLayers * layerActivations;
    let activations = (layersInFlight(layers, layout, microBatches, stageIndex) - Math.max(0, offloadedLayers - 1)) * layerActivations;
    if (recompute === 'full') activations += tokens * perTokenFull;
    if (last) activations += ((tokens * shapes.vocab) / tp) * 10;
    if (mtpDepth > 0) {
      const block = activationBytesPerToken(shapes, shapes.moeLayers > 0, tp, layout.sequenceParallel, recompute, linear, unfusedKeys);
      const extra = mtpExtraActivationBytesPerToken(shapes, tp, layout.sequenceParallel);
      activations += mtpDepth * tokens * (block + extra + (shapes.vocab / tp) * 10);
    }
    if (first) activations += (tokens * shapes.hidden * 2 * Math.min(pp, microBatches)) / (layout.sequenceParallel ? tp : 1);
    const gradients = gradientBytes * gradientCount;
    const optimizer = OPTIMIZER_BYTES * optimizerCount;
    const total = weights + gradients + optimizer + activations + RUNTIME_RESERVE_BYTES;
    if (!best || total > best.total) {
      best = { weights, gradients, optimizer, activations, reserve: RUNTIME_RESERVE_BYTES, total, layerActivations, offloaded };
    }
  }
  return best ?? { weights: 0, gradients: 0, optimizer: 0, activations: 0, reserve: RUNTIME_RESERVE_BYTES, total: RUNTIME_RESERVE_BYTES, layerActivations: 0, offloaded: 0 };
}

/** Activation bytes per token of an average layer (dense and MoE layers in the model's proportion). */
function averageActivationPerToken(
  shapes: LayerShapes,
  moeShare: number,
  tp: number,
  sequenceParallel: boolean,
  recompute: Recompute,
  linearInputBytes: number,
  unfusedKeys: number,
): number {
  const dense = moeShare < 1 ? activationBytesPerToken(shapes, false, tp, sequenceParallel, recompute, linearInputBytes, unfusedKeys) : 0;
  const moe = moeShare > 0 ? activationBytesPerToken(shapes, true, tp, sequenceParallel, recompute, linearInputBytes, unfusedKeys) : 0;
  return (1 - moeShare) * dense + moeShare * moe;
}
