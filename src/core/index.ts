/**
 * The estimation core's public face. Pure TypeScript: no React, no DOM, no store.
 * Contract: ../../docs and the project's core-api spec — these names and meanings are stable.
 */
export { ConfigError } from './errors';
export type * from './types';

export {
  architectureFromHfConfig,
  architectureFromParams,
  applyOverrides,
  countParameters,
  validateArchitecture,
  SUPPORTED_FAMILIES,
} from './params';

export { PRECISIONS, PRECISION_IDS } from '../data/precisions';

export * from './input';
export * from './warnings';
export * from './model';
export * from './units';
export * from './text';
export * from './sources';
export * from './memory';
export * from './inference-fit';
export * from './training';
export * from './inference';
export * from './scaling';
export * from './moe';
export * from './compression';
export * from './deployment';
export * from './estimate';
export * from './series';
export * from './article';
export * from './model-file';
export * from './fine-tuning';
export * from './published-runs';
export * from './planner/types';
export { trainingStep, DEFAULT_GRADIENT_REDUCE_BYTES } from './planner/step';
export { FRAMEWORK_EVIDENCE, MOE_EVIDENCE, PLANNER_ACCURACY, STEP_TIME_SPREAD, STEP_TIME_SPREAD_COVERAGE, type FrameworkEvidence } from './planner/uncertainty';
export { planTraining } from './planner/plan';
export { trainingRunTime, DEFAULT_GOODPUT, type TrainingRunTime, type TrainingRunOptions } from './planner/run';
export { TRAINING_FRAMEWORKS, DEFAULT_TRAINING_FRAMEWORK_ID, type TrainingFramework } from '../data/training-frameworks';
export { modelFlopsPerToken } from './planner/shape';
export { resolveCluster } from './planner/hardware';
export { PLANNER_CALIBRATION } from './planner/calibration';
export { CLUSTERS, ACCELERATOR_TRAINING_DEFAULTS, type ClusterPreset } from '../data/clusters';
export * from './serving/types';
export * from './serving/errors';
export * from './serving/efficiency';
export * from './serving/usable-memory';
export * from './serving/capacity';
export * from './serving/fit';
export * from './serving/local';
export * from './serving/cost';
