/**
 * Pure shapers of the serving section: the replica the scenario describes as the serving model's
 * input, its frontier (output tokens/s per GPU against tokens/s per user), the operating point
 * under the SLO, the fleet for the target request rate and $ per million output tokens from the
 * device's own price. Refused settings come back as data (field, nearest setting), never clamped.
 * Units: tokens, seconds, tokens per second, requests per second, GPUs, US dollars.
 */
import {
  ConfigError,
  ServingConfigError,
  costPerMillionOutputTokens,
  fleetForRequestRate,
  servingCapacity,
  servingFrontier,
  type CostOptions,
  type DeviceHourlyCost,
  type Estimate,
  type FleetPlan,
  type ServingInput,
  type ServingPoint,
} from '../../core';
import { customAccelerator } from '../../core/estimate/serving-defaults';
import { PRECISIONS } from '../../data/precisions';
import type { Accelerator } from '../../data/types';
import type { Scenario } from '../../scenario/scenario';
import { derivation } from '../../store/selectors';

/** A setting the serving model refused: which field, the core's message, and the nearest setting that works. */
export interface ServingProblem {
  field: string;
  message: string;
  nearest: Readonly<Record<string, unknown>>;
}

export interface FrontierRow {
  concurrency: number;
  perUser: number;
  perGpu: number;
  ttftSeconds: number;
  tpotSeconds: number;
}

export interface ServingView {
  /** False for models that generate nothing (encoder-only). */
  generates: boolean;
  tp: number;
  /** True when the replica's GPUs were chosen by the estimate (smallest group that fits). */
  tpAuto: boolean;
  ep: number;
  moe: boolean;
  gpusAvailable: number;
  frontier: FrontierRow[];
  /**
   * When the scenario's replica is refused, the frontier is drawn at the nearest setting that runs
   * (these input fields, e.g. `{ tp: 4 }`), said in the caption; null when drawn as asked.
   */
  frontierAt: Readonly<Record<string, unknown>> | null;
  /** The operating point: at the chosen concurrency, or the best within the SLO. */
  point: ServingPoint | null;
  problem: ServingProblem | null;
  fleet: FleetPlan | null;
  /** $ per million output tokens at the operating point (null price: the device has none). */
  cost: (DeviceHourlyCost & { usdPerMillionOutputTokens: number | null }) | null;
  /** GPUs present but not in use for the fleet: nothing; the fleet may need more than `gpusAvailable`. */
  fleetExceedsGpus: boolean;
}

function problemOf(error: unknown): ServingProblem {
  if (error instanceof ServingConfigError) return { field: error.field ?? 'unknown', message: error.message, nearest: error.nearest };
  if (error instanceof ConfigError) return { field: error.field ?? 'unknown', message: error.message, nearest: {} };
  return { field: 'unknown', message: String(error), nearest: {} };
}

/** The scenario's accelerator as the serving model sees it (the custom GPU as a datacenter row). */
export function servingAccelerator(estimate: Estimate, scenario: Pick<Scenario, 'customGpu'>): Accelerator {
  return estimate.hardware.accelerator ?? customAccelerator(scenario.customGpu);
}

/**
 * The price the cost uses: the scenario's own price or the custom GPU's (as a rental rate), else
 * the device's (rental, or purchase amortised + energy); none → null with a flag, never $2/h.
 */
export function costOptions(estimate: Estimate, scenario: Pick<Scenario, 'usdPerGpuHour' | 'customGpu'>): CostOptions {
  if (scenario.usdPerGpuHour !== null && scenario.usdPerGpuHour > 0) return { usdPerHour: scenario.usdPerGpuHour };
  if (estimate.hardware.accelerator === null && scenario.customGpu.usdPerHour > 0) return { usdPerHour: scenario.customGpu.usdPerHour };
  return {};
}

/** The serving model's input for the scenario's replica. */
export function servingInputFor(estimate: Estimate, scenario: Scenario): ServingInput {
  const kv = PRECISIONS[scenario.kvPrecision];
  const tp = scenario.servingTp ?? estimate.inference.gpus;
  return {
    arch: estimate.model.arch,
    accelerator: servingAccelerator(estimate, scenario),
    tp,
    ...(scenario.servingEp > 1 ? { ep: scenario.servingEp } : {}),
    weightPrecision: estimate.inference.weightPrecision,
    kvPrecision: kv?.kvCapable ? kv.id : 'fp16',
    inputTokens: Math.max(1, estimate.inference.promptTokens),
    outputTokens: estimate.inference.outputTokens,
    ...(scenario.ttftTarget !== null || scenario.tpotTarget !== null
      ? {
          slo: {
            ...(scenario.ttftTarget !== null ? { ttftSeconds: scenario.ttftTarget } : {}),
            ...(scenario.tpotTarget !== null ? { tpotSeconds: scenario.tpotTarget } : {}),
          },
        }
      : {}),
    ...(scenario.servingConcurrency !== null ? { concurrency: scenario.servingConcurrency } : {}),
    gpusAvailable: scenario.gpuCount,
    ...(scenario.bandwidthEfficiency !== null ? { efficiency: { bandwidthFraction: scenario.bandwidthEfficiency } } : {}),
  };
}

function frontierRows(points: readonly ServingPoint[]): FrontierRow[] {
  return points
    .filter((point) => point.outputTokensPerSecondPerUser > 0 && point.outputTokensPerSecondPerGpu > 0)
    .map((point) => ({
      concurrency: point.concurrency,
      perUser: point.outputTokensPerSecondPerUser,
      perGpu: point.outputTokensPerSecondPerGpu,
      ttftSeconds: point.ttftSeconds,
      tpotSeconds: point.tpotSeconds,
    }));
}

