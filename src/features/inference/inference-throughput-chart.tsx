import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/ui/chart-frame';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { decadeTicks, formatCompactCount, formatDecade, perLang } from '../../components/ui/chart-helpers';
import { useChartData } from '../../store/store-context';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber, formatPercent } from '../../i18n/format';
import { MESSAGES } from './messages';
import { gpuLabel } from '../../components/ui/labels';
import { throughputChart, type ThroughputChart } from './inference.data';

const MARGIN = { top: 16, right: 16, bottom: 18, left: 4 };
const LEGEND_STYLE = { fontSize: 12 };
const PER_SEQUENCE = PALETTE[0];
const AGGREGATE = PALETTE[2];
const SHADE = '#999999';
const BATCH_TICKS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

const BATCH_TICK = (value: number) => String(value);
const LABELS = perLang((lang) => {
  const m = MESSAGES[lang];
  return {
    x: { value: m.axisBatch, position: 'insideBottom' as const, offset: -10, fontSize: 12 },
    y: { value: m.axisTokens, angle: -90, position: 'insideLeft' as const, style: { textAnchor: 'middle' as const, fontSize: 12 } },
    compute: { value: m.computeBound, position: 'insideTopRight' as const, fontSize: 11, fill: SHADE },
    full: { value: m.memoryFull, position: 'insideBottomRight' as const, fontSize: 11, fill: SHADE },
    current: { value: m.current, position: 'insideTopLeft' as const, fontSize: 11, fill: HIGHLIGHT },
    currentRight: { value: m.current, position: 'insideTopRight' as const, fontSize: 11, fill: HIGHLIGHT },
  };
});
const RATE_TICK = perLang((lang) => (value: number) => (value >= 0.01 ? formatCompactCount(value, lang) : formatDecade(value)));
const RATE_VALUE = perLang((lang) => {
  const m = MESSAGES[lang];
  return (value: unknown) => fill(m.tokensPerSecond, { value: formatNumber(Number(value), lang, 3) });
});
const BATCH_LABEL = perLang((lang) => (label: unknown) => (lang === 'zh' ? `批大小 ${String(label)}` : `batch ${String(label)}`));

const ThroughputPlot = memo(function ThroughputPlot({ chart, lang }: { chart: ThroughputChart; lang: Lang }) {
  const m = MESSAGES[lang];
  const yTicks = useMemo(() => decadeTicks(chart.yDomain[0], chart.yDomain[1], 7), [chart.yDomain]);
  const labels = LABELS[lang];
  const showFull = chart.lastFitting !== null && chart.lastFitting < chart.xDomain[1];
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={chart.rows} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
        {chart.computeBoundFrom !== null ? (
          <ReferenceArea x1={chart.computeBoundFrom} x2={chart.xDomain[1]} fill={SHADE} fillOpacity={0.15} label={labels.compute} ifOverflow="hidden" />
        ) : null}
        <XAxis
          dataKey="batch"
          type="number"
          scale="log"
          domain={chart.xDomain}
          allowDataOverflow
          ticks={BATCH_TICKS}
          tickFormatter={BATCH_TICK}
          label={labels.x}
          height={40}
        />
        <YAxis type="number" scale="log" domain={chart.yDomain} allowDataOverflow ticks={yTicks} tickFormatter={RATE_TICK[lang]} width={56} label={labels.y} />
        <Tooltip formatter={RATE_VALUE[lang]} labelFormatter={BATCH_LABEL[lang]} isAnimationActive={false} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} verticalAlign="top" />
        <Line dataKey="aggregate" name={m.thrAggregate} stroke={AGGREGATE} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line dataKey="perSequence" name={m.thrPerSequence} stroke={PER_SEQUENCE} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line
          dataKey="aggregateOver"
          name={`${m.thrAggregate} ${m.thrOverSuffix}`}
          stroke={AGGREGATE}
          strokeWidth={1.5}
          strokeDasharray="5 4"
          dot={false}
          legendType="none"
          isAnimationActive={false}
        />
        <Line
          dataKey="perSequenceOver"
          name={`${m.thrPerSequence} ${m.thrOverSuffix}`}
          stroke={PER_SEQUENCE}
          strokeWidth={1.5}
          strokeDasharray="5 4"
          dot={false}
          legendType="none"
          isAnimationActive={false}
        />
        {showFull && chart.lastFitting !== null ? (
          <ReferenceLine x={chart.lastFitting} stroke={SHADE} strokeDasharray="2 4" label={labels.full} ifOverflow="hidden" />
        ) : null}
        <ReferenceLine x={chart.current.batch} stroke={HIGHLIGHT} strokeWidth={1} strokeOpacity={0.6} label={chart.current.batch > 300 ? labels.currentRight : labels.current} ifOverflow="hidden" />
        <ReferenceDot x={chart.current.batch} y={chart.current.aggregate} r={6} fill={HIGHLIGHT} stroke="#fff" strokeWidth={1.5} ifOverflow="hidden" />
        <ReferenceDot x={chart.current.batch} y={chart.current.perSequence} r={6} fill={HIGHLIGHT} stroke="#fff" strokeWidth={1.5} ifOverflow="hidden" />
      </LineChart>
    </ResponsiveContainer>
  );
});

/** `inference-throughput`: decode tokens/s per sequence and aggregate vs batch, memory- vs compute-bound. */
export const InferenceThroughputChart = memo(function InferenceThroughputChart({ visible = true }: { visible?: boolean }) {
  const { scenario, estimate, series, frameRef } = useChartData(visible);
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const chart = useMemo(() => throughputChart(series.throughputVsBatch, estimate), [series.throughputVsBatch, estimate]);
  const inf = estimate.inference;
  const caption = (
    <>
      {fill(m.thrChartCaption, {
        avg: formatCount(inf.averageContextTokens, lang),
        gpus: chart.gpus,
        gpu: gpuLabel(estimate, lang),
        efficiency: formatPercent(scenario.bandwidthEfficiency, lang),
        mfu: formatPercent(scenario.mfu, lang),
        batch: formatNumber(inf.batch, lang, 7),
      })}
      {chart.current.clamped ? <> {fill(m.clampedBatch, { batch: formatNumber(inf.batch, lang, 7) })}</> : null}
    </>
  );
  return (
    <ChartFrame frameRef={frameRef} id="inference-throughput" title={m.thrChartTitle} caption={caption} height={360}>
      <ThroughputPlot chart={chart} lang={lang} />
    </ChartFrame>
  );
});
