import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/ui/chart-frame';
import { HIGHLIGHT, PALETTE } from '../../components/ui/palette';
import { decadeTicks, formatDecade, perLang, rangeTicks } from '../../components/ui/chart-helpers';
import { useChartData } from '../../store/store-context';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber, formatScientific } from '../../i18n/format';
import type { LossLaw } from '../../core';
import { MESSAGES } from './messages';
import { LOSS_LAW_ORDER, lossChart, type LossChart } from './scaling.data';

export const LAW_COLORS: Readonly<Record<LossLaw | 'tokens20', string>> = {
  hoffmann2022: PALETTE[0],
  besiroglu2024: PALETTE[2],
  kaplan2020: PALETTE[3],
  tokens20: PALETTE[4],
};

const MARGIN = { top: 16, right: 16, bottom: 18, left: 4 };
const LEGEND_STYLE = { fontSize: 12 };
const COMPUTE_TICK = formatDecade;
const CURRENT_LABEL = perLang((lang) => ({ value: MESSAGES[lang].current, position: 'right' as const, fontSize: 11, fill: HIGHLIGHT }));
const X_LABEL = perLang((lang) => ({ value: MESSAGES[lang].axisCompute, position: 'insideBottom' as const, offset: -10, fontSize: 12 }));
const Y_LABEL = perLang((lang) => ({
  value: MESSAGES[lang].axisLoss,
  angle: -90,
  position: 'insideLeft' as const,
  style: { textAnchor: 'middle' as const, fontSize: 12 },
}));
const LOSS_TICK = perLang((lang) => (value: number) => formatNumber(value, lang, 3));
const LOSS_VALUE = perLang((lang) => (value: unknown) => formatNumber(Number(value), lang, 4));
const COMPUTE_LABEL = (label: unknown) => `${formatScientific(Number(label), 3)} FLOPs`;

const LawPlot = memo(function LawPlot({ chart, lang }: { chart: LossChart; lang: Lang }) {
  const m = MESSAGES[lang];
  const xTicks = useMemo(() => decadeTicks(chart.xDomain[0], chart.xDomain[1], 6), [chart.xDomain]);
  const yTicks = useMemo(() => rangeTicks(chart.yDomain[0], chart.yDomain[1], 5), [chart.yDomain]);
  const lawName = (law: LossLaw) => m[`lawShort_${law}`];
  const labelledLaw = LOSS_LAW_ORDER.find((law) => chart.current.loss[law] !== null);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={chart.rows} margin={MARGIN}>
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
        <YAxis type="number" domain={chart.yDomain} ticks={yTicks} allowDataOverflow tickFormatter={LOSS_TICK[lang]} width={52} label={Y_LABEL[lang]} />
        <Tooltip formatter={LOSS_VALUE[lang]} labelFormatter={COMPUTE_LABEL} isAnimationActive={false} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} verticalAlign="top" />
        {LOSS_LAW_ORDER.map((law) => (
          <Line
            key={law}
            dataKey={law}
            name={`${lawName(law)} · ${m.optimalSuffix}`}
            stroke={LAW_COLORS[law]}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        {LOSS_LAW_ORDER.map((law) => (
          <Line
            key={`iso-${law}`}
            dataKey={`iso_${law}`}
            name={`${lawName(law)} · ${m.isoSuffix}`}
            stroke={LAW_COLORS[law]}
            strokeWidth={1.5}
            strokeDasharray="5 4"
            dot={false}
            legendType="none"
            isAnimationActive={false}
          />
        ))}
        {LOSS_LAW_ORDER.map((law) => {
          const loss = chart.current.loss[law];
          if (loss === null) return null;
          const label = law === labelledLaw ? CURRENT_LABEL[lang] : undefined;
          return (
            <ReferenceDot
              key={`current-${law}`}
              x={chart.current.compute}
              y={loss}
              r={6}
              fill={HIGHLIGHT}
              stroke={LAW_COLORS[law]}
              strokeWidth={2.5}
              label={label}
              ifOverflow="extendDomain"
            />
          );
        })}
      </LineChart>
    </ResponsiveContainer>
  );
});

/** `scaling-law`: loss vs compute under each fitted law, with this run marked. */
export const ScalingLawChart = memo(function ScalingLawChart({ visible = true }: { visible?: boolean }) {
  const { series } = useChartData(visible);
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const chart = useMemo(() => lossChart(series.lossVsCompute), [series.lossVsCompute]);
  const caption = fill(m.lawChartCaption, {
    params: formatCount(chart.current.params, lang),
    compute: formatScientific(chart.current.compute),
  });
  return (
    <ChartFrame id="scaling-law" title={m.lawChartTitle} caption={caption} height={360}>
      <LawPlot chart={chart} lang={lang} />
    </ChartFrame>
  );
});
