import { memo, useId, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/ui/chart-frame';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { decadeTicks, formatCompactCount, perLang } from '../../components/ui/chart-helpers';
import { useChartData } from '../../store/store-context';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatDuration, formatEnergy, formatNumber, formatPercent, formatUsd } from '../../i18n/format';
import { MESSAGES } from './messages';
import { gpuCountText, gpuLabel, shortModelLabel } from '../../components/ui/labels';
import { COST_METRICS, SCALE_GUIDES, costChart, type CostChart, type CostMetric, type CostPoint } from './training.data';

type Messages = (typeof MESSAGES)['en'];

const MARGIN = { top: 16, right: 16, bottom: 18, left: 4 };
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
const X_LABEL = perLang((lang) => ({ value: MESSAGES[lang].axisParams, position: 'insideBottom' as const, offset: -10, fontSize: 12 }));
const PARAMS_TICK = perLang((lang) => (value: number) => formatCompactCount(value, lang));
const TOOLTIP_LABEL = perLang((lang) => {
  const m = MESSAGES[lang];
  return (label: unknown, payload: readonly { payload?: CostPoint }[] | undefined) => {
    const point = payload?.[0]?.payload;
    const params = formatCount(Number(label), lang);
    return fill(m.costTooltipModel, { params, tokens: formatCount(point?.tokens ?? Number.NaN, lang) });
  };
});

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
  const xTicks = useMemo(() => decadeTicks(chart.xDomain[0], chart.xDomain[1], 6), [chart.xDomain]);
  const yDomain = chart.yDomain[metric];
  const yTicks = useMemo(() => decadeTicks(yDomain[0], yDomain[1], 7), [yDomain]);
  const name = metricLabel(m, metric, gpus);
  const formatter = useMemo(() => {
    const value = VALUE[metric][lang];
    return (v: unknown) => [value(Number(v)), name] as [string, string];
  }, [metric, lang, name]);
  const yLabel = useMemo(
    () => ({ value: axisLabel(MESSAGES[lang], metric, gpus), angle: -90, position: 'insideLeft' as const, style: { textAnchor: 'middle' as const, fontSize: 12 } }),
    [lang, metric, gpus],
  );
  const guideLabels = useMemo(
    () =>
      SCALE_GUIDES.map((params, index) => ({
        value: GUIDE_NAMES[lang][index] ?? formatCompactCount(params, lang),
        position: index === SCALE_GUIDES.length - 1 && chart.xDomain[1] <= params ? ('insideBottomRight' as const) : ('insideTopLeft' as const),
        fontSize: 11,
        fill: GUIDE_COLOR,
      })),
    [lang, chart.xDomain],
  );
  const currentValue = chart.current[metric];
  // Near the right edge the name goes to the left of the marker so it is not cut off.
  const nearRight = Math.log10(chart.current.params) > Math.log10(chart.xDomain[1]) - 0.8;
  const currentLabel = useMemo(
    () => ({ value: currentName, position: nearRight ? ('left' as const) : ('top' as const), fontSize: 11, fill: HIGHLIGHT }),
    [currentName, nearRight],
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={chart.rows} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
        <XAxis
          dataKey="params"
          type="number"
          scale="log"
          domain={chart.xDomain}
          allowDataOverflow
          ticks={xTicks}
          tickFormatter={PARAMS_TICK[lang]}
          label={X_LABEL[lang]}
          height={40}
        />
        <YAxis
          type="number"
          scale="log"
          domain={yDomain}
          allowDataOverflow
          ticks={yTicks}
          tickFormatter={TICK[metric][lang]}
          width={72}
          label={yLabel}
        />
        <Tooltip formatter={formatter} labelFormatter={TOOLTIP_LABEL[lang]} isAnimationActive={false} />
        {SCALE_GUIDES.map((params, index) => (
          <ReferenceLine key={params} x={params} stroke={GUIDE_COLOR} strokeDasharray="2 4" label={guideLabels[index]} ifOverflow="hidden" />
        ))}
        <Line dataKey={metric} name={name} type="linear" stroke={LINE_COLOR} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
        {currentValue !== null ? (
          <ReferenceDot x={chart.current.params} y={currentValue} r={6} fill={HIGHLIGHT} stroke="#fff" strokeWidth={1.5} label={currentLabel} ifOverflow="extendDomain" />
        ) : null}
      </LineChart>
    </ResponsiveContainer>
  );
});

/** `cost-vs-scale`: training cost (or GPU-hours, days, energy) of dense models 1e8–1e13 on log–log axes. */
export const CostVsScaleChart = memo(function CostVsScaleChart({ visible = true }: { visible?: boolean }) {
  const { scenario, estimate, series } = useChartData(visible);
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const [metric, setMetric] = useState<CostMetric>('cost');
  const groupName = useId();
  const chart = useMemo(
    () => costChart(series.costVsScale, estimate, scenario.tokensPerParam),
    [series.costVsScale, estimate, scenario.tokensPerParam],
  );
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
    mfu: formatPercent(t.mfu, lang),
    price: formatUsd(estimate.hardware.usdPerGpuHour, lang),
    pue: formatNumber(scenario.pue, lang, 3),
    moe: isMoe ? m.costChartMoe : '',
  });
  return (
    <ChartFrame id="cost-vs-scale" title={m.costChartTitle} caption={caption} height={360}>
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
