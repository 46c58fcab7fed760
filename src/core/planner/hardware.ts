/**
 * What one accelerator does with a kernel: matmuls at a size-dependent fraction of the peak,
 * FlashAttention at a fraction of the BF16 peak, memory-bound ops at HBM speed. Plus the
 * cluster an accelerator sits in. Units: FLOPs, bytes, seconds.
 */
import type { Accelerator, ComputeFormat } from '../../data/types';
import { ACCELERATOR_TRAINING_DEFAULTS, CLUSTERS_BY_ID, type ClusterPreset } from '../../data/clusters';
import { ConfigError } from '../errors';
import { gemmSeconds as sharedGemmSeconds, MATMUL_INPUT_BYTES, MEMORY_BOUND_EFFICIENCY, matmulEfficiency } from '../gemm';
import { PLANNER_CALIBRATION } from './calibration';
import type { ClusterOverride, ResolvedCluster } from './types';


/**
 * FlashAttention throughput falls for short key lengths:
 *   efficiency(keys) = PLANNER_CALIBRATION.attentionEfficiency × keys / (keys + ATTENTION_HALF_KEYS)
 * The long-sequence level: FlashAttention-2 on A100 reaches about 190 TFLOP/s of 312 forward +
 * backward, causal, head dim 128 (Dao 2023, Figure 6); FA-3 on H100 a similar fraction (Shah et
 * al. 2024 §4.1); fitted within that range (calibration.ts). The half-point is read off the same
 * figure (512 keys ≈ 0.6 of the 16K rate, 2K ≈ 0.86).
 */
export const ATTENTION_HALF_KEYS = 340;

/** Shared with the serving model (src/core/gemm.ts). */
export { MEMORY_BOUND_EFFICIENCY };

/**
 * Achievable fraction of a link's speed for large NCCL collectives (nccl-tests bus bandwidth):
 * in-node NVLink rings reach about 80 % (e.g. ≈ 360 of 450 GB/s all-reduce bus bandwidth on
 * DGX H100 without NVLS), InfiniBand/RoCE about 90 % of the NIC line rate.
 */
export const SCALE_UP_LINK_EFFICIENCY = 0.8;
export const SCALE_OUT_LINK_EFFICIENCY = 0.9;

export interface ComputeRates {
  /** Dense peak at the matmul format. */
  matmulPeak: number;
  /** MAMF fraction at the matmul format. */
  matmulEfficiency: number;
  /** Bytes per matmul input element (1 for FP8, 2 for BF16/FP16, 4 for TF32/FP32). */
  matmulInputBytes: number;
  /** Dense BF16 (or FP16) peak: attention kernels and the output head run in 16 bits. */
  halfPeak: number;
  halfEfficiency: number;
  /** HBM bytes per second. */
  memoryBandwidth: number;
}

const INPUT_BYTES = MATMUL_INPUT_BYTES;

/** MAMF at `format` times the accelerator's realised training factor (clusters.ts; src/core/gemm.ts). */
function matmulEfficiencyFor(accelerator: Accelerator, format: ComputeFormat): number {
  return matmulEfficiency(accelerator, format);
}

/**
 * The rates a step uses on `accelerator` with matmuls in `precision`. Throws ConfigError when
 * the accelerator lists no dense rate for that format (FP8 on an A100).
 */
export function computeRates(accelerator: Accelerator, precision: ComputeFormat): ComputeRates {
  const matmulPeak = accelerator.denseFlops[precision];
  if (!(typeof matmulPeak === 'number' && matmulPeak > 0 && Number.isFinite(matmulPeak))) {
    throw new ConfigError(`precision ${precision} has no dense throughput on ${accelerator.id}`, 'precision');
  }
  const halfFormat: ComputeFormat = accelerator.denseFlops.bf16 ? 'bf16' : accelerator.denseFlops.fp16 ? 'fp16' : precision;
  const halfPeak = accelerator.denseFlops[halfFormat] ?? matmulPeak;
  const memoryBandwidth = accelerator.bandwidthBytesPerSecond;
  if (!(memoryBandwidth > 0 && Number.isFinite(memoryBandwidth))) {
    throw new ConfigError(`accelerator ${accelerator.id} has no memory bandwidth`, 'accelerator');
  }
  return {
    matmulPeak,
    matmulEfficiency: matmulEfficiencyFor(accelerator, precision),
    matmulInputBytes: INPUT_BYTES[precision] ?? 2,
    halfPeak,
    halfEfficiency: matmulEfficiencyFor(accelerator, halfFormat),
    memoryBandwidth,
  };
}

