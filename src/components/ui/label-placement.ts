/** One label for a horizontal reference line at `y` (in the chart's y-axis units). */
export interface LineLabel {
  key: string;
  y: number;
  text: string;
  color: string;
  bold?: boolean;
}

export interface PlacedLabel {
  label: LineLabel;
  /** Baseline of the text, px. */
  textY: number;
}

const GAP = 13;

/**
 * Places labels of horizontal lines just above their lines, pushed apart so close lines never
 * overlap and kept inside the plot (top..top+height, px). Lines outside the plot get no label.
 * `scale` maps a y value to px (log axes too).
 */
export function placeLineLabels(labels: readonly LineLabel[], scale: (value: number) => number, top: number, height: number): PlacedLabel[] {
  const upper = top + 11;
  const lower = top + height - 2;
  const placed = labels
    .map((label) => ({ label, lineY: scale(label.y) }))
    .filter((item) => Number.isFinite(item.lineY))
    .filter((item) => item.lineY >= top - 0.5 && item.lineY <= top + height + 0.5)
    .sort((a, b) => b.lineY - a.lineY)
    .map((item) => ({ label: item.label, textY: Math.min(lower, item.lineY - 3) }));
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
    const limit = above ? above.textY + GAP : upper;
    if (current.textY < limit) current.textY = limit;
  }
  return placed;
}

/**
 * Width of a short label in px, estimated without measuring: CJK characters are about one em
 * wide, others about 0.6 em (digits, Latin letters, units at the chart's font).
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const character of text) width += (character.codePointAt(0) ?? 0) >= 0x2e80 ? fontSize : fontSize * 0.6;
  return width;
}

/**
 * Rows for labels centred above columns (`centers`, px) so no two in a row overlap: each label
 * takes the lowest row (0 = nearest the plot) whose last label ends `gap` px before it starts.
 * Labels arrive left to right; an empty text (`width` 0) stays in row 0.
 */
export function stackColumnLabels(centers: readonly number[], widths: readonly number[], gap = 4): number[] {
  const rowEnds: number[] = [];
  return centers.map((center, index) => {
    const width = widths[index] ?? 0;
    if (width <= 0) return 0;
    const start = center - width / 2;
    let row = rowEnds.findIndex((end) => end + gap <= start);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = center + width / 2;
    return row;
  });
}
