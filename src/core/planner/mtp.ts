/**
 * The multi-token-prediction (MTP) module some models train with (DeepSeek-V3, Qwen3-Next, ...:
 * `Architecture.mtpLayers`), priced on the pipeline stage that holds the output head.
 *
 * What one MTP module is (DeepSeek-AI 2024, arXiv:2412.19437 §2.2, Figure 3): the shared input
 * embedding of the tokens k positions ahead, RMSNorm of it and of the previous depth's hidden state
 * (enorm, hnorm), their concatenation projected 2h → h (M_k), one Transformer block TRM_k of the main
 * model's kind (an MoE block for an MoE model: Hugging Face's DeepSeek-V3 checkpoint stores layer 61
 * with 256 experts; `countParameters` counts it so), a final RMSNorm, and the shared output head with
 * its cross-entropy over every token. Where it runs: §3.2.3 ("we deploy the shallowest layers
 * (including the embedding layer) and deepest layers (including the output head) of the model on the
 * same PP rank"), Megatron-Core places the MTP block on the last pipeline stage
 * (megatron/core/models/gpt/gpt_model.py: `mtp_process` on the post-process stage, which then also
 * builds an embedding, "if self.pre_process or self.mtp_process"), and DualPipe's rank i holds stages
 * i and pp − 1 − i (deepseek-ai/DualPipe examples/example_dualpipe.py: `nn.Sequential(full_modules[rank],
 * full_modules[pp_size - 1 - rank])`), so the embedding is physically shared there.
 *
 * The transformer block is priced by `layerCost` like every main layer (GEMM efficiency, memory-bound
 * ops, TP/EP traffic, recompute mode); this module adds what is not a transformer block: the
 * projection GEMM, the three norms and the concatenation, their TP traffic, and the parameters and
 * activations of the whole module. Units: seconds, parameters, bytes per token.
 */
import type { Architecture } from '../types';
import { gemmSeconds, memorySeconds } from './hardware';
import { collectiveSeconds, placeGroup } from './collectives';
import { gemmTokens, type LayerCostContext, type PhaseSeconds } from './layer-cost';
import { gemmWeights, type LayerShapes } from './shape';
import { GEMM_KERNEL_FIXED_SECONDS } from '../gemm';

/** MTP depth D of a model: `Architecture.mtpLayers` (num_nextn_predict_layers / mtp_num_hidden_layers), 0 when absent. */
export function mtpDepth(arch: Pick<Architecture, 'mtpLayers'>): number {
  return arch.mtpLayers ?? 0;
}

/**
 * HBM traffic per token of one MTP module outside its transformer block, forward, in 2-byte
 * elements: enorm, hnorm and the final norm each read and write h (6h); the concatenation reads
 * 2 × h and writes 2h (4h). Backward moves twice that (as `memoryElementsPerToken`). Kernels: the
 * three norms and the concatenation each way.
 */
export const MTP_MEMORY_ELEMENTS_PER_TOKEN = 10;
export const MTP_KERNELS = 4;

const ACTIVATION_BYTES = 2;

/**
 * Raw seconds of one MTP module's own work for one micro-batch, besides its transformer block and
 * the second pass through the output head (both priced by `layerCost` / `headCost`):
 *   projection M_k: a (tokens × 2h)·(2h × h) GEMM, column-parallel over tp (Megatron-Core's
 *     `eh_proj`, `gather_output=False`); backward input gradient and weight gradient on their shapes;
 *   norms and concatenation: MTP_MEMORY_ELEMENTS_PER_TOKEN at HBM speed (sequence-split with SP),
 *     plus MTP_KERNELS fixed kernel times each way;
 *   tensor parallel: the projection's output is gathered over tp (gather_from_tensor_model_parallel_region,
 *     tokens × h); with sequence parallelism its 2h-wide input is all-gathered too, and backward its
 *     gradient reduce-scattered and the input re-gathered for the weight gradient (as a layer's
 *     column-parallel GEMMs); without SP the input gradient is all-reduced.
 * Units: seconds.
 */
