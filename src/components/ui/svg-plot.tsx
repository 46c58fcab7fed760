import { useCallback, useId, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useSize } from './use-size';

/**
 * A cartesian plot drawn as plain SVG (no chart library): axes, grid, a legend and a hover
 * readout, with the marks supplied by the chart as a function of the plot area. Used by the
 * charts that follow a slider drag on screen: a Recharts update costs 20–50 ms of script plus
 * layout here, this one a few milliseconds (performance issue, docs/performance.md).
 */

export type ScaleKind = 'log' | 'linear';

export interface PlotAxis {
  kind: ScaleKind;
  domain: readonly [number, number];
  ticks: readonly number[];
  format: (value: number) => string;
  label: string;
}

export interface Scale {
  /** Data value → pixel (log scales map non-positive values to NaN). */
  (value: number): number;
  invert: (pixel: number) => number;
}

export function makeScale(kind: ScaleKind, [d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale {
  const t = kind === 'log' ? (v: number) => (v > 0 ? Math.log10(v) : Number.NaN) : (v: number) => v;
  const a = t(d0);
  const b = t(d1);
  const span = b - a || 1;
  const scale = ((value: number) => r0 + ((t(value) - a) / span) * (r1 - r0)) as Scale;
  scale.invert = (pixel: number) => {
    const v = a + ((pixel - r0) / (r1 - r0 || 1)) * span;
    return kind === 'log' ? 10 ** v : v;
  };
  return scale;
}

export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
  x: Scale;
  y: Scale;
}

export interface LegendItem {
  key: string;
  name: string;
  color: string;
  /** How the swatch is drawn: a line (optionally dashed) or a dot (optionally open). */
  shape: 'line' | 'dot';
  dash?: string;
  open?: boolean;
}

const FALLBACK = { width: 600, height: 320 };

/** SVG path data of a polyline through the points; null or non-finite points break the line. */
export function linePath(points: readonly (readonly [number, number | null])[], area: PlotArea): string {
  let d = '';
  let pen = false;
  for (const [xv, yv] of points) {
    const px = yv === null ? Number.NaN : area.x(xv);
    const py = yv === null ? Number.NaN : area.y(yv);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Whether a value lies inside a domain (inclusive, either order). */
export function inDomain(value: number, [a, b]: readonly [number, number]): boolean {
  return value >= Math.min(a, b) && value <= Math.max(a, b);
}

function Legend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="svg-legend">
      {items.map((item) => (
        <li key={item.key} className="svg-legend__item">
          <svg width={18} height={10} aria-hidden="true">
            {item.shape === 'line' ? (
              <line x1={1} x2={17} y1={5} y2={5} stroke={item.color} strokeWidth={2} strokeDasharray={item.dash} />
            ) : (
              <circle cx={9} cy={5} r={4} fill={item.open ? 'none' : item.color} stroke={item.color} strokeWidth={1.5} />
            )}
          </svg>
          {item.name}
        </li>
      ))}
    </ul>
  );
}

export interface SvgPlotProps {
  x: PlotAxis;
  y: PlotAxis;
  /** Room for the y tick labels, px. */
  yAxisWidth: number;
  legend?: readonly LegendItem[];
  /** Accessible name of the plot (the chart title). */
  label: string;
  /** The marks, drawn inside the plot area (clipped to it). */
  marks: (area: PlotArea) => ReactNode;
  /** Drawn above the clip (labels that may reach into the margin). */
  overlay?: (area: PlotArea) => ReactNode;
  /** Readout for a pointer at data x (and pixel y), or null for none. */
  tooltip?: (dataX: number, pixelY: number, area: PlotArea) => ReactNode | null;
}

const MARGIN = { top: 14, right: 18, bottom: 44 };

/** Fills its container: legend on top, the plot below it. */
export function SvgPlot(props: SvgPlotProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const size = useSize(plotRef, FALLBACK);
  const clipId = useId();
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  const left = props.yAxisWidth + 22;
  const width = Math.max(1, size.width - left - MARGIN.right);
  const height = Math.max(1, size.height - MARGIN.top - MARGIN.bottom);
  const area: PlotArea = {
    left,
    top: MARGIN.top,
    width,
    height,
    x: makeScale(props.x.kind, props.x.domain, [left, left + width]),
    y: makeScale(props.y.kind, props.y.domain, [MARGIN.top + height, MARGIN.top]),
  };
  const onPointerMove = useCallback((event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setPointer({ x: event.clientX - box.left, y: event.clientY - box.top });
  }, []);
  const onPointerLeave = useCallback(() => setPointer(null), []);
  const inside =
    pointer !== null && pointer.x >= left && pointer.x <= left + width && pointer.y >= MARGIN.top && pointer.y <= MARGIN.top + height;
  const readout = inside && props.tooltip ? props.tooltip(area.x.invert(pointer.x), pointer.y, area) : null;
  const bottom = MARGIN.top + height;
  return (
    <div className="svg-chart svg-chart--plot">
      {props.legend && props.legend.length > 0 ? <Legend items={props.legend} /> : null}
      <div ref={plotRef} className="svg-chart__plot">
        <svg
          className="svg-plot"
          width={size.width}
          height={size.height}
          viewBox={`0 0 ${size.width} ${size.height}`}
          role="img"
          aria-label={props.label}
          onPointerMove={props.tooltip ? onPointerMove : undefined}
          onPointerLeave={props.tooltip ? onPointerLeave : undefined}
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={left} y={MARGIN.top} width={width} height={height} />
            </clipPath>
          </defs>
          <g className="svg-chart__grid">
            {props.x.ticks.map((tick) => (
              <line key={`x${tick}`} x1={area.x(tick)} x2={area.x(tick)} y1={MARGIN.top} y2={bottom} />
            ))}
            {props.y.ticks.map((tick) => (
              <line key={`y${tick}`} x1={left} x2={left + width} y1={area.y(tick)} y2={area.y(tick)} />
            ))}
          </g>
          <g className="svg-chart__axis">
            <line x1={left} x2={left + width} y1={bottom} y2={bottom} />
            <line x1={left} x2={left} y1={MARGIN.top} y2={bottom} />
            {props.x.ticks.map((tick) => (
              <g key={tick} transform={`translate(${area.x(tick).toFixed(1)} ${bottom})`}>
                <line y2={6} />
                <text y={20} textAnchor="middle" fontSize={12}>
                  {props.x.format(tick)}
                </text>
              </g>
            ))}
            {props.y.ticks.map((tick) => (
              <g key={tick} transform={`translate(${left} ${area.y(tick).toFixed(1)})`}>
                <line x2={-6} />
                <text x={-9} y={4} textAnchor="end" fontSize={12}>
                  {props.y.format(tick)}
                </text>
              </g>
            ))}
            <text className="svg-chart__axis-label" x={left + width / 2} y={bottom + 38} textAnchor="middle" fontSize={12}>
              {props.x.label}
            </text>
            <text
              className="svg-chart__axis-label"
              transform={`translate(12 ${MARGIN.top + height / 2}) rotate(-90)`}
              textAnchor="middle"
              fontSize={12}
            >
              {props.y.label}
            </text>
          </g>
          <g clipPath={`url(#${clipId})`}>{props.marks(area)}</g>
          {props.overlay ? <g>{props.overlay(area)}</g> : null}
          {readout !== null && pointer ? <line className="svg-chart__cursor" x1={pointer.x} x2={pointer.x} y1={MARGIN.top} y2={bottom} /> : null}
        </svg>
        {readout !== null && pointer ? (
          <div
            className="svg-tooltip"
            role="status"
            style={{
              left: pointer.x > size.width / 2 ? undefined : pointer.x + 14,
              right: pointer.x > size.width / 2 ? size.width - pointer.x + 14 : undefined,
              top: Math.max(0, pointer.y - 10),
            }}
          >
            {readout}
          </div>
        ) : null}
      </div>
    </div>
  );
}
