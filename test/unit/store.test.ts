import '../load-estimate'; // the store's estimate() loads on demand (src/store/estimate-code.ts)
import { describe, expect, it } from 'vitest';
import { createScenarioStore } from '../../src/store/scenario-store';
import { DEFAULT_SCENARIO } from '../../src/scenario/scenario';
import { applyPatch } from '../../src/scenario/validate';
import { derivation, type Derivation, type ScenarioSelectors } from '../../src/store/selectors';
import { CHART_SERIES } from '../../src/store/chart-series';
import type { Scenario } from '../../src/scenario/scenario';

const sweep = <T>(select: ScenarioSelectors, definition: Derivation<T>, scenario: Scenario): T => select.derived(definition, scenario);
import { shareEqual } from '../../src/store/memo';

describe('scenario store', () => {
  it('keeps the identity of untouched fields, so memoized results stay valid', () => {
    const store = createScenarioStore({ ...DEFAULT_SCENARIO, overrides: { layers: 40 } });
    const before = store.getState().scenario;
    store.getState().update({ gpuCount: 64 });
    const after = store.getState().scenario;
    expect(after).not.toBe(before);
    expect(after.gpuCount).toBe(64);
    expect(after.overrides).toBe(before.overrides);
    expect(after.customGpu).toBe(before.customGpu);
  });

  it('returns the same scenario object when a patch changes nothing', () => {
    const store = createScenarioStore();
    const before = store.getState().scenario;
    store.getState().update({ gpuCount: before.gpuCount, mfu: before.mfu });
    store.getState().update({ overrides: {} });
    expect(store.getState().scenario).toBe(before);
  });

  it('validates patched fields: clamps numbers and refuses unknown ids', () => {
    const next = applyPatch(DEFAULT_SCENARIO, { gpuCount: 1e9, gpu: 'no-such-gpu' });
    expect(next.gpuCount).toBe(1e6);
    expect(next.gpu).toBe(DEFAULT_SCENARIO.gpu);
  });

  it('choosing a preset clears overrides and an imported config', () => {
    const store = createScenarioStore();
    store.getState().useConfig({ model_type: 'llama', hidden_size: 64, num_hidden_layers: 2, num_attention_heads: 4, intermediate_size: 128, vocab_size: 100 });
    expect(store.getState().scenario.model).toBe('custom');
    store.getState().setOverride('layers', 4);
    store.getState().chooseModel('gpt-2');
    expect(store.getState().scenario).toMatchObject({ model: 'gpt-2', overrides: {}, customConfig: null });
    store.getState().chooseSize(1e12);
    expect(store.getState().scenario).toMatchObject({ model: 'size', params: 1e12 });
  });
});

