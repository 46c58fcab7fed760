import { useState } from 'react';

/**
 * The previous value while `isEqual(previous, next)` holds, else `next`: gives a derived object
 * that is rebuilt on every scenario (a chart's rows) a stable identity, so memoized charts skip
 * re-rendering when a slider that does not affect them moves.
 */
export function useStableValue<T>(value: T, isEqual: (previous: T, next: T) => boolean): T {
  const [stable, setStable] = useState(value);
  if (stable !== value && !isEqual(stable, value)) {
    // Adjusting state while rendering (React docs: "storing information from previous renders"):
    // React re-renders this component at once with the new value, before committing.
    setStable(value);
    return value;
  }
  return stable;
}

/** Shallow equality of two arrays of flat records (same length, same values key by key). */
export function sameRows<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Record<string, unknown>;
    const y = b[i] as Record<string, unknown>;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const key of keys) if (!Object.is(x[key], y[key])) return false;
  }
  return true;
}

/** Structural equality of two small JSON-like values (an architecture, a record of counts). */
export function sameJson<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
