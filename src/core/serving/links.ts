/**
 * Communication inside a serving replica: tensor-parallel all-reduces and expert-parallel
 * all-to-alls on the real links (scale-up inside a node, scale-out between nodes).
 * Units: bytes, bytes per second, seconds.
 *
 * Constants are measured link behaviour, not fitted to serving results:
 * - All-reduce, small messages (custom one-/two-shot kernels): 6 µs latency and 16% of the per-direction
 *   NVLink rate — sglang PR #2904 (H100, TP 2/4/8: 512 B → 5.9 µs, 1 MB → 33.8 µs at TP 8).
 * - All-reduce, large messages (NCCL ring): 19 µs latency and 61% of the per-direction rate —
 *   8×H100 NCCL timings in ByteDance-Seed/Triton-distributed issue #57 (128 B → 19.2 µs,
 *   4 MB → 59.4 µs, 16 MB → 135.7 µs). Engines pick the faster of the two per message size.
 * - All-to-all (MoE dispatch / combine): 80% of the per-direction NVLink rate and 90% of the
 *   RDMA rate — deepseek-ai/DeepEP README performance table (SM100 EP8 726 GB/s of 900 GB/s;
 *   CX7 EP 8×2 90 GB/s logical); latency taken as NCCL's 19 µs intra-node.
 * - Across nodes: 30 µs latency and 85% of the NIC rate (assumption: InfiniBand NDR, one 400 Gb/s
 *   NIC per GPU, as in DGX H100 / B200).
 */
import type { Accelerator } from '../../data/types';
import type { ServingCluster } from './types';
import { nonNegative, ratio } from '../units';

export const SMALL_ALL_REDUCE_LATENCY_SECONDS = 6e-6;
export const SMALL_ALL_REDUCE_LINK_FRACTION = 0.16;
export const RING_ALL_REDUCE_LATENCY_SECONDS = 19e-6;
export const RING_ALL_REDUCE_LINK_FRACTION = 0.61;
export const ALL_TO_ALL_LINK_FRACTION = 0.8;
export const SCALE_OUT_LATENCY_SECONDS = 30e-6;
export const SCALE_OUT_LINK_FRACTION = 0.85;

/** Default GPUs per scale-up domain by kind: an 8-GPU HGX node, a 256-chip TPU slice, 8 cards in a PCIe box, 1 Mac. */
const DEFAULT_GPUS_PER_NODE: Readonly<Record<Accelerator['kind'], number>> = { datacenter: 8, tpu: 256, consumer: 8, apple: 1 };
/** Default scale-out per GPU per direction: 400 Gb/s NDR (datacenter), 200 Gb/s DCN share (TPU), 10 GbE (consumer), Thunderbolt 5 80 Gb/s (Mac). */
const DEFAULT_SCALE_OUT: Readonly<Record<Accelerator['kind'], number>> = { datacenter: 50e9, tpu: 25e9, consumer: 1.25e9, apple: 10e9 };
/** Per-direction fallback when a device lists no scale-up link: PCIe Gen4 x16. */
const PCIE_GEN4_PER_DIRECTION = 32e9;

export interface ReplicaLinks {
  gpusPerNode: number;
  /** Bytes per second per GPU per direction inside a node. */
  scaleUpBytesPerSecond: number;
  /** Bytes per second per GPU per direction between nodes. */
  scaleOutBytesPerSecondPerGpu: number;
}

/**
 * The links a replica of `accelerator` uses: the cluster override, else the accelerator's row,
 * else its kind's default. Scale-up per direction = the row's bidirectional figure / 2.
 * Units: GPUs, bytes per second. Source: hardware.ts conventions (NVLink bidirectional aggregate).
 */
