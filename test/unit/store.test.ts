import { describe, expect, it } from 'vitest';
import { createScenarioStore } from '../../src/store/scenario-store';
import { DEFAULT_SCENARIO } from '../../src/scenario/scenario';
import { applyPatch } from '../../src/scenario/validate';

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
