import type { Estimate } from '../core';
import type { Scenario } from '../scenario/scenario';
import type { Derivation, ModelResolution, ScenarioSelectors } from '../store/selectors';
import { useShownScenario } from '../store/scenario-scope';
import { useSelectors } from '../store/store-context';

/** What a chart (or a section's numbers) draws from. */
export interface ChartView {
  /** The scenario it shows: its section's, taken in a transition (see `ScenarioScope`). */
  scenario: Scenario;
  /** The scenario's model (architecture, exact counts, warnings): all the first section draws from. */
  model: ModelResolution;
  /** The whole estimate, computed when first read (its code loads after the first section's). */
  estimate: Estimate;
  /** The store's selectors: `select.derived(CHART_SERIES.costVsScale, scenario)` for the one sweep a chart needs. */
  select: ScenarioSelectors;
  /** A feature's memoized chart data for this scenario. */
  derive: <T>(definition: Derivation<T>) => T;
}

/**
 * The one path from the store to a chart: scenario (followed while on screen, in a transition) →
 * the store's memoized selectors → the chart. Equal data comes back as the same object, so
 * memoized plots skip their render.
 */
export function useChartView(): ChartView {
  const scenario = useShownScenario();
  const select = useSelectors();
  return {
    scenario,
    model: select.model(scenario),
    get estimate() {
      return select.estimate(scenario);
    },
    select,
    derive: (definition) => select.derived(definition, scenario),
  };
}
