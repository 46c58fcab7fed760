/**
 * Robustness fuzzing, 3 of 3: estimate + series over random valid scenarios, imported (mutated)
 * configs and range corners → every number finite and non-negative, warnings from the known codes;
 * then extreme combinations as explicit tests. ≥ 1000 runs per property (see fuzz-config.test.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countParameters, estimate, type Estimate } from '../../src/core/index';
import { PRECISION_IDS } from '../../src/data/precisions';
import { MODELS } from '../../src/data/models';
import { DEFAULT_SCENARIO, RANGES, type Scenario } from '../../src/scenario/scenario';
import { scenarioArbitrary } from '../fixtures/arbitraries';
import { allSeries } from '../fixtures/all-series';
import { RUNS, REAL_CONFIGS, architectureProblems, read, mutatedConfig, validMutatedConfig, NUMERIC_FIELDS, resultProblems } from '../fixtures/fuzz-configs';



function expectFiniteResults(scenario: Scenario): Estimate {
  const e = estimate(scenario);
  expect(resultProblems(e, allSeries(scenario, e))).toEqual([]);
  return e;
}

/** Scenarios with every numeric field at the low or high end of its range. */
const cornerScenario: fc.Arbitrary<Scenario> = fc
  .tuple(
    scenarioArbitrary,
    fc.record(Object.fromEntries(NUMERIC_FIELDS.map((field) => [field, fc.constantFrom(...RANGES[field])])) as Record<(typeof NUMERIC_FIELDS)[number], fc.Arbitrary<number>>),
    fc.record({
      memoryBytes: fc.constantFrom(...RANGES.memoryBytes),
      bandwidthBytesPerSecond: fc.constantFrom(...RANGES.bandwidthBytesPerSecond),
      flops: fc.constantFrom(...RANGES.flops),
      tdpWatts: fc.constantFrom(...RANGES.tdpWatts),
      usdPerHour: fc.constantFrom(...RANGES.usdPerHour),
    }),
  )
  .map(([scenario, corners, customGpu]) => ({ ...scenario, ...corners, customGpu }));

const OVERRIDE_KEYS = ['hidden', 'layers', 'heads', 'kvHeads', 'ffn', 'vocab', 'experts', 'expertsPerToken', 'contextLength'] as const;

/** A whole number in [low, high]: an end, or log-uniform in between. */
const logInteger = ([low, high]: readonly [number, number]): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constantFrom(low, high),
    fc.double({ min: Math.log(Math.max(low, 1)), max: Math.log(high), noNaN: true }).map((x) => Math.min(high, Math.max(low, Math.round(Math.exp(x))))),
  );

/** Architecture overrides over their whole ranges (most combinations are invalid models). */
const overridesArbitrary: fc.Arbitrary<Scenario['overrides']> = fc.record(
  Object.fromEntries(OVERRIDE_KEYS.map((key) => [key, logInteger(RANGES[key])])) as Record<(typeof OVERRIDE_KEYS)[number], fc.Arbitrary<number>>,
  { requiredKeys: [] },
);

