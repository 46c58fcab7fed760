import { memo, useMemo } from 'react';
import { Bar, Cell, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/ui/chart-frame';
import { modelDisplayName } from '../../components/ui/model-name';
import { useSectionVisible } from '../../components/ui/section';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { logTicks, paddedLogDomain } from '../../components/ui/chart-scales';
import { LineLabels, type LineLabel } from '../../components/ui/line-labels';
import { sameRows, useStableValue } from '../../components/ui/use-stable';
import { PRECISIONS } from '../../core';
import { useChartData } from '../../store/store-context';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { byteUnit, formatBytes, formatCount, formatNumber, type UnitSystem } from '../../i18n/format';
import { compressionPoints, type CompressionPoint } from './compression.data';
import { MESSAGES } from './messages';

const BYTES = PALETTE[0];
const PARAMS = PALETTE[2];
const ARTICLE = PALETTE[3];

const NUMBER_TICKS: Record<Lang, (value: number) => string> = {
  en: (value) => formatNumber(value, 'en', 2),
  zh: (value) => formatNumber(value, 'zh', 2),
};
const COUNT_TICKS: Record<Lang, (value: number) => string> = {
  en: (value) => formatCount(value, 'en', 2),
  zh: (value) => formatCount(value, 'zh', 2),
};
type Row = CompressionPoint & { label: string };
const TOOLTIPS: Record<Lang, Record<UnitSystem, (value: unknown, name: unknown, item: { dataKey?: unknown; payload?: Row }) => string>> = {
  en: { si: tooltip('en', 'si'), iec: tooltip('en', 'iec') },
  zh: { si: tooltip('zh', 'si'), iec: tooltip('zh', 'iec') },
};
function tooltip(lang: Lang, units: UnitSystem) {
  return (value: unknown, _name: unknown, item: { dataKey?: unknown; payload?: Row }): string => {
    if (item.dataKey === 'value') {
      return fill(MESSAGES[lang].tooltipBytes, { bytes: formatBytes(item.payload?.bytes, lang, units), bits: formatNumber(item.payload?.bitsPerWeight, lang) });
    }
    return formatCount(Number(value), lang);
  };
}
const MARGIN = { top: 10, right: 8, bottom: 4, left: 4 };
const TICK_STYLE = { fontSize: 11 };
const LEGEND_STYLE = { fontSize: 12 };

interface PlotProps {
  data: Row[];
  highlighted: boolean[];
  bytesDomain: [number, number];
  bytesTicks: number[];
  paramsDomain: [number, number];
  paramsTicks: number[];
  selectedValue: number;
  selectedLabel: LineLabel[];
  axisLabels: { bytes: object; params: object };
  names: { bytes: string; params: string; article: string };
  lang: Lang;
  units: UnitSystem;
}

/** Bars and lines alone: props are memoized by the container, so an unrelated slider skips this. */
const CompressionPlot = memo(function CompressionPlot(props: PlotProps) {
  const { data, highlighted, bytesDomain, bytesTicks, paramsDomain, paramsTicks, selectedValue, selectedLabel, axisLabels, names, lang, units } = props;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={MARGIN}>
        <XAxis dataKey="label" tick={TICK_STYLE} interval={0} angle={-25} textAnchor="end" height={48} />
        <YAxis
          type="number"
          scale="log"
          domain={bytesDomain}
          ticks={bytesTicks}
          allowDataOverflow
          tickFormatter={NUMBER_TICKS[lang]}
          tick={TICK_STYLE}
          width={62}
          label={axisLabels.bytes}
        />
        <YAxis
          yAxisId="params"
          orientation="right"
          type="number"
          scale="log"
          domain={paramsDomain}
          ticks={paramsTicks}
          allowDataOverflow
          tickFormatter={COUNT_TICKS[lang]}
          tick={TICK_STYLE}
          width={58}
          label={axisLabels.params}
        />
        <Tooltip formatter={TOOLTIPS[lang][units]} isAnimationActive={false} />
        <Legend verticalAlign="top" height={36} wrapperStyle={LEGEND_STYLE} />
        <Bar dataKey="value" name={names.bytes} fill={BYTES} isAnimationActive={false}>
          {data.map((point, index) => (
            <Cell key={point.index} fill={highlighted[index] ? HIGHLIGHT : BYTES} />
          ))}
        </Bar>
        <Line yAxisId="params" type="linear" dataKey="params" name={names.params} stroke={PARAMS} strokeWidth={2.5} dot={false} isAnimationActive={false} />
        <Line
          yAxisId="params"
          type="linear"
          dataKey="articleParams"
          name={names.article}
          stroke={ARTICLE}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        <ReferenceLine y={selectedValue} stroke={HIGHLIGHT} strokeWidth={1.5} strokeDasharray="4 3" ifOverflow="hidden" />
        <LineLabels labels={selectedLabel} />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

export const CompressionChart = memo(function CompressionChart() {
  const visible = useSectionVisible();
  const { series, estimate, frameRef } = useChartData(visible);
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const unit = byteUnit(units);
  // The chain is rebuilt with every estimate; keep the previous rows while their values are the same.
  const rows = useStableValue(series.compression.rows, sameRows);
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
  const selectedLabel = useMemo<LineLabel[]>(
    () => [{ key: 'selected', y: selectedValue, text: fill(m.selectedLine, { precision: precisionLabel, bytes: formatBytes(selected.bytes, lang, units) }), color: HIGHLIGHT, bold: true }],
    [selectedValue, m, precisionLabel, selected.bytes, lang, units],
  );
  const axisLabels = useMemo(
    () => ({
      bytes: { value: fill(m.axisBytes, { unit: unit.label }), angle: -90, position: 'insideLeft' as const, style: { textAnchor: 'middle' as const }, fontSize: 11 },
      params: { value: m.axisParams, angle: 90, position: 'insideRight' as const, style: { textAnchor: 'middle' as const }, fontSize: 11 },
    }),
    [m, unit.label],
  );
  const names = useMemo(() => ({ bytes: m.legendBytes, params: m.legendParams, article: m.legendArticle }), [m]);
  return (
    <ChartFrame frameRef={frameRef}
      id="compression"
      title={m.chartTitle}
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
        selectedLabel={selectedLabel}
        axisLabels={axisLabels}
        names={names}
        lang={lang}
        units={units}
      />
    </ChartFrame>
  );
});
