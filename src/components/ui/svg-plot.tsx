import { useCallback, useId, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useChartName } from './chart-name';
import { area as d3Area, curveLinear, curveStepAfter, line as d3Line } from 'd3-shape';
import type { ScaleKind } from './chart-scales';
import { useSize } from './use-size';

export type { ScaleKind } from './chart-scales';

/**
 * A cartesian plot drawn as plain SVG (no chart library): axes, grid, a legend and a hover
 * readout, with the marks supplied by the chart as a function of the plot area. Used by the
 * charts that follow a slider drag on screen: a Recharts update costs 20–50 ms of script plus
 * layout here, this one a few milliseconds (performance issue, docs/performance.md).
 */

export interface PlotAxis {
  kind: ScaleKind;
  domain: readonly [number, number];
  ticks: readonly number[];
  format: (value: number) => string;
  /** Axis title ('' for none). */
  label: string;
  /** Grid lines at the ticks (default true). */
  grid?: boolean;
  /** Custom tick text, drawn at the tick (x axis: just below the axis). Default: `format`. */
  renderTick?: (value: number) => ReactNode;
}

/**
 * A category axis as a linear one: category i spans [i, i + 1], its tick at i + ½, so bars are
 * drawn with the same scale as everything else. `names[i]` labels category i; `slant` (degrees)
 * tilts the labels so long names never collide.
 */
export function bandAxis(names: readonly string[], label = '', slant = 0): PlotAxis {
  return {
    kind: 'linear',
    domain: [0, Math.max(1, names.length)],
    ticks: names.map((_, i) => i + 0.5),
    format: (value: number) => names[Math.floor(value)] ?? '',
    label,
    grid: false,
    renderTick:
      slant > 0
        ? (value: number) => (
            <text transform={`translate(0 10) rotate(${-slant})`} textAnchor="end" fontSize={11}>
              {names[Math.floor(value)] ?? ''}
            </text>
          )
        : undefined,
  };
}

/** A bar of a band axis from the bottom of the plot up to `value`, `gap` of its band left empty. */
export function BandBar(props: { area: PlotArea; index: number; value: number; gap: number; color: string }) {
  const { area, index } = props;
  const x0 = area.x(index + props.gap / 2);
  const y = Math.max(area.top, area.y(props.value));
  const height = Number.isFinite(y) ? Math.max(0, area.top + area.height - y) : 0;
  return (
    <rect className="chart-mark" x={x0} y={Number.isFinite(y) ? y : area.top + area.height} width={area.x(index + 1 - props.gap / 2) - x0} height={height} fill={props.color} />
  );
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
  /** The right-hand y axis's scale, when the plot has one. */
  y2?: Scale;
}

export type MarkerShape = 'circle' | 'triangle' | 'diamond' | 'cross';

/** A scatter point's symbol centred on (x, y), about 2r across. */
export function Marker(props: { shape: MarkerShape; x: number; y: number; r: number; color: string; open?: boolean; className?: string }) {
  const { x, y, r, color } = props;
  const fill = props.open ? 'none' : color;
  const common = { className: props.className, fill, stroke: color, strokeWidth: props.open ? 1.5 : 1 };
  switch (props.shape) {
    case 'circle':
      return <circle {...common} cx={x} cy={y} r={r} />;
    case 'triangle':
      return <path {...common} d={`M${x},${y - r * 1.15}L${x + r},${y + r * 0.75}L${x - r},${y + r * 0.75}Z`} />;
    case 'diamond':
      return <path {...common} d={`M${x},${y - r * 1.2}L${x + r},${y}L${x},${y + r * 1.2}L${x - r},${y}Z`} />;
    case 'cross': {
      const a = r * 0.35;
      return (
        <path
          {...common}
          d={`M${x - a},${y - r}H${x + a}V${y - a}H${x + r}V${y + a}H${x + a}V${y + r}H${x - a}V${y + a}H${x - r}V${y - a}H${x - a}Z`}
        />
      );
    }
  }
}

export interface LegendItem {
  key: string;
  name: string;
  color: string;
  /** How the swatch is drawn: a line (optionally dashed), a bar's block, or a symbol (optionally open). */
  shape: 'line' | 'dot' | 'bar' | MarkerShape;
  dash?: string;
  open?: boolean;
  /** The bar block's fill opacity (as the bars it names). */
  opacity?: number;
}

const FALLBACK = { width: 600, height: 320 };

