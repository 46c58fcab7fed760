import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_SCENARIO, type ArchOverrides, type ModelFileSummary, type Scenario } from '../scenario/scenario';
import type { PrecisionId } from '../data/types';
import { applyPatch } from '../scenario/validate';
import { createSelectors, type ScenarioSelectors } from './selectors';
import { createChartTracker, type ChartTracker } from './chart-tracker';

/** What the store holds: the scenario (inputs only) and its setters. Results are derived. */
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
  /**
   * An opened model file's summary (read and checked by the core): the file becomes the model,
   * its exact bytes the weights; `weightPrecision` is the listed format nearest the file's (its
   * compute format, and what "switch back" offers).
   */
  useModelFile: (modelFile: ModelFileSummary, weightPrecision: PrecisionId) => void;
  /** Replace the whole scenario (URL navigation, article scenarios). */
  replace: (scenario: Scenario) => void;
}

/**
 * A zustand store of the scenario, with what belongs to this store alone: its memoized selectors
 * (`select`) and the record of which scenario each of its charts shows (`charts`).
 */
export interface ScenarioStore extends StoreApi<ScenarioState> {
  readonly select: ScenarioSelectors;
  readonly charts: ChartTracker;
}

/** A store per page, per embed and per test. */
export function createScenarioStore(initial: Scenario = DEFAULT_SCENARIO): ScenarioStore {
  const store = createStore<ScenarioState>()((set, get) => {
    const apply = (patch: Partial<Scenario>) => {
      const current = get().scenario;
      const scenario = applyPatch(current, patch);
      if (scenario !== current) set({ scenario });
    };
    return {
      scenario: initial,
      update: apply,
      chooseModel: (id) => apply({ model: id, overrides: {}, customConfig: null, modelFile: null }),
      chooseSize: (params) => apply({ model: 'size', params, overrides: {}, customConfig: null, modelFile: null }),
      setOverride: (field, value) => {
        const overrides = { ...get().scenario.overrides };
        if (value === undefined) delete overrides[field];
        else overrides[field] = value;
        apply({ overrides });
      },
      useConfig: (config) => apply({ model: 'custom', customConfig: config, overrides: {}, modelFile: null }),
      useModelFile: (modelFile, weightPrecision) =>
        apply({ model: 'file', modelFile, fileWeights: true, weightPrecision, overrides: {}, customConfig: null }),
      replace: (scenario) => {
        if (scenario !== get().scenario) set({ scenario });
      },
    };
  });
  return Object.assign(store, {
    select: createSelectors(),
    charts: createChartTracker(() => store.getState().scenario),
  });
}
