/**
 * Steady-state serving of one model replica with continuous batching (core-api spec:
 * `servingCapacity`, `servingFrontier`). Units: seconds, tokens per second, requests per second.
 *
 * Steady state with every request of `inputTokens` in and `outputTokens` out: `concurrency`
 * sequences decode together; to keep that many in flight the engine must prefill
 * concurrency × input / output prompt tokens per step (chunked prefill rides along with decode).
 *   TPOT = one engine step at that load (`engineStepSeconds`)
 *   output tokens/s (replica) = concurrency / TPOT;  per GPU ÷ GPUs;  per user = 1 / TPOT
 *   TTFT = ⌈input / chunk⌉ steps that each carry one chunk (≤ maxTokensPerStep) of the new prompt
 *          beside the other concurrency − 1 decodes (queueing before admission not included)
 * Concurrency: the largest that memory (paged KV for input + output tokens per sequence, as
 * TensorRT-LLM's no-eviction scheduler reserves) and the engine cap allow, lowered to meet the SLO.
 * Throughput per GPU never falls as concurrency grows and per-user speed never rises (each step
 * cost term is non-decreasing and sub-linear in concurrency).
 * Sources: kwon2023 §4 (continuous batching, paged KV); agrawal2024 (chunked prefill); pope2022 §2.
 */
import { ServingConfigError } from './errors';
import { resolveServing } from './resolve';
import type { ResolvedServing } from './resolve';
import { engineStepSeconds } from './step';
import type { StepLoad, StepTime } from './step';
import type { ServingInput, ServingLimit, ServingPoint } from './types';
import { nonNegative, ratio } from '../units';

/** Throughput gain (with 25% more concurrency) above which memory is said to limit the point. */
const MEMORY_LIMIT_GAIN = 1.05;

function steadyLoad(r: ResolvedServing, concurrency: number): StepLoad {
  return {
    decodeSequences: concurrency,
    decodeContextTokens: r.inputTokens + r.outputTokens / 2,
    prefillTokens: (concurrency * r.inputTokens) / r.outputTokens,
    prefillContextTokens: r.inputTokens / 2,
  };
}

function ttftSeconds(r: ResolvedServing, concurrency: number): number {
  const chunk = Math.min(r.inputTokens, r.maxTokensPerStep);
  const chunks = Math.ceil(r.inputTokens / chunk);
  const step = engineStepSeconds(r, {
    decodeSequences: Math.max(0, concurrency - 1),
    decodeContextTokens: r.inputTokens + r.outputTokens / 2,
    prefillTokens: chunk,
    prefillContextTokens: r.inputTokens / 2,
  });
  return nonNegative(chunks * step.seconds);
}

function throughputAt(r: ResolvedServing, concurrency: number): number {
  return ratio(concurrency, engineStepSeconds(r, steadyLoad(r, concurrency)).seconds);
}

function dominant(step: StepTime): 'compute' | 'bandwidth' {
  return step.computeSeconds >= step.memorySeconds ? 'compute' : 'bandwidth';
}

function memoryBinds(r: ResolvedServing, concurrency: number): boolean {
  if (concurrency < r.memoryConcurrency || r.memoryConcurrency >= r.maxConcurrency + 1) return false;
  const more = Math.ceil(concurrency * 1.25);
  return throughputAt(r, more) > MEMORY_LIMIT_GAIN * throughputAt(r, concurrency);
}

function meetsSlo(r: ResolvedServing, concurrency: number): boolean {
  const slo = r.input.slo;
  if (!slo) return true;
  const step = engineStepSeconds(r, steadyLoad(r, concurrency)).seconds;
  if (slo.tpotSeconds !== undefined && step > slo.tpotSeconds) return false;
  if (slo.ttftSeconds !== undefined && ttftSeconds(r, concurrency) > slo.ttftSeconds) return false;
  return true;
}

function pointAt(r: ResolvedServing, concurrency: number, limit?: ServingLimit): ServingPoint {
  const step = engineStepSeconds(r, steadyLoad(r, concurrency));
  const replica = ratio(concurrency, step.seconds);
  const kvCache = concurrency * r.kvBytesPerSequencePerGpu * ((r.inputTokens + r.outputTokens / 2) / (r.inputTokens + r.outputTokens));
  return {
    outputTokensPerSecondPerGpu: ratio(replica, r.gpus),
    outputTokensPerSecondPerUser: ratio(1, step.seconds),
    concurrency,
    ttftSeconds: ttftSeconds(r, concurrency),
    tpotSeconds: step.seconds,
    requestsPerSecond: ratio(replica, r.outputTokens),
    kvCapacityTokens: r.kvCapacityTokens,
    limitedBy: limit ?? (memoryBinds(r, concurrency) ? 'memory' : dominant(step)),
    gpus: r.gpus,
    outputTokensPerSecond: replica,
    maxConcurrency: r.maxConcurrency,
    stepSeconds: step.seconds,
    breakdown: { weights: step.weights, activations: step.activations, attention: step.attention, communication: step.communication, overhead: step.overhead },
    bound: dominant(step),
    memoryPerGpu: { weights: r.memoryPerGpu.weights, kvCache: nonNegative(kvCache), working: r.memoryPerGpu.working, usable: r.memoryPerGpu.usable },
  };
}

