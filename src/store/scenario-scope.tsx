import { createContext, startTransition, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { Scenario } from '../scenario/scenario';
import { useScenarioStore } from './store-context';

/**
 * How charts follow the store: a scope (one per page section) subscribes to the scenario only
 * while `active` (its section is on screen), and takes each new scenario in a transition
 * (`startTransition`): a slider step renders and paints the control alone, then React renders the
 * charts with the new value in the background, interruptibly (a newer step restarts it), and
 * commits them together. Off-screen scopes do not subscribe, so their charts do no work during a
 * drag; they catch up, in a transition too, when they become active.
 */
interface Scope {
  scenario: Scenario;
  active: boolean;
}

const ScopeContext = createContext<Scope | null>(null);

/** The store's scenario, followed in transitions while `active`. */
function useFollowedScenario(active: boolean): Scenario {
  const store = useScenarioStore();
  const [scenario, setScenario] = useState(() => store.getState().scenario);
  useEffect(() => {
    if (!active) return undefined;
    const follow = () => startTransition(() => setScenario(store.getState().scenario));
    follow(); // catch up with what happened while inactive
    return store.subscribe((state, previous) => {
      if (state.scenario !== previous.scenario) follow();
    });
  }, [store, active]);
  return scenario;
}

/**
 * True while the page prints. A printed page shows the store's scenario in every section, also
 * the ones the reader has not scrolled to since the last change: `beforeprint` renders them at
 * once (flushSync: the print is taken right after the event).
 */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (typeof window === 'undefined') return undefined;
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

/** The scenario the charts inside show: followed in transitions while `active`. */
export function ScenarioScope({ active, children }: { active: boolean; children: ReactNode }) {
  const followed = useFollowedScenario(active);
  const store = useScenarioStore();
  const scenario = usePrinting() ? store.getState().scenario : followed;
  // The scope counts as pending too: when it turns active its charts have not committed yet (the
  // catch-up renders in a transition), and a wait for `pending() === 0` must not end before them.
  useTrackShown(scenario, active);
  const scope = useMemo<Scope>(() => ({ scenario, active }), [scenario, active]);
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

/** The scenario of the enclosing scope (or an own subscription outside any), untracked. */
export function useScopeScenario(): { scenario: Scenario; following: boolean } {
  const scope = useContext(ScopeContext);
  const own = useFollowedScenario(scope === null);
  return { scenario: scope?.scenario ?? own, following: scope?.active ?? true };
}

/**
 * Records with the store's chart tracker which scenario this component committed, while it
 * follows the store: what `__explorerPendingRenders` counts (charts, and each active scope).
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
 * an embedded chart — its own subscription; tracked (see `useTrackShown`).
 */
export function useShownScenario(): Scenario {
  const { scenario, following } = useScopeScenario();
  useTrackShown(scenario, following);
  return scenario;
}
