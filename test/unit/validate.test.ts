/**
 * validateScenario: any value from anywhere (a store patch, localStorage, a test) → a valid
 * scenario plus the list of fields that were unreadable (default kept) or clamped. Never throws.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { applyPatch, validateScenario, type ScenarioIssue } from '../../src/scenario/validate';
import { FIELD_RULES, SCENARIO_FIELDS, writeNumber } from '../../src/scenario/fields';
import { DEFAULT_SCENARIO, RANGES, type Scenario } from '../../src/scenario/scenario';
import { PRECISION_IDS } from '../../src/data/precisions';
import { TRAINING_FRAMEWORKS } from '../../src/data/training-frameworks';
import { MODELS } from '../../src/data/models';
import { HARDWARE } from '../../src/data/hardware';
import { CLUSTERS_BY_ID } from '../../src/data/clusters';
import { ALL_DEVICES } from '../../src/data/local-devices';
import { anyValue, scenarioArbitrary } from '../fixtures/arbitraries';
import { INJECTION_PAYLOADS, TEN_KB } from '../fixtures/hostile';

const FRAMEWORK_IDS = new Set<string>(['auto', ...TRAINING_FRAMEWORKS.map((framework) => framework.id)]);

const RUNS = 1000;

const MODEL_IDS = new Set<string>([...MODELS.map((m) => m.id), 'size', 'custom']);
const GPU_IDS = new Set<string>([...ALL_DEVICES.map((h) => h.id), 'custom']);

/** Numeric fields with their range and whether they are whole numbers. */
const NUMERIC: ReadonlyArray<{ field: keyof Scenario & keyof typeof RANGES; integer: boolean; nullable: boolean }> = [
  { field: 'params', integer: false, nullable: false },
  { field: 'gpuCount', integer: true, nullable: false },
  { field: 'mfu', integer: false, nullable: true },
  { field: 'bandwidthEfficiency', integer: false, nullable: true },
  { field: 'usdPerGpuHour', integer: false, nullable: true },
  { field: 'pue', integer: false, nullable: false },
  { field: 'usdPerKwh', integer: false, nullable: false },
  { field: 'tokens', integer: false, nullable: true },
  { field: 'tokensPerParam', integer: false, nullable: false },
  { field: 'tensorParallel', integer: true, nullable: false },
  { field: 'pipelineParallel', integer: true, nullable: false },
  { field: 'microBatch', integer: true, nullable: false },
  { field: 'contextParallel', integer: true, nullable: false },
  { field: 'expertParallel', integer: true, nullable: false },
  { field: 'virtualPipeline', integer: true, nullable: false },
  { field: 'offloadLayers', integer: true, nullable: false },
  { field: 'globalBatch', integer: true, nullable: true },
  { field: 'goodput', integer: false, nullable: false },
  { field: 'seqLen', integer: true, nullable: false },
  { field: 'promptTokens', integer: true, nullable: false },
  { field: 'outputTokens', integer: true, nullable: false },
  { field: 'batch', integer: true, nullable: false },
  { field: 'requestsPerSecond', integer: false, nullable: false },
  { field: 'servingConcurrency', integer: true, nullable: true },
  { field: 'ttftTarget', integer: false, nullable: true },
  { field: 'tpotTarget', integer: false, nullable: true },
  { field: 'servingTp', integer: true, nullable: true },
  { field: 'servingEp', integer: true, nullable: false },
  { field: 'usableMemoryFraction', integer: false, nullable: true },
  { field: 'hostMemoryBytes', integer: false, nullable: false },
];

const OVERRIDE_KEYS = ['hidden', 'layers', 'heads', 'kvHeads', 'ffn', 'vocab', 'experts', 'expertsPerToken', 'contextLength'] as const;
const CUSTOM_CLUSTER_KEYS = ['gpusPerNode', 'scaleUpBytesPerSecond', 'scaleOutBytesPerSecondPerGpu'] as const;
const CUSTOM_GPU_KEYS = ['memoryBytes', 'bandwidthBytesPerSecond', 'flops', 'tdpWatts', 'usdPerHour'] as const;

function within(value: unknown, [low, high]: readonly [number, number], integer: boolean): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high && (!integer || Number.isInteger(value));
}

