// Placeholder until the anatomy feature lands.
import { createElement, type ComponentType } from 'react';

export function Section() {
  return createElement('section', { id: 'anatomy', className: 'section' }, createElement('h2', null, 'anatomy'));
}

export const charts: Record<string, ComponentType> = {};
