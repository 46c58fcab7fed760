/**
 * Activation offload to host memory (Megatron-Core `cpu_offloading_num_layers` on Transformer
 * Engine's CPU offload; NeMo's GB200 recipes offload 40 of Llama-3-70B's 80 layers to the Grace
 * CPU's memory). The memory side lives in memory-plan.ts (`offloaded`); this file prices the
 * copies, checks Megatron's rules, and finds how many layers a layout must offload to fit.
 * Units: bytes, seconds.
 */
import { ConfigError } from '../errors';
import { SCALE_UP_LINK_EFFICIENCY } from './hardware';
import type { LayerCost, PhaseSeconds } from './layer-cost';
import type { MemoryBreakdown, Recompute, ResolvedCluster, ResolvedLayout } from './types';

/**
 * The rules the layout check cannot see alone (layout.ts holds the others): Megatron-Core refuses
 * offload with activation recomputation ("CPU offloading does not work when activation
 * recomputation is enabled", `TransformerConfig.__post_init__`), and the cluster needs a host link
 * to copy over (`ClusterPreset.host`). Throws ConfigError naming the rule.
 */
export function checkOffload(layout: ResolvedLayout, recompute: Recompute, cluster: ResolvedCluster): void {
  if (layout.offloadLayers === 0) return;
  if (recompute !== 'none') {
    throw new ConfigError(`activation offload needs recompute 'none': Megatron-Core does not offload with recomputation (got '${recompute}')`, 'layout.offloadLayers');
  }
  if (!(cluster.hostBytesPerSecond > 0 && cluster.hostMemoryBytesPerGpu > 0)) {
    throw new ConfigError(`activation offload needs a host link, and cluster ${cluster.id} has none in the model`, 'layout.offloadLayers');
  }
}

/** Seconds of the kernels of one phase (what a copy can hide under). */
function work(phase: PhaseSeconds): number {
  return phase.gemm + phase.attention + phase.memory;
}

/**
 * Exposed seconds of the offload copies for one micro-batch. Each offloaded layer's activations
 * leave during the forward pass and come back, prefetched a layer ahead, during the backward;
 * Transformer Engine's double-buffered handler runs the copies on their own streams, so a copy
 * costs time only where it outlasts a layer's computation ("D2h and h2d copying are completely
 * hidden behind computation if computation time of a layer is longer than host-device communication
 * time", transformer_engine/pytorch/cpu_offload.py, AsyncDoubleBufferGroupOffloadHandler):
 *   exposed = layers × [max(0, copy − layer forward) + max(0, copy − layer backward)]
 *   copy    = layer activation bytes / (host link per direction × SCALE_UP_LINK_EFFICIENCY)
 * `layer` is the average layer (dense and MoE layers in the model's proportion, `moeShare`).
 */
export function offloadSeconds(
  layers: number,
  layerBytes: number,
  dense: LayerCost,
  moe: LayerCost | null,
  moeShare: number,
  cluster: ResolvedCluster,
): number {
  if (!(layers > 0 && layerBytes > 0 && cluster.hostBytesPerSecond > 0)) return 0;
  const share = moe ? moeShare : 0;
  const average = (pick: (cost: LayerCost) => PhaseSeconds): number => (1 - share) * work(pick(dense)) + (moe ? share * work(pick(moe)) : 0);
  const copy = layerBytes / (cluster.hostBytesPerSecond * SCALE_UP_LINK_EFFICIENCY);
  return layers * (Math.max(0, copy - average((cost) => cost.forward)) + Math.max(0, copy - average((cost) => cost.backward)));
}

/**
 * The fewest layers a layout must offload to fit `capacity` bytes per GPU, or null when offload
 * cannot make it fit (pp > 1, all but one layer would have to go, or the host memory is too small).
 * Each offloaded layer frees one layer's activations, less the one layer in transit (memory-plan.ts).
 */
export function layersToOffload(memory: MemoryBreakdown, capacity: number, layout: ResolvedLayout, totalLayers: number, cluster: ResolvedCluster): number | null {
  if (memory.total <= capacity) return 0;
  if (layout.pp !== 1 || !(memory.layerActivations > 0) || !(cluster.hostBytesPerSecond > 0)) return null;
  const count = Math.ceil((memory.total - capacity) / memory.layerActivations) + 1;
  if (count >= totalLayers) return null;
  if (count * memory.layerActivations > cluster.hostMemoryBytesPerGpu) return null;
  return count;
}
