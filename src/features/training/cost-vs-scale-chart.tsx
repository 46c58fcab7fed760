import { memo, useId, useMemo, useState } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { Curve, SvgPlot, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { formatCompactCount, perLang } from '../../components/ui/chart-helpers';
import { useChartView } from '../../view/use-chart-view';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatDuration, formatEnergy, formatNumber, formatPercent, formatUsd } from '../../i18n/format';
import { MESSAGES } from './messages';
import { PLANNER_MESSAGES } from './planner-messages';
import { gpuCountText, gpuLabel, shortModelLabel } from '../../view/labels';
import { COST_METRICS, SCALE_GUIDES, costData, type CostChart, type CostMetric } from './training.data';
import { inDomain, logTicks, nearestBy } from '../../components/ui/chart-scales';

type Messages = (typeof MESSAGES)['en'];

const LINE_COLOR = PALETTE[0];
const GUIDE_COLOR = '#999999';
const COLUMN = { display: 'flex', flexDirection: 'column', height: '100%' } as const;
const PICKER = { display: 'flex', flexWrap: 'wrap', gap: '2px 12px', fontSize: '0.82rem', border: 0, padding: 0, margin: '0 0 4px' } as const;
const PLOT = { flex: 1, minHeight: 0 } as const;
const GUIDE_NAMES: Readonly<Record<Lang, readonly string[]>> = { en: ['100B', '1T', '10T'], zh: ['千亿', '万亿', '十万亿'] };
const NOTE = { margin: '0 0 4px', fontSize: '0.8rem' } as const;
const PICKER_LEGEND = { float: 'left', marginRight: 8, padding: 0 } as const;

const VALUE: Record<CostMetric, Readonly<Record<Lang, (value: number) => string>>> = {
  cost: perLang((lang) => (value: number) => formatUsd(value, lang, 3)),
  gpuHours: perLang((lang) => (value: number) => formatCount(value, lang, 3)),
  days: perLang((lang) => (value: number) => formatDuration(value * 86_400, lang, 3)),
  energy: perLang((lang) => (value: number) => formatEnergy(value, lang, 3)),
};
const TICK: Record<CostMetric, Readonly<Record<Lang, (value: number) => string>>> = {
  cost: perLang((lang) => (value: number) => `$${formatCompactCount(value, lang)}`),
  gpuHours: perLang((lang) => (value: number) => formatCompactCount(value, lang)),
  days: perLang((lang) => (value: number) => formatDuration(value * 86_400, lang, 2)),
  energy: perLang((lang) => (value: number) => formatEnergy(value, lang, 2)),
};
const PARAMS_TICK = perLang((lang) => (value: number) => formatCompactCount(value, lang));
function metricLabel(m: Messages, metric: CostMetric, gpus: string): string {
  switch (metric) {
    case 'cost':
      return m.metric_cost;
    case 'gpuHours':
      return m.metric_gpuHours;
    case 'days':
      return fill(m.metric_days, { gpus });
    case 'energy':
      return m.metric_energy;
  }
}

function axisLabel(m: Messages, metric: CostMetric, gpus: string): string {
  switch (metric) {
    case 'cost':
      return m.axis_cost;
    case 'gpuHours':
      return m.axis_gpuHours;
    case 'days':
      return fill(m.axis_days, { gpus });
    case 'energy':
      return m.axis_energy;
  }
}

interface PlotProps {
  chart: CostChart;
  metric: CostMetric;
  lang: Lang;
  gpus: string;
  currentName: string;
}

const CostPlot = memo(function CostPlot({ chart, metric, lang, gpus, currentName }: PlotProps) {
  const m = MESSAGES[lang];
  // Equal domains and rows keep one identity between steps (only the marker moves): the store's
  // selectors share unchanged parts with the previous chart.
  const { xDomain, rows } = chart;
  const yDomain = chart.yDomain[metric];
  const xAxis = useMemo(
    (): PlotAxis => ({ kind: 'log', domain: xDomain, ticks: logTicks(xDomain, 6), format: PARAMS_TICK[lang], label: m.axisParams }),
    [xDomain, m, lang],
  );
  const yAxis = useMemo(
    (): PlotAxis => ({ kind: 'log', domain: yDomain, ticks: logTicks(yDomain, 7), format: TICK[metric][lang], label: axisLabel(m, metric, gpus) }),
    [yDomain, metric, lang, m, gpus],
  );
  const name = metricLabel(m, metric, gpus);
  const value = VALUE[metric][lang];
  const currentValue = chart.current[metric];
  const marks = (area: PlotArea) => (
    <>
      {SCALE_GUIDES.map((params, index) => {
        if (!inDomain(params, xDomain)) return null;
        const x = area.x(params);
        // The last guide at the right edge gets its name inside, bottom right.
        const atEdge = index === SCALE_GUIDES.length - 1 && xDomain[1] <= params;
        return (
          <g key={params}>
            <line x1={x} x2={x} y1={area.top} y2={area.top + area.height} stroke={GUIDE_COLOR} strokeDasharray="2 4" />
            <text
              className="svg-halo"
              x={atEdge ? x - 5 : x + 5}
              y={atEdge ? area.top + area.height - 6 : area.top + 14}
              textAnchor={atEdge ? 'end' : 'start'}
              fontSize={11}
              fill={GUIDE_COLOR}
            >
              {GUIDE_NAMES[lang][index] ?? formatCompactCount(params, lang)}
            </text>
          </g>
        );
      })}
      <Curve area={area} points={rows.map((row) => [row.params, row[metric]] as const)} color={LINE_COLOR} />
    </>
  );
  // Near the right edge the name goes to the left of the marker so it is not cut off.
  const nearRight = Math.log10(chart.current.params) > Math.log10(xDomain[1]) - 0.8;
  const overlay = (area: PlotArea) => {
    if (currentValue === null) return null;
    const cx = area.x(chart.current.params);
    const cy = area.y(currentValue);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) return null;
    return (
      <g>
        <circle cx={cx} cy={cy} r={6} fill={HIGHLIGHT} stroke="#fff" strokeWidth={1.5} />
        <text
          className="svg-halo"
          x={nearRight ? cx - 10 : cx}
          y={nearRight ? cy + 4 : cy - 10}
          textAnchor={nearRight ? 'end' : 'middle'}
          fontSize={11}
          fill={HIGHLIGHT}
        >
          {currentName}
        </text>
      </g>
    );
  };
  const tooltip = (params: number) => {
    const point = nearestBy(rows, (r) => r.params, params, 'log');
    if (!point) return null;
    const y = point[metric];
    return (
      <>
        <div>{fill(m.costTooltipModel, { params: formatCount(point.params, lang), tokens: formatCount(point.tokens, lang) })}</div>
        <div style={{ color: LINE_COLOR }}>{`${name}: ${y === null ? '—' : value(y)}`}</div>
      </>
    );
  };
  return <SvgPlot x={xAxis} y={yAxis} yAxisWidth={64} label={name} marks={marks} overlay={overlay} tooltip={tooltip} />;
});

