/**
 * Robustness fuzzing: users paste config.json files from anywhere and open links from strangers.
 *   1. architectureFromHfConfig on random JSON and on mutated real configs → a valid
 *      Architecture or a ConfigError that names a field; never another exception, never NaN.
 *   2. decodeScenario on random strings, percent garbage, mutated valid links and injection
 *      payloads under every key → a valid scenario (re-validating it reports nothing).
 *   3. estimate + series over random valid scenarios, imported (mutated) configs and range
 *      corners → every number finite and non-negative, warnings from the known codes.
 *   4. Extreme combinations as explicit tests.
 * Every property runs ≥ 1000 times from fast-check's random seed; a failure prints the seed and
 * path, and `fc.assert(property, { seed, path })` replays that counterexample.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ConfigError,
  SUPPORTED_FAMILIES,
  architectureFromHfConfig,
  countParameters,
  estimate,
  validateArchitecture,
  type Architecture,
  type Estimate,
  type WarningCode,
} from '../../src/core/index';
import { PRECISION_IDS } from '../../src/data/precisions';
import { MODELS } from '../../src/data/models';
import { ALL_DEVICES } from '../../src/data/local-devices';
import { DEFAULT_SCENARIO, RANGES, type Scenario } from '../../src/scenario/scenario';
import { FIELD_RULES, MAX_CONFIG_DEPTH, MAX_CONFIG_STRING, SCENARIO_FIELDS, sanitizeConfig } from '../../src/scenario/fields';
import { VIEW_KEYS, decodeScenario, encodeScenario } from '../../src/scenario/url-codec';
import { validateScenario } from '../../src/scenario/validate';
import { REFERENCE_MODELS } from '../fixtures/reference-models';
import * as HF_CONFIGS from '../fixtures/hf-configs';
import { scenarioArbitrary } from '../fixtures/arbitraries';
import { allSeries } from '../fixtures/all-series';
import { HOSTILE_FIELD_VALUES, INJECTION_PAYLOADS, POLLUTING_CONFIG_JSON, TEN_KB } from '../fixtures/hostile';

const RUNS = 1000;

// ---------------------------------------------------------------------------------------------
// Shared checks
// ---------------------------------------------------------------------------------------------

/** Real config.json files (distinct): the 17 reference models, the HF fixtures and every preset's config. */
const REAL_CONFIGS: readonly Record<string, unknown>[] = [
  ...new Map(
    [
      ...REFERENCE_MODELS.map((model) => model.config),
      ...Object.values(HF_CONFIGS as Record<string, unknown>).flatMap((value) =>
        typeof value === 'object' && value !== null && 'config' in value ? [(value as { config: Record<string, unknown> }).config] : [],
      ),
      ...MODELS.flatMap((model) => (model.config ? [model.config as Record<string, unknown>] : [])),
    ].map((config) => [JSON.stringify(config), config] as const),
  ).values(),
];

/** Every key any real config uses, plus the aliases and lists the readers look at. */
const CONFIG_KEYS: readonly string[] = [
  ...new Set([
    ...REAL_CONFIGS.flatMap((config) => Object.keys(config)),
    'hidden_size',
    'n_embd',
    'n_embed',
    'n_layer',
    'n_head',
    'n_head_kv',
    'num_kv_heads',
    'num_key_value_heads',
    'n_inner',
    'ffn_dim',
    'ffn_hidden_size',
    'head_dim',
    'layer_types',
    'mlp_only_layers',
    'decoder_sparse_step',
    'num_experts',
    'num_local_experts',
    'n_routed_experts',
    'num_experts_per_tok',
    'moe_intermediate_size',
    'first_k_dense_replace',
    'moe_layer_freq',
    'q_lora_rank',
    'kv_lora_rank',
    'sliding_window',
    'use_sliding_window',
    'max_window_layers',
    'word_embed_proj_dim',
    'multi_query',
    'new_decoder_architecture',
    'type_vocab_size',
    'tie_word_embeddings',
    'model_type',
  ]),
];

const MODEL_TYPES = [...SUPPORTED_FAMILIES, 'RefinedWeb', 'RefinedWebModel', 'mamba', 'llama4', '', '__proto__', 'constructor', 'toString', TEN_KB, ...INJECTION_PAYLOADS.slice(0, 7)];

/** Pairs of (query heads, kv heads) field names the families use. */
const HEAD_PAIRS: readonly (readonly [string, string])[] = [
  ['num_attention_heads', 'num_key_value_heads'],
  ['num_attention_heads', 'num_kv_heads'],
  ['n_head', 'n_head_kv'],
  ['n_head', 'num_kv_heads'],
];

