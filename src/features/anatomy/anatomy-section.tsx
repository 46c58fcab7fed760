import { memo } from 'react';
import { Stat } from '../../components/ui/stat';
import { CiteList } from '../../components/ui/cite';
import { SOURCES } from '../../core';
import { FeatureSection } from '../../view/feature-section';
import { modelDisplayName } from '../../view/model-name';
import { useChartView } from '../../view/use-chart-view';
import { useLang, useMessages } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber, formatPercent } from '../../i18n/format';
import { attentionKind } from './anatomy.data';
import { MlpCounter } from './mlp-counter';
import { ParamBreakdownChart } from './param-breakdown-chart';
import { MESSAGES } from './messages';
import { dataLabel } from '../../view/labels';
import './anatomy.css';

const EXACT: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }),
};

const SECTION_SOURCES = [SOURCES.kaplan2020, SOURCES.fedus2022, SOURCES.deepseek2024v2];

const AnatomyStats = memo(function AnatomyStats() {
  const { model: resolution } = useChartView();
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const model = resolution.model;
  const { counts, arch } = model;
  const hypothetical = model.preset !== null && model.preset.id.startsWith('article-');
  const badges: string[] = [];
  if (model.approximate) badges.push(m.badgeApproximate);
  if (resolution.warnings.includes('derived-architecture')) badges.push(m.badgeDerived);
  if (hypothetical) badges.push(m.badgeHypothetical);
  else if (model.preset !== null && !model.confirmed) badges.push(m.badgeUnconfirmed);

  const kind = attentionKind(arch);
  const headsNote =
    kind === 'mla'
      ? fill(m.headsMla, { rank: arch.mla?.kvLoraRank ?? 0 })
      : kind === 'encoder'
        ? m.headsEncoder
        : kind === 'mha'
          ? m.headsMha
          : kind === 'mqa'
            ? fill(m.headsMqa, { heads: arch.heads })
            : fill(m.headsGqa, { ratio: formatNumber(arch.heads / arch.kvHeads, lang) });
  const exactNote = fill(m.totalNote, { exact: EXACT[lang].format(counts.total) });
  // The published figure is quoted in its source's words (English): marked so (WCAG 3.1.2).
  const publishedLabel = model.preset?.publishedParamsLabel && model.preset.publishedParams !== null ? dataLabel(model.preset.publishedParamsLabel, lang) : null;
  const [publishedBefore = '', publishedAfter = ''] = m.published.split('{label}');
  const totalNote = publishedLabel ? (
    <>
      {exactNote} · {publishedBefore}
      <span lang={lang === 'zh' ? 'en' : undefined}>{publishedLabel}</span>
      {publishedAfter}
    </>
  ) : (
    exactNote
  );
  const activeNote = arch.moe
    ? fill(m.activeMoe, {
        share: formatPercent(counts.active / counts.total, lang, 2),
        experts: arch.moe.expertsPerToken,
        all: arch.moe.experts,
      })
    : m.activeDense;
  return (
    <>
      <h3>{fill(m.statsHeading, { model: modelDisplayName(model, lang) })}</h3>
      {badges.length > 0 ? (
        <p className="anatomy-badges">
          {badges.map((badge) => (
            <span key={badge} className="badge">
              {badge}
            </span>
          ))}
        </p>
      ) : null}
      <div className="stats">
        <Stat label={m.total} value={formatCount(counts.total, lang)} note={totalNote} testId="anatomy-total" />
        <Stat label={m.active} value={formatCount(counts.active, lang)} note={activeNote} />
        <Stat label={m.nonEmbedding} value={formatCount(counts.nonEmbedding, lang)} note={m.nonEmbeddingNote} />
        <Stat
          label={m.shape}
          value={`${EXACT[lang].format(arch.layers)} × ${EXACT[lang].format(arch.hidden)}`}
          note={fill(m.shapeNote, {
            ffn: EXACT[lang].format(arch.moe ? arch.moe.expertFfn : arch.ffn),
            vocab: EXACT[lang].format(arch.vocab),
            headDim: EXACT[lang].format(arch.headDim),
          })}
        />
        <Stat label={m.heads} value={`${EXACT[lang].format(arch.heads)} / ${EXACT[lang].format(arch.kvHeads)}`} note={headsNote} />
      </div>
    </>
  );
});

const PresetSource = memo(function PresetSource() {
  const { model } = useChartView();
  const m = useMessages(MESSAGES);
  const source = model.model.preset?.source;
  if (!source) return null;
  // The source is a reference in English: marked so on the Chinese page (WCAG 3.1.2).
  const [before = '', after = ''] = m.presetSource.split('{source}');
  return (
    <p className="anatomy-preset-source">
      {before}
      <span lang="en">{source}</span>
      {after}
    </p>
  );
});

export function AnatomySection() {
  const m = useMessages(MESSAGES);
  return (
    <FeatureSection
      id="anatomy"
      title={m.title}
      lead={[m.lead1, m.lead2]}
      sources={<CiteList label={m.sources} sources={SECTION_SOURCES} />}
    >
      <AnatomyStats />
      <div className="charts">
        <MlpCounter />
        <ParamBreakdownChart />
      </div>
      <PresetSource />
    </FeatureSection>
  );
}
