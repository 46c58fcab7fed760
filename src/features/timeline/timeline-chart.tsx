import { memo, useMemo, type ReactElement } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { COUNT_TICK } from '../../components/ui/chart-helpers';
import { RefLine, SvgPlot, type LegendItem, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { paddedLogDomain, logTicks } from '../../components/ui/chart-scales';
import { useChartView } from '../../view/use-chart-view';
import { useLang, useMessages } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount } from '../../i18n/format';
import { timelinePoints, type TimelineData, type TimelinePoint } from './timeline.data';
import { MESSAGES } from './messages';
import { CHART_SERIES } from '../../store/chart-series';
import { modelDisplayName } from '../../view/model-name';
import { presetModelName } from '../../view/labels';

const CONFIRMED = PALETTE[0];
const UNCONFIRMED = PALETTE[3];

/** Where a notable point's label goes, so the crowded 2023–2024 columns stay readable. */
const LABEL_PLACEMENT: Readonly<Record<string, { anchor: 'start' | 'end' | 'middle'; dx: number; dy: number }>> = {
  'llama-3.1-405b': { anchor: 'end', dx: -8, dy: 4 },
  'deepseek-v3': { anchor: 'middle', dx: 0, dy: -10 },
  'llama-2-7b': { anchor: 'middle', dx: 0, dy: 16 },
  'mixtral-8x7b': { anchor: 'end', dx: -8, dy: 4 },
};
const DEFAULT_PLACEMENT = { anchor: 'start' as const, dx: 8, dy: 4 };

function pointLabel(point: TimelinePoint, cx: number, cy: number): ReactElement | null {
  if (!point.label || point.current) return null;
  const placement = LABEL_PLACEMENT[point.id] ?? DEFAULT_PLACEMENT;
  return (
    <text className="svg-halo" x={cx + placement.dx} y={cy + placement.dy} textAnchor={placement.anchor} fontSize={11}>
      {point.label}
    </text>
  );
}

function PointText({ point, lang }: { point: TimelinePoint; lang: Lang }) {
  const m = MESSAGES[lang];
  return (
    <>
      <strong>{point.name}</strong>
      <div>
        {point.org}, {point.year}
      </div>
      <div>{formatCount(point.params, lang)}</div>
      {point.confirmed ? null : <div className="muted">{m.tooltipUnconfirmed}</div>}
      {point.published ? null : <div className="muted">{m.tooltipCounted}</div>}
    </>
  );
}

const YEAR_TICK = (value: number) => String(Math.round(value));
const GUIDE = 'var(--fg-soft)';

interface PlotProps {
  data: TimelineData;
  yDomain: [number, number];
  yTicks: number[];
  xDomain: [number, number];
  xTicks: number[];
  currentText: string;
  currentParams: number;
  names: { confirmed: string; unconfirmed: string; axisYear: string; axisParams: string; guide100b: string; guide1t: string; title: string };
  lang: Lang;
}

/** The scatter alone, plain SVG: it follows the size slider (the current model's line moves). */
const TimelinePlot = memo(function TimelinePlot(props: PlotProps) {
  const { data, yDomain, yTicks, xDomain, xTicks, currentText, currentParams, names, lang } = props;
  const current = data.current;
  const xAxis = useMemo((): PlotAxis => ({ kind: 'linear', domain: xDomain, ticks: xTicks, format: YEAR_TICK, label: names.axisYear, grid: false }), [xDomain, xTicks, names.axisYear]);
  const yAxis = useMemo((): PlotAxis => ({ kind: 'log', domain: yDomain, ticks: yTicks, format: COUNT_TICK[lang], label: names.axisParams }), [yDomain, yTicks, lang, names.axisParams]);
  const legend = useMemo(
    (): LegendItem[] => [
      { key: 'confirmed', name: names.confirmed, color: CONFIRMED, shape: 'dot' },
      { key: 'unconfirmed', name: names.unconfirmed, color: UNCONFIRMED, shape: 'dot', open: true },
    ],
    [names],
  );
  const marks = (area: PlotArea) => (
    <>
      {xTicks.slice(0, -1).map((year) => (
        <RefLine key={year} area={area} x={year + 0.5} color="var(--border)" />
      ))}
      <RefLine area={area} y={1e11} color={GUIDE} dash="6 4" label={names.guide100b} labelAt="start-above" />
      <RefLine area={area} y={1e12} color={GUIDE} dash="6 4" label={names.guide1t} labelAt="start-above" />
      {data.confirmed.map((point) => {
        const cx = area.x(point.x);
        const cy = area.y(point.params);
        return (
          <g key={point.id}>
            <circle className="chart-mark" cx={cx} cy={cy} r={4.5} fill={CONFIRMED} fillOpacity={0.85} stroke={CONFIRMED} />
            {pointLabel(point, cx, cy)}
          </g>
        );
      })}
      {data.unconfirmed.map((point) => {
        const cx = area.x(point.x);
        const cy = area.y(point.params);
        return (
          <g key={point.id}>
            <circle className="chart-mark" cx={cx} cy={cy} r={6} fill="none" stroke={UNCONFIRMED} strokeWidth={2} strokeDasharray="3 2" />
            {pointLabel(point, cx, cy)}
          </g>
        );
      })}
    </>
  );
  const overlay = (area: PlotArea) => {
    if (!current) {
      return <RefLine area={area} y={currentParams} color={HIGHLIGHT} width={2} dash="4 3" label={currentText} labelAt="end-above" labelBold />;
    }
    const cx = area.x(current.x);
    const cy = area.y(current.params);
    return (
      <g>
        <circle cx={cx} cy={cy} r={8} fill="none" stroke={HIGHLIGHT} strokeWidth={3} />
        <text className="svg-halo" x={cx} y={cy - 12} textAnchor="middle" fontSize={12} fontWeight={600} fill={HIGHLIGHT}>
          {currentText}
        </text>
      </g>
    );
  };
  // The model under the pointer (within a few pixels), if any.
  const tooltip = (year: number, pixelY: number, area: PlotArea) => {
    const pointerX = area.x(year);
    let best: TimelinePoint | undefined;
    let distance = 9;
    for (const point of [...data.confirmed, ...data.unconfirmed]) {
      const d = Math.hypot(area.x(point.x) - pointerX, area.y(point.params) - pixelY);
      if (d < distance) {
        distance = d;
        best = point;
      }
    }
    return best ? <PointText point={best} lang={lang} /> : null;
  };
  return <SvgPlot x={xAxis} y={yAxis} yAxisWidth={44} legend={legend} label={names.title} marks={marks} overlay={overlay} tooltip={tooltip} right={24} />;
});

