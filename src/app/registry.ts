import type { ComponentType } from 'react';
import * as anatomy from '../features/anatomy';

/**
 * The page's sections in order, each a lazily loaded feature except the first (it holds the first
 * chart, which paints with the page's own JavaScript: performance issue), and which feature draws each chart
 * or table id (for `?embed=`). Features export `{ Section, charts }` from their index.
 */
export interface FeatureModule {
  Section: ComponentType;
  /** Chart and table components by id; each renders its own `<figure data-chart>` / table. */
  charts: Record<string, ComponentType>;
}

type Loader = () => Promise<FeatureModule>;

export const FEATURES = {
  anatomy: () => Promise.resolve(anatomy),
  'model-file': () => import('../features/model-file'),
  timeline: () => import('../features/timeline'),
  memory: () => import('../features/memory'),
  training: () => import('../features/training'),
  'training-plan': () => import('../features/training-plan'),
  'fine-tuning': () => import('../features/fine-tuning'),
  scaling: () => import('../features/scaling'),
  inference: () => import('../features/inference'),
  serving: () => import('../features/serving'),
  moe: () => import('../features/moe'),
  compression: () => import('../features/compression'),
  hardware: () => import('../features/hardware'),
  deployment: () => import('../features/deployment'),
  compare: () => import('../features/compare'),
  article: () => import('../features/article'),
  sources: () => import('../features/sources'),
} satisfies Record<string, Loader>;

export type SectionId = keyof typeof FEATURES;
export const SECTION_IDS = Object.keys(FEATURES) as SectionId[];

/** The section drawn with the page itself; the others load as the reader approaches them. */
export const FIRST_SECTION = { id: 'anatomy', Section: anatomy.Section } as const satisfies { id: SectionId; Section: ComponentType };

/** Every embeddable chart and table id → the section (feature) that draws it. */
export const EMBEDDABLE: Readonly<Record<string, SectionId>> = {
  'param-breakdown': 'anatomy',
  'model-file-types': 'model-file',
  'model-file-kinds': 'model-file',
  timeline: 'timeline',
  'memory-precision': 'memory',
  'training-memory': 'training',
  'cost-vs-scale': 'training',
  'training-plan-layouts': 'training-plan',
  'step-breakdown': 'training-plan',
  'strong-scaling': 'training-plan',
  'published-runs': 'training-plan',
  'fine-tuning-memory': 'fine-tuning',
  'fine-tuning-fit': 'fine-tuning',
  'scaling-law': 'scaling',
  'compute-optimal': 'scaling',
  'inference-memory': 'inference',
  'inference-throughput': 'inference',
  'serving-frontier': 'serving',
  'can-i-run': 'serving',
  moe: 'moe',
  compression: 'compression',
  'hardware-timeline': 'hardware',
  deployment: 'deployment',
  compare: 'compare',
  'article-check': 'article',
  validation: 'sources',
};
