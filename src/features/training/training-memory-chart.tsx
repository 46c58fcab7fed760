import { memo, useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Props as LabelProps } from 'recharts/types/component/Label';
import { ChartFrame } from '../../components/ui/chart-frame';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { byteAxisUnit, linearTicks, perLang, perView, viewKey } from '../../components/ui/chart-helpers';
import { useChartData } from '../../store/store-context';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, formatNumber, type UnitSystem } from '../../i18n/format';
import { MESSAGES } from './messages';
import { gpuLabel, modelLabel } from '../../components/ui/labels';
import { strategyChart, type StrategyBar, type StrategyChart } from './training.data';

type Messages = (typeof MESSAGES)['en'];

const COLORS = {
  weights: PALETTE[0],
  gradients: PALETTE[4],
  optimizer: PALETTE[2],
  activations: PALETTE[3],
} as const;
const STACK_KEYS = ['weights', 'gradients', 'optimizer', 'activations'] as const;
const MEMORY_LINE = '#999999';
const MARGIN = { top: 22, right: 12, bottom: 4, left: 4 };
const LEGEND_STYLE = { fontSize: 12 };

function recomputeShort(m: Messages, mode: StrategyBar['recompute']): string {
  return mode === 'none' ? m.recomputeShort_none : mode === 'selective' ? m.recomputeShort_selective : m.recomputeShort_full;
}

function recomputeLong(m: Messages, mode: StrategyBar['recompute']): string {
  return mode === 'none' ? m.recompute_none : mode === 'selective' ? m.recompute_selective : m.recompute_full;
}

/** Two-line category tick: "ZeRO 1" over the recomputation mode. */
function makeTick(lang: Lang) {
  const m = MESSAGES[lang];
  return function StrategyTick(props: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
    const key = String(props.payload?.value ?? '');
    const match = /^z(\d)-(none|selective|full)$/.exec(key);
    if (!match) return <g />;
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    return (
      <g transform={`translate(${x},${y})`}>
        <text textAnchor="middle" fontSize={10} className="recharts-cartesian-axis-tick-value">
          <tspan x={0} dy="0.9em">
            {`Z${match[1]}`}
          </tspan>
          <tspan x={0} dy="1.2em">
            {recomputeShort(m, match[2] as StrategyBar['recompute'])}
          </tspan>
        </text>
      </g>
    );
  };
}
const TICKS = perLang(makeTick);

const BYTES = perView((lang, units) => (value: number) => formatBytes(value, lang, units));
const BYTES_ITEM = perView((lang, units) => (value: unknown, name: unknown) => [formatBytes(Number(value), lang, units), String(name)] as [string, string]);


/** Above the top of each bar: "current" for the current one, "↑ total" for a cut one. */
function TopLabel(props: LabelProps) {
  const box = props.viewBox as { x?: number; y?: number; width?: number } | undefined;
  const text = typeof props.value === 'string' ? props.value : '';
  if (!text || !box) return null;
  const x = (box.x ?? 0) + (box.width ?? 0) / 2;
  const y = Math.max(MARGIN.top - 6, (box.y ?? 0) - 6);
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={10} fill={HIGHLIGHT}>
      {text}
    </text>
  );
}

interface PlotProps {
  chart: StrategyChart;
  lang: Lang;
  units: UnitSystem;
  gpuMemoryLabel: string;
}