/**
 * Seconds for one GEMM (m × k) · (k × n): the slower of its compute time at the size-dependent
 * efficiency and its memory time (inputs at `inputBytes`, 16-bit output) — a roofline.
 *   compute = 2·m·n·k · (1 + E/m + E/n + E/k) / (peak × MAMF × sustained)
 *   memory  = (inputBytes·(m·k + k·n) + 2·m·n) / (HBM × MEMORY_BOUND_EFFICIENCY)
 * E and `sustained` are PLANNER_CALIBRATION.gemmEdge / .sustainedFraction (fitted once, see
 * calibration.ts): the Megatron-Core README attributes its weak-scaling MFU rise (41 % → 48 %)
 * to "larger GEMMs have higher arithmetic intensity". MAMF: clusters.ts (measured).
 * The formula lives in src/core/gemm.ts (shared with the serving model); this is it with the
 * planner's training profile. Units: seconds. Source: roofline model (Williams et al. 2009).
 */
export function gemmSeconds(
  m: number,
  n: number,
  k: number,
  peak: number,
  efficiency: number,
  inputBytes: number,
  memoryBandwidth: number,
): number {
  return sharedGemmSeconds(m, n, k, peak, efficiency, inputBytes, memoryBandwidth, {
    edge: PLANNER_CALIBRATION.gemmEdge,
    sustainedFraction: PLANNER_CALIBRATION.sustainedFraction,
    memoryEfficiency: MEMORY_BOUND_EFFICIENCY,
    sharpness: Infinity,
  });
}

/**
 * Seconds of FlashAttention work executing `flops` (the causal half of the square, already
 * halved by the caller) with `keys` keys per query at the BF16 rate.
 * Units: seconds. Sources: Dao 2023 (FlashAttention-2) Figure 6; Shah et al. 2024 (FA-3).
 */
export function attentionSeconds(flops: number, keys: number, rates: ComputeRates): number {
  if (!(flops > 0 && keys > 0)) return 0;
  const efficiency = (PLANNER_CALIBRATION.attentionEfficiency * keys) / (keys + ATTENTION_HALF_KEYS);
  return flops / (rates.halfPeak * efficiency);
}

/** Seconds to move `bytes` through HBM in memory-bound kernels. */
export function memorySeconds(bytes: number, rates: ComputeRates): number {
  if (!(bytes > 0)) return 0;
  return (bytes * PLANNER_CALIBRATION.memoryTrafficScale) / (rates.memoryBandwidth * MEMORY_BOUND_EFFICIENCY);
}

function positiveOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** A cluster for an accelerator the table does not know: 8 per node, its own link, 200 Gb/s out. */
function fallbackCluster(accelerator: Accelerator): ClusterPreset {
  const link = accelerator.interconnectBytesPerSecond;
  return {
    id: 'custom',
    name: 'custom',
    gpusPerNode: 8,
    scaleUpBytesPerSecond: link && link > 0 ? link / 2 : 32e9,
    scaleOutBytesPerSecondPerGpu: 25e9,
    scaleUpHopSeconds: 3.4e-6,
    scaleOutHopSeconds: 9.6e-6,
    source: 'fallback: the accelerator row\'s interconnect figure halved (bidirectional → per direction), 200 Gb/s per GPU between nodes',
    sourceDate: '',
  };
}

/**
 * The cluster a step runs on: the accelerator's default row from `CLUSTERS`
 * (`ACCELERATOR_TRAINING_DEFAULTS[id].clusterId`, else a fallback from the accelerator's own
 * interconnect figure), with every field of `override` that is a positive number taking over.
 * A non-integer or non-positive `gpusPerNode` throws ConfigError.
 */
export function resolveCluster(accelerator: Accelerator, override?: ClusterOverride): ResolvedCluster {
  const clusterId = ACCELERATOR_TRAINING_DEFAULTS[accelerator.id]?.clusterId;
  const base = (clusterId ? CLUSTERS_BY_ID.get(clusterId) : undefined) ?? fallbackCluster(accelerator);
  if (override?.gpusPerNode !== undefined && !(Number.isInteger(override.gpusPerNode) && override.gpusPerNode >= 1)) {
    throw new ConfigError(`cluster.gpusPerNode must be a positive integer, got ${String(override.gpusPerNode)}`, 'cluster.gpusPerNode');
  }
  const customised = override && Object.values(override).some((value) => value !== undefined);
  return {
    id: customised ? `${base.id}+custom` : base.id,
    gpusPerNode: positiveOr(override?.gpusPerNode, base.gpusPerNode),
    scaleUpBytesPerSecond: positiveOr(override?.scaleUpBytesPerSecond, base.scaleUpBytesPerSecond),
    scaleOutBytesPerSecondPerGpu: positiveOr(override?.scaleOutBytesPerSecondPerGpu, base.scaleOutBytesPerSecondPerGpu),
    scaleUpHopSeconds: base.scaleUpHopSeconds,
    scaleOutHopSeconds: base.scaleOutHopSeconds,
  };
}
