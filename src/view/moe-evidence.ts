/**
 * The mixture-of-experts warning the training section and the training plan put beside the
 * planner's band: what the MoE checks found (`MOE_EVIDENCE`, kept true by
 * test/unit/planner-moe.test.ts), in the page's language.
 */
import { MOE_EVIDENCE } from '../core';
import { defineMessages, fill, type Lang } from '../i18n/i18n';
import { formatNumber } from '../i18n/format';

const MESSAGES = defineMessages({
  en: {
    bandMoe:
      'Mixture of experts: the planner’s MoE terms are checked on few runs. DeepSeek-V3’s own run (within {deepSeek}) and Mixtral-8x7B ({mixtralLow}–{mixtralHigh} longer than predicted) fit; NVIDIA’s {runs} runs of the fine-grained gpt-oss-120b took {low}–{high} longer than predicted. Read this model’s times as optimistic.',
  },
  zh: {
    bandMoe:
      '混合专家模型：规划器的 MoE 部分只在少数训练上核对过。DeepSeek-V3 自己的训练（误差 {deepSeek} 以内）与 Mixtral-8x7B（比预测慢 {mixtralLow}–{mixtralHigh}）吻合；NVIDIA 对细粒度的 gpt-oss-120b 的 {runs} 次训练比预测慢 {low}–{high}。此模型的时间应视为偏乐观。',
  },
});

/** The warning for a mixture-of-experts model, filled with the evidence's percents. */
export function moeBandText(lang: Lang): string {
  const pct = (value: number) => `${formatNumber(value, lang, 3)}%`;
  return fill(MESSAGES[lang].bandMoe, {
    deepSeek: pct(MOE_EVIDENCE.deepSeekV3),
    mixtralLow: pct(MOE_EVIDENCE.mixtral[0]),
    mixtralHigh: pct(MOE_EVIDENCE.mixtral[1]),
    runs: formatNumber(MOE_EVIDENCE.fineGrainedRuns, lang, 3),
    low: pct(MOE_EVIDENCE.fineGrained[0]),
    high: pct(MOE_EVIDENCE.fineGrained[1]),
  });
}
