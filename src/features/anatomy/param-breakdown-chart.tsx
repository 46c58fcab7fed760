import { memo, useMemo } from 'react';
import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/ui/chart-frame';
import { useSectionVisible } from '../../components/ui/section';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { linearAxis } from '../../components/ui/chart-scales';
import { sameJson, useStableValue } from '../../components/ui/use-stable';
import { useChartData } from '../../store/store-context';
import { useLang, useMessages } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatPercent } from '../../i18n/format';
import { paramBreakdownRows, type BreakdownKey, type BreakdownRow } from './anatomy.data';
import { MESSAGES } from './messages';

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

const COUNT_TICKS: Record<Lang, (value: number) => string> = {
  en: (value) => formatCount(value, 'en', 2),
  zh: (value) => formatCount(value, 'zh', 2),
};
const COUNT_TOOLTIP: Record<Lang, (value: unknown) => string> = {
  en: (value) => formatCount(Number(value), 'en', 4),
  zh: (value) => formatCount(Number(value), 'zh', 4),
};
const MARGIN = { top: 18, right: 16, bottom: 18, left: 8 };
const TICK_STYLE = { fontSize: 12 };
const LABEL_STYLE = { fontSize: 12, fill: 'var(--fg)' };

type Row = BreakdownRow & { name: string; text: string };

interface PlotProps {
  data: Row[];
  xAxis: { domain: [number, number]; ticks: number[] };
  axisLabel: { value: string; position: 'insideBottom'; offset: number; fontSize: number };
  seriesName: string;
  lang: Lang;
}

/** The bars alone: props are memoized by the container, so an unrelated slider skips this. */
const ParamBreakdownPlot = memo(function ParamBreakdownPlot({ data, xAxis, axisLabel, seriesName, lang }: PlotProps) {
  const renderLabel = useMemo(
    () =>
      // Each bar's name and value sit just above it, from its start: readable at any width.
      function PartLabel(props: { x?: number | string; y?: number | string; index?: number }) {
        const row = props.index !== undefined ? data[props.index] : undefined;
        if (!row) return null;
        return (
          <text x={Number(props.x ?? 0) + 1} y={Number(props.y ?? 0) - 5} style={LABEL_STYLE}>
            <tspan fontWeight={600}>{row.name}</tspan>
            {`: ${row.text}`}
          </text>
        );
      },
    [data],
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={MARGIN} barCategoryGap="40%">
        <XAxis type="number" domain={xAxis.domain} ticks={xAxis.ticks} tickFormatter={COUNT_TICKS[lang]} tick={TICK_STYLE} label={axisLabel} />
        <YAxis type="category" dataKey="name" hide />
        <Tooltip formatter={COUNT_TOOLTIP[lang]} isAnimationActive={false} />
        <Bar dataKey="params" name={seriesName} isAnimationActive={false}>
          {data.map((row) => (
            <Cell key={row.key} fill={COLORS[row.key]} fillOpacity={row.usedPerToken ? 1 : 0.55} />
          ))}
          <LabelList dataKey="text" content={renderLabel} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
});

export const ParamBreakdownChart = memo(function ParamBreakdownChart() {
  const visible = useSectionVisible();
  const { estimate } = useChartData(visible);
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const arch = estimate.model.arch;
  // Other sections' estimates can rebuild the same model's counts: keep them while equal.
  const counts = useStableValue(estimate.model.counts, sameJson);
  const isMoe = arch.moe !== null;
  const rows = useMemo(() => paramBreakdownRows(counts, isMoe), [counts, isMoe]);
  const data = useMemo(
    () =>
      rows.map((row) => ({
        ...row,
        name: m[`part_${row.key}`],
        text: `${formatCount(row.params, lang)} · ${formatPercent(row.fraction, lang, 2)}`,
      })),
    [rows, m, lang],
  );
  const maxParams = rows.reduce((max, row) => Math.max(max, row.params), 0);
  const xAxis = useMemo(() => linearAxis(maxParams * 1.02, 5), [maxParams]);
  const axisLabel = useMemo(() => ({ value: m.axisParams, position: 'insideBottom' as const, offset: -10, fontSize: 12 }), [m]);
  const captions = [m.chartCaption];
  if (arch.moe && counts.routedExperts > 0) {
    captions.push(fill(m.chartCaptionMoe, { k: arch.moe.expertsPerToken, experts: arch.moe.experts }));
  }
  if (arch.details.tiedEmbeddings) captions.push(m.chartCaptionTied);
  return (
    <ChartFrame id="param-breakdown" title={m.chartTitle} caption={captions.join(' ')} height={Math.max(240, 46 * data.length + 60)}>
      <ParamBreakdownPlot data={data} xAxis={xAxis} axisLabel={axisLabel} seriesName={m.axisParams} lang={lang} />
    </ChartFrame>
  );
});
