import type { ComponentType } from 'react';
import { FileKindTable, FileTypeTable, ModelFileSection } from './model-file-section';

export const Section: ComponentType = ModelFileSection;

/** Table ids → components, for `?embed=model-file-types` / `?embed=model-file-kinds`. */
export const charts: Record<string, ComponentType> = {
  'model-file-types': FileTypeTable,
  'model-file-kinds': FileKindTable,
};
