import { memo, useMemo } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { Curve, RefLine, SvgPlot, type LegendItem, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { formatCompactCount, formatDecade, perLang } from '../../components/ui/chart-helpers';
import { useChartView } from '../../view/use-chart-view';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber, formatPercent } from '../../i18n/format';
import { MESSAGES } from './messages';
import { gpuLabel } from '../../view/labels';
import { throughputData, type ThroughputChart } from './inference.data';
import { inDomain, logTicks, nearestBy } from '../../components/ui/chart-scales';

const PER_SEQUENCE = PALETTE[0];
const AGGREGATE = PALETTE[2];
const SHADE = '#999999';
const BATCH_TICKS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

const BATCH_TICK = (value: number) => String(value);
const RATE_TICK = perLang((lang) => (value: number) => (value >= 0.01 ? formatCompactCount(value, lang) : formatDecade(value)));

const SERIES = [
  { key: 'aggregate', color: AGGREGATE, over: false },
  { key: 'perSequence', color: PER_SEQUENCE, over: false },
  { key: 'aggregateOver', color: AGGREGATE, over: true },
  { key: 'perSequenceOver', color: PER_SEQUENCE, over: true },
] as const;

const ThroughputPlot = memo(function ThroughputPlot({ chart, lang, title }: { chart: ThroughputChart; lang: Lang; title: string }) {
  const m = MESSAGES[lang];
  const { xDomain } = chart;
  const { yDomain } = chart;
  const xAxis = useMemo((): PlotAxis => ({ kind: 'log', domain: xDomain, ticks: BATCH_TICKS, format: BATCH_TICK, label: m.axisBatch }), [xDomain, m]);
  const yAxis = useMemo(
    (): PlotAxis => ({ kind: 'log', domain: yDomain, ticks: logTicks(yDomain, 7), format: RATE_TICK[lang], label: m.axisTokens }),
    [yDomain, lang, m],
  );
  const legend = useMemo(
    (): LegendItem[] => [
      { key: 'aggregate', name: m.thrAggregate, color: AGGREGATE, shape: 'line' },
      { key: 'perSequence', name: m.thrPerSequence, color: PER_SEQUENCE, shape: 'line' },
    ],
    [m],
  );
  const showFull = chart.lastFitting !== null && chart.lastFitting < xDomain[1];
  const rate = (value: number) => fill(m.tokensPerSecond, { value: formatNumber(value, lang, 3) });
  const marks = (area: PlotArea) => {
    const shadeFrom = chart.computeBoundFrom === null ? Number.NaN : area.x(chart.computeBoundFrom);
    const right = area.left + area.width;
    return (
      <>
        {Number.isFinite(shadeFrom) && shadeFrom < right ? (
          <g>
            <rect x={shadeFrom} y={area.top} width={right - shadeFrom} height={area.height} fill={SHADE} fillOpacity={0.15} />
            <text className="svg-halo" x={right - 5} y={area.top + 14} textAnchor="end" fontSize={11} fill={SHADE}>
              {m.computeBound}
            </text>
          </g>
        ) : null}
        {SERIES.map((line) => (
          <Curve
            key={line.key}
            area={area}
            points={chart.rows.map((row) => [row.batch, row[line.key]] as const)}
            color={line.color}
            width={line.over ? 1.5 : 2}
            dash={line.over ? '5 4' : undefined}
          />
        ))}
        {showFull && chart.lastFitting !== null ? (
          <RefLine area={area} x={chart.lastFitting} color={SHADE} dash="2 4" label={m.memoryFull} labelAt="bottom" />
        ) : null}
        <RefLine area={area} x={chart.current.batch} color={HIGHLIGHT} opacity={0.6} label={m.current} labelAt={chart.current.batch > 300 ? 'top-left' : 'top'} />
        {[chart.current.aggregate, chart.current.perSequence].map((value, index) => {
          const cy = area.y(value);
          return Number.isFinite(cy) && inDomain(value, yDomain) ? (
            <circle key={index} cx={area.x(chart.current.batch)} cy={cy} r={6} fill={HIGHLIGHT} stroke="#fff" strokeWidth={1.5} />
          ) : null;
        })}
      </>
    );
  };
  const tooltip = (batch: number) => {
    const row = nearestBy(chart.rows, (r) => r.batch, batch, 'log');
    if (!row) return null;
    const aggregate = row.aggregate ?? row.aggregateOver;
    const perSequence = row.perSequence ?? row.perSequenceOver;
    const over = row.aggregate === null ? ` ${m.thrOverSuffix}` : '';
    return (
      <>
        <div>{lang === 'zh' ? `批大小 ${row.batch}` : `batch ${row.batch}`}</div>
        {aggregate !== null ? <div style={{ color: AGGREGATE }}>{`${m.thrAggregate}${over}: ${rate(aggregate)}`}</div> : null}
        {perSequence !== null ? <div style={{ color: PER_SEQUENCE }}>{`${m.thrPerSequence}${over}: ${rate(perSequence)}`}</div> : null}
      </>
    );
  };
  return <SvgPlot x={xAxis} y={yAxis} yAxisWidth={40} legend={legend} label={title} marks={marks} tooltip={tooltip} />;
});

/** `inference-throughput`: decode tokens/s per sequence and aggregate vs batch, memory- vs compute-bound. */
export const InferenceThroughputChart = memo(function InferenceThroughputChart() {
  const { scenario, estimate, derive } = useChartView();
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const chart = derive(throughputData);
  const inf = estimate.inference;
  const caption = (
    <>
      {fill(m.thrChartCaption, {
        avg: formatCount(inf.averageContextTokens, lang),
        gpus: chart.gpus,
        gpu: gpuLabel(estimate, lang),
        efficiency: formatPercent(inf.bandwidthEfficiency, lang),
        mfu: formatPercent(scenario.mfu, lang),
        batch: formatNumber(inf.batch, lang, 7),
      })}
      {chart.current.clamped ? <> {fill(m.clampedBatch, { batch: formatNumber(inf.batch, lang, 7) })}</> : null}
    </>
  );
  const rate = (value: number | null) => (value === null ? '—' : fill(m.tokensPerSecond, { value: formatNumber(value, lang, 3) }));
  const summary = fill(m.thrChartSummary, {
    batch: formatNumber(chart.current.batch, lang, 7),
    perSequence: rate(chart.current.perSequence),
    aggregate: rate(chart.current.aggregate),
  });
  const table = () => ({
    columns: [m.tableColBatch, m.thrAggregate, m.thrPerSequence],
    rows: chart.rows.map((row) => {
      const over = row.aggregate === null && row.aggregateOver !== null ? ` ${m.thrOverSuffix}` : '';
      return [String(row.batch), `${rate(row.aggregate ?? row.aggregateOver)}${over}`, `${rate(row.perSequence ?? row.perSequenceOver)}${over}`];
    }),
  });
  return (
    <ChartFrame id="inference-throughput" title={m.thrChartTitle} summary={summary} table={table} caption={caption} height={360}>
      <ThroughputPlot chart={chart} lang={lang} title={m.thrChartTitle} />
    </ChartFrame>
  );
});
