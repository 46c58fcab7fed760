/**
 * How much of a device's memory the model may use. Discrete GPUs: all of it (the runtime reserve
 * is counted separately). Apple Silicon: the GPU may wire only part of unified memory — Metal's
 * `MTLDevice.recommendedMaxWorkingSetSize`, which llama.cpp prints at start-up. Units: bytes.
 *
 * Apple documents the property but not its formula. The values llama.cpp users report show the
 * rule: two thirds of RAM on Macs up to 32 GB, three quarters above:
 *   16 GiB Mac → 10,922.67 MiB = 2/3 (abetlen/llama-cpp-python issue #687, M1 16 GB log)
 *   32 GiB M2 Pro → 21,845.34 MiB = 2/3 (ggml_metal_init log quoted in a Go test fixture)
 *   64 GiB M3 Max → 49,152 MiB = 3/4;  128 GiB M2 Ultra → 98,304 MiB = 3/4 (llama.cpp logs)
 * 36 and 48 GB machines are not covered by these logs; they take 3/4 here (uncertain). The limit is
 * adjustable (`sudo sysctl iogpu.wired_limit_mb=…`), hence the override.
 */
import type { Accelerator } from '../../data/types';
import { ConfigError } from '../errors';
import { RUNTIME_OVERHEAD_BYTES_PER_GPU } from '../memory';
import { GB, GiB, nonNegative } from '../units';

export const APPLE_SMALL_MAC_GPU_FRACTION = 2 / 3;
export const APPLE_LARGE_MAC_GPU_FRACTION = 3 / 4;
/** Largest unified memory that still gets the two-thirds share. */
export const APPLE_SMALL_MAC_LIMIT_BYTES = 32 * GiB;

/**
 * Fraction of `memoryBytes` the accelerator's GPU may use by default:
 *   Apple: row override, else 2/3 up to 32 GiB and 3/4 above;  every other kind: 1.
 * Units: fraction. Source: see the module note (Metal recommendedMaxWorkingSetSize as logged by llama.cpp).
 */
export function defaultGpuMemoryFraction(accelerator: Pick<Accelerator, 'kind' | 'memoryBytes' | 'gpuUsableMemoryFraction'>): number {
  if (accelerator.kind !== 'apple') return 1;
  if (accelerator.gpuUsableMemoryFraction !== undefined) return accelerator.gpuUsableMemoryFraction;
  return accelerator.memoryBytes <= APPLE_SMALL_MAC_LIMIT_BYTES * 1.001 ? APPLE_SMALL_MAC_GPU_FRACTION : APPLE_LARGE_MAC_GPU_FRACTION;
}

/**
 * Bytes the GPU may use: memoryBytes × fraction, with `fractionOverride` (0 < f ≤ 1) replacing the
 * default (an Apple user who raised iogpu.wired_limit_mb). Units: bytes.
 */
export function gpuUsableMemoryBytes(
  accelerator: Pick<Accelerator, 'kind' | 'memoryBytes' | 'gpuUsableMemoryFraction'>,
  fractionOverride?: number,
): number {
  let fraction = defaultGpuMemoryFraction(accelerator);
  if (fractionOverride !== undefined) {
    if (!Number.isFinite(fractionOverride) || fractionOverride <= 0 || fractionOverride > 1) {
      throw new ConfigError(`usableMemoryFraction (${fractionOverride}) must lie in (0, 1]`, 'usableMemoryFraction');
    }
    fraction = fractionOverride;
  }
  return nonNegative(accelerator.memoryBytes * fraction);
}

/** Serving engines' reserve on datacenter GPUs and TPUs: CUDA context, NCCL / cuBLAS workspaces, CUDA graphs. */
export const ENGINE_RUNTIME_RESERVE_BYTES = 2 * GB;

/**
 * Memory per GPU the runtime keeps besides weights, KV cache and activations: 2 GB for serving
 * engines on datacenter GPUs and TPUs (CUDA context ≈ 0.5 GB, NCCL and cuBLAS workspaces, CUDA
 * graphs), 1 GB (`RUNTIME_OVERHEAD_BYTES_PER_GPU`) for llama.cpp / MLX on local machines.
 * Documented round figures, not measurements (source id `thisProject`). Units: bytes.
 */
export function runtimeReserveBytes(accelerator: Pick<Accelerator, 'kind'>): number {
  return accelerator.kind === 'datacenter' || accelerator.kind === 'tpu' ? ENGINE_RUNTIME_RESERVE_BYTES : RUNTIME_OVERHEAD_BYTES_PER_GPU;
}
