import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useStore } from 'zustand';
import { estimate, series, type ChartSeries, type Estimate } from '../core';
import type { Scenario } from '../scenario/scenario';
import { memoizeLast } from './memoize';
import { enqueueRender, cancelRender, type RenderPriority } from './render-queue';
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

const PriorityContext = createContext<RenderPriority>('view');

/** Sections say whether their charts are on screen (`view`) or only near it (`near`). */
export const RenderPriorityProvider = PriorityContext.Provider;

/** The render priority of the enclosing section (charts outside a section count as on screen). */
export function useRenderPriority(): RenderPriority {
  return useContext(PriorityContext);
}

/**
 * Whether `element` intersects the viewport (no margin), or null while there is no element or no
 * IntersectionObserver (jsdom): the caller then falls back to its section's priority.
 */
export function useOnScreen(element: Element | null): boolean | null {
  // Keyed by element, so a replaced or removed element reads as unknown until observed.
  const [seen, setSeen] = useState<{ element: Element; onScreen: boolean } | null>(null);
  useEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) setSeen({ element, onScreen: entry.isIntersecting });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return seen !== null && seen.element === element ? seen.onScreen : null;
}

/**
 * The scenario as a chart should see it: it follows the store one task after the controls have
 * painted (one chart per task), and only while `visible` — a section far from the viewport catches
 * up when it comes near. With its own `element` (a chart's figure), it follows every step while
 * that element is on screen and catches up once a drag pauses while it is not; without one, its
 * section decides (render priority).
 */
export function useChartScenario(visible = true, element: Element | null = null): Scenario {
  const { store } = useBundle();
  const sectionPriority = useRenderPriority();
  const onScreen = useOnScreen(element);
  const priority: RenderPriority = onScreen === null ? sectionPriority : onScreen ? 'view' : 'near';
  const [scenario, setScenario] = useState(() => store.getState().scenario);
  const [key] = useState(() => `chart-${nextChartKey++}`);
  useEffect(() => {
    const follow = () => {
      const latest = store.getState().scenario;
      enqueueRender(key, () => flushSync(() => setScenario(latest)), priority);
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
  }, [store, visible, key, priority]);
  return scenario;
}

export interface ChartData {
  scenario: Scenario;
  estimate: Estimate;
  series: ChartSeries;
  /** Put on the chart's figure (ChartFrame `frameRef`): the chart then follows by its own visibility. */
  frameRef: (element: Element | null) => void;
}

/** Estimate and chart series for a chart's (lagged) scenario; computed once per scenario. */
export function useChartData(visible = true): ChartData {
  const { selectEstimate, selectSeries } = useBundle();
  const [frame, frameRef] = useState<Element | null>(null);
  const scenario = useChartScenario(visible, frame);
  return { scenario, estimate: selectEstimate(scenario), series: selectSeries(scenario), frameRef };
}
