/**
 * The kernels of one serving engine step, on one GPU: the weight GEMMs (dense layers, the output
 * head, the routed experts as a grouped GEMM with few tokens per expert) through the shared GEMM
 * model (src/core/gemm.ts), and the memory-bound elementwise kernels around them (norms, SwiGLU,
 * the MoE token permutation). Units: tokens, FLOPs, bytes, seconds.
 */
import { gemmSeconds, MEMORY_BOUND_EFFICIENCY } from '../gemm';
import type { GemmKernelProfile } from '../gemm';
import { expectedExpertsTouchedFraction } from '../moe';
import { nonNegative } from '../units';
import type { ServingModelShape } from './model-shape';

/**
 * The inference GEMM kernel profile (the shared model of src/core/gemm.ts), measured on the 28
 * shapes DeepGEMM publishes for H800 FP8 (normal GEMMs at M = 64 / 128 / 4096 and MoE grouped GEMMs
 * with 256–8192 tokens per expert; deepseek-ai/DeepGEMM README, Feb 2025; fitted once by
 * scripts/fit-serving-gemm.ts with the H800's FP8 MAMF 0.734 and memory at 0.8 of its 3.35 TB/s):
 * - along n and k the planner's edge E = 448 (the free fit of all three gives E = 472, E_m = 54, p = 2);
 * - along m (tokens) E_m = 58: inference kernels pick small tiles for small batches, so the
 *   token dimension costs far less than a training-sized tile would;
 * - roofline sharpness p = 2: near the ridge a GEMM reaches neither roof.
 * Mean |log error| 8.6 % over the 28 shapes, worst 36 % (M = 4096, N = 32768, K = 512).
 * The whole step uses the same p for attention (step.ts).
 */
export const SERVING_GEMM_EDGE = 448;
export const SERVING_GEMM_EDGE_M = 58;
export const ROOFLINE_SHARPNESS = 2;

/** Bytes of one activation value between kernels (BF16). */
export const ACTIVATION_BYTES = 2;

/** The device side of the step's GEMMs. */
export interface GemmDevice {
  /** Dense peak FLOP/s at the weights' compute format. */
  peakFlops: number;
  /** Achieved fraction of that peak for large GEMMs (MAMF × the engine's share). */
  computeFraction: number;
  /** HBM bytes per second. */
  bandwidth: number;
  /** Share of the bandwidth the GEMMs stream weights at. */
  bandwidthFraction: number;
  /** Bytes per stored weight (block scales included). */
  bytesPerWeight: number;
}

/** How the replica splits the work over its GPUs. */
export interface StepSplit {
  gpus: number;
  /** Attention data-parallel ranks (the GPUs with data-parallel attention, else 1: tensor parallel). */
  ranks: number;
  /** Expert-parallel groups: each GPU holds E / experts experts, each split over gpus / experts GPUs. */
  expertGroups: number;
}

function profileOf(device: GemmDevice): GemmKernelProfile {
  return { edge: SERVING_GEMM_EDGE, edgeM: SERVING_GEMM_EDGE_M, sustainedFraction: 1, memoryEfficiency: device.bandwidthFraction, sharpness: ROOFLINE_SHARPNESS };
}

function gemm(device: GemmDevice, m: number, n: number, k: number): number {
  return gemmSeconds(m, n, k, device.peakFlops, device.computeFraction, device.bytesPerWeight, device.bandwidth, profileOf(device));
}

/**
 * Seconds one GPU spends in the step's weight GEMMs for `tokens` tokens of which `sampledTokens`
 * reach the output head, each GEMM on the shared soft roofline (src/core/gemm.ts):
 *   dense   layers × gemm(tokens / ranks, denseParams / (layers · hidden · tp), hidden)
 *   head    gemm(sampled / ranks, vocab / tp, width)
 *   experts moeLayers × expertLayerGemmSeconds (each touched expert a GEMM of tokens·k/(E·f) rows)
 * Tensor-parallel attention (ranks = 1, tp = GPUs) splits the
 * dense matrices' columns over the GPUs; data-parallel attention (ranks = GPUs, tp = 1) replicates
 * them. Experts spread over ep groups, each expert's columns over the GPUs / ep of its group. Units: seconds. Sources: src/core/gemm.ts; fedus2022 §2 (routing);
 * DeepGEMM README (grouped GEMMs at 256–1024 tokens per expert).
 */
export function weightGemmSeconds(shape: ServingModelShape, device: GemmDevice, split: StepSplit, tokens: number, sampledTokens: number): number {
  const total = nonNegative(tokens);
  if (total <= 0) return 0;
  const tp = split.ranks > 1 ? 1 : split.gpus;
  const perRank = total / split.ranks;
  const layers = Math.max(1, shape.layers);
  let seconds = layers * gemm(device, perRank, shape.denseParams / (layers * shape.hidden * tp), shape.hidden);
  seconds += gemm(device, nonNegative(sampledTokens) / split.ranks, shape.vocab / tp, shape.headWidth);
  if (shape.routedExpertParams > 0 && shape.moeLayers > 0) seconds += shape.moeLayers * expertLayerGemmSeconds(expertLayerOf(shape), device, split, total);
  return nonNegative(seconds);
}

/** One MoE layer's routed experts. */
export interface ExpertLayer {
  experts: number;
  expertsPerToken: number;
  hidden: number;
  /** Intermediate width of one expert. */
  expertFfn: number;
  /** Parameters of one expert (3 × hidden × expertFfn for a SwiGLU expert). */
  expertParams: number;
}

