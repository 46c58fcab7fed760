/**
 * The planner's stated accuracy (`PLANNER_ACCURACY`, kept true by test/unit/planner-band.test.ts) as
 * the values the training section's band and the training plan's lead fill in, in the page's language.
 */
import { PLANNER_ACCURACY } from '../core';
import type { Lang } from '../i18n/i18n';
import { formatNumber } from '../i18n/format';

export function plannerAccuracyValues(lang: Lang): Record<string, string> {
  const pct = (value: number) => `${formatNumber(value, lang, 3)}%`;
  const a = PLANNER_ACCURACY;
  return {
    calRuns: formatNumber(a.calibration.runs, lang, 3),
    calMean: pct(a.calibration.meanError),
    calWorst: pct(a.calibration.worstError),
    heldRuns: formatNumber(a.heldOut.runs, lang, 3),
    heldMean: pct(a.heldOut.meanError),
    heldWorst: pct(a.heldOut.worstError),
    laterMean: pct(a.laterLargeMeanError),
    smallLow: pct(a.laterSmallSlow[0]),
    smallHigh: pct(a.laterSmallSlow[1]),
  };
}
