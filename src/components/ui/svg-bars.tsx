import { memo, useRef } from 'react';
import { useChartName } from './chart-name';
import { useSize } from './use-size';

/**
 * Horizontal bars drawn as plain SVG (no chart library): for the first chart on the page, which
 * must paint with the page's own JavaScript and follow a slider drag in a few milliseconds
 * (performance issue; Recharts costs 20–45 ms per update here and 100 KB gzip to load).
 * Each bar's name and value sit just above it, from its start, so labels never collide.
 */
export interface BarRow {
  key: string;
  /** Bold part of the label. */
  name: string;
  /** Rest of the label (value, share). */
  text: string;
  value: number;
  color: string;
  /** 1 unless the part is de-emphasised (e.g. experts a token does not use). */
  opacity: number;
  /** Native tooltip text. */
  title: string;
}

export interface BarAxis {
  domain: readonly [number, number];
  ticks: readonly number[];
  format: (value: number) => string;
  label: string;
}

const MARGIN = { top: 18, right: 16, bottom: 44, left: 8 };
const FALLBACK = { width: 600, height: 300 };
/** Share of each row's band taken by its bar, and left below it; the rest, above, holds the label. */
const BAR_SHARE = 0.48;
const GAP_BELOW = 0.12;

function Plot({ rows, axis, width, height, label }: { rows: readonly BarRow[]; axis: BarAxis; width: number; height: number; label: string }) {
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(1, height - MARGIN.top - MARGIN.bottom);
  const [low, high] = axis.domain;
  const span = high > low ? high - low : 1;
  const x = (value: number) => MARGIN.left + (Math.min(Math.max(value, low), high) - low) / span * plotWidth;
  const band = plotHeight / Math.max(1, rows.length);
  const thickness = band * BAR_SHARE;
  const axisY = MARGIN.top + plotHeight;
  const name = useChartName(label);
  return (
    <svg className="svg-plot" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" {...name}>
      <g className="svg-chart__bars">
        {rows.map((row, index) => {
          const top = MARGIN.top + (index + 1) * band - band * GAP_BELOW - thickness;
          const barWidth = Math.max(0, x(row.value) - x(low));
          return (
            <g key={row.key}>
              <title>{row.title}</title>
              <rect className="chart-mark" x={x(low)} y={top} width={barWidth} height={thickness} fill={row.color} fillOpacity={row.opacity} />
              <text className="svg-chart__label" x={x(low) + 1} y={top - 5} fontSize={12}>
                <tspan fontWeight={600}>{row.name}</tspan>
                {`: ${row.text}`}
              </text>
            </g>
          );
        })}
      </g>
      <g className="svg-chart__axis">
        <line x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={axisY} y2={axisY} />
        {axis.ticks.map((tick) => (
          <g key={tick} transform={`translate(${x(tick)} ${axisY})`}>
            <line y2={6} />
            <text y={20} textAnchor="middle" fontSize={12}>
              {axis.format(tick)}
            </text>
          </g>
        ))}
        <text className="svg-chart__axis-label" x={MARGIN.left + plotWidth / 2} y={axisY + 38} textAnchor="middle" fontSize={12}>
          {axis.label}
        </text>
      </g>
    </svg>
  );
}

/** Fills its container (the chart frame's body); redraws only when its rows, axis or size change. */
export const SvgBars = memo(function SvgBars(props: { rows: readonly BarRow[]; axis: BarAxis; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const size = useSize(ref, FALLBACK);
  return (
    <div ref={ref} className="svg-chart">
      <Plot rows={props.rows} axis={props.axis} width={size.width} height={size.height} label={props.label} />
    </div>
  );
});
