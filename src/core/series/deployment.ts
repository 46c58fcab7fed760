/**
 * Deployment chart sweep: replicas, GPUs, power and monthly cost against the load, for the
 * estimate's serving group. Units: requests per second, GPUs, kilowatts, US dollars per month.
 */
import type { EstimateInput } from '../input';
import type { Estimate } from '../estimate';
import { deploymentPlansAtLoads } from '../deployment';
import { LOAD_GRID } from './grids';

export interface DeploymentRow {
  requestsPerSecond: number;
  replicas: number;
  totalGpus: number;
  powerKw: number;
  monthlyGpuCostUsd: number;
}

export interface DeploymentVsLoadSeries {
  /** Load 0.01–1e6 requests/s (log). */
  rows: DeploymentRow[];
  current: DeploymentRow;
}

/** Replicas, GPUs, power and monthly cost vs load 0.01–1e6 requests/s. */
export function deploymentVsLoad(input: EstimateInput, estimate: Estimate): DeploymentVsLoadSeries {
  const inference = estimate.inference;
  const base = {
    outputTokens: inference.outputTokens,
    gpusPerReplica: inference.gpus,
    batch: inference.batch,
    prefillSecondsPerRequest: inference.timeToFirstTokenSeconds,
    decodeStepSeconds: inference.decodeStepSeconds,
    tdpWatts: estimate.hardware.tdpWatts,
    pue: input.pue,
    usdPerGpuHour: estimate.hardware.usdPerGpuHour,
    usdPerKwh: input.usdPerKwh,
  };
  const rows = deploymentPlansAtLoads(base, LOAD_GRID).map((plan) => ({
    requestsPerSecond: plan.requestsPerSecond,
    replicas: plan.replicas,
    totalGpus: plan.totalGpus,
    powerKw: plan.powerKw,
    monthlyGpuCostUsd: plan.monthlyGpuCostUsd,
  }));
  const deployment = estimate.deployment;
  return {
    rows,
    current: {
      requestsPerSecond: deployment.requestsPerSecond,
      replicas: deployment.replicas,
      totalGpus: deployment.totalGpus,
      powerKw: deployment.powerKw,
      monthlyGpuCostUsd: deployment.monthlyGpuCostUsd,
    },
  };
}
