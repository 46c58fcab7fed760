/**
 * The estimate's hardware: the input's accelerator (a HARDWARE row or the custom GPU) with its
 * price and board power after fallbacks, its dense peak for a compute format, and the precision
 * rows of the input's ids. Each fallback adds a warning code.
 * Units: bytes, bytes/s, FLOP/s, watts, US dollars per GPU-hour.
 */
import type { Accelerator, AcceleratorKind, ComputeFormat, Precision, PrecisionId } from '../../data/types';
import { PRECISIONS } from '../../data/precisions';
import { denseFlopsFor, deviceMemoryBytes } from '../../data/hardware';
import { getDevice } from '../../data/local-devices';
import { deviceHourlyCost } from '../serving/cost';
import { DEFAULT_CUSTOM_GPU, DEFAULT_GPU_ID, type EstimateInput } from '../input';
import { nonNegative } from '../units';
import type { WarningCode } from '../warnings';

export interface EstimateHardware {
  /** Accelerator id, or 'custom'. */
  id: string;
  name: string;
  kind: AcceleratorKind;
  year: number | null;
  memoryBytes: number;
  /** What the driver reports (`deviceMemoryBytes`): training fits are judged against it. Custom GPU: `memoryBytes`. */
  deviceMemoryBytes: number;
  bandwidthBytesPerSecond: number;
  tdpWatts: number;
  usdPerGpuHour: number;
  /** 'purchase': a bought device's list price amortised over 3 years plus its energy (`deviceHourlyCost`). */
  priceSource: 'scenario' | 'accelerator' | 'purchase' | 'custom' | 'fallback';
  accelerator: Accelerator | null;
}

/**
 * Price per GPU-hour when neither the scenario nor the accelerator gives one: $2, the rental
 * price DeepSeek assumed for an H800 (deepseek2024v3 Table 1). Flagged by 'price-fallback'.
 */
export const FALLBACK_USD_PER_GPU_HOUR = 2;

/**
 * Board power when the accelerator publishes none (Apple): 300 W, about a Mac Studio's maximum
 * continuous draw. Flagged by 'tdp-fallback'. Units: watts.
 */
export const FALLBACK_TDP_WATTS = 300;

/** Dense FLOP/s assumed when an accelerator lists no rate at all (flagged 'no-compute-rate'). */
export const FALLBACK_FLOPS = 1e12;

type HardwareInput = Pick<EstimateInput, 'gpu' | 'customGpu' | 'usdPerGpuHour'>;

function customHardware(input: HardwareInput): EstimateHardware {
  const custom = input.customGpu;
  const usdPerGpuHour = input.usdPerGpuHour ?? custom.usdPerHour;
  return {
    id: 'custom',
    name: 'custom',
    kind: 'datacenter',
    year: null,
    memoryBytes: nonNegative(custom.memoryBytes),
    deviceMemoryBytes: nonNegative(custom.memoryBytes),
    bandwidthBytesPerSecond: nonNegative(custom.bandwidthBytesPerSecond),
    tdpWatts: nonNegative(custom.tdpWatts),
    usdPerGpuHour: nonNegative(usdPerGpuHour),
    priceSource: input.usdPerGpuHour !== null ? 'scenario' : 'custom',
    accelerator: null,
  };
}

/**
 * The input's accelerator: the custom GPU, or the HARDWARE / LOCAL_DEVICES row of `input.gpu` (the
 * default row, flagged 'unknown-gpu', when the id is unknown). The price is the input's, else the
 * row's rental price, else its purchase price amortised with its energy (`deviceHourlyCost`), else
 * FALLBACK_USD_PER_GPU_HOUR ('price-fallback'); the board power the row's, else
 * FALLBACK_TDP_WATTS ('tdp-fallback').
 */
export function resolveHardware(input: HardwareInput, warnings: WarningCode[]): EstimateHardware {
  if (input.gpu === 'custom') return customHardware(input);
  let accelerator = getDevice(input.gpu);
  if (!accelerator) {
    warnings.push('unknown-gpu');
    accelerator = getDevice(DEFAULT_GPU_ID);
  }
  // The hardware table lacks the default too: behave as the default custom GPU.
  if (!accelerator) return customHardware({ ...input, gpu: 'custom', customGpu: DEFAULT_CUSTOM_GPU });
  let usdPerGpuHour: number;
  let priceSource: EstimateHardware['priceSource'];
  if (input.usdPerGpuHour !== null) {
    usdPerGpuHour = input.usdPerGpuHour;
    priceSource = 'scenario';
  } else if (accelerator.price) {
    usdPerGpuHour = accelerator.price.usdPerHour;
    priceSource = 'accelerator';
  } else if (accelerator.purchase) {
    usdPerGpuHour = deviceHourlyCost(accelerator).usdPerHour ?? FALLBACK_USD_PER_GPU_HOUR;
    priceSource = 'purchase';
  } else {
    usdPerGpuHour = FALLBACK_USD_PER_GPU_HOUR;
    priceSource = 'fallback';
    warnings.push('price-fallback');
  }
  let tdpWatts = accelerator.tdpWatts;
  if (tdpWatts === null) {
    tdpWatts = FALLBACK_TDP_WATTS;
    warnings.push('tdp-fallback');
  }
  return {
    id: accelerator.id,
    name: accelerator.name,
    kind: accelerator.kind,
    year: accelerator.year,
    memoryBytes: nonNegative(accelerator.memoryBytes),
    deviceMemoryBytes: nonNegative(deviceMemoryBytes(accelerator)),
    bandwidthBytesPerSecond: nonNegative(accelerator.bandwidthBytesPerSecond),
    tdpWatts: nonNegative(tdpWatts),
    usdPerGpuHour: nonNegative(usdPerGpuHour),
    priceSource,
    accelerator,
  };
}

/** A dense peak and the format it was taken at ('custom': the custom GPU's single figure). */
export interface PeakFlops {
  flops: number;
  format: ComputeFormat | 'custom';
}

/**
 * Dense peak FLOP/s for `format`: the custom GPU's single figure, or the accelerator's rate with
 * `denseFlopsFor`'s fallbacks (FP8 missing → BF16/FP16, BF16 missing → FP16, …), flagged
 * `<format>-unsupported`; FALLBACK_FLOPS ('no-compute-rate') when it lists none.
 */
export function peakFlops(
  hardware: EstimateHardware,
  format: ComputeFormat,
  customGpu: EstimateInput['customGpu'],
  warnings: WarningCode[],
): PeakFlops {
  if (hardware.accelerator === null) return { flops: nonNegative(customGpu.flops), format: 'custom' };
  const rate = denseFlopsFor(hardware.accelerator, format);
  if (rate === null) {
    warnings.push('no-compute-rate');
    return { flops: FALLBACK_FLOPS, format };
  }
  if (rate.format !== format) warnings.push(`${format}-unsupported`);
  return { flops: rate.flops, format: rate.format };
}

/** The PRECISIONS row of `id`; BF16 ('unknown-precision') for an unknown id. */
export function precisionOf(id: PrecisionId, warnings: WarningCode[]): Precision {
  const precision = PRECISIONS[id] as Precision | undefined;
  if (precision) return precision;
  warnings.push('unknown-precision');
  return PRECISIONS.bf16;
}
