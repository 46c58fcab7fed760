/**
 * The fine-tuning section's data: memory per GPU of full fine-tuning, LoRA and QLoRA for the
 * scenario's model (stacked parts), time and cost of the dataset on the selected accelerator, and
 * which accelerators each method fits on. The core computes (`src/core/fine-tuning`); this only
 * picks its inputs from the scenario and shapes rows. Units: bytes, FLOPs, seconds, US dollars.
 */
import {
  DEFAULT_PREFILL_MFU,
  FINE_TUNING_METHODS,
  fineTuningFits,
  fineTuningFlops,
  fineTuningMemoryPerGpu,
  type Architecture,
  type FineTuningMemory,
  type FineTuningMethod,
  type FineTuningOptions,
} from '../../core';
import { HARDWARE, denseFlopsFor } from '../../data/hardware';
import type { Accelerator } from '../../data/types';
import type { Scenario } from '../../scenario/scenario';

/** The fine-tuning inputs of a scenario, as the core's options (one GPU, no sharding). */
export function fineTuningOptions(scenario: Scenario, method: FineTuningMethod): FineTuningOptions {
  return {
    method,
    seqLen: scenario.ftSeqLen,
    microBatch: scenario.ftMicroBatch,
    gradientCheckpointing: scenario.ftCheckpointing,
    lora: { rank: scenario.loraRank, modules: scenario.loraModules },
    adapterPrecision: scenario.ftAdapterPrecision,
  };
}

/** One stacked bar: a method's memory on one GPU, by part. */
export interface MemoryBar {
  method: FineTuningMethod;
  /** Frozen (LoRA, QLoRA) or trained (full) model weights. */
  weights: number;
  /** Trainable states that must stay on the GPU: adapter weights, gradients, optimizer (less what is paged). */
  trainable: number;
  activations: number;
  /** QLoRA's dequantized matrix and the runtime overhead. */
  workspace: number;
  /** Optimizer states a paged optimizer may move to CPU RAM (QLoRA). */
  paged: number;
  total: number;
  resident: number;
  trainableParameters: number;
  fitsOneGpu: boolean;
}

function bar(memory: FineTuningMemory, capacity: number): MemoryBar {
  return {
    method: memory.method,
    weights: memory.baseWeights,
    trainable: memory.adapterWeights + memory.gradients + memory.optimizer - memory.pageable,
    activations: memory.activations,
    workspace: memory.dequantWorkspace + memory.overhead,
    paged: memory.pageable,
    total: memory.total,
    resident: memory.resident,
    trainableParameters: memory.trainableParameters,
    fitsOneGpu: memory.resident <= capacity,
  };
}

export interface MethodRun {
  method: FineTuningMethod;
  /** Fewest GPUs of the selected accelerator that fit (ZeRO-3 beyond one); null beyond 1,024. */
  gpus: number | null;
  hardwareFlops: number;
  /** Wall-clock seconds on `gpus` GPUs at the scenario's utilization; null when it does not fit. */
  seconds: number | null;
  gpuHours: number | null;
  costUsd: number | null;
}

export interface FitTableRow {
  id: string;
  name: string;
  memoryBytes: number;
  /** Fewest GPUs per method (1 = fits alone); null when 1,024 do not fit. */
  full: number | null;
  lora: number | null;
  qlora: number | null;
}

export interface FineTuningData {
  bars: MemoryBar[];
  runs: MethodRun[];
  /** The selected accelerator's memory (the chart's line). */
  capacity: number;
  yMax: number;
}

export interface FineTuningFitTable {
  rows: FitTableRow[];
  /** Accelerators (of those listed) each method fits on alone. */
  fitsAlone: Record<FineTuningMethod, number>;
}

/** Dense 16-bit FLOP/s of the selected accelerator (a custom one: its own figure). */
function peakFlops(accelerator: Accelerator | null, customFlops: number): number {
  if (accelerator === null) return customFlops;
  return denseFlopsFor(accelerator, 'bf16')?.flops ?? 0;
}

