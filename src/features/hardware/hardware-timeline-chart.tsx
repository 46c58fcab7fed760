import { memo, useMemo } from 'react';
import { Legend, ReferenceDot, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/ui/chart-frame';
import { useSectionVisible } from '../../components/ui/section';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { linearAxis, logTicks, paddedLogDomain } from '../../components/ui/chart-scales';
import { LineLabels, type LineLabel } from '../../components/ui/line-labels';
import { PRECISIONS } from '../../core';
import { useChartData } from '../../store/store-context';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { byteUnit, formatBytes, formatCount, formatNumber } from '../../i18n/format';
import { articleClaimPoints, hardwarePoints, type HardwarePoint } from './hardware.data';
import { MESSAGES } from './messages';
import './hardware.css';

const SERVE = PALETTE[0];
const TRAIN = PALETTE[2];
const ARTICLE = PALETTE[3];
const MEMORY = PALETTE[0];
const BANDWIDTH = PALETTE[1];

type Kind = 'serve' | 'train' | 'article' | 'memory' | 'bandwidth';
interface Datum {
  key: string;
  name: string;
  year: number;
  x: number;
  y: number;
  kind: Kind;
  bytes?: number;
}

const COUNT_TICKS: Record<Lang, (value: number) => string> = {
  en: (value) => formatCount(value, 'en', 2),
  zh: (value) => formatCount(value, 'zh', 2),
};
const NUMBER_TICKS: Record<Lang, (value: number) => string> = {
  en: (value) => formatNumber(value, 'en', 3),
  zh: (value) => formatNumber(value, 'zh', 3),
};
const YEAR_TICK = (value: number) => String(Math.round(value));
const MARGIN = { top: 6, right: 8, bottom: 4, left: 4 };
/** The top panel has no right axis: pad it by the bottom panel's right axis so the years align. */
const TOP_MARGIN = { top: 6, right: 58, bottom: 4, left: 4 };
const TICK_STYLE = { fontSize: 11 };
const LEGEND_STYLE = { fontSize: 12 };

function HardwareTooltip(props: { active?: boolean; payload?: ReadonlyArray<{ payload?: Datum }> }) {
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const datum = props.active ? props.payload?.[0]?.payload : undefined;
  if (!datum) return null;
  let line: string;
  if (datum.kind === 'serve') line = fill(m.tooltipServe, { params: formatCount(datum.y, lang) });
  else if (datum.kind === 'train') line = fill(m.tooltipTrain, { params: formatCount(datum.y, lang) });
  else if (datum.kind === 'article') line = fill(m.tooltipArticle, { params: formatCount(datum.y, lang) });
  else if (datum.kind === 'memory') line = fill(m.tooltipMemory, { value: formatBytes(datum.bytes, lang, units) });
  else line = fill(m.tooltipBandwidth, { value: `${formatNumber(datum.y, lang)} TB/s` });
  return (
    <div className="recharts-default-tooltip hw-tooltip">
      <strong>{datum.name}</strong> ({datum.year})
      <div>{line}</div>
    </div>
  );
}
const TOOLTIP = <HardwareTooltip />;

interface PlotProps {
  data: Record<'serve' | 'train' | 'article' | 'memory' | 'bandwidth', Datum[]>;
  selected: HardwarePoint | null;
  years: { domain: [number, number]; ticks: number[]; separators: number[] };
  paramsDomain: [number, number];
  paramsTicks: number[];
  memoryAxis: { domain: [number, number]; ticks: number[] };
  bandwidthAxis: { domain: [number, number]; ticks: number[] };
  currentParams: number;
  currentLabel: LineLabel[];
  axisLabels: { params: object; memory: object; bandwidth: object };
  names: { serve: string; train: string; article: string; memory: string; bandwidth: string; panelModels: string; panelSpecs: string };
  divisor: number;
  lang: Lang;
}

/** Both panels alone: props are memoized by the container, so an unrelated slider skips this. */
const HardwarePlot = memo(function HardwarePlot(props: PlotProps) {
  const { data, selected, years, paramsDomain, paramsTicks, memoryAxis, bandwidthAxis, currentParams, currentLabel, axisLabels, names, divisor, lang } = props;
  return (
    <div className="hw-panels">
      <div className="hw-panel hw-panel--models">
        <div className="hw-panel__title">{names.panelModels}</div>
        <div className="hw-panel__plot">
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={TOP_MARGIN}>
              <XAxis type="number" dataKey="x" domain={years.domain} ticks={years.ticks} tickFormatter={YEAR_TICK} tick={TICK_STYLE} allowDataOverflow />
              <YAxis
                type="number"
                dataKey="y"
                scale="log"
                domain={paramsDomain}
                ticks={paramsTicks}
                allowDataOverflow
                tickFormatter={COUNT_TICKS[lang]}
                tick={TICK_STYLE}
                width={58}
                label={axisLabels.params}
              />
              <Tooltip content={TOOLTIP} isAnimationActive={false} cursor={false} />
              <Legend verticalAlign="top" height={22} wrapperStyle={LEGEND_STYLE} />
              {years.separators.map((x) => (
                <ReferenceLine key={x} x={x} stroke="var(--border)" strokeWidth={1} />
              ))}
              <ReferenceLine y={currentParams} stroke={HIGHLIGHT} strokeDasharray="5 3" strokeWidth={1.5} ifOverflow="hidden" />
              <Scatter name={names.serve} data={data.serve} fill={SERVE} shape="circle" isAnimationActive={false} />
              <Scatter name={names.train} data={data.train} fill={TRAIN} shape="triangle" isAnimationActive={false} />
              <Scatter name={names.article} data={data.article} fill={ARTICLE} shape="cross" isAnimationActive={false} />
              {selected && selected.servableParams > 0 ? (
                <ReferenceDot x={selected.x} y={selected.servableParams} r={7} fill="none" stroke={HIGHLIGHT} strokeWidth={2.5} ifOverflow="hidden" />
              ) : null}
              {selected ? (
                <ReferenceDot x={selected.x} y={selected.trainableParams} r={7} fill="none" stroke={HIGHLIGHT} strokeWidth={2.5} ifOverflow="hidden" />
              ) : null}
              <LineLabels labels={currentLabel} align="left" />
            </ScatterChart>
          </ResponsiveContainer>
        </div>
      </div>
      <div className="hw-panel hw-panel--specs">
        <div className="hw-panel__title">{names.panelSpecs}</div>
        <div className="hw-panel__plot">
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={MARGIN}>
              <XAxis type="number" dataKey="x" domain={years.domain} ticks={years.ticks} tickFormatter={YEAR_TICK} tick={TICK_STYLE} allowDataOverflow />
              <YAxis
                yAxisId="memory"
                type="number"
                dataKey="y"
                domain={memoryAxis.domain}
                ticks={memoryAxis.ticks}
                tickFormatter={NUMBER_TICKS[lang]}
                tick={TICK_STYLE}
                width={58}
                label={axisLabels.memory}
              />
              <YAxis
                yAxisId="bandwidth"
                orientation="right"
                type="number"
                dataKey="y"
                domain={bandwidthAxis.domain}
                ticks={bandwidthAxis.ticks}
                tickFormatter={NUMBER_TICKS[lang]}
                tick={TICK_STYLE}
                width={50}
                label={axisLabels.bandwidth}
              />
              <Tooltip content={TOOLTIP} isAnimationActive={false} cursor={false} />
              <Legend verticalAlign="top" height={22} wrapperStyle={LEGEND_STYLE} />
              {years.separators.map((x) => (
                <ReferenceLine key={x} x={x} stroke="var(--border)" strokeWidth={1} yAxisId="memory" />
              ))}
              <Scatter yAxisId="memory" name={names.memory} data={data.memory} fill={MEMORY} shape="circle" isAnimationActive={false} />
              <Scatter yAxisId="bandwidth" name={names.bandwidth} data={data.bandwidth} fill={BANDWIDTH} shape="diamond" isAnimationActive={false} />
              {selected ? (
                <ReferenceDot
                  yAxisId="memory"
                  x={selected.x}
                  y={selected.memoryBytes / divisor}
                  r={7}
                  fill="none"
                  stroke={HIGHLIGHT}
                  strokeWidth={2.5}
                />
              ) : null}
              {selected ? (
                <ReferenceDot
                  yAxisId="bandwidth"
                  x={selected.x}
                  y={selected.bandwidthBytesPerSecond / 1e12}
                  r={7}
                  fill="none"
                  stroke={HIGHLIGHT}
                  strokeWidth={2.5}
                />
              ) : null}
            </ScatterChart>
          </ResponsiveContainer>
        </div>
      </div>
    </div>
  );
});

export const HardwareTimelineChart = memo(function HardwareTimelineChart() {
  const visible = useSectionVisible();
  const { series, estimate, frameRef } = useChartData(visible);
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const unit = byteUnit(units);
  const rows = series.hardwareTimeline.rows;
  const bitsPerWeight = estimate.weights.selected.bitsPerWeight;
  const kvAllowanceBytes = estimate.inference.kvBytesPerSequence;
  const selectedId = estimate.hardware.id;
  const precisionLabel = PRECISIONS[estimate.weights.selected.id]?.label ?? estimate.weights.selected.id;
  const currentParams = estimate.model.counts.total;

  const points = useMemo(
    () => hardwarePoints(rows, { bitsPerWeight, kvAllowanceBytes, selectedId }),
    [rows, bitsPerWeight, kvAllowanceBytes, selectedId],
  );
  const claims = useMemo(() => articleClaimPoints(), []);
  const data = useMemo(() => {
    const serve: Datum[] = points
      .filter((p) => p.servableParams > 0)
      .map((p) => ({ key: p.id, name: p.name, year: p.year, x: p.x, y: p.servableParams, kind: 'serve' }));
    const train: Datum[] = points.map((p) => ({ key: p.id, name: p.name, year: p.year, x: p.x, y: p.trainableParams, kind: 'train' }));
    const article: Datum[] = claims.map((c) => ({ key: c.key, name: c.gpu, year: c.year, x: c.x, y: c.trainsParams, kind: 'article' }));
    const memory: Datum[] = points.map((p) => ({
      key: p.id,
      name: p.name,
      year: p.year,
      x: p.x,
      y: p.memoryBytes / unit.divisor,
      kind: 'memory',
      bytes: p.memoryBytes,
    }));
    const bandwidth: Datum[] = points.map((p) => ({ key: p.id, name: p.name, year: p.year, x: p.x, y: p.bandwidthBytesPerSecond / 1e12, kind: 'bandwidth' }));
    return { serve, train, article, memory, bandwidth };
  }, [points, claims, unit.divisor]);
  const selected = points.find((p) => p.selected) ?? null;

  const years = useMemo(() => {
    const all = [...points.map((p) => p.year), ...claims.map((c) => c.year)];
    const first = Math.min(...all);
    const last = Math.max(...all);
    const ticks: number[] = [];
    for (let year = first; year <= last; year++) ticks.push(year);
    const separators = ticks.slice(0, -1).map((year) => year + 0.5);
    return { domain: [first - 0.5, last + 0.5] as [number, number], ticks, separators };
  }, [points, claims]);
  const paramsDomain = useMemo(
    () => paddedLogDomain([...data.serve.map((d) => d.y), ...data.train.map((d) => d.y), ...data.article.map((d) => d.y), currentParams], 0.1, [1e8, 1e13]),
    [data, currentParams],
  );
  const paramsTicks = useMemo(() => logTicks(paramsDomain, 7), [paramsDomain]);
  const memoryAxis = useMemo(() => linearAxis(Math.max(...data.memory.map((d) => d.y), 1) * 1.02, 4), [data.memory]);
  const bandwidthAxis = useMemo(() => linearAxis(Math.max(...data.bandwidth.map((d) => d.y), 1) * 1.02, 4), [data.bandwidth]);
  const currentLabel = useMemo<LineLabel[]>(
    () => [{ key: 'current', y: currentParams, text: fill(m.currentLine, { params: formatCount(currentParams, lang) }), color: HIGHLIGHT, bold: true }],
    [currentParams, m, lang],
  );
  const axisLabels = useMemo(
    () => ({
      params: { value: m.axisParams, angle: -90, position: 'insideLeft' as const, style: { textAnchor: 'middle' as const }, fontSize: 11 },
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
    }),
    [m, precisionLabel],
  );
  return (
    <ChartFrame frameRef={frameRef} id="hardware-timeline" title={m.chartTitle} caption={fill(m.chartCaption, { precision: precisionLabel, context })} height={640}>
      <HardwarePlot
        data={data}
        selected={selected}
        years={years}
        paramsDomain={paramsDomain}
        paramsTicks={paramsTicks}
        memoryAxis={memoryAxis}
        bandwidthAxis={bandwidthAxis}
        currentParams={currentParams}
        currentLabel={currentLabel}
        axisLabels={axisLabels}
        names={names}
        divisor={unit.divisor}
        lang={lang}
      />
    </ChartFrame>
  );
});