const FAMILIES = new Set<string>([...SUPPORTED_FAMILIES, 'generic']);
const SIZE_FIELDS = ['hidden', 'layers', 'heads', 'kvHeads', 'headDim', 'ffn', 'vocab', 'contextLength'] as const;

function isCount(value: unknown, minimum: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum;
}

/** Everything wrong with an Architecture (empty when it is valid), checked independently of the core. */
function architectureProblems(arch: Architecture): string[] {
  const problems: string[] = [];
  const count = (name: string, value: unknown, minimum = 1) => {
    if (!isCount(value, minimum)) problems.push(`${name} = ${String(value)}`);
  };
  if (!FAMILIES.has(arch.family)) problems.push(`family = ${String(arch.family)}`);
  if (arch.approximate !== (arch.family === 'generic')) problems.push(`approximate = ${String(arch.approximate)} for ${arch.family}`);
  for (const name of SIZE_FIELDS) count(name, arch[name]);
  if (isCount(arch.kvHeads, 1) && arch.heads % arch.kvHeads !== 0) problems.push(`kvHeads ${arch.kvHeads} ∤ heads ${arch.heads}`);
  if (arch.slidingWindow !== null) count('slidingWindow', arch.slidingWindow);
  count('slidingWindowLayers', arch.slidingWindowLayers, 0);
  if (arch.slidingWindowLayers > arch.layers) problems.push('slidingWindowLayers > layers');
  if ((arch.slidingWindow === null) !== (arch.slidingWindowLayers === 0)) problems.push('slidingWindow and slidingWindowLayers disagree');
  if (arch.moe) {
    const { moe } = arch;
    count('experts', moe.experts);
    count('expertsPerToken', moe.expertsPerToken);
    if (moe.expertsPerToken > moe.experts) problems.push('expertsPerToken > experts');
    count('sharedExperts', moe.sharedExperts, 0);
    count('expertFfn', moe.expertFfn);
    count('sharedExpertFfn', moe.sharedExpertFfn, 0);
    count('moeLayers', moe.moeLayers, 1);
    if (moe.moeLayers > arch.layers) problems.push('moeLayers > layers');
  }
  if (arch.mla) {
    const { mla } = arch;
    if (mla.qLoraRank !== null) count('qLoraRank', mla.qLoraRank);
    count('kvLoraRank', mla.kvLoraRank);
    count('qkRopeHeadDim', mla.qkRopeHeadDim);
    count('qkNopeHeadDim', mla.qkNopeHeadDim, 0);
    count('vHeadDim', mla.vHeadDim);
  }
  const { details } = arch;
  count('normsPerLayer', details.normsPerLayer, 0);
  count('positionRows', details.positionRows, 0);
  count('extraParams', details.extraParams, 0);
  if (details.embeddingWidth !== undefined) count('embeddingWidth', details.embeddingWidth);
  if (details.tokenTypeRows !== undefined) count('tokenTypeRows', details.tokenTypeRows, 0);
  if (problems.length > 0) return problems;

  const counts = countParameters(arch);
  problems.push(...badNumbers(counts, 'counts'));
  if (!(counts.total >= 1 && counts.total <= 1e15)) problems.push(`total = ${counts.total}`);
  if (!Number.isInteger(counts.total)) problems.push(`total ${counts.total} is not a whole number`);
  if (!(counts.active >= 1 && counts.active <= counts.total)) problems.push(`active = ${counts.active} (total ${counts.total})`);
  try {
    validateArchitecture(arch);
  } catch (error) {
    problems.push(`validateArchitecture: ${String(error)}`);
  }
  return problems;
}

/** Messages with no field name (field null) must still say what to look at. */
const GLOBAL_MESSAGE = /config\.json|hidden_size|num_hidden_layers|intermediate_size|vocab_size|model_type/;

function configErrorProblems(error: unknown): string[] {
  if (!(error instanceof ConfigError)) {
    return [`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}, not a ConfigError`];
  }
  const problems: string[] = [];
  if (!(error instanceof Error) || error.name !== 'ConfigError') problems.push(`name ${error.name}`);
  if (typeof error.message !== 'string' || error.message.trim() === '') problems.push('empty message');
  else if (error.message.length > 1000) problems.push(`message of ${error.message.length} characters: ${error.message.slice(0, 120)}…`);
  if (error.field !== null) {
    if (typeof error.field !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(error.field)) problems.push(`field ${String(error.field)}`);
    else if (!error.message.includes(error.field)) problems.push(`message "${error.message}" does not name its field ${error.field}`);
  } else if (!GLOBAL_MESSAGE.test(error.message)) {
    problems.push(`message "${error.message}" names no field`);
  }
  return problems;
}