/** Rough width of 12 px text: ~12 px per CJK character, ~6.5 px per other character. */
/**
 * Label every k-th x tick so the labels never run into each other: k = ⌈(widest label + 8 px) ÷
 * the closest two ticks as drawn⌉ (a domain wider than the ticks, or a log axis, packs them closer
 * than width ÷ count). Units: px.
 */
export function tickLabelStride(positions: readonly number[], labelWidths: readonly number[]): number {
  if (positions.length < 2) return 1;
  const spacing = Math.min(...positions.slice(1).map((position, index) => Math.abs(position - (positions[index] ?? position))));
  const widest = Math.max(0, ...labelWidths) + 8;
  return spacing > 0 ? Math.max(1, Math.ceil(widest / spacing)) : positions.length;
}

function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 12 : 6.5;
  return width;
}

/** A point placed on the plot: pixel x and one or two pixel y values. */
type Placed = readonly number[];

/**
 * The one gap rule of lines and areas: a point is drawn only when its value is not null and every
 * one of its pixel coordinates is finite (a log axis maps zero and negatives to NaN). d3-shape
 * breaks a line or an area at every point that is not.
 */
const drawn = (point: Placed): boolean => point.every(Number.isFinite);
const lineShape = d3Line<Placed>((p) => p[0]!, (p) => p[1]!).defined(drawn).digits(1);
const areaShape = d3Area<Placed>((p) => p[0]!, (p) => p[1]!, (p) => p[2]!).defined(drawn).digits(1);

/**
 * SVG path data of a polyline through the points (d3-shape); null or non-finite points break the
 * line. `step`: hold each value until the next x (a staircase, like a count that jumps). `y`
 * picks the scale (the right-hand axis for `area.y2`).
 */
export function linePath(points: readonly (readonly [number, number | null])[], area: PlotArea, options: { step?: boolean; y?: Scale } = {}): string {
  const y = options.y ?? area.y;
  const placed = points.map(([xv, yv]): Placed => (yv === null ? [Number.NaN, Number.NaN] : [area.x(xv), y(yv)]));
  return lineShape.curve(options.step ? curveStepAfter : curveLinear)(placed) ?? '';
}

/** A data line (a chart mark): `points` as [x, y] with null for a gap. */
export function Curve(props: {
  area: PlotArea;
  points: readonly (readonly [number, number | null])[];
  color: string;
  width?: number;
  dash?: string;
  step?: boolean;
}) {
  return (
    <path
      className="chart-mark"
      d={linePath(props.points, props.area, { step: props.step })}
      fill="none"
      stroke={props.color}
      strokeWidth={props.width ?? 2}
      strokeDasharray={props.dash}
    />
  );
}

/**
 * SVG path data of the band between `low` and `high` at each x (a stacked area layer), d3-shape,
 * with the same gap rule as `linePath`: the band breaks where a point cannot be placed.
 */
export function areaPath(points: readonly (readonly [number, number, number])[], area: PlotArea): string {
  return areaShape(points.map(([xv, low, high]): Placed => [area.x(xv), area.y(low), area.y(high)])) ?? '';
}

/** A horizontal or vertical reference line across the plot, with an optional label inside it. */
export function RefLine(props: {
  area: PlotArea;
  x?: number;
  y?: number;
  color: string;
  width?: number;
  dash?: string;
  opacity?: number;
  label?: string;
  /**
   * Where the label sits. Horizontal lines: at the line's end or start, above or below it.
   * Vertical lines: at the top or bottom, right of the line (`top-left`: left of it); a label
   * that would leave the plot goes to the other side.
   */
  labelAt?: 'end-above' | 'end-below' | 'start-above' | 'start-below' | 'top' | 'top-left' | 'bottom';
  labelColor?: string;
  labelBold?: boolean;
}) {
  const { area } = props;
  const vertical = props.x !== undefined;
  const position = vertical ? area.x(props.x ?? 0) : area.y(props.y ?? 0);
  const low = vertical ? area.left : area.top;
  const high = vertical ? area.left + area.width : area.top + area.height;
  if (!Number.isFinite(position) || position < low - 0.5 || position > high + 0.5) return null;
  const right = area.left + area.width;
  const bottom = area.top + area.height;
  let text: ReactNode = null;
  if (props.label) {
    const at = props.labelAt ?? (vertical ? 'top' : 'end-above');
    const common = { className: 'svg-halo', fontSize: 11, fontWeight: props.labelBold ? 600 : undefined, fill: props.labelColor ?? props.color };
    if (vertical) {
      const flip = at === 'top-left' ? position > area.left + 90 : position > right - 90;
      text = (
        <text {...common} x={flip ? position - 5 : position + 5} y={at === 'bottom' ? bottom - 6 : area.top + 14} textAnchor={flip ? 'end' : 'start'}>
          {props.label}
        </text>
      );
    } else {
      const end = at === 'end-above' || at === 'end-below';
      const below = at === 'end-below' || at === 'start-below';
      text = (
        <text {...common} x={end ? right - 5 : area.left + 5} y={below ? position + 14 : position - 5} textAnchor={end ? 'end' : 'start'}>
          {props.label}
        </text>
      );
    }
  }
  return (
    <g>
      <line
        x1={vertical ? position : area.left}
        x2={vertical ? position : right}
        y1={vertical ? area.top : position}
        y2={vertical ? bottom : position}
        stroke={props.color}
        strokeWidth={props.width ?? 1}
        strokeDasharray={props.dash}
        strokeOpacity={props.opacity}
      />
      {text}
    </g>
  );
}

