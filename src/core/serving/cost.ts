/**
 * What serving costs: $ per million output tokens from the device's own price — rental per hour,
 * or purchase amortised over a stated lifetime plus electricity — and the GPUs a target request
 * rate needs under an SLO. A device without a price gets no made-up rate: the result says so.
 * Units: US dollars, hours, watts, kWh, requests per second, GPUs.
 */
import type { Accelerator } from '../../data/types';
import { HOURS_PER_YEAR, SECONDS_PER_HOUR, TOKENS_PER_MILLION, WATTS_PER_KILOWATT, nonNegative, ratio } from '../units';
import { ConfigError } from '../errors';
import { ServingConfigError } from './errors';
import { servingCapacity } from './capacity';
import type { ServingInput, ServingPoint } from './types';

/** Years a bought device is written off over (a common 3-year depreciation schedule for IT hardware; an assumption, adjustable). */
export const DEFAULT_LIFETIME_YEARS = 3;
/** Electricity price, US dollars per kWh (about the 2024 US residential average, EIA Electric Power Monthly; adjustable). */
export const DEFAULT_USD_PER_KWH = 0.16;

export interface CostOptions {
  /** Replace the device's price with a rental price per GPU-hour. */
  usdPerHour?: number;
  lifetimeYears?: number;
  usdPerKwh?: number;
  /** Share of the hours the device serves (amortisation spreads over busy hours only). Default 1. */
  utilisation?: number;
}

export type CostFlag = 'no-price' | 'no-power';

export interface DeviceHourlyCost {
  /** US dollars per device-hour, or null when the device has no price and none was given. */
  usdPerHour: number | null;
  basis: 'rental' | 'purchase' | 'none';
  /** Purchase part (amortisation) and energy part per busy hour. */
  amortisationUsdPerHour: number;
  energyUsdPerHour: number;
  flags: CostFlag[];
}

function checkPositive(name: string, value: number | undefined, fallback: number, maximum = Infinity): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || value > maximum) throw new ConfigError(`${name} (${value}) must be > 0${maximum < Infinity ? ` and ≤ ${maximum}` : ''}`, name);
  return value;
}

/**
 * Cost of one busy device-hour:
 *   rental:   price.usdPerHour (energy included in the rate)
 *   purchase: purchase.usd / (lifetimeYears × 8760 h × utilisation) + tdpWatts / 1000 × usdPerKwh
 *   neither:  null, flagged 'no-price' (never a default rate)
 * A purchase without a power figure leaves energy out, flagged 'no-power'.
 * Units: US dollars per hour. Source: definition; `thisProject` defaults (3 years, $0.16/kWh).
 */
export function deviceHourlyCost(device: Pick<Accelerator, 'price' | 'purchase' | 'tdpWatts'>, options: CostOptions = {}): DeviceHourlyCost {
  const lifetime = checkPositive('lifetimeYears', options.lifetimeYears, DEFAULT_LIFETIME_YEARS, 50);
  const usdPerKwh = options.usdPerKwh === undefined ? DEFAULT_USD_PER_KWH : checkPositive('usdPerKwh', options.usdPerKwh, DEFAULT_USD_PER_KWH, 100);
  const utilisation = checkPositive('utilisation', options.utilisation, 1, 1);
  if (options.usdPerHour !== undefined) {
    const rate = checkPositive('usdPerHour', options.usdPerHour, 0, 1e4);
    return { usdPerHour: rate, basis: 'rental', amortisationUsdPerHour: rate, energyUsdPerHour: 0, flags: [] };
  }
  if (device.price) {
    return { usdPerHour: device.price.usdPerHour, basis: 'rental', amortisationUsdPerHour: device.price.usdPerHour, energyUsdPerHour: 0, flags: [] };
  }
  if (device.purchase) {
    const amortisation = device.purchase.usd / (lifetime * HOURS_PER_YEAR * utilisation);
    const flags: CostFlag[] = [];
    let energy = 0;
    if (device.tdpWatts === null) flags.push('no-power');
    else energy = (device.tdpWatts / WATTS_PER_KILOWATT) * usdPerKwh;
    return { usdPerHour: amortisation + energy, basis: 'purchase', amortisationUsdPerHour: amortisation, energyUsdPerHour: energy, flags };
  }
  return { usdPerHour: null, basis: 'none', amortisationUsdPerHour: 0, energyUsdPerHour: 0, flags: ['no-price'] };
}

/**
 * US dollars per million output tokens of one device producing `outputTokensPerSecondPerDevice`:
 *   usdPerMillion = usdPerHour / 3600 × 1e6 / outputTokensPerSecondPerDevice   (null without a price)
 * Units: US dollars per 1M output tokens. Source: definition.
 */
export function costPerMillionOutputTokens(
  device: Pick<Accelerator, 'price' | 'purchase' | 'tdpWatts'>,
  outputTokensPerSecondPerDevice: number,
  options: CostOptions = {},
): DeviceHourlyCost & { usdPerMillionOutputTokens: number | null } {
  const hourly = deviceHourlyCost(device, options);
  const usdPerMillionOutputTokens =
    hourly.usdPerHour === null ? null : ratio((hourly.usdPerHour / SECONDS_PER_HOUR) * TOKENS_PER_MILLION, nonNegative(outputTokensPerSecondPerDevice));
  return { ...hourly, usdPerMillionOutputTokens };
}

export interface FleetPlan {
  /** The per-replica serving point under the SLO. */
  point: ServingPoint;
  requestsPerSecond: number;
  replicas: number;
  gpus: number;
  /** Load ÷ (replicas × replica capacity), 0–1. */
  utilisation: number;
  cost: DeviceHourlyCost & { usdPerMillionOutputTokens: number | null; usdPerHourFleet: number | null };
}

/**
 * GPUs needed for `requestsPerSecond` requests under the SLO:
 *   replicas = ⌈requestsPerSecond / point.requestsPerSecond⌉,  gpus = replicas × tp
 * where `point` = servingCapacity(input) (concurrency searched within the SLO). Cost per million
 * output tokens at the fleet's real load (idle capacity is paid for):
 *   usdPerMillion = gpus × usdPerHour / 3600 × 1e6 / (requestsPerSecond × outputTokens)
 * Units: GPUs, US dollars. Sources: kwon2023 §4; definition.
 */
export function fleetForRequestRate(input: ServingInput & { requestsPerSecond: number; cost?: CostOptions }): FleetPlan {
  const rate = input.requestsPerSecond;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0 || rate > 1e9) {
    throw new ServingConfigError(`requestsPerSecond (${String(rate)}) must be a number > 0`, 'requestsPerSecond', { requestsPerSecond: 1 });
  }
  const point = servingCapacity(input);
  const replicas = Math.max(1, Math.ceil(rate / point.requestsPerSecond));
  const gpus = replicas * point.gpus;
  const hourly = deviceHourlyCost(input.accelerator, input.cost);
  const usdPerHourFleet = hourly.usdPerHour === null ? null : hourly.usdPerHour * gpus;
  const tokensPerSecond = rate * input.outputTokens;
  return {
    point,
    requestsPerSecond: rate,
    replicas,
    gpus,
    utilisation: Math.min(1, ratio(rate, replicas * point.requestsPerSecond)),
    cost: {
      ...hourly,
      usdPerHourFleet,
      usdPerMillionOutputTokens: usdPerHourFleet === null ? null : ratio((usdPerHourFleet / SECONDS_PER_HOUR) * TOKENS_PER_MILLION, tokensPerSecond),
    },
  };
}
