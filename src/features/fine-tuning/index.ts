import type { ComponentType } from 'react';
import { FineTuningSection } from './fine-tuning-section';
import { FineTuningMemoryChart } from './fine-tuning-chart';
import { FineTuningFitTable } from './fine-tuning-section';

export const Section: ComponentType = FineTuningSection;

export const charts: Record<string, ComponentType> = {
  'fine-tuning-memory': FineTuningMemoryChart,
  'fine-tuning-fit': FineTuningFitTable,
};