/**
 * Numbers that are NaN, ±Infinity or negative anywhere in `value` (objects, arrays, Maps), as
 * "path = value". Like collectNumbers in test/fixtures/walk.ts, but builds a path only for a bad
 * number: the estimate and its series hold about 3000 numbers and are walked ~10 000 times here.
 */
function badNumbers(value: unknown, root: string): string[] {
  const out: string[] = [];
  const path: (string | number)[] = [root];
  const seen = new Set<object>();
  /** Walks `item`; true when it is deeply frozen and clean (then it never needs walking again). */
  const visit = (item: unknown): boolean => {
    if (typeof item === 'number') {
      if (item >= 0 && item < Infinity) return true;
      out.push(`${path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').slice(1)} = ${item}`);
      return false;
    }
    if (item === null || typeof item !== 'object' || CLEAN_FROZEN.has(item)) return true;
    if (seen.has(item)) return false;
    seen.add(item);
    let frozenAndClean = Object.isFrozen(item);
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i += 1) {
        path.push(i);
        if (!visit(item[i])) frozenAndClean = false;
        path.pop();
      }
    } else if (item instanceof Map) {
      frozenAndClean = false;
      for (const [key, entry] of item) {
        path.push(String(key));
        visit(entry);
        path.pop();
      }
    } else {
      const record = item as Record<string, unknown>;
      for (const key in record) {
        if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
        path.push(key);
        if (!visit(record[key])) frozenAndClean = false;
        path.pop();
      }
    }
    // The series' cached timelines are frozen: one clean walk is enough.
    if (frozenAndClean) CLEAN_FROZEN.add(item);
    return frozenAndClean;
  };
  visit(value);
  return out;
}

const CLEAN_FROZEN = new WeakSet<object>();

type ReadOutcome = { ok: true; arch: Architecture } | { ok: false; error: unknown };

function read(config: unknown): ReadOutcome {
  try {
    return { ok: true, arch: architectureFromHfConfig(config) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The property of target 1: a valid Architecture or a proper ConfigError. */
function expectArchitectureOrConfigError(config: unknown): void {
  const outcome = read(config);
  const problems = outcome.ok ? architectureProblems(outcome.arch) : configErrorProblems(outcome.error);
  expect(problems).toEqual([]);
  expectPrototypesClean();
}

/** Object.prototype untouched. */
function expectPrototypesClean(): void {
  const probe = {} as Record<string, unknown>;
  const polluted = ['polluted', 'hidden_size', 'model', 'gpuCount'].filter((key) => probe[key] !== undefined);
  expect(polluted, 'Object.prototype was polluted').toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Config mutations
// ---------------------------------------------------------------------------------------------

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_FIELD_VALUES) },
  { weight: 2, arbitrary: fc.integer({ min: -8, max: 1 << 20 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const scaleFactor: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 0.5, 1 / 3, 1.5, 2, 3, 7, 1000, 1e6, 1e9, 1e12, 1e300, 1 + 2 ** -52, Number.EPSILON),
  fc.double({ min: -10, max: 1e4 }),
);

type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'set'; key: string; value: unknown }
  | { kind: 'setExisting'; pick: number; value: unknown }
  | { kind: 'scale'; pick: number; factor: number }
  | { kind: 'swapHeads'; pair: number }
  | { kind: 'modelType'; value: string }
  | { kind: 'proto'; key: '__proto__' | 'constructor' | 'prototype'; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom(...CONFIG_KEYS), value: hostileValue }),
  fc.record({ kind: fc.constant('setExisting' as const), pick: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('scale' as const), pick: fc.nat(), factor: scaleFactor }),
  fc.record({ kind: fc.constant('swapHeads' as const), pair: fc.nat({ max: HEAD_PAIRS.length - 1 }) }),
  fc.record({ kind: fc.constant('modelType' as const), value: fc.constantFrom(...MODEL_TYPES) }),
  fc.record({
    kind: fc.constant('proto' as const),
    key: fc.constantFrom('__proto__' as const, 'constructor' as const, 'prototype' as const),
    value: fc.oneof(
      fc.constant({ polluted: 'yes', hidden_size: 1e300, model_type: 'llama' }),
      fc.constant({ prototype: { polluted: 'yes' } }),
      hostileValue,
    ),
  }),
);

