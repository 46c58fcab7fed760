import { memo, useMemo } from 'react';
import { Stat } from '../../components/ui/stat';
import { CiteList } from '../../components/ui/cite';
import { PRECISIONS, SOURCES } from '../../core';
import { FeatureSection } from '../../view/feature-section';
import { useChartView } from '../../view/use-chart-view';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill } from '../../i18n/i18n';
import { formatBytes, formatCount, formatNumber, formatPercent } from '../../i18n/format';
import { compressionPoints } from './compression.data';
import { CompressionChart } from './compression-chart';
import { MESSAGES } from './messages';
import { CHART_SERIES } from '../../store/chart-series';

const SECTION_SOURCES = [SOURCES.dettmers2022, SOURCES.frantar2023, SOURCES.ma2023, SOURCES.hinton2015];

const CompressionStats = memo(function CompressionStats() {
  const { scenario, estimate, select } = useChartView();
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const rows = select.derived(CHART_SERIES.compressionSeries, scenario).rows;
  const points = useMemo(() => compressionPoints(rows, 1), [rows]);
  const start = points[0];
  const int4 = points.find((p) => p.step === 'int4');
  const end = points[points.length - 1];
  if (!start || !end) return null;
  const selected = estimate.weights.selected;
  const precisionLabel = PRECISIONS[selected.id]?.label ?? selected.id;
  return (
    <div className="stats">
      <Stat label={m.statStart} value={formatBytes(start.bytes, lang, units)} note={fill(m.statStartNote, { params: formatCount(start.params, lang) })} />
      {int4 ? (
        <Stat
          label={m.statInt4}
          value={formatBytes(int4.bytes, lang, units)}
          note={fill(m.statInt4Note, { factor: formatNumber(start.bytes / int4.bytes, lang), params: formatCount(int4.params, lang) })}
        />
      ) : null}
      <Stat
        label={m.statEnd}
        value={formatBytes(end.bytes, lang, units)}
        note={fill(m.statEndNote, {
          params: formatCount(end.params, lang),
          factor: formatNumber(start.bytes / end.bytes, lang),
          paramsFactor: formatNumber(start.params / end.params, lang),
        })}
      />
      <Stat
        label={m.statArticle}
        value={fill(m.statArticleValue, { params: formatCount(end.articleParams, lang) })}
        bad
        note={fill(m.statArticleNote, { ours: formatCount(end.params, lang) })}
      />
      <Stat
        label={fill(m.statSelected, { precision: precisionLabel })}
        value={formatBytes(selected.bytes, lang, units)}
        note={fill(m.statSelectedNote, { share: formatPercent(start.bytes > 0 ? selected.bytes / start.bytes : Number.NaN, lang, 3) })}
      />
    </div>
  );
});

export function CompressionSection() {
  const m = useMessages(MESSAGES);
  return (
    <FeatureSection
      id="compression"
      title={m.title}
      lead={[m.lead1, m.lead2, m.lead3]}
      sources={<CiteList label={m.sources} sources={SECTION_SOURCES} />}
    >
      <CompressionStats />
      <div className="charts">
        <CompressionChart />
      </div>
    </FeatureSection>
  );
}