/**
 * Everything the serving section shows for a scenario. The frontier ignores the SLO and the fixed
 * concurrency (it shows every concurrency); the operating point honours them; a refused setting
 * is returned as `problem` with the serving model's nearest setting.
 */
export function servingView(estimate: Estimate, scenario: Scenario): ServingView {
  const moe = Boolean(estimate.model.arch.moe);
  const base = {
    tp: scenario.servingTp ?? estimate.inference.gpus,
    tpAuto: scenario.servingTp === null,
    ep: scenario.servingEp,
    moe,
    gpusAvailable: scenario.gpuCount,
  };
  if (estimate.model.arch.encoderOnly) {
    return { ...base, generates: false, frontier: [], frontierAt: null, point: null, problem: null, fleet: null, cost: null, fleetExceedsGpus: false };
  }
  const input = servingInputFor(estimate, scenario);
  let frontier: FrontierRow[];
  let frontierAt: Record<string, unknown> | null = null;
  let problem: ServingProblem | null = null;
  try {
    frontier = frontierRows(servingFrontier(input));
  } catch (error) {
    problem = problemOf(error);
    ({ frontier, at: frontierAt } = nearestFrontier(input, problem));
  }
  let point: ServingPoint | null = null;
  if (problem === null) {
    try {
      point = servingCapacity(input);
    } catch (error) {
      problem = problemOf(error);
    }
  }
  const options = costOptions(estimate, scenario);
  let fleet: FleetPlan | null = null;
  let cost: ServingView['cost'] = null;
  if (point) {
    cost = costPerMillionOutputTokens(input.accelerator, point.outputTokensPerSecondPerGpu, options);
    try {
      fleet = fleetForRequestRate({ ...input, requestsPerSecond: scenario.requestsPerSecond, cost: options });
    } catch {
      fleet = null;
    }
  }
  return { ...base, generates: true, frontier, frontierAt, point, problem, fleet, cost, fleetExceedsGpus: fleet !== null && fleet.gpus > scenario.gpuCount };
}

/** Input fields a refusal's nearest setting may move to draw the frontier anyway. */
const LAYOUT_FIELDS = ['tp', 'ep', 'inputTokens'] as const;

/**
 * The frontier at the nearest setting that runs, following up to three refusals (a prompt beyond
 * the context, then a TP beyond the GPUs…): the fields moved, or an empty frontier when none runs.
 */
function nearestFrontier(input: ServingInput, first: ServingProblem): { frontier: FrontierRow[]; at: Record<string, unknown> | null } {
  let current: ServingInput = input;
  let problem: ServingProblem = first;
  const at: Record<string, unknown> = {};
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const moves = LAYOUT_FIELDS.filter((field) => typeof problem.nearest[field] === 'number');
    if (moves.length === 0) break;
    for (const field of moves) at[field] = problem.nearest[field];
    current = { ...current, ...Object.fromEntries(moves.map((field) => [field, problem.nearest[field]])) };
    try {
      return { frontier: frontierRows(servingFrontier(current)), at };
    } catch (error) {
      problem = problemOf(error);
    }
  }
  return { frontier: [], at: null };
}

/** The serving view of a scenario, memoized per store. */
export const servingData = derivation((scenario, select) => servingView(select.estimate(scenario), scenario));

/** Plain rows of the frontier chart (label + values), for a data table or CSV. */
export function frontierTableRows(view: ServingView): { label: string; perUser: number; perGpu: number; ttftSeconds: number; tpotSeconds: number }[] {
  return view.frontier.map((row) => ({ label: String(row.concurrency), perUser: row.perUser, perGpu: row.perGpu, ttftSeconds: row.ttftSeconds, tpotSeconds: row.tpotSeconds }));
}

/** Scenario patch that applies a problem's nearest setting (null when it names nothing the scenario holds). */
export function nearestPatch(problem: ServingProblem, scenario: Pick<Scenario, 'ttftTarget' | 'tpotTarget'>): Partial<Scenario> | null {
  const nearest = problem.nearest;
  const whole = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.round(value) : null);
  if (typeof nearest.tp === 'number') {
    const tp = whole(nearest.tp);
    return tp === null ? null : { servingTp: tp };
  }
  if (typeof nearest.ep === 'number') {
    const ep = whole(nearest.ep);
    return ep === null ? null : { servingEp: ep };
  }
  if (typeof nearest.concurrency === 'number') {
    const concurrency = whole(nearest.concurrency);
    return concurrency === null ? null : { servingConcurrency: concurrency };
  }
  if (typeof nearest.inputTokens === 'number') {
    const tokens = whole(nearest.inputTokens);
    return tokens === null ? null : { promptTokens: tokens };
  }
  const slo = nearest.slo as { ttftSeconds?: unknown; tpotSeconds?: unknown } | undefined;
  if (slo && typeof slo === 'object') {
    const patch: Partial<Scenario> = {};
    // Round up a little so the nearest target is met, not missed by a rounding.
    if (scenario.ttftTarget !== null && typeof slo.ttftSeconds === 'number' && Number.isFinite(slo.ttftSeconds)) patch.ttftTarget = Math.max(0.01, Math.ceil(slo.ttftSeconds * 1.01 * 1000) / 1000);
    if (scenario.tpotTarget !== null && typeof slo.tpotSeconds === 'number' && Number.isFinite(slo.tpotSeconds)) patch.tpotTarget = Math.max(0.001, Math.ceil(slo.tpotSeconds * 1.01 * 10000) / 10000);
    return Object.keys(patch).length > 0 ? patch : null;
  }
  return null;
}
