/**
 * Memoization for the store's selectors. Each store creates its own memos (no module-level
 * state), so a page, an embed and a test never share or evict each other's results.
 */

/**
 * `compute(arg)` remembered per argument object for as long as that object lives (a WeakMap):
 * the live scenario, the deferred one the charts show and a pinned one all hit.
 */
export function memoizeByIdentity<A extends object, R>(compute: (arg: A) => R): (arg: A) => R {
  const results = new WeakMap<A, R>();
  return (arg) => {
    if (results.has(arg)) return results.get(arg) as R;
    const result = compute(arg);
    results.set(arg, result);
    return result;
  };
}

/**
 * `compute(arg)` remembered for the last `size` arguments that `same` says are equal (a short
 * most-recently-used list): for results that depend on a few fields of a larger object.
 */
export function memoizeRecent<A, R>(compute: (arg: A) => R, same: (a: A, b: A) => boolean, size = 4): (arg: A) => R {
  const entries: { arg: A; result: R }[] = [];
  return (arg) => {
    const index = entries.findIndex((entry) => same(entry.arg, arg));
    if (index >= 0) {
      const [entry] = entries.splice(index, 1);
      entries.unshift(entry!);
      return entry!.result;
    }
    const result = compute(arg);
    entries.unshift({ arg, result });
    if (entries.length > size) entries.pop();
    return result;
  };
}

/** Whether two key lists are equal element by element (`Object.is`). */
export function sameKeys(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * `next` with every part that equals the same part of `previous` replaced by the previous object
 * (structural sharing of plain data: arrays, plain objects, numbers, strings). A result equal to
 * the previous one is the previous object itself; a result whose rows are equal keeps the
 * previous rows array even when another field changed. So `React.memo` and `useMemo` downstream
 * see unchanged data as the same object and skip their work. Other objects compare by identity.
 */
export function shareEqual<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return previous as T;
  if (Array.isArray(next)) {
    if (!Array.isArray(previous)) return next;
    let same = previous.length === next.length;
    const shared = next.map((item, i) => {
      const kept = shareEqual(previous[i], item);
      if (kept !== previous[i]) same = false;
      return kept;
    });
    return (same ? previous : shared) as T;
  }
  if (isPlainObject(next)) {
    if (!isPlainObject(previous)) return next;
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(previous).length;
    const shared: Record<string, unknown> = {};
    for (const key of keys) {
      const kept = shareEqual(previous[key], next[key]);
      if (kept !== previous[key] || !(key in previous)) same = false;
      shared[key] = kept;
    }
    return (same ? previous : shared) as T;
  }
  return next;
}

/** `compute` whose results share structure with its previous result (see `shareEqual`). */
export function sharing<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let previous: unknown = undefined;
  return (...args) => {
    const result = shareEqual(previous, compute(...args));
    previous = result;
    return result;
  };
}