function expertLayerOf(shape: ServingModelShape): ExpertLayer {
  return {
    experts: shape.experts,
    expertsPerToken: shape.expertsPerToken,
    hidden: shape.hidden,
    expertFfn: shape.expertFfn,
    expertParams: shape.routedExpertParams / (Math.max(1, shape.moeLayers) * shape.experts),
  };
}

/**
 * Seconds one GPU spends in one MoE layer's grouped expert GEMMs for `tokens` tokens (the whole
 * replica's, all dispatched to the experts):
 *   f = 1 − (1 − k/E)^tokens                        share of experts touched (uniform routing)
 *   rows per touched expert = tokens · k / (E · f)
 *   seconds = (E · f / ep) × gemm(rows, expertParams / (hidden · gpus / ep), hidden)
 * Few rows per expert is what makes MoE slower than "active parameters at the roofline": each
 * touched expert's weights are read once for a handful of rows (the edge E_m along the rows).
 * Units: seconds. Sources: fedus2022 §2 (routing); DeepGEMM README (grouped GEMMs); gemm.ts.
 */
export function expertLayerGemmSeconds(layer: ExpertLayer, device: GemmDevice, split: StepSplit, tokens: number): number {
  const total = nonNegative(tokens);
  if (total <= 0 || layer.expertParams <= 0) return 0;
  const touched = expectedExpertsTouchedFraction(layer.experts, layer.expertsPerToken, Math.max(1, total));
  const touchedExperts = layer.experts * touched;
  const rowsPerExpert = (total * layer.expertsPerToken) / touchedExperts;
  const expertGroups = Math.max(1, split.expertGroups);
  const columns = layer.expertParams / (layer.hidden * (split.gpus / expertGroups));
  return nonNegative((touchedExperts / expertGroups) * gemm(device, rowsPerExpert, columns, layer.hidden));
}

/**
 * Values one GPU moves through one MoE layer's elementwise kernels for `tokens` tokens: the permute
 * (read a token's hidden row, write the k expert rows it feeds), the finalize (read k rows, write
 * one) and SwiGLU over the expert rows (read gate and up, write their product), the expert rows
 * shared over the ep groups and each expert's columns over gpus / ep:
 *   values = tokens·k/ep × (2(k + 1)/k × hidden + 3 × expertFfn / (gpus / ep))
 * Units: values (× 2 bytes in BF16). Source: TensorRT-LLM cutlass fused MoE (expandInputRows, finalize).
 */
export function expertLayerElementwiseValues(layer: ExpertLayer, split: StepSplit, tokens: number): number {
  const expertGroups = Math.max(1, split.expertGroups);
  const rows = (nonNegative(tokens) * layer.expertsPerToken) / expertGroups;
  const perRow = (2 * (layer.expertsPerToken + 1) * layer.hidden) / layer.expertsPerToken + (3 * layer.expertFfn) / (split.gpus / expertGroups);
  return nonNegative(rows * perRow);
}

/**
 * Bytes one GPU moves through its memory-bound elementwise kernels in a step of `tokens` tokens
 * (16-bit activations, counted on TensorRT-LLM's fused kernels):
 *   every layer: two fused residual-add + RMSNorm kernels, each reading the input and the residual
 *                and writing both: 8 × hidden values per token (replicated under tensor parallel)
 *   dense MLP:   SwiGLU reads gate and up and writes their product: 3 × ffn / tp
 *   MoE layer:   permute (read 1 row of hidden, write the k expert rows it feeds), finalize (read
 *                k rows, write 1): 2(k + 1) × hidden, and SwiGLU over the k expert rows:
 *                3 × k × expertFfn; the expert rows are shared over the ep groups (tokens · k / ep
 *                rows per GPU), each expert's columns over gpus / ep
 *   bytes = Σ values × 2
 * Units: bytes. Sources: TensorRT-LLM fused kernels (fused_add_rms_norm, the MoE permute / finalize
 * of the cutlass fused MoE); pope2022 §3 (memory-bound elementwise work).
 */
export function elementwiseBytesPerStep(shape: ServingModelShape, split: StepSplit, tokens: number): number {
  const tp = split.ranks > 1 ? 1 : split.gpus;
  const total = nonNegative(tokens);
  const dense = (total / split.ranks) * (shape.layers * 8 * shape.hidden + (shape.layers - shape.moeLayers) * ((3 * shape.ffn) / tp));
  const moe = shape.moeLayers > 0 ? shape.moeLayers * expertLayerElementwiseValues(expertLayerOf(shape), split, total) : 0;
  return nonNegative((dense + moe) * ACTIVATION_BYTES);
}

/** Seconds of moving `bytes` through memory-bound kernels at MEMORY_BOUND_EFFICIENCY of `bandwidth`. Units: seconds. */
export function memoryBoundSeconds(bytes: number, bandwidth: number): number {
  return bandwidth > 0 ? nonNegative(bytes) / (bandwidth * MEMORY_BOUND_EFFICIENCY) : 0;
}

/** Seconds of `elementwiseBytesPerStep` at MEMORY_BOUND_EFFICIENCY of `bandwidth`. Units: seconds. */
export function elementwiseSeconds(shape: ServingModelShape, split: StepSplit, tokens: number, bandwidth: number): number {
  return memoryBoundSeconds(elementwiseBytesPerStep(shape, split, tokens), bandwidth);
}
