/**
 * One memoized selector per chart: the one sweep of the core that chart needs, derived from the
 * store's estimate (or, for the two timelines, from the weight precision alone), memoized per
 * store by `select.derived`. Sweeps a chart draws as they are share structure with their previous
 * result; sweeps that a feature's derivation reshapes do not (the derivation shares its own
 * output). Features import this module, so the sweeps and their data tables load with the
 * sections that draw them, not with the page.
 */
import {
  compressionSeries,
  computeOptimalFrontier,
  costVsScale,
  deploymentVsLoad,
  hardwareTimeline,
  inferenceMemoryVsContext,
  lossVsCompute,
  memoryByPrecision,
  moeSeries,
  throughputVsBatch,
  timelineSeries,
  trainingMemoryByStrategy,
} from '../core';
import { derivation } from './selectors';

const byPrecision = { key: (scenario: { weightPrecision: string }) => [scenario.weightPrecision] };
const reshaped = { share: false };

export const CHART_SERIES = {
  /** memory-precision */
  memoryByPrecision: derivation((scenario, select) => memoryByPrecision(select.estimate(scenario))),
  /** cost-vs-scale */
  costVsScale: derivation((scenario, select) => costVsScale(scenario, select.estimate(scenario)), reshaped),
  /** scaling-law */
  lossVsCompute: derivation((scenario, select) => lossVsCompute(select.estimate(scenario)), reshaped),
  /** compute-optimal (and the runs table) */
  computeOptimalFrontier: derivation((scenario, select) => computeOptimalFrontier(select.estimate(scenario)), reshaped),
  /** training-memory */
  trainingMemoryByStrategy: derivation((scenario, select) => trainingMemoryByStrategy(scenario, select.estimate(scenario)), reshaped),
  /** inference-memory */
  inferenceMemoryVsContext: derivation((scenario, select) => inferenceMemoryVsContext(select.estimate(scenario)), reshaped),
  /** inference-throughput */
  throughputVsBatch: derivation((scenario, select) => throughputVsBatch(scenario, select.estimate(scenario)), reshaped),
  /** moe (null for a dense model) */
  moeSeries: derivation((scenario, select) => moeSeries(select.estimate(scenario)), reshaped),
  /** compression */
  compressionSeries: derivation((scenario, select) => compressionSeries(select.estimate(scenario))),
  /** hardware-timeline: depends on the weight precision only */
  hardwareTimeline: derivation((scenario) => hardwareTimeline(scenario.weightPrecision), byPrecision),
  /** timeline: depends on the weight precision only */
  timelineSeries: derivation((scenario) => timelineSeries(scenario.weightPrecision), byPrecision),
  /** deployment */
  deploymentVsLoad: derivation((scenario, select) => deploymentVsLoad(scenario, select.estimate(scenario)), reshaped),
} as const;
