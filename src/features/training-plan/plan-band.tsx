/** The uncertainty band of the best layout, in words: step time and the run's days and cost at low / high efficiency. */
import { memo } from 'react';
import { STEP_TIME_SPREAD, STEP_TIME_SPREAD_COVERAGE, type Estimate } from '../../core';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatDuration, formatPercent, formatUsd } from '../../i18n/format';
import { MESSAGES } from './messages';
import { usePlanView } from './plan-scope';
import { planBand, runGoodput } from './training-plan.data';
import { BandNotes } from '../../view/band-notes';

/** What the plan's days count, in words: the steps only, or ÷ the goodput (the band and the strong-scaling caption). */
export function daysCover(m: { coverSteps: string; coverGoodput: string }, estimate: Estimate, lang: Lang): string {
  const goodput = runGoodput(estimate);
  return goodput < 1 ? fill(m.coverGoodput, { percent: formatPercent(goodput, lang) }) : m.coverSteps;
}

export const PlanBand = memo(function PlanBand() {
  const { plan, estimate } = usePlanView();
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const best = plan.plan?.rows[0];
  if (!best) return null;
  const band = planBand(best, estimate);
  if (band === null) return null;
  const days = (value: number) => formatDuration(value * 86_400, lang);
  return (
    <p data-testid="plan-band">
      <strong>{m.bandTitle}: </strong>
      {fill(m.band, {
        seconds: formatDuration(best.seconds, lang),
        low: formatDuration(best.secondsLow, lang),
        high: formatDuration(best.secondsHigh, lang),
        spread: formatPercent(STEP_TIME_SPREAD, lang),
        within: String(STEP_TIME_SPREAD_COVERAGE.within),
        checked: String(STEP_TIME_SPREAD_COVERAGE.checked),
        days: days(band.days),
        daysLow: days(band.daysLow),
        daysHigh: days(band.daysHigh),
        cost: formatUsd(band.cost, lang),
        costLow: formatUsd(band.costLow, lang),
        costHigh: formatUsd(band.costHigh, lang),
        cover: daysCover(m, estimate, lang),
      })}
      <BandNotes estimate={estimate} lang={lang} testIdPrefix="plan-band" />
    </p>
  );
});
