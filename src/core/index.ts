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

export * from './units';
export * from './sources';
export * from './memory';
export * from './training';
export * from './inference';
export * from './scaling';
export * from './moe';
export * from './compression';
export * from './deployment';
export * from './estimate';
export * from './series';
export * from './article';
export * from './serving/types';
export * from './serving/errors';
export * from './serving/efficiency';
export * from './serving/usable-memory';
export * from './serving/capacity';
export * from './serving/fit';
export * from './serving/local';
export * from './serving/cost';
