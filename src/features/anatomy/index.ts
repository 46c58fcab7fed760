import type { ComponentType } from 'react';
import { AnatomySection } from './anatomy-section';
import { ParamBreakdownChart } from './param-breakdown-chart';

export const Section: ComponentType = AnatomySection;

export const charts: Record<string, ComponentType> = {
  'param-breakdown': ParamBreakdownChart,
};
