/**
 * Scaling-law chart sweeps: loss against compute, and the compute-optimal frontier with the
 * published training runs. The scenario-independent rows (each law's optimum on the compute
 * grid, the runs) are derived from data only, so they are module constants, computed once and
 * frozen. Units: FLOPs, parameters, tokens, nats per token.
 */
import { TRAINING_RUNS } from '../../data/training-runs';
import type { Estimate } from '../estimate';
import { trainingFlops } from '../training';
import { LOSS_LAWS, OPTIMAL_LAWS, computeOptimal, lossAlongTokens, predictLoss, type LossLaw, type OptimalLaw } from '../scaling';
import { ratio } from '../units';
import { COMPUTE_GRID, freezeRows } from './grids';

export type LossRow = { compute: number } & Record<LossLaw, number>;

export interface LossVsComputeSeries {
  /** Loss of each law's own compute-optimal model, compute 1e12–1e31 FLOPs. */
  optimal: LossRow[];
  /** The current model's size trained on C / (6 × active) tokens, per law. */
  isoSize: Array<LossRow & { tokens: number }>;
  /** The current model at its training compute. */
  current: LossRow & { params: number; tokens: number };
}

export type FrontierRow = { compute: number } & Record<OptimalLaw, number>;

export interface FrontierPoint {
  id: string;
  model: string;
  year: number;
  compute: number;
  params: number;
  paramsActive: number;
  tokens: number;
  confirmed: boolean;
  /** True when the compute is 6·N_active·D rather than the published figure. */
  computeDerived: boolean;
}

export interface ComputeOptimalFrontierSeries {
  /** Compute-optimal parameters per law, compute 1e12–1e31 FLOPs. */
  params: FrontierRow[];
  /** Compute-optimal tokens per law on the same grid. */
  tokens: FrontierRow[];
  /** Published training runs (TRAINING_RUNS) with known tokens. */
  runs: FrontierPoint[];
  current: { compute: number; params: number; tokens: number };
}

function lossRow(compute: number, params: number, tokens: number): LossRow {
  const row = { compute } as LossRow;
  for (const law of LOSS_LAWS) row[law] = predictLoss(law, params, tokens);
  return row;
}

function scalingGrid(): { optimalLoss: LossRow[]; params: FrontierRow[]; tokens: FrontierRow[] } {
  const optimalLoss: LossRow[] = [];
  const params: FrontierRow[] = [];
  const tokens: FrontierRow[] = [];
  for (const compute of COMPUTE_GRID) {
    const loss = { compute } as LossRow;
    for (const law of LOSS_LAWS) {
      const point = computeOptimal(law, compute);
      loss[law] = predictLoss(law, point.params, point.tokens);
    }
    const p = { compute } as FrontierRow;
    const t = { compute } as FrontierRow;
    for (const law of OPTIMAL_LAWS) {
      const point = computeOptimal(law, compute);
      p[law] = point.params;
      t[law] = point.tokens;
    }
    optimalLoss.push(loss);
    params.push(p);
    tokens.push(t);
  }
  return { optimalLoss: freezeRows(optimalLoss), params: freezeRows(params), tokens: freezeRows(tokens) };
}

/** Each law's compute-optimal loss, parameters and tokens on COMPUTE_GRID (data only: computed once, frozen). */
const SCALING_GRID = Object.freeze(scalingGrid());

function trainingRunPoints(): FrontierPoint[] {
  const points: FrontierPoint[] = [];
  for (const run of TRAINING_RUNS) {
    if (run.tokens === null || !(run.tokens > 0) || !(run.paramsTotal > 0)) continue;
    points.push({
      id: run.id,
      model: run.model,
      year: run.year,
      compute: run.reportedFlops ?? trainingFlops(run.paramsActive, run.tokens),
      params: run.paramsTotal,
      paramsActive: run.paramsActive,
      tokens: run.tokens,
      confirmed: run.confirmed,
      computeDerived: run.reportedFlops === null,
    });
  }
  return freezeRows(points);
}

/** Published runs with known tokens, at their reported compute or 6·N_active·D (data only: computed once, frozen). */
export const TRAINING_RUN_POINTS: readonly FrontierPoint[] = trainingRunPoints();

/**
 * Loss vs compute: each law's compute-optimal loss over 1e12–1e31 FLOPs (scenario-independent,
 * computed once), and the current model's size trained on C / (6 × active) tokens (its
 * iso-size curve), with the current model at its training compute.
 */
export function lossVsCompute(estimate: Estimate): LossVsComputeSeries {
  const params = estimate.scaling.params;
  const active = estimate.model.counts.active;
  const tokens = COMPUTE_GRID.map((compute) => ratio(compute, 6 * active));
  const curves = LOSS_LAWS.map((law) => lossAlongTokens(law, params, tokens));
  const isoSize = COMPUTE_GRID.map((compute, i) => {
    const row = { compute, tokens: tokens[i]! } as LossRow & { tokens: number };
    LOSS_LAWS.forEach((law, j) => {
      row[law] = curves[j]![i]!;
    });
    return row;
  });
  const current = { ...lossRow(estimate.scaling.compute, params, estimate.scaling.tokens), params, tokens: estimate.scaling.tokens };
  return { optimal: SCALING_GRID.optimalLoss, isoSize, current };
}

/** Compute-optimal parameters and tokens per law over 1e12–1e31 FLOPs, with published runs. */
export function computeOptimalFrontier(estimate: Estimate): ComputeOptimalFrontierSeries {
  return {
    params: SCALING_GRID.params,
    tokens: SCALING_GRID.tokens,
    runs: TRAINING_RUN_POINTS as FrontierPoint[],
    current: { compute: estimate.scaling.compute, params: estimate.scaling.params, tokens: estimate.scaling.tokens },
  };
}
