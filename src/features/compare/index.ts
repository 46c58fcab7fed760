import type { ComponentType } from 'react';
import { CompareTable } from './compare-table';

export { Section } from './compare-section';

/** Table id → component, for `?embed=compare`. */
export const charts: Record<string, ComponentType> = { compare: CompareTable };
