import type { Estimate, SourceId } from '../core';
import { SOURCES } from '../core';
import type { Lang } from '../i18n/i18n';
import { formatBytes, formatCount, formatNumber, type UnitSystem } from '../i18n/format';
import type { SourceItem } from '../components/ui/source-list';
import { ACCELERATOR_NAMES_ZH, MODEL_NAMES_ZH, PRICE_WHAT_ZH, ROW_LABELS_ZH, textIn } from '../data/text-zh';

/** A model preset's name in the page's language (by preset id). */
export function presetModelName(id: string, name: string, lang: Lang): string {
  return textIn(lang, name, MODEL_NAMES_ZH[id]);
}

/** An accelerator's name in the page's language (by accelerator id). */
export function acceleratorName(id: string, name: string, lang: Lang): string {
  return textIn(lang, name, ACCELERATOR_NAMES_ZH[id]);
}

/** A local device's name in the page's language: "Apple M4 Max (40-core GPU), 64 GB" → "Apple M4 Max（40 核 GPU），64 GB". */
export function deviceName(name: string, lang: Lang): string {
  if (lang !== 'zh') return name;
  return name.replace(/ \((\d+)-core GPU\)(, )?/g, (_match, cores: string, comma: string | undefined) => `（${cores} 核 GPU）${comma ? '，' : ''}`);
}

/** What an accelerator's dated price is (the listing), in the page's language. */
export function priceWhat(id: string, what: string, lang: Lang): string {
  return textIn(lang, what, PRICE_WHAT_ZH[id]);
}

/**
 * A measured or published row's label (or a line built from labels, "model · hardware · engine")
 * in the page's language: each label with a Chinese entry is replaced by it.
 */
export function dataLabel(text: string, lang: Lang): string {
  if (lang !== 'zh') return text;
  let result = text;
  for (const [english, chinese] of Object.entries(ROW_LABELS_ZH)) {
    if (result.includes(english)) result = result.split(english).join(chinese);
  }
  return result;
}

/** The model as a reader knows it: the preset's name, or "a 100B model" for the size slider. */
export function modelLabel(estimate: Estimate, lang: Lang): string {
  if (estimate.model.kind === 'size') {
    const size = formatCount(estimate.model.counts.total, lang);
    return lang === 'zh' ? `${size} 参数模型（按规模推导）` : `a ${size}-parameter model (derived shape)`;
  }
  return estimate.model.kind === 'preset' ? presetModelName(estimate.model.id, estimate.model.name, lang) : estimate.model.name;
}

/** A short name for a chart marker: the preset's name, or "100T" for the size slider. */
export function shortModelLabel(estimate: Estimate, lang: Lang): string {
  if (estimate.model.kind === 'size') return formatCount(estimate.model.counts.total, lang);
  return estimate.model.kind === 'preset' ? presetModelName(estimate.model.id, estimate.model.name, lang) : estimate.model.name;
}

/** The accelerator's name, or "custom GPU". */
export function gpuLabel(estimate: Estimate, lang: Lang): string {
  if (estimate.hardware.id === 'custom') return lang === 'zh' ? '自定义 GPU' : 'custom GPU';
  return acceleratorName(estimate.hardware.id, estimate.hardware.name, lang);
}

/** "Rajbhandari et al. 2020, Fig. 1" (zh: "Rajbhandari 等 2020, …") with the paper's link. */
export function cite(id: SourceId, where: string, lang: Lang): SourceItem {
  const source = SOURCES[id];
  const authors = source.authors.split(',');
  const first = (authors[0] ?? source.authors).trim();
  const etAl = lang === 'zh' ? ' 等' : ' et al.';
  const lead = authors.length > 1 && !first.includes(' ') ? `${first}${etAl}` : first;
  const url = 'url' in source ? source.url : undefined;
  const comma = lang === 'zh' ? '，' : ', ';
  return { key: `${id}-${where}`, text: `${lead} ${source.year}${comma}${where}`, ...(url ? { url } : {}) };
}

/** "1 GPU", "1,024 GPUs" / "1,024 张卡". */
export function gpuCountText(count: number, lang: Lang): string {
  const text = formatNumber(count, lang, 7);
  if (lang === 'zh') return `${text} 张卡`;
  return count === 1 ? `${text} GPU` : `${text} GPUs`;
}

/**
 * The GPU memory a training or fine-tuning layout must fit in, in words: the marketed size, and
 * beside it what the driver gives CUDA when that is published and differs (H100: "80 GB; 85.5 GB as
 * the driver reports it"): those fits are judged against the second (`EstimateHardware.deviceMemoryBytes`).
 */
export function gpuMemoryText(estimate: Estimate, lang: Lang, units: UnitSystem): string {
  const { memoryBytes, deviceMemoryBytes } = estimate.hardware;
  const marketed = formatBytes(memoryBytes, lang, units);
  if (Math.abs(deviceMemoryBytes - memoryBytes) < 0.005 * memoryBytes) return marketed;
  const device = formatBytes(deviceMemoryBytes, lang, units);
  return lang === 'zh' ? `${marketed}，驱动实际提供 ${device}` : `${marketed}; ${device} as the driver reports it`;
}
