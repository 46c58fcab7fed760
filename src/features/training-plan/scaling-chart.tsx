/**
 * `strong-scaling`: the best layout's MFU (left axis) and the run's days (right axis, log) at ¼ to
 * 4 × the scenario's GPU count, same global batch, with the published calibration runs of the same
 * accelerator as diamonds. The sweep runs in the worker after the table's search.
 */
import { memo, useMemo } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { Curve, Marker, RefLine, SvgPlot, linePath, type LegendItem, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { linearAxis, logTicks, paddedLogDomain } from '../../components/ui/chart-scales';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill } from '../../i18n/i18n';
import { formatCount, formatDuration, formatNumber, formatPercent } from '../../i18n/format';
import { gpuCountText, gpuLabel, modelLabel } from '../../view/labels';
import { MESSAGES } from './messages';
import { planStatus, usePlanView, withPlanScope } from './plan-scope';
import { PlanStatusLine } from './plan-status';
import { fastestBeforeEnd, scalingChart } from './training-plan.data';
import { daysCover } from './plan-band';
import { softwareName } from '../../view/framework-name';

const MFU_COLOR = PALETTE[0]!;
const DAYS_COLOR = PALETTE[2]!;
const PUBLISHED_COLOR = PALETTE[4]!;

/** GPU ticks at powers of 4 (1, 4, 16 … 4,096, 16,384): the usual GPU counts, far enough apart on a log axis to never collide. */
function gpuTicks([low, high]: readonly [number, number]): number[] {
  const ticks: number[] = [];
  for (let value = 1; value <= high; value *= 4) if (value >= low) ticks.push(value);
  return ticks;
}

