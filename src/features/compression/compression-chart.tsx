import { memo, useMemo } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { COUNT_TICK, NUMBER_TICK } from '../../components/ui/chart-helpers';
import { modelDisplayName } from '../../view/model-name';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { logTicks, paddedLogDomain } from '../../components/ui/chart-scales';
import { BandBar, RefLine, SvgPlot, bandAxis, linePath, type LegendItem, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { PRECISIONS } from '../../core';
import { useChartView } from '../../view/use-chart-view';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { byteUnit, formatBytes, formatCount, formatNumber, type UnitSystem } from '../../i18n/format';
import { compressionPoints, type CompressionPoint } from './compression.data';
import { MESSAGES } from './messages';
import { CHART_SERIES } from '../../store/chart-series';

const BYTES = PALETTE[0];
const PARAMS = PALETTE[2];
const ARTICLE = PALETTE[3];

type Row = CompressionPoint & { label: string };
/** Share of each step's band left empty around its bar. */
const BAR_GAP = 0.2;

interface PlotProps {
  data: Row[];
  highlighted: boolean[];
  bytesDomain: [number, number];
  bytesTicks: number[];
  paramsDomain: [number, number];
  paramsTicks: number[];
  selectedValue: number;
  selectedText: string;
  names: { bytes: string; params: string; article: string; axisBytes: string; axisParams: string; title: string };
  lang: Lang;
  units: UnitSystem;
}

/** Bars and lines alone (plain SVG): props are memoized by the container, so an unrelated slider skips this. */
const CompressionPlot = memo(function CompressionPlot(props: PlotProps) {
  const { data, highlighted, bytesDomain, bytesTicks, paramsDomain, paramsTicks, selectedValue, selectedText, names, lang, units } = props;
  const xAxis = useMemo(() => bandAxis(data.map((row) => row.label), '', 25), [data]);
  const yAxis = useMemo((): PlotAxis => ({ kind: 'log', domain: bytesDomain, ticks: bytesTicks, format: NUMBER_TICK[2][lang], label: names.axisBytes }), [bytesDomain, bytesTicks, lang, names.axisBytes]);
  const y2Axis = useMemo(
    (): PlotAxis => ({ kind: 'log', domain: paramsDomain, ticks: paramsTicks, format: COUNT_TICK[lang], label: names.axisParams }),
    [paramsDomain, paramsTicks, lang, names.axisParams],
  );
  const legend = useMemo(
    (): LegendItem[] => [
      { key: 'bytes', name: names.bytes, color: BYTES, shape: 'dot' },
      { key: 'params', name: names.params, color: PARAMS, shape: 'line' },
      { key: 'article', name: names.article, color: ARTICLE, shape: 'line', dash: '6 4' },
    ],
    [names],
  );
  const marks = (area: PlotArea) => {
    const y2 = area.y2 ?? area.y;
    return (
      <>
        {data.map((row, index) => (
          <BandBar key={row.index} area={area} index={index} value={row.value} gap={BAR_GAP} color={highlighted[index] ? HIGHLIGHT : BYTES} />
        ))}
        <path className="chart-mark" d={linePath(data.map((row, i) => [i + 0.5, row.params] as const), area, { y: y2 })} fill="none" stroke={PARAMS} strokeWidth={2.5} />
        <path
          className="chart-mark"
          d={linePath(data.map((row, i) => [i + 0.5, row.articleParams] as const), area, { y: y2 })}
          fill="none"
          stroke={ARTICLE}
          strokeWidth={2}
          strokeDasharray="6 4"
        />
        <RefLine area={area} y={selectedValue} color={HIGHLIGHT} width={1.5} dash="4 3" label={selectedText} labelAt="end-above" labelBold />
      </>
    );
  };
  const tooltip = (value: number) => {
    const row = data[Math.floor(value)];
    if (!row) return null;
    return (
      <>
        <div>{row.label}</div>
        <div style={{ color: BYTES }}>{fill(MESSAGES[lang].tooltipBytes, { bytes: formatBytes(row.bytes, lang, units), bits: formatNumber(row.bitsPerWeight, lang) })}</div>
        <div style={{ color: PARAMS }}>{`${names.params}: ${formatCount(row.params, lang)}`}</div>
        <div style={{ color: ARTICLE }}>{`${names.article}: ${formatCount(row.articleParams, lang)}`}</div>
      </>
    );
  };
  return <SvgPlot x={xAxis} y={yAxis} y2={y2Axis} yAxisWidth={40} legend={legend} label={names.title} marks={marks} tooltip={tooltip} xAxisHeight={56} top={10} />;
});

export const CompressionChart = memo(function CompressionChart() {
  const { scenario, estimate, select } = useChartView();
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const unit = byteUnit(units);
  // The same rows object while the chain's values are the same (the store's selectors).
  const rows = select.derived(CHART_SERIES.compressionSeries, scenario).rows;
  const selected = estimate.weights.selected;
  const precisionLabel = PRECISIONS[selected.id]?.label ?? selected.id;
  const points = useMemo(() => compressionPoints(rows, unit.divisor), [rows, unit.divisor]);
  const data = useMemo<Row[]>(() => points.map((point) => ({ ...point, label: m[`step_${point.step === 'quantize' ? 'int4' : point.step}`] })), [points, m]);
  const selectedId = selected.id;
  const highlighted = useMemo(
    () =>
      points.map(
        (point) =>
          (point.step === 'start' && selectedId === 'fp32') ||
          (point.precision !== null && point.step !== 'prune' && point.step !== 'distil' && point.precision === selectedId),
      ),
    [points, selectedId],
  );
  const selectedValue = selected.bytes / unit.divisor;
  const bytesDomain = useMemo(() => paddedLogDomain([...points.map((p) => p.value), selectedValue], 0.15, [0.1, 1000]), [points, selectedValue]);
  const bytesTicks = useMemo(() => logTicks(bytesDomain, 7), [bytesDomain]);
  const paramsDomain = useMemo(
    () => paddedLogDomain([...points.map((p) => p.params), ...points.map((p) => p.articleParams)], 0.15, [1e6, 1e12]),
    [points],
  );
  const paramsTicks = useMemo(() => logTicks(paramsDomain, 7), [paramsDomain]);
  const selectedText = fill(m.selectedLine, { precision: precisionLabel, bytes: formatBytes(selected.bytes, lang, units) });
  const names = useMemo(
    () => ({
      bytes: m.legendBytes,
      params: m.legendParams,
      article: m.legendArticle,
      axisBytes: fill(m.axisBytes, { unit: unit.label }),
      axisParams: m.axisParams,
      title: m.chartTitle,
    }),
    [m, unit.label],
  );
  const first = data[0];
  const last = data.at(-1);
  const summary = fill(m.chartSummary, {
    model: modelDisplayName(estimate.model, lang),
    startBytes: formatBytes(first?.bytes ?? 0, lang, units),
    endBytes: formatBytes(last?.bytes ?? 0, lang, units),
    endStep: last?.label ?? '—',
    articleEnd: formatCount(last?.articleParams ?? 0, lang),
  });
  const table = () => ({
    columns: [m.tableColStep, m.legendBytes, m.tableColBits, m.legendParams, m.legendArticle],
    rows: data.map((row) => [row.label, formatBytes(row.bytes, lang, units), formatNumber(row.bitsPerWeight, lang), formatCount(row.params, lang), formatCount(row.articleParams, lang)]),
  });
  return (
    <ChartFrame
      id="compression"
      title={m.chartTitle}
      summary={summary}
      table={table}
      caption={fill(m.chartCaption, { model: modelDisplayName(estimate.model, lang), precision: precisionLabel })}
      height={400}
    >
      <CompressionPlot
        data={data}
        highlighted={highlighted}
        bytesDomain={bytesDomain}
        bytesTicks={bytesTicks}
        paramsDomain={paramsDomain}
        paramsTicks={paramsTicks}
        selectedValue={selectedValue}
        selectedText={selectedText}
        names={names}
        lang={lang}
        units={units}
      />
    </ChartFrame>
  );
});
