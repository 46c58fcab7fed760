import type { ComponentType } from 'react';
import * as anatomy from '../features/anatomy';
import { loadEstimateCode } from '../store/estimate-code';

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

/** A section's module, once `estimate()`'s code is here too (every section but the first draws from it). */
function withEstimate<T>(module: Promise<T>): Promise<T> {
  return Promise.all([module, loadEstimateCode()]).then(([loaded]) => loaded);
}

export const FEATURES = {
  anatomy: () => Promise.resolve(anatomy),
  'model-file': () => withEstimate(import('../features/model-file')),
  timeline: () => withEstimate(import('../features/timeline')),
  memory: () => withEstimate(import('../features/memory')),
  training: () => withEstimate(import('../features/training')),
  'training-plan': () => withEstimate(import('../features/training-plan')),
  'fine-tuning': () => withEstimate(import('../features/fine-tuning')),
  scaling: () => withEstimate(import('../features/scaling')),
  inference: () => withEstimate(import('../features/inference')),
  serving: () => withEstimate(import('../features/serving')),
  moe: () => withEstimate(import('../features/moe')),
  compression: () => withEstimate(import('../features/compression')),
  hardware: () => withEstimate(import('../features/hardware')),
  deployment: () => withEstimate(import('../features/deployment')),
  compare: () => withEstimate(import('../features/compare')),
  article: () => withEstimate(import('../features/article')),
  sources: () => withEstimate(import('../features/sources')),
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
