import { memo, useMemo } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { Curve, SvgPlot, type LegendItem, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { formatDecade, perLang } from '../../components/ui/chart-helpers';
import { useChartView } from '../../view/use-chart-view';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber, formatScientific } from '../../i18n/format';
import type { LossLaw } from '../../core';
import { MESSAGES } from './messages';
import { LOSS_LAW_ORDER, lossData, type LossChart } from './scaling.data';
import { logTicks, nearestBy, rangeTicks } from '../../components/ui/chart-scales';

export const LAW_COLORS: Readonly<Record<LossLaw | 'tokens20', string>> = {
  hoffmann2022: PALETTE[0],
  besiroglu2024: PALETTE[2],
  kaplan2020: PALETTE[3],
  tokens20: PALETTE[4],
};

const LOSS_TICK = perLang((lang) => (value: number) => formatNumber(value, lang, 3));

/**
 * The training-compute axis both scaling charts share (log, decades). Equal domains come from the
 * store's selectors as one object, so the ticks and the axis are not rebuilt between slider steps.
 */
export function useComputeAxis(domain: [number, number], label: string): PlotAxis {
  return useMemo(() => ({ kind: 'log', domain, ticks: logTicks(domain, 6), format: formatDecade, label }), [domain, label]);
}

const LawPlot = memo(function LawPlot({ chart, lang, title }: { chart: LossChart; lang: Lang; title: string }) {
  const m = MESSAGES[lang];
  const xAxis = useComputeAxis(chart.xDomain, m.axisCompute);
  const { yDomain } = chart;
  const yAxis = useMemo(
    (): PlotAxis => ({ kind: 'linear', domain: yDomain, ticks: rangeTicks(yDomain[0], yDomain[1], 5), format: LOSS_TICK[lang], label: m.axisLoss }),
    [yDomain, m, lang],
  );
  const lawName = (law: LossLaw) => m[`lawShort_${law}`];
  const legend = useMemo(
    (): LegendItem[] => [
      ...LOSS_LAW_ORDER.map((law) => ({ key: law, name: `${m[`lawShort_${law}`]} · ${m.optimalSuffix}`, color: LAW_COLORS[law], shape: 'line' as const })),
      ...LOSS_LAW_ORDER.map((law) => ({ key: `iso-${law}`, name: `${m[`lawShort_${law}`]} · ${m.isoSuffix}`, color: LAW_COLORS[law], shape: 'line' as const, dash: '5 4' })),
    ],
    [m],
  );
  const labelledLaw = LOSS_LAW_ORDER.find((law) => chart.current.loss[law] !== null);
  const marks = (area: PlotArea) => (
    <>
      {LOSS_LAW_ORDER.map((law) => (
        <Curve key={law} area={area} points={chart.rows.map((row) => [row.compute, row[law]] as const)} color={LAW_COLORS[law]} />
      ))}
      {LOSS_LAW_ORDER.map((law) => (
        <Curve
          key={`iso-${law}`}
          area={area}
          points={chart.rows.map((row) => [row.compute, row[`iso_${law}`]] as const)}
          color={LAW_COLORS[law]}
          width={1.5}
          dash="5 4"
        />
      ))}
    </>
  );
  // The current run's loss under each law, on top of the curves (and not clipped: the axis holds it).
  const overlay = (area: PlotArea) =>
    LOSS_LAW_ORDER.map((law) => {
      const loss = chart.current.loss[law];
      if (loss === null) return null;
      const cx = area.x(chart.current.compute);
      const cy = area.y(loss);
      if (!Number.isFinite(cx) || !Number.isFinite(cy)) return null;
      return (
        <g key={`current-${law}`}>
          <circle cx={cx} cy={cy} r={6} fill={HIGHLIGHT} stroke={LAW_COLORS[law]} strokeWidth={2.5} />
          {law === labelledLaw ? (
            <text className="svg-halo" x={cx + 10} y={cy + 4} fontSize={11} fill={HIGHLIGHT}>
              {m.current}
            </text>
          ) : null}
        </g>
      );
    });
  const tooltip = (compute: number) => {
    const row = nearestBy(chart.rows, (r) => r.compute, compute, 'log');
    if (!row) return null;
    return (
      <>
        <div>{`${formatScientific(row.compute, 3)} FLOPs`}</div>
        {LOSS_LAW_ORDER.map((law) =>
          row[law] === null ? null : (
            <div key={law} style={{ color: LAW_COLORS[law] }}>{`${lawName(law)} · ${m.optimalSuffix}: ${formatNumber(row[law], lang, 4)}`}</div>
          ),
        )}
        {LOSS_LAW_ORDER.map((law) => {
          const iso = row[`iso_${law}`];
          return iso === null ? null : (
            <div key={`iso-${law}`} style={{ color: LAW_COLORS[law] }}>{`${lawName(law)} · ${m.isoSuffix}: ${formatNumber(iso, lang, 4)}`}</div>
          );
        })}
      </>
    );
  };
  return <SvgPlot x={xAxis} y={yAxis} yAxisWidth={40} legend={legend} label={title} marks={marks} overlay={overlay} tooltip={tooltip} />;
});

/** `scaling-law`: loss vs compute under each fitted law, with this run marked. */
export const ScalingLawChart = memo(function ScalingLawChart() {
  const { derive } = useChartView();
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const chart = derive(lossData);
  const caption = fill(m.lawChartCaption, {
    params: formatCount(chart.current.params, lang),
    compute: formatScientific(chart.current.compute),
  });
  const losses = LOSS_LAW_ORDER.flatMap((law) => {
    const loss = chart.current.loss[law];
    return loss === null ? [] : [`${formatNumber(loss, lang, 3)} (${m[`lawShort_${law}`]})`];
  });
  const summary = fill(m.lawChartSummary, {
    compute: formatScientific(chart.current.compute),
    params: formatCount(chart.current.params, lang),
    losses: losses.length > 0 ? losses.join(lang === 'zh' ? '、' : ', ') : '—',
  });
  const table = () => ({
    columns: [
      m.tableColCompute,
      ...LOSS_LAW_ORDER.map((law) => `${m[`lawShort_${law}`]} · ${m.optimalSuffix}`),
      ...LOSS_LAW_ORDER.map((law) => `${m[`lawShort_${law}`]} · ${m.isoSuffix}`),
    ],
    rows: chart.rows.map((row) => [
      formatScientific(row.compute, 3),
      ...LOSS_LAW_ORDER.map((law) => formatNumber(row[law], lang, 4)),
      ...LOSS_LAW_ORDER.map((law) => formatNumber(row[`iso_${law}`], lang, 4)),
    ]),
  });
  return (
    <ChartFrame id="scaling-law" title={m.lawChartTitle} summary={summary} table={table} caption={caption} height={360}>
      <LawPlot chart={chart} lang={lang} title={m.lawChartTitle} />
    </ChartFrame>
  );
});
