/**
 * What serving costs: $ per million output tokens from the device's own price — rental per hour,
 * or purchase amortised over a stated lifetime plus electricity — and the GPUs a target request
 * rate needs under an SLO. A device without a price gets no made-up rate: the result says so.
 * Units: US dollars, hours, watts, kWh, requests per second, GPUs.
 */
import type { Accelerator } from '../../data/types';
import { SECONDS_PER_HOUR, TOKENS_PER_MILLION, nonNegative, ratio } from '../units';
import { ServingConfigError } from './errors';
import { servingCapacity } from './capacity';
import type { ServingInput, ServingPoint } from './types';
import { DEFAULT_LIFETIME_YEARS, DEFAULT_USD_PER_KWH, deviceHourlyCost, type CostFlag, type CostOptions, type DeviceHourlyCost } from './device-cost';

export { DEFAULT_LIFETIME_YEARS, DEFAULT_USD_PER_KWH, deviceHourlyCost, type CostFlag, type CostOptions, type DeviceHourlyCost };

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