export function replicaLinks(accelerator: Accelerator, cluster: ServingCluster = {}): ReplicaLinks {
  const scaleUp =
    cluster.scaleUpBytesPerSecond ??
    (accelerator.interconnectBytesPerSecond !== null ? accelerator.interconnectBytesPerSecond / 2 : PCIE_GEN4_PER_DIRECTION);
  return {
    gpusPerNode: Math.max(1, Math.floor(cluster.gpusPerNode ?? accelerator.gpusPerNode ?? DEFAULT_GPUS_PER_NODE[accelerator.kind] ?? 8)),
    scaleUpBytesPerSecond: nonNegative(scaleUp),
    scaleOutBytesPerSecondPerGpu: nonNegative(
      cluster.scaleOutBytesPerSecondPerGpu ?? accelerator.scaleOutBytesPerSecondPerGpu ?? DEFAULT_SCALE_OUT[accelerator.kind] ?? 50e9,
    ),
  };
}

/**
 * One all-reduce of `bytes` over `gpus` GPUs (hierarchical when they span nodes):
 *   inside a node of n GPUs: min(small, ring) where
 *     small = 6 µs + 2(n−1)/n × bytes / (scaleUp × 0.16),  ring = 19 µs + 2(n−1)/n × bytes / (scaleUp × 0.61)
 *   across m nodes (each GPU holds bytes / n after the in-node reduce-scatter):
 *     30 µs + 2(m−1)/m × (bytes / n) / (scaleOut × 0.85)
 * Units: seconds. Sources: see the module note (sglang #2904, Triton-distributed #57); the
 * hierarchical form follows NCCL's tree / ring decomposition.
 */
export function allReduceSeconds(bytes: number, gpus: number, links: ReplicaLinks): number {
  const count = Math.floor(nonNegative(gpus));
  if (count <= 1) return 0;
  const size = nonNegative(bytes);
  const inNode = Math.min(count, links.gpusPerNode);
  const nodes = Math.ceil(count / inNode);
  let seconds = 0;
  if (inNode > 1) {
    const volume = (2 * (inNode - 1) * size) / inNode;
    const small = SMALL_ALL_REDUCE_LATENCY_SECONDS + ratio(volume, links.scaleUpBytesPerSecond * SMALL_ALL_REDUCE_LINK_FRACTION);
    const ring = RING_ALL_REDUCE_LATENCY_SECONDS + ratio(volume, links.scaleUpBytesPerSecond * RING_ALL_REDUCE_LINK_FRACTION);
    seconds += Math.min(small, ring);
  }
  if (nodes > 1) {
    const volume = (2 * (nodes - 1) * (size / inNode)) / nodes;
    seconds += SCALE_OUT_LATENCY_SECONDS + ratio(volume, links.scaleOutBytesPerSecondPerGpu * SCALE_OUT_LINK_FRACTION);
  }
  return nonNegative(seconds);
}

/**
 * One all-to-all in which every GPU sends `bytesPerGpu` spread evenly over the `gpus` GPUs
 * (MoE dispatch or combine): the share for GPUs in the same node crosses scale-up, the rest
 * scale-out, in parallel.
 *   seconds = latency + max(inNodeShare / (scaleUp × 0.8), crossNodeShare / (scaleOut × 0.85))
 * Units: seconds. Source: deepseek-ai/DeepEP README (achieved all-to-all bandwidth).
 */
export function allToAllSeconds(bytesPerGpu: number, gpus: number, links: ReplicaLinks): number {
  const count = Math.floor(nonNegative(gpus));
  if (count <= 1) return 0;
  const size = nonNegative(bytesPerGpu);
  const inNode = Math.min(count, links.gpusPerNode);
  const inNodeShare = (size * (inNode - 1)) / count;
  const crossShare = (size * (count - inNode)) / count;
  const latency = count > inNode ? SCALE_OUT_LATENCY_SECONDS : RING_ALL_REDUCE_LATENCY_SECONDS;
  return nonNegative(
    latency +
      Math.max(
        ratio(inNodeShare, links.scaleUpBytesPerSecond * ALL_TO_ALL_LINK_FRACTION),
        ratio(crossShare, links.scaleOutBytesPerSecondPerGpu * SCALE_OUT_LINK_FRACTION),
      ),
  );
}
