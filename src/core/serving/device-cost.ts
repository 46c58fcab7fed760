/**
 * What one busy device-hour costs: rental per hour, or purchase amortised over a stated lifetime
 * plus electricity. Apart from the rest of the serving cost model so the hardware controls can
 * show a device's hourly price without loading it. Units: US dollars, hours, watts, kWh.
 */
import type { Accelerator } from '../../data/types';
import { HOURS_PER_YEAR, WATTS_PER_KILOWATT } from '../units';
import { ConfigError } from '../errors';

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
