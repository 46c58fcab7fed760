/**
 * Costs of the collectives a training step issues, from bytes moved, link speeds and per-hop
 * latency — no constant "communication factor". Units: bytes, seconds.
 */
import { COLLECTIVE_BASE_SECONDS } from '../../data/clusters';
import { SCALE_OUT_LINK_EFFICIENCY, SCALE_UP_LINK_EFFICIENCY } from './hardware';
import type { ResolvedCluster } from './types';

export type CollectiveKind = 'all-reduce' | 'reduce-scatter' | 'all-gather' | 'all-to-all';

/** A communicator: how many GPUs, and how many of them share one scale-up domain. */
export interface GroupPlacement {
  size: number;
  membersPerNode: number;
}

/**
 * How a group of `size` ranks lands on nodes when `stride` consecutive ranks (the parallel
 * dimensions ordered before it, e.g. tp for dp) sit between two of its members: Megatron orders
 * ranks tp → cp → ep → dp → pp, so a group with stride s has min(size, ⌊gpusPerNode / s⌋)
 * members per node (at least 1).
 */
export function placeGroup(size: number, stride: number, gpusPerNode: number): GroupPlacement {
  const perNode = Math.max(1, Math.floor(gpusPerNode / Math.max(1, stride)));
  return { size, membersPerNode: Math.min(size, perNode) };
}

function latencySeconds(steps: number, size: number, crossesNodes: boolean, cluster: ResolvedCluster): number {
  const hop = crossesNodes ? cluster.scaleOutHopSeconds : cluster.scaleUpHopSeconds;
  // NCCL picks ring (n steps) or tree (≈ 2·log2 n steps) by size; the latency term takes the smaller.
  const treeSteps = 2 * Math.ceil(Math.log2(Math.max(2, size)));
  return COLLECTIVE_BASE_SECONDS + hop * Math.min(steps, treeSteps);
}

/**
 * Seconds for one collective over `group` on `cluster`. `bytes` is the full buffer: the reduced
 * tensor for all-reduce, the un-sharded tensor for reduce-scatter / all-gather, and everything one
 * GPU sends for all-to-all.
 *   ring all-reduce            2(n−1)/n · bytes / bandwidth
 *   reduce-scatter, all-gather  (n−1)/n · bytes / bandwidth
 *   all-to-all                 (n−1)/n · bytes, split into its in-node and off-node parts
 * Within one scale-up domain the bandwidth is the scale-up link. A group spanning nodes with g
 * members per node runs hierarchically (NCCL's multi-channel rings: each of the g channels
 * crosses the node boundary on its own NIC), so the off-node part moves at g × the per-GPU
 * scale-out speed and the in-node part at the scale-up speed, concurrently: the slower sets
 * the time. All-to-all cannot aggregate NICs: each GPU sends its off-node share (n−g)/n · bytes
 * through its own NIC. Links run at SCALE_UP/SCALE_OUT_LINK_EFFICIENCY of their speed. Latency: NCCL's base cost
 * plus a per-hop cost for min(ring steps, 2·⌈log2 n⌉ tree steps).
 * Units: seconds. Sources: Thakur, Rabenseifner & Gropp 2005 (ring/recursive collectives);
 * Patarasuk & Yuan 2009 (bandwidth-optimal all-reduce); NCCL src/graph/tuning.cc (latencies).
 */
export function collectiveSeconds(
  kind: CollectiveKind,
  bytes: number,
  group: GroupPlacement,
  cluster: ResolvedCluster,
): number {
  const size = Math.floor(group.size);
  if (!(size > 1) || !(bytes > 0)) return 0;
  const perNode = Math.max(1, Math.min(size, Math.floor(group.membersPerNode)));
  const crossesNodes = perNode < size;
  const up = cluster.scaleUpBytesPerSecond * SCALE_UP_LINK_EFFICIENCY;
  const out = cluster.scaleOutBytesPerSecondPerGpu * SCALE_OUT_LINK_EFFICIENCY;
  const share = (size - 1) / size;
  let bandwidthSeconds: number;
  let steps: number;
  if (kind === 'all-to-all') {
    const inNode = ((perNode - 1) / size) * bytes;
    const offNode = ((size - perNode) / size) * bytes;
    bandwidthSeconds = Math.max(inNode / up, offNode / out);
    steps = size - 1;
  } else {
    const factor = kind === 'all-reduce' ? 2 * share : share;
    steps = kind === 'all-reduce' ? 2 * (size - 1) : size - 1;
    const inNodeSeconds = (factor * bytes) / up;
    bandwidthSeconds = crossesNodes ? Math.max(inNodeSeconds, (factor * bytes) / (perNode * out)) : inNodeSeconds;
  }
  return bandwidthSeconds + latencySeconds(steps, size, crossesNodes, cluster);
}

/**
 * Seconds for one point-to-point send of `bytes` between neighbouring pipeline stages, on the
 * scale-up link when both stages share a node, else on the sender's NIC.
 * Units: seconds. Source: as `collectiveSeconds`.
 */
export function sendSeconds(bytes: number, crossesNodes: boolean, cluster: ResolvedCluster): number {
  if (!(bytes > 0)) return 0;
  const link = crossesNodes
    ? cluster.scaleOutBytesPerSecondPerGpu * SCALE_OUT_LINK_EFFICIENCY
    : cluster.scaleUpBytesPerSecond * SCALE_UP_LINK_EFFICIENCY;
  const hop = crossesNodes ? cluster.scaleOutHopSeconds : cluster.scaleUpHopSeconds;
  return bytes / link + hop;
}
