import { memo, useMemo } from 'react';
import { Bar, BarChart, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/ui/chart-frame';
import { modelDisplayName } from '../../components/ui/model-name';
import { useSectionVisible } from '../../components/ui/section';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { logTicks, paddedLogDomain } from '../../components/ui/chart-scales';
import { LineLabels, type LineLabel } from '../../components/ui/line-labels';
import { sameRows, useStableValue } from '../../components/ui/use-stable';
import { useChartData } from '../../store/store-context';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { byteUnit, formatBytes, formatNumber, type UnitSystem } from '../../i18n/format';
import { capacityLines, precisionBars, shortAcceleratorName, type CapacityLine, type PrecisionBar } from './memory.data';
import { MESSAGES } from './messages';

const BAR = PALETTE[0];
const LINE = PALETTE[7];

/** Tick text for an axis in GB or GiB: 0.1, 1, 10, 100, 1k, 10k … in that unit. */
function axisTick(lang: Lang) {
  return (value: number) => formatNumber(value, lang, 2);
}
const TICKS: Record<Lang, (value: number) => string> = { en: axisTick('en'), zh: axisTick('zh') };
const TOOLTIPS: Record<Lang, Record<UnitSystem, (value: unknown, name: unknown, item: { payload?: PrecisionBar }) => string>> = {
  en: {
    si: (_value, _name, item) => formatBytes(item.payload?.bytes, 'en', 'si'),
    iec: (_value, _name, item) => formatBytes(item.payload?.bytes, 'en', 'iec'),
  },
  zh: {
    si: (_value, _name, item) => formatBytes(item.payload?.bytes, 'zh', 'si'),
    iec: (_value, _name, item) => formatBytes(item.payload?.bytes, 'zh', 'iec'),
  },
};
const MARGIN = { top: 16, right: 8, bottom: 8, left: 8 };
const TICK_STYLE = { fontSize: 11 };
const HALO = { paintOrder: 'stroke' as const, stroke: 'var(--bg)', strokeWidth: 3, strokeLinejoin: 'round' as const };
const BAR_LABEL_STYLE = { fontSize: 12, fontWeight: 600, fill: HIGHLIGHT, ...HALO };

interface PlotProps {
  bars: PrecisionBar[];
  lines: CapacityLine[];
  lineLabels: LineLabel[];
  domain: [number, number];
  ticks: number[];
  selectedText: string;
  axisLabel: object;
  seriesName: string;
  lang: Lang;
  units: UnitSystem;
}

/** Bars and lines alone: props are memoized by the container, so an unrelated slider skips this. */
const MemoryPrecisionPlot = memo(function MemoryPrecisionPlot(props: PlotProps) {
  const { bars, lines, lineLabels, domain, ticks, selectedText, axisLabel, seriesName, lang, units } = props;
  const renderSelectedLabel = useMemo(
    () =>
      function SelectedLabel(label: { x?: number | string; y?: number | string; width?: number | string; index?: number }) {
        const bar = label.index !== undefined ? bars[label.index] : undefined;
        if (!bar?.selected) return null;
        const x = Number(label.x ?? 0) + Number(label.width ?? 0) / 2;
        const y = Number(label.y ?? 0) - 6;
        return (
          <text x={x} y={y} textAnchor="middle" style={BAR_LABEL_STYLE}>
            {selectedText}
          </text>
        );
      },
    [bars, selectedText],
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={bars} margin={MARGIN} barCategoryGap="14%">
        <XAxis dataKey="tick" tick={TICK_STYLE} interval={0} angle={-40} textAnchor="end" height={64} />
        <YAxis
          type="number"
          scale="log"
          domain={domain}
          ticks={ticks}
          allowDataOverflow
          tickFormatter={TICKS[lang]}
          tick={TICK_STYLE}
          width={62}
          label={axisLabel}
        />
        <Tooltip formatter={TOOLTIPS[lang][units]} isAnimationActive={false} />
        <Bar dataKey="value" name={seriesName} isAnimationActive={false}>
          {bars.map((bar) => (
            <Cell key={bar.id} fill={bar.selected ? HIGHLIGHT : BAR} />
          ))}
          <LabelList dataKey="value" content={renderSelectedLabel} />
        </Bar>
        {lines.map((line) => (
          <ReferenceLine
            key={line.key}
            y={line.value}
            stroke={line.selected ? HIGHLIGHT : LINE}
            strokeWidth={line.selected && !line.node ? 2 : 1}
            strokeDasharray={line.node ? '6 4' : line.selected ? undefined : '3 3'}
            ifOverflow="hidden"
          />
        ))}
        <LineLabels labels={lineLabels} />
      </BarChart>
    </ResponsiveContainer>
  );
});

export const MemoryPrecisionChart = memo(function MemoryPrecisionChart() {
  const visible = useSectionVisible();
  const { series, estimate, frameRef } = useChartData(visible);
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const unit = byteUnit(units);
  const memory = series.memoryByPrecision;
  // Rebuilt with every estimate; keep the previous rows while their values are the same.
  const rows = useStableValue(memory.rows, sameRows);
  const bars = useMemo(() => precisionBars(rows, unit.divisor), [rows, unit.divisor]);
  const hardware = estimate.hardware;
  const hardwareName = hardware.accelerator ? shortAcceleratorName(hardware.name) : m.customGpu;
  const lines = useMemo(
    () =>
      capacityLines(
        memory.capacities,
        { id: hardware.id, name: hardwareName, memoryBytes: hardware.memoryBytes },
        unit.divisor,
        (name) => fill(m.lineNode, { name }),
      ),
    [memory.capacities, hardware.id, hardwareName, hardware.memoryBytes, unit.divisor, m],
  );
  const domain = useMemo(
    () => paddedLogDomain([...bars.map((bar) => bar.value), ...lines.map((line) => line.value)], 0.12, [0.1, 1000]),
    [bars, lines],
  );
  const ticks = useMemo(() => logTicks(domain), [domain]);
  const selectedText = useMemo(() => {
    const selected = bars.find((bar) => bar.selected);
    return selected ? formatBytes(selected.bytes, lang, units) : '';
  }, [bars, lang, units]);
  const axisLabel = useMemo(
    () => ({ value: fill(m.axisBytes, { unit: unit.label }), angle: -90, position: 'insideLeft' as const, style: { textAnchor: 'middle' as const }, fontSize: 12 }),
    [m, unit.label],
  );
  const lineLabels = useMemo(
    () =>
      lines.map(
        (line): LineLabel => ({
          key: line.key,
          y: line.value,
          text: `${line.name} · ${formatBytes(line.memoryBytes, lang, units)}`,
          color: line.selected ? HIGHLIGHT : 'var(--fg-soft)',
          bold: line.selected && !line.node,
        }),
      ),
    [lines, lang, units],
  );
  return (
    <ChartFrame frameRef={frameRef} id="memory-precision" title={m.chartTitle} caption={fill(m.chartCaption, { model: modelDisplayName(estimate.model, lang) })} height={380}>
      <MemoryPrecisionPlot
        bars={bars}
        lines={lines}
        lineLabels={lineLabels}
        domain={domain}
        ticks={ticks}
        selectedText={selectedText}
        axisLabel={axisLabel}
        seriesName={unit.label}
        lang={lang}
        units={units}
      />
    </ChartFrame>
  );
});
