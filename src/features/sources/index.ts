import type { ComponentType } from 'react';
import { ValidationTable } from './validation-table';

export { Section } from './sources-section';

/** Table id → component, for `?embed=validation`. */
export const charts: Record<string, ComponentType> = { validation: ValidationTable };
