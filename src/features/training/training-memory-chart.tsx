import { memo, useMemo } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { RefLine, SvgPlot, bandAxis, type LegendItem, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { byteAxis, perView, viewKey } from '../../components/ui/chart-helpers';
import { estimateTextWidth, stackColumnLabels } from '../../components/ui/label-placement';
import { useChartView } from '../../view/use-chart-view';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, formatNumber, type UnitSystem } from '../../i18n/format';
import { MESSAGES } from './messages';
import { gpuLabel, gpuMemoryText, modelLabel } from '../../view/labels';
import { strategyData, type StrategyBar, type StrategyChart } from './training.data';

type Messages = (typeof MESSAGES)['en'];

const COLORS = {
  weights: PALETTE[0],
  gradients: PALETTE[4],
  optimizer: PALETTE[2],
  activations: PALETTE[3],
} as const;
const STACK_KEYS = ['weights', 'gradients', 'optimizer', 'activations'] as const;
const MEMORY_LINE = '#999999';

function recomputeShort(m: Messages, mode: StrategyBar['recompute']): string {
  return mode === 'none' ? m.recomputeShort_none : mode === 'selective' ? m.recomputeShort_selective : m.recomputeShort_full;
}

function recomputeLong(m: Messages, mode: StrategyBar['recompute']): string {
  return mode === 'none' ? m.recompute_none : mode === 'selective' ? m.recompute_selective : m.recompute_full;
}

const BYTES = perView((lang, units) => (value: number) => formatBytes(value, lang, units));
/** Share of each category's band left empty around its bar. */
const BAR_GAP = 0.18;
/** Height of one row of labels above the bars, px (font 10). */
const LABEL_ROW = 12;

interface PlotProps {
  chart: StrategyChart;
  lang: Lang;
  units: UnitSystem;
  gpuMemoryLabel: string;
  title: string;
}

const StrategyPlot = memo(function StrategyPlot({ chart, lang, units, gpuMemoryLabel, title }: PlotProps) {
  const m = MESSAGES[lang];
  const bytes = BYTES[viewKey(lang, units)];
  const xAxis = useMemo((): PlotAxis => {
    const axis = bandAxis(chart.bars.map((bar) => bar.key));
    // Two lines per category: "Z1" over the recomputation mode.
    axis.renderTick = (value: number) => {
      const bar = chart.bars[Math.floor(value)];
      if (!bar) return null;
      return (
        <text y={8} textAnchor="middle" fontSize={10}>
          <tspan x={0} dy="0.9em">{`Z${bar.zeroStage}`}</tspan>
          <tspan x={0} dy="1.2em">
            {recomputeShort(m, bar.recompute)}
          </tspan>
        </text>
      );
    };
    return axis;
  }, [chart.bars, m]);
  const yAxis = useMemo(() => byteAxis(chart.yMax, units, lang, m.memAxis), [chart.yMax, units, lang, m]);
  const names = { weights: m.memWeights, gradients: m.memGradients, optimizer: m.memOptimizer, activations: m.memActivations };
  const legend: LegendItem[] = STACK_KEYS.map((key) => ({ key, name: names[key], color: COLORS[key], shape: 'line' }));
  const marks = (area: PlotArea) => {
    const bottom = area.top + area.height;
    return (
      <>
        {chart.bars.map((bar, index) => {
          const x0 = area.x(index + BAR_GAP / 2);
          const width = area.x(index + 1 - BAR_GAP / 2) - x0;
          let base = 0;
          return (
            <g key={bar.key}>
              {bar.current ? <rect x={area.x(index)} y={area.top} width={area.x(index + 1) - area.x(index)} height={area.height} fill={HIGHLIGHT} fillOpacity={0.1} /> : null}
              {STACK_KEYS.map((key) => {
                const low = base;
                base += bar[key];
                const yTop = area.y(base);
                const yLow = area.y(low);
                return (
                  <rect
                    key={key}
                    className="chart-mark"
                    x={x0}
                    y={Math.min(yTop, bottom)}
                    width={width}
                    height={Math.max(0, yLow - yTop)}
                    fill={COLORS[key]}
                    fillOpacity={bar.fits ? 1 : 0.4}
                  />
                );
              })}
              {bar.current ? (
                <rect x={x0} y={Math.max(area.top, area.y(bar.total))} width={width} height={Math.max(0, bottom - Math.max(area.top, area.y(bar.total)))} fill="none" stroke={HIGHLIGHT} strokeWidth={2} />
              ) : null}
            </g>
          );
        })}
        <RefLine area={area} y={chart.memoryBytesPerGpu} color={MEMORY_LINE} dash="6 3" width={2} label={gpuMemoryLabel} labelAt="end-above" />
      </>
    );
  };
  // Above each bar: "▼ current" on the current one, "↑ total" on a bar cut at the top.
  const labels = chart.bars.map((bar) => (bar.overflow ? `↑ ${bytes(bar.total)}` : bar.current ? `▼ ${m.current}` : ''));
  const overlay = (area: PlotArea) => {
    // Labels too wide for their column (a narrow chart, a long total) go up a row, never overlap.
    const centers = chart.bars.map((_, index) => area.x(index + 0.5));
    const rows = stackColumnLabels(centers, labels.map((text) => (text ? estimateTextWidth(text, 10) : 0)));
    return chart.bars.map((bar, index) => {
      const text = labels[index];
      if (!text) return null;
      const y = Math.max(area.top - 6, area.y(Math.min(bar.total, chart.yMax)) - 6) - (rows[index] ?? 0) * LABEL_ROW;
      return (
        <text key={bar.key} className="svg-halo" x={centers[index]} y={y} textAnchor="middle" fontSize={10} fill={HIGHLIGHT}>
          {text}
        </text>
      );
    });
  };
  const tooltip = (value: number) => {
    const bar = chart.bars[Math.floor(value)];
    if (!bar) return null;
    return (
      <>
        <div>
          {fill(m.memTooltipTotal, {
            zero: bar.zeroStage,
            recompute: recomputeLong(m, bar.recompute),
            total: bytes(bar.total),
            fit: bar.fits ? m.memFits : m.memNoFit,
          })}
        </div>
        {[...STACK_KEYS].reverse().map((key) => (
          <div key={key} style={{ color: COLORS[key] }}>{`${names[key]}: ${bytes(bar[key])}`}</div>
        ))}
      </>
    );
  };
  return (
    <SvgPlot
      x={xAxis}
      y={yAxis}
      yAxisWidth={40}
      legend={legend}
      legendBelow
      label={title}
      marks={marks}
      overlay={overlay}
      tooltip={tooltip}
      xAxisHeight={40}
      top={22 + LABEL_ROW * Math.min(2, Math.max(0, labels.filter(Boolean).length - 1))}
    />
  );
});

