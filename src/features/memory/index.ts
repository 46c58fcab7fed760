import type { ComponentType } from 'react';
import { MemorySection } from './memory-section';
import { MemoryPrecisionChart } from './memory-precision-chart';

export const Section: ComponentType = MemorySection;

export const charts: Record<string, ComponentType> = {
  'memory-precision': MemoryPrecisionChart,
};
