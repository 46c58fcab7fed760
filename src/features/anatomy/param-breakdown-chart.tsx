import { memo, useMemo } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { COUNT_TICK } from '../../components/ui/chart-helpers';
import { SvgBars, type BarAxis, type BarRow } from '../../components/ui/svg-bars';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { linearAxis } from '../../components/ui/chart-scales';
import { useChartView } from '../../view/use-chart-view';
import { useLang, useMessages } from '../../i18n/view-settings';
import { fill } from '../../i18n/i18n';
import { formatCount, formatPercent } from '../../i18n/format';
import { breakdownData, type BreakdownKey } from './anatomy.data';
import { MESSAGES } from './messages';
import { modelDisplayName } from '../../view/model-name';

const COLORS: Record<BreakdownKey, string> = {
  embedding: PALETTE[0],
  attention: PALETTE[2],
  mlp: PALETTE[1],
  sharedMlp: PALETTE[1],
  routedActive: HIGHLIGHT,
  routedIdle: PALETTE[7],
  norms: PALETTE[4],
  outputHead: PALETTE[3],
  other: PALETTE[6],
};

export const ParamBreakdownChart = memo(function ParamBreakdownChart() {
  const { model, derive } = useChartView();
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { arch, counts } = model.model;
  // The same rows object while the counts are unchanged (a GPU or price step): no new bars.
  const rows = derive(breakdownData);
  const data = useMemo(
    (): BarRow[] =>
      rows.map((row) => {
        const name = m[`part_${row.key}`];
        const share = formatPercent(row.fraction, lang, 2);
        return {
          key: row.key,
          name,
          text: `${formatCount(row.params, lang)} · ${share}`,
          value: row.params,
          color: COLORS[row.key],
          opacity: row.usedPerToken ? 1 : 0.55,
          title: `${name}: ${formatCount(row.params, lang, 4)} (${share})`,
        };
      }),
    [rows, m, lang],
  );
  const maxParams = rows.reduce((max, row) => Math.max(max, row.params), 0);
  const axis = useMemo((): BarAxis => {
    const { domain, ticks } = linearAxis(maxParams * 1.02, 5);
    return { domain, ticks, format: COUNT_TICK[lang], label: m.axisParams };
  }, [maxParams, lang, m]);
  const captions = [m.chartCaption];
  if (arch.moe && counts.routedExperts > 0) {
    captions.push(fill(m.chartCaptionMoe, { k: arch.moe.expertsPerToken, experts: arch.moe.experts }));
  }
  if (arch.details.tiedEmbeddings) captions.push(m.chartCaptionTied);
  const largest = rows.reduce<(typeof rows)[number] | undefined>((best, row) => (best === undefined || row.params > best.params ? row : best), undefined);
  const summary = fill(m.chartSummary, {
    model: modelDisplayName(model.model, lang),
    total: formatCount(counts.total, lang),
    part: largest ? m[`part_${largest.key}`] : '—',
    share: formatPercent(largest?.fraction ?? 0, lang, 2),
  });
  const table = () => ({
    columns: [m.tableColPart, m.tableColParams, m.tableColShare],
    rows: rows.map((row) => [m[`part_${row.key}`], formatCount(row.params, lang, 4), formatPercent(row.fraction, lang, 2)]),
  });
  return (
    <ChartFrame
      id="param-breakdown"
      title={m.chartTitle}
      summary={summary}
      table={table}
      caption={captions.join(' ')}
      height={Math.max(240, 46 * data.length + 60)}
    >
      <SvgBars rows={data} axis={axis} label={m.chartTitle} />
    </ChartFrame>
  );
});
