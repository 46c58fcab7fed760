/**
 * Deployment: a target load (requests per second with a prompt and an output length) → replicas,
 * GPUs, power and monthly cost. Units: requests/s, seconds, GPUs, kilowatts, US dollars.
 *
 * Assumptions (documented, source id `thisProject` unless noted):
 * - A replica is one tensor-parallel group just large enough (a power of two) to hold the weights
 *   and the KV cache of `batch` concurrent sequences (see `minimumGpusForInference`).
 * - Continuous batching at concurrency `batch` (kwon2023 §4): every decode step advances all the
 *   batch's sequences, so a request uses outputTokens × step / batch of the replica's time for
 *   decode; its prefill is compute-bound and runs alone. Replica capacity in requests/s is the
 *   inverse of that time. Perfect packing, no queueing, no speculative decoding.
 * - Power at TDP × PUE for every GPU around the clock; 730 hours per month.
 */
import { HOURS_PER_MONTH, WATTS_PER_KILOWATT, ceilAtLeast, nonNegative, ratio } from './units';

/**
 * Requests per second one replica completes.
 *   capacity = 1 / (prefillSecondsPerRequest + outputTokens × decodeStepSeconds / batch)
 * Units: requests per second. Sources: kwon2023 §4 (continuous batching); pope2022 §2.
 */
export function replicaRequestsPerSecond(options: {
  prefillSecondsPerRequest: number;
  decodeStepSeconds: number;
  batch: number;
  outputTokens: number;
}): number {
  const decodeShare = ratio(
    nonNegative(options.outputTokens) * nonNegative(options.decodeStepSeconds),
    Math.max(1, nonNegative(options.batch)),
  );
  return ratio(1, nonNegative(options.prefillSecondsPerRequest) + decodeShare);
}

export interface DeploymentOptions {
  requestsPerSecond: number;
  outputTokens: number;
  gpusPerReplica: number;
  /** Concurrent sequences per replica. */
  batch: number;
  prefillSecondsPerRequest: number;
  /** Decode step time at the batch and the average context. */
  decodeStepSeconds: number;
  tdpWatts: number;
  pue: number;
  usdPerGpuHour: number;
  usdPerKwh: number;
}

export interface DeploymentPlan {
  requestsPerSecond: number;
  gpusPerReplica: number;
  replicaRequestsPerSecond: number;
  replicas: number;
  totalGpus: number;
  /** Load / (replicas × capacity), 0–1. */
  utilisation: number;
  /** Seconds from arrival to the last token of one request (prefill + outputTokens decode steps). */
  requestLatencySeconds: number;
  /** Output tokens per second the fleet produces at the target load. */
  outputTokensPerSecond: number;
  /** Facility power: GPUs × TDP × PUE, in kilowatts. */
  powerKw: number;
  /** GPU rental per month: 730 h × GPUs × price. */
  monthlyGpuCostUsd: number;
  /** Electricity per month at the facility power (informational: rental prices usually include it). */
  monthlyEnergyCostUsd: number;
  monthlyEnergyKwh: number;
}

/**
 * Size a deployment for a target load.
 *   replicas = ceil(requestsPerSecond / replicaRequestsPerSecond); totalGpus = replicas × gpusPerReplica
 *   powerKw = totalGpus × tdpWatts × pue / 1000
 *   monthlyGpuCostUsd = 730 × totalGpus × usdPerGpuHour
 * Units: as named. Sources: kwon2023 §4; patterson2021 §2 (PUE); `thisProject`.
 */
export function deploymentPlan(options: DeploymentOptions): DeploymentPlan {
  return planAtCapacity(options, options.requestsPerSecond, replicaRequestsPerSecond(options));
}

/**
 * `deploymentPlan` at many loads with the replica capacity computed once (the load chart).
 * Units and formulas as `deploymentPlan`.
 */
export function deploymentPlansAtLoads(
  options: Omit<DeploymentOptions, 'requestsPerSecond'>,
  loads: readonly number[],
): DeploymentPlan[] {
  const capacity = replicaRequestsPerSecond(options);
  return loads.map((load) => planAtCapacity(options, load, capacity));
}

function planAtCapacity(options: Omit<DeploymentOptions, 'requestsPerSecond'>, requestsPerSecond: number, capacity: number): DeploymentPlan {
  const load = nonNegative(requestsPerSecond);
  const gpusPerReplica = ceilAtLeast(options.gpusPerReplica, 1);
  const replicas = capacity > 0 ? ceilAtLeast(load / capacity, 1) : 1;
  const totalGpus = replicas * gpusPerReplica;
  const powerKw = nonNegative((totalGpus * nonNegative(options.tdpWatts) * nonNegative(options.pue)) / WATTS_PER_KILOWATT);
  const monthlyEnergyKwh = powerKw * HOURS_PER_MONTH;
  return {
    requestsPerSecond: load,
    gpusPerReplica,
    replicaRequestsPerSecond: capacity,
    replicas,
    totalGpus,
    utilisation: Math.min(1, ratio(load, replicas * capacity)),
    requestLatencySeconds: nonNegative(
      nonNegative(options.prefillSecondsPerRequest) + nonNegative(options.outputTokens) * nonNegative(options.decodeStepSeconds),
    ),
    outputTokensPerSecond: nonNegative(load * nonNegative(options.outputTokens)),
    powerKw,
    monthlyGpuCostUsd: nonNegative(HOURS_PER_MONTH * totalGpus * nonNegative(options.usdPerGpuHour)),
    monthlyEnergyCostUsd: nonNegative(monthlyEnergyKwh * nonNegative(options.usdPerKwh)),
    monthlyEnergyKwh: nonNegative(monthlyEnergyKwh),
  };
}
