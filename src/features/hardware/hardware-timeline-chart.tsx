import { memo, useMemo } from 'react';
import { Legend, ReferenceDot, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { Marker, PlotLegend, RefLine, SvgPlot, type LegendItem, type MarkerShape, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { ChartFrame } from '../../components/ui/chart-frame';
import { COUNT_TICK, NUMBER_TICK } from '../../components/ui/chart-helpers';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { linearAxis } from '../../components/ui/chart-scales';
import { PRECISIONS } from '../../core';
import { useChartView } from '../../view/use-chart-view';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { byteUnit, formatBytes, formatCount, formatNumber, type UnitSystem } from '../../i18n/format';
import { hardwareChartData, type DatumKind, type HardwareChart, type HardwareDatum } from './hardware.data';
import { MESSAGES } from './messages';
import './hardware.css';

/** Size of the first render, before the container is measured: a chart rendered for printing
 * (synchronously, app/print.ts) has its marks at once instead of an empty, unmeasured box. */
const FIRST_SIZE = { width: 600, height: 240 };

const SERVE = PALETTE[0];
const TRAIN = PALETTE[2];
const ARTICLE = PALETTE[3];
const MEMORY = PALETTE[0];
const BANDWIDTH = PALETTE[1];

/** A marker as drawn: memory in the axis unit (GB or GiB), its bytes kept for the tooltip. */
interface Datum extends HardwareDatum {
  bytes?: number;
}

const YEAR_TICK = (value: number) => String(Math.round(value));
const MARGIN = { top: 6, right: 8, bottom: 4, left: 4 };
/** Left of the plots in both panels, px: the widest parameter tick (1000亿 in zh) fits. */
const LEFT_ROOM: Record<Lang, number> = { en: 62, zh: 74 };
const TICK_STYLE = { fontSize: 11 };

function datumLine(datum: Datum, lang: Lang, units: UnitSystem): string {
  const m = MESSAGES[lang];
  if (datum.kind === 'serve') return fill(m.tooltipServe, { params: formatCount(datum.y, lang) });
  if (datum.kind === 'train') return fill(m.tooltipTrain, { params: formatCount(datum.y, lang) });
  if (datum.kind === 'article') return fill(m.tooltipArticle, { params: formatCount(datum.y, lang) });
  if (datum.kind === 'memory') return fill(m.tooltipMemory, { value: formatBytes(datum.bytes, lang, units) });
  return fill(m.tooltipBandwidth, { value: `${formatNumber(datum.y, lang)} TB/s` });
}

function DatumText({ datum, lang, units }: { datum: Datum; lang: Lang; units: UnitSystem }) {
  return (
    <>
      <strong>{datum.name}</strong> ({datum.year})
      <div>{datumLine(datum, lang, units)}</div>
    </>
  );
}

/** Recharts' tooltip for the specs panel. */
function HardwareTooltip(props: { active?: boolean; payload?: ReadonlyArray<{ payload?: Datum }> }) {
  const lang = useLang();
  const { units } = useViewSettings();
  const datum = props.active ? props.payload?.[0]?.payload : undefined;
  if (!datum) return null;
  return (
    <div className="recharts-default-tooltip hw-tooltip">
      <DatumText datum={datum} lang={lang} units={units} />
    </div>
  );
}
const TOOLTIP = <HardwareTooltip />;

type Years = HardwareChart['years'];

const MODEL_SERIES = [
  { kind: 'serve', color: SERVE, shape: 'circle' },
  { kind: 'train', color: TRAIN, shape: 'triangle' },
  { kind: 'article', color: ARTICLE, shape: 'cross' },
] as const satisfies readonly { kind: DatumKind; color: string; shape: MarkerShape }[];

interface ModelsPanelProps {
  data: Record<'serve' | 'train' | 'article', Datum[]>;
  selected: { x: number; servable: number; trainable: number } | null;
  years: Years;
  paramsDomain: [number, number];
  paramsTicks: number[];
  currentParams: number;
  currentText: string;
  names: { serve: string; train: string; article: string; panelModels: string; axisParams: string };
  lang: Lang;
  units: UnitSystem;
}

/**
 * Top panel, plain SVG: it follows the size slider (the current size's line and the sizes each
 * card can hold move), so it must update in a few milliseconds (docs/performance.md).
 */
const ModelsPanel = memo(function ModelsPanel(props: ModelsPanelProps) {
  const { data, selected, years, paramsDomain, paramsTicks, currentParams, currentText, names, lang, units } = props;
  const xAxis = useMemo((): PlotAxis => ({ kind: 'linear', domain: years.domain, ticks: years.ticks, format: YEAR_TICK, label: '', grid: false }), [years]);
  const yAxis = useMemo(
    (): PlotAxis => ({ kind: 'log', domain: paramsDomain, ticks: paramsTicks, format: COUNT_TICK[lang], label: names.axisParams }),
    [paramsDomain, paramsTicks, lang, names.axisParams],
  );
  const legend = useMemo(
    (): LegendItem[] => MODEL_SERIES.map((series) => ({ key: series.kind, name: names[series.kind], color: series.color, shape: series.shape })),
    [names],
  );
  const marks = (area: PlotArea) => (
    <>
      {years.separators.map((x) => (
        <RefLine key={x} area={area} x={x} color="var(--border)" />
      ))}
      <RefLine area={area} y={currentParams} color={HIGHLIGHT} dash="5 3" width={1.5} label={currentText} labelAt="start-above" labelBold />
      {MODEL_SERIES.map((series) =>
        data[series.kind].map((datum) => (
          <Marker key={`${series.kind}-${datum.key}`} className="chart-mark" shape={series.shape} x={area.x(datum.x)} y={area.y(datum.y)} r={5} color={series.color} />
        )),
      )}
      {selected
        ? [selected.servable, selected.trainable]
            .filter((value) => value > 0)
            .map((value, index) => (
              <circle key={index} cx={area.x(selected.x)} cy={area.y(value)} r={7} fill="none" stroke={HIGHLIGHT} strokeWidth={2.5} />
            ))
        : null}
    </>
  );
  // The point under the pointer (within a few pixels), if any.
  const tooltip = (year: number, pixelY: number, area: PlotArea) => {
    const pointerX = area.x(year);
    let best: Datum | undefined;
    let distance = 9;
    for (const series of MODEL_SERIES) {
      for (const datum of data[series.kind]) {
        const d = Math.hypot(area.x(datum.x) - pointerX, area.y(datum.y) - pixelY);
        if (d < distance) {
          distance = d;
          best = datum;
        }
      }
    }
    return best ? <DatumText datum={best} lang={lang} units={units} /> : null;
  };
  return (
    <div className="hw-panel hw-panel--models">
      <div className="hw-panel__title">{names.panelModels}</div>
      <div className="hw-panel__plot">
        {/* Left and right room as the specs panel below (its two y axes), so the years align. */}
        <SvgPlot x={xAxis} y={yAxis} yAxisWidth={LEFT_ROOM[lang] - 22} legend={legend} label={names.panelModels} marks={marks} tooltip={tooltip} xAxisHeight={26} top={8} right={58} />
      </div>
    </div>
  );
});

interface SpecsPanelProps {
  data: Record<'memory' | 'bandwidth', Datum[]>;
  selected: { x: number; memory: number; bandwidth: number } | null;
  years: Years;
  memoryAxis: { domain: [number, number]; ticks: number[] };
  bandwidthAxis: { domain: [number, number]; ticks: number[] };
  axisLabels: { memory: object; bandwidth: object };
  names: { memory: string; bandwidth: string; panelSpecs: string };
  lang: Lang;
}

/** Bottom panel (Recharts, two y axes): the cards' own specs, unchanged by the model sliders. */
const SpecsPanel = memo(function SpecsPanel({ data, selected, years, memoryAxis, bandwidthAxis, axisLabels, names, lang }: SpecsPanelProps) {
  // Our own list, not Recharts' default: that labels every swatch "<series> legend icon" in English.
  // Recharts clones the element with its legend props, which PlotLegend ignores.
  const legend = useMemo(() => {
    const items: LegendItem[] = [
      { key: 'memory', name: names.memory, color: MEMORY, shape: 'circle' },
      { key: 'bandwidth', name: names.bandwidth, color: BANDWIDTH, shape: 'diamond' },
    ];
    return <PlotLegend items={items} />;
  }, [names.memory, names.bandwidth]);
  return (
    <div className="hw-panel hw-panel--specs">
      <div className="hw-panel__title">{names.panelSpecs}</div>
      <div className="hw-panel__plot">
        <ResponsiveContainer width="100%" height="100%" initialDimension={FIRST_SIZE}>
          <ScatterChart margin={MARGIN}>
            <XAxis type="number" dataKey="x" domain={years.domain} ticks={years.ticks} tickFormatter={YEAR_TICK} tick={TICK_STYLE} allowDataOverflow />
            <YAxis
              yAxisId="memory"
              type="number"
              dataKey="y"
              domain={memoryAxis.domain}
              ticks={memoryAxis.ticks}
              tickFormatter={NUMBER_TICK[3][lang]}
              tick={TICK_STYLE}
              width={LEFT_ROOM[lang] - MARGIN.left}
              label={axisLabels.memory}
            />
            <YAxis
              yAxisId="bandwidth"
              orientation="right"
              type="number"
              dataKey="y"
              domain={bandwidthAxis.domain}
              ticks={bandwidthAxis.ticks}
              tickFormatter={NUMBER_TICK[3][lang]}
              tick={TICK_STYLE}
              width={50}
              label={axisLabels.bandwidth}
            />
            <Tooltip content={TOOLTIP} isAnimationActive={false} cursor={false} />
            <Legend verticalAlign="top" content={legend} />
            {years.separators.map((x) => (
              <ReferenceLine key={x} x={x} stroke="var(--border)" strokeWidth={1} yAxisId="memory" />
            ))}
            <Scatter yAxisId="memory" name={names.memory} data={data.memory} fill={MEMORY} shape="circle" isAnimationActive={false} />
            <Scatter yAxisId="bandwidth" name={names.bandwidth} data={data.bandwidth} fill={BANDWIDTH} shape="diamond" isAnimationActive={false} />
            {selected ? (
              <ReferenceDot yAxisId="memory" x={selected.x} y={selected.memory} r={7} fill="none" stroke={HIGHLIGHT} strokeWidth={2.5} />
            ) : null}
            {selected ? (
              <ReferenceDot yAxisId="bandwidth" x={selected.x} y={selected.bandwidth} r={7} fill="none" stroke={HIGHLIGHT} strokeWidth={2.5} />
            ) : null}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
});

export const HardwareTimelineChart = memo(function HardwareTimelineChart() {
  const { estimate, derive } = useChartView();
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const unit = byteUnit(units);
  const precisionLabel = PRECISIONS[estimate.weights.selected.id]?.label ?? estimate.weights.selected.id;
  const currentParams = estimate.model.counts.total;
  // Parts that did not change keep their identity (the store's selectors), so the specs panel,
  // which depends on the cards alone, skips a model step.
  const chart = derive(hardwareChartData);
  const memoryData = useMemo(() => chart.memory.map((d): Datum => ({ ...d, y: d.y / unit.divisor, bytes: d.y })), [chart.memory, unit.divisor]);
  const memoryAxis = useMemo(() => linearAxis(Math.max(...memoryData.map((d) => d.y), 1) * 1.02, 4), [memoryData]);
  const specsData = useMemo(() => ({ memory: memoryData, bandwidth: chart.bandwidth }), [memoryData, chart.bandwidth]);
  const specs = chart.selectedSpecs;
  const specsSelected = useMemo(
    () => (specs ? { x: specs.x, memory: specs.memoryBytes / unit.divisor, bandwidth: specs.bandwidth } : null),
    [specs, unit.divisor],
  );
  const axisLabels = useMemo(
    () => ({
      memory: { value: fill(m.axisMemory, { unit: unit.label }), angle: -90, position: 'insideLeft' as const, style: { textAnchor: 'middle' as const }, fontSize: 11 },
      bandwidth: { value: m.axisBandwidth, angle: 90, position: 'insideRight' as const, style: { textAnchor: 'middle' as const }, fontSize: 11 },
    }),
    [m, unit.label],
  );
  const context = formatNumber(estimate.inference.contextTokens, lang);
  const names = useMemo(
    () => ({
      serve: fill(m.legendServe, { precision: precisionLabel }),
      train: m.legendTrain,
      article: m.legendArticle,
      memory: m.legendMemory,
      bandwidth: m.legendBandwidth,
      panelModels: m.panelModels,
      panelSpecs: m.panelSpecs,
      axisParams: m.axisParams,
    }),
    [m, precisionLabel],
  );
  const modelsData = useMemo(() => ({ serve: chart.serve, train: chart.train, article: chart.article }), [chart.serve, chart.train, chart.article]);
  const memories = chart.memory.map((d) => d.y);
  const largestServe = chart.serve.reduce<HardwareDatum | undefined>((best, d) => (best === undefined || d.y > best.y ? d : best), undefined);
  const serves = largestServe !== undefined && largestServe.y > 0;
  const summary = fill(serves ? m.chartSummary : m.chartSummaryNoServe, {
    count: chart.memory.length,
    minMemory: formatBytes(memories.length > 0 ? Math.min(...memories) : 0, lang, units),
    maxMemory: formatBytes(Math.max(0, ...memories), lang, units),
    precision: precisionLabel,
    largestServe: formatCount(largestServe?.y ?? 0, lang),
    largestName: largestServe?.name ?? '—',
  });
  const table = () => {
    const byKey = (data: readonly HardwareDatum[]) => new Map(data.map((d) => [d.key, d.y]));
    const serve = byKey(chart.serve);
    const train = byKey(chart.train);
    const bandwidth = byKey(chart.bandwidth);
    return {
      columns: [m.tableColCard, m.tableColYear, m.legendMemory, m.axisBandwidth, names.serve, names.train],
      rows: [...chart.memory]
        .sort((a, b) => a.x - b.x)
        .map((card) => [
          card.name,
          String(card.year),
          formatBytes(card.y, lang, units),
          formatNumber(bandwidth.get(card.key) ?? null, lang, 3),
          formatCount(serve.get(card.key) ?? 0, lang),
          formatCount(train.get(card.key) ?? 0, lang),
        ]),
    };
  };
  return (
    <ChartFrame
      id="hardware-timeline"
      title={m.chartTitle}
      summary={summary}
      table={table}
      caption={fill(m.chartCaption, { precision: precisionLabel, context })}
      height={640}
    >
      <div className="hw-panels">
        <ModelsPanel
          data={modelsData}
          selected={chart.selectedModels}
          years={chart.years}
          paramsDomain={chart.paramsDomain}
          paramsTicks={chart.paramsTicks}
          currentParams={currentParams}
          currentText={fill(m.currentLine, { params: formatCount(currentParams, lang) })}
          names={names}
          lang={lang}
          units={units}
        />
        <SpecsPanel
          data={specsData}
          selected={specsSelected}
          years={chart.years}
          memoryAxis={memoryAxis}
          bandwidthAxis={chart.bandwidthAxis}
          axisLabels={axisLabels}
          names={names}
          lang={lang}
        />
      </div>
    </ChartFrame>
  );
});