/** Sets an own, enumerable property even for `__proto__` (the way JSON.parse creates it). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function applyMutation(config: Record<string, unknown>, m: Mutation): Record<string, unknown> {
  const next: Record<string, unknown> = {};
  for (const key of Object.keys(config)) setOwn(next, key, config[key]);
  const keys = Object.keys(next);
  const keyAt = (pick: number) => (keys.length === 0 ? undefined : keys[pick % keys.length]);
  switch (m.kind) {
    case 'delete': {
      const key = keyAt(m.pick);
      if (key !== undefined) delete next[key];
      break;
    }
    case 'set':
      setOwn(next, m.key, m.value);
      break;
    case 'setExisting': {
      const key = keyAt(m.pick);
      if (key !== undefined) setOwn(next, key, m.value);
      break;
    }
    case 'scale': {
      const numeric = keys.filter((key) => typeof next[key] === 'number');
      const key = numeric.length === 0 ? undefined : numeric[m.pick % numeric.length];
      if (key !== undefined) setOwn(next, key, (next[key] as number) * m.factor);
      break;
    }
    case 'swapHeads': {
      const [a, b] = HEAD_PAIRS[m.pair] ?? HEAD_PAIRS[0]!;
      const va = next[a];
      const vb = next[b];
      if (vb === undefined) delete next[a];
      else setOwn(next, a, vb);
      if (va === undefined) delete next[b];
      else setOwn(next, b, va);
      break;
    }
    case 'modelType':
      setOwn(next, 'model_type', m.value);
      break;
    case 'proto':
      setOwn(next, m.key, m.value);
      break;
  }
  return next;
}

const realConfig = fc.constantFrom(...REAL_CONFIGS);

/** A real config with 1–5 random mutations (most of them invalid). */
const mutatedConfig: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(realConfig, fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([config, mutations]) => mutations.reduce(applyMutation, config));

/**
 * A real config with mutations that keep it readable: each mutation is applied only when the
 * result still reads (so sizes grow up to the 1e15 limit, heads change, keys vanish…).
 */
const validMutatedConfig: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(realConfig, fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([config, mutations]) =>
    mutations.reduce((current, m) => {
      const next = applyMutation(current, m);
      return read(next).ok ? next : current;
    }, config),
  );

/** Config-shaped objects: a model_type and random values under the field names readers use. */
const configShaped: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(fc.constantFrom(...MODEL_TYPES), fc.dictionary(fc.constantFrom(...CONFIG_KEYS), fc.oneof(hostileValue, fc.integer({ min: 1, max: 8192 })), { maxKeys: 30 }))
  .map(([modelType, fields]) => {
    const config: Record<string, unknown> = {};
    for (const key of Object.keys(fields)) setOwn(config, key, fields[key]);
    setOwn(config, 'model_type', modelType);
    return config;
  });

// ---------------------------------------------------------------------------------------------
// 1. architectureFromHfConfig
// ---------------------------------------------------------------------------------------------

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
    const anything = fc.anything({
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withObjectString: true,
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      stringUnit: 'binary',
    });
    fc.assert(fc.property(anything, expectArchitectureOrConfigError), { numRuns: RUNS });
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

const MODEL_IDS = new Set<string>([...MODELS.map((m) => m.id), 'size', 'custom']);
const GPU_IDS = new Set<string>([...ALL_DEVICES.map((h) => h.id), 'custom']);
const PRECISIONS = new Set<string>(PRECISION_IDS);
const URL_KEYS: readonly string[] = SCENARIO_FIELDS.map((field) => FIELD_RULES[field].key);
const KEY_TO_FIELD = new Map<string, keyof Scenario>(SCENARIO_FIELDS.map((field) => [FIELD_RULES[field].key, field]));
const NUMERIC_FIELDS = [
  'params',
  'gpuCount',
  'mfu',
  'bandwidthEfficiency',
  'usdPerGpuHour',
  'pue',
  'usdPerKwh',
  'tokens',
  'tokensPerParam',
  'tensorParallel',
  'pipelineParallel',
  'microBatch',
  'contextParallel',
  'expertParallel',
  'virtualPipeline',
  'globalBatch',
  'seqLen',
  'promptTokens',
  'outputTokens',
  'batch',
  'requestsPerSecond',
  'servingConcurrency',
  'ttftTarget',
  'tpotTarget',
  'servingTp',
  'servingEp',
  'usableMemoryFraction',
  'hostMemoryBytes',
  'loraRank',
  'ftTokens',
  'ftSeqLen',
  'ftMicroBatch',
] as const satisfies readonly (keyof Scenario & keyof typeof RANGES)[];
const INTEGER_FIELDS = new Set<string>(['gpuCount', 'tensorParallel', 'pipelineParallel', 'microBatch', 'contextParallel', 'expertParallel', 'virtualPipeline', 'globalBatch', 'seqLen', 'promptTokens', 'outputTokens', 'batch', 'servingConcurrency', 'servingTp', 'servingEp', 'loraRank', 'ftSeqLen', 'ftMicroBatch']);
const NULLABLE_FIELDS = new Set<string>(['usdPerGpuHour', 'tokens', 'mfu', 'globalBatch', 'bandwidthEfficiency', 'servingConcurrency', 'ttftTarget', 'tpotTarget', 'servingTp', 'usableMemoryFraction']);

