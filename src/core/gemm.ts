/**
 * One GEMM model for the whole core: what a matrix multiplication (m × k) · (k × n) costs on an
 * accelerator, shared by the training planner (src/core/planner) and the serving model
 * (src/core/serving). Units: FLOPs, bytes, seconds, fractions.
 *
 *   compute = 2·m·n·k · shape(m, n, k) / (peak × MAMF × sustained) + fixed
 *   memory  = (inputBytes·(m·k + k·n) + 2·m·n) / (bandwidth × memoryEfficiency)
 *   seconds = (compute^p + memory^p)^(1/p)          (p = ∞: the ideal roofline, max)
 *
 * The shape penalty comes in one of two kinds, chosen by the profile:
 * - tile and wave quantisation (`profile.tiling`, the training planner): the library cuts the
 *   m × n output into CTA tiles (256×128, 128×256 or 128×128, whichever finishes first), runs them
 *   in waves of one tile per streaming multiprocessor, and each tile costs k + k0 steps of its
 *   reduction (k0: filling the operand pipeline and writing the tile):
 *     tileEfficiency = best over tiles of  m·n / (waves · SMs · tileM · tileN) × k / (k + k0)
 *     shape          = tileEfficiency(MAMF shape) / tileEfficiency(m, n, k)
 *   so the model reproduces the measured MAMF at the shape it was measured on and falls off with
 *   partial tiles, partial waves and short reductions elsewhere (NVIDIA, "Matrix Multiplication
 *   Background User's Guide", §3 "Dimension Quantization Effects"; src/data/clusters.ts for the SM
 *   counts, k0 and shapes; checked in test/unit/gemm.test.ts against NVIDIA's A100 curve and cuBLAS
 *   on B200);
 * - an edge E (`profile.edge`, the serving model's inference-kernel profile, fitted on DeepGEMM's
 *   published shapes in src/core/serving/kernels.ts), with its own E_m along the token dimension:
 *     shape = 1 + E_m/m + E/n + E/k.
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
 * The constants form a `GemmKernelProfile`. The planner passes the tiling of the accelerator
 * (`gemmTiling`), p = ∞ and its fitted sustained fraction; the serving model passes its
 * inference-kernel profile (src/core/serving/kernels.ts). Same formula, same MAMF table; the
 * profile says which kernels run.
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
  /** GEMM edge E (elements): the shape penalty is 1 + E_m/m + E/n + E/k (unused when `tiling` is set). */
  edge: number;
  /** The edge along m (rows: tokens), when it differs from `edge`; absent = `edge`. Inference kernels at m = 64–1024 tell them apart. */
  edgeM?: number;
  /** Tile and wave quantisation of the accelerator's GEMM library; when set it replaces the edge. */
  tiling?: GemmTiling;
  /** Fixed seconds per GEMM kernel besides its work (absent = 0; the planner: GEMM_KERNEL_FIXED_SECONDS). */
  fixedSeconds?: number;
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

/**
 * CTA output tiles (rows × columns) the GEMM libraries pick among for large training GEMMs:
 * cuBLAS / CUTLASS 256×128 and 128×256 (Ampere: one per SM; Hopper: one warpgroup pair;
 * Blackwell: half of a 2-SM 256×256 UMMA tile) and 128×128 when the bigger ones leave a wave
 * too empty. Source: NVIDIA "Matrix Multiplication Background User's Guide" §2.3 ("Typical Tile
 * Dimensions in cuBLAS"); CUTLASS default tile shapes.
 */
export const GEMM_TILES: readonly (readonly [number, number])[] = [
  [256, 128],
  [128, 256],
  [128, 128],
];

