/**
 * Chart sweeps: pure functions of (input, estimate) → rows, 40–80 points per series, one function
 * per chart, grouped by domain. They reuse the estimate's resolved architecture and counts (no
 * per-point config parsing) and keep no caches: the store memoizes each chart's series.
 * Units: as in the core (parameters, bytes, FLOPs, seconds, US dollars, watts, joules).
 */
import type { EstimateInput } from '../input';
import type { Estimate } from '../estimate';
import { memoryByPrecision, type MemoryByPrecisionSeries } from './memory';
import { costVsScale, trainingMemoryByStrategy, type CostVsScaleSeries, type TrainingMemoryByStrategySeries } from './training';
import { computeOptimalFrontier, lossVsCompute, type ComputeOptimalFrontierSeries, type LossVsComputeSeries } from './scaling';
import { inferenceMemoryVsContext, throughputVsBatch, type InferenceMemoryVsContextSeries, type ThroughputVsBatchSeries } from './inference';
import { moeSeries, type MoeSeries } from './moe';
import { compressionSeries, type CompressionSeries } from './compression';
import { hardwareTimeline, timelineSeries, type HardwareTimelineSeries, type ModelTimelineSeries } from './timelines';
import { deploymentVsLoad, type DeploymentVsLoadSeries } from './deployment';

export { SCALE_PARAMS, COMPUTE_GRID, CONTEXT_GRID, BATCH_GRID, LOAD_GRID } from './grids';
export * from './memory';
export * from './training';
export * from './scaling';
export * from './inference';
export * from './moe';
export * from './compression';
export * from './timelines';
export * from './deployment';

/**
 * Every chart's series in one object.
 * @deprecated Each chart reads its own series (`memoryByPrecision`, `costVsScale`, ...) through
 * the store's per-chart selector; this aggregate computes all twelve and will be removed.
 */
export interface ChartSeries {
  memoryByPrecision: MemoryByPrecisionSeries;
  costVsScale: CostVsScaleSeries;
  lossVsCompute: LossVsComputeSeries;
  computeOptimalFrontier: ComputeOptimalFrontierSeries;
  trainingMemoryByStrategy: TrainingMemoryByStrategySeries;
  inferenceMemoryVsContext: InferenceMemoryVsContextSeries;
  throughputVsBatch: ThroughputVsBatchSeries;
  moe: MoeSeries | null;
  compression: CompressionSeries;
  hardwareTimeline: HardwareTimelineSeries;
  timeline: ModelTimelineSeries;
  deploymentVsLoad: DeploymentVsLoadSeries;
}

/**
 * Every chart's rows for the input, from its estimate (one object, typed).
 * @deprecated Call the one sweep a chart needs; this computes all twelve and will be removed.
 */
export function series(input: EstimateInput, estimate: Estimate): ChartSeries {
  const weightPrecision = estimate.weights.selected.id;
  return {
    memoryByPrecision: memoryByPrecision(estimate),
    costVsScale: costVsScale(input, estimate),
    lossVsCompute: lossVsCompute(estimate),
    computeOptimalFrontier: computeOptimalFrontier(estimate),
    trainingMemoryByStrategy: trainingMemoryByStrategy(input, estimate),
    inferenceMemoryVsContext: inferenceMemoryVsContext(estimate),
    throughputVsBatch: throughputVsBatch(input, estimate),
    moe: moeSeries(estimate),
    compression: compressionSeries(estimate),
    hardwareTimeline: hardwareTimeline(weightPrecision),
    timeline: timelineSeries(weightPrecision),
    deploymentVsLoad: deploymentVsLoad(input, estimate),
  };
}
