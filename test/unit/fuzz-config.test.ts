/**
 * Robustness fuzzing, 1 of 3: users paste config.json files from anywhere. architectureFromHfConfig
 * on random JSON and on mutated real configs → a valid Architecture or a ConfigError that names a
 * field; never another exception, never NaN. Every property runs ≥ 1000 times from fast-check's
 * random seed; a failure prints the seed and path, and `fc.assert(property, { seed, path })`
 * replays that counterexample.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anyValue } from '../fixtures/arbitraries';
import { architectureFromHfConfig, countParameters } from '../../src/core/index';
import { HOSTILE_FIELD_VALUES, POLLUTING_CONFIG_JSON, TEN_KB } from '../fixtures/hostile';
import { RUNS, REAL_CONFIGS, architectureProblems, configErrorProblems, read, expectArchitectureOrConfigError, expectPrototypesClean, hostileValue, applyMutation, realConfig, mutatedConfig, validMutatedConfig, configShaped, type ReadOutcome } from '../fixtures/fuzz-configs';

describe('fuzz: architectureFromHfConfig → valid Architecture or ConfigError naming a field', { timeout: 60_000 }, () => {
  it('every real config reads (the mutation baseline)', () => {
    expect(REAL_CONFIGS.length).toBeGreaterThan(30);
    for (const config of REAL_CONFIGS) {
      const outcome = read(config);
      expect(outcome.ok ? architectureProblems(outcome.arch) : configErrorProblems(outcome.error)).toEqual([]);
      expect(outcome.ok).toBe(true);
    }
  });

  it('random JSON values (fc.jsonValue)', () => {
    fc.assert(fc.property(fc.jsonValue(), expectArchitectureOrConfigError), { numRuns: RUNS });
  });

  it('random objects (fc.object)', () => {
    fc.assert(fc.property(fc.object({ maxDepth: 3 }), expectArchitectureOrConfigError), { numRuns: RUNS });
  });

  it('anything JS can hold (fc.anything: boxed values, Maps, null prototypes, bigints, sparse arrays…)', () => {
    fc.assert(fc.property(anyValue, expectArchitectureOrConfigError), { numRuns: RUNS });
  });

  it('config-shaped objects: a model_type and random values under the real field names', () => {
    fc.assert(fc.property(configShaped, expectArchitectureOrConfigError), { numRuns: 2 * RUNS });
  });

  it('mutated real configs: deleted keys, hostile values, scaled sizes, swapped heads, prototype keys', () => {
    fc.assert(fc.property(mutatedConfig, expectArchitectureOrConfigError), { numRuns: 3 * RUNS });
  });

  it('mutated real configs that stay readable are still exact, finite and ≤ 1e15', () => {
    fc.assert(
      fc.property(validMutatedConfig, (config) => {
        // Readable: a ConfigError here fails the property.
        expect(architectureProblems(architectureFromHfConfig(config))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('prototype-pollution keys from JSON.parse neither pollute nor change the model', () => {
    const arch = architectureFromHfConfig(JSON.parse(POLLUTING_CONFIG_JSON));
    expect(arch.hidden).toBe(64);
    expect(architectureProblems(arch)).toEqual([]);
    expectPrototypesClean();
    fc.assert(
      fc.property(realConfig, fc.constantFrom('__proto__', 'constructor', 'prototype'), hostileValue, (config, key, value) => {
        const text = `{${JSON.stringify(key)}:${JSON.stringify(value ?? null) ?? 'null'},${JSON.stringify(config).slice(1)}`;
        const parsed: unknown = JSON.parse(text);
        expectArchitectureOrConfigError(parsed);
        const plain = read(config);
        const polluted = read(parsed);
        // The extra key is not a config field: the model must not change.
        expect(polluted.ok).toBe(plain.ok);
        const totalOf = (outcome: ReadOutcome) => (outcome.ok ? countParameters(outcome.arch).total : null);
        expect(totalOf(polluted)).toBe(totalOf(plain));
      }),
      { numRuns: RUNS },
    );
  });

  it('a 10 kB model_type yields a short message', () => {
    for (const config of [{ model_type: TEN_KB }, { ...REAL_CONFIGS[0], model_type: TEN_KB, hidden_size: -1 }, { model_type: TEN_KB, hidden_size: 64, num_attention_heads: 5, num_hidden_layers: 2, intermediate_size: 1, vocab_size: 1 }]) {
      expectArchitectureOrConfigError(config);
    }
  });

  it('a config whose fields are inherited (not own) is not read through its prototype', () => {
    for (const config of REAL_CONFIGS.slice(0, 10)) {
      const inherited = Object.create(config) as Record<string, unknown>;
      expectArchitectureOrConfigError(inherited);
    }
  });

  it('model_type and every field set to each hostile value, on every real config', () => {
    for (const config of REAL_CONFIGS) {
      for (const value of HOSTILE_FIELD_VALUES) {
        for (const key of ['model_type', 'hidden_size', 'num_attention_heads', 'num_key_value_heads', 'layer_types', 'head_dim']) {
          expectArchitectureOrConfigError(applyMutation(config, { kind: 'set', key, value }));
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 2. decodeScenario
// ---------------------------------------------------------------------------------------------
