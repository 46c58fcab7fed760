/** Command-line flags of the bench scripts: `--name value` pairs and bare switches. */
const args = process.argv.slice(2);

/** The value after `name`, or undefined when the flag is absent. */
export function textFlag(name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** The number after `name`, or `fallback` when the flag is absent. */
export function numberFlag(name: string, fallback: number): number {
  const value = textFlag(name);
  return value === undefined ? fallback : Number(value);
}

/** Whether the bare switch `name` was given. */
export function hasFlag(name: string): boolean {
  return args.includes(name);
}

/** The CPU throttling rates of `--throttle 1,4` (default both; 1 = none). */
export function throttleRates(): number[] {
  return (textFlag('--throttle') ?? '1,4').split(',').map(Number).filter((rate) => Number.isFinite(rate) && rate >= 1);
}
