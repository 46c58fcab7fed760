import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeScenario, encodeScenario, VIEW_KEYS } from '../../src/scenario/url-codec';
import { FIELD_RULES, SCENARIO_FIELDS } from '../../src/scenario/fields';
import { DEFAULT_SCENARIO, RANGES } from '../../src/scenario/scenario';
import { validateScenario } from '../../src/scenario/validate';
import { FIXTURE_SCENARIOS } from '../fixtures/scenarios';
import { scenarioArbitrary } from '../fixtures/arbitraries';

describe('URL codec', () => {
  it.each(Object.entries(FIXTURE_SCENARIOS))('round-trips the %s scenario', (_name, scenario) => {
    const query = encodeScenario(scenario);
    const decoded = decodeScenario(query);
    expect(decoded.ignored).toEqual([]);
    expect(decoded.scenario).toEqual(scenario);
  });

  it('omits defaults: the default scenario is only the version key', () => {
    expect(encodeScenario(DEFAULT_SCENARIO)).toBe('v=1');
  });

  it('gives every field its own key, none shared with the view keys', () => {
    const keys = SCENARIO_FIELDS.map((field) => FIELD_RULES[field].key);
    const shared = keys.filter((key, index) => keys.indexOf(key) !== index || (VIEW_KEYS as readonly string[]).includes(key));
    expect(shared).toEqual([]);
  });

  it('carries the training software under its own key', () => {
    const scenario = { ...DEFAULT_SCENARIO, trainingFramework: 'fsdp-xformers-2023', fileWeights: true };
    const query = encodeScenario(scenario);
    expect(query).toContain('sw=fsdp-xformers-2023');
    expect(decodeScenario(query).scenario).toEqual(scenario);
    const unknown = decodeScenario('v=1&sw=deepspeed-zero-9');
    expect(unknown.scenario.trainingFramework).toBe('auto');
    expect(unknown.ignored).toEqual(['sw']);
  });

  it('uses short readable keys', () => {
    const query = encodeScenario({ ...DEFAULT_SCENARIO, model: 'llama-3.1-405b', weightPrecision: 'fp8', gpu: 'h200-sxm', gpuCount: 8 });
    expect(query).toBe('v=1&m=llama-3.1-405b&w=fp8&gpu=h200-sxm&n=8');
  });

  it('keeps opening the frozen canonical link of version 1', () => {
    // Released link: changing a key or a unit must add a migration, never break this.
    const canonical =
      '?v=1&m=gpt-3-175b&w=int4&kv=fp8&gpu=a100-sxm-80gb&n=1024&mfu=0.35&bwe=0.6&price=1.5&pue=1.2&kwh=0.1' +
      '&tok=3e11&attn=1&zero=3&tp=4&pp=8&mb=2&seq=2048&rc=full&sp=0&in=2000&out=256&b=32&rps=50&arch=layers:48';
    const { scenario, ignored } = decodeScenario(canonical);
    expect(ignored).toEqual([]);
    expect(scenario).toEqual({
      ...DEFAULT_SCENARIO,
      model: 'gpt-3-175b',
      weightPrecision: 'int4',
      kvPrecision: 'fp8',
      gpu: 'a100-sxm-80gb',
      gpuCount: 1024,
      mfu: 0.35,
      bandwidthEfficiency: 0.6,
      usdPerGpuHour: 1.5,
      pue: 1.2,
      usdPerKwh: 0.1,
      tokens: 3e11,
      attentionFlops: true,
      zeroStage: 3,
      tensorParallel: 4,
      pipelineParallel: 8,
      microBatch: 2,
      seqLen: 2048,
      recompute: 'full',
      sequenceParallel: false,
      promptTokens: 2000,
      outputTokens: 256,
      batch: 32,
      requestsPerSecond: 50,
      overrides: { layers: 48 },
    });
  });

  it('falls back to defaults for unreadable values and names the keys', () => {
    const { scenario, ignored } = decodeScenario('?m=no-such-model&n=abc&w=fp7&mfu=0.5&zzz=1&cfg=%%%');
    expect(scenario.model).toBe(DEFAULT_SCENARIO.model);
    expect(scenario.gpuCount).toBe(DEFAULT_SCENARIO.gpuCount);
    expect(scenario.weightPrecision).toBe(DEFAULT_SCENARIO.weightPrecision);
    expect(scenario.mfu).toBe(0.5);
    expect(ignored.sort()).toEqual(['cfg', 'm', 'n', 'w']);
  });

  it('clamps out-of-range numbers instead of rejecting them', () => {
    const { scenario } = decodeScenario('?n=1e12&mfu=7&p=1e30');
    expect(scenario.gpuCount).toBe(RANGES.gpuCount[1]);
    expect(scenario.mfu).toBe(1);
    expect(scenario.params).toBe(RANGES.params[1]);
  });
});

describe('URL codec properties', () => {
  it('decode(encode(s)) is the identity over random valid scenarios', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const decoded = decodeScenario(encodeScenario(scenario));
        expect(decoded.ignored).toEqual([]);
        expect(decoded.scenario).toEqual(scenario);
      }),
      { numRuns: 1000 },
    );
  });

  it('decoding any string never throws and yields a valid scenario', () => {
    const keys = ['m', 'p', 'w', 'kv', 'gpu', 'n', 'mfu', 'arch', 'cg', 'cfg', 'zero', 'rc', 'tok', 'price', 'v'];
    const hostile = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.array(fc.tuple(fc.constantFrom(...keys), fc.string()), { maxLength: 8 }).map((pairs) =>
        pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'),
      ),
      scenarioArbitrary.map((s) => encodeScenario(s)).chain((query) =>
        fc.tuple(fc.nat({ max: query.length }), fc.string({ maxLength: 6 })).map(([at, junk]) => query.slice(0, at) + junk + query.slice(at)),
      ),
    );
    fc.assert(
      fc.property(hostile, (query) => {
        const { scenario } = decodeScenario(query);
        const again = validateScenario(scenario);
        expect(again.issues).toEqual([]);
        expect(again.scenario).toEqual(scenario);
      }),
      { numRuns: 1000 },
    );
  });
});
