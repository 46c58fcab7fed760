import type { Lang } from '../i18n/i18n';
import type { TrainingFrameworkTraits } from '../data/training-framework-traits';
import { FRAMEWORK_NAMES_ZH } from '../data/text-zh';

/** A training-software row's name in the page's language (the English name where no Chinese is listed). */
export function frameworkName(framework: Pick<TrainingFrameworkTraits, 'id' | 'name'>, lang: Lang): string {
  return lang === 'zh' ? (FRAMEWORK_NAMES_ZH[framework.id] ?? framework.name) : framework.name;
}

/** The software a scenario's training was priced with, by name ('—' when the planner did not know it). */
export function softwareName(estimate: { training: { framework: Pick<TrainingFrameworkTraits, 'id' | 'name'> | null } }, lang: Lang): string {
  const framework = estimate.training.framework;
  return framework ? frameworkName(framework, lang) : '—';
}
