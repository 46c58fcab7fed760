import { decodeScenario, encodeScenario, type UrlChange } from '../scenario/url-codec';
import type { Scenario } from '../scenario/scenario';
import type { ScenarioStore } from './scenario-store';

/**
 * The only module that touches `location` and `history`. While a control moves, the URL follows
 * with `history.replaceState`, debounced so history is never flooded; `openScenario` pushes one
 * entry (an article scenario), so Back returns to what the user had; Back/Forward restore the
 * scenario of that entry.
 */
export interface UrlSync {
  /** Push a new history entry for a deliberate jump to another scenario. */
  openScenario: (scenario: Scenario) => void;
  stop: () => void;
}

/** View keys that live in the URL next to the scenario (language, units). */
export interface ViewParams {
  lang?: string;
  units?: string;
  /** `light` or `dark` when the link asked for one (`auto`, the default, is left out). */
  theme?: string;
}

function buildSearch(scenario: Scenario, view: ViewParams): string {
  const params = new URLSearchParams(encodeScenario(scenario));
  if (view.lang) params.set('lang', view.lang);
  if (view.units && view.units !== 'si') params.set('units', view.units);
  if (view.theme && view.theme !== 'auto') params.set('theme', view.theme);
  return `?${params.toString()}`;
}

export function startUrlSync(
  store: ScenarioStore,
  getView: () => ViewParams,
  options: { debounceMs?: number; onNavigate?: (ignored: string[], changes: UrlChange[]) => void } = {},
): UrlSync {
  const debounceMs = options.debounceMs ?? 250;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  let lastWritten = location.search;

  const write = () => {
    timer = undefined;
    idle = undefined;
    const search = buildSearch(store.getState().scenario, getView());
    if (search === lastWritten) return;
    lastWritten = search;
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  };
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
    timer = undefined;
    idle = undefined;
  };
  // `replaceState` with a long query costs a few milliseconds here: once the scenario has rested,
  // it waits for an idle moment so it never delays an input or a frame.
  const schedule = () => {
    cancel();
    timer = setTimeout(() => {
      timer = undefined;
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(write, { timeout: 1000 });
      else write();
    }, debounceMs);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario) schedule();
  });
  const onPopState = () => {
    cancel();
    const decoded = decodeScenario(location.search);
    lastWritten = location.search;
    store.getState().replace(decoded.scenario);
    options.onNavigate?.(decoded.ignored, decoded.changes);
  };
  window.addEventListener('popstate', onPopState);

  return {
    openScenario: (scenario) => {
      if (timer !== undefined || idle !== undefined) {
        cancel();
        write();
      }
      const search = buildSearch(scenario, getView());
      lastWritten = search;
      history.pushState(null, '', `${location.pathname}${search}${location.hash}`);
      store.getState().replace(scenario);
    },
    stop: () => {
      unsubscribe();
      window.removeEventListener('popstate', onPopState);
      cancel();
    },
  };
}

/** Write the view keys (language, units) right away. */
export function writeViewParams(scenario: Scenario, view: ViewParams): void {
  const search = buildSearch(scenario, view);
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}
