/**
 * Mixture of experts: memory pays for every expert, compute for the chosen ones.
 * Units: parameters, bytes, FLOPs.
 */
import type { Architecture, ParameterCount } from './types';
import { weightBytes } from './memory';
import { nonNegative, ratio } from './units';

/**
 * Expected fraction of a layer's routed experts that at least one of `batch` tokens picks, if
 * each token picks `expertsPerToken` of `experts` uniformly and independently:
 *   fraction = 1 − (1 − k/E)^batch
 * At batch 1 it is k/E; it tends to 1 as the batch grows, so a batched decode step of an MoE
 * reads almost all expert weights. Real routers are not uniform (load-balancing losses push them
 * towards it), so this is an estimate. Units: fraction 0–1. Sources: fedus2022 §2; `thisProject`.
 */
export function expectedExpertsTouchedFraction(experts: number, expertsPerToken: number, batch: number): number {
  const e = nonNegative(experts);
  if (e === 0) return 1;
  const k = Math.min(nonNegative(expertsPerToken), e);
  const b = Math.max(1, nonNegative(batch));
  const value = 1 - (1 - k / e) ** b;
  return Math.min(1, nonNegative(value));
}

/**
 * Parameters one decode step of `batch` sequences reads: everything outside the routed experts,
 * plus the routed experts touched by at least one token of the batch.
 *   params = (total − routed) + routed × expectedExpertsTouchedFraction(E, k, batch)
 * At batch 1 this equals the active parameters; dense models read everything.
 * Units: parameters. Sources: fedus2022 §2; jiang2024 §2.
 */
export function decodeParamsRead(arch: Architecture, count: ParameterCount, batch: number): number {
  if (!arch.moe || count.routedExperts <= 0) return nonNegative(count.total);
  const fraction = expectedExpertsTouchedFraction(arch.moe.experts, arch.moe.expertsPerToken, batch);
  return nonNegative(count.total - count.routedExperts + count.routedExperts * fraction);
}

export interface MoeSummary {
  experts: number;
  expertsPerToken: number;
  sharedExperts: number;
  moeLayers: number;
  totalParams: number;
  activeParams: number;
  /** active / total. */
  activeFraction: number;
  routedExpertParams: number;
  /** Bytes of all weights at the weight precision: memory pays for every expert. */
  memoryBytes: number;
  /** Bytes of the active weights at the weight precision. */
  activeBytes: number;
  /** Forward FLOPs per token, 2 × active (attention over the context excluded). */
  flopsPerToken: number;
  /** FLOPs per token of the dense model of equal memory: 2 × total. */
  denseEqualMemoryFlopsPerToken: number;
  /** Bytes one batch-1 decode step reads: the active weights. */
  bytesReadPerDecodeStep: number;
  /** Bytes one decode step of the scenario's batch reads (experts touched by any sequence). */
  bytesReadPerDecodeStepAtBatch: number;
  /** The dense model that needs the same memory has `total` parameters, */
  denseEqualMemoryParams: number;
  /** the dense model that costs the same compute per token has `active` parameters. */
  denseEqualComputeParams: number;
}

/**
 * Total versus active for a mixture of experts (null for dense models):
 *   memory = weightBytes(total); FLOPs per token = 2 × active; bytes per batch-1 decode step =
 *   weightBytes(active); the dense model of equal memory has `total` parameters and of equal
 *   compute `active` parameters.
 * Units: parameters, bytes, FLOPs. Sources: fedus2022 §2; jiang2024 §2 (Mixtral 47B total, 13B active).
 */
export function moeSummary(
  arch: Architecture,
  count: ParameterCount,
  options: { bitsPerWeight: number; batch: number },
): MoeSummary | null {
  if (!arch.moe) return null;
  const total = nonNegative(count.total);
  const active = nonNegative(count.active);
  return {
    experts: arch.moe.experts,
    expertsPerToken: arch.moe.expertsPerToken,
    sharedExperts: arch.moe.sharedExperts,
    moeLayers: arch.moe.moeLayers,
    totalParams: total,
    activeParams: active,
    activeFraction: ratio(active, total),
    routedExpertParams: nonNegative(count.routedExperts),
    memoryBytes: weightBytes(total, options.bitsPerWeight),
    activeBytes: weightBytes(active, options.bitsPerWeight),
    flopsPerToken: 2 * active,
    denseEqualMemoryFlopsPerToken: 2 * total,
    bytesReadPerDecodeStep: weightBytes(active, options.bitsPerWeight),
    bytesReadPerDecodeStepAtBatch: weightBytes(decodeParamsRead(arch, count, options.batch), options.bitsPerWeight),
    denseEqualMemoryParams: total,
    denseEqualComputeParams: active,
  };
}
