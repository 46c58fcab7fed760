import type { ComponentType } from 'react';
import { HardwareSection } from './hardware-section';
import { HardwareTimelineChart } from './hardware-timeline-chart';

export const Section: ComponentType = HardwareSection;

export const charts: Record<string, ComponentType> = {
  'hardware-timeline': HardwareTimelineChart,
};
