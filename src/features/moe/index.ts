// Placeholder until the moe feature lands.
import { createElement, type ComponentType } from 'react';

export function Section() {
  return createElement('section', { id: 'moe', className: 'section' }, createElement('h2', null, 'moe'));
}

export const charts: Record<string, ComponentType> = {};
