// Placeholder until the training feature lands.
import { createElement, type ComponentType } from 'react';

export function Section() {
  return createElement('section', { id: 'training', className: 'section' }, createElement('h2', null, 'training'));
}

export const charts: Record<string, ComponentType> = {};
