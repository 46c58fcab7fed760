/**
 * Pure shapers of the memory section: weight bytes per precision as bars, accelerator memories
 * as reference lines, and how many accelerators it takes just to hold the weights.
 */
import type { MemoryByPrecisionSeries } from '../../core';
import type { PrecisionId } from '../../data/types';
import { PRECISIONS } from '../../core';

export interface PrecisionBar {
  id: PrecisionId;
  /** Short label without the container name: "Q4_K_M", "FP8". */
  label: string;
  /** Axis text: "Q4_0 (4.5)". */
  tick: string;
  bitsPerWeight: number;
  bytes: number;
  /** bytes in the axis unit (GB or GiB). */
  value: number;
  selected: boolean;
}

/** "Q4_K_M (GGUF)" → "Q4_K_M". */
export function shortPrecisionLabel(id: PrecisionId): string {
  const label = PRECISIONS[id]?.label ?? id.toUpperCase();
  return label.replace(/\s*\(.*\)\s*$/, '');
}

/** One bar per precision (widest first), values in the axis unit. */
export function precisionBars(rows: MemoryByPrecisionSeries['rows'], divisor: number): PrecisionBar[] {
  return rows.map((row) => ({
    id: row.id,
    label: shortPrecisionLabel(row.id),
    tick: `${shortPrecisionLabel(row.id)} (${row.bitsPerWeight})`,
    bitsPerWeight: row.bitsPerWeight,
    bytes: row.bytes,
    value: row.bytes / divisor,
    selected: row.selected,
  }));
}

/** Accelerators whose memory is always drawn: 24 GB consumer, 80 GB H100, 141 GB H200, 192 GB MI300X. */
export const REFERENCE_ACCELERATORS: readonly { id: string; short: string }[] = Object.freeze([
  { id: 'rtx-4090', short: 'RTX 4090' },
  { id: 'h100-sxm', short: 'H100' },
  { id: 'h200-sxm', short: 'H200' },
  { id: 'mi300x', short: 'MI300X' },
]);

export interface CapacityLine {
  key: string;
  /** "H100", "8 × H100". */
  name: string;
  memoryBytes: number;
  /** In the axis unit. */
  value: number;
  selected: boolean;
  /** A node of 8 of the selected accelerator. */
  node: boolean;
}

/**
 * Reference lines: the four reference accelerators (when the hardware table has them), the
 * selected accelerator (highlighted; merged with a reference one of the same id) and a node of 8
 * of it. Sorted by memory.
 */
export function capacityLines(
  capacities: MemoryByPrecisionSeries['capacities'],
  selected: { id: string; name: string; memoryBytes: number },
  divisor: number,
  nodeLabel: (name: string) => string,
): CapacityLine[] {
  const lines: CapacityLine[] = [];
  const memoryOf = new Map<string, number>();
  for (const capacity of capacities) for (const id of capacity.ids) memoryOf.set(id, capacity.memoryBytes);
  const selectedShort = REFERENCE_ACCELERATORS.find((ref) => ref.id === selected.id)?.short ?? shortAcceleratorName(selected.name);
  for (const ref of REFERENCE_ACCELERATORS) {
    const memoryBytes = memoryOf.get(ref.id);
    if (memoryBytes === undefined || ref.id === selected.id) continue;
    lines.push({ key: ref.id, name: ref.short, memoryBytes, value: memoryBytes / divisor, selected: false, node: false });
  }
  if (selected.memoryBytes > 0) {
    lines.push({ key: `selected-${selected.id}`, name: selectedShort, memoryBytes: selected.memoryBytes, value: selected.memoryBytes / divisor, selected: true, node: false });
    lines.push({
      key: `node-${selected.id}`,
      name: nodeLabel(selectedShort),
      memoryBytes: 8 * selected.memoryBytes,
      value: (8 * selected.memoryBytes) / divisor,
      selected: true,
      node: true,
    });
  }
  return lines.sort((a, b) => a.memoryBytes - b.memoryBytes);
}

/** "NVIDIA H100 SXM5 80GB" → "H100 SXM5 80GB" (the vendor is implied by the model name). */
export function shortAcceleratorName(name: string): string {
  return name.replace(/^(NVIDIA|AMD|Google|Intel|Apple)\s+/, '');
}

/** Accelerators needed just to hold `bytes` of weights: ceil(bytes / memory), at least 1. */
export function acceleratorsToHold(bytes: number, memoryBytesPerAccelerator: number): number {
  if (!(memoryBytesPerAccelerator > 0) || !Number.isFinite(bytes)) return Number.NaN;
  return Math.max(1, Math.ceil(bytes / memoryBytesPerAccelerator - 1e-9));
}
