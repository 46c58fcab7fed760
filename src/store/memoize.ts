/** Remembers the last argument and result: identity of the argument is the cache key. */
export function memoizeLast<A, R>(compute: (arg: A) => R): (arg: A) => R {
  let lastArg: A | typeof UNSET = UNSET;
  let lastResult: R;
  return (arg: A) => {
    if (arg !== lastArg) {
      lastResult = compute(arg);
      lastArg = arg;
    }
    return lastResult;
  };
}
const UNSET: unique symbol = Symbol('unset');
