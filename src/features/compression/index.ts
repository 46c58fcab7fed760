// Placeholder until the compression feature lands.
import { createElement, type ComponentType } from 'react';

export function Section() {
  return createElement('section', { id: 'compression', className: 'section' }, createElement('h2', null, 'compression'));
}

export const charts: Record<string, ComponentType> = {};
