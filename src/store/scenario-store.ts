import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_SCENARIO, type ArchOverrides, type Scenario } from '../scenario/scenario';
import { applyPatch } from '../scenario/validate';

/** What the store holds: the scenario (inputs only) and view settings. Results are derived. */
export interface ScenarioState {
  scenario: Scenario;
  /** Replace fields of the scenario; the same object is kept when nothing changes. */
  update: (patch: Partial<Scenario>) => void;
  /** Choose a preset model: clears architecture overrides. */
  chooseModel: (id: string) => void;
  /** The size slider: a shape-rule model of `params` parameters. */
  chooseSize: (params: number) => void;
  /** One architecture field; `undefined` removes the override. */
  setOverride: (field: keyof ArchOverrides, value: number | undefined) => void;
  /** An imported config.json that has already been checked by the core. */
  useConfig: (config: Record<string, unknown>) => void;
  /** Replace the whole scenario (URL navigation, article scenarios). */
  replace: (scenario: Scenario) => void;
}

export type ScenarioStore = StoreApi<ScenarioState>;

/** A store per page, per embed and per test. */
export function createScenarioStore(initial: Scenario = DEFAULT_SCENARIO): ScenarioStore {
  return createStore<ScenarioState>()((set, get) => {
    const apply = (patch: Partial<Scenario>) => {
      const current = get().scenario;
      const scenario = applyPatch(current, patch);
      if (scenario !== current) set({ scenario });
    };
    return {
      scenario: initial,
      update: apply,
      chooseModel: (id) => apply({ model: id, overrides: {}, customConfig: null }),
      chooseSize: (params) => apply({ model: 'size', params, overrides: {}, customConfig: null }),
      setOverride: (field, value) => {
        const overrides = { ...get().scenario.overrides };
        if (value === undefined) delete overrides[field];
        else overrides[field] = value;
        apply({ overrides });
      },
      useConfig: (config) => apply({ model: 'custom', customConfig: config, overrides: {} }),
      replace: (scenario) => {
        if (scenario !== get().scenario) set({ scenario });
      },
    };
  });
}
