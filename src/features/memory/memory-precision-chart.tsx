import { memo, useMemo } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { NUMBER_TICK } from '../../components/ui/chart-helpers';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { logTicks, paddedLogDomain } from '../../components/ui/chart-scales';
import { placeLineLabels, type LineLabel } from '../../components/ui/label-placement';
import { BandBar, RefLine, SvgPlot, bandAxis, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { modelDisplayName } from '../../view/model-name';
import { useChartView } from '../../view/use-chart-view';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { byteUnit, formatBytes, type UnitSystem } from '../../i18n/format';
import { capacityLines, precisionBars, shortAcceleratorName, type CapacityLine, type PrecisionBar } from './memory.data';
import { MESSAGES } from './messages';
import { CHART_SERIES } from '../../store/chart-series';

const BAR = PALETTE[0];
const LINE = PALETTE[7];

/** Share of each category's band left empty around its bar. */
const BAR_GAP = 0.14;

interface PlotProps {
  bars: PrecisionBar[];
  lines: CapacityLine[];
  lineLabels: LineLabel[];
  domain: [number, number];
  ticks: number[];
  selectedText: string;
  axisLabel: string;
  title: string;
  lang: Lang;
  units: UnitSystem;
}

/** Bars and lines alone: props are memoized by the container, so an unrelated slider skips this. */
const MemoryPrecisionPlot = memo(function MemoryPrecisionPlot(props: PlotProps) {
  const { bars, lines, lineLabels, domain, ticks, selectedText, axisLabel, title, lang, units } = props;
  // Slanted labels, ending at the tick, so long names never collide.
  const xAxis = useMemo(() => bandAxis(bars.map((bar) => bar.tick), '', 40), [bars]);
  const yAxis = useMemo((): PlotAxis => ({ kind: 'log', domain, ticks, format: NUMBER_TICK[2][lang], label: axisLabel }), [domain, ticks, lang, axisLabel]);
  const marks = (area: PlotArea) => {
    return (
      <>
        {bars.map((bar, index) => (
          <BandBar key={bar.id} area={area} index={index} value={bar.value} gap={BAR_GAP} color={bar.selected ? HIGHLIGHT : BAR} />
        ))}
        {lines.map((line) => (
          <RefLine
            key={line.key}
            area={area}
            y={line.value}
            color={line.selected ? HIGHLIGHT : LINE}
            width={line.selected && !line.node ? 2 : 1}
            dash={line.node ? '6 4' : line.selected ? undefined : '3 3'}
          />
        ))}
      </>
    );
  };
  const overlay = (area: PlotArea) => {
    const right = area.left + area.width - 4;
    const selectedIndex = bars.findIndex((bar) => bar.selected);
    const selected = bars[selectedIndex];
    return (
      <>
        {placeLineLabels(lineLabels, area.y, area.top, area.height).map(({ label, textY }) => (
          <text key={label.key} className="svg-halo" x={right} y={textY} textAnchor="end" fontSize={11} fontWeight={label.bold ? 600 : 400} fill={label.color}>
            {label.text}
          </text>
        ))}
        {selected ? (
          <text
            className="svg-halo"
            x={area.x(selectedIndex + 0.5)}
            y={Math.max(area.top + 12, area.y(selected.value) - 6)}
            textAnchor="middle"
            fontSize={12}
            fontWeight={600}
            fill={HIGHLIGHT}
          >
            {selectedText}
          </text>
        ) : null}
      </>
    );
  };
  const tooltip = (value: number) => {
    const bar = bars[Math.floor(value)];
    if (!bar) return null;
    return (
      <>
        <div>{bar.tick}</div>
        <div>{formatBytes(bar.bytes, lang, units)}</div>
      </>
    );
  };
  return <SvgPlot x={xAxis} y={yAxis} yAxisWidth={44} label={title} marks={marks} overlay={overlay} tooltip={tooltip} xAxisHeight={70} top={16} />;
});

export const MemoryPrecisionChart = memo(function MemoryPrecisionChart() {
  const { scenario, estimate, select } = useChartView();
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const unit = byteUnit(units);
  // The same rows (and capacities) object while their values are the same: see the store's selectors.
  const memory = select.derived(CHART_SERIES.memoryByPrecision, scenario);
  const rows = memory.rows;
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
  const axisLabel = fill(m.axisBytes, { unit: unit.label });
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
  const model = modelDisplayName(estimate.model, lang);
  // Bars run from the widest precision to the narrowest: the summary names both ends.
  const widest = bars.reduce<PrecisionBar | undefined>((best, bar) => (best === undefined || bar.bytes > best.bytes ? bar : best), undefined);
  const narrowest = bars.reduce<PrecisionBar | undefined>((best, bar) => (best === undefined || bar.bytes < best.bytes ? bar : best), undefined);
  const summary = fill(m.chartSummary, {
    model,
    high: formatBytes(widest?.bytes ?? 0, lang, units),
    highPrecision: widest?.label ?? '—',
    low: formatBytes(narrowest?.bytes ?? 0, lang, units),
    lowPrecision: narrowest?.label ?? '—',
    gpu: hardwareName,
    memory: formatBytes(hardware.memoryBytes, lang, units),
  });
  const table = () => ({
    columns: [m.tableColPrecision, m.tableColWeights, fill(m.tableColFits, { gpu: hardwareName })],
    rows: bars.map((bar) => [bar.tick, formatBytes(bar.bytes, lang, units), bar.bytes <= hardware.memoryBytes ? m.tableYes : m.tableNo]),
  });
  return (
    <ChartFrame id="memory-precision" title={m.chartTitle} summary={summary} table={table} caption={fill(m.chartCaption, { model })} height={380}>
      <MemoryPrecisionPlot
        bars={bars}
        lines={lines}
        lineLabels={lineLabels}
        domain={domain}
        ticks={ticks}
        selectedText={selectedText}
        axisLabel={axisLabel}
        title={m.chartTitle}
        lang={lang}
        units={units}
      />
    </ChartFrame>
  );
});
