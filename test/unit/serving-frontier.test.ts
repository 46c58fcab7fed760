/**
 * The serving frontier behaves (property-based, fast-check): from concurrency 1 to the memory limit,
 * output tokens per second per GPU never fall and tokens per second per user never rise; TTFT never
 * falls; every number is finite and non-negative. Hostile inputs throw only ConfigError.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { architectureFromHfConfig } from '../../src/core/params';
import { ConfigError } from '../../src/core/errors';
import { servingCapacity, servingFrontier } from '../../src/core/serving/capacity';
import { resolveServing } from '../../src/core/serving/resolve';
import type { ServingInput, ServingPoint } from '../../src/core/serving/types';
import { getDevice } from '../../src/data/local-devices';
import { MODELS_BY_ID } from '../../src/data/models';
import type { Architecture } from '../../src/core/types';

const MODEL_IDS = ['llama-3.1-8b', 'llama-3.1-70b', 'llama-2-7b', 'mixtral-8x7b', 'qwen3-30b-a3b', 'deepseek-v2-lite', 'gemma-2-9b', 'mistral-7b', 'qwen2.5-7b', 'qwen3-235b-a22b', 'llama-4-scout'];
const DEVICE_IDS = ['h100-sxm', 'h200-sxm', 'b200', 'a100-sxm-80gb', 'l40s', 'mi300x', 'tpu-v5p', 'rtx-4090', 'rtx-3060-12gb', 'apple-m3-ultra-96gb'];
const archs = new Map<string, Architecture>(MODEL_IDS.map((id) => [id, architectureFromHfConfig(MODELS_BY_ID.get(id)!.config!)]));

const inputArbitrary: fc.Arbitrary<ServingInput> = fc
  .record({
    model: fc.constantFrom(...MODEL_IDS),
    device: fc.constantFrom(...DEVICE_IDS),
    tp: fc.constantFrom(1, 2, 4, 8, 16),
    expertParallel: fc.boolean(),
    tensorParallelAttention: fc.boolean(),
    weightPrecision: fc.constantFrom('bf16' as const, 'fp8' as const, 'int4' as const, 'q4_k_m' as const, 'nvfp4' as const, 'q8_0' as const),
    kvPrecision: fc.constantFrom('bf16' as const, 'fp16' as const, 'fp8' as const),
    inputTokens: fc.integer({ min: 1, max: 30000 }),
    outputTokens: fc.integer({ min: 1, max: 4000 }),
  })
  .map(({ model, device, tp, expertParallel, tensorParallelAttention, ...rest }) => {
    const arch = archs.get(model)!;
    return {
      ...rest,
      arch,
      accelerator: getDevice(device)!,
      tp,
      ep: expertParallel && arch.moe ? tp : undefined,
      attention: expertParallel && arch.moe && tensorParallelAttention ? ('tensor-parallel' as const) : undefined,
      inputTokens: Math.min(rest.inputTokens, arch.contextLength - rest.outputTokens),
    };
  });

/** True when the layout is valid and at least one sequence fits (fc.pre skips the others). */
function runnable(input: ServingInput): boolean {
  try {
    return input.inputTokens >= 1 && resolveServing(input).maxConcurrency >= 1;
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

const NUMERIC_FIELDS: (keyof ServingPoint)[] = [
  'outputTokensPerSecondPerGpu',
  'outputTokensPerSecondPerUser',
  'concurrency',
  'ttftSeconds',
  'tpotSeconds',
  'requestsPerSecond',
  'kvCapacityTokens',
  'outputTokensPerSecond',
  'stepSeconds',
];

function finiteNonNegative(point: ServingPoint): boolean {
  const values = [...NUMERIC_FIELDS.map((f) => point[f] as number), ...Object.values(point.breakdown), ...Object.values(point.memoryPerGpu)];
  return values.every((v) => Number.isFinite(v) && v >= 0);
}

describe('servingFrontier', () => {
  it('throughput per GPU rises (never falls) and speed per user falls with concurrency, to the memory limit', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        fc.pre(runnable(input));
        const frontier = servingFrontier(input);
        expect(frontier.length).toBeGreaterThanOrEqual(1);
        expect(frontier[0]!.concurrency).toBe(1);
        expect(frontier[frontier.length - 1]!.concurrency).toBe(frontier[0]!.maxConcurrency);
        const violations: string[] = [];
        for (let i = 1; i < frontier.length; i++) {
          const previous = frontier[i - 1]!;
          const point = frontier[i]!;
          const at = `concurrency ${previous.concurrency} → ${point.concurrency}`;
          if (!(point.concurrency > previous.concurrency)) violations.push(`${at}: concurrency`);
          if (!(point.outputTokensPerSecondPerGpu >= previous.outputTokensPerSecondPerGpu * (1 - 1e-9))) violations.push(`${at}: tok/s per GPU fell`);
          if (!(point.outputTokensPerSecondPerUser <= previous.outputTokensPerSecondPerUser * (1 + 1e-9))) violations.push(`${at}: tok/s per user rose`);
          if (!(point.ttftSeconds >= previous.ttftSeconds * (1 - 1e-9))) violations.push(`${at}: TTFT fell`);
        }
        expect(violations).toEqual([]);
        expect(frontier.every(finiteNonNegative)).toBe(true);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('the maximum-throughput point is the top of the frontier, and an SLO point lies on it within its targets', () => {
    fc.assert(
      fc.property(inputArbitrary, fc.double({ min: 0.005, max: 0.5, noNaN: true }), (input, tpot) => {
        fc.pre(runnable(input));
        const frontier = servingFrontier(input);
        const best = servingCapacity(input);
        expect(best.outputTokensPerSecondPerGpu).toBeCloseTo(frontier[frontier.length - 1]!.outputTokensPerSecondPerGpu, 6);
        fc.pre(frontier[0]!.tpotSeconds <= tpot);
        const bounded = servingCapacity({ ...input, slo: { tpotSeconds: tpot } });
        expect(bounded.tpotSeconds).toBeLessThanOrEqual(tpot);
        expect(bounded.outputTokensPerSecondPerGpu).toBeLessThanOrEqual(best.outputTokensPerSecondPerGpu * (1 + 1e-9));
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe('hostile inputs', () => {
  const hostileNumber = fc.oneof(
    fc.double(),
    fc.integer({ min: -10, max: 1e7 }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 0.5, 1e300, 2 ** 53),
    fc.constant('8' as unknown as number),
    fc.constant(undefined as unknown as number),
  );
  const base: ServingInput = {
    arch: archs.get('llama-3.1-8b')!,
    accelerator: getDevice('h100-sxm')!,
    tp: 1,
    weightPrecision: 'fp8',
    kvPrecision: 'fp8',
    inputTokens: 1000,
    outputTokens: 1000,
  };

  it('throw only ConfigError, or return finite non-negative numbers', () => {
    fc.assert(
      fc.property(
        fc.record({
          tp: hostileNumber,
          ep: hostileNumber,
          inputTokens: hostileNumber,
          outputTokens: hostileNumber,
          concurrency: hostileNumber,
          gpusAvailable: hostileNumber,
          ttft: hostileNumber,
          tpot: hostileNumber,
          kvMemoryFraction: hostileNumber,
          weightPrecision: fc.constantFrom('fp8', 'q4_0', 'fp64', '__proto__', ''),
          kvPrecision: fc.constantFrom('fp8', 'q4_k_m', 'nf4', 'toString'),
          bandwidthFraction: hostileNumber,
        }),
        (h) => {
          const input = {
            ...base,
            tp: h.tp,
            ep: h.ep,
            inputTokens: h.inputTokens,
            outputTokens: h.outputTokens,
            concurrency: h.concurrency,
            gpusAvailable: h.gpusAvailable,
            slo: { ttftSeconds: h.ttft, tpotSeconds: h.tpot },
            kvMemoryFraction: h.kvMemoryFraction,
            weightPrecision: h.weightPrecision,
            kvPrecision: h.kvPrecision,
            efficiency: { bandwidthFraction: h.bandwidthFraction },
          } as ServingInput;
          const outcome = (() => {
            try {
              return { point: servingCapacity(input), error: null };
            } catch (error) {
              return { point: null, error };
            }
          })();
          expect(outcome.error === null ? finiteNonNegative(outcome.point!) : outcome.error instanceof ConfigError).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  }, 120_000);

  it('a broken architecture object is a ConfigError, not a crash or NaN', () => {
    for (const arch of [{ ...base.arch, layers: 0 }, { ...base.arch, heads: Number.NaN }, { ...base.arch, kvHeads: 5 }, null, {}]) {
      expect(() => servingCapacity({ ...base, arch: arch as Architecture })).toThrow(ConfigError);
    }
  });
});