/** `training-memory`: stacked memory per GPU for ZeRO 0–3 × recomputation, the card's memory as a line. */
export const TrainingMemoryChart = memo(function TrainingMemoryChart() {
  const { scenario, estimate, derive } = useChartView();
  const { lang, units } = useViewSettings();
  const m = useMessages(MESSAGES);
  const chart = derive(strategyData);
  const t = estimate.training;
  const gpu = gpuLabel(estimate, lang);
  const memory = gpuMemoryText(estimate, lang, units);
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
  const bytes = BYTES[viewKey(lang, units)];
  const totals = chart.bars.map((bar) => bar.total);
  const summary = fill(m.memChartSummary, {
    model: modelLabel(estimate, lang),
    min: bytes(totals.length > 0 ? Math.min(...totals) : 0),
    max: bytes(Math.max(0, ...totals)),
    fitting: chart.bars.filter((bar) => bar.fits).length,
    count: chart.bars.length,
    memory,
  });
  const table = () => ({
    columns: [m.tableColStrategy, m.memWeights, m.memGradients, m.memOptimizer, m.memActivations, m.tableColTotal, fill(m.tableColFit, { memory })],
    rows: chart.bars.map((bar) => [
      `ZeRO-${bar.zeroStage} · ${recomputeLong(m, bar.recompute)}${bar.current ? ` (${m.current})` : ''}`,
      ...STACK_KEYS.map((key) => bytes(bar[key])),
      bytes(bar.total),
      bar.fits ? m.memFits : m.memNoFit,
    ]),
  });
  return (
    <ChartFrame id="training-memory" title={m.memChartTitle} summary={summary} table={table} caption={caption} height={340}>
      <StrategyPlot chart={chart} lang={lang} units={units} gpuMemoryLabel={`${m.memGpuLine} ${formatBytes(chart.memoryBytesPerGpu, lang, units)}`} title={m.memChartTitle} />
    </ChartFrame>
  );
});
