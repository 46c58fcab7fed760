import type { ComponentType } from 'react';
import { TimelineSection } from './timeline-section';
import { TimelineChart } from './timeline-chart';

export const Section: ComponentType = TimelineSection;

export const charts: Record<string, ComponentType> = {
  timeline: TimelineChart,
};
