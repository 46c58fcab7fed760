/** The `deployment` section: target load → replicas, GPUs, power and monthly cost. */
import type { ComponentType } from 'react';
import { DeploymentSection } from './deployment-section';
import { DeploymentChart } from './deployment-chart';

export const Section: ComponentType = DeploymentSection;

export const charts: Record<string, ComponentType> = {
  deployment: DeploymentChart,
};
