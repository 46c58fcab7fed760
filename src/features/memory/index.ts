// Placeholder until the memory feature lands.
import { createElement, type ComponentType } from 'react';

export function Section() {
  return createElement('section', { id: 'memory', className: 'section' }, createElement('h2', null, 'memory'));
}

export const charts: Record<string, ComponentType> = {};
