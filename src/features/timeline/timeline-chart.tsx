import { memo, useMemo, type ReactElement } from 'react';
import {
  Legend,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from '../../components/ui/chart-frame';
import { useSectionVisible } from '../../components/ui/section';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { paddedLogDomain, logTicks } from '../../components/ui/chart-scales';
import { useChartData } from '../../store/store-context';
import { useLang, useMessages } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount } from '../../i18n/format';
import { timelinePoints, type TimelineData, type TimelinePoint } from './timeline.data';
import { MESSAGES } from './messages';

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
const LABEL_STYLE = { fontSize: 11, fill: 'var(--fg)' };

function pointLabel(point: TimelinePoint, cx: number, cy: number): ReactElement | null {
  if (!point.label || point.current) return null;
  const placement = LABEL_PLACEMENT[point.id] ?? DEFAULT_PLACEMENT;
  return (
    <text x={cx + placement.dx} y={cy + placement.dy} textAnchor={placement.anchor} style={LABEL_STYLE}>
      {point.label}
    </text>
  );
}

interface ShapeProps {
  cx?: number;
  cy?: number;
  payload?: TimelinePoint;
}

function ConfirmedShape(props: ShapeProps): ReactElement {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload) return <g />;
  return (
    <g>
      <circle cx={cx} cy={cy} r={4.5} fill={CONFIRMED} fillOpacity={0.85} stroke={CONFIRMED} />
      {pointLabel(payload, cx, cy)}
    </g>
  );
}

function UnconfirmedShape(props: ShapeProps): ReactElement {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload) return <g />;
  return (
    <g>
      <circle cx={cx} cy={cy} r={6} fill="none" stroke={UNCONFIRMED} strokeWidth={2} strokeDasharray="3 2" />
      {pointLabel(payload, cx, cy)}
    </g>
  );
}

function TimelineTooltip(props: { active?: boolean; payload?: ReadonlyArray<{ payload?: TimelinePoint }> }) {
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const point = props.active ? props.payload?.[0]?.payload : undefined;
  if (!point) return null;
  return (
    <div className="recharts-default-tooltip timeline-tooltip">
      <strong>{point.name}</strong>
      <div>
        {point.org}, {point.year}
      </div>
      <div>{formatCount(point.params, lang)}</div>
      {point.confirmed ? null : <div className="muted">{m.tooltipUnconfirmed}</div>}
      {point.published ? null : <div className="muted">{m.tooltipCounted}</div>}
    </div>
  );
}
const TOOLTIP = <TimelineTooltip />;

const COUNT_TICKS: Record<Lang, (value: number) => string> = {
  en: (value) => formatCount(value, 'en', 2),
  zh: (value) => formatCount(value, 'zh', 2),
};
const YEAR_TICK = (value: number) => String(Math.round(value));
const MARGIN = { top: 14, right: 24, bottom: 22, left: 8 };
const TICK_STYLE = { fontSize: 12 };
const GUIDE_LABEL_STYLE = { fontSize: 11, fill: 'var(--fg-soft)' };
const LEGEND_STYLE = { fontSize: 12 };

interface PlotProps {
  data: TimelineData;
  yDomain: [number, number];
  yTicks: number[];
  xDomain: [number, number];
  xTicks: number[];
  labels: {
    x: object;
    y: object;
    guide100b: object;
    guide1t: object;
  };
  currentLabel: object;
  currentParams: number;
  confirmedName: string;
  unconfirmedName: string;
  lang: Lang;
}

/** The scatter alone: props are memoized by the container, so an unrelated slider skips this. */
const TimelinePlot = memo(function TimelinePlot(props: PlotProps) {
  const { data, yDomain, yTicks, xDomain, xTicks, labels, currentLabel, currentParams, lang } = props;
  const current = data.current;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart margin={MARGIN}>
        <XAxis
          type="number"
          dataKey="x"
          domain={xDomain}
          ticks={xTicks}
          tickFormatter={YEAR_TICK}
          tick={TICK_STYLE}
          allowDataOverflow
          label={labels.x}
        />
        <YAxis
          type="number"
          dataKey="params"
          scale="log"
          domain={yDomain}
          ticks={yTicks}
          allowDataOverflow
          tickFormatter={COUNT_TICKS[lang]}
          tick={TICK_STYLE}
          width={64}
          label={labels.y}
        />
        {xTicks.slice(0, -1).map((year) => (
          <ReferenceLine key={year} x={year + 0.5} stroke="var(--border)" strokeWidth={1} />
        ))}
        <ReferenceLine y={1e11} stroke="var(--fg-soft)" strokeDasharray="6 4" label={labels.guide100b} />
        <ReferenceLine y={1e12} stroke="var(--fg-soft)" strokeDasharray="6 4" label={labels.guide1t} />
        <Tooltip content={TOOLTIP} isAnimationActive={false} cursor={false} />
        <Legend verticalAlign="top" height={24} wrapperStyle={LEGEND_STYLE} />
        <Scatter name={props.confirmedName} data={data.confirmed} fill={CONFIRMED} shape={ConfirmedShape} isAnimationActive={false} legendType="circle" />
        <Scatter
          name={props.unconfirmedName}
          data={data.unconfirmed}
          fill={UNCONFIRMED}
          shape={UnconfirmedShape}
          isAnimationActive={false}
          legendType="circle"
        />
        {current ? (
          <ReferenceDot x={current.x} y={current.params} r={8} fill="none" stroke={HIGHLIGHT} strokeWidth={3} label={currentLabel} />
        ) : (
          <ReferenceLine y={currentParams} stroke={HIGHLIGHT} strokeWidth={2} strokeDasharray="4 3" label={currentLabel} />
        )}
      </ScatterChart>
    </ResponsiveContainer>
  );
});

export const TimelineChart = memo(function TimelineChart() {
  const visible = useSectionVisible();
  const { series, estimate, frameRef } = useChartData(visible);
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const rows = series.timeline.rows;
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
  const labels = useMemo(
    () => ({
      x: { value: m.axisYear, position: 'insideBottom' as const, offset: -12, fontSize: 12 },
      y: { value: m.axisParams, angle: -90, position: 'insideLeft' as const, style: { textAnchor: 'middle' as const }, fontSize: 12 },
      guide100b: { value: m.guide100b, position: 'insideBottomLeft' as const, ...GUIDE_LABEL_STYLE },
      guide1t: { value: m.guide1t, position: 'insideBottomLeft' as const, ...GUIDE_LABEL_STYLE },
    }),
    [m],
  );
  const current = data.current;
  const currentLabel = useMemo(
    () =>
      current
        ? { value: current.label ?? current.name, position: 'top' as const, fill: HIGHLIGHT, fontSize: 12, fontWeight: 600 }
        : { value: fill(m.currentLine, { params: formatCount(currentParams, lang) }), position: 'insideTopRight' as const, fill: HIGHLIGHT, fontSize: 12 },
    [current, m, currentParams, lang],
  );
  return (
    <ChartFrame frameRef={frameRef} id="timeline" title={m.chartTitle} caption={m.chartCaption} height={400}>
      <TimelinePlot
        data={data}
        yDomain={yDomain}
        yTicks={yTicks}
        xDomain={xDomain}
        xTicks={xTicks}
        labels={labels}
        currentLabel={currentLabel}
        currentParams={currentParams}
        confirmedName={m.legendConfirmed}
        unconfirmedName={m.legendUnconfirmed}
        lang={lang}
      />
    </ChartFrame>
  );
});
