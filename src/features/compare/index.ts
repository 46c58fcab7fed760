// Placeholder until the compare feature lands.
import { createElement, type ComponentType } from 'react';

export function Section() {
  return createElement('section', { id: 'compare', className: 'section' }, createElement('h2', null, 'compare'));
}

export const charts: Record<string, ComponentType> = {};
