/**
 * What one accelerator does with a kernel: matmuls at a size-dependent fraction of the peak,
 * FlashAttention at a fraction of the BF16 peak, memory-bound ops at HBM speed. Plus the
 * cluster an accelerator sits in. Units: FLOPs, bytes, seconds.
 */
import type { Accelerator, ComputeFormat } from '../../data/types';
import { ACCELERATOR_TRAINING_DEFAULTS, CLUSTERS_BY_ID, type AttentionKernelCurve, type ClusterPreset } from '../../data/clusters';
import { ConfigError } from '../errors';
import {
  GEMM_KERNEL_FIXED_SECONDS,
  gemmSeconds as sharedGemmSeconds,
  gemmTiling,
  MATMUL_INPUT_BYTES,
  MEMORY_BOUND_EFFICIENCY,
  matmulEfficiency,
  type GemmTiling,
} from '../gemm';
import { PLANNER_CALIBRATION } from './calibration';
import type { ClusterOverride, ResolvedCluster } from './types';

/**
 * The attention kernel curve of an accelerator without a measured one: the Hopper cuDNN curve
 * (src/data/clusters.ts), the kernel generation most training stacks run today.
 */
export const DEFAULT_ATTENTION_CURVE: AttentionKernelCurve = {
  efficiency: 0.553,
  halfKeys: 380,
  source: 'fallback: the H100 cuDNN curve of src/data/clusters.ts',
};

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
  /** Tile geometry of the matmul format's GEMMs (undefined: large-GEMM rate everywhere). */
  matmulTiling: GemmTiling | undefined;
  /** Dense BF16 (or FP16) peak: attention kernels and the output head run in 16 bits. */
  halfPeak: number;
  halfEfficiency: number;
  halfTiling: GemmTiling | undefined;
  /** The accelerator's FlashAttention-class kernel curve. */
  attention: AttentionKernelCurve;
  /** HBM bytes per second. */
  memoryBandwidth: number;
}

/** Which of a step's two GEMM formats: the matmul precision, or 16 bits (output head). */
export type GemmFormat = 'matmul' | 'half';

/**
 * The rates a step uses on `accelerator` with matmuls in `precision`: MAMF (times the fitted
 * Blackwell fraction on B200 / GB200), tile geometry, attention curve, HBM. Throws ConfigError when
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
  const defaults = ACCELERATOR_TRAINING_DEFAULTS[accelerator.id];
  const generationFactor = defaults?.generation === 'blackwell' ? PLANNER_CALIBRATION.blackwellGemmFraction : 1;
  return {
    matmulPeak,
    matmulEfficiency: matmulEfficiency(accelerator, precision) * generationFactor,
    matmulInputBytes: MATMUL_INPUT_BYTES[precision] ?? 2,
    matmulTiling: gemmTiling(accelerator, precision),
    halfPeak,
    halfEfficiency: matmulEfficiency(accelerator, halfFormat) * generationFactor,
    halfTiling: gemmTiling(accelerator, halfFormat),
    attention: defaults?.attention ?? DEFAULT_ATTENTION_CURVE,
    memoryBandwidth,
  };
}

/**
 * Seconds for one GEMM (m × k) · (k × n) of a training step, in the step's matmul format or in 16
 * bits ('half': the output head, which Transformer Engine keeps out of FP8): the shared GEMM
 * model (src/core/gemm.ts) with the accelerator's tile geometry, anchored at its measured MAMF,
 * times the fitted sustained fraction, on an ideal roofline (p = ∞), plus the fixed time of one
 * kernel (GEMM_KERNEL_FIXED_SECONDS, measured):
 *   compute = 2·m·n·k · tileEfficiency(MAMF shape) / tileEfficiency(m, n) / (peak × MAMF × sustained) + fixed
 *   memory  = (inputBytes·(m·k + k·n) + 2·m·n) / (HBM × MEMORY_BOUND_EFFICIENCY)
 * Units: seconds. Source: roofline model (Williams et al. 2009); src/core/gemm.ts.
 */
export function gemmSeconds(m: number, n: number, k: number, rates: ComputeRates, format: GemmFormat = 'matmul'): number {
  if (!(m > 0 && n > 0 && k > 0)) return 0;
  const half = format === 'half';
  return sharedGemmSeconds(
    m,
    n,
    k,
    half ? rates.halfPeak : rates.matmulPeak,
    half ? rates.halfEfficiency : rates.matmulEfficiency,
    half ? 2 : rates.matmulInputBytes,
    rates.memoryBandwidth,
    {
      edge: 0,
      tiling: half ? rates.halfTiling : rates.matmulTiling,
      fixedSeconds: GEMM_KERNEL_FIXED_SECONDS,
      sustainedFraction: !half && rates.matmulInputBytes < 2 ? PLANNER_CALIBRATION.fp8SustainedFraction : PLANNER_CALIBRATION.sustainedFraction,
      memoryEfficiency: MEMORY_BOUND_EFFICIENCY,
      sharpness: Infinity,
    },
  );
}

/**
 * Seconds of attention-kernel work executing `flops` with `keys` keys per query at the 16-bit
 * rate, on the accelerator's measured kernel curve (src/data/clusters.ts):
 *   efficiency(keys) = curve.efficiency × keys / (keys + curve.halfKeys) × attention sustained fraction
 * plus the fixed time of one kernel (GEMM_KERNEL_FIXED_SECONDS).
 * Units: seconds. Sources: Dao 2023 (FlashAttention-2) Figure 4; Shah et al. 2024 (FlashAttention-3).
 */
export function attentionSeconds(flops: number, keys: number, rates: ComputeRates): number {
  if (!(flops > 0 && keys > 0)) return 0;
  const curve = rates.attention;
  const efficiency = (curve.efficiency * keys * PLANNER_CALIBRATION.attentionSustainedFraction) / (keys + curve.halfKeys);
  return GEMM_KERNEL_FIXED_SECONDS + flops / (rates.halfPeak * efficiency);
}

/** Seconds to move `bytes` through HBM in memory-bound kernels (at MEMORY_BOUND_EFFICIENCY). */
export function memorySeconds(bytes: number, rates: ComputeRates): number {
  if (!(bytes > 0)) return 0;
  return bytes / (rates.memoryBandwidth * MEMORY_BOUND_EFFICIENCY);
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
    hostBytesPerSecond: positiveOr(override?.hostBytesPerSecond, base.host?.bytesPerSecond ?? 0),
    hostMemoryBytesPerGpu: positiveOr(override?.hostMemoryBytesPerGpu, base.host?.memoryBytesPerGpu ?? 0),
    hostCoherent: override?.hostCoherent ?? base.host?.coherent ?? false,
  };
}
