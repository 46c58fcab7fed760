import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { createScenarioStore, type ScenarioStore } from '../../src/store/scenario-store';
import { ScenarioStoreProvider } from '../../src/store/store-context';
import { ScenarioScope, useShownScenario } from '../../src/store/scenario-scope';

/** A stand-in chart: the GPU count of the scenario it shows. */
function GpuCount({ id }: { id: string }) {
  const scenario = useShownScenario();
  return <span data-testid={id}>{scenario.gpuCount}</span>;
}

function Page({ store, initiallyActive }: { store: ScenarioStore; initiallyActive: boolean }) {
  const [active, setActive] = useState(initiallyActive);
  return (
    <ScenarioStoreProvider store={store}>
      <button type="button" onClick={() => setActive(!active)}>
        toggle
      </button>
      <ScenarioScope active={active}>
        <GpuCount id="scoped" />
      </ScenarioScope>
      <GpuCount id="alone" />
    </ScenarioStoreProvider>
  );
}

const text = (id: string) => screen.getByTestId(id).textContent;

describe('ScenarioScope: how charts follow the store', () => {
  it('an active scope follows every change; a chart outside any scope (an embed) follows by itself', () => {
    const store = createScenarioStore();
    render(<Page store={store} initiallyActive />);
    act(() => store.getState().update({ gpuCount: 64 }));
    expect(text('scoped')).toBe('64');
    expect(text('alone')).toBe('64');
    expect(store.charts.pending()).toBe(0);
  });

  it('an inactive scope (its section off screen) keeps its scenario and is not counted as pending, then catches up', () => {
    const store = createScenarioStore();
    const before = String(store.getState().scenario.gpuCount);
    render(<Page store={store} initiallyActive={false} />);
    act(() => store.getState().update({ gpuCount: 96 }));
    expect(text('scoped')).toBe(before);
    // Only the chart outside the scope follows (and has caught up); the paused one is not tracked.
    expect(store.charts.pending()).toBe(0);
    act(() => screen.getByText('toggle').click());
    expect(text('scoped')).toBe('96');
    expect(store.charts.pending()).toBe(0);
  });

  it('counts a following chart and an active scope as pending until it has committed the store’s scenario', async () => {
    const store = createScenarioStore();
    render(<Page store={store} initiallyActive />);
    // Right after the change React has not rendered the transition yet: both charts lag, and so
    // does the active scope (a section that just came on screen counts before its charts commit).
    store.getState().update({ gpuCount: 128 });
    expect(store.charts.pending()).toBe(3);
    await waitFor(() => expect(store.charts.pending()).toBe(0));
    expect(text('scoped')).toBe('128');
    expect(text('alone')).toBe('128');
  });

  it('printing shows the store’s scenario in every section at once, also the paused ones', () => {
    const store = createScenarioStore();
    render(<Page store={store} initiallyActive={false} />);
    act(() => store.getState().update({ gpuCount: 256 }));
    expect(text('scoped')).not.toBe('256');
    // No act: the print is taken right after the event, so the update must be synchronous.
    window.dispatchEvent(new Event('beforeprint'));
    expect(text('scoped')).toBe('256');
    act(() => window.dispatchEvent(new Event('afterprint')));
  });
});
