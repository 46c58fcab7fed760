import { memo, useMemo } from 'react';
import { Stat } from '../../components/ui/stat';
import { FeatureSection } from '../../view/feature-section';
import { useChartView } from '../../view/use-chart-view';
import { useLang, useMessages } from '../../i18n/view-settings';
import { fill } from '../../i18n/i18n';
import { formatCount, formatNumber } from '../../i18n/format';
import { isHypotheticalModel, timelineGrowth } from './timeline.data';
import { TimelineChart } from './timeline-chart';
import { MESSAGES } from './messages';
import { CHART_SERIES } from '../../store/chart-series';
import { presetModelName } from '../../view/labels';

const TimelineStats = memo(function TimelineStats() {
  const { scenario, estimate, select } = useChartView();
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const rows = select.derived(CHART_SERIES.timelineSeries, scenario).rows;
  const growth = useMemo(() => timelineGrowth(rows), [rows]);
  const model = estimate.model;
  const currentNote =
    model.kind !== 'preset'
      ? m.statCurrentDerived
      : isHypotheticalModel(model.id)
        ? fill(m.statCurrentHypothetical, { name: presetModelName(model.id, model.name, lang) })
        : fill(m.statCurrentNote, { name: presetModelName(model.id, model.name, lang), year: model.preset?.year ?? '—' });
  return (
    <div className="stats">
      <Stat label={m.statCurrent} value={formatCount(model.counts.total, lang)} note={currentNote} />
      {growth ? (
        <Stat
          label={fill(m.statGrowth, { from: growth.first.year, to: growth.largest.year })}
          value={`×${formatNumber(growth.factor, lang, 2)}`}
          note={fill(m.statGrowthNote, {
            first: growth.first.name,
            firstParams: formatCount(growth.first.params, lang),
            last: growth.largest.name,
            lastParams: formatCount(growth.largest.params, lang),
            perYear: formatNumber(growth.perYear, lang, 2),
          })}
        />
      ) : null}
      {growth ? (
        <Stat
          label={m.statLargest}
          value={formatCount(growth.largest.params, lang)}
          note={fill(m.statLargestNote, { name: growth.largest.name, year: growth.largest.year })}
        />
      ) : null}
      <Stat label={m.statGpt4} value={m.statGpt4Value} note={m.statGpt4Note} />
    </div>
  );
});

export function TimelineSection() {
  const m = useMessages(MESSAGES);
  return (
    <FeatureSection
      id="timeline"
      title={m.title}
      lead={[m.lead1, m.lead2]}
      sources={<p>{m.sourcesNote}</p>}
    >
      <TimelineStats />
      <div className="charts">
        <TimelineChart />
      </div>
    </FeatureSection>
  );
}
