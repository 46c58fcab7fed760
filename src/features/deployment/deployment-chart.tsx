import { memo, useMemo } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { Curve, SvgPlot, type LegendItem, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { formatCompactCount, perLang } from '../../components/ui/chart-helpers';
import { useChartView } from '../../view/use-chart-view';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber, formatUsd } from '../../i18n/format';
import { MESSAGES } from './messages';
import { gpuLabel } from '../../view/labels';
import { articleComparison, deploymentData, type DeploymentChart as DeploymentChartData } from './deployment.data';
import { inDomain, logTicks, nearestBy } from '../../components/ui/chart-scales';

const OURS = PALETTE[0];
const ARTICLE = PALETTE[7];

const COMPACT = perLang((lang) => (value: number) => formatCompactCount(value, lang));
const COST_TICK = perLang((lang) => (value: number) => `$${formatCompactCount(value, lang)}`);

const DeploymentPlot = memo(function DeploymentPlot({ chart, lang, title }: { chart: DeploymentChartData; lang: Lang; title: string }) {
  const m = MESSAGES[lang];
  const xDomain = chart.xDomain;
  const gpuDomain = chart.gpuDomain;
  const costDomain = chart.costDomain;
  const xAxis = useMemo(
    (): PlotAxis => ({ kind: 'log', domain: xDomain, ticks: logTicks(xDomain, 8), format: COMPACT[lang], label: m.axisLoad }),
    [xDomain, lang, m],
  );
  const yAxis = useMemo(
    (): PlotAxis => ({ kind: 'log', domain: gpuDomain, ticks: logTicks(gpuDomain, 8), format: COMPACT[lang], label: m.axisGpus }),
    [gpuDomain, lang, m],
  );
  // Monthly cost reads the same curve on the right: the GPUs axis × 730 h × price.
  const y2Axis = useMemo(
    (): PlotAxis | undefined =>
      costDomain ? { kind: 'log', domain: costDomain, ticks: logTicks(costDomain, 8), format: COST_TICK[lang], label: m.axisCost } : undefined,
    [costDomain, lang, m],
  );
  const legend = useMemo(
    (): LegendItem[] => [
      { key: 'gpus', name: m.ours, color: OURS, shape: 'line' },
      { key: 'article', name: m.article, color: ARTICLE, shape: 'line', dash: '6 4' },
    ],
    [m],
  );
  const marks = (area: PlotArea) => (
    <>
      <Curve area={area} points={chart.rows.map((row) => [row.load, row.gpus] as const)} color={OURS} step />
      <Curve area={area} points={chart.rows.map((row) => [row.load, row.articleGpus] as const)} color={ARTICLE} dash="6 4" />
    </>
  );
  const overlay = (area: PlotArea) => {
    const cx = area.x(chart.current.load);
    const cy = area.y(chart.current.gpus);
    if (!inDomain(chart.current.load, xDomain) || !inDomain(chart.current.gpus, gpuDomain)) return null;
    return (
      <g>
        <circle cx={cx} cy={cy} r={6} fill={HIGHLIGHT} stroke="#fff" strokeWidth={1.5} />
        <text className="svg-halo" x={cx} y={cy - 10} textAnchor="middle" fontSize={11} fill={HIGHLIGHT}>
          {m.current}
        </text>
      </g>
    );
  };
  const tooltip = (load: number) => {
    const row = nearestBy(chart.rows, (r) => r.load, load, 'log');
    if (!row) return null;
    return (
      <>
        <div>{fill(m.tooltipLoad, { rps: formatNumber(row.load, lang, 3) })}</div>
        <div style={{ color: OURS }}>{`${m.ours}: ${fill(m.gpusValue, { value: formatNumber(row.gpus, lang, 3) })}`}</div>
        {row.articleGpus !== null ? (
          <div style={{ color: ARTICLE }}>{`${m.article}: ${fill(m.gpusValue, { value: formatNumber(row.articleGpus, lang, 3) })}`}</div>
        ) : null}
        {row.cost !== null ? <div>{`${m.cost}: ${formatUsd(row.cost, lang)}`}</div> : null}
      </>
    );
  };
  return <SvgPlot x={xAxis} y={yAxis} y2={y2Axis} yAxisWidth={40} legend={legend} label={title} marks={marks} overlay={overlay} tooltip={tooltip} />;
});

/** `deployment`: GPUs and monthly cost vs load, with the article's FLOPs-only estimate. */
export const DeploymentChart = memo(function DeploymentChart() {
  const { scenario, estimate, derive } = useChartView();
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const chart = derive(deploymentData);
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
  const plan = estimate.deployment;
  const gpusText = (value: number | null) => (value === null ? '—' : formatNumber(value, lang, 3));
  const summary = fill(m.chartSummary, {
    rps: formatNumber(plan.requestsPerSecond, lang, 3),
    gpus: formatNumber(plan.totalGpus, lang, 7),
    cost: formatUsd(plan.monthlyGpuCostUsd, lang),
    article: gpusText(articleComparison(estimate).gpus),
  });
  const table = () => ({
    columns: [m.tableColLoad, m.ours, m.article, m.cost],
    rows: chart.rows.map((row) => [formatNumber(row.load, lang, 3), gpusText(row.gpus), gpusText(row.articleGpus), row.cost === null ? '—' : formatUsd(row.cost, lang)]),
  });
  return (
    <ChartFrame id="deployment" title={m.chartTitle} summary={summary} table={table} caption={caption} height={360}>
      <DeploymentPlot chart={chart} lang={lang} title={m.chartTitle} />
    </ChartFrame>
  );
});
