import { memo, useMemo } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/ui/chart-frame';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { decadeTicks, formatCompactCount, perLang } from '../../components/ui/chart-helpers';
import { useChartData } from '../../store/store-context';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber, formatUsd } from '../../i18n/format';
import { MESSAGES } from './messages';
import { gpuLabel } from '../../components/ui/labels';
import { deploymentChart, type DeploymentChart as DeploymentChartData } from './deployment.data';

const MARGIN = { top: 16, right: 8, bottom: 18, left: 4 };
const LEGEND_STYLE = { fontSize: 12 };
const OURS = PALETTE[0];
const ARTICLE = PALETTE[7];

const LABELS = perLang((lang) => {
  const m = MESSAGES[lang];
  return {
    x: { value: m.axisLoad, position: 'insideBottom' as const, offset: -10, fontSize: 12 },
    gpus: { value: m.axisGpus, angle: -90, position: 'insideLeft' as const, style: { textAnchor: 'middle' as const, fontSize: 12 } },
    cost: { value: m.axisCost, angle: 90, position: 'insideRight' as const, style: { textAnchor: 'middle' as const, fontSize: 12 } },
    current: { value: m.current, position: 'top' as const, fontSize: 11, fill: HIGHLIGHT },
  };
});
const LOAD_TICK = perLang((lang) => (value: number) => formatCompactCount(value, lang));
const GPU_TICK = perLang((lang) => (value: number) => formatCompactCount(value, lang));
const COST_TICK = perLang((lang) => (value: number) => `$${formatCompactCount(value, lang)}`);
const LOAD_LABEL = perLang((lang) => {
  const m = MESSAGES[lang];
  return (label: unknown) => fill(m.tooltipLoad, { rps: formatNumber(Number(label), lang, 3) });
});
const VALUE = perLang((lang) => {
  const m = MESSAGES[lang];
  return (value: unknown, name: unknown, item: { dataKey?: unknown } | undefined) => {
    const v = Number(value);
    const text = item?.dataKey === 'cost' ? formatUsd(v, lang) : fill(m.gpusValue, { value: formatNumber(v, lang, 3) });
    return [text, String(name)] as [string, string];
  };
});

const DeploymentPlot = memo(function DeploymentPlot({ chart, lang }: { chart: DeploymentChartData; lang: Lang }) {
  const m = MESSAGES[lang];
  const xTicks = useMemo(() => decadeTicks(chart.xDomain[0], chart.xDomain[1], 8), [chart.xDomain]);
  const gpuTicks = useMemo(() => decadeTicks(chart.gpuDomain[0], chart.gpuDomain[1], 8), [chart.gpuDomain]);
  const costTicks = useMemo(() => (chart.costDomain ? decadeTicks(chart.costDomain[0], chart.costDomain[1], 8) : []), [chart.costDomain]);
  const labels = LABELS[lang];
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={chart.rows} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
        <XAxis
          dataKey="load"
          type="number"
          scale="log"
          domain={chart.xDomain}
          allowDataOverflow
          ticks={xTicks}
          tickFormatter={LOAD_TICK[lang]}
          label={labels.x}
          height={40}
        />
        <YAxis
          yAxisId="gpus"
          type="number"
          scale="log"
          domain={chart.gpuDomain}
          allowDataOverflow
          ticks={gpuTicks}
          tickFormatter={GPU_TICK[lang]}
          width={56}
          label={labels.gpus}
        />
        {chart.costDomain ? (
          <YAxis
            yAxisId="cost"
            orientation="right"
            type="number"
            scale="log"
            domain={chart.costDomain}
            allowDataOverflow
            ticks={costTicks}
            tickFormatter={COST_TICK[lang]}
            width={84}
            label={labels.cost}
          />
        ) : null}
        <Tooltip formatter={VALUE[lang]} labelFormatter={LOAD_LABEL[lang]} isAnimationActive={false} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} verticalAlign="top" />
        <Line yAxisId="gpus" dataKey="gpus" name={m.ours} type="stepAfter" stroke={OURS} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line
          yAxisId="gpus"
          dataKey="articleGpus"
          name={m.article}
          stroke={ARTICLE}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        {chart.costDomain ? (
          <Line yAxisId="cost" dataKey="cost" name={m.cost} type="stepAfter" stroke={OURS} strokeOpacity={0} dot={false} activeDot={false} legendType="none" isAnimationActive={false} />
        ) : null}
        <ReferenceDot
          yAxisId="gpus"
          x={chart.current.load}
          y={chart.current.gpus}
          r={6}
          fill={HIGHLIGHT}
          stroke="#fff"
          strokeWidth={1.5}
          label={labels.current}
          ifOverflow="hidden"
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

/** `deployment`: GPUs and monthly cost vs load, with the article's FLOPs-only estimate. */
export const DeploymentChart = memo(function DeploymentChart({ visible = true }: { visible?: boolean }) {
  const { scenario, estimate, series, frameRef } = useChartData(visible);
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const chart = useMemo(() => deploymentChart(series.deploymentVsLoad, estimate), [series.deploymentVsLoad, estimate]);
  const caption = (
    <>
      {fill(m.chartCaption, {
        price: formatUsd(estimate.hardware.usdPerGpuHour, lang),
        prompt: formatCount(estimate.inference.promptTokens, lang),
        output: formatCount(estimate.inference.outputTokens, lang),
        gpus: estimate.deployment.gpusPerReplica,
        gpu: gpuLabel(estimate, lang),
        rps: formatNumber(scenario.requestsPerSecond, lang, 3),
      })}
      {chart.current.clamped ? (
        <>
          {' '}
          {fill(m.clampedNote, { rps: formatNumber(scenario.requestsPerSecond, lang, 3) })}
        </>
      ) : null}
    </>
  );
  return (
    <ChartFrame frameRef={frameRef} id="deployment" title={m.chartTitle} caption={caption} height={360}>
      <DeploymentPlot chart={chart} lang={lang} />
    </ChartFrame>
  );
});
