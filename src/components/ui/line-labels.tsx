import { memo } from 'react';
import { DefaultZIndexes, usePlotArea, useYAxisScale, ZIndexLayer } from 'recharts';
import { placeLineLabels, type LineLabel } from './label-placement';

export type { LineLabel } from './label-placement';

const HALO = { paintOrder: 'stroke' as const, stroke: 'var(--bg)', strokeWidth: 3, strokeLinejoin: 'round' as const };

/**
 * Labels for horizontal reference lines, drawn inside a Recharts cartesian chart (as a child) at
 * the right edge just above their lines and pushed apart so close lines never overlap. Lines
 * outside the plot get no label. Uses the chart's y scale, so it follows log axes too.
 */
export const LineLabels = memo(function LineLabels({ labels, align = 'right' }: { labels: readonly LineLabel[]; align?: 'right' | 'left' }) {
  const scale = useYAxisScale();
  const plot = usePlotArea();
  if (!scale || !plot) return null;
  const placed = placeLineLabels(labels, (value) => scale(value) ?? Number.NaN, plot.y, plot.height);
  const x = align === 'right' ? plot.x + plot.width - 4 : plot.x + 4;
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.label}>
      <g className="line-labels">
      {placed.map(({ label, textY }) => (
        <text
          key={label.key}
          x={x}
          y={textY}
          textAnchor={align === 'right' ? 'end' : 'start'}
          fontSize={11}
          fontWeight={label.bold ? 600 : 400}
          style={{ ...HALO, fill: label.color }}
        >
          {label.text}
        </text>
      ))}
      </g>
    </ZIndexLayer>
  );
});