export function mtpModuleSeconds(context: LayerCostContext): { forward: PhaseSeconds; backward: PhaseSeconds } {
  const { shapes, rates, tp, cluster } = context;
  const h = shapes.hidden;
  const tokens = gemmTokens(context);
  const out = h / tp;
  const forwardGemm = gemmSeconds(tokens, out, 2 * h, rates);
  const backwardGemm = gemmSeconds(tokens, 2 * h, out, rates) + gemmSeconds(2 * h, out, tokens, rates);
  const sp = context.sequenceParallel && tp > 1;
  const elements = (MTP_MEMORY_ELEMENTS_PER_TOKEN * h * tokens) / (sp ? tp : 1);
  const memoryForward = memorySeconds(elements * ACTIVATION_BYTES, rates) + MTP_KERNELS * GEMM_KERNEL_FIXED_SECONDS;
  const memoryBackward = memorySeconds(2 * elements * ACTIVATION_BYTES, rates) + MTP_KERNELS * GEMM_KERNEL_FIXED_SECONDS;
  let tpForward = 0;
  let tpBackward = 0;
  if (tp > 1) {
    const group = placeGroup(tp, 1, cluster.gpusPerNode);
    const hiddenBuffer = tokens * h * ACTIVATION_BYTES;
    const outputGather = collectiveSeconds('all-gather', hiddenBuffer, group, cluster);
    if (sp) {
      const inputGather = collectiveSeconds('all-gather', 2 * hiddenBuffer, group, cluster);
      tpForward = inputGather + outputGather;
      tpBackward = collectiveSeconds('reduce-scatter', 2 * hiddenBuffer, group, cluster) + inputGather;
    } else {
      tpForward = outputGather;
      tpBackward = collectiveSeconds('all-reduce', 2 * hiddenBuffer, group, cluster);
    }
  }
  return {
    forward: { gemm: forwardGemm, attention: 0, memory: memoryForward, tp: tpForward, cp: 0, ep: 0 },
    backward: { gemm: backwardGemm, attention: 0, memory: memoryBackward, tp: tpBackward, cp: 0, ep: 0 },
  };
}

/**
 * Parameters one GPU of the head's stage holds for `depth` MTP modules, split like
 * `stageParameters`: per module its transformer block (attention /tp + 4h of norms; an MoE block's
 * shared experts /tp and router, its routed experts over ep, or over tp when ep = 1; else the dense
 * MLP /tp), the projection 2h·h /tp and three norms (3h). The embedding and output head are shared
 * with the main model (§2.2) and not counted again, except `embeddingCopy`: a separate last stage of
 * a 1F1B pipeline builds its own embedding for the MTP input (Megatron-Core gpt_model.py), one
 * vocab × hidden /tp per stage, not per module. Units: parameters.
 */
export function mtpParameters(
  shapes: LayerShapes,
  depth: number,
  layout: { tp: number; ep: number },
  embeddingCopy: boolean,
): { dense: number; expert: number } {
  if (!(depth > 0)) return { dense: 0, expert: 0 };
  const { tp, ep } = layout;
  const h = shapes.hidden;
  const moe = shapes.moeLayers > 0;
  const attention = gemmWeights(shapes.attention) / tp + 4 * h;
  const mlp = moe ? gemmWeights(shapes.sharedMlp) / tp + h * shapes.experts : gemmWeights(shapes.denseMlp) / tp;
  const experts = moe ? (shapes.experts * gemmWeights(shapes.expertMlp)) / (ep > 1 ? ep : tp) : 0;
  const module = attention + mlp + (2 * h * h) / tp + 3 * h;
  const embedding = embeddingCopy ? (shapes.vocab * h) / tp : 0;
  return { dense: depth * module + embedding, expert: depth * experts };
}

/**
 * Bytes per token one MTP module keeps for its backward pass besides its transformer block's
 * activations (`activationBytesPerToken` of the model's layer kind): the inputs of enorm and hnorm
 * (2h each), the projection's 2h-wide input (4h) and the final norm's input (2h): 10h bytes,
 * sequence-split with SP. Units: bytes per token.
 */
export function mtpExtraActivationBytesPerToken(shapes: LayerShapes, tp: number, sequenceParallel: boolean): number {
  return (10 * shapes.hidden) / (sequenceParallel ? tp : 1);
}
