/**
 * Memory chart sweep: the weights at every precision against the accelerators' capacities.
 * Units: bytes, bits per weight.
 */
import type { PrecisionId } from '../../data/types';
import { HARDWARE } from '../../data/hardware';
import type { Estimate } from '../estimate';
import { freezeRows } from './grids';

export interface MemoryByPrecisionSeries {
  rows: Array<{ id: PrecisionId; bitsPerWeight: number; bytes: number; selected: boolean }>;
  /** Distinct accelerator memory sizes, smallest first, with the accelerators that have them. */
  capacities: Array<{ memoryBytes: number; ids: string[]; names: string[] }>;
  /** The scenario's accelerator: one GPU and the inference serving group. */
  current: { memoryBytes: number; servingGpus: number; servingBytes: number };
}

function acceleratorCapacities(): MemoryByPrecisionSeries['capacities'] {
  const bySize = new Map<number, { ids: string[]; names: string[] }>();
  for (const accelerator of HARDWARE) {
    const entry = bySize.get(accelerator.memoryBytes) ?? { ids: [], names: [] };
    entry.ids.push(accelerator.id);
    entry.names.push(accelerator.name);
    bySize.set(accelerator.memoryBytes, entry);
  }
  return [...bySize.entries()].sort((a, b) => a[0] - b[0]).map(([memoryBytes, entry]) => ({ memoryBytes, ...entry }));
}

/** Distinct memory sizes of HARDWARE, smallest first (data only: computed once, frozen). */
export const ACCELERATOR_CAPACITIES: MemoryByPrecisionSeries['capacities'] = freezeRows(acceleratorCapacities());

/** Bytes of the weights at every precision, against accelerator capacities. */
export function memoryByPrecision(estimate: Estimate): MemoryByPrecisionSeries {
  return {
    rows: estimate.weights.byPrecision.map((row) => ({ ...row, selected: row.id === estimate.weights.selected.id })),
    capacities: ACCELERATOR_CAPACITIES,
    current: {
      memoryBytes: estimate.hardware.memoryBytes,
      servingGpus: estimate.inference.gpus,
      servingBytes: estimate.inference.gpus * estimate.hardware.memoryBytes,
    },
  };
}