function inRange(value: unknown, [low, high]: readonly [number, number], integer: boolean): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high && (!integer || Number.isInteger(value));
}

/** Everything wrong with a scenario that claims to be valid. */
function scenarioProblems(scenario: Scenario): string[] {
  const problems: string[] = [];
  const record = scenario as unknown as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => !(SCENARIO_FIELDS as readonly string[]).includes(key));
  if (extra.length > 0) problems.push(`extra keys ${extra.join(', ')}`);
  for (const field of SCENARIO_FIELDS) if (!Object.prototype.hasOwnProperty.call(record, field)) problems.push(`missing ${field}`);
  if (!MODEL_IDS.has(scenario.model)) problems.push(`model ${String(scenario.model).slice(0, 80)}`);
  if (!GPU_IDS.has(scenario.gpu)) problems.push(`gpu ${String(scenario.gpu).slice(0, 80)}`);
  if (!GPU_IDS.has(scenario.localDevice) || scenario.localDevice === 'custom') problems.push(`localDevice ${String(scenario.localDevice).slice(0, 80)}`);
  for (const field of ['weightPrecision', 'kvPrecision', 'trainPrecision'] as const) {
    if (!PRECISIONS.has(scenario[field])) problems.push(`${field} ${String(scenario[field]).slice(0, 80)}`);
  }
  if (!['none', 'selective', 'full'].includes(scenario.recompute)) problems.push(`recompute ${String(scenario.recompute)}`);
  if (![0, 1, 2, 3].includes(scenario.zeroStage)) problems.push(`zeroStage ${String(scenario.zeroStage)}`);
  for (const field of ['attentionFlops', 'sequenceParallel'] as const) {
    if (typeof scenario[field] !== 'boolean') problems.push(`${field} ${String(scenario[field])}`);
  }
  for (const field of NUMERIC_FIELDS) {
    const value = scenario[field];
    if (value === null && NULLABLE_FIELDS.has(field)) continue;
    if (!inRange(value, RANGES[field], INTEGER_FIELDS.has(field))) problems.push(`${field} = ${String(value)}`);
  }
  const overrides = scenario.overrides as Record<string, unknown>;
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) problems.push('overrides not an object');
  else {
    for (const [key, value] of Object.entries(overrides)) {
      if (!(key in RANGES) || !inRange(value, RANGES[key as keyof typeof RANGES], true)) problems.push(`overrides.${key} = ${String(value)}`);
    }
  }
  const gpu = scenario.customGpu as unknown as Record<string, unknown>;
  for (const key of ['memoryBytes', 'bandwidthBytesPerSecond', 'flops', 'tdpWatts', 'usdPerHour'] as const) {
    if (!inRange(gpu[key], RANGES[key], false)) problems.push(`customGpu.${key} = ${String(gpu[key])}`);
  }
  const cluster = scenario.customCluster as unknown as Record<string, unknown>;
  for (const key of ['gpusPerNode', 'scaleUpBytesPerSecond', 'scaleOutBytesPerSecondPerGpu'] as const) {
    if (!inRange(cluster[key], RANGES[key], key === 'gpusPerNode')) problems.push(`customCluster.${key} = ${String(cluster[key])}`);
  }
  if (scenario.customConfig !== null) problems.push(...plainDataProblems(scenario.customConfig, 'customConfig', 0));
  if (scenario.model === 'custom' && scenario.customConfig === null) problems.push('model custom without customConfig');
  return problems;
}

