import { memo, useMemo } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { RefLine, SvgPlot, bandAxis, type LegendItem, type PlotArea } from '../../components/ui/svg-plot';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { byteAxis } from '../../components/ui/chart-helpers';
import { useChartView } from '../../view/use-chart-view';
import { gpuLabel, modelLabel } from '../../view/labels';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill } from '../../i18n/i18n';
import { formatBytes, formatNumber } from '../../i18n/format';
import type { FineTuningMethod } from '../../core';
import { MESSAGES, type FineTuningMessages } from './messages';
import { fineTuningSectionData } from './fine-tuning.view';
import type { MemoryBar } from './fine-tuning.data';

const PARTS = ['weights', 'trainable', 'activations', 'workspace', 'paged'] as const;
const COLORS: Readonly<Record<(typeof PARTS)[number], string>> = {
  weights: PALETTE[0] as string,
  trainable: PALETTE[2] as string,
  activations: PALETTE[3] as string,
  workspace: PALETTE[4] as string,
  paged: PALETTE[7] as string,
};
const GAP = 0.3;

export function methodName(method: FineTuningMethod, m: FineTuningMessages): string {
  return method === 'full' ? m.methodFull : method === 'lora' ? m.methodLora : m.methodQlora;
}

/** `fine-tuning-memory`: memory per GPU of each method, stacked by part, the GPU's memory as a line. */
export const FineTuningMemoryChart = memo(function FineTuningMemoryChart() {
  const { scenario, estimate, derive } = useChartView();
  const { lang, units } = useViewSettings();
  const m = useMessages(MESSAGES);
  const data = derive(fineTuningSectionData);
  const names: Record<(typeof PARTS)[number], string> = {
    weights: m.partWeights,
    trainable: m.partTrainable,
    activations: m.partActivations,
    workspace: m.partWorkspace,
    paged: m.partPaged,
  };
  const x = useMemo(() => bandAxis(data.bars.map((item) => methodName(item.method, m))), [data.bars, m]);
  const y = useMemo(() => byteAxis(data.yMax, units, lang, m.axisMemory), [data.yMax, units, lang, m]);
  const memory = formatBytes(data.capacity, lang, units);
  const legend: LegendItem[] = PARTS.map((key) => ({ key, name: names[key], color: COLORS[key], shape: 'line' }));
  const marks = (area: PlotArea) => (
    <>
      {data.bars.map((item: MemoryBar, index) => {
        const x0 = area.x(index + GAP / 2);
        const width = area.x(index + 1 - GAP / 2) - x0;
        const current = item.method === scenario.ftMethod;
        let base = 0;
        return (
          <g key={item.method}>
            {current ? <rect x={area.x(index)} y={area.top} width={area.x(index + 1) - area.x(index)} height={area.height} fill={HIGHLIGHT} fillOpacity={0.08} /> : null}
            {PARTS.map((key) => {
              const low = base;
              base += item[key];
              const top = Math.max(area.top, area.y(Math.min(base, data.yMax)));
              const bottom = area.y(Math.min(low, data.yMax));
              return <rect key={key} className="chart-mark" x={x0} y={top} width={width} height={Math.max(0, bottom - top)} fill={COLORS[key]} fillOpacity={key === 'paged' ? 0.35 : 1} />;
            })}
          </g>
        );
      })}
      <RefLine area={area} y={data.capacity} color="#777777" dash="6 3" width={2} label={`${m.gpuLine} ${memory}`} labelAt="end-above" />
    </>
  );
  const overlay = (area: PlotArea) =>
    data.bars.map((item, index) => (
      <text key={item.method} className="svg-halo" x={area.x(index + 0.5)} y={Math.max(area.top - 6, area.y(Math.min(item.total, data.yMax)) - 6)} textAnchor="middle" fontSize={11} fill={item.fitsOneGpu ? '#1a7f37' : '#b42318'}>
        {`${item.total > data.yMax ? '↑ ' : ''}${formatBytes(item.total, lang, units)} · ${item.fitsOneGpu ? m.fits : m.doesNotFit}`}
      </text>
    ));
  const tooltip = (value: number) => {
    const item = data.bars[Math.floor(value)];
    if (!item) return null;
    return (
      <>
        <div>{fill(m.tooltipTotal, { method: methodName(item.method, m), total: formatBytes(item.total, lang, units), fit: item.fitsOneGpu ? m.fits : m.doesNotFit })}</div>
        {[...PARTS].reverse().map((key) => (item[key] > 0 ? <div key={key} style={{ color: COLORS[key] }}>{`${names[key]}: ${formatBytes(item[key], lang, units)}`}</div> : null))}
      </>
    );
  };
  const caption = fill(m.chartCaption, {
    gpu: gpuLabel(estimate, lang),
    model: modelLabel(estimate, lang),
    seq: formatNumber(scenario.ftSeqLen, lang, 7),
    batch: scenario.ftMicroBatch,
    rank: scenario.loraRank,
    memory,
  });
  const totalOf = (method: string) => formatBytes(data.bars.find((item) => item.method === method)?.total ?? 0, lang, units);
  const fitting = data.bars.filter((item) => item.fitsOneGpu).map((item) => methodName(item.method, m));
  const summary = fill(m.chartSummary, {
    gpu: gpuLabel(estimate, lang),
    model: modelLabel(estimate, lang),
    full: totalOf('full'),
    lora: totalOf('lora'),
    qlora: totalOf('qlora'),
    fits: fitting.length === 0 ? fill(m.chartSummaryFitsNone, { memory }) : fill(m.chartSummaryFitsSome, { memory, methods: fitting.join(lang === 'zh' ? '、' : ', ') }),
  });
  const table = () => ({
    columns: [m.tableColMethod, ...PARTS.map((key) => names[key]), m.tableColTotal, m.tableColFits],
    rows: data.bars.map((item) => [
      methodName(item.method, m),
      ...PARTS.map((key) => formatBytes(item[key], lang, units)),
      formatBytes(item.total, lang, units),
      item.fitsOneGpu ? m.tableYes : m.tableNo,
    ]),
  });
  return (
    <ChartFrame id="fine-tuning-memory" title={m.chartTitle} summary={summary} table={table} caption={caption} height={340}>
      <SvgPlot x={x} y={y} yAxisWidth={40} legend={legend} legendBelow label={m.chartTitle} marks={marks} overlay={overlay} tooltip={tooltip} xAxisHeight={30} top={22} />
    </ChartFrame>
  );
});
