/** The `serving` section: throughput against latency (the frontier), fleet size and cost under latency targets, and "can I run it" on a local machine. */
import type { ComponentType } from 'react';
import { ServingSection } from './serving-section';
import { ServingFrontierChart } from './serving-chart';
import { LocalRun } from './local-run';

export const Section: ComponentType = ServingSection;

export const charts: Record<string, ComponentType> = {
  'serving-frontier': ServingFrontierChart,
  'can-i-run': LocalRun,
};