function requireFits(r: ResolvedServing): void {
  if (r.maxConcurrency >= 1) return;
  const { input } = r;
  let nearest: Record<string, unknown> = {};
  for (let tp = input.tp * 2; tp <= 1024; tp *= 2) {
    if (input.gpusAvailable !== undefined && tp > input.gpusAvailable) break;
    try {
      if (resolveServing({ ...input, tp, ep: input.ep && input.ep > 1 ? tp : input.ep, concurrency: undefined }).maxConcurrency >= 1) {
        nearest = { tp };
        break;
      }
    } catch {
      // a tp the model cannot split over is skipped
    }
  }
  const fitsAtAll = r.memoryPerGpu.kvCapacity > 0 && r.kvBytesPerSequencePerGpu > 0;
  if (Object.keys(nearest).length === 0 && fitsAtAll) {
    const tokens = Math.floor((r.inputTokens + r.outputTokens) * (r.memoryPerGpu.kvCapacity / r.kvBytesPerSequencePerGpu)) - r.outputTokens;
    if (tokens >= 1) nearest = { inputTokens: tokens };
  }
  const what = r.memoryPerGpu.kvCapacity > 0 ? 'the KV cache of one sequence' : 'the weights and working memory';
  throw new ServingConfigError(`${what} do not fit in ${r.gpus} × ${input.accelerator.name}`, 'tp', nearest);
}

/**
 * The serving point of one replica: at the fixed `concurrency` if given, else the concurrency
 * with the most output tokens per GPU within the SLO (maximum throughput without one).
 * `limitedBy`: 'slo' when the SLO lowered the concurrency, 'memory' when more KV memory would
 * still raise throughput, else whichever of FLOPs ('compute') or bytes ('bandwidth') dominates the step.
 * Throws ServingConfigError (with `nearest`) when the model does not fit, the concurrency exceeds
 * what fits, or no concurrency meets the SLO.
 * Units: see ServingPoint. Sources: see the module note.
 */
export function servingCapacity(input: ServingInput): ServingPoint {
  const r = resolveServing(input);
  requireFits(r);
  if (input.concurrency !== undefined) {
    if (input.concurrency > r.maxConcurrency) {
      throw new ServingConfigError(
        `concurrency (${input.concurrency}) exceeds the ${r.maxConcurrency} sequences that fit`,
        'concurrency',
        { concurrency: r.maxConcurrency },
      );
    }
    return pointAt(r, input.concurrency);
  }
  if (!input.slo || meetsSlo(r, r.maxConcurrency)) return pointAt(r, r.maxConcurrency);
  if (!meetsSlo(r, 1)) {
    const best = pointAt(r, 1);
    throw new ServingConfigError(
      `no concurrency meets the SLO: at one sequence TTFT is ${best.ttftSeconds.toPrecision(3)} s and TPOT ${best.tpotSeconds.toPrecision(3)} s`,
      'slo',
      { slo: { ttftSeconds: best.ttftSeconds, tpotSeconds: best.tpotSeconds } },
    );
  }
  let low = 1;
  let high = r.maxConcurrency;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (meetsSlo(r, mid)) low = mid;
    else high = mid;
  }
  return pointAt(r, low, 'slo');
}

/** Concurrencies of the frontier: 1, then ×1.15 steps (whole numbers), and the memory limit. */
function frontierConcurrencies(maximum: number): number[] {
  const values: number[] = [];
  let value = 1;
  while (value < maximum) {
    values.push(value);
    value = Math.max(value + 1, Math.floor(value * 1.15));
  }
  values.push(maximum);
  return values;
}

/**
 * The curve of serving points from concurrency 1 to the memory limit (about 60 points): output
 * tokens per second per GPU against tokens per second per user, the chart practitioners compare
 * engines and hardware on. Ignores `concurrency` and `slo` (every concurrency is shown).
 * Units: see ServingPoint. Sources: see the module note.
 */
export function servingFrontier(input: ServingInput): ServingPoint[] {
  const r = resolveServing({ ...input, concurrency: undefined });
  requireFits(r);
  return frontierConcurrencies(r.maxConcurrency).map((concurrency) => pointAt(r, concurrency));
}
