/**
 * One memoized selector per chart: the one sweep of the core that chart needs, derived from the
 * store's estimate (or, for the two timelines, from the weight precision alone), memoized per
 * store by `select.derived` and sharing structure with its previous result. Features import this
 * module, so the sweeps and their data tables load with the sections that draw them, not with
 * the page.
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

const byPrecision = (scenario: { weightPrecision: string }) => [scenario.weightPrecision];

export const CHART_SERIES = {
  /** memory-precision */
  memoryByPrecision: derivation((scenario, select) => memoryByPrecision(select.estimate(scenario))),
  /** cost-vs-scale */
  costVsScale: derivation((scenario, select) => costVsScale(scenario, select.estimate(scenario))),
  /** scaling-law */
  lossVsCompute: derivation((scenario, select) => lossVsCompute(select.estimate(scenario))),
  /** compute-optimal (and the runs table) */
  computeOptimalFrontier: derivation((scenario, select) => computeOptimalFrontier(select.estimate(scenario))),
  /** training-memory */
  trainingMemoryByStrategy: derivation((scenario, select) => trainingMemoryByStrategy(scenario, select.estimate(scenario))),
  /** inference-memory */
  inferenceMemoryVsContext: derivation((scenario, select) => inferenceMemoryVsContext(select.estimate(scenario))),
  /** inference-throughput */
  throughputVsBatch: derivation((scenario, select) => throughputVsBatch(scenario, select.estimate(scenario))),
  /** moe (null for a dense model) */
  moeSeries: derivation((scenario, select) => moeSeries(select.estimate(scenario))),
  /** compression */
  compressionSeries: derivation((scenario, select) => compressionSeries(select.estimate(scenario))),
  /** hardware-timeline: depends on the weight precision only */
  hardwareTimeline: derivation((scenario) => hardwareTimeline(scenario.weightPrecision), byPrecision),
  /** timeline: depends on the weight precision only */
  timelineSeries: derivation((scenario) => timelineSeries(scenario.weightPrecision), byPrecision),
  /** deployment */
  deploymentVsLoad: derivation((scenario, select) => deploymentVsLoad(scenario, select.estimate(scenario))),
} as const;
