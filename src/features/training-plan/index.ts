/** The `training-plan` section: the planner's best layouts, step breakdown, strong scaling, published runs. */
import type { ComponentType } from 'react';
import { TrainingPlanSection } from './training-plan-section';
import { LayoutsTable } from './layouts-table';
import { BreakdownChart } from './breakdown-chart';
import { ScalingChart } from './scaling-chart';
import { PublishedRunsTable } from './published-runs-table';

export const Section: ComponentType = TrainingPlanSection;

/** Chart and table ids → components, for `?embed=`. */
export const charts: Record<string, ComponentType> = {
  'training-plan-layouts': LayoutsTable,
  'step-breakdown': BreakdownChart,
  'strong-scaling': ScalingChart,
  'published-runs': PublishedRunsTable,
};
