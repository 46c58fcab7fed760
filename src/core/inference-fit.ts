/**
 * How many GPUs an inference deployment needs for memory alone (apart from memory.ts, which sizes
 * what is held; this is what the estimate's serving side asks of it).
 */
import { RUNTIME_OVERHEAD_BYTES_PER_GPU } from './memory';
import { ceilAtLeast, nextPowerOfTwo, nonNegative } from './units';

export interface InferenceFit {
  /** ceil(required / usable per GPU): the fewest GPUs whose memory adds up. */
  gpus: number;
  /** `gpus` rounded up to a power of two, the tensor-parallel degrees serving engines use. */
  tensorParallelGpus: number;
}

/**
 * The fewest GPUs whose memory holds weights + KV cache + working memory when the model is
 * split tensor-parallel (memory adds up across the group; every GPU also pays the runtime
 * overhead):
 *   gpus = ceil((weights + kv + sharedWorking) / (memoryPerGpu − RUNTIME_OVERHEAD_BYTES_PER_GPU))
 *   tensorParallelGpus = next power of two ≥ gpus.
 * `sharedWorking` is the working memory without the per-GPU runtime term. Null when a GPU cannot
 * even hold the runtime overhead or more than `maxGpus` would be needed.
 * Assumes an even split (KV heads fewer than GPUs would be replicated — ignored).
 * Units: GPUs. Sources: pope2022 §3.1; `thisProject`.
 */
export function minimumGpusForInference(options: {
  weightBytes: number;
  kvBytes: number;
  sharedWorkingBytes: number;
  memoryBytesPerGpu: number;
  maxGpus?: number;
}): InferenceFit | null {
  const usable = nonNegative(options.memoryBytesPerGpu) - RUNTIME_OVERHEAD_BYTES_PER_GPU;
  if (!(usable > 0)) return null;
  const required = nonNegative(options.weightBytes) + nonNegative(options.kvBytes) + nonNegative(options.sharedWorkingBytes);
  const gpus = ceilAtLeast(required / usable, 1);
  if (gpus > nonNegative(options.maxGpus ?? 1e6)) return null;
  return { gpus, tensorParallelGpus: nextPowerOfTwo(gpus) };
}