/**
 * The chart and stats of one scenario: each method's memory on one selected GPU by part, and the
 * time and cost of the dataset on the fewest selected GPUs that fit. `hardware.accelerator` is
 * null for a custom GPU (its memory and FLOP/s come from the scenario); `usdPerGpuHour` is the
 * price the estimate uses. Time = hardware FLOPs / (GPUs × dense 16-bit peak × the scenario's
 * utilization), communication not modelled.
 */
export function fineTuningData(
  arch: Architecture,
  scenario: Scenario,
  hardware: { accelerator: Accelerator | null; memoryBytes: number; deviceMemoryBytes: number; usdPerGpuHour: number },
): FineTuningData {
  const capacity = hardware.deviceMemoryBytes;
  const base = fineTuningOptions(scenario, 'full');
  const bars = FINE_TUNING_METHODS.map((method) => bar(fineTuningMemoryPerGpu(arch, { ...base, method, gpus: 1, zeroStage: 0 }), capacity));
  const { deviceMemory: _template, ...template } = HARDWARE[0] as Accelerator;
  const selected: Accelerator = hardware.accelerator ?? {
    ...template,
    id: 'custom',
    name: 'custom',
    memoryBytes: capacity,
    denseFlops: { bf16: scenario.customGpu.flops },
  };
  const [own] = fineTuningFits(arch, [selected], base);
  const peak = peakFlops(hardware.accelerator, scenario.customGpu.flops);
  const runs = FINE_TUNING_METHODS.map((method, index): MethodRun => {
    const gpus = own?.cells[index]?.minimumGpus ?? null;
    const flops = fineTuningFlops(arch, { method, tokens: scenario.ftTokens, seqLen: scenario.ftSeqLen, gradientCheckpointing: scenario.ftCheckpointing, lora: base.lora });
    if (gpus === null || !(peak > 0)) return { method, gpus, hardwareFlops: flops.hardwareFlops, seconds: null, gpuHours: null, costUsd: null };
    // A pinned MFU applies; otherwise the planner's pre-training prediction does not describe a
    // fine-tuning job on a few GPUs, so the 40 % the page uses for prefill stands in (stated in the lead).
    const seconds = flops.hardwareFlops / (gpus * peak * (scenario.mfu ?? DEFAULT_PREFILL_MFU));
    const gpuHours = (gpus * seconds) / 3600;
    return { method, gpus, hardwareFlops: flops.hardwareFlops, seconds, gpuHours, costUsd: gpuHours * hardware.usdPerGpuHour };
  });
  // The chart's scale: the GPU line and the smaller bars stay readable; a bar far above is cut, its total written.
  const smallest = Math.min(...bars.map((item) => item.total));
  const largest = Math.max(...bars.map((item) => item.total));
  const yMax = Math.max(capacity * 1.15, Math.min(largest, Math.max(smallest, capacity) * 3));
  return { bars, runs, capacity, yMax };
}

/** For every listed accelerator: the fewest GPUs each method needs (1 = alone), and how many fit alone. */
export function fineTuningFitTable(arch: Architecture, scenario: Scenario, accelerators: readonly Accelerator[] = HARDWARE): FineTuningFitTable {
  const table = fineTuningFits(arch, accelerators, fineTuningOptions(scenario, 'full'));
  const rows = table.map((row) => {
    const minimum = (method: FineTuningMethod) => row.cells.find((cell) => cell.method === method)?.minimumGpus ?? null;
    return { id: row.acceleratorId, name: row.name, memoryBytes: row.memoryBytes, full: minimum('full'), lora: minimum('lora'), qlora: minimum('qlora') };
  });
  const fitsAlone: Record<FineTuningMethod, number> = { full: 0, lora: 0, qlora: 0 };
  for (const row of rows) for (const method of FINE_TUNING_METHODS) if (row[method] === 1) fitsAlone[method] += 1;
  return { rows, fitsAlone };
}
