import { describe, expect, it } from 'vitest';
import { areaPath, bandAxis, inDomain, linePath, makeScale, nearestBy, type PlotArea } from '../../src/components/ui/svg-plot';
import { placeLineLabels } from '../../src/components/ui/label-placement';
import { rowsInDomain } from '../../src/components/ui/chart-helpers';

/** A 100 × 100 plot at (10, 20): x log 1..1e4, y linear 0..10 (pixels grow downwards). */
const area: PlotArea = {
  left: 10,
  top: 20,
  width: 100,
  height: 100,
  x: makeScale('log', [1, 1e4], [10, 110]),
  y: makeScale('linear', [0, 10], [120, 20]),
};

describe('plain-SVG plot helpers', () => {
  it('scales map decades evenly on a log axis and invert back', () => {
    expect(area.x(1)).toBe(10);
    expect(area.x(100)).toBeCloseTo(60, 9);
    expect(area.x(1e4)).toBeCloseTo(110, 9);
    expect(area.x.invert(60)).toBeCloseTo(100, 9);
    expect(area.y(0)).toBe(120);
    expect(area.y(10)).toBe(20);
    expect(area.y.invert(70)).toBeCloseTo(5, 9);
    // Nothing to place for a non-positive value on a log axis.
    expect(area.x(0)).toBeNaN();
    expect(area.x(-5)).toBeNaN();
  });

  it('a line breaks at null, non-positive (log) and non-finite points', () => {
    const d = linePath(
      [
        [1, 0],
        [10, 5],
        [100, null],
        [1000, 5],
        [0, 5],
        [1e4, Number.NaN],
        [1e4, 10],
      ],
      area,
    );
    // A break before every point that cannot be placed: each resumes with a move.
    expect(d).toBe('M10.0,120.0L35.0,70.0M85.0,70.0M110.0,20.0');
    expect(linePath([], area)).toBe('');
    expect(d).not.toMatch(/NaN|Infinity/);
  });

  it('a step line holds each value until the next x; another scale can draw it', () => {
    const points = [
      [1, 0],
      [100, 10],
    ] as const;
    expect(linePath(points, area, { step: true })).toBe('M10.0,120.0L60.0,120.0L60.0,20.0');
    const right = makeScale('linear', [0, 20], [120, 20]);
    expect(linePath(points, area, { y: right })).toBe('M10.0,120.0L60.0,70.0');
  });

  it('an area band runs along its top and back along its bottom', () => {
    const d = areaPath(
      [
        [1, 0, 5],
        [1e4, 5, 10],
      ],
      area,
    );
    expect(d).toBe('M10.0,70.0L110.0,20.0L110.0,70.0L10.0,120.0Z');
    expect(areaPath([[0, 1, 2]], area)).toBe('');
  });

  it('a band axis puts category i on [i, i + 1] with its tick in the middle', () => {
    const axis = bandAxis(['a', 'b', 'c'], 'x');
    expect(axis.domain).toEqual([0, 3]);
    expect(axis.ticks).toEqual([0.5, 1.5, 2.5]);
    expect(axis.format(1.5)).toBe('b');
    expect(axis.format(7)).toBe('');
    expect(axis.grid).toBe(false);
    expect(bandAxis([]).domain).toEqual([0, 1]);
  });

  it('nearest row: log distance on a log axis, linear otherwise', () => {
    const rows = [{ x: 1 }, { x: 10 }, { x: 100 }];
    expect(nearestBy(rows, (r) => r.x, 4, 'log')?.x).toBe(10); // log10(4) is nearer 1 than 0
    expect(nearestBy(rows, (r) => r.x, 4, 'linear')?.x).toBe(1);
    expect(nearestBy([], (r: { x: number }) => r.x, 4, 'log')).toBeUndefined();
    expect(inDomain(5, [10, 1])).toBe(true);
    expect(inDomain(11, [1, 10])).toBe(false);
  });

  it('line labels sit above their lines, never closer than one text line, inside the plot', () => {
    const scale = (value: number) => 120 - value * 10;
    const placed = placeLineLabels(
      [
        { key: 'a', y: 5, text: 'A', color: '#000' },
        { key: 'b', y: 5.2, text: 'B', color: '#000' },
        { key: 'out', y: 50, text: 'off the plot', color: '#000' },
        { key: 'top', y: 10, text: 'T', color: '#000' },
      ],
      scale,
      20,
      100,
    );
    expect(placed.map((p) => p.label.key)).toEqual(['a', 'b', 'top']);
    const ys = placed.map((p) => p.textY);
    expect(ys[0]).toBe(67); // 3 px above its line at 70
    expect(ys[0]! - ys[1]!).toBeGreaterThanOrEqual(13);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(31); // top + 11: no label above the plot
  });

  it('rows in a domain keep one neighbour each side and the same array for the same input', () => {
    const rows = [1, 10, 100, 1000, 1e4].map((x) => ({ x }));
    const inside = rowsInDomain(rows, (r) => r.x, [20, 500]);
    expect(inside.map((r) => r.x)).toEqual([10, 100, 1000]);
    expect(rowsInDomain(rows, (r) => r.x, [20, 500])).toBe(inside);
    expect(rowsInDomain(rows, (r) => r.x, [1, 1e4]).map((r) => r.x)).toEqual([1, 10, 100, 1000, 1e4]);
    expect(rowsInDomain(rows, (r) => r.x, [1e5, 1e6])).toEqual([]);
  });
});
