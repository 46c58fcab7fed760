// Placeholder until the scaling feature lands.
import { createElement, type ComponentType } from 'react';

export function Section() {
  return createElement('section', { id: 'scaling', className: 'section' }, createElement('h2', null, 'scaling'));
}

export const charts: Record<string, ComponentType> = {};
