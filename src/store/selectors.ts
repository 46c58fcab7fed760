/**
 * The store's derived values: one memoized selector per result, created per store (page, embed,
 * test). A selector takes a scenario and returns the same object for the same inputs, and an
 * object equal to the previous result *as* the previous result (`shareEqual`), so a chart whose
 * data did not change skips its render without any equality checks of its own.
 *
 *   model(scenario)     the model resolution, on the model fields only (id, size, config, overrides)
 *   estimate(scenario)  estimate(scenario, model(scenario)), per scenario object (its code loads on
 *                       demand: see estimate-code.ts)
 *   derived(definition, scenario)  a derivation: the one sweep a chart needs (`CHART_SERIES` in
 *                       chart-series.ts) or a feature's chart data built on it
 *   constant(definition)  a value that does not depend on the scenario, computed once
 */
import type { Estimate } from '../core';
import type { Scenario } from '../scenario/scenario';
import { resolveScenarioModel, sameModelInput, type ModelResolution } from '../core';
import { estimateCode } from './estimate-code';

export type { ModelResolution };
import { memoizeByIdentity, memoizeRecent, sameKeys, sharing } from './memo';

/**
 * A feature's chart data as a function of the scenario and the store's selectors, declared once
 * at module scope and memoized per store. `key` lists what the result depends on (compared with
 * `Object.is`); without it the result is remembered per scenario object. Results share structure
 * with the previous one (`shareEqual`) unless `share` is false: for an intermediate result that
 * only other derivations read (they share their own output; comparing twice costs time).
 */
export interface Derivation<T> {
  readonly compute: (scenario: Scenario, select: ScenarioSelectors) => T;
  readonly key?: (scenario: Scenario) => readonly unknown[];
  readonly share: boolean;
}

export function derivation<T>(
  compute: Derivation<T>['compute'],
  options: { key?: Derivation<T>['key']; share?: boolean } = {},
): Derivation<T> {
  return { compute, share: options.share ?? true, ...(options.key ? { key: options.key } : {}) };
}

/** A value that does not depend on the scenario (a table of published rows), computed once per store. */
export interface Constant<T> {
  readonly compute: () => T;
}

export function constant<T>(compute: () => T): Constant<T> {
  return { compute };
}

export interface ScenarioSelectors {
  model: (scenario: Scenario) => ModelResolution;
  estimate: (scenario: Scenario) => Estimate;
  derived: <T>(definition: Derivation<T>, scenario: Scenario) => T;
  constant: <T>(definition: Constant<T>) => T;
}

/** One set of selectors for one store. */
export function createSelectors(): ScenarioSelectors {
  const model = memoizeRecent(resolveScenarioModel, sameModelInput);
  const derivations = new Map<Derivation<unknown>, (scenario: Scenario) => unknown>();
  const constants = new Map<Constant<unknown>, { value: unknown }>();

  const derived = <T>(definition: Derivation<T>, scenario: Scenario): T => {
    let select = derivations.get(definition as Derivation<unknown>) as ((scenario: Scenario) => T) | undefined;
    if (!select) {
      const compute = (current: Scenario) => definition.compute(current, selectors);
      const shared = definition.share ? sharing(compute) : compute;
      const { key } = definition;
      if (key) {
        // Keyed: the key of each remembered scenario is computed once, beside it.
        const byKey = memoizeRecent(
          (entry: { scenario: Scenario; key: readonly unknown[] }) => shared(entry.scenario),
          (a, b) => sameKeys(a.key, b.key),
        );
        select = memoizeByIdentity((current: Scenario) => byKey({ scenario: current, key: key(current) }));
      } else {
        select = memoizeByIdentity(shared);
      }
      derivations.set(definition as Derivation<unknown>, select as (scenario: Scenario) => unknown);
    }
    return select(scenario);
  };

  const selectors: ScenarioSelectors = {
    model: (scenario) => model(scenario),
    estimate: memoizeByIdentity((scenario: Scenario) => estimateCode()(scenario, model(scenario))),
    derived,
    constant: <T>(definition: Constant<T>): T => {
      let entry = constants.get(definition as Constant<unknown>);
      if (!entry) {
        entry = { value: definition.compute() };
        constants.set(definition as Constant<unknown>, entry);
      }
      return entry.value as T;
    },
  };
  return selectors;
}