/** A sanitized config: plain JSON data, strings ≤ MAX_CONFIG_STRING characters, nested < MAX_CONFIG_DEPTH, no prototype keys. */
function plainDataProblems(value: unknown, path: string, depth: number): string[] {
  if (value === null || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (typeof value === 'string') return value.length <= MAX_CONFIG_STRING ? [] : [`${path}: string of ${value.length}`];
  if (depth >= MAX_CONFIG_DEPTH) return [`${path}: deeper than ${MAX_CONFIG_DEPTH}`];
  if (Array.isArray(value)) return value.flatMap((item, i) => plainDataProblems(item, `${path}[${i}]`, depth + 1));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.keys(value).flatMap((key) =>
      ['__proto__', 'constructor', 'prototype'].includes(key)
        ? [`${path}.${key}: prototype key`]
        : plainDataProblems((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1),
    );
  }
  return [`${path}: ${typeof value}`];
}

/** The property of target 2: never throws, valid, re-validates cleanly, reports only real keys. */
function expectValidDecode(query: string): Scenario {
  const { scenario, ignored } = decodeScenario(query);
  const problems = scenarioProblems(scenario);
  const again = validateScenario(scenario);
  problems.push(...again.issues.map((issue) => `re-validation: ${issue.field} ${issue.reason}`));
  problems.push(...ignored.filter((key) => key !== 'v' && !URL_KEYS.includes(key)).map((key) => `ignored unknown key ${key}`));
  expect(problems, query.slice(0, 200)).toEqual([]);
  expect(again.scenario).toEqual(scenario);
  expectPrototypesClean();
  return scenario;
}

/**
 * What a URL key given a payload must come to: a view key changes no field; a numeric field is
 * read as a number (then clamped into its range) or ignored with its default kept; any other
 * field's key is ignored with the default kept (the config: only ignored), except `arch=` (empty:
 * no overrides, nothing to ignore).
 */
function keyOutcomeProblems(key: string, field: keyof Scenario | undefined, payload: string, scenario: Scenario, ignored: readonly string[]): string[] {
  if (field === undefined) return [];
  const keptDefault = isDeepStrictEqual(scenario[field], DEFAULT_SCENARIO[field]);
  if ((NUMERIC_FIELDS as readonly string[]).includes(field)) {
    const numericText = Number.isFinite(Number(payload.trim())) || payload.trim() === 'auto';
    return ignored.includes(key) ? (keptDefault ? [] : ['ignored but not the default']) : numericText ? [] : ['read a non-numeric payload'];
  }
  if (key === 'arch' && payload === '') return [];
  const problems = ignored.includes(key) ? [] : ['not ignored'];
  if (field !== 'customConfig' && !keptDefault) problems.push('not the default');
  return problems;
}

/** encodeURIComponent, or the text as is when it holds a lone surrogate (which it cannot encode). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

const percentGarbage: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('%', '%2', '%zz', '%E0%A4%A', '%ff', '%00', '%C0%AF', '%25', '%%', '%u0041', '&', '&&', '=', '==', '?', '#', '+', ';', '\u0000', '\ud800'),
      fc.constantFrom(...URL_KEYS.map((key) => `${key}=`), ...VIEW_KEYS.map((key) => `${key}=`)),
      fc.string({ maxLength: 8, unit: 'binary' }),
      fc.integer().map(String),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** key=value pairs under real keys with hostile, numeric or random values, encoded or not. */
const keyValueGarbage: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.constantFrom(...URL_KEYS, ...VIEW_KEYS, '__proto__', 'constructor', 'toString'),
      fc.oneof(
        fc.constantFrom(...INJECTION_PAYLOADS),
        fc.double().map(String),
        fc.integer().map(String),
        fc.string({ maxLength: 20, unit: 'binary' }),
        fc.constantFrom('auto', 'custom', 'size', 'true', '1', '0', 'hidden:4096', 'mem:1e9', 'layers:0,hidden:-5'),
      ),
      fc.boolean(),
    ),
    { maxLength: 12 },
  )
  .map((pairs) => pairs.map(([key, value, escape]) => `${key}=${escape ? encode(value) : value}`).join('&'));

type UrlMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replaceValue'; pick: number; value: string }
  | { kind: 'duplicate' }
  | { kind: 'decode' }
  | { kind: 'encode' };

const urlMutation: fc.Arbitrary<UrlMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 6, unit: 'binary' }), fc.constantFrom('%', '&', '=', ',', ':', '%zz', '&m=', '&cfg=')) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant('replaceValue' as const),
    pick: fc.nat(),
    value: fc.oneof(fc.constantFrom(...INJECTION_PAYLOADS), fc.double().map(String), fc.string({ maxLength: 12 })),
  }),
  fc.constant({ kind: 'duplicate' as const }),
  fc.constant({ kind: 'decode' as const }),
  fc.constant({ kind: 'encode' as const }),
);

function mutateUrl(query: string, m: UrlMutation): string {
  const at = (n: number) => (query.length === 0 ? 0 : n % (query.length + 1));
  switch (m.kind) {
    case 'truncate':
      return query.slice(0, at(m.at));
    case 'insert':
      return query.slice(0, at(m.at)) + m.text + query.slice(at(m.at));
    case 'delete':
      return query.slice(0, at(m.at)) + query.slice(at(m.at) + m.length);
    case 'replaceValue': {
      const parts = query.split('&');
      const index = m.pick % parts.length;
      const key = (parts[index] ?? '').split('=')[0] ?? '';
      parts[index] = `${key}=${encode(m.value)}`;
      return parts.join('&');
    }
    case 'duplicate':
      return `${query}&${query}`;
    case 'decode':
      try {
        return decodeURIComponent(query);
      } catch {
        return query;
      }
    case 'encode':
      return encode(query);
  }
}

