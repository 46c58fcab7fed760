/**
 * Axis helpers for charts (pure, no domain knowledge): round linear maxima to a readable value,
 * and log domains / ticks at whole powers of ten that never contain 0 or a negative number.
 */

/** The smallest of 1, 2, 2.5, 5, 10 × 10^k that is ≥ value (value ≤ 0 or non-finite → 1). */
export function niceCeil(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    if (candidate >= value * (1 - 1e-12)) return candidate;
  }
  return 10 * power;
}

/**
 * A log-axis domain [10^a, 10^b] covering every positive finite value (at least one decade).
 * Falls back to `fallback` when no value is usable.
 */
export function logDomain(values: readonly number[], fallback: [number, number] = [1, 10]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value) || value <= 0) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (!Number.isFinite(low) || !Number.isFinite(high)) return fallback;
  const a = Math.floor(Math.log10(low) + 1e-9);
  let b = Math.ceil(Math.log10(high) - 1e-9);
  if (b <= a) b = a + 1;
  return [10 ** a, 10 ** b];
}

/**
 * A log-axis domain with `padDecades` of room beyond the extreme values, its ends on whole or
 * half decades (10^k or 10^(k+½)), at least one decade wide. For marks near the plot's edge.
 */
export function paddedLogDomain(values: readonly number[], padDecades = 0.15, fallback: [number, number] = [1, 10]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value) || value <= 0) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (!Number.isFinite(low) || !Number.isFinite(high)) return fallback;
  const a = Math.floor((Math.log10(low) - padDecades) * 2) / 2;
  let b = Math.ceil((Math.log10(high) + padDecades) * 2) / 2;
  if (b - a < 1) b = a + 1;
  return [10 ** a, 10 ** b];
}

/** Ticks at powers of ten inside a log domain, thinned to at most `maxTicks`. */
export function logTicks(domain: readonly [number, number], maxTicks = 8): number[] {
  const a = Math.ceil(Math.log10(domain[0]) - 1e-9);
  const b = Math.floor(Math.log10(domain[1]) + 1e-9);
  const count = b - a + 1;
  const step = Math.max(1, Math.ceil(count / maxTicks));
  const ticks: number[] = [];
  for (let exponent = a; exponent <= b; exponent += step) ticks.push(10 ** exponent);
  return ticks;
}

/**
 * A linear axis from 0 with about `count` round steps: the step is a nice number ≥ max / count,
 * the domain ends at the first step ≥ max. Returns the domain and its ticks.
 */
export function linearAxis(max: number, count = 4): { domain: [number, number]; ticks: number[] } {
  const safeMax = Number.isFinite(max) && max > 0 ? max : 1;
  const step = niceCeil(safeMax / count);
  const steps = Math.max(1, Math.ceil(safeMax / step - 1e-9));
  const ticks: number[] = [];
  for (let i = 0; i <= steps; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { domain: [0, steps * step], ticks };
}