export const TimelineChart = memo(function TimelineChart() {
  const { scenario, estimate, select } = useChartView();
  const m = useMessages(MESSAGES);
  const lang = useLang();
  // Depends on the weight precision only: the same rows while another control moves.
  const rows = select.derived(CHART_SERIES.timelineSeries, scenario).rows;
  const currentId = estimate.model.kind === 'preset' ? estimate.model.id : null;
  const data = useMemo(() => timelinePoints(rows, currentId), [rows, currentId]);
  const currentParams = estimate.model.counts.total;
  const yDomain = useMemo(
    () => paddedLogDomain([...rows.map((row) => row.params), currentParams, 1e11, 1e12], 0.15, [1e8, 1e13]),
    [rows, currentParams],
  );
  const yTicks = useMemo(() => logTicks(yDomain), [yDomain]);
  const xDomain = useMemo<[number, number]>(() => [data.firstYear - 0.5, data.lastYear + 0.5], [data.firstYear, data.lastYear]);
  const xTicks = useMemo(() => {
    const ticks: number[] = [];
    for (let year = data.firstYear; year <= data.lastYear; year++) ticks.push(year);
    return ticks;
  }, [data.firstYear, data.lastYear]);
  const current = data.current;
  const currentText = current ? (current.label ?? current.name) : fill(m.currentLine, { params: formatCount(currentParams, lang) });
  const names = useMemo(
    () => ({
      confirmed: m.legendConfirmed,
      unconfirmed: m.legendUnconfirmed,
      axisYear: m.axisYear,
      axisParams: m.axisParams,
      guide100b: m.guide100b,
      guide1t: m.guide1t,
      title: m.chartTitle,
    }),
    [m],
  );
  const points = [...data.confirmed, ...data.unconfirmed].sort((a, b) => a.year - b.year || a.params - b.params);
  const largest = points.reduce<TimelinePoint | undefined>((best, point) => (best === undefined || point.params > best.params ? point : best), undefined);
  const summary = fill(m.chartSummary, {
    count: points.length,
    first: data.firstYear,
    last: data.lastYear,
    largest: largest ? presetModelName(largest.id, largest.name, lang) : '—',
    largestParams: formatCount(largest?.params ?? 0, lang),
    model: modelDisplayName(estimate.model, lang),
    params: formatCount(currentParams, lang),
  });
  const table = () => ({
    columns: [m.tableColModel, m.tableColOrg, m.tableColYear, m.tableColParams, m.tableColStatus],
    rows: points.map((point) => [
      presetModelName(point.id, point.name, lang),
      point.org,
      String(point.year),
      formatCount(point.params, lang, 4),
      [point.confirmed ? m.legendConfirmed : m.legendUnconfirmed, point.published ? '' : m.tooltipCounted].filter(Boolean).join(' · '),
    ]),
  });
  return (
    <ChartFrame id="timeline" title={m.chartTitle} summary={summary} table={table} caption={m.chartCaption} height={400}>
      <TimelinePlot
        data={data}
        yDomain={yDomain}
        yTicks={yTicks}
        xDomain={xDomain}
        xTicks={xTicks}
        currentText={currentText}
        currentParams={currentParams}
        names={names}
        lang={lang}
      />
    </ChartFrame>
  );
});
