import type { Lang } from '../i18n/i18n';
import { formatCount } from '../i18n/format';
import type { ModelKind } from '../core';

/**
 * The name a sentence can use for the scenario's model: the preset's name, "a 100T-parameter
 * model (size slider)" for the shape rule, "the imported config" for an unnamed config.json, the
 * file's name for an opened model file.
 */
export function modelDisplayName(model: { kind: ModelKind; name: string; counts: { total: number } }, lang: Lang): string {
  if (model.kind === 'size') {
    const params = formatCount(model.counts.total, lang);
    return lang === 'zh' ? `${params}参数模型（规模滑块）` : `a ${params}-parameter model (size slider)`;
  }
  if (model.kind === 'custom' && (model.name === 'custom' || model.name.trim() === '')) {
    return lang === 'zh' ? '导入的配置' : 'the imported config';
  }
  return model.name;
}
