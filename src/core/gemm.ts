/**
 * One GEMM model for the whole core: what a matrix multiplication (m × k) · (k × n) costs on an
 * accelerator, shared by the training planner (src/core/planner) and the serving model
 * (src/core/serving). Units: FLOPs, bytes, seconds, fractions.
 *
 *   compute = 2·m·n·k · (1 + E/m + E/n + E/k) / (peak × MAMF × sustained)
 *   memory  = (inputBytes·(m·k + k·n) + 2·m·n) / (bandwidth × memoryEfficiency)
 *   seconds = (compute^p + memory^p)^(1/p)          (p = ∞: the ideal roofline, max)
 *
 * - MAMF (Maximum Achievable Matmul FLOPS): the best fraction of the dense peak a large,
 *   well-shaped matmul reaches on that accelerator at that format, measured (src/data/clusters.ts,
 *   Bekman's table); `matmulEfficiency` looks it up.
 * - E (the GEMM edge, elements): partial tiles, partial waves and the k-loop prologue cost about
 *   E/dim of a dimension's work, so small dimensions (decode batches, MoE experts with few tokens
 *   each) run at a fraction of MAMF.
 * - p: how sharply a kernel turns from memory-bound to compute-bound; near the ridge real kernels
 *   reach neither roof.
 *
 * The constants (E, sustained, memory efficiency, p) form a `GemmKernelProfile`. The planner
 * passes its fitted training profile (PLANNER_CALIBRATION: E = 448, p = ∞, fitted end to end on
 * training MFU); the serving model passes the inference-kernel profile measured on DeepGEMM's
 * published shapes (`SERVING_GEMM_PROFILE` in src/core/serving/kernels.ts). Same formula, same
 * MAMF table; the profile says which kernels run.
 * Source: roofline model (Williams et al. 2009); docs/training-planner.md; docs/serving-model.md.
 */
import type { Accelerator, ComputeFormat } from '../data/types';
import { ACCELERATOR_TRAINING_DEFAULTS, DEFAULT_MATMUL_EFFICIENCY, FP8_TO_BF16_MAMF_RATIO } from '../data/clusters';

/**
 * Fraction of the HBM bandwidth elementwise kernels (norms, residual adds, activations, casts,
 * the optimizer) sustain: STREAM-like copies reach 85–92 % on A100/H100 (NVIDIA's
 * babelstream-style measurements, e.g. Bekman ml-engineering "memory bandwidth"); fused
 * elementwise kernels with several inputs less. A documented round figure.
 */
export const MEMORY_BOUND_EFFICIENCY = 0.8;

/** The constants of one family of GEMM kernels (see the module note). */
export interface GemmKernelProfile {
  /** GEMM edge E (elements): the shape penalty is 1 + E/m + E/n + E/k. */
  edge: number;
  /** Fraction of MAMF sustained in the workload (power-limited clocks, SMs shared with other kernels). */
  sustainedFraction: number;
  /** Fraction of the HBM bandwidth the GEMM streams its operands at. */
  memoryEfficiency: number;
  /** Roofline sharpness p (Infinity: max of compute and memory). */
  sharpness: number;
}

/** Bytes per matmul input element at each compute format. */
export const MATMUL_INPUT_BYTES: Readonly<Record<ComputeFormat, number>> = { fp32: 4, tf32: 4, bf16: 2, fp16: 2, fp8: 1, int8: 1, fp4: 0.5 };

/**
 * MAMF at `format` on `accelerator` (src/data/clusters.ts, measured), times the accelerator's
 * realised training factor when `trainingFactor` is set (the planner's training steps). A format
 * without a measurement takes BF16 × FP8_TO_BF16_MAMF_RATIO (8- and 4-bit) or BF16; an
 * accelerator without a row takes DEFAULT_MATMUL_EFFICIENCY.
 * Units: fraction of the dense peak. Source: Bekman, ml-engineering, MAMF comparison table.
 */
export function matmulEfficiency(accelerator: Pick<Accelerator, 'id'>, format: ComputeFormat, trainingFactor = true): number {
  const defaults = ACCELERATOR_TRAINING_DEFAULTS[accelerator.id];
  const table = defaults?.matmulEfficiency;
  const factor = trainingFactor ? (defaults?.trainingDenseFactor ?? 1) : 1;
  const bf16 = table?.bf16 ?? table?.fp16 ?? DEFAULT_MATMUL_EFFICIENCY;
  const measured = table?.[format];
  if (measured !== undefined) return measured * factor;
  if (format === 'fp8' || format === 'int8' || format === 'fp4') return bf16 * FP8_TO_BF16_MAMF_RATIO * factor;
  return bf16 * factor;
}

/** (a^p + b^p)^(1/p) for non-negative a, b; p = Infinity gives max(a, b). */
export function softMaximum(a: number, b: number, sharpness: number): number {
  const top = Math.max(a, b);
  if (!(top > 0)) return 0;
  if (!Number.isFinite(sharpness)) return top;
  return top * ((a / top) ** sharpness + (b / top) ** sharpness) ** (1 / sharpness);
}

/**
 * Seconds for one GEMM (m × k) · (k × n) with inputs at `inputBytes` per element and a 16-bit
 * output, on a device of `peak` FLOP/s at `efficiency` (MAMF) and `memoryBandwidth` bytes/s:
 *   compute = 2·m·n·k · (1 + E/m + E/n + E/k) / (peak × efficiency × sustained)
 *   memory  = (inputBytes·(m·k + k·n) + 2·m·n) / (memoryBandwidth × memoryEfficiency)
 *   seconds = (compute^p + memory^p)^(1/p)
 * with E, sustained, memoryEfficiency and p from `profile`. A non-positive dimension costs 0.
 * Units: seconds. Source: roofline model (Williams et al. 2009); the profiles' sources in their notes.
 */
export function gemmSeconds(
  m: number,
  n: number,
  k: number,
  peak: number,
  efficiency: number,
  inputBytes: number,
  memoryBandwidth: number,
  profile: GemmKernelProfile,
): number {
  if (!(m > 0 && n > 0 && k > 0)) return 0;
  const edge = profile.edge;
  const shape = 1 + edge / m + edge / n + edge / k;
  const compute = (2 * m * n * k * shape) / (peak * efficiency * profile.sustainedFraction);
  const memory = (inputBytes * (m * k + k * n) + 2 * m * n) / (memoryBandwidth * profile.memoryEfficiency);
  return softMaximum(compute, memory, profile.sharpness);
}