const StrategyPlot = memo(function StrategyPlot({ chart, lang, units, gpuMemoryLabel }: PlotProps) {
  const m = MESSAGES[lang];
  const key = viewKey(lang, units);
  const bytes = BYTES[key];
  const currentText = m.current;
  const data = useMemo(
    () =>
      chart.bars.map((bar) => ({
        ...bar,
        label: bar.overflow ? `↑ ${bytes(bar.total)}` : bar.current ? `▼ ${currentText}` : '',
      })),
    [chart, bytes, currentText],
  );
  const labelFormatter = useMemo(() => {
    const msg = MESSAGES[lang];
    return (label: unknown) => {
      const bar = chart.bars.find((b) => b.key === label);
      if (!bar) return String(label);
      return fill(msg.memTooltipTotal, {
        zero: bar.zeroStage,
        recompute: recomputeLong(msg, bar.recompute),
        total: bytes(bar.total),
        fit: bar.fits ? msg.memFits : msg.memNoFit,
      });
    };
  }, [chart, bytes, lang]);
  const memoryLabel = useMemo(
    () => ({ value: gpuMemoryLabel, position: 'insideTopRight' as const, fontSize: 11, fill: MEMORY_LINE }),
    [gpuMemoryLabel],
  );
  const domain = useMemo(() => [0, chart.yMax] as [number, number], [chart.yMax]);
  const axisUnit = byteAxisUnit(units, chart.yMax);
  const { divisor, label: unitLabel } = axisUnit;
  const yTicks = useMemo(() => linearTicks(chart.yMax, divisor, 5), [chart.yMax, divisor]);
  const yTick = useMemo(() => (value: number) => formatNumber(value / divisor, lang, 3), [divisor, lang]);
  const yLabel = useMemo(
    () => ({
      value: fill(MESSAGES[lang].memAxis, { unit: unitLabel }),
      angle: -90,
      position: 'insideLeft' as const,
      style: { textAnchor: 'middle' as const, fontSize: 12 },
    }),
    [lang, unitLabel],
  );
  const names = { weights: m.memWeights, gradients: m.memGradients, optimizer: m.memOptimizer, activations: m.memActivations };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={MARGIN} barCategoryGap="18%">
        <CartesianGrid strokeDasharray="3 3" vertical={false} strokeOpacity={0.4} />
        {chart.currentKey ? (
          <ReferenceArea x1={chart.currentKey} x2={chart.currentKey} fill={HIGHLIGHT} fillOpacity={0.1} ifOverflow="hidden" />
        ) : null}
        <XAxis dataKey="key" tick={TICKS[lang]} interval={0} height={36} tickLine={false} />
        <YAxis domain={domain} ticks={yTicks} allowDataOverflow tickFormatter={yTick} width={56} label={yLabel} />
        <Tooltip formatter={BYTES_ITEM[key]} labelFormatter={labelFormatter} isAnimationActive={false} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} />
        {STACK_KEYS.map((stackKey, index) => (
          <Bar key={stackKey} dataKey={stackKey} name={names[stackKey]} stackId="memory" fill={COLORS[stackKey]} isAnimationActive={false}>
            {data.map((bar) => (
              <Cell
                key={bar.key}
                fillOpacity={bar.fits ? 1 : 0.4}
                stroke={bar.current ? HIGHLIGHT : undefined}
                strokeWidth={bar.current ? 2 : 0}
              />
            ))}
            {index === STACK_KEYS.length - 1 ? <LabelList dataKey="label" content={TopLabel} /> : null}
          </Bar>
        ))}
        <ReferenceLine y={chart.memoryBytesPerGpu} stroke={MEMORY_LINE} strokeDasharray="6 3" strokeWidth={2} label={memoryLabel} />
      </BarChart>
    </ResponsiveContainer>
  );
});

/** `training-memory`: stacked memory per GPU for ZeRO 0–3 × recomputation, the card's memory as a line. */
export const TrainingMemoryChart = memo(function TrainingMemoryChart({ visible = true }: { visible?: boolean }) {
  const { scenario, estimate, series, frameRef } = useChartData(visible);
  const { lang, units } = useViewSettings();
  const m = useMessages(MESSAGES);
  const chart = useMemo(() => strategyChart(series.trainingMemoryByStrategy), [series.trainingMemoryByStrategy]);
  const t = estimate.training;
  const gpu = gpuLabel(estimate, lang);
  const memory = formatBytes(estimate.hardware.memoryBytes, lang, units);
  const caption = fill(m.memChartCaption, {
    model: modelLabel(estimate, lang),
    tp: t.tensorParallel,
    pp: t.pipelineParallel,
    dp: formatNumber(t.dataParallel, lang, 7),
    mb: scenario.microBatch,
    seq: formatNumber(scenario.seqLen, lang, 7),
    precision: t.precision.toUpperCase(),
    gpu,
    memory,
  });
  return (
    <ChartFrame frameRef={frameRef} id="training-memory" title={m.memChartTitle} caption={caption} height={340}>
      <StrategyPlot chart={chart} lang={lang} units={units} gpuMemoryLabel={`${m.memGpuLine} ${memory}`} />
    </ChartFrame>
  );
});
