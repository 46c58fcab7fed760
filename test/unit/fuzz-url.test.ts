/**
 * Robustness fuzzing, 2 of 3: people open links from strangers. decodeScenario on random strings,
 * percent garbage, mutated valid links and injection payloads under every key → a valid scenario
 * (re-validating it reports nothing). ≥ 1000 runs per property (see fuzz-config.test.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimate } from '../../src/core/index';
import { PRECISION_IDS } from '../../src/data/precisions';
import { TRAINING_FRAMEWORKS } from '../../src/data/training-frameworks';
import { MODELS } from '../../src/data/models';
import { ALL_DEVICES } from '../../src/data/local-devices';
import { DEFAULT_SCENARIO, RANGES, type Scenario } from '../../src/scenario/scenario';
import { FIELD_RULES, MAX_CONFIG_DEPTH, MAX_CONFIG_STRING, SCENARIO_FIELDS, sanitizeConfig } from '../../src/scenario/fields';
import { VIEW_KEYS, decodeScenario, encodeScenario } from '../../src/scenario/url-codec';
import { validateScenario } from '../../src/scenario/validate';
import { scenarioArbitrary } from '../fixtures/arbitraries';
import { allSeries } from '../fixtures/all-series';
import { INJECTION_PAYLOADS, TEN_KB } from '../fixtures/hostile';
import { RUNS, REAL_CONFIGS, expectPrototypesClean, setOwn, validMutatedConfig, NUMERIC_FIELDS, resultProblems } from '../fixtures/fuzz-configs';

const FRAMEWORK_IDS = new Set<string>(['auto', ...TRAINING_FRAMEWORKS.map((framework) => framework.id)]);

const MODEL_IDS = new Set<string>([...MODELS.map((m) => m.id), 'size', 'custom']);
const GPU_IDS = new Set<string>([...ALL_DEVICES.map((h) => h.id), 'custom']);
const PRECISIONS = new Set<string>(PRECISION_IDS);
const URL_KEYS: readonly string[] = SCENARIO_FIELDS.map((field) => FIELD_RULES[field].key);
const KEY_TO_FIELD = new Map<string, keyof Scenario>(SCENARIO_FIELDS.map((field) => [FIELD_RULES[field].key, field]));
const INTEGER_FIELDS = new Set<string>(['gpuCount', 'tensorParallel', 'pipelineParallel', 'microBatch', 'contextParallel', 'expertParallel', 'virtualPipeline', 'offloadLayers', 'globalBatch', 'seqLen', 'promptTokens', 'outputTokens', 'batch', 'servingConcurrency', 'servingTp', 'servingEp', 'loraRank', 'ftSeqLen', 'ftMicroBatch']);
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
  if (!FRAMEWORK_IDS.has(scenario.trainingFramework)) problems.push(`trainingFramework ${String(scenario.trainingFramework).slice(0, 80)}`);
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
