import { memo } from 'react';
import { DefaultZIndexes, usePlotArea, useYAxisScale, ZIndexLayer } from 'recharts';

/** One label for a horizontal reference line at `y` (in the chart's y-axis units). */
export interface LineLabel {
  key: string;
  y: number;
  text: string;
  color: string;
  bold?: boolean;
}

const GAP = 13;
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
  const top = plot.y + 11;
  const bottom = plot.y + plot.height - 2;
  const placed = labels
    .map((label) => ({ label, lineY: scale(label.y) }))
    .filter((item): item is { label: LineLabel; lineY: number } => typeof item.lineY === 'number' && Number.isFinite(item.lineY))
    .filter((item) => item.lineY >= plot.y - 0.5 && item.lineY <= plot.y + plot.height + 0.5)
    .sort((a, b) => b.lineY - a.lineY)
    .map((item) => ({ ...item, textY: Math.min(bottom, item.lineY - 3) }));
  // Bottom-up: each label at least GAP above the one below it.
  for (let i = 1; i < placed.length; i++) {
    const below = placed[i - 1]!;
    const current = placed[i]!;
    if (current.textY > below.textY - GAP) current.textY = below.textY - GAP;
  }
  // Top-down: nothing above the plot; push the stack back down where it overflowed.
  for (let i = placed.length - 1; i >= 0; i--) {
    const current = placed[i]!;
    const above = placed[i + 1];
    const limit = above ? above.textY + GAP : top;
    if (current.textY < limit) current.textY = limit;
  }
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
