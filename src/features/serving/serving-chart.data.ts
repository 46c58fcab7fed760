/**
 * The frontier chart's data: the serving view's points sorted by speed per user (the x axis),
 * log domains padded around them and the operating point. Plain rows: finite, positive numbers only.
 * Units: tokens per second, seconds.
 */
import { paddedLogDomain } from '../../components/ui/chart-scales';
import type { FrontierRow, ServingView } from './serving.data';

export interface FrontierChart {
  /** Ascending tokens/s per user (concurrency descending). */
  rows: FrontierRow[];
  xDomain: [number, number];
  yDomain: [number, number];
  point: { perUser: number; perGpu: number; concurrency: number } | null;
}

const finitePositive = (value: number) => Number.isFinite(value) && value > 0;

export function frontierChart(view: ServingView): FrontierChart {
  const rows = view.frontier.filter((row) => finitePositive(row.perUser) && finitePositive(row.perGpu)).sort((a, b) => a.perUser - b.perUser);
  const point =
    view.point && finitePositive(view.point.outputTokensPerSecondPerUser) && finitePositive(view.point.outputTokensPerSecondPerGpu)
      ? { perUser: view.point.outputTokensPerSecondPerUser, perGpu: view.point.outputTokensPerSecondPerGpu, concurrency: view.point.concurrency }
      : null;
  const xs = [...rows.map((row) => row.perUser), ...(point ? [point.perUser] : [])];
  const ys = [...rows.map((row) => row.perGpu), ...(point ? [point.perGpu] : [])];
  return { rows, xDomain: paddedLogDomain(xs, 0.1), yDomain: paddedLogDomain(ys, 0.1), point };
}
