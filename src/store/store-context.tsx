import { createContext, startTransition, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Scenario } from '../scenario/scenario';
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

/**
 * A slice of the store that follows in a transition, after the control that moved has painted:
 * for what a control shows but does not drive (a total beside another field, an architecture
 * the size slider reshapes). Nothing of it runs in the input's own task but `selector` itself.
 * `selector` must be stable (module scope or `useCallback`).
 */
export function useScenarioStateLater<T>(selector: (state: ScenarioState) => T): T {
  const store = useScenarioStore();
  const [value, setValue] = useState(() => selector(store.getState()));
  const shown = useRef(value);
  useEffect(() => {
    const follow = () => {
      const next = selector(store.getState());
      if (Object.is(next, shown.current)) return;
      shown.current = next;
      startTransition(() => setValue(next));
    };
    follow();
    return store.subscribe(follow);
  }, [store, selector]);
  return value;
}

const selectScenario = (state: ScenarioState) => state.scenario;

/** The live scenario: for controls, which must follow every step. */
export function useLiveScenario(): Scenario {
  return useScenarioState(selectScenario);
}