describe('fuzz: estimate + series → finite, non-negative numbers and known warnings', { timeout: 60_000 }, () => {
  it('random valid scenarios (scenarioArbitrary)', () => {
    fc.assert(fc.property(scenarioArbitrary, (scenario) => void expectFiniteResults(scenario)), { numRuns: RUNS });
  });

  it('imported configs: mutated real configs (readable or not) as model "custom"', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.oneof(validMutatedConfig, mutatedConfig), (base, config) => {
        const scenario: Scenario = { ...base, model: 'custom', customConfig: config, overrides: {} };
        const e = expectFiniteResults(scenario);
        const readable = read(config).ok;
        expect(e.warnings.includes('invalid-config')).toBe(!readable);
        expect(e.model.kind).toBe(readable ? 'custom' : 'preset');
      }),
      { numRuns: RUNS },
    );
  });

  it('imported configs that read, with random overrides on top', () => {
    fc.assert(
      fc.property(scenarioArbitrary, validMutatedConfig, (base, config) => {
        const e = expectFiniteResults({ ...base, model: 'custom', customConfig: config });
        expect(e.warnings).not.toContain('invalid-config');
      }),
      { numRuns: RUNS },
    );
  });

  it('random scenarios with any architecture overrides (every key, whole range)', () => {
    fc.assert(
      fc.property(scenarioArbitrary, overridesArbitrary, (base, overrides) => {
        const e = expectFiniteResults({ ...base, overrides });
        // Overrides either apply or are dropped with a warning; never a broken model.
        expect(architectureProblems(e.model.arch)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('range corners: every numeric field at its minimum or maximum', () => {
    fc.assert(fc.property(cornerScenario, (scenario) => void expectFiniteResults(scenario)), { numRuns: RUNS });
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Extreme combinations
// ---------------------------------------------------------------------------------------------

function at(fields: Partial<Scenario>): Scenario {
  return { ...DEFAULT_SCENARIO, ...fields };
}

describe('extreme combinations: finite results or an explicit does-not-fit', { timeout: 60_000 }, () => {
  it('1 GPU with a 10T model', () => {
    const e = expectFiniteResults(at({ model: 'size', params: 1e13, gpuCount: 1, tensorParallel: 1, pipelineParallel: 1 }));
    expect(e.model.counts.total).toBeGreaterThan(0.95e13);
    expect(e.warnings).toEqual(expect.arrayContaining(['does-not-fit', 'weights-exceed-one-gpu']));
    expect(e.training.fitsPerGpu).toBe(false);
  });

  it('10M-token contexts for inference and training', () => {
    const e = expectFiniteResults(at({ promptTokens: 1e7, seqLen: 1e7, outputTokens: 1e7 }));
    expect(e.warnings).toEqual(expect.arrayContaining(['context-exceeds-model', 'seq-len-exceeds-model', 'does-not-fit']));
    expect(e.inference.kvBytes).toBeGreaterThan(1e12);
  });

  it('1e6 GPUs', () => {
    const e = expectFiniteResults(at({ gpuCount: 1e6 }));
    expect(e.training.gpus).toBe(1e6);
    expect(e.training.days).toBeGreaterThan(0);
  });

  it('batch 1e5', () => {
    const e = expectFiniteResults(at({ batch: 1e5 }));
    expect(e.inference.batch).toBe(1e5);
    expect(e.warnings).toContain('weights-exceed-one-gpu');
  });

  it('a 1e14 model at fp32 on an RTX 4090', () => {
    const e = expectFiniteResults(
      at({ model: 'size', params: 1e14, gpu: 'rtx-4090', weightPrecision: 'fp32', kvPrecision: 'fp32', trainPrecision: 'fp32', gpuCount: 1, tensorParallel: 1 }),
    );
    expect(e.weights.selected.bytes).toBeGreaterThan(3.9e14);
    expect(e.warnings).toEqual(expect.arrayContaining(['does-not-fit', 'weights-exceed-one-gpu']));
  });

  it('mfu 0.01 with 1e15 tokens', () => {
    const e = expectFiniteResults(at({ mfu: 0.01, tokens: 1e15 }));
    expect(e.training.tokens).toBe(1e15);
    expect(e.training.days).toBeGreaterThan(1e3);
  });

  it('everything at once: 1e14 params, 1 GPU, 10M contexts, batch 1e5, mfu 0.01, 1e15 tokens', () => {
    expectFiniteResults(
      at({ model: 'size', params: 1e14, gpuCount: 1, promptTokens: 1e7, outputTokens: 1e7, seqLen: 1e7, microBatch: 4096, batch: 1e5, mfu: 0.01, bandwidthEfficiency: 0.01, tokens: 1e15, requestsPerSecond: 1e7 }),
    );
    expectFiniteResults(at({ model: 'size', params: 1e6, gpuCount: 1e6, tensorParallel: 1024, pipelineParallel: 1024, promptTokens: 0, outputTokens: 1, seqLen: 1, batch: 1, requestsPerSecond: 1e-3, tokens: 1e6 }));
  });

  it('every real config grown to just under 1e15 parameters (by its layer count) × the harshest settings', () => {
    for (const config of REAL_CONFIGS) {
      // Multimodal checkpoints (Gemma 3, Llama 4) keep the language model's sizes in text_config.
      const text = config.text_config as Record<string, unknown> | undefined;
      const original = text !== undefined && config.num_hidden_layers === undefined ? text : config;
      const layerKey = ['num_hidden_layers', 'n_layer'].find((key) => typeof original[key] === 'number');
      expect(layerKey, JSON.stringify(config).slice(0, 80)).toBeDefined();
      if (layerKey === undefined) continue;
      const withLayers = (layers: number): Record<string, unknown> => {
        const grown: Record<string, unknown> = { ...original, [layerKey]: layers };
        delete grown.layer_types; // its length must equal the layer count
        delete grown.no_rope_layers; // likewise (Llama 4)
        return original === config ? grown : { ...config, text_config: grown };
      };
      // Largest layer count that still reads (the 1e15 limit), by bisection.
      let low = original[layerKey] as number;
      let high = 2 ** 40;
      expect(read(withLayers(low)).ok).toBe(true);
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (read(withLayers(middle)).ok) low = middle;
        else high = middle;
      }
      const grownConfig = withLayers(low);
      const outcome = read(grownConfig);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) continue;
      expect(architectureProblems(outcome.arch)).toEqual([]);
      expect(countParameters(outcome.arch).total).toBeGreaterThan(0.9e15);
      const base = { model: 'custom', customConfig: grownConfig, overrides: {} } as const;
      for (const fields of [
        { gpu: 'rtx-4090', gpuCount: 1, tensorParallel: 1, pipelineParallel: 1, weightPrecision: 'fp32', kvPrecision: 'fp32', trainPrecision: 'fp32' },
        { promptTokens: 1e7, outputTokens: 1e7, seqLen: 1e7, batch: 1e5, microBatch: 4096, mfu: 0.01, tokens: 1e15, requestsPerSecond: 1e7 },
        { gpuCount: 1e6, tensorParallel: 1024, pipelineParallel: 1024, zeroStage: 3, recompute: 'full', weightPrecision: 'q4_k_m', kvPrecision: 'int4' },
      ] as const) {
        const e = expectFiniteResults(at({ ...base, ...fields }));
        expect(e.warnings).not.toContain('invalid-config');
        expect(e.warnings).toContain('weights-exceed-one-gpu');
      }
    }
  });

  it('every model preset × the extreme settings above', () => {
    const extremes: Partial<Scenario>[] = [
      { gpuCount: 1, tensorParallel: 1, pipelineParallel: 1, zeroStage: 0, recompute: 'none' },
      { promptTokens: 1e7, outputTokens: 1e7, seqLen: 1e7, microBatch: 4096 },
      { gpuCount: 1e6, tensorParallel: 1024, pipelineParallel: 1024, zeroStage: 3 },
      { batch: 1e5, requestsPerSecond: 1e7, bandwidthEfficiency: 0.01 },
      { mfu: 0.01, tokens: 1e15, gpu: 'rtx-4090', weightPrecision: 'fp32', kvPrecision: 'fp32', trainPrecision: 'fp32' },
      { gpu: 'custom', customGpu: { memoryBytes: 1e8, bandwidthBytesPerSecond: 1e9, flops: 1e9, tdpWatts: 1, usdPerHour: 0 }, usdPerGpuHour: 0, usdPerKwh: 0 },
    ];
    for (const model of MODELS) {
      for (const fields of extremes) {
        const e = expectFiniteResults(at({ model: model.id, ...fields }));
        expect(e.model.id).toBe(model.id);
      }
    }
  });

  it('every model preset × every precision × 5 accelerators', () => {
    const accelerators = ['h100-sxm', 'rtx-4090', 'm2-ultra', 'tpu-v5e', 't4'];
    expect(PRECISION_IDS.length).toBe(12);
    let runs = 0;
    for (const model of MODELS) {
      for (const precision of PRECISION_IDS) {
        for (const gpu of accelerators) {
          const scenario = at({ model: model.id, gpu, weightPrecision: precision, kvPrecision: precision, trainPrecision: precision });
          const e = estimate(scenario);
          expect(resultProblems(e, allSeries(scenario, e)), `${model.id} ${precision} ${gpu}`).toEqual([]);
          expect(e.model.id, `${model.id} ${precision} ${gpu}`).toBe(model.id);
          runs += 1;
        }
      }
    }
    expect(runs).toBe(MODELS.length * 12 * 5);
  });
});
