import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useStore } from 'zustand';
import { estimate, series, type ChartSeries, type Estimate } from '../core';
import type { Scenario } from '../scenario/scenario';
import { memoizeLast } from './memoize';
import { enqueueRender, cancelRender } from './render-queue';
import type { ScenarioState, ScenarioStore } from './scenario-store';

interface StoreBundle {
  store: ScenarioStore;
  selectEstimate: (scenario: Scenario) => Estimate;
  selectSeries: (scenario: Scenario) => ChartSeries;
}

const StoreContext = createContext<StoreBundle | null>(null);

export function ScenarioStoreProvider({ store, children }: { store: ScenarioStore; children: ReactNode }) {
  const [bundle] = useState<StoreBundle>(() => {
    const selectEstimate = memoizeLast(estimate);
    const selectSeries = memoizeLast((scenario: Scenario) => series(scenario, selectEstimate(scenario)));
    return { store, selectEstimate, selectSeries };
  });
  return <StoreContext.Provider value={bundle}>{children}</StoreContext.Provider>;
}

function useBundle(): StoreBundle {
  const bundle = useContext(StoreContext);
  if (!bundle) throw new Error('ScenarioStoreProvider is missing');
  return bundle;
}

export function useScenarioStore(): ScenarioStore {
  return useBundle().store;
}

/** A narrow slice of the store (select primitives or stable objects). */
export function useScenarioState<T>(selector: (state: ScenarioState) => T): T {
  return useStore(useBundle().store, selector);
}

/** The live scenario: for controls, which must follow every step. */
export function useLiveScenario(): Scenario {
  return useScenarioState(selectScenario);
}
const selectScenario = (state: ScenarioState) => state.scenario;

/** Estimate of the live scenario (controls that show a derived number, e.g. the parameter total). */
export function useLiveEstimate(): Estimate {
  const { selectEstimate } = useBundle();
  return selectEstimate(useLiveScenario());
}

let nextChartKey = 0;

/**
 * The scenario as a chart should see it: it follows the store one task after the controls have
 * painted (one chart per task), and only while `visible` — an off-screen section catches up when
 * it scrolls into view.
 */
export function useChartScenario(visible = true): Scenario {
  const { store } = useBundle();
  const [scenario, setScenario] = useState(() => store.getState().scenario);
  const [key] = useState(() => `chart-${nextChartKey++}`);
  useEffect(() => {
    const follow = () => {
      const latest = store.getState().scenario;
      enqueueRender(key, () => flushSync(() => setScenario(latest)));
    };
    if (!visible) return undefined;
    follow();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.scenario !== previous.scenario) follow();
    });
    return () => {
      unsubscribe();
      cancelRender(key);
    };
  }, [store, visible, key]);
  return scenario;
}

/** Estimate and chart series for a chart's (lagged) scenario; computed once per scenario. */
export function useChartData(visible = true): { scenario: Scenario; estimate: Estimate; series: ChartSeries } {
  const { selectEstimate, selectSeries } = useBundle();
  const scenario = useChartScenario(visible);
  return { scenario, estimate: selectEstimate(scenario), series: selectSeries(scenario) };
}