/**
 * Fixed time of one GEMM kernel besides its FLOPs: the launch, the first wave's pipeline fill and
 * the last wave's drain. Measured on published cuBLAS throughput-versus-shape data with the tile
 * and wave model: A100 BF16, m = n = k from 1024 to 8192 (NVIDIA, "CUDA 11 Features Revealed",
 * 2020, Figure 6): 11.5 µs with the kernel at 283 TFLOP/s (90.7 % of peak; Bekman's MAMF: 86.9 %),
 * rms 2.8 %, worst 8.8 %; B200 BF16 at 4096³ … 8192³ (pyptx.dev "Performance", cuBLAS with
 * PyTorch 2.8 / CUDA 12.8): 8.6 µs at 1695 TFLOP/s. A round 10 µs. Units: seconds.
 */
export const GEMM_KERNEL_FIXED_SECONDS = 10e-6;

/** The tile geometry of one accelerator's GEMM library at one format. */
export interface GemmTiling {
  /** Streaming multiprocessors one GEMM spreads its tiles over. */
  multiprocessors: number;
  /** `tileEfficiency` at the shape the accelerator's MAMF was measured on (1 when none). */
  referenceEfficiency: number;
}

/**
 * Fraction of the kernel's steady-state rate an m × n GEMM output keeps after tile and wave
 * quantisation, the best over `GEMM_TILES`:
 *   tiles = ⌈m / tileM⌉ · ⌈n / tileN⌉,  waves = ⌈tiles / SMs⌉
 *   efficiency = m·n / (waves · SMs · tileM · tileN)
 * Units: fraction in (0, 1]. Source: NVIDIA "Matrix Multiplication Background User's Guide" §3.1
 * (tile quantisation) and §3.2 (wave quantisation: on A100's 108 SMs "a wave size of 108 tiles").
 */
export function tileEfficiency(m: number, n: number, multiprocessors: number): number {
  if (!(m > 0 && n > 0 && multiprocessors >= 1)) return 0;
  let best = 0;
  for (const [rows, columns] of GEMM_TILES) {
    const tiles = Math.ceil(m / rows) * Math.ceil(n / columns);
    const waves = Math.ceil(tiles / multiprocessors);
    const used = (m * n) / (waves * multiprocessors * rows * columns);
    if (used > best) best = used;
  }
  return best;
}

/**
 * The tile geometry of `accelerator` at `format` (src/data/clusters.ts), with the efficiency at its
 * MAMF shape as the reference; undefined for an accelerator without a known SM count (TPUs,
 * unknown custom rows: the large-GEMM rate then applies at every shape).
 */
export function gemmTiling(accelerator: Pick<Accelerator, 'id'>, format: ComputeFormat): GemmTiling | undefined {
  const defaults = ACCELERATOR_TRAINING_DEFAULTS[accelerator.id];
  const multiprocessors = defaults?.multiprocessors;
  if (!defaults || !multiprocessors) return undefined;
  const shape = defaults.mamfShape?.[format] ?? defaults.mamfShape?.bf16;
  const referenceEfficiency = shape ? tileEfficiency(shape[0], shape[1], multiprocessors) : 1;
  return { multiprocessors, referenceEfficiency };
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
 *   compute = 2·m·n·k · shape / (peak × efficiency × sustained) + fixed
 *   memory  = (inputBytes·(m·k + k·n) + 2·m·n) / (memoryBandwidth × memoryEfficiency)
 *   seconds = (compute^p + memory^p)^(1/p)
 * with shape = reference / tileEfficiency(m, n) when `profile.tiling` is set, else
 * 1 + E/m + E/n + E/k; sustained, memoryEfficiency and p from `profile`. A non-positive dimension
 * costs 0.
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
  const tiling = profile.tiling;
  const edge = profile.edge;
  const shape = tiling
    ? tiling.referenceEfficiency / Math.max(1e-9, tileEfficiency(m, n, tiling.multiprocessors))
    : 1 + (profile.edgeM ?? edge) / m + edge / n + edge / k;
  const compute = (2 * m * n * k * shape) / (peak * efficiency * profile.sustainedFraction) + (profile.fixedSeconds ?? 0);
  const memory = (inputBytes * (m * k + k * n) + 2 * m * n) / (memoryBandwidth * profile.memoryEfficiency);
  return softMaximum(compute, memory, profile.sharpness);
}
