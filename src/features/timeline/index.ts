// Placeholder until the timeline feature lands.
import { createElement, type ComponentType } from 'react';

export function Section() {
  return createElement('section', { id: 'timeline', className: 'section' }, createElement('h2', null, 'timeline'));
}

export const charts: Record<string, ComponentType> = {};
