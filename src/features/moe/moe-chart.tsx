import { memo, useMemo } from 'react';
import {
  Bar,
  BarChart,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from '../../components/ui/chart-frame';
import { COUNT_TICK, NUMBER_TICK } from '../../components/ui/chart-helpers';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { linearAxis, logTicks } from '../../components/ui/chart-scales';
import { LineLabels, type LineLabel } from '../../components/ui/line-labels';
import { PlotLegend, type LegendItem } from '../../components/ui/svg-plot';
import { PRECISIONS } from '../../core';
import { modelDisplayName } from '../../view/model-name';
import { useChartView } from '../../view/use-chart-view';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { byteUnit, formatBytes, formatCount, formatNumber, formatPercent, type UnitSystem } from '../../i18n/format';
import { moeViewData, roundCount, type MoeBar } from './moe.data';
import { MESSAGES } from './messages';
import './moe.css';

/** Size of the first render, before the container is measured: a chart rendered for printing
 * (synchronously, app/print.ts) has its marks at once instead of an empty, unmeasured box. */
const FIRST_SIZE = { width: 600, height: 240 };

const SHARED = PALETTE[0];
const USED = PALETTE[1];
const IDLE = PALETTE[7];
const READ = PALETTE[2];

const COUNT_TOOLTIP: Record<Lang, (value: unknown) => string> = {
  en: (value) => formatCount(Number(value), 'en', 3),
  zh: (value) => formatCount(Number(value), 'zh', 3),
};
const BYTES_TOOLTIP: Record<Lang, Record<UnitSystem, (value: unknown, name: unknown, item: { payload?: { bytes?: number } }) => string>> = {
  en: {
    si: (_v, _n, item) => formatBytes(item.payload?.bytes, 'en', 'si'),
    iec: (_v, _n, item) => formatBytes(item.payload?.bytes, 'en', 'iec'),
  },
  zh: {
    si: (_v, _n, item) => formatBytes(item.payload?.bytes, 'zh', 'si'),
    iec: (_v, _n, item) => formatBytes(item.payload?.bytes, 'zh', 'iec'),
  },
};
const BATCH_TICK = (value: number) => String(Math.round(value));
const BATCH_LABEL: Record<Lang, (label: unknown) => string> = {
  en: (label) => `batch ${String(label)}`,
  zh: (label) => `批量 ${String(label)}`,
};
const BAR_MARGIN = { top: 16, right: 16, bottom: 4, left: 8 };
const LINE_MARGIN = { top: 8, right: 12, bottom: 18, left: 4 };
const TICK_STYLE = { fontSize: 11 };
const BAR_LABEL_STYLE = { fontSize: 12, fill: 'var(--fg)' };

type BarRow = MoeBar & { name: string; text: string };

interface PlotProps {
  barData: BarRow[];
  xAxis: { domain: [number, number]; ticks: number[] };
  lineData: Array<{ batch: number; value: number; bytes: number }>;
  batchDomain: [number, number];
  batchTicks: number[];
  yAxis: { domain: [number, number]; ticks: number[] };
  allValue: number;
  activeValue: number;
  current: { batch: number; value: number };
  lineLabels: LineLabel[];
  axisLabels: { batch: object; bytes: object };
  names: { shared: string; used: string; idle: string; read: string; panelBars: string; panelBatch: string };
  lang: Lang;
  units: UnitSystem;
}

/** Both panels alone: props are memoized by the container, so an unrelated slider skips this. */
const MoePlot = memo(function MoePlot(props: PlotProps) {
  const { barData, xAxis, lineData, batchDomain, batchTicks, yAxis, allValue, activeValue, current, lineLabels, axisLabels, names, lang, units } = props;
  const renderStackLabel = useMemo(
    () =>
      // The label sits just above its bar, from the bar's start, so it fits at any width.
      function StackLabel(label: { x?: number | string; y?: number | string; index?: number }) {
        const row = label.index !== undefined ? barData[label.index] : undefined;
        if (!row) return null;
        return (
          <text x={Number(label.x ?? 0) + 2} y={Number(label.y ?? 0) - 5} style={BAR_LABEL_STYLE}>
            <tspan fontWeight={600}>{row.name}</tspan>
            {`: ${row.text}`}
          </text>
        );
      },
    [barData],
  );
  // Our own list, not Recharts' default: that labels every swatch "<series> legend icon" in English.
  // Recharts clones the element with its legend props, which PlotLegend ignores.
  const legend = useMemo(() => {
    const items: LegendItem[] = [
      { key: 'shared', name: names.shared, color: SHARED, shape: 'bar' },
      { key: 'used', name: names.used, color: USED, shape: 'bar' },
      { key: 'idle', name: names.idle, color: IDLE, shape: 'bar', opacity: 0.35 },
    ];
    return <PlotLegend items={items} />;
  }, [names]);
  return (
    <div className="moe-panels">
      <div className="moe-panel moe-panel--bars">
        <div className="moe-panel__title">{names.panelBars}</div>
        <div className="moe-panel__plot">
          <ResponsiveContainer width="100%" height="100%" initialDimension={FIRST_SIZE}>
            <BarChart data={barData} layout="vertical" margin={BAR_MARGIN} barCategoryGap="38%">
              <XAxis type="number" domain={xAxis.domain} ticks={xAxis.ticks} tickFormatter={COUNT_TICK[lang]} tick={TICK_STYLE} />
              <YAxis type="category" dataKey="name" hide />
              <Tooltip formatter={COUNT_TOOLTIP[lang]} isAnimationActive={false} />
              <Legend verticalAlign="bottom" content={legend} />
              <Bar dataKey="shared" stackId="params" name={names.shared} fill={SHARED} isAnimationActive={false}>
                <LabelList dataKey="text" content={renderStackLabel} />
              </Bar>
              <Bar dataKey="routedUsed" stackId="params" name={names.used} fill={USED} isAnimationActive={false} />
              <Bar dataKey="routedIdle" stackId="params" name={names.idle} fill={IDLE} fillOpacity={0.35} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
      <div className="moe-panel moe-panel--batch">
        <div className="moe-panel__title">{names.panelBatch}</div>
        <div className="moe-panel__plot">
          <ResponsiveContainer width="100%" height="100%" initialDimension={FIRST_SIZE}>
            <LineChart data={lineData} margin={LINE_MARGIN}>
              <XAxis
                type="number"
                dataKey="batch"
                scale="log"
                domain={batchDomain}
                ticks={batchTicks}
                allowDataOverflow
                tickFormatter={BATCH_TICK}
                tick={TICK_STYLE}
                label={axisLabels.batch}
              />
              <YAxis type="number" domain={yAxis.domain} ticks={yAxis.ticks} tickFormatter={NUMBER_TICK[3][lang]} tick={TICK_STYLE} width={62} label={axisLabels.bytes} />
              <Tooltip formatter={BYTES_TOOLTIP[lang][units]} labelFormatter={BATCH_LABEL[lang]} isAnimationActive={false} />
              <ReferenceLine y={allValue} stroke="var(--fg-soft)" strokeDasharray="6 4" />
              <ReferenceLine y={activeValue} stroke="var(--fg-soft)" strokeDasharray="2 3" />
              <Line type="monotone" dataKey="value" name={names.read} stroke={READ} strokeWidth={2} dot={false} isAnimationActive={false} />
              <ReferenceDot x={current.batch} y={current.value} r={6} fill={HIGHLIGHT} stroke="var(--bg)" strokeWidth={1.5} ifOverflow="extendDomain" />
              <LineLabels labels={lineLabels} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </div>
    </div>
  );
});

export const MoeChart = memo(function MoeChart() {
  const { estimate, derive } = useChartView();
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const unit = byteUnit(units);
  const view = derive(moeViewData);
  const precisionLabel = PRECISIONS[estimate.weights.selected.id]?.label ?? estimate.weights.selected.id;
  const modelName = view.fallback ? m.captionDenseModel : modelDisplayName(estimate.model, lang);
  const summary = view.series.summary;

  const barData = useMemo(
    () =>
      view.bars.map((bar) => {
        const name = bar.key === 'memory' ? m.barMemory : bar.key === 'token' ? m.barToken : fill(m.barBatch, { batch: formatNumber(view.batch, lang) });
        const share = summary.totalParams > 0 ? bar.params / summary.totalParams : Number.NaN;
        const text =
          bar.key === 'memory'
            ? `${formatCount(roundCount(bar.params), lang)} · ${formatBytes(bar.bytes, lang, units)}`
            : `${formatCount(roundCount(bar.params), lang)} (${formatPercent(share, lang, 2)}) · ${formatBytes(bar.bytes, lang, units)}`;
        return { ...bar, name, text };
      }),
    [view.bars, view.batch, summary.totalParams, m, lang, units],
  );
  const xAxis = useMemo(() => linearAxis(summary.totalParams * 1.02, 5), [summary.totalParams]);
  const lineData = useMemo(
    () => view.series.bytesReadVsBatch.map((row) => ({ batch: row.batch, value: row.bytes / unit.divisor, bytes: row.bytes })),
    [view.series.bytesReadVsBatch, unit.divisor],
  );
  const batchDomain = useMemo<[number, number]>(() => [1, Math.max(1024, view.batch)], [view.batch]);
  const batchTicks = useMemo(() => logTicks(batchDomain, 6), [batchDomain]);
  const allValue = summary.memoryBytes / unit.divisor;
  const activeValue = summary.bytesReadPerDecodeStep / unit.divisor;
  const currentValue = summary.bytesReadPerDecodeStepAtBatch / unit.divisor;
  const current = useMemo(() => ({ batch: view.batch, value: currentValue }), [view.batch, currentValue]);
  const yAxis = useMemo(() => linearAxis(allValue * 1.12, 5), [allValue]);
  const lineLabels = useMemo<LineLabel[]>(
    () => [
      { key: 'all', y: allValue, text: fill(m.lineAll, { bytes: formatBytes(summary.memoryBytes, lang, units) }), color: 'var(--fg-soft)' },
      { key: 'active', y: activeValue, text: fill(m.lineActive, { bytes: formatBytes(summary.bytesReadPerDecodeStep, lang, units) }), color: 'var(--fg-soft)' },
    ],
    [allValue, activeValue, summary.memoryBytes, summary.bytesReadPerDecodeStep, m, lang, units],
  );
  const axisLabels = useMemo(
    () => ({
      batch: { value: m.axisBatch, position: 'insideBottom' as const, offset: -10, fontSize: 11 },
      bytes: { value: fill(m.axisBytes, { unit: unit.label }), angle: -90, position: 'insideLeft' as const, style: { textAnchor: 'middle' as const }, fontSize: 11 },
    }),
    [m, unit.label],
  );
  const names = useMemo(
    () => ({ shared: m.segShared, used: m.segRoutedUsed, idle: m.segRoutedIdle, read: m.legendRead, panelBars: m.panelBars, panelBatch: m.panelBatch }),
    [m],
  );
  const caption = fill(m.chartCaption, { model: modelName, precision: precisionLabel, batch: formatNumber(view.batch, lang) });
  const bytes = (value: number) => formatBytes(value, lang, units);
  const barOf = (key: MoeBar['key']) => view.bars.find((bar) => bar.key === key);
  const chartSummary = fill(m.chartSummary, {
    model: modelName,
    memory: bytes(barOf('memory')?.bytes ?? summary.memoryBytes),
    token: bytes(barOf('token')?.bytes ?? summary.bytesReadPerDecodeStep),
    batch: formatNumber(view.batch, lang),
    read: bytes(summary.bytesReadPerDecodeStepAtBatch),
  });
  const table = () => ({
    columns: [m.tableColItem, m.tableColParams, m.tableColBytes],
    rows: [
      ...barData.map((bar) => [bar.name, formatCount(roundCount(bar.params), lang), bytes(bar.bytes)]),
      ...view.series.bytesReadVsBatch.map((row) => [fill(m.tableReadAt, { batch: formatNumber(row.batch, lang) }), '—', bytes(row.bytes)]),
    ],
  });
  return (
    <ChartFrame id="moe" title={m.chartTitle} summary={chartSummary} table={table} caption={caption} height={560}>
      <MoePlot
        barData={barData}
        xAxis={xAxis}
        lineData={lineData}
        batchDomain={batchDomain}
        batchTicks={batchTicks}
        yAxis={yAxis}
        allValue={allValue}
        activeValue={activeValue}
        current={current}
        lineLabels={lineLabels}
        axisLabels={axisLabels}
        names={names}
        lang={lang}
        units={units}
      />
    </ChartFrame>
  );
});
