import type { ComponentType } from 'react';
import { ArticleCheckTable } from './article-check-table';

export { Section } from './article-section';

/** Table id → component, for `?embed=article-check`. */
export const charts: Record<string, ComponentType> = { 'article-check': ArticleCheckTable };