/**
 * A chart's legend as a list: each series' swatch (hidden from screen readers) and its name, in
 * the page's language. Also a Recharts chart's legend (`<Legend content={...}>`), whose own
 * swatches carry an English label.
 */
export function PlotLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="svg-legend">
      {items.map((item) => (
        <li key={item.key} className="svg-legend__item">
          <svg width={18} height={10} aria-hidden="true">
            {item.shape === 'line' ? (
              <line x1={1} x2={17} y1={5} y2={5} stroke={item.color} strokeWidth={2} strokeDasharray={item.dash} />
            ) : item.shape === 'bar' ? (
              <rect x={3} y={0} width={12} height={10} fill={item.color} fillOpacity={item.opacity} />
            ) : (
              <Marker shape={item.shape === 'dot' ? 'circle' : item.shape} x={9} y={5} r={4} color={item.color} open={item.open} />
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
  /** Room for the y tick labels, px: at least this, more if the widest label needs it. */
  yAxisWidth: number;
  /** A second y axis on the right (its own scale, `area.y2`). */
  y2?: PlotAxis;
  legend?: readonly LegendItem[];
  /** Accessible name of the plot (the chart title). */
  label: string;
  /** The marks, drawn inside the plot area (clipped to it). */
  marks: (area: PlotArea) => ReactNode;
  /** Drawn above the clip (labels that may reach into the margin). */
  overlay?: (area: PlotArea) => ReactNode;
  /** Readout for a pointer at data x (and pixel y), or null for none. */
  tooltip?: (dataX: number, pixelY: number, area: PlotArea) => ReactNode | null;
  /** Room below the plot for the x ticks and title, px (default 44). */
  xAxisHeight?: number;
  /** Room above the plot, px (default 14). */
  top?: number;
  /** Room right of the plot, px (default 18). */
  right?: number;
  legendBelow?: boolean;
}

const MARGIN = { top: 14, right: 18, bottom: 44 };

/** Fills its container: legend on top (or `legendBelow`), the plot below it. */
export function SvgPlot(props: SvgPlotProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const size = useSize(plotRef, FALLBACK);
  const clipId = useId();
  const name = useChartName(props.label);
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  // Room for the widest y tick label (zh labels such as 1000亿 are wider), at least `yAxisWidth`.
  const yLabels = props.y.ticks.map((tick) => props.y.format(tick));
  const yAxisWidth = Math.max(props.yAxisWidth, Math.ceil(Math.max(0, ...yLabels.map(textWidth)) + 12));
  const left = yAxisWidth + (props.y.label ? 22 : 6);
  const y2Labels = props.y2 ? props.y2.ticks.map((tick) => props.y2!.format(tick)) : [];
  const right = props.y2 ? Math.ceil(Math.max(0, ...y2Labels.map(textWidth)) + 12) + (props.y2.label ? 22 : 6) : (props.right ?? MARGIN.right);
  const top = props.top ?? MARGIN.top;
  const width = Math.max(1, size.width - left - right);
  const height = Math.max(1, size.height - top - (props.xAxisHeight ?? MARGIN.bottom));
  const area: PlotArea = {
    left,
    top,
    width,
    height,
    x: makeScale(props.x.kind, props.x.domain, [left, left + width]),
    y: makeScale(props.y.kind, props.y.domain, [top + height, top]),
    y2: props.y2 ? makeScale(props.y2.kind, props.y2.domain, [top + height, top]) : undefined,
  };
  const onPointerMove = useCallback((event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setPointer({ x: event.clientX - box.left, y: event.clientY - box.top });
  }, []);
  const onPointerLeave = useCallback(() => setPointer(null), []);
  const inside = pointer !== null && pointer.x >= left && pointer.x <= left + width && pointer.y >= top && pointer.y <= top + height;
  const readout = inside && props.tooltip ? props.tooltip(area.x.invert(pointer.x), pointer.y, area) : null;
  const bottom = top + height;
  // On a narrow plot, label every k-th x tick so the labels never run into each other (the tick
  // marks and grid stay).
  const xLabels = props.x.ticks.map((tick) => props.x.format(tick));
  const labelEvery = props.x.renderTick ? 1 : tickLabelStride(props.x.ticks.map((tick) => area.x(tick)), xLabels.map(textWidth));
  return (
    <div className="svg-chart svg-chart--plot">
      {props.legend && props.legend.length > 0 && !props.legendBelow ? <PlotLegend items={props.legend} /> : null}
      <div ref={plotRef} className="svg-chart__plot">
        <svg
          className="svg-plot"
          width={size.width}
          height={size.height}
          viewBox={`0 0 ${size.width} ${size.height}`}
          role="img"
          {...name}
          onPointerMove={props.tooltip ? onPointerMove : undefined}
          onPointerLeave={props.tooltip ? onPointerLeave : undefined}
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={left} y={top} width={width} height={height} />
            </clipPath>
          </defs>
          <g className="svg-chart__grid">
            {props.x.grid === false
              ? null
              : props.x.ticks.map((tick) => <line key={`x${tick}`} x1={area.x(tick)} x2={area.x(tick)} y1={top} y2={bottom} />)}
            {props.y.grid === false
              ? null
              : props.y.ticks.map((tick) => (
                  <line key={`y${tick}`} x1={left} x2={left + width} y1={area.y(tick)} y2={area.y(tick)} />
                ))}
          </g>
          <g className="svg-chart__axis">
            <line x1={left} x2={left + width} y1={bottom} y2={bottom} />
            <line x1={left} x2={left} y1={top} y2={bottom} />
            {props.x.ticks.map((tick, index) => (
              <g key={tick} transform={`translate(${area.x(tick).toFixed(1)} ${bottom})`}>
                <line y2={6} />
                {props.x.renderTick ? (
                  props.x.renderTick(tick)
                ) : index % labelEvery === 0 ? (
                  <text y={20} textAnchor="middle" fontSize={12}>
                    {xLabels[index]}
                  </text>
                ) : null}
              </g>
            ))}
            {props.y.ticks.map((tick, index) => (
              <g key={tick} transform={`translate(${left} ${area.y(tick).toFixed(1)})`}>
                <line x2={-6} />
                <text x={-9} y={4} textAnchor="end" fontSize={12}>
                  {yLabels[index]}
                </text>
              </g>
            ))}
            {props.x.label ? (
              <text className="svg-chart__axis-label" x={left + width / 2} y={bottom + (props.xAxisHeight ?? MARGIN.bottom) - 6} textAnchor="middle" fontSize={12}>
                {props.x.label}
              </text>
            ) : null}
            {props.y.label ? (
              <text className="svg-chart__axis-label" transform={`translate(12 ${top + height / 2}) rotate(-90)`} textAnchor="middle" fontSize={12}>
                {props.y.label}
              </text>
            ) : null}
            {props.y2 && area.y2 ? (
              <>
                <line x1={left + width} x2={left + width} y1={top} y2={bottom} />
                {props.y2.ticks.map((tick, index) => (
                  <g key={tick} transform={`translate(${left + width} ${area.y2!(tick).toFixed(1)})`}>
                    <line x2={6} />
                    <text x={9} y={4} textAnchor="start" fontSize={12}>
                      {y2Labels[index]}
                    </text>
                  </g>
                ))}
                {props.y2.label ? (
                  <text
                    className="svg-chart__axis-label"
                    transform={`translate(${size.width - 12} ${top + height / 2}) rotate(90)`}
                    textAnchor="middle"
                    fontSize={12}
                  >
                    {props.y2.label}
                  </text>
                ) : null}
              </>
            ) : null}
          </g>
          <g clipPath={`url(#${clipId})`}>{props.marks(area)}</g>
          {props.overlay ? <g>{props.overlay(area)}</g> : null}
          {readout !== null && pointer ? <line className="svg-chart__cursor" x1={pointer.x} x2={pointer.x} y1={top} y2={bottom} /> : null}
        </svg>
        {readout !== null && pointer ? (
          <div
            className="svg-tooltip"
            aria-hidden="true"
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
      {props.legend && props.legend.length > 0 && props.legendBelow ? <PlotLegend items={props.legend} /> : null}
    </div>
  );
}