/** Everything wrong with a scenario validateScenario returned (empty when valid). */
function problems(scenario: Scenario): string[] {
  const out: string[] = [];
  const record = scenario as unknown as Record<string, unknown>;
  if (Object.getPrototypeOf(record) !== Object.prototype) out.push('not a plain object');
  const keys = Object.keys(record).sort();
  if (JSON.stringify(keys) !== JSON.stringify([...SCENARIO_FIELDS].sort())) out.push(`keys ${keys.join(',')}`);
  if (!MODEL_IDS.has(scenario.model)) out.push(`model ${String(scenario.model)}`);
  if (!GPU_IDS.has(scenario.gpu)) out.push(`gpu ${String(scenario.gpu)}`);
  for (const field of ['weightPrecision', 'kvPrecision', 'trainPrecision'] as const) {
    if (!(PRECISION_IDS as readonly string[]).includes(scenario[field])) out.push(`${field} ${String(scenario[field])}`);
  }
  if (!['none', 'selective', 'full'].includes(scenario.recompute)) out.push(`recompute ${String(scenario.recompute)}`);
  if (!FRAMEWORK_IDS.has(scenario.trainingFramework)) out.push(`trainingFramework ${String(scenario.trainingFramework).slice(0, 80)}`);
  if (![0, 1, 2, 3].includes(scenario.zeroStage)) out.push(`zeroStage ${String(scenario.zeroStage)}`);
  if (typeof scenario.attentionFlops !== 'boolean') out.push('attentionFlops');
  if (typeof scenario.sequenceParallel !== 'boolean') out.push('sequenceParallel');
  for (const { field, integer, nullable } of NUMERIC) {
    const value = scenario[field];
    if (!(nullable && value === null) && !within(value, RANGES[field], integer)) out.push(`${field} = ${String(value)}`);
  }
  const overrides = scenario.overrides as Record<string, unknown>;
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) out.push('overrides');
  else {
    for (const [key, value] of Object.entries(overrides)) {
      if (!(OVERRIDE_KEYS as readonly string[]).includes(key) || !within(value, RANGES[key as (typeof OVERRIDE_KEYS)[number]], true)) {
        out.push(`overrides.${key} = ${String(value)}`);
      }
    }
  }
  const gpu = scenario.customGpu as unknown as Record<string, unknown>;
  if (typeof gpu !== 'object' || gpu === null) out.push('customGpu');
  else for (const key of CUSTOM_GPU_KEYS) if (!within(gpu[key], RANGES[key], false)) out.push(`customGpu.${key} = ${String(gpu[key])}`);
  const cluster = scenario.customCluster as unknown as Record<string, unknown>;
  if (typeof cluster !== 'object' || cluster === null) out.push('customCluster');
  else for (const key of CUSTOM_CLUSTER_KEYS) if (!within(cluster[key], RANGES[key], key === 'gpusPerNode')) out.push(`customCluster.${key} = ${String(cluster[key])}`);
  if (scenario.cluster !== 'auto' && scenario.cluster !== 'custom' && !CLUSTERS_BY_ID.has(scenario.cluster)) out.push(`cluster ${String(scenario.cluster)}`);
  const config = scenario.customConfig;
  if (config !== null && (typeof config !== 'object' || Array.isArray(config))) out.push('customConfig');
  if (scenario.model === 'custom' && config === null) out.push('custom model without a config');
  return out;
}

/** Calls validateScenario, failing the test with the input if it throws. */
function validate(input: unknown): { scenario: Scenario; issues: ScenarioIssue[] } {
  let result: { scenario: Scenario; issues: ScenarioIssue[] } | undefined;
  expect(() => {
    result = validateScenario(input);
  }).not.toThrow();
  if (result === undefined) throw new Error('unreachable');
  return result;
}

function expectValid(input: unknown): { scenario: Scenario; issues: ScenarioIssue[] } {
  const result = validate(input);
  expect(problems(result.scenario)).toEqual([]);
  // Issues name real fields with a known reason.
  for (const issue of result.issues) {
    expect(SCENARIO_FIELDS).toContain(issue.field);
    expect(['unreadable', 'clamped']).toContain(issue.reason);
  }
  // The result is a fixed point: validating it again changes and reports nothing.
  const again = validateScenario(result.scenario);
  expect(again.issues).toEqual([]);
  expect(again.scenario).toEqual(result.scenario);
  // Nothing leaked onto Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).model).toBeUndefined();
  return result;
}

function issuesOf(result: { issues: ScenarioIssue[] }, field: keyof Scenario): ScenarioIssue['reason'][] {
  return result.issues.filter((issue) => issue.field === field).map((issue) => issue.reason);
}

// ---------------------------------------------------------------------------------------------

