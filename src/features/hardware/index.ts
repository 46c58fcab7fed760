// Placeholder until the hardware feature lands.
import { createElement, type ComponentType } from 'react';

export function Section() {
  return createElement('section', { id: 'hardware', className: 'section' }, createElement('h2', null, 'hardware'));
}

export const charts: Record<string, ComponentType> = {};
