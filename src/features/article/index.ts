// Placeholder until the article feature lands.
import { createElement, type ComponentType } from 'react';

export function Section() {
  return createElement('section', { id: 'article', className: 'section' }, createElement('h2', null, 'article'));
}

export const charts: Record<string, ComponentType> = {};
