/** The `training` section: FLOPs, GPU-hours, days, cost, energy, and memory per GPU. */
import type { ComponentType } from 'react';
import { TrainingSection } from './training-section';
import { TrainingMemoryChart } from './training-memory-chart';
import { CostVsScaleChart } from './cost-vs-scale-chart';

export const Section: ComponentType = TrainingSection;

export const charts: Record<string, ComponentType> = {
  'training-memory': TrainingMemoryChart,
  'cost-vs-scale': CostVsScaleChart,
};
