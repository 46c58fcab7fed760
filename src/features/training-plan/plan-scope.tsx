/**
 * One plan per section: `PlanScope` asks the worker for the scenario's plan and shares the answer
 * with the section's table and charts; a chart shown alone (`?embed=`) opens its own scope.
 */
import { createContext, useContext, useMemo, type ComponentType, type ReactNode } from 'react';
import { useChartView, type ChartView } from '../../view/use-chart-view';
import { planRequestFor } from './training-plan.data';
import { usePlan, type PlanState } from './use-plan';

export interface PlanView extends ChartView {
  plan: PlanState;
  /** The request's key, and whether the shown answers are for it (false while a newer plan is on its way). */
  key: string | null;
  current: boolean;
}

const PlanContext = createContext<PlanView | null>(null);

export function PlanScope({ children }: { children: ReactNode }) {
  const view = useChartView();
  const prepared = useMemo(() => planRequestFor(view.estimate), [view.estimate]);
  const plan = usePlan(prepared?.request ?? null, prepared?.key ?? null);
  const key = prepared?.key ?? null;
  const value: PlanView = { ...view, plan, key, current: key !== null && plan.shownKey === key && !plan.planning };
  return <PlanContext.Provider value={value}>{children}</PlanContext.Provider>;
}

/** The section's plan (inside a `PlanScope`). */
export function usePlanView(): PlanView {
  const view = useContext(PlanContext);
  if (view === null) throw new Error('usePlanView outside a PlanScope');
  return view;
}

/** A chart that works inside the section's scope and alone (an embed opens its own). */
export function withPlanScope(Inner: ComponentType): ComponentType {
  function Scoped() {
    const outer = useContext(PlanContext);
    if (outer !== null) return <Inner />;
    return (
      <PlanScope>
        <Inner />
      </PlanScope>
    );
  }
  Scoped.displayName = `WithPlanScope(${Inner.displayName ?? Inner.name})`;
  return Scoped;
}

/** The plan's status line: planning…, failed, unavailable — or nothing when the answer is shown and current. */
export function planStatus(plan: PlanState): 'unavailable' | 'failed' | 'planning' | 'ready' {
  if (plan.unavailable) return 'unavailable';
  if (plan.error !== null) return 'failed';
  if (plan.planning || plan.plan === null) return 'planning';
  return 'ready';
}