function ScalingInner() {
  const { plan, estimate } = usePlanView();
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const t = estimate.training;
  const acceleratorId = estimate.hardware.id;
  const chart = useMemo(() => scalingChart(plan.scaling, t.gpus, acceleratorId), [plan.scaling, t.gpus, acceleratorId]);
  // The worker answers with the plan first and the GPU-count sweep after it: until the sweep is
  // here the chart shows the published points only.
  const status = planStatus(plan);
  const sweeping = plan.scaling === null && (status === 'planning' || status === 'ready');
  const x = ((): PlotAxis => {
    return { kind: 'log', domain: chart.gpuDomain, ticks: gpuTicks(chart.gpuDomain), format: (value: number) => formatNumber(value, lang, 9), label: m.scalingAxisGpus, grid: true };
  })();
  const y = ((): PlotAxis => {
    const top = Math.max(0.6, ...chart.points.map((p) => p.mfu), ...chart.published.map((p) => p.mfu));
    const { domain, ticks } = linearAxis(Math.min(1, top * 1.1));
    return { kind: 'linear', domain, ticks, format: (value: number) => formatPercent(value, lang, 2), label: m.scalingAxisMfu };
  })();
  const y2 = ((): PlotAxis | undefined => {
    if (chart.points.length === 0) return undefined;
    const domain = paddedLogDomain(chart.points.map((p) => p.days), 0.2);
    return { kind: 'log', domain, ticks: logTicks(domain, 5), format: (value: number) => formatNumber(value, lang, 3), label: m.scalingAxisDays, grid: false };
  })();
  const legend: LegendItem[] = [
    ...(chart.points.length > 0
      ? [
          { key: 'mfu', name: m.scalingMfu, color: MFU_COLOR, shape: 'line' as const },
          { key: 'days', name: m.scalingDays, color: DAYS_COLOR, shape: 'line' as const, dash: '6 3' },
        ]
      : []),
    ...(chart.published.length > 0 ? [{ key: 'published', name: m.scalingPublished, color: PUBLISHED_COLOR, shape: 'diamond' as const }] : []),
  ];
  const marks = (area: PlotArea) => (
    <>
      <RefLine area={area} x={chart.current} color={HIGHLIGHT} dash="4 3" label={gpuCountText(chart.current, lang)} />
      <Curve area={area} points={chart.points.map((p) => [p.gpus, p.mfu] as const)} color={MFU_COLOR} width={2} />
      {area.y2 ? (
        <path className="chart-mark" d={linePath(chart.points.map((p) => [p.gpus, p.days] as const), area, { y: area.y2 })} fill="none" stroke={DAYS_COLOR} strokeWidth={2} strokeDasharray="6 3" />
      ) : null}
      {chart.points.map((p) => (
        <Marker key={`m${p.gpus}`} className="chart-mark" shape="circle" x={area.x(p.gpus)} y={area.y(p.mfu)} r={3.5} color={MFU_COLOR} />
      ))}
      {chart.published.map((p) => (
        <Marker key={`${p.label}@${p.gpus}`} className="chart-mark" shape="diamond" x={area.x(p.gpus)} y={area.y(p.mfu)} r={4.5} color={PUBLISHED_COLOR} open />
      ))}
    </>
  );
  const tooltip = (value: number) => {
    const nearest = chart.points.reduce<(typeof chart.points)[number] | null>(
      (best, p) => (best === null || Math.abs(Math.log(p.gpus / value)) < Math.abs(Math.log(best.gpus / value)) ? p : best),
      null,
    );
    const published = chart.published.filter((p) => Math.abs(Math.log(p.gpus / value)) < 0.15);
    if (!nearest && published.length === 0) return null;
    return (
      <>
        {nearest ? (
          <div>{fill(m.tooltipPoint, { gpus: gpuCountText(nearest.gpus, lang), mfu: formatPercent(nearest.mfu, lang), days: formatDuration(nearest.days * 86_400, lang), layout: nearest.layout })}</div>
        ) : null}
        {published.map((p) => (
          <div key={`${p.label}@${p.gpus}`} style={{ color: PUBLISHED_COLOR }}>
            {fill(m.tooltipPublished, { label: p.label, gpus: gpuCountText(p.gpus, lang), mfu: formatPercent(p.mfu, lang) })}
          </div>
        ))}
      </>
    );
  };
  const caption = fill(m.scalingCaption, {
    model: modelLabel(estimate, lang),
    gpus: gpuCountText(t.gpus, lang),
    gb: formatNumber(t.layout.globalBatch, lang, 9),
    seq: formatNumber(t.layout.seqLen, lang, 9),
    precision: t.plannerFormat.toUpperCase(),
    tokens: formatCount(t.tokens, lang),
    gpu: gpuLabel(estimate, lang),
    software: softwareName(estimate, lang),
    cover: daysCover(m, estimate, lang),
  });
  const hasMarks = chart.points.length > 0 || chart.published.length > 0;
  const first = chart.points[0];
  const last = chart.points[chart.points.length - 1];
  const days = (value: number) => formatDuration(value * 86_400, lang);
  const fastest = fastestBeforeEnd(chart.points);
  const summary =
    first && last
      ? fill(m.scalingSummary, {
          fromGpus: gpuCountText(first.gpus, lang),
          toGpus: gpuCountText(last.gpus, lang),
          fromMfu: formatPercent(first.mfu, lang),
          toMfu: formatPercent(last.mfu, lang),
          fromDays: days(first.days),
          toDays: days(last.days),
          fastest: fastest ? fill(m.scalingSummaryFastest, { gpus: gpuCountText(fastest.gpus, lang), days: days(fastest.days) }) : '',
          published: chart.published.length > 0 ? fill(m.scalingSummaryPublished, { count: chart.published.length }) : '',
        })
      : m.scalingSummaryNone;
  const table = () => ({
    columns: [m.scalingColGpus, m.scalingColMfu, m.scalingColDays, m.scalingColLayout],
    rows: [
      ...chart.points.map((p) => [gpuCountText(p.gpus, lang), formatPercent(p.mfu, lang), days(p.days), p.layout]),
      ...chart.published.map((p) => [`${p.label} (${gpuCountText(p.gpus, lang)})`, formatPercent(p.mfu, lang), '—', '—']),
    ],
  });
  // Notes go in the caption: the chart body has a fixed height.
  const notes = (
    <>
      {caption}
      {chart.points.length === 0 ? <PlanStatusLine inline /> : null}
      {chart.empty.length > 0 ? <span className="training-plan__note">{chart.empty.map((gpus) => fill(m.scalingNone, { gpus: gpuCountText(gpus, lang) })).join(lang === 'zh' ? '；' : '; ')}</span> : null}
    </>
  );
  return (
    <ChartFrame id="strong-scaling" title={m.scalingTitle} summary={summary} table={table} caption={notes} height={340} busy={sweeping}>
      {hasMarks ? <SvgPlot x={x} y={y} y2={y2} yAxisWidth={40} legend={legend} legendBelow label={m.scalingTitle} marks={marks} tooltip={tooltip} /> : null}
    </ChartFrame>
  );
}

/** `strong-scaling`: MFU and days against GPU count, with the published points of the accelerator. */
export const ScalingChart = memo(withPlanScope(ScalingInner));
