import type { Lang } from '../i18n/i18n';
import type { TrainingFrameworkTraits } from '../data/training-framework-traits';
import { FRAMEWORK_NAMES_ZH } from '../data/text-zh';

/** A training-software row's name in the page's language (the English name where no Chinese is listed). */
export function frameworkName(framework: Pick<TrainingFrameworkTraits, 'id' | 'name'>, lang: Lang): string {
  return lang === 'zh' ? (FRAMEWORK_NAMES_ZH[framework.id] ?? framework.name) : framework.name;
}
