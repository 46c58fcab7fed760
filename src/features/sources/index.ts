// Placeholder until the sources feature lands.
import { createElement, type ComponentType } from 'react';

export function Section() {
  return createElement('section', { id: 'sources', className: 'section' }, createElement('h2', null, 'sources'));
}

export const charts: Record<string, ComponentType> = {};
