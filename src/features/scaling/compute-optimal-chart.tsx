import { memo, useMemo } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { dataLabel } from '../../view/labels';
import { Curve, SvgPlot, type LegendItem, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { HIGHLIGHT } from '../../components/ui/palette';
import { formatCompactCount, perLang } from '../../components/ui/chart-helpers';
import { useChartView } from '../../view/use-chart-view';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber, formatScientific } from '../../i18n/format';
import { MESSAGES } from './messages';
import { LAW_COLORS, useComputeAxis } from './scaling-law-chart';
import { OPTIMAL_LAW_ORDER, frontierData, lawRows, type FrontierChart, type RunPoint } from './scaling.data';
import { inDomain, logTicks, nearestBy } from '../../components/ui/chart-scales';

const RUN_FILL = '#999999';
const RUN_STROKE = '#5f6b76';
const RUN_RADIUS = 5;
const PARAMS_TICK = perLang((lang) => (value: number) => formatCompactCount(value, lang));

function runText(run: RunPoint, lang: Lang): string {
  const m = MESSAGES[lang];
  return fill(m.runTooltip, {
    model: dataLabel(run.model, lang),
    year: run.year,
    params: formatCount(run.params, lang),
    tokens: formatCount(run.tokens, lang),
    tpp: formatNumber(run.tokensPerParam, lang, 3),
    compute: formatScientific(run.compute),
    derived: run.computeDerived ? m.runDerived : '',
  });
}

interface PlotProps {
  chart: FrontierChart;
  lang: Lang;
  title: string;
}

const FrontierPlot = memo(function FrontierPlot({ chart, lang, title }: PlotProps) {
  const m = MESSAGES[lang];
  const xAxis = useComputeAxis(chart.xDomain, m.axisCompute);
  const xDomain = xAxis.domain;
  const { yDomain } = chart;
  const yAxis = useMemo(
    (): PlotAxis => ({ kind: 'log', domain: yDomain, ticks: logTicks(yDomain, 8), format: PARAMS_TICK[lang], label: m.axisParams }),
    [yDomain, m, lang],
  );
  const legend = useMemo(
    (): LegendItem[] => [
      ...OPTIMAL_LAW_ORDER.map((law) => ({
        key: law,
        name: m[`lawShort_${law}`],
        color: LAW_COLORS[law],
        shape: 'line' as const,
        dash: law === 'tokens20' ? '7 4' : undefined,
      })),
      { key: 'runs', name: m.runsConfirmed, color: RUN_FILL, shape: 'dot' },
      { key: 'runs-unconfirmed', name: m.runsUnconfirmed, color: RUN_STROKE, shape: 'dot', open: true },
    ],
    [m],
  );
  const marks = (area: PlotArea) =>
    OPTIMAL_LAW_ORDER.map((law) => (
      <Curve
        key={law}
        area={area}
        points={chart.rows.map((row) => [row.compute, row[law]] as const)}
        color={LAW_COLORS[law]}
        width={law === 'tokens20' ? 2.5 : 2}
        dash={law === 'tokens20' ? '7 4' : undefined}
      />
    ));
  const runMark = (run: RunPoint, area: PlotArea, open: boolean) => {
    const cx = area.x(run.compute);
    const cy = area.y(run.params);
    if (!inDomain(run.compute, xDomain) || !inDomain(run.params, yDomain)) return null;
    return (
      <g key={run.id}>
        <circle className="chart-mark" cx={cx} cy={cy} r={RUN_RADIUS} fill={open ? '#ffffff' : RUN_FILL} stroke={RUN_STROKE} strokeWidth={open ? 1.5 : 1} />
        {run.label ? (
          <text className="svg-halo" x={cx + RUN_RADIUS + 3} y={cy + 3} fontSize={10}>
            {dataLabel(run.label, lang)}
          </text>
        ) : null}
      </g>
    );
  };
  const overlay = (area: PlotArea) => {
    const cx = area.x(chart.current.compute);
    const cy = area.y(chart.current.params);
    return (
      <>
        {chart.confirmed.map((run) => runMark(run, area, false))}
        {chart.unconfirmed.map((run) => runMark(run, area, true))}
        {Number.isFinite(cx) && Number.isFinite(cy) ? (
          <g>
            <circle cx={cx} cy={cy} r={7} fill={HIGHLIGHT} stroke="#fff" strokeWidth={1.5} />
            <text className="svg-halo" x={cx - 10} y={cy + 4} textAnchor="end" fontSize={11} fill={HIGHLIGHT}>
              {m.current}
            </text>
          </g>
        ) : null}
      </>
    );
  };
  const tooltip = (compute: number, pixelY: number, area: PlotArea) => {
    // A run under the pointer first; otherwise every law at the hovered compute.
    const pointerX = area.x(compute);
    const runs = [...chart.confirmed, ...chart.unconfirmed].filter(
      (run) => Math.hypot(area.x(run.compute) - pointerX, area.y(run.params) - pixelY) <= RUN_RADIUS + 3,
    );
    if (runs.length > 0) return runs.map((run) => <div key={run.id}>{runText(run, lang)}</div>);
    const row = nearestBy(chart.rows, (r) => r.compute, compute, 'log');
    if (!row) return null;
    return (
      <>
        <div>{`${formatScientific(row.compute, 3)} FLOPs`}</div>
        {OPTIMAL_LAW_ORDER.map((law) => (
          <div key={law} style={{ color: LAW_COLORS[law] }}>{`${m[`lawShort_${law}`]}: ${formatCount(row[law], lang)}`}</div>
        ))}
      </>
    );
  };
  return <SvgPlot x={xAxis} y={yAxis} yAxisWidth={lang === 'zh' ? 56 : 40} legend={legend} label={title} marks={marks} overlay={overlay} tooltip={tooltip} />;
});

/** `compute-optimal`: compute-optimal parameters vs compute per law, with published runs and this scenario. */
export const ComputeOptimalChart = memo(function ComputeOptimalChart() {
  const { derive, estimate } = useChartView();
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const chart = derive(frontierData);
  const caption = fill(m.frontierChartCaption, {
    params: formatCount(chart.current.params, lang),
    compute: formatScientific(chart.current.compute),
  });
  const sizes = lawRows(estimate).map((row) => `${formatCount(row.optimalParams, lang)} (${m[`lawShort_${row.law}`]})`);
  const summary = fill(m.frontierChartSummary, {
    compute: formatScientific(chart.current.compute),
    sizes: sizes.join(lang === 'zh' ? '、' : ', '),
    params: formatCount(chart.current.params, lang),
  });
  const table = () => ({
    columns: [m.tableColCompute, ...OPTIMAL_LAW_ORDER.map((law) => m[`lawShort_${law}`])],
    rows: chart.rows.map((row) => [formatScientific(row.compute, 3), ...OPTIMAL_LAW_ORDER.map((law) => formatCount(row[law], lang))]),
  });
  return (
    <ChartFrame id="compute-optimal" title={m.frontierChartTitle} summary={summary} table={table} caption={caption} height={400}>
      <FrontierPlot chart={chart} lang={lang} title={m.frontierChartTitle} />
    </ChartFrame>
  );
});
