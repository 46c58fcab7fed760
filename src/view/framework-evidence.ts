/**
 * What the published checks say about the training software the reader chose (`FRAMEWORK_EVIDENCE`,
 * kept true by test/unit/planner-band.test.ts), for the sentences beside the planner's band in the
 * training section and the training plan. Automatic software gets none: the band's own count is its.
 */
import { FRAMEWORK_EVIDENCE, STEP_TIME_SPREAD, type FrameworkEvidence } from '../core';
import type { TrainingFramework } from '../data/training-frameworks';
import { defineMessages, fill, type Lang } from '../i18n/i18n';
import { formatNumber, formatPercent } from '../i18n/format';
import { frameworkName } from './framework-name';

const MESSAGES = defineMessages({
  en: {
    evidence: 'For {software}, the checks cover {runs} published runs: {within} within ±{spread}, mean error {mean}, worst {worst}.',
    evidenceOne: 'For {software}, the checks cover one published run, within {mean}.',
    biasSlower: ' They ran {bias} slower than predicted on average: read these times as optimistic.',
    biasFaster: ' They ran {bias} faster than predicted on average: read these times as pessimistic.',
  },
  zh: {
    evidence: '对 {software}，核对覆盖 {runs} 次公开训练：{within} 次落在 ±{spread} 以内，平均误差 {mean}，最大 {worst}。',
    evidenceOne: '对 {software}，核对覆盖 1 次公开训练，误差在 {mean} 以内。',
    biasSlower: '它们平均比预测慢 {bias}：这里的时间应视为偏乐观。',
    biasFaster: '它们平均比预测快 {bias}：这里的时间应视为偏保守。',
  },
});

/** A mean offset of at least this many percent is called out as a lean, not noise. */
const BIAS_WORTH_SAYING = 5;

/** The evidence sentence for a chosen software, or null when it has no checks (or is automatic). */
export function frameworkEvidenceText(framework: TrainingFramework | null, automatic: boolean, lang: Lang): string | null {
  if (automatic || framework === null) return null;
  const evidence: FrameworkEvidence | undefined = FRAMEWORK_EVIDENCE[framework.id];
  if (evidence === undefined) return null;
  const m = MESSAGES[lang];
  const pct = (value: number) => `${formatNumber(Math.abs(value), lang, 3)}%`;
  const software = frameworkName(framework, lang);
  const main =
    evidence.runs === 1
      ? fill(m.evidenceOne, { software, mean: pct(evidence.meanError) })
      : fill(m.evidence, {
          software,
          runs: formatNumber(evidence.runs, lang, 3),
          within: formatNumber(evidence.within, lang, 3),
          spread: formatPercent(STEP_TIME_SPREAD, lang),
          mean: pct(evidence.meanError),
          worst: pct(evidence.worstError),
        });
  const lean = Math.abs(evidence.bias) < BIAS_WORTH_SAYING ? '' : fill(evidence.bias > 0 ? m.biasSlower : m.biasFaster, { bias: pct(evidence.bias) });
  return main + lean;
}
