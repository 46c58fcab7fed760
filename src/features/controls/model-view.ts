import { useCallback } from 'react';
import { resolveModel } from '../../core';
import { MODELS } from '../../data/models';
import { constant, type ModelResolution } from '../../store/selectors';
import { useScenarioState, useScenarioStateLater, useScenarioStore } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';

/**
 * The controls read the model through the store's one memoized resolver (`select.model`, the same
 * the estimate uses): it changes only with the model fields (id, size, imported config,
 * overrides), so a GPU-count or MFU step never resolves the model again.
 */

/** The current model's total parameters; NaN when the model cannot be resolved (the summary says why). */
export function modelTotal(resolution: ModelResolution): number {
  return resolution.error === null ? resolution.model.counts.total : Number.NaN;
}

/**
 * One value picked from the live scenario's model resolution (`pick` must be stable: module scope
 * or `useCallback`). Re-renders only when the picked value changes.
 */
export function useModelValue<T>(pick: (resolution: ModelResolution, state: ScenarioState) => T): T {
  const store = useScenarioStore();
  return useScenarioState(useCallback((state: ScenarioState) => pick(store.select.model(state.scenario), state), [store, pick]));
}

/**
 * The same, following in a transition after the control that moved has painted: for values a
 * control shows but the size slider reshapes (architecture fields, token hints, the summary).
 */
export function useModelValueLater<T>(pick: (resolution: ModelResolution, state: ScenarioState) => T): T {
  const store = useScenarioStore();
  return useScenarioStateLater(useCallback((state: ScenarioState) => pick(store.select.model(state.scenario), state), [store, pick]));
}

/** Total parameters of every preset without overrides (the picker's list), once per store. */
export const presetTotalsData = constant(
  () =>
    new Map(
      MODELS.map((preset): [string, number] => {
        try {
          return [preset.id, resolveModel({ model: preset.id, params: 0, customConfig: null, overrides: {} }).counts.total];
        } catch {
          return [preset.id, Number.NaN];
        }
      }),
    ),
);

/** How a preset's architecture is read: exactly from its config, approximately (reasons in the summary), or derived from its size. */
export type PresetReading = 'exact' | 'approximate' | 'derived';

/** Every preset's reading (the picker's "exact" / "approximate" marks), once per store. */
export const presetReadingData = constant(
  () =>
    new Map(
      MODELS.map((preset): [string, PresetReading] => {
        if (preset.config === undefined) return [preset.id, 'derived'];
        try {
          return [preset.id, resolveModel({ model: preset.id, params: 0, customConfig: null, overrides: {} }).approximate ? 'approximate' : 'exact'];
        } catch {
          return [preset.id, 'approximate'];
        }
      }),
    ),
);