describe('validateScenario: valid input', { timeout: 60_000 }, () => {
  it('the default scenario and {} pass through unchanged, with no issues', () => {
    expect(validate(DEFAULT_SCENARIO)).toEqual({ scenario: DEFAULT_SCENARIO, issues: [] });
    expect(validate({})).toEqual({ scenario: DEFAULT_SCENARIO, issues: [] });
  });

  it('random valid scenarios pass through unchanged, with no issues', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const result = validate(scenario);
        expect(result.issues).toEqual([]);
        expect(result.scenario).toEqual(scenario);
      }),
      { numRuns: RUNS },
    );
  });

  it('does not modify its input and returns a new object', () => {
    const input = { ...DEFAULT_SCENARIO, gpuCount: 1e9, overrides: { hidden: 4096 } };
    const copy = JSON.parse(JSON.stringify(input)) as unknown;
    const result = validate(input);
    expect(input).toEqual(copy);
    expect(result.scenario).not.toBe(input);
    expect(result.scenario).not.toBe(DEFAULT_SCENARIO);
  });
});

describe('validateScenario: garbage never throws and yields the defaults', { timeout: 60_000 }, () => {
  const garbage: unknown[] = [
    null,
    undefined,
    0,
    42,
    NaN,
    -Infinity,
    '',
    'llama-3.1-8b',
    TEN_KB,
    true,
    false,
    [],
    [1, 2, 3],
    [DEFAULT_SCENARIO],
    () => ({ model: 'size' }),
    Symbol('scenario'),
    10n,
    new Date(0),
    /model/,
    new Map([['model', 'size']]),
    new Set(['model']),
    Object.create(null) as object,
    new Error('boom'),
    Promise.resolve({ model: 'size' }),
    new Uint8Array(8),
  ];
  it.each(garbage.map((value, i) => [i, value] as const))('garbage #%i', (_i, value) => {
    const result = expectValid(value);
    expect(result.scenario).toEqual(DEFAULT_SCENARIO);
    expect(result.issues).toEqual([]);
  });

  it('fc.anything (boxed values, Maps, null prototypes, bigints, sparse arrays, any string)', () => {
    fc.assert(fc.property(anyValue, (value) => void expectValid(value)), { numRuns: RUNS });
  });

  it('scenario-shaped objects whose every field holds anything', () => {
    const value = fc.oneof(
      fc.anything({ withBoxedValues: true, withNullPrototype: true, withBigInt: true, maxDepth: 2 }),
      fc.constantFrom(...INJECTION_PAYLOADS),
      fc.double(),
      fc.constantFrom(null, true, false, 'auto', 'custom', 'size', '1', '0', '', 'NaN'),
    );
    const shaped = fc.dictionary(fc.constantFrom(...SCENARIO_FIELDS, '__proto__', 'constructor', 'prototype', 'toString'), value, { maxKeys: 40 });
    fc.assert(
      fc.property(shaped, (input) => {
        const result = expectValid(input);
        // A field the input does not hold is never reported (but for the config of model "custom").
        const notHeld = result.issues.filter(
          (issue) => !(issue.field === 'customConfig' && input.model === 'custom') && !Object.prototype.hasOwnProperty.call(input, issue.field),
        );
        expect(notHeld).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('objects whose getters throw, and proxies that throw on every trap', () => {
    const throwingGetter = Object.defineProperty({ ...DEFAULT_SCENARIO }, 'gpuCount', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    const result = expectValid(throwingGetter);
    expect(result.scenario.gpuCount).toBe(DEFAULT_SCENARIO.gpuCount);
    expect(issuesOf(result, 'gpuCount')).toEqual(['unreadable']);

    const trap = () => {
      throw new Error('trap');
    };
    const hostile = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });
    expect(expectValid(hostile).scenario).toEqual(DEFAULT_SCENARIO);
    const { proxy, revoke } = Proxy.revocable({ model: 'size' }, {});
    revoke();
    expect(expectValid(proxy).scenario).toEqual(DEFAULT_SCENARIO);
  });
});

describe('validateScenario: wrong types per field → unreadable, default kept', { timeout: 60_000 }, () => {
  const everywhere: unknown[] = [{}, { value: 1 }, [], [1], ['size'], () => 1, Symbol('x'), 10n, NaN, Infinity, -Infinity, new Date(0), TEN_KB, ...INJECTION_PAYLOADS.slice(0, 7)];
  const wrongFor = (field: keyof Scenario): unknown[] => {
    const defaultValue = DEFAULT_SCENARIO[field];
    if (field === 'customConfig') return [42, 'config', true, [], [{ model_type: 'llama' }], () => 1, Symbol('x'), 10n];
    if (field === 'overrides' || field === 'customGpu') return [...everywhere.filter((v) => typeof v !== 'object' || Array.isArray(v)), 42, true, null, 'garbage'];
    if (typeof defaultValue === 'boolean') return [...everywhere, 2, -1, 0.5, null, 'yes'];
    if (typeof defaultValue === 'number' || defaultValue === null) return [...everywhere, true, false, 'many', '', '0x10', '1_000', ...(defaultValue === null ? [] : [null])];
    return [...everywhere, 42, true, false, null, '', 'no-such-id', 'BF16', ' size'];
  };

  for (const field of SCENARIO_FIELDS) {
    it(`${field}`, () => {
      for (const value of wrongFor(field)) {
        const context = `${field} = ${typeof value === 'symbol' ? 'Symbol' : typeof value === 'bigint' ? `${value}n` : String(value).slice(0, 60)}`;
        const result = expectValid({ [field]: value });
        expect(result.issues, context).toEqual([{ field, reason: 'unreadable' }]);
        expect(result.scenario, context).toEqual(DEFAULT_SCENARIO);
      }
    });
  }
});

describe('validateScenario: out-of-range numbers are clamped and reported', { timeout: 60_000 }, () => {
  for (const { field, integer } of NUMERIC) {
    it(`${field}`, () => {
      const [low, high] = RANGES[field];
      const cases: Array<[number, number]> = [
        [low - 1, low],
        [-1e300, low],
        [high * 10, high],
        [Number.MAX_VALUE, high],
      ];
      if (low > 0) cases.push([low / 2, low], [0, low]);
      if (integer) cases.push([low + 0.4, low], [Math.min(high, 7) + 0.6 - 1, Math.round(Math.min(high, 7) + 0.6 - 1)]);
      for (const [input, expected] of cases) {
        const result = expectValid({ [field]: input });
        expect(result.scenario[field], `${field} = ${input}`).toBe(expected);
        expect(result.issues, `${field} = ${input}`).toEqual([{ field, reason: 'clamped' }]);
      }
      // In range: kept, not reported.
      const inside = integer ? Math.ceil(low) : (low + high) / 2;
      expect(validate({ [field]: inside })).toEqual({ scenario: { ...DEFAULT_SCENARIO, [field]: inside }, issues: [] });
    });
  }

  it('architecture overrides out of range are clamped and reported', () => {
    for (const key of OVERRIDE_KEYS) {
      const [low, high] = RANGES[key];
      for (const [input, expected] of [
        [high * 10, high],
        [low - 1, low],
        [low + 0.4, low],
      ] as const) {
        const result = expectValid({ overrides: { [key]: input } });
        expect(result.scenario.overrides, `${key} = ${input}`).toEqual({ [key]: expected });
        expect(result.issues, `${key} = ${input}`).toEqual([{ field: 'overrides', reason: 'clamped' }]);
      }
      expect(validate({ overrides: { [key]: high } })).toEqual({ scenario: { ...DEFAULT_SCENARIO, overrides: { [key]: high } }, issues: [] });
    }
    // NaN, Infinity and unknown override names never reach the scenario.
    expect(issuesOf(expectValid({ overrides: { hidden: NaN } }), 'overrides')).toEqual(['unreadable']);
    expect(issuesOf(expectValid({ overrides: { hidden: Infinity } }), 'overrides')).toEqual(['unreadable']);
    expect(expectValid({ overrides: { evil: 1, hidden: 4096 } }).scenario.overrides).toEqual({ hidden: 4096 });
  });

  it('custom GPU figures out of range are clamped and reported', () => {
    for (const key of CUSTOM_GPU_KEYS) {
      const [low, high] = RANGES[key];
      for (const [input, expected] of [
        [high * 10, high],
        [low - 1, low],
      ] as const) {
        const result = expectValid({ customGpu: { ...DEFAULT_SCENARIO.customGpu, [key]: input } });
        expect(result.scenario.customGpu, `${key} = ${input}`).toEqual({ ...DEFAULT_SCENARIO.customGpu, [key]: expected });
        expect(result.issues, `${key} = ${input}`).toEqual([{ field: 'customGpu', reason: 'clamped' }]);
      }
    }
  });

  it('random numbers in every numeric field: within range afterwards, reported exactly when changed', () => {
    const numbers = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, 0, 1, 1e300, -1e300, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2));
    fc.assert(
      fc.property(fc.constantFrom(...NUMERIC), numbers, ({ field }, value) => {
        const result = expectValid({ [field]: value });
        const reasons = issuesOf(result, field);
        const finite = Number.isFinite(value);
        const kept = result.scenario[field] === value;
        // Not finite: unreadable, default kept; finite: reported as clamped exactly when it changed.
        expect(reasons).toEqual(!finite ? ['unreadable'] : kept ? [] : ['clamped']);
        expect(finite || result.scenario[field] === DEFAULT_SCENARIO[field]).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('validateScenario: ids', { timeout: 60_000 }, () => {
  it('unknown model ids are reported unreadable and the default model kept', () => {
    for (const model of ['no-such-model', 'LLAMA-3.1-8B', 'llama-3.1-8b ', '../../etc/passwd', 'toString', '__proto__', 'constructor', 'hasOwnProperty', ...INJECTION_PAYLOADS]) {
      const result = expectValid({ model });
      expect(result.scenario.model, model.slice(0, 40)).toBe(DEFAULT_SCENARIO.model);
      expect(result.issues, model.slice(0, 40)).toEqual([{ field: 'model', reason: 'unreadable' }]);
    }
  });

  it('unknown GPU ids are reported unreadable and the default GPU kept', () => {
    for (const gpu of ['no-such-gpu', 'H100-SXM', 'h100', 'toString', '__proto__', 'constructor', ...INJECTION_PAYLOADS]) {
      const result = expectValid({ gpu });
      expect(result.scenario.gpu, gpu.slice(0, 40)).toBe(DEFAULT_SCENARIO.gpu);
      expect(result.issues, gpu.slice(0, 40)).toEqual([{ field: 'gpu', reason: 'unreadable' }]);
    }
  });

  it('known ids are kept', () => {
    for (const model of MODELS) expect(validate({ model: model.id })).toEqual({ scenario: { ...DEFAULT_SCENARIO, model: model.id }, issues: [] });
    for (const gpu of HARDWARE) expect(validate({ gpu: gpu.id })).toEqual({ scenario: { ...DEFAULT_SCENARIO, gpu: gpu.id }, issues: [] });
  });

  it('model "custom" without a readable config falls back to the default model', () => {
    for (const customConfig of [undefined, null, 'config', [], 42]) {
      const input = customConfig === undefined ? { model: 'custom' } : { model: 'custom', customConfig };
      const result = expectValid(input);
      expect(result.scenario.model).toBe(DEFAULT_SCENARIO.model);
      expect(result.scenario.customConfig).toBeNull();
      expect(issuesOf(result, 'customConfig')).toContain('unreadable');
    }
    const ok = expectValid({ model: 'custom', customConfig: { model_type: 'llama', hidden_size: 4096 } });
    expect(ok.scenario.model).toBe('custom');
    expect(ok.issues).toEqual([]);
  });
});

describe('validateScenario: prototype keys are ignored', { timeout: 60_000 }, () => {
  it('__proto__, constructor and prototype keys from JSON.parse change nothing and pollute nothing', () => {
    const input: unknown = JSON.parse(
      '{"__proto__":{"model":"size","gpuCount":5,"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"model":"size"}}',
    );
    const result = expectValid(input);
    expect(result.scenario).toEqual(DEFAULT_SCENARIO);
    expect(result.issues).toEqual([]);
    expect(Object.getPrototypeOf(result.scenario)).toBe(Object.prototype);
  });

  it('fields inherited through the prototype chain are not read', () => {
    const inherited = Object.create({ model: 'size', gpuCount: 5, mfu: 2 }) as object;
    const result = expectValid(inherited);
    expect(result.scenario).toEqual(DEFAULT_SCENARIO);
    expect(result.issues).toEqual([]);
  });

  it('prototype keys inside nested fields are dropped', () => {
    const input = JSON.parse(
      '{"overrides":{"__proto__":{"hidden":1},"hidden":4096},"customGpu":{"__proto__":{"flops":1},"memoryBytes":8e10,"bandwidthBytesPerSecond":3.35e12,"flops":9.895e14,"tdpWatts":700,"usdPerHour":3},' +
        '"model":"custom","customConfig":{"model_type":"llama","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"nested":{"__proto__":{"polluted":"yes"}}}}',
    ) as unknown;
    const result = expectValid(input);
    expect(result.scenario.overrides).toEqual({ hidden: 4096 });
    expect(result.scenario.customGpu.flops).toBe(9.895e14);
    expect(result.scenario.customConfig).toEqual({ model_type: 'llama', nested: {} });
    expect(Object.keys(result.scenario.customConfig ?? {})).toEqual(['model_type', 'nested']);
  });
});

describe('typed checks: a JS value is checked without the URL text path', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a numeric field checks a number as its text would read (every number rule, random doubles)', () => {
    const numeric = NUMERIC.map(({ field }) => field);
    fc.assert(
      fc.property(fc.constantFrom(...numeric), fc.double({ noNaN: true, noDefaultInfinity: true }), (field, value) => {
        const rule = FIELD_RULES[field] as { check: (v: unknown) => unknown; read: (raw: string) => unknown };
        expect(rule.check(value)).toBe(rule.read(writeNumber(value)));
      }),
      { numRuns: RUNS },
    );
  });

  it('every rule checks a string exactly as the URL reads it', () => {
    const strings = fc.oneof(fc.string(), fc.constantFrom(...INJECTION_PAYLOADS), fc.constantFrom('auto', '1', '0', 'true', 'false', '2', 'bf16', 'full', 'size', 'h100-sxm', 'hidden:64,layers:2', '0.3', '1e9'));
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_FIELDS.filter((field) => field !== 'customConfig')), strings, (field, raw) => {
        const rule = FIELD_RULES[field] as { check: (v: unknown) => unknown; read: (raw: string) => unknown };
        expect(rule.check(raw)).toEqual(rule.read(raw));
      }),
      { numRuns: RUNS },
    );
  });

  it('one slider step (applyPatch of a number) neither writes nor reads URL text', () => {
    const read = vi.spyOn(FIELD_RULES.mfu, 'read');
    const write = vi.spyOn(FIELD_RULES.mfu, 'write');
    const otherReads = SCENARIO_FIELDS.filter((field) => field !== 'mfu').map((field) => vi.spyOn(FIELD_RULES[field] as { read: (raw: string) => unknown }, 'read'));
    const next = applyPatch(DEFAULT_SCENARIO, { mfu: 0.55 });
    expect(next.mfu).toBe(0.55);
    expect(applyPatch(DEFAULT_SCENARIO, { mfu: 7 }).mfu).toBe(RANGES.mfu[1]);
    expect(read).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
    for (const spy of otherReads) expect(spy).not.toHaveBeenCalled();
  });

  it('objects are checked field by field: overrides clamped and rounded, custom GPU all five or nothing', () => {
    expect(FIELD_RULES.overrides.check({ hidden: 4096.4, layers: 0, bogus: 3 })).toEqual({ hidden: 4096, layers: RANGES.layers[0] });
    expect(FIELD_RULES.overrides.check({ hidden: '4096' })).toBeUndefined();
    expect(FIELD_RULES.overrides.check({ hidden: Number.NaN })).toBeUndefined();
    expect(FIELD_RULES.overrides.check([])).toBeUndefined();
    const gpu = { memoryBytes: 1, bandwidthBytesPerSecond: 2e12, flops: 1e15, tdpWatts: 300, usdPerHour: 2 };
    expect(FIELD_RULES.customGpu.check(gpu)).toEqual({ ...gpu, memoryBytes: RANGES.memoryBytes[0] });
    expect(FIELD_RULES.customGpu.check({ ...gpu, usdPerHour: undefined })).toBeUndefined();
  });

  it('enums and ids are checked against their lists', () => {
    expect(FIELD_RULES.weightPrecision.check('fp8')).toBe('fp8');
    expect(FIELD_RULES.weightPrecision.check('fp7')).toBeUndefined();
    expect(FIELD_RULES.weightPrecision.check(8)).toBeUndefined();
    expect(FIELD_RULES.zeroStage.check(3)).toBe(3);
    expect(FIELD_RULES.zeroStage.check(2.5)).toBeUndefined();
    expect(FIELD_RULES.zeroStage.check('2')).toBe(2);
    expect(FIELD_RULES.model.check('llama-3.1-8b')).toBe('llama-3.1-8b');
    expect(FIELD_RULES.model.check('no-such-model')).toBeUndefined();
    expect(FIELD_RULES.attentionFlops.check(1)).toBe(true);
    expect(FIELD_RULES.attentionFlops.check(2)).toBeUndefined();
    expect(FIELD_RULES.tokens.check(null)).toBeNull();
    expect(FIELD_RULES.tokens.check(true)).toBeUndefined();
  });
});