describe('store selectors (one set per store)', () => {
  it('resolve the model once while the model fields are unchanged', () => {
    const { select } = createScenarioStore();
    const base = select.model(DEFAULT_SCENARIO);
    expect(select.model({ ...DEFAULT_SCENARIO, gpuCount: 7, mfu: 0.5 })).toBe(base);
    // params only shape the model for 'size'; overrides compare by value.
    expect(select.model({ ...DEFAULT_SCENARIO, params: 5e9 })).toBe(base);
    expect(select.model({ ...DEFAULT_SCENARIO, overrides: {} })).toBe(base);
    const layers = select.model({ ...DEFAULT_SCENARIO, overrides: { layers: 40 } });
    expect(layers).not.toBe(base);
    expect(layers.model.arch.layers).toBe(40);
    const size = { ...DEFAULT_SCENARIO, model: 'size', params: 1e12 };
    expect(select.model(size)).toBe(select.model({ ...size, gpuCount: 3 }));
    expect(select.model({ ...size, params: 2e12 })).not.toBe(select.model(size));
  });

  it('report invalid overrides and unknown models instead of throwing', () => {
    const { select } = createScenarioStore();
    const invalid = select.model({ ...DEFAULT_SCENARIO, overrides: { heads: 7, kvHeads: 7, hidden: 1000 } });
    expect(invalid.overridesError).not.toBeNull();
    expect(invalid.warnings).toContain('invalid-overrides');
    expect(invalid.model).toBe(invalid.base);
    const unknown = select.model({ ...DEFAULT_SCENARIO, model: 'no-such-model' });
    expect(unknown.error).toMatch(/no-such-model/);
    expect(unknown.warnings).toContain('unknown-model');
    expect(unknown.model.id).toBe(DEFAULT_SCENARIO.model);
  });

  it('compute the estimate once per scenario object, separately in each store', () => {
    const one = createScenarioStore();
    const two = createScenarioStore();
    const scenario = { ...DEFAULT_SCENARIO };
    const first = one.select.estimate(scenario);
    expect(one.select.estimate(scenario)).toBe(first);
    expect(two.select.estimate(scenario)).not.toBe(first);
    expect(two.select.estimate(scenario)).toEqual(first);
  });

  it('give a chart the same object when a step leaves its data unchanged', () => {
    const { select } = createScenarioStore();
    const before = sweep(select, CHART_SERIES.memoryByPrecision, DEFAULT_SCENARIO);
    // MFU changes the training time, not the bytes of the weights: same rows, same object.
    expect(sweep(select, CHART_SERIES.memoryByPrecision, { ...DEFAULT_SCENARIO, mfu: 0.31 })).toBe(before);
    const int4 = sweep(select, CHART_SERIES.memoryByPrecision, { ...DEFAULT_SCENARIO, weightPrecision: 'int4' });
    expect(int4).not.toBe(before);
    // Only the selection moved: the capacity lines are still the previous array.
    expect(int4.capacities).toBe(before.capacities);
    // The hardware timeline depends on the weight precision only.
    const timeline = sweep(select, CHART_SERIES.hardwareTimeline, DEFAULT_SCENARIO);
    expect(sweep(select, CHART_SERIES.hardwareTimeline, { ...DEFAULT_SCENARIO, gpuCount: 1, model: 'gpt-2' })).toBe(timeline);
  });

  it('memoize a feature derivation per store, on its key', () => {
    const { select } = createScenarioStore();
    let runs = 0;
    const byGpu = derivation(
      (scenario) => {
        runs += 1;
        return { gpu: scenario.gpu, list: [scenario.gpuCount > 0] };
      },
      { key: (scenario) => [scenario.gpu] },
    );
    const a = select.derived(byGpu, DEFAULT_SCENARIO);
    expect(select.derived(byGpu, { ...DEFAULT_SCENARIO, mfu: 0.2 })).toBe(a);
    expect(runs).toBe(1);
    const b = select.derived(byGpu, { ...DEFAULT_SCENARIO, gpu: 'a100-sxm-80gb' });
    expect(b.gpu).toBe('a100-sxm-80gb');
    expect(b.list).toBe(a.list); // equal parts are shared with the previous result
    expect(runs).toBe(2);
  });

  it('share nothing for an intermediate derivation (its readers share their own output)', () => {
    const { select } = createScenarioStore();
    const plain = derivation((scenario) => ({ list: [scenario.gpu] }), { share: false });
    const first = select.derived(plain, DEFAULT_SCENARIO);
    expect(select.derived(plain, DEFAULT_SCENARIO)).toBe(first); // same scenario object: memoized
    const next = select.derived(plain, { ...DEFAULT_SCENARIO });
    expect(next).toEqual(first);
    expect(next).not.toBe(first);
  });
});

describe('shareEqual', () => {
  it('returns the previous object for an equal value, and shares equal parts of a changed one', () => {
    const previous = { rows: [{ x: 1, y: 2 }], domain: [0, 1], name: 'a' };
    expect(shareEqual(previous, { rows: [{ x: 1, y: 2 }], domain: [0, 1], name: 'a' })).toBe(previous);
    const next = shareEqual(previous, { rows: [{ x: 1, y: 2 }], domain: [0, 2], name: 'a' });
    expect(next).not.toBe(previous);
    expect(next.rows).toBe(previous.rows);
    expect(next.domain).toEqual([0, 2]);
    expect(shareEqual([Number.NaN], [Number.NaN])).toEqual([Number.NaN]);
    expect(shareEqual({ a: 1 }, { a: 1, b: undefined })).toEqual({ a: 1, b: undefined });
  });
});

describe('chart tracker (__explorerPendingRenders)', () => {
  it('counts the following charts that do not show the store’s scenario', () => {
    const store = createScenarioStore();
    const chart = {};
    const other = {};
    store.charts.show(chart, store.getState().scenario);
    store.charts.show(other, store.getState().scenario);
    expect(store.charts.pending()).toBe(0);
    store.getState().update({ gpuCount: 64 });
    expect(store.charts.pending()).toBe(2);
    store.charts.show(chart, store.getState().scenario);
    expect(store.charts.pending()).toBe(1);
    store.charts.forget(other);
    expect(store.charts.pending()).toBe(0);
  });
});

describe("estimate()'s code, loaded on demand (src/store/estimate-code.ts)", () => {
  it('is the core’s estimate once loaded, and the store’s selector uses it', async () => {
    const { estimateCode, loadEstimateCode } = await import('../../src/store/estimate-code');
    const { estimate } = await import('../../src/core/estimate');
    expect(await loadEstimateCode()).toBe(estimate);
    expect(estimateCode()).toBe(estimate);
  });
});
