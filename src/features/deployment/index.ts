// Placeholder until the deployment feature lands.
import { createElement, type ComponentType } from 'react';

export function Section() {
  return createElement('section', { id: 'deployment', className: 'section' }, createElement('h2', null, 'deployment'));
}

export const charts: Record<string, ComponentType> = {};
