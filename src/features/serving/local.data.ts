/**
 * Pure shapers of "Can I run it": the scenario's model on one local machine (Apple unified memory
 * with the usable share macOS allows, a consumer GPU with optional offload to system RAM), the
 * serving model's `canIRun` answer and one row per candidate weight format.
 * Units: bytes, tokens, tokens per second, layers.
 */
import {
  DEFAULT_HOST,
  canIRun,
  defaultGpuMemoryFraction,
  gpuUsableMemoryBytes,
  type CanRunAnswer,
  type Estimate,
  type HostMemory,
} from '../../core';
import { ALL_DEVICES, DEVICES_BY_ID, LOCAL_DEVICES } from '../../data/local-devices';
import type { Accelerator, PrecisionId } from '../../data/types';
import { DEFAULT_SCENARIO, type Scenario } from '../../scenario/scenario';
import { derivation } from '../../store/selectors';

/** Machines offered in the picker: the local devices, then the consumer / Apple rows of the datacenter table. */
export const LOCAL_CHOICES: readonly Accelerator[] = Object.freeze([
  ...LOCAL_DEVICES,
  ...ALL_DEVICES.filter((device) => !LOCAL_DEVICES.includes(device) && (device.kind === 'consumer' || device.kind === 'apple')),
]);

export interface LocalPrecisionRow {
  precision: PrecisionId;
  fits: boolean;
  fitsWithOffload: boolean;
  /** Longest context at batch 1 entirely on the device (0 when the weights do not fit). */
  maxContextTokens: number;
  weightBytes: number;
  /** Layers in system RAM when offload is needed (null otherwise). */
  cpuLayers: number | null;
  decodeTokensPerSecond: number;
}

export interface LocalRunView {
  device: Accelerator;
  /** Share of the device's memory the GPU may use, and whether it is the default. */
  usableFraction: number;
  usableFractionIsDefault: boolean;
  usableBytes: number;
  /** System RAM for offload (null on Apple, or when 0). */
  host: HostMemory | null;
  answer: CanRunAnswer | null;
  /** Why there is no answer (encoder-only models, a refused input): the core's message. */
  problem: string | null;
  rows: LocalPrecisionRow[];
  layers: number;
}

/** The machine of the scenario (the default when its id is unknown). */
export function localDevice(id: string): Accelerator {
  return DEVICES_BY_ID.get(id) ?? DEVICES_BY_ID.get(DEFAULT_SCENARIO.localDevice) ?? LOCAL_DEVICES[0]!;
}

/**
 * "Can I run it" for the scenario's model on `scenario.localDevice`: `canIRun` at a reference
 * context of the scenario's prompt + output (at least 1 token, at most the model's), with the
 * Apple usable share and the host RAM of the scenario (offload not on Apple: unified memory).
 */
export function localRunView(estimate: Estimate, scenario: Pick<Scenario, 'localDevice' | 'usableMemoryFraction' | 'hostMemoryBytes' | 'promptTokens' | 'outputTokens'>): LocalRunView {
  const device = localDevice(scenario.localDevice);
  const apple = device.kind === 'apple';
  const fraction = apple && scenario.usableMemoryFraction !== null ? scenario.usableMemoryFraction : undefined;
  const usableBytes = gpuUsableMemoryBytes(device, fraction);
  const host = !apple && scenario.hostMemoryBytes > 0 ? { memoryBytes: scenario.hostMemoryBytes, bandwidthBytesPerSecond: DEFAULT_HOST.bandwidthBytesPerSecond } : null;
  const arch = estimate.model.arch;
  const base = {
    device,
    usableFraction: fraction ?? defaultGpuMemoryFraction(device),
    usableFractionIsDefault: fraction === undefined,
    usableBytes,
    host,
    layers: arch.layers,
  };
  const reference = Math.max(1, Math.min(arch.contextLength, scenario.promptTokens + scenario.outputTokens));
  let answer: CanRunAnswer;
  try {
    answer = canIRun({
      arch,
      accelerator: device,
      minimumContextTokens: reference,
      ...(host ? { host } : {}),
      ...(fraction !== undefined ? { usableMemoryFraction: fraction } : {}),
    });
  } catch (error) {
    return { ...base, answer: null, problem: error instanceof Error ? error.message : String(error), rows: [] };
  }
  const rows = answer.options.map((option) => ({
    precision: option.precision,
    fits: option.verdict.fits,
    fitsWithOffload: !option.verdict.fits && option.verdict.fitsWithOffload,
    maxContextTokens: option.verdict.largestContextTokens,
    weightBytes: option.verdict.breakdown.weights,
    cpuLayers: !option.verdict.fits && option.verdict.offload ? option.verdict.offload.cpuLayers : null,
    decodeTokensPerSecond: option.decodeTokensPerSecond,
  }));
  return { ...base, answer, problem: null, rows };
}

/** The local answer of a scenario, memoized per store on what it reads. */
export const localRunData = derivation((scenario, select) => localRunView(select.estimate(scenario), scenario));
