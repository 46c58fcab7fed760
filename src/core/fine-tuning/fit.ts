/**
 * Which GPUs each fine-tuning method fits on, for one model: the rows of the comparison table
 * and chart. Units: bytes, GPU counts.
 */
import type { Accelerator } from '../../data/types';
import type { Architecture } from '../types';
import { FINE_TUNING_METHODS, fineTuningMemoryPerGpu, type FineTuningMemory, type FineTuningMethod, type FineTuningOptions } from './memory';
import { deviceMemoryBytes } from '../../data/hardware';

export interface FineTuningFitCell {
  method: FineTuningMethod;
  /** Memory on one GPU alone. */
  oneGpu: FineTuningMemory;
  /** resident ≤ the GPU's memory. */
  fitsOneGpu: boolean;
  /**
   * Fewest data-parallel GPUs of this kind with ZeRO-3 (FSDP) sharding of weights, gradients and
   * optimizer states; null when even `maximumGpus` do not fit (activations are not sharded).
   */
  minimumGpus: number | null;
}

export interface FineTuningFitRow {
  acceleratorId: string;
  name: string;
  memoryBytes: number;
  cells: FineTuningFitCell[];
}

export interface FineTuningFitOptions extends Omit<FineTuningOptions, 'method' | 'gpus' | 'zeroStage'> {
  methods?: readonly FineTuningMethod[];
  /** Largest data-parallel group searched. Default 1024. */
  maximumGpus?: number;
}

function fits(arch: Architecture, options: FineTuningOptions, capacity: number): boolean {
  return fineTuningMemoryPerGpu(arch, options).resident <= capacity;
}

/** Smallest n ≤ maximum with resident memory ≤ capacity under ZeRO-3 over n GPUs (memory falls with n). */
function minimumGpus(arch: Architecture, options: FineTuningOptions, capacity: number, maximum: number): number | null {
  if (fits(arch, { ...options, gpus: 1, zeroStage: 0 }, capacity)) return 1;
  if (!fits(arch, { ...options, gpus: maximum, zeroStage: 3 }, capacity)) return null;
  let low = 1;
  let high = maximum;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(arch, { ...options, gpus: middle, zeroStage: 3 }, capacity)) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * For each accelerator and each method: memory on one GPU, whether one GPU fits (resident memory
 * ≤ what the driver gives CUDA, `deviceMemoryBytes`; a paged optimizer's states may live in CPU RAM), and the fewest
 * GPUs that fit with ZeRO-3 sharding. Accelerators in the given order.
 * Units: bytes, GPUs. Memory model: {@link fineTuningMemoryPerGpu}.
 */
export function fineTuningFits(arch: Architecture, accelerators: readonly Accelerator[], options: FineTuningFitOptions): FineTuningFitRow[] {
  const methods = options.methods ?? FINE_TUNING_METHODS;
  const maximum = Math.max(1, Math.floor(options.maximumGpus ?? 1024));
  return accelerators.map((accelerator) => {
    // What the driver gives CUDA (nvidia-smi), as the training planner judges fits.
    const capacity = deviceMemoryBytes(accelerator);
    return {
      acceleratorId: accelerator.id,
      name: accelerator.name,
      memoryBytes: accelerator.memoryBytes,
      cells: methods.map((method) => {
        const setup: FineTuningOptions = { ...options, method };
        const oneGpu = fineTuningMemoryPerGpu(arch, { ...setup, gpus: 1, zeroStage: 0 });
        return {
          method,
          oneGpu,
          fitsOneGpu: oneGpu.resident <= capacity,
          minimumGpus: minimumGpus(arch, setup, capacity, maximum),
        };
      }),
    };
  });
}