/** `cost-vs-scale`: training cost (or GPU-hours, days, energy) of dense models 1e8–1e13 on log–log axes. */
export const CostVsScaleChart = memo(function CostVsScaleChart() {
  const { scenario, estimate, derive } = useChartView();
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const planner = useMessages(PLANNER_MESSAGES);
  const [metric, setMetric] = useState<CostMetric>('cost');
  const groupName = useId();
  const chart = derive(costData);
  // A price of zero leaves nothing positive to draw for cost on a log axis: show GPU-hours instead.
  const shown: CostMetric = chart.empty[metric] ? (COST_METRICS.find((option) => !chart.empty[option]) ?? metric) : metric;
  const t = estimate.training;
  const gpus = gpuCountText(t.gpus, lang);
  const gpuCount = formatNumber(t.gpus, lang, 7);
  const isMoe = estimate.model.counts.active < estimate.model.counts.total;
  const caption = fill(m.costChartCaption, {
    tpp: formatNumber(chart.tokensPerParam, lang, 3),
    gpus: gpuCount,
    gpu: gpuLabel(estimate, lang),
    mfu: fill(planner[`mfuWhich_${t.mfuSource}`], { mfu: formatPercent(t.mfu, lang) }),
    price: formatUsd(estimate.hardware.usdPerGpuHour, lang),
    pue: formatNumber(scenario.pue, lang, 3),
    moe: isMoe ? m.costChartMoe : '',
    goodput: (t.run.goodput ?? 1) < 1 ? fill(m.costChartGoodput, { percent: formatPercent(t.run.goodput ?? 1, lang) }) : '',
  });
  const format = VALUE[shown][lang];
  const shownRows = chart.rows.filter((row) => row[shown] !== null);
  const first = shownRows[0];
  const last = shownRows.at(-1);
  const currentValue = chart.current[shown];
  const summary = fill(m.costChartSummary, {
    metric: metricLabel(m, shown, gpus),
    params: formatCount(chart.current.params, lang),
    value: currentValue === null ? '—' : format(currentValue),
    lowValue: first ? format(first[shown] ?? 0) : '—',
    lowParams: first ? formatCount(first.params, lang) : '—',
    highValue: last ? format(last[shown] ?? 0) : '—',
    highParams: last ? formatCount(last.params, lang) : '—',
  });
  const table = () => ({
    columns: [m.tableColParams, m.tableColTokens, ...COST_METRICS.map((option) => metricLabel(m, option, gpus))],
    rows: chart.rows.map((row) => [
      formatCount(row.params, lang),
      formatCount(row.tokens, lang),
      ...COST_METRICS.map((option) => {
        const value = row[option];
        return value === null ? '—' : VALUE[option][lang](value);
      }),
    ]),
  });
  return (
    <ChartFrame id="cost-vs-scale" title={m.costChartTitle} summary={summary} table={table} caption={caption} height={360}>
      <div style={COLUMN}>
        <fieldset style={PICKER}>
          <legend className="muted" style={PICKER_LEGEND}>
            {m.costMetric}
          </legend>
          {COST_METRICS.map((option) => (
            <label key={option}>
              <input type="radio" name={groupName} value={option} checked={metric === option} onChange={() => setMetric(option)} />{' '}
              {metricLabel(m, option, gpus)}
            </label>
          ))}
        </fieldset>
        {shown !== metric ? <p className="muted" style={NOTE}>{fill(m.costEmpty, { shown: metricLabel(m, shown, gpus) })}</p> : null}
        <div style={PLOT}>
          {chart.empty[shown] ? null : <CostPlot chart={chart} metric={shown} lang={lang} gpus={gpus} currentName={shortModelLabel(estimate, lang)} />}
        </div>
      </div>
    </ChartFrame>
  );
});
