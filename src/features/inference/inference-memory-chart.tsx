import { memo, useMemo } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { RefLine, SvgPlot, areaPath, linePath, type LegendItem, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { byteAxis, formatCompactCount, perLang } from '../../components/ui/chart-helpers';
import { useChartView } from '../../view/use-chart-view';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, formatCount, formatNumber, type UnitSystem } from '../../i18n/format';
import { MESSAGES } from './messages';
import { gpuCountText, gpuLabel, modelLabel } from '../../view/labels';
import { inferenceMemoryData, type InferenceMemoryChart as MemoryChartData } from './inference.data';
import { logTicks, nearestBy } from '../../components/ui/chart-scales';

const COLORS = { weights: PALETTE[0], working: PALETTE[7], kv: PALETTE[2] } as const;
const LINE = '#6b7785';
const STACK = ['weights', 'working', 'kv'] as const;

const CONTEXT_TICK = perLang((lang) => (value: number) => formatCompactCount(value, lang));

const MemoryPlot = memo(function MemoryPlot({ chart, lang, units, title }: { chart: MemoryChartData; lang: Lang; units: UnitSystem; title: string }) {
  const m = MESSAGES[lang];
  const bytes = (value: number) => formatBytes(value, lang, units);
  const { xDomain } = chart;
  const xAxis = useMemo(
    (): PlotAxis => ({ kind: 'log', domain: xDomain, ticks: logTicks(xDomain), format: CONTEXT_TICK[lang], label: m.axisContext }),
    [xDomain, lang, m],
  );
  const yAxis = useMemo(() => byteAxis(chart.yMax, units, lang, m.axisMemory), [chart.yMax, units, lang, m]);
  const names = { weights: m.memWeights, working: m.memWorking, kv: m.memKv };
  const legend: LegendItem[] = STACK.map((key) => ({ key, name: names[key], color: COLORS[key], shape: 'line' }));
  const marks = (area: PlotArea) => {
    let base = chart.rows.map(() => 0);
    const layers = STACK.map((key) => {
      const low = base;
      const high = chart.rows.map((row, i) => (low[i] ?? 0) + row[key]);
      base = high;
      return (
        <g key={key}>
          <path
            className="chart-mark"
            d={areaPath(chart.rows.map((row, i) => [row.context, low[i] ?? 0, high[i] ?? 0] as const), area)}
            fill={COLORS[key]}
            fillOpacity={0.35}
          />
          <path d={linePath(chart.rows.map((row, i) => [row.context, high[i] ?? 0] as const), area)} fill="none" stroke={COLORS[key]} strokeWidth={1.5} />
        </g>
      );
    });
    return (
      <>
        {layers}
        <RefLine area={area} y={chart.oneGpuBytes} color={LINE} dash="6 3" width={1.5} label={`${m.oneGpu} ${bytes(chart.oneGpuBytes)}`} labelAt="end-below" />
        {chart.servingGpus > 1 ? (
          <RefLine
            area={area}
            y={chart.servingBytes}
            color={LINE}
            dash="6 3"
            width={2}
            label={`${fill(m.groupGpus, { nGpus: gpuCountText(chart.servingGpus, lang) })} ${bytes(chart.servingBytes)}`}
          />
        ) : null}
        {chart.modelContext !== null ? <RefLine area={area} x={chart.modelContext} color={LINE} dash="2 4" label={m.modelMax} /> : null}
        <RefLine area={area} x={chart.currentContext} color={HIGHLIGHT} width={1.5} label={m.current} labelAt="top-left" />
        {chart.currentClamped ? null : (
          <circle cx={area.x(chart.currentContext)} cy={area.y(chart.currentTotal)} r={6} fill={HIGHLIGHT} stroke="#fff" strokeWidth={1.5} />
        )}
      </>
    );
  };
  const tooltip = (context: number) => {
    const row = nearestBy(chart.rows, (r) => r.context, context, 'log');
    if (!row) return null;
    return (
      <>
        <div>{fill(m.tokens, { value: formatCount(row.context, lang) })}</div>
        {[...STACK].reverse().map((key) => (
          <div key={key} style={{ color: COLORS[key] }}>{`${names[key]}: ${bytes(row[key])}`}</div>
        ))}
      </>
    );
  };
  return <SvgPlot x={xAxis} y={yAxis} yAxisWidth={44} legend={legend} label={title} marks={marks} tooltip={tooltip} />;
});

/** `inference-memory`: weights + KV cache + working memory vs context (log), GPU memory lines, this context marked. */
export const InferenceMemoryChart = memo(function InferenceMemoryChart() {
  const { estimate, derive } = useChartView();
  const { lang, units } = useViewSettings();
  const m = useMessages(MESSAGES);
  const chart = derive(inferenceMemoryData);
  const inf = estimate.inference;
  const caption = (
    <>
      {fill(m.memChartCaption, {
        model: modelLabel(estimate, lang),
        weightPrecision: inf.weightPrecision.toUpperCase(),
        kvPrecision: estimate.kv.precision.toUpperCase(),
        batch: formatNumber(inf.batch, lang, 7),
        gpu: gpuLabel(estimate, lang),
        oneGpu: formatBytes(chart.oneGpuBytes, lang, units),
        gpus: chart.servingGpus,
        group: formatBytes(chart.servingBytes, lang, units),
        context: formatCount(inf.contextTokens, lang),
        modelContext: formatCount(inf.modelContextLength, lang),
      })}
      {chart.currentClamped ? (
        <>
          {' '}
          {fill(m.clampedNote, { context: formatCount(inf.contextTokens, lang) })}
        </>
      ) : null}
    </>
  );
  const bytes = (value: number) => formatBytes(value, lang, units);
  const summary = fill(m.memChartSummary, {
    context: formatCount(chart.currentContext, lang),
    model: modelLabel(estimate, lang),
    total: bytes(chart.currentTotal),
    weights: bytes(chart.rows[0]?.weights ?? 0),
    oneGpu: bytes(chart.oneGpuBytes),
  });
  const table = () => ({
    columns: [m.tableColContext, m.memWeights, m.memWorking, m.memKv, m.tableColTotal],
    rows: chart.rows.map((row) => [formatCount(row.context, lang), bytes(row.weights), bytes(row.working), bytes(row.kv), bytes(row.total)]),
  });
  return (
    <ChartFrame id="inference-memory" title={m.memChartTitle} summary={summary} table={table} caption={caption} height={360}>
      <MemoryPlot chart={chart} lang={lang} units={units} title={m.memChartTitle} />
    </ChartFrame>
  );
});
