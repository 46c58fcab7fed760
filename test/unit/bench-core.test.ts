/**
 * `npm run bench` (scripts/bench-core.ts) keeps working: it imports the core's public names,
 * times `estimate()` and each chart's sweep separately, and prints their medians.
 */
import { describe, expect, it } from 'vitest';
import { formatBench, runCoreBench } from '../../scripts/bench-core';

const SWEEPS = [
  'memoryByPrecision',
  'costVsScale',
  'lossVsCompute',
  'computeOptimalFrontier',
  'trainingMemoryByStrategy',
  'inferenceMemoryVsContext',
  'throughputVsBatch',
  'moeSeries (deepseek-v3)',
  'compressionSeries',
  'hardwareTimeline',
  'timelineSeries',
  'deploymentVsLoad',
];

describe('bench-core', () => {
  const results = runCoreBench(5, 2);

  it('times the four estimate() cases and every chart sweep, each with a median and a p95', () => {
    expect(results.filter((r) => r.name.startsWith('estimate: '))).toHaveLength(4);
    expect(results.filter((r) => r.name.startsWith('series: ')).map((r) => r.name.slice('series: '.length))).toEqual(SWEEPS);
    for (const result of results) {
      expect(Number.isFinite(result.medianUs) && result.medianUs >= 0, result.name).toBe(true);
      expect(result.p95Us, result.name).toBeGreaterThanOrEqual(result.medianUs);
    }
  });

  it('prints one line per case under a header', () => {
    const lines = formatBench(results).split('\n');
    expect(lines[1]).toMatch(/^case\s+median\s+p95$/);
    expect(lines).toHaveLength(2 + results.length);
    expect(lines[2]).toMatch(/^estimate: default\s+\d+\.\d\s+\d+\.\d$/);
  });
});
