import type { ComponentType } from 'react';
import { CompressionSection } from './compression-section';
import { CompressionChart } from './compression-chart';

export const Section: ComponentType = CompressionSection;

export const charts: Record<string, ComponentType> = {
  compression: CompressionChart,
};
