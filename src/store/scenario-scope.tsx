import { createContext, useCallback, useContext, useDeferredValue, useLayoutEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Scenario } from '../scenario/scenario';
import { useScenarioStore } from './store-context';

/**
 * How charts follow the store: a scope (one per page section) subscribes to the scenario only
 * while `active` (its section is on screen), and hands it on through `useDeferredValue`: a slider
 * step first re-renders the control alone (the scope's context keeps the old value), then React
 * renders the charts with the new value in the background, interruptibly, and paints them
 * together. Off-screen scopes do not subscribe, so their charts do no work during a drag; they
 * catch up when they become active.
 */
interface Scope {
  scenario: Scenario;
  active: boolean;
}

const ScopeContext = createContext<Scope | null>(null);
const NOTHING = () => undefined;

/** The store's scenario, subscribed only while `active`, deferred. */
function useFollowedScenario(active: boolean): Scenario {
  const store = useScenarioStore();
  const subscribe = useCallback(
    (onChange: () => void) => (active ? store.subscribe((state, previous) => state.scenario !== previous.scenario && onChange()) : NOTHING),
    [store, active],
  );
  const read = useCallback(() => store.getState().scenario, [store]);
  return useDeferredValue(useSyncExternalStore(subscribe, read, read));
}

/** The scenario the charts inside show: followed while `active`, deferred. */
export function ScenarioScope({ active, children }: { active: boolean; children: ReactNode }) {
  const scenario = useFollowedScenario(active);
  const scope = useMemo<Scope>(() => ({ scenario, active }), [scenario, active]);
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

/** The scenario of the enclosing scope (or an own deferred subscription outside any), untracked. */
export function useScopeScenario(): { scenario: Scenario; following: boolean } {
  const scope = useContext(ScopeContext);
  const own = useFollowedScenario(scope === null);
  return { scenario: scope?.scenario ?? own, following: scope?.active ?? true };
}

/**
 * Records with the store's chart tracker which scenario this component committed, while it
 * follows the store: what `__explorerPendingRenders` counts.
 */
export function useTrackShown(scenario: Scenario, following: boolean): void {
  const store = useScenarioStore();
  const [key] = useState(() => ({}));
  useLayoutEffect(() => {
    if (following) store.charts.show(key, scenario);
    else store.charts.forget(key);
  }, [store, key, scenario, following]);
  useLayoutEffect(() => () => store.charts.forget(key), [store, key]);
}

/**
 * The scenario a chart (or a section's numbers) shows: its scope's, or — outside any scope, e.g.
 * an embedded chart — its own deferred subscription; tracked (see `useTrackShown`).
 */
export function useChartScenario(): Scenario {
  const { scenario, following } = useScopeScenario();
  useTrackShown(scenario, following);
  return scenario;
}