/** Valid scenarios, some with an imported config (so `cfg` links are mutated too). */
const linkScenario: fc.Arbitrary<Scenario> = fc.oneof(
  { weight: 3, arbitrary: scenarioArbitrary },
  {
    weight: 1,
    // The store holds sanitized configs (validateScenario / the import path run sanitizeConfig).
    arbitrary: fc
      .tuple(scenarioArbitrary, validMutatedConfig)
      // A config over MAX_CONFIG_CHARS of JSON (a 100,000-entry list) is refused, never stored.
      .filter(([, config]) => sanitizeConfig(config) !== null)
      .map(([scenario, config]): Scenario => ({
        ...scenario,
        model: 'custom',
        // …and as JSON (localStorage, the link): -0 becomes 0.
        customConfig: JSON.parse(JSON.stringify(sanitizeConfig(config))) as Record<string, unknown>,
      })),
  },
);

const mutatedLink: fc.Arbitrary<string> = fc
  .tuple(linkScenario, fc.array(urlMutation, { minLength: 1, maxLength: 4 }))
  .map(([scenario, mutations]) => mutations.reduce(mutateUrl, encodeScenario(scenario)));

describe('fuzz: decodeScenario → a valid scenario that re-validates without issues', { timeout: 60_000 }, () => {
  it('random strings (any code point, lone surrogates included)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (query) => void expectValidDecode(query)), { numRuns: RUNS });
  });

  it('random unicode text (graphemes)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (query) => void expectValidDecode(`?${query}`)), { numRuns: RUNS });
  });

  it('percent garbage around real keys', () => {
    fc.assert(fc.property(percentGarbage, (query) => void expectValidDecode(query)), { numRuns: RUNS });
  });

  it('real keys with hostile, numeric and random values', () => {
    fc.assert(fc.property(keyValueGarbage, (query) => void expectValidDecode(query)), { numRuns: RUNS });
  });

  it('valid links round-trip exactly', () => {
    fc.assert(
      fc.property(linkScenario, (scenario) => {
        const { scenario: decoded, ignored } = decodeScenario(encodeScenario(scenario));
        expect(ignored).toEqual([]);
        expect(decoded).toEqual(scenario);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated valid links decode to a valid scenario whose estimate and series are finite', () => {
    fc.assert(
      fc.property(mutatedLink, (query) => {
        const scenario = expectValidDecode(query);
        const e = estimate(scenario);
        expect(resultProblems(e, allSeries(scenario, e))).toEqual([]);
        // A decoded scenario is a fixed point of encode → decode, except for a config the model
        // does not use (a link with cfg but no m=custom), which encoding drops.
        const unused = scenario.model === 'custom' ? {} : { customConfig: null };
        expect({ ...decodeScenario(encodeScenario(scenario)).scenario, ...unused }).toEqual({ ...scenario, ...unused });
      }),
      { numRuns: RUNS },
    );
  });

  it('every URL key × every injection payload: the key is ignored or the value clamped', () => {
    const keys = [...URL_KEYS, ...VIEW_KEYS, 'v', '__proto__', 'constructor'];
    let cases = 0;
    for (const key of keys) {
      for (const payload of INJECTION_PAYLOADS) {
        for (const query of [`${key}=${encode(payload)}`, `?${key}=${payload}`, `v=1&m=custom&${key}=${encode(payload)}`]) {
          cases += 1;
          const { scenario, ignored } = decodeScenario(query);
          const context = `${key}=${payload.slice(0, 40)} (${query.length} chars)`;
          expect(scenarioProblems(scenario), context).toEqual([]);
          expect(validateScenario(scenario).issues, context).toEqual([]);
          const field = KEY_TO_FIELD.get(key);
          expect(keyOutcomeProblems(key, field, payload, scenario, ignored), context).toEqual([]);
          // No payload survives as a string anywhere outside a sanitized config.
          const surviving = Object.values({ ...scenario, customConfig: null }).filter(
            (text) => typeof text === 'string' && payload.length > 0 && text.includes(payload) && !MODEL_IDS.has(text) && !GPU_IDS.has(text),
          );
          expect(surviving, context).toEqual([]);
        }
      }
    }
    expect(cases).toBeGreaterThan(1000);
  });

  it('an imported config carrying payloads in keys and values decodes to sanitized plain data', () => {
    const hostileConfig: Record<string, unknown> = { ...REAL_CONFIGS[0] };
    INJECTION_PAYLOADS.forEach((payload, i) => {
      setOwn(hostileConfig, `k${i}`, payload);
      setOwn(hostileConfig, payload.slice(0, 200), { nested: [payload, { deeper: { deepest: payload } }] });
    });
    setOwn(hostileConfig, '__proto__', { polluted: 'yes' });
    setOwn(hostileConfig, 'constructor', { prototype: { polluted: 'yes' } });
    const json = JSON.stringify(hostileConfig);
    const base64 = Buffer.from(json, 'utf8').toString('base64url');
    const scenario = expectValidDecode(`m=custom&cfg=${base64}`);
    expect(scenario.model).toBe('custom');
    expect(scenario.customConfig).not.toBeNull();
    expect(Object.keys(scenario.customConfig ?? {})).not.toContain('__proto__');
    expect(Object.keys(scenario.customConfig ?? {})).not.toContain('constructor');
    const e = estimate(scenario);
    expect(e.model.kind).toBe('custom');
    expect(resultProblems(e, allSeries(scenario, e))).toEqual([]);
    // A cfg that is not base64 JSON, or JSON that is not an object, is ignored.
    for (const cfg of ['%%%', TEN_KB, Buffer.from('[1,2]').toString('base64url'), Buffer.from('"x"').toString('base64url'), Buffer.from('{"a":').toString('base64url')]) {
      const decoded = decodeScenario(`m=custom&cfg=${cfg}`);
      expect(decoded.ignored).toContain('cfg');
      expect(decoded.scenario.model).toBe(DEFAULT_SCENARIO.model);
      expect(scenarioProblems(decoded.scenario)).toEqual([]);
    }
  });

  it('a 1 MB query string and 10 000 repeated keys decode quickly to a valid scenario', () => {
    const started = performance.now();
    expectValidDecode(`m=${'x'.repeat(1 << 20)}`);
    expectValidDecode(Array.from({ length: 10_000 }, (_, i) => `n=${i}&${URL_KEYS[i % URL_KEYS.length]}=${TEN_KB.slice(0, 50)}`).join('&'));
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. estimate + series
// ---------------------------------------------------------------------------------------------

/** Every warning code the page knows how to say (exhaustive: a new code must be added here). */
const KNOWN_WARNINGS: Record<WarningCode, true> = {
  'unknown-model': true,
  'invalid-config': true,
  'invalid-overrides': true,
  'approximate-architecture': true,
  'derived-architecture': true,
  'unconfirmed-model': true,
  'unknown-gpu': true,
  'unknown-precision': true,
  'fp32-unsupported': true,
  'tf32-unsupported': true,
  'bf16-unsupported': true,
  'fp16-unsupported': true,
  'fp8-unsupported': true,
  'int8-unsupported': true,
  'fp4-unsupported': true,
  'no-compute-rate': true,
  'price-fallback': true,
  'tdp-fallback': true,
  'does-not-fit': true,
  'training-never-fits': true,
  'inference-does-not-fit': true,
  'weights-exceed-one-gpu': true,
  'parallelism-exceeds-gpus': true,
  'gpus-not-divisible': true,
  'tensor-parallel-not-dividing-heads': true,
  'pipeline-exceeds-layers': true,
  'context-exceeds-model': true,
  'seq-len-exceeds-model': true,
  'kv-precision-unusual': true,
  'train-precision-unusual': true,
  'moe-scaling-law': true,
  'encoder-only': true,
};

/**
 * Everything wrong with an estimate and its series: non-finite numbers anywhere, negative sizes,
 * costs and times (nothing in either object is meant to be negative), unknown or repeated warning
 * codes, and a missing warning where the numbers say the model does not fit.
 */
function resultProblems(e: Estimate, s?: ReturnType<typeof allSeries>): string[] {
  const problems: string[] = [];
  problems.push(...badNumbers(e, 'estimate'));
  if (s !== undefined) problems.push(...badNumbers(s, 'series'));
  for (const code of e.warnings) {
    if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(KNOWN_WARNINGS, code)) problems.push(`unknown warning ${String(code)}`);
  }
  if (new Set(e.warnings).size !== e.warnings.length) problems.push(`repeated warnings ${e.warnings.join(',')}`);
  if (e.training.memoryPerGpu.total > e.hardware.deviceMemoryBytes && !e.warnings.includes('does-not-fit')) problems.push('training does not fit but no does-not-fit');
  if (!e.inference.fits && !e.warnings.includes('inference-does-not-fit')) problems.push('inference does not fit but no inference-does-not-fit');
  if (e.weights.selected.bytes > e.hardware.memoryBytes && !e.warnings.includes('weights-exceed-one-gpu')) problems.push('weights exceed one GPU but no warning');
  if (!(e.model.counts.total >= 1 && e.model.counts.total <= 1e15)) problems.push(`total ${e.model.counts.total}`);
  return problems;
}

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
