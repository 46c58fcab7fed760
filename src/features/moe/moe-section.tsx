import { memo } from 'react';
import { Stat } from '../../components/ui/stat';
import { CiteList } from '../../components/ui/cite';
import { PRECISIONS, SOURCES } from '../../core';
import { FeatureSection } from '../../view/feature-section';
import { modelDisplayName } from '../../view/model-name';
import { useChartView } from '../../view/use-chart-view';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill } from '../../i18n/i18n';
import { formatBytes, formatCount, formatNumber, formatPercent, formatScientific } from '../../i18n/format';
import { articleMoeData, moeViewData, roundCount } from './moe.data';
import { MoeChart } from './moe-chart';
import { MESSAGES } from './messages';

const SECTION_SOURCES = [SOURCES.fedus2022, SOURCES.jiang2024, SOURCES.deepseek2024v3, SOURCES.thisProject];

const MoeStats = memo(function MoeStats() {
  const { estimate, select, derive } = useChartView();
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const view = derive(moeViewData);
  const summary = view.series.summary;
  const moe = view.arch.moe;
  const precisionLabel = PRECISIONS[estimate.weights.selected.id]?.label ?? estimate.weights.selected.id;
  const article = select.constant(articleMoeData);
  const articleShare = article.article.activeParameters / 1e12;
  const oursShare = article.counts.active / article.counts.total;
  const modelNote = moe
    ? fill(m.statModelNote, {
        experts: moe.experts,
        k: moe.expertsPerToken,
        shared: moe.sharedExperts > 0 ? fill(m.statSharedExperts, { count: moe.sharedExperts }) : '',
        layers: moe.moeLayers,
        allLayers: view.arch.layers,
      })
    : '';
  return (
    <>
      {view.fallback ? (
        <p className="notice-inline" data-testid="moe-dense-note">
          {fill(m.denseNote, {
            model: modelDisplayName(estimate.model, lang),
            layers: formatNumber(view.arch.layers, lang),
            hidden: formatNumber(view.arch.hidden, lang, 6),
            ffn: formatNumber(view.arch.moe?.expertFfn ?? view.arch.ffn, lang, 6),
          })}
        </p>
      ) : null}
      <div className="stats">
        <Stat
          label={m.statModel}
          value={view.fallback ? m.statModelDense : modelDisplayName(estimate.model, lang)}
          note={view.fallback ? `${fill(m.statModelDenseNote, { model: modelDisplayName(estimate.model, lang) })}; ${modelNote}` : modelNote}
        />
        <Stat
          label={m.statTotal}
          value={formatCount(roundCount(summary.totalParams), lang)}
          note={fill(m.statTotalNote, { bytes: formatBytes(summary.memoryBytes, lang, units), precision: precisionLabel })}
        />
        <Stat
          label={m.statActive}
          value={formatCount(summary.activeParams, lang)}
          note={fill(m.statActiveNote, { share: formatPercent(summary.activeFraction, lang, 2), flops: formatScientific(summary.flopsPerToken, 2) })}
        />
        <Stat
          label={fill(m.statBatch, { batch: formatNumber(view.batch, lang) })}
          value={formatBytes(summary.bytesReadPerDecodeStepAtBatch, lang, units)}
          note={fill(m.statBatchNote, {
            share: formatPercent(summary.memoryBytes > 0 ? summary.bytesReadPerDecodeStepAtBatch / summary.memoryBytes : Number.NaN, lang, 2),
            batch: formatNumber(view.batch, lang),
          })}
        />
        <Stat
          label={m.statArticle}
          value={fill(m.statArticleValue, { ours: formatCount(article.counts.active, lang), article: formatCount(article.article.activeParameters, lang) })}
          note={fill(m.statArticleNote, { articleShare: formatPercent(articleShare, lang, 2), oursShare: formatPercent(oursShare, lang, 2) })}
        />
      </div>
    </>
  );
});

export function MoeSection() {
  const m = useMessages(MESSAGES);
  return (
    <FeatureSection
      id="moe"
      title={m.title}
      lead={[m.lead1, m.lead2, m.lead3]}
      sources={<CiteList label={m.sources} sources={SECTION_SOURCES} />}
    >
      <MoeStats />
      <div className="charts">
        <MoeChart />
      </div>
    </FeatureSection>
  );
}
