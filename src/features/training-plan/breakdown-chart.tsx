/**
 * `step-breakdown`: where one optimizer step's time goes (compute, recomputation, TP, CP, EP,
 * pipeline bubble and sends, DP, optimizer), stacked, for the scenario's layout and the planner's
 * best, plain SVG through the kit.
 */
import { memo, useMemo } from 'react';
import { ChartFrame } from '../../components/ui/chart-frame';
import { SvgPlot, bandAxis, type LegendItem, type PlotArea, type PlotAxis } from '../../components/ui/svg-plot';
import { PALETTE } from '../../components/ui/palette';
import { linearAxis } from '../../components/ui/chart-scales';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill } from '../../i18n/i18n';
import { durationTickFormat, formatDuration, formatPercent } from '../../i18n/format';
import { MESSAGES } from './messages';
import { usePlanView, withPlanScope } from './plan-scope';
import { PlanStatusLine } from './plan-status';
import { causeWord } from './layouts-table';
import { BREAKDOWN_KEYS, breakdownBars, type BreakdownBar, type BreakdownKey } from './training-plan.data';
import { softwareName } from '../../view/framework-name';

export const BREAKDOWN_COLORS: Readonly<Record<BreakdownKey | 'other', string>> = {
  compute: PALETTE[0]!,
  recompute: PALETTE[5]!,
  tp: PALETTE[1]!,
  cp: PALETTE[6]!,
  ep: PALETTE[7]!,
  ppBubble: PALETTE[3]!,
  ppP2p: '#882255', // wine (Tol's colour-blind-safe set): PALETTE[8 % 8] was compute's blue
  dp: PALETTE[2]!,
  optimizer: PALETTE[4]!,
  offload: '#332288', // indigo (Tol's colour-blind-safe set): the Okabe–Ito eight are taken
  other: '#BBBBBB', // lighter than EP's grey (PALETTE[7])
};
const STACK = [...BREAKDOWN_KEYS, 'other'] as const;
const BAR_GAP = 0.35;

function layoutText(bar: BreakdownBar | undefined, text: string): string {
  return bar ? text : '—';
}

function BreakdownInner() {
  const { plan, estimate } = usePlanView();
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const bars = useMemo(() => breakdownBars(estimate, plan.plan), [estimate, plan.plan]);
  const names = bars.map((bar) => (bar.key === 'scenario' ? m.breakdownScenario : m.breakdownBest));
  const max = Math.max(0, ...bars.map((bar) => bar.total));
  const y = useMemo((): PlotAxis => {
    const { domain, ticks } = linearAxis(max > 0 ? max : 1);
    return { kind: 'linear', domain, ticks, format: durationTickFormat(domain[1], lang, 2), label: m.breakdownAxis };
  }, [max, lang, m]);
  const namesKey = names.join('|');
  const x = useMemo(() => bandAxis(namesKey.split('|')), [namesKey]);
  const present = STACK.filter((cause) => bars.some((bar) => (cause === 'other' ? bar.other : bar.parts[cause]) > 0));
  const legend: LegendItem[] = present.map((cause) => ({ key: cause, name: causeWord(m, cause), color: BREAKDOWN_COLORS[cause], shape: 'line' }));
  const marks = (area: PlotArea) =>
    bars.map((bar, index) => {
      const x0 = area.x(index + BAR_GAP / 2);
      const width = area.x(index + 1 - BAR_GAP / 2) - x0;
      let base = 0;
      return (
        <g key={bar.key}>
          {present.map((cause) => {
            const seconds = cause === 'other' ? bar.other : bar.parts[cause];
            const low = base;
            base += seconds;
            const top = area.y(base);
            const height = Math.max(0, area.y(low) - top);
            if (!(height > 0) || !Number.isFinite(top)) return null;
            return <rect key={cause} className="chart-mark" x={x0} y={top} width={width} height={height} fill={BREAKDOWN_COLORS[cause]} />;
          })}
        </g>
      );
    });
  const tooltip = (value: number) => {
    const bar = bars[Math.floor(value)];
    if (!bar) return null;
    return (
      <>
        <div>{`${names[Math.floor(value)]}: ${formatDuration(bar.total, lang)}`}</div>
        {[...present].reverse().map((cause) => {
          const seconds = cause === 'other' ? bar.other : bar.parts[cause];
          return seconds > 0 ? <div key={cause} style={{ color: BREAKDOWN_COLORS[cause] }}>{`${causeWord(m, cause)}: ${formatDuration(seconds, lang)} (${formatPercent(seconds / bar.total, lang, 2)})`}</div> : null;
        })}
      </>
    );
  };
  const scenarioBar = bars.find((bar) => bar.key === 'scenario');
  const bestBar = bars.find((bar) => bar.key === 'best');
  const caption = fill(scenarioBar || !bestBar ? m.breakdownCaption : m.breakdownCaptionBest, {
    scenario: layoutText(scenarioBar, scenarioBar ? formatDuration(scenarioBar.total, lang) : ''),
    best: layoutText(bestBar, bestBar ? formatDuration(bestBar.total, lang) : ''),
    software: softwareName(estimate, lang),
  });
  const partOf = (bar: BreakdownBar, cause: (typeof STACK)[number]) => (cause === 'other' ? bar.other : bar.parts[cause]);
  const lead = scenarioBar ?? bestBar;
  const largest = lead ? present.reduce<(typeof STACK)[number] | null>((best, cause) => (best === null || partOf(lead, cause) > partOf(lead, best) ? cause : best), null) : null;
  const summary =
    lead && largest
      ? fill(scenarioBar ? m.breakdownSummary : m.breakdownSummaryBest, {
          scenario: layoutText(scenarioBar, scenarioBar ? formatDuration(scenarioBar.total, lang) : ''),
          cause: causeWord(m, largest),
          share: formatPercent(partOf(lead, largest) / lead.total, lang, 2),
          best: layoutText(bestBar, bestBar ? formatDuration(bestBar.total, lang) : ''),
        })
      : m.breakdownSummaryNone;
  const table = () => ({
    columns: [m.breakdownColLayout, ...present.map((cause) => causeWord(m, cause)), m.breakdownColTotal],
    rows: bars.map((bar, index) => [names[index] ?? '', ...present.map((cause) => formatDuration(partOf(bar, cause), lang)), formatDuration(bar.total, lang)]),
  });
  return (
    <ChartFrame
      id="step-breakdown"
      title={m.breakdownTitle}
      summary={summary}
      table={table}
      caption={
        <>
          {caption}
          {bars.length === 0 ? <PlanStatusLine inline /> : null}
          {!scenarioBar && bestBar ? <span className="training-plan__note">{m.breakdownNoScenario}</span> : null}
        </>
      }
      height={340}
    >
      {bars.length > 0 ? <SvgPlot x={x} y={y} yAxisWidth={44} legend={legend} legendBelow label={m.breakdownTitle} marks={marks} tooltip={tooltip} /> : null}
    </ChartFrame>
  );
}

/** `step-breakdown`: the scenario's step and the best layout's, by cause. */
export const BreakdownChart = memo(withPlanScope(BreakdownInner));
