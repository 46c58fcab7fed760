// Placeholder until the inference feature lands.
import { createElement, type ComponentType } from 'react';

export function Section() {
  return createElement('section', { id: 'inference', className: 'section' }, createElement('h2', null, 'inference'));
}

export const charts: Record<string, ComponentType> = {};
