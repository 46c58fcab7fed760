import { describe, expect, it } from 'vitest';
import { estimateTextWidth, stackColumnLabels } from '../../src/components/ui/label-placement';

describe('stackColumnLabels: labels above columns never overlap', () => {
  it('moves a label up a row only when it would touch its left neighbour', () => {
    // Columns 30 px apart, labels 50 px wide: [-25, 25], [5, 55] overlaps → row 1, [35, 85] clears row 0.
    expect(stackColumnLabels([0, 30, 60], [50, 50, 50])).toEqual([0, 1, 0]);
    // Wide columns: one row.
    expect(stackColumnLabels([0, 100, 200], [50, 50, 50])).toEqual([0, 0, 0]);
    // Empty labels take no room.
    expect(stackColumnLabels([0, 10, 20], [40, 0, 40])).toEqual([0, 0, 1]);
  });

  it('keeps every pair in a row apart by the gap', () => {
    const centers = Array.from({ length: 12 }, (_, index) => 20 + index * 26);
    const widths = centers.map((_, index) => (index % 3 === 0 ? 48 : 30));
    const rows = stackColumnLabels(centers, widths, 4);
    for (let a = 0; a < centers.length; a++) {
      for (let b = a + 1; b < centers.length; b++) {
        const sameRow = rows[a] === rows[b];
        const apart = centers[a]! + widths[a]! / 2 + 4 <= centers[b]! - widths[b]! / 2;
        expect(!sameRow || apart).toBe(true);
      }
    }
  });

  it('estimates CJK text at one em per character and Latin at 0.6 em', () => {
    expect(estimateTextWidth('当前', 10)).toBe(20);
    expect(estimateTextWidth('1 TB', 10)).toBeCloseTo(24);
  });
});
