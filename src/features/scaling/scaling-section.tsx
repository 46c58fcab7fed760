import { memo } from 'react';
import { Stat } from '../../components/ui/stat';
import { TableScroll } from '../../components/ui/table-scroll';
import { SourceList } from '../../components/ui/source-list';
import { FeatureSection } from '../../view/feature-section';
import { useChartView } from '../../view/use-chart-view';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber, formatScientific } from '../../i18n/format';
import type { Estimate } from '../../core';
import { MESSAGES } from './messages';
import { cite, dataLabel } from '../../view/labels';
import { LOSS_LAW_ORDER, articleAllocation, lawRows, runsData, trainingVerdict, type LawRow, type RunPoint } from './scaling.data';
import { ScalingLawChart } from './scaling-law-chart';
import { ComputeOptimalChart } from './compute-optimal-chart';
import { withCode } from '../../view/with-code';

type Messages = (typeof MESSAGES)['en'];

const CAPTION = { textAlign: 'left', padding: '4px 8px', captionSide: 'top' } as const;
const ROW_HEAD = { whiteSpace: 'normal', minWidth: '16ch', textAlign: 'left' } as const;

function sizeText(row: LawRow, m: Messages, lang: Lang): string {
  const ratio = row.sizeRatio;
  if (!Number.isFinite(ratio) || ratio <= 0) return '—';
  if (ratio > 1.1) return fill(m.sizeLarger, { ratio: formatNumber(ratio, lang, 2) });
  if (ratio < 1 / 1.1) return fill(m.sizeSmaller, { ratio: formatNumber(1 / ratio, lang, 2) });
  return m.sizeSame;
}

const ScalingStats = memo(function ScalingStats({ estimate, lang, m }: { estimate: Estimate; lang: Lang; m: Messages }) {
  const s = estimate.scaling;
  const counts = estimate.model.counts;
  const isMoe = counts.active < counts.total;
  const { verdict, factor } = trainingVerdict(s.tokensPerParam);
  const verdictText =
    verdict === 'over'
      ? fill(m.statTppOver, { factor: formatNumber(factor, lang, 2) })
      : verdict === 'under'
        ? fill(m.statTppUnder, { factor: formatNumber(factor, lang, 2) })
        : m.statTppNear;
  const rows = lawRows(estimate);
  let low = Infinity;
  let high = -Infinity;
  for (const row of rows) {
    if (row.optimalParams < low) low = row.optimalParams;
    if (row.optimalParams > high) high = row.optimalParams;
  }
  const rule = s.optimal.tokens20;
  const article = articleAllocation(s.compute);
  return (
    <div className="stats">
      <Stat
        label={m.statCompute}
        value={`${formatScientific(s.compute)} FLOPs`}
        note={fill(m.statComputeNote, {
          active: formatCount(counts.active, lang),
          tokens: formatCount(s.tokens, lang),
          moe: isMoe ? fill(m.statComputeMoe, { total: formatCount(counts.total, lang) }) : '',
        })}
        testId="scaling-compute"
      />
      <Stat label={m.statTpp} value={formatNumber(s.tokensPerParam, lang, 3)} note={verdictText} testId="scaling-tpp" />
      {LOSS_LAW_ORDER.map((law) => (
        <Stat
          key={law}
          label={m[`statLoss_${law}`]}
          value={formatNumber(s.loss[law], lang, 4)}
          note={m[`statLossNote_${law}`]}
          testId={`scaling-loss-${law}`}
        />
      ))}
      <Stat
        label={m.statOptimal}
        value={fill(m.statOptimalValue, { params: formatCount(rule.params, lang), tokens: formatCount(rule.tokens, lang) })}
        note={fill(m.statOptimalNote, { low: formatCount(low, lang), high: formatCount(high, lang) })}
        testId="scaling-optimal"
      />
      <Stat
        label={m.statArticle}
        value={fill(m.statArticleValue, { value: formatCount(article.article, lang) })}
        bad
        note={fill(m.statArticleNote, {
          paramsRatio: formatNumber(article.paramsRatio, lang, 3),
          params: formatCount(article.params, lang),
          tokensRatio: formatNumber(article.tokensRatio, lang, 3),
          tokens: formatCount(article.tokens, lang),
        })}
        testId="scaling-article"
      />
    </div>
  );
});

