import type { ComponentType } from 'react';
import { MoeSection } from './moe-section';
import { MoeChart } from './moe-chart';

export const Section: ComponentType = MoeSection;

export const charts: Record<string, ComponentType> = {
  moe: MoeChart,
};
