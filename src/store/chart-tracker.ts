import type { Scenario } from '../scenario/scenario';

/**
 * Which scenario each mounted chart shows, so tests and the UI benchmark can wait until the page
 * has caught up: `pending()` counts the charts that follow the store but do not yet show its
 * current scenario (0 = settled). Charts that do not follow (their section is off screen) are not
 * tracked; they catch up, and count again, when they come into view.
 */
export interface ChartTracker {
  /** A chart committed `scenario` (called from a layout effect). */
  show: (key: object, scenario: Scenario) => void;
  /** The chart stopped following (unmounted, or its section left the viewport). */
  forget: (key: object) => void;
  pending: () => number;
}

export function createChartTracker(current: () => Scenario): ChartTracker {
  const shown = new Map<object, Scenario>();
  return {
    show: (key, scenario) => {
      shown.set(key, scenario);
    },
    forget: (key) => {
      shown.delete(key);
    },
    pending: () => {
      const scenario = current();
      let count = 0;
      for (const value of shown.values()) if (value !== scenario) count += 1;
      return count;
    },
  };
}
