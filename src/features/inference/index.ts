/** The `inference` section: serving memory, KV cache, decode roofline, latency and cost per token. */
import type { ComponentType } from 'react';
import { InferenceSection } from './inference-section';
import { InferenceMemoryChart } from './inference-memory-chart';
import { InferenceThroughputChart } from './inference-throughput-chart';

export const Section: ComponentType = InferenceSection;

export const charts: Record<string, ComponentType> = {
  'inference-memory': InferenceMemoryChart,
  'inference-throughput': InferenceThroughputChart,
};
