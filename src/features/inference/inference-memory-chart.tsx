import { memo, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/ui/chart-frame';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { byteAxisUnit, decadeTicks, formatCompactCount, linearTicks, perLang, perView, viewKey } from '../../components/ui/chart-helpers';
import { useChartData } from '../../store/store-context';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, formatCount, formatNumber, type UnitSystem } from '../../i18n/format';
import { MESSAGES } from './messages';
import { gpuCountText, gpuLabel, modelLabel } from '../../components/ui/labels';
import { inferenceMemoryChart, type InferenceMemoryChart as MemoryChartData } from './inference.data';

const MARGIN = { top: 16, right: 16, bottom: 18, left: 4 };
const LEGEND_STYLE = { fontSize: 12 };
const COLORS = { weights: PALETTE[0], working: PALETTE[7], kv: PALETTE[2] } as const;
const LINE = '#6b7785';
const STACK = ['weights', 'working', 'kv'] as const;

const CONTEXT_TICK = perLang((lang) => (value: number) => formatCompactCount(value, lang));
const CONTEXT_LABEL = perLang((lang) => {
  const m = MESSAGES[lang];
  return (label: unknown) => fill(m.tokens, { value: formatCount(Number(label), lang) });
});
const BYTES = perView((lang, units) => (value: unknown) => formatBytes(Number(value), lang, units));

const MemoryPlot = memo(function MemoryPlot({ chart, lang, units }: { chart: MemoryChartData; lang: Lang; units: UnitSystem }) {
  const m = MESSAGES[lang];
  const key = viewKey(lang, units);
  const bytes = BYTES[key];
  const xTicks = useMemo(() => decadeTicks(chart.xDomain[0], chart.xDomain[1]), [chart.xDomain]);
  const { divisor, label: unitLabel } = byteAxisUnit(units, chart.yMax);
  const yTicks = useMemo(() => linearTicks(chart.yMax, divisor, 5), [chart.yMax, divisor]);
  const yTick = useMemo(() => (value: number) => formatNumber(value / divisor, lang, 3), [divisor, lang]);
  const yDomain = useMemo(() => [0, chart.yMax] as [number, number], [chart.yMax]);
  const { oneGpuBytes, servingBytes, servingGpus } = chart;
  const labels = useMemo(() => {
    const msg = MESSAGES[lang];
    const format = BYTES[viewKey(lang, units)];
    return {
      x: { value: msg.axisContext, position: 'insideBottom' as const, offset: -10, fontSize: 12 },
      y: { value: fill(msg.axisMemory, { unit: unitLabel }), angle: -90, position: 'insideLeft' as const, style: { textAnchor: 'middle' as const, fontSize: 12 } },
      one: { value: `${msg.oneGpu} ${format(oneGpuBytes)}`, position: 'insideBottomRight' as const, fontSize: 11, fill: LINE },
      group: { value: `${fill(msg.groupGpus, { nGpus: gpuCountText(servingGpus, lang) })} ${format(servingBytes)}`, position: 'insideTopRight' as const, fontSize: 11, fill: LINE },
      current: { value: msg.current, position: 'insideTopRight' as const, fontSize: 11, fill: HIGHLIGHT },
      model: { value: msg.modelMax, position: 'insideTopLeft' as const, fontSize: 11, fill: LINE },
    };
  }, [lang, units, unitLabel, oneGpuBytes, servingBytes, servingGpus]);
  const names = { weights: m.memWeights, working: m.memWorking, kv: m.memKv };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={chart.rows} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
        <XAxis
          dataKey="context"
          type="number"
          scale="log"
          domain={chart.xDomain}
          allowDataOverflow
          ticks={xTicks}
          tickFormatter={CONTEXT_TICK[lang]}
          label={labels.x}
          height={40}
        />
        <YAxis type="number" domain={yDomain} ticks={yTicks} allowDataOverflow tickFormatter={yTick} width={60} label={labels.y} />
        <Tooltip formatter={bytes} labelFormatter={CONTEXT_LABEL[lang]} isAnimationActive={false} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} verticalAlign="top" />
        {STACK.map((stackKey) => (
          <Area
            key={stackKey}
            dataKey={stackKey}
            name={names[stackKey]}
            stackId="memory"
            type="linear"
            stroke={COLORS[stackKey]}
            fill={COLORS[stackKey]}
            fillOpacity={0.35}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
        ))}
        <ReferenceLine y={chart.oneGpuBytes} stroke={LINE} strokeDasharray="6 3" strokeWidth={1.5} label={labels.one} ifOverflow="hidden" />
        {chart.servingGpus > 1 ? (
          <ReferenceLine y={chart.servingBytes} stroke={LINE} strokeDasharray="6 3" strokeWidth={2} label={labels.group} ifOverflow="hidden" />
        ) : null}
        {chart.modelContext !== null ? (
          <ReferenceLine x={chart.modelContext} stroke={LINE} strokeDasharray="2 4" label={labels.model} ifOverflow="hidden" />
        ) : null}
        <ReferenceLine x={chart.currentContext} stroke={HIGHLIGHT} strokeWidth={1.5} label={labels.current} ifOverflow="hidden" />
        {chart.currentClamped ? null : (
          <ReferenceDot x={chart.currentContext} y={chart.currentTotal} r={6} fill={HIGHLIGHT} stroke="#fff" strokeWidth={1.5} ifOverflow="hidden" />
        )}
      </AreaChart>
    </ResponsiveContainer>
  );
});

/** `inference-memory`: weights + KV cache + working memory vs context (log), GPU memory lines, this context marked. */
export const InferenceMemoryChart = memo(function InferenceMemoryChart({ visible = true }: { visible?: boolean }) {
  const { estimate, series, frameRef } = useChartData(visible);
  const { lang, units } = useViewSettings();
  const m = useMessages(MESSAGES);
  const chart = useMemo(() => inferenceMemoryChart(series.inferenceMemoryVsContext, estimate), [series.inferenceMemoryVsContext, estimate]);
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
  return (
    <ChartFrame frameRef={frameRef} id="inference-memory" title={m.memChartTitle} caption={caption} height={360}>
      <MemoryPlot chart={chart} lang={lang} units={units} />
    </ChartFrame>
  );
});
