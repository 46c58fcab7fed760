import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ReferenceDot,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TooltipContentProps } from 'recharts';
import type { Props as LabelProps } from 'recharts/types/component/Label';
import { ChartFrame } from '../../components/ui/chart-frame';
import { HIGHLIGHT } from '../../components/ui/palette';
import { decadeTicks, formatCompactCount, formatDecade, perLang } from '../../components/ui/chart-helpers';
import { useChartData } from '../../store/store-context';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber, formatScientific } from '../../i18n/format';
import type { OptimalLaw } from '../../core';
import { MESSAGES } from './messages';
import { LAW_COLORS } from './scaling-law-chart';
import { OPTIMAL_LAW_ORDER, frontierChart, type FrontierChart, type RunPoint } from './scaling.data';

const MARGIN = { top: 16, right: 20, bottom: 18, left: 4 };
const LEGEND_STYLE = { fontSize: 12 };
const RUN_FILL = '#999999';
const RUN_STROKE = '#5f6b76';
const TOOLTIP_BOX = {
  background: 'var(--bg)',
  border: '1px solid var(--border)',
  borderRadius: 6,
  padding: '6px 8px',
  fontSize: 12,
  maxWidth: 320,
} as const;
const COMPUTE_TICK = formatDecade;
const X_LABEL = perLang((lang) => ({ value: MESSAGES[lang].axisCompute, position: 'insideBottom' as const, offset: -10, fontSize: 12 }));
const Y_LABEL = perLang((lang) => ({
  value: MESSAGES[lang].axisParams,
  angle: -90,
  position: 'insideLeft' as const,
  style: { textAnchor: 'middle' as const, fontSize: 12 },
}));
const PARAMS_TICK = perLang((lang) => (value: number) => formatCompactCount(value, lang));

/** A run's short name to the right of its point, on one line (Recharts would wrap it). */
function RunLabel(props: LabelProps) {
  const box = props.viewBox as { x?: number; y?: number; width?: number; height?: number } | undefined;
  const text = typeof props.value === 'string' ? props.value : '';
  if (!text || !box) return null;
  const x = (box.x ?? 0) + (box.width ?? 0) + 3;
  const y = (box.y ?? 0) + (box.height ?? 0) / 2 + 3;
  return (
    <text x={x} y={y} fontSize={10} className="recharts-text">
      {text}
    </text>
  );
}

function runText(run: RunPoint, lang: Lang): string {
  const m = MESSAGES[lang];
  return fill(m.runTooltip, {
    model: run.model,
    year: run.year,
    params: formatCount(run.params, lang),
    tokens: formatCount(run.tokens, lang),
    tpp: formatNumber(run.tokensPerParam, lang, 3),
    compute: formatScientific(run.compute),
    derived: run.computeDerived ? m.runDerived : '',
  });
}

function isRun(value: unknown): value is RunPoint {
  return typeof value === 'object' && value !== null && 'model' in value && 'tokensPerParam' in value;
}

/** Lines at the hovered compute, or the run under the pointer. */
function makeTooltip(lang: Lang) {
  const m = MESSAGES[lang];
  return function FrontierTooltip(props: TooltipContentProps) {
    if (!props.active || !props.payload || props.payload.length === 0) return null;
    const runs = props.payload.map((entry) => entry.payload as unknown).filter(isRun);
    if (runs.length > 0) {
      return (
        <div style={TOOLTIP_BOX}>
          {runs.map((run) => (
            <div key={run.id}>{runText(run, lang)}</div>
          ))}
        </div>
      );
    }
    const compute = Number(props.label);
    return (
      <div style={TOOLTIP_BOX}>
        <div>{`${formatScientific(compute, 3)} FLOPs`}</div>
        {props.payload.map((entry) => (
          <div key={String(entry.dataKey)} style={{ color: entry.color }}>
            {`${m[`lawShort_${entry.dataKey as OptimalLaw}`] ?? String(entry.name)}: ${formatCount(Number(entry.value), lang)}`}
          </div>
        ))}
      </div>
    );
  };
}
const TOOLTIPS = perLang(makeTooltip);

const FrontierPlot = memo(function FrontierPlot({ chart, lang, currentLabelText }: { chart: FrontierChart; lang: Lang; currentLabelText: string }) {
  const m = MESSAGES[lang];
  const xTicks = useMemo(() => decadeTicks(chart.xDomain[0], chart.xDomain[1], 6), [chart.xDomain]);
  const yTicks = useMemo(() => decadeTicks(chart.yDomain[0], chart.yDomain[1], 8), [chart.yDomain]);
  const currentLabel = useMemo(() => ({ value: currentLabelText, position: 'left' as const, fontSize: 11, fill: HIGHLIGHT }), [currentLabelText]);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={chart.rows} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
        <XAxis
          dataKey="compute"
          type="number"
          scale="log"
          domain={chart.xDomain}
          allowDataOverflow
          ticks={xTicks}
          tickFormatter={COMPUTE_TICK}
          label={X_LABEL[lang]}
          height={40}
        />
        <YAxis type="number" scale="log" domain={chart.yDomain} allowDataOverflow ticks={yTicks} tickFormatter={PARAMS_TICK[lang]} width={lang === 'zh' ? 78 : 60} label={Y_LABEL[lang]} />
        <Tooltip content={TOOLTIPS[lang]} isAnimationActive={false} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} verticalAlign="top" />
        {OPTIMAL_LAW_ORDER.map((law) => (
          <Line
            key={law}
            dataKey={law}
            name={m[`lawShort_${law}`]}
            stroke={LAW_COLORS[law]}
            strokeWidth={law === 'tokens20' ? 2.5 : 2}
            strokeDasharray={law === 'tokens20' ? '7 4' : undefined}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        <Scatter data={chart.confirmed} dataKey="params" name={m.runsConfirmed} fill={RUN_FILL} stroke={RUN_STROKE} isAnimationActive={false}>
          <LabelList dataKey="label" content={RunLabel} />
        </Scatter>
        <Scatter data={chart.unconfirmed} dataKey="params" name={m.runsUnconfirmed} fill="#ffffff" stroke={RUN_STROKE} strokeWidth={1.5} legendType="circle" isAnimationActive={false}>
          <LabelList dataKey="label" content={RunLabel} />
        </Scatter>
        <ReferenceDot
          x={chart.current.compute}
          y={chart.current.params}
          r={7}
          fill={HIGHLIGHT}
          stroke="#fff"
          strokeWidth={1.5}
          label={currentLabel}
          ifOverflow="extendDomain"
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

/** `compute-optimal`: compute-optimal parameters vs compute per law, with published runs and this scenario. */
export const ComputeOptimalChart = memo(function ComputeOptimalChart({ visible = true }: { visible?: boolean }) {
  const { series } = useChartData(visible);
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const chart = useMemo(() => frontierChart(series.computeOptimalFrontier), [series.computeOptimalFrontier]);
  const caption = fill(m.frontierChartCaption, {
    params: formatCount(chart.current.params, lang),
    compute: formatScientific(chart.current.compute),
  });
  return (
    <ChartFrame id="compute-optimal" title={m.frontierChartTitle} caption={caption} height={400}>
      <FrontierPlot chart={chart} lang={lang} currentLabelText={m.current} />
    </ChartFrame>
  );
});
