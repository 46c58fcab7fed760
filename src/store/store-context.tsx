import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Scenario } from '../scenario/scenario';
import type { ModelResolution } from './core-shim';
import type { ScenarioSelectors } from './selectors';
import type { ScenarioState, ScenarioStore } from './scenario-store';

const StoreContext = createContext<ScenarioStore | null>(null);

/** Makes `store` (from `createScenarioStore`) the store of everything inside. */
export function ScenarioStoreProvider({ store, children }: { store: ScenarioStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useScenarioStore(): ScenarioStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('ScenarioStoreProvider is missing');
  return store;
}

/** The store's memoized selectors (model, estimate, one per chart, derived chart data). */
export function useSelectors(): ScenarioSelectors {
  return useScenarioStore().select;
}

/** A narrow slice of the store (select primitives or objects the store's selectors keep stable). */
export function useScenarioState<T>(selector: (state: ScenarioState) => T): T {
  return useStore(useScenarioStore(), selector);
}

const selectScenario = (state: ScenarioState) => state.scenario;

/** The live scenario: for controls, which must follow every step. */
export function useLiveScenario(): Scenario {
  return useScenarioState(selectScenario);
}

/**
 * The live scenario's model resolution (the controls): the same object while the model fields
 * (id, size, config, overrides) are unchanged, so a GPU-count step does not re-render the model
 * summary. Narrower reads: `useScenarioState((state) => select.model(state.scenario).…)`.
 */
export function useModelResolution(): ModelResolution {
  const store = useScenarioStore();
  return useStore(store, (state) => store.select.model(state.scenario));
}
