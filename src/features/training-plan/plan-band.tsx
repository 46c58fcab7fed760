/** The uncertainty band of the best layout, in words: step time and the run's days and cost at low / high efficiency. */
import { memo } from 'react';
import { STEP_TIME_SPREAD, STEP_TIME_SPREAD_COVERAGE } from '../../core';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill } from '../../i18n/i18n';
import { formatDuration, formatPercent, formatUsd } from '../../i18n/format';
import { MESSAGES } from './messages';
import { usePlanView } from './plan-scope';
import { planBand } from './training-plan.data';
import { BandNotes } from '../../view/band-notes';

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
      })}
      <BandNotes estimate={estimate} lang={lang} testIdPrefix="plan-band" />
    </p>
  );
});
