import { memo, useMemo } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { Curve, SvgPlot, type LegendItem, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { formatCompactCount, formatDecade, perLang } from '../../components/ui/chart-helpers';
import { logTicks, nearestBy } from '../../components/ui/chart-scales';
import { useChartView } from '../../view/use-chart-view';
import { gpuLabel, shortModelLabel } from '../../view/labels';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatDuration, formatNumber } from '../../i18n/format';
import { MESSAGES } from './messages';
import { frontierChart, type FrontierChart } from './serving-chart.data';
import { servingData } from './serving.data';

const LINE = PALETTE[0];
const RATE_TICK = perLang((lang) => (value: number) => (value >= 0.01 ? formatCompactCount(value, lang) : formatDecade(value)));

const FrontierPlot = memo(function FrontierPlot({ chart, lang, title }: { chart: FrontierChart; lang: Lang; title: string }) {
  const m = MESSAGES[lang];
  const xAxis = useMemo(
    (): PlotAxis => ({ kind: 'log', domain: chart.xDomain, ticks: logTicks(chart.xDomain, 6), format: RATE_TICK[lang], label: m.axisPerUser }),
    [chart.xDomain, lang, m],
  );
  const yAxis = useMemo(
    (): PlotAxis => ({ kind: 'log', domain: chart.yDomain, ticks: logTicks(chart.yDomain, 6), format: RATE_TICK[lang], label: m.axisPerGpu }),
    [chart.yDomain, lang, m],
  );
  const legend = useMemo(
    (): LegendItem[] => [
      { key: 'frontier', name: m.frontier, color: LINE, shape: 'line' },
      { key: 'point', name: m.operatingPoint, color: HIGHLIGHT, shape: 'circle' },
    ],
    [m],
  );
  const points = useMemo(() => chart.rows.map((row) => [row.perUser, row.perGpu] as const), [chart.rows]);
  const marks = (area: PlotArea) => {
    const point = chart.point;
    const cx = point ? area.x(point.perUser) : Number.NaN;
    const cy = point ? area.y(point.perGpu) : Number.NaN;
    return (
      <>
        <Curve area={area} points={points} color={LINE} width={2} />
        {chart.rows.map((row) => {
          const x = area.x(row.perUser);
          const y = area.y(row.perGpu);
          return Number.isFinite(x) && Number.isFinite(y) ? <circle key={row.concurrency} cx={x} cy={y} r={2} fill={LINE} /> : null;
        })}
        {Number.isFinite(cx) && Number.isFinite(cy) ? <circle cx={cx} cy={cy} r={7} fill={HIGHLIGHT} stroke="#fff" strokeWidth={1.5} data-testid="serving-point" /> : null}
      </>
    );
  };
  const tooltip = (perUser: number) => {
    const row = nearestBy(chart.rows, (r) => r.perUser, perUser, 'log');
    if (!row) return null;
    const rate = (value: number) => formatNumber(value, lang, 3);
    return (
      <>
        <div>{fill(m.tooltipConcurrency, { n: formatNumber(row.concurrency, lang, 6) })}</div>
        <div style={{ color: LINE }}>{fill(m.tooltipRates, { perGpu: rate(row.perGpu), perUser: rate(row.perUser) })}</div>
        <div>{fill(m.tooltipLatency, { ttft: formatDuration(row.ttftSeconds, lang), tpot: formatDuration(row.tpotSeconds, lang) })}</div>
      </>
    );
  };
  return <SvgPlot x={xAxis} y={yAxis} yAxisWidth={44} legend={legend} label={title} marks={marks} tooltip={tooltip} />;
});

/** `serving-frontier`: output tokens/s per GPU against tokens/s per user, the operating point marked. */
export const ServingFrontierChart = memo(function ServingFrontierChart() {
  const { estimate, derive } = useChartView();
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const view = derive(servingData);
  const chart = useMemo(() => frontierChart(view), [view]);
  const at = view.frontierAt;
  const caption =
    fill(m.chartCaption, {
      model: shortModelLabel(estimate, lang),
      gpus: typeof at?.tp === 'number' ? at.tp : view.tp,
      gpu: gpuLabel(estimate, lang),
      prompt: formatCount(typeof at?.inputTokens === 'number' ? at.inputTokens : estimate.inference.promptTokens, lang),
      output: formatCount(estimate.inference.outputTokens, lang),
    }) + (at ? ` ${m.chartAtNearest}` : '');
  const rate = (value: number) => formatNumber(value, lang, 3);
  const words = { model: shortModelLabel(estimate, lang), gpus: typeof at?.tp === 'number' ? at.tp : view.tp, gpu: gpuLabel(estimate, lang) };
  const first = chart.rows[0];
  const last = chart.rows[chart.rows.length - 1];
  const summary = chart.point
    ? fill(m.chartSummary, { ...words, perGpu: rate(chart.point.perGpu), perUser: rate(chart.point.perUser), n: formatNumber(chart.point.concurrency, lang, 6) })
    : first && last
      ? fill(m.chartSummaryCurve, { ...words, lowGpu: rate(first.perGpu), highGpu: rate(last.perGpu), highUser: rate(first.perUser), lowUser: rate(last.perUser) })
      : m.chartSummaryNone;
  const table = () => ({
    columns: [m.tableColConcurrency, m.tableColPerGpu, m.tableColPerUser, m.tableColTtft, m.tableColTpot],
    rows: chart.rows.map((row) => [
      formatNumber(row.concurrency, lang, 6),
      rate(row.perGpu),
      rate(row.perUser),
      formatDuration(row.ttftSeconds, lang),
      formatDuration(row.tpotSeconds, lang),
    ]),
  });
  return (
    <ChartFrame id="serving-frontier" title={m.chartTitle} summary={summary} table={table} caption={caption} height={360}>
      {chart.rows.length > 0 ? <FrontierPlot chart={chart} lang={lang} title={m.chartTitle} /> : <p className="muted">{view.generates ? m.problemTitle : m.encoderOnly}</p>}
    </ChartFrame>
  );
});
