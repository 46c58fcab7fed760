import { createContext, useContext } from 'react';

/**
 * The ids of a chart's title and summary, set by `ChartFrame`: a plot inside names its `<svg
 * role="img">` with them (`aria-labelledby`), so a screen reader hears the chart's name and what it
 * shows, not an axis label. Null outside a ChartFrame (the plot then uses its own `label`).
 */
export const ChartNameContext = createContext<string | null>(null);

/** Accessible-name attributes for a plot's `<svg role="img">`: the frame's title + summary, else `label`. */
export function useChartName(label: string): { 'aria-labelledby'?: string; 'aria-label'?: string } {
  const labelledBy = useContext(ChartNameContext);
  return labelledBy ? { 'aria-labelledby': labelledBy } : { 'aria-label': label };
}
