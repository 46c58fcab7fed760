import { describe, expect, it } from 'vitest';
import { areaPath, bandAxis, linePath, makeScale, tickLabelStride, type PlotArea } from '../../src/components/ui/svg-plot';
import { placeLineLabels } from '../../src/components/ui/label-placement';
import { inDomain, linearAxis, logTicks, nearestBy, rangeTicks, rowsInDomain } from '../../src/components/ui/chart-scales';

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
    // A break at every point that cannot be placed: each run resumes with a move; a lone point
    // between two breaks is a zero-length subpath (d3-shape), which draws nothing.
    expect(d).toBe('M10,120L35,70M85,70ZM110,20Z');
    expect(linePath([], area)).toBe('');
    expect(d).not.toMatch(/NaN|Infinity/);
  });

  it('a step line holds each value until the next x; another scale can draw it', () => {
    const points = [
      [1, 0],
      [100, 10],
    ] as const;
    expect(linePath(points, area, { step: true })).toBe('M10,120L60,120L60,20');
    const right = makeScale('linear', [0, 20], [120, 20]);
    expect(linePath(points, area, { y: right })).toBe('M10,120L60,70');
  });

  it('an area band runs along its top and back along its bottom', () => {
    const d = areaPath(
      [
        [1, 0, 5],
        [1e4, 5, 10],
      ],
      area,
    );
    expect(d).toBe('M10,70L110,20L110,70L10,120Z');
    expect(areaPath([[0, 1, 2]], area)).toBe('');
  });

  it('lines and areas break at the same points (one gap rule)', () => {
    const xs = [1, 10, 100, 1000, 1e4];
    const low = [0, 1, Number.NaN, 0, 0];
    const high = [5, 2, 5, 5, 5];
    const band = areaPath(xs.map((x, i) => [x, low[i]!, high[i]!] as const), area);
    // The band is cut where its bottom cannot be placed: two bands, 1–10 and 1000–10⁴.
    expect(band).toBe('M10,70L35,100L35,110L10,120ZM85,70L110,70L110,120L85,120Z');
    const edge = linePath(xs.map((x, i) => [x, Number.isFinite(low[i]!) ? high[i]! : null] as const), area);
    expect(edge).toBe('M10,70L35,100M85,70L110,70');
    expect(band.match(/M/g)).toHaveLength(edge.match(/M/g)!.length);
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

  it('rows in a domain keep one neighbour each side (binary search on sorted x)', () => {
    const rows = [1, 10, 100, 1000, 1e4].map((x) => ({ x }));
    const inside = rowsInDomain(rows, (r) => r.x, [20, 500]);
    expect(inside.map((r) => r.x)).toEqual([10, 100, 1000]);
    expect(rowsInDomain(rows, (r) => r.x, [10, 100]).map((r) => r.x)).toEqual([1, 10, 100, 1000]);
    expect(rowsInDomain(rows, (r) => r.x, [1, 1e4]).map((r) => r.x)).toEqual([1, 10, 100, 1000, 1e4]);
    expect(rowsInDomain(rows, (r) => r.x, [1e5, 1e6])).toEqual([]);
  });

  it('x labels thin out by the closest ticks as drawn, not by width ÷ count', () => {
    // Eight years on a 390 px phone: ticks 30 px apart, "2018" about 29 px wide (+ 8): every second one.
    const years = Array.from({ length: 8 }, (_, index) => 40 + 30 * index);
    expect(tickLabelStride(years, years.map(() => 29))).toBe(2);
    expect(tickLabelStride(years.map((x) => x * 2), years.map(() => 29))).toBe(1);
    // Uneven spacing: the closest pair decides.
    expect(tickLabelStride([0, 100, 110, 300], [20, 20, 20, 20])).toBe(3);
    expect(tickLabelStride([50], [30])).toBe(1);
  });

  it('ticks: one algorithm (d3-array) for linear axes and for the decades of log axes', () => {
    // d3's steps of 1, 2 or 5 × 10^k.
    expect(rangeTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(rangeTicks(1.1, 3.7, 5)).toEqual([1.5, 2, 2.5, 3, 3.5]);
    expect(linearAxis(2240, 5)).toEqual({ domain: [0, 2500], ticks: [0, 500, 1000, 1500, 2000, 2500] });
    // Log axes: the same steps over the exponents, so every 1st, 2nd or 5th decade.
    expect(logTicks([1, 1e4])).toEqual([1, 10, 100, 1000, 1e4]);
    expect(logTicks([1e12, 1e31], 6)).toEqual([1e15, 1e20, 1e25, 1e30]);
    expect(logTicks([10 ** 0.5, 10 ** 0.9])).toEqual([]);
  });
});
