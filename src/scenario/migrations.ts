/**
 * URL versions. Version 1 is the first released format. A later version that renames a key or
 * changes a unit adds a step here that rewrites version N into N+1, so every released link keeps
 * opening the same scenario (see the frozen canonical URL in test/unit/url-codec.test.ts).
 */
export const URL_VERSION = 1;

type Step = (params: URLSearchParams) => void;

/** STEPS[n] rewrites version n + 1 into n + 2. */
const STEPS: readonly Step[] = [];

export function migrate(input: URLSearchParams): { params: URLSearchParams; ignored: string[] } {
  const params = new URLSearchParams(input);
  const ignored: string[] = [];
  const rawVersion = params.get('v');
  let version = rawVersion === null ? URL_VERSION : Number(rawVersion);
  if (!Number.isInteger(version) || version < 1 || version > URL_VERSION) {
    if (rawVersion !== null) ignored.push('v');
    version = URL_VERSION;
  }
  for (let step = version - 1; step < STEPS.length; step++) STEPS[step]?.(params);
  params.set('v', String(URL_VERSION));
  return { params, ignored };
}
