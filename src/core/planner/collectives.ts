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

/**
 * NCCL's latency model for one collective (src/graph/tuning.cc, `ncclTopoTuneModel`): a base cost
 * plus a per-hop cost, hop by hop on the link each hop crosses. Ring (every collective): n − 1 steps
 * (2(n − 1) for all-reduce), of which nodes − 1 (2(nodes − 1)) cross the network —
 * `(nsteps − nInterSteps)·intraLat + nInterSteps·interLat`. Tree, which NCCL runs for all-reduce
 * only: `2·((n/nodes − 1)·intraLat + ⌊log2 nodes⌋·interLat)`; all-reduce takes the cheaper of the
 * two. All-gather and reduce-scatter have no tree, so their latency grows with the ranks: 3.2 ms
 * for 768 ranks on 96 eight-GPU nodes. (NCCL ≥ 2.23's PAT algorithm serves them only with one rank
 * per node.) All-to-all (grouped point-to-point sends) keeps one hop per ⌈log2 n⌉ round.
 */
function latencySeconds(kind: CollectiveKind, size: number, perNode: number, cluster: ResolvedCluster): number {
  const nodes = Math.ceil(size / perNode);
  const intra = cluster.scaleUpHopSeconds;
  const inter = cluster.scaleOutHopSeconds;
  if (kind === 'all-to-all') {
    const hop = nodes > 1 ? inter : intra;
    return COLLECTIVE_BASE_SECONDS + hop * Math.min(size - 1, 2 * Math.ceil(Math.log2(Math.max(2, size))));
  }
  const allReduce = kind === 'all-reduce';
  const steps = allReduce ? 2 * (size - 1) : size - 1;
  const interSteps = nodes === 1 ? 0 : allReduce ? 2 * (nodes - 1) : nodes - 1;
  const ring = (steps - interSteps) * intra + interSteps * inter;
  const tree = 2 * ((perNode - 1) * intra + Math.floor(Math.log2(nodes)) * inter);
  return COLLECTIVE_BASE_SECONDS + (allReduce ? Math.min(ring, tree) : ring);
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
 * through its own NIC. Links run at SCALE_UP/SCALE_OUT_LINK_EFFICIENCY of their speed. Latency: NCCL's
 * hop-by-hop model (`latencySeconds`).
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
  if (kind === 'all-to-all') {
    const inNode = ((perNode - 1) / size) * bytes;
    const offNode = ((size - perNode) / size) * bytes;
    bandwidthSeconds = Math.max(inNode / up, offNode / out);
  } else {
    const factor = kind === 'all-reduce' ? 2 * share : share;
    const inNodeSeconds = (factor * bytes) / up;
    bandwidthSeconds = crossesNodes ? Math.max(inNodeSeconds, (factor * bytes) / (perNode * out)) : inNodeSeconds;
  }
  return bandwidthSeconds + latencySeconds(kind, size, perNode, cluster);
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