const LawTable = memo(function LawTable({ estimate, lang, m }: { estimate: Estimate; lang: Lang; m: Messages }) {
  const rows = lawRows(estimate);
  return (
    <TableScroll labelledBy="scaling-laws-caption">
      <table className="data-table" data-table="scaling-laws">
        <caption id="scaling-laws-caption" className="muted" style={CAPTION}>
          {fill(m.tableCaption, { compute: `${formatScientific(estimate.scaling.compute)} FLOPs` })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.colLaw}</th>
            <th scope="col">{m.colLossHere}</th>
            <th scope="col">{m.colOptimalParams}</th>
            <th scope="col">{m.colOptimalTokens}</th>
            <th scope="col">{m.colTpp}</th>
            <th scope="col">{m.colOptimalLoss}</th>
            <th scope="col">{m.colSize}</th>
            <th scope="col">{m.colData}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.law}>
              <th scope="row" style={ROW_HEAD}>{m[`law_${row.law}`]}</th>
              <td>{row.lossHere === null ? '—' : formatNumber(row.lossHere, lang, 4)}</td>
              <td>{formatCount(row.optimalParams, lang)}</td>
              <td>{formatCount(row.optimalTokens, lang)}</td>
              <td>{formatNumber(row.optimalTokensPerParam, lang, 3)}</td>
              <td>{formatNumber(row.optimalLoss, lang, 4)}</td>
              <td>{sizeText(row, m, lang)}</td>
              <td className="wrap">{m[`data_${row.law}`]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
});

const RunsTable = memo(function RunsTable({ runs, lang, m }: { runs: readonly RunPoint[]; lang: Lang; m: Messages }) {
  return (
    <details className="scaling-runs">
      <summary>{m.runsTitle}</summary>
      <TableScroll labelledBy="scaling-runs-caption">
        <table className="data-table" data-table="scaling-runs">
          <caption id="scaling-runs-caption" className="muted" style={CAPTION}>
            {m.runsCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{m.colModel}</th>
              <th scope="col">{m.colYear}</th>
              <th scope="col">{m.colParams}</th>
              <th scope="col">{m.colTokens}</th>
              <th scope="col">{m.colTpp}</th>
              <th scope="col">{m.colCompute}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <th scope="row">
                  {dataLabel(run.model, lang)}
                  {run.confirmed ? null : (
                    <>
                      {' '}
                      <span className="badge">{m.unconfirmed}</span>
                    </>
                  )}
                </th>
                <td>{run.year}</td>
                <td>{formatCount(run.params, lang)}</td>
                <td>{formatCount(run.tokens, lang)}</td>
                <td>{formatNumber(run.tokensPerParam, lang, 3)}</td>
                <td>{`${formatScientific(run.compute)}${run.computeDerived ? ` ${m.runDerived}` : ''}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
});

function ScalingBody() {
  const { estimate, derive } = useChartView();
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const isMoe = estimate.warnings.includes('moe-scaling-law');
  return (
    <>
      <ScalingStats estimate={estimate} lang={lang} m={m} />
      {isMoe ? (
        <p className="muted" role="note">
          {m.moeNote}
        </p>
      ) : null}
      <LawTable estimate={estimate} lang={lang} m={m} />
      <div className="charts">
        <ScalingLawChart />
        <ComputeOptimalChart />
      </div>
      <RunsTable runs={derive(runsData)} lang={lang} m={m} />
    </>
  );
}

export function ScalingSection() {
  const m = useMessages(MESSAGES);
  const { lang } = useViewSettings();
  const zh = lang === 'zh';
  const sources = [
    cite('hoffmann2022', zh ? '式 2、附录 D.2 式 10、式 4、表 3' : 'Eq. 2, App. D.2 Eq. 10, Eq. 4, Table 3', lang),
    cite('besiroglu2024', zh ? '表 1、§3' : 'Table 1, §3', lang),
    cite('kaplan2020', zh ? '式 1.5、表 2、表 6' : 'Eq. 1.5, Table 2, Table 6', lang),
    cite('brown2020', zh ? '表 D.1' : 'Table D.1', lang),
    cite('llama3', '§3.2.1', lang),
  ];
  return (
    <FeatureSection
      id="scaling"
      title={m.title}
      lead={[m.lead1, m.lead2, withCode(m.lead3)]}
      sources={<SourceList label={m.sources} items={sources} />}
    >
      <ScalingBody />
    </FeatureSection>
  );
}
