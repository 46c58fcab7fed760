/**
 * The training section's activation memory per layer, counted tensor by tensor the way the planner
 * counts it (`activationBytesPerToken`, planner/memory-plan.ts): the card, its ZeRO × recomputation
 * chart and the planner's memory plan then agree on the same layout. Korthikanti et al.'s 34·s·b·h
 * (GPT: 4h MLP, full multi-head attention) undercounts an MoE layer, whose routed experts keep the
 * inputs and activations of k copies of every token — about half of DeepSeek-V3's activations.
 * Units: bytes per layer and micro-batch.
 */
import type { RecomputeMode } from '../input';
import type { Architecture } from '../types';
import { activationBytesPerToken } from '../planner/memory-plan';
import { layerShapes } from '../planner/shape';
import { nonNegative } from '../units';

/**
 * Bytes one layer keeps per micro-batch of `microBatch` × `seqLen` tokens at a tensor-parallel
 * degree and recompute mode, averaged over the model's dense and MoE layers (linear inputs at
 * `linearInputBytes`: 2, or 1 in FP8 training, where Transformer Engine keeps the FP8 copy, as the
 * planner counts them; FlashAttention: no s × s scores). Sequence parallelism splits the norm and
 * residual inputs over tp as in the planner.
 */
export function architectureActivationBytes(
  arch: Architecture,
  options: { seqLen: number; microBatch: number; sequenceParallel: boolean; linearInputBytes?: number; unfusedAttention?: boolean },
): (tensorParallel: number, recompute: RecomputeMode) => number {
  const linear = options.linearInputBytes ?? 2;
  // Unfused attention (2019–22 software) stores the s × s scores per head, as the planner's plan does.
  const unfusedKeys = options.unfusedAttention ? nonNegative(options.seqLen) : 0;
  const shapes = layerShapes(arch);
  const tokens = nonNegative(options.seqLen) * nonNegative(options.microBatch);
  const moeShare = arch.layers > 0 ? shapes.moeLayers / arch.layers : 0;
  return (tensorParallel, recompute) => {
    const dense = activationBytesPerToken(shapes, false, tensorParallel, options.sequenceParallel, recompute, linear, unfusedKeys);
    const moe = moeShare > 0 ? activationBytesPerToken(shapes, true, tensorParallel, options.sequenceParallel, recompute, linear, unfusedKeys) : 0;
    return nonNegative(tokens * ((1 - moeShare) * dense + moeShare * moe));
  };
}
