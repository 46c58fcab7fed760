/** The `scaling` section: loss vs compute under each law, and the compute-optimal frontier. */
import type { ComponentType } from 'react';
import { ScalingSection } from './scaling-section';
import { ScalingLawChart } from './scaling-law-chart';
import { ComputeOptimalChart } from './compute-optimal-chart';

export const Section: ComponentType = ScalingSection;

export const charts: Record<string, ComponentType> = {
  'scaling-law': ScalingLawChart,
  'compute-optimal': ComputeOptimalChart,
};
