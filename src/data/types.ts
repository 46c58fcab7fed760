/** Row types of the data tables. Every row carries its source and the date of that source. */

/** Number formats an accelerator lists dense throughput for. */
export type ComputeFormat = 'fp32' | 'tf32' | 'bf16' | 'fp16' | 'fp8' | 'int8' | 'fp4';

export type PrecisionId =
  | 'fp32'
  | 'bf16'
  | 'fp16'
  | 'fp8'
  | 'int8'
  | 'int4'
  | 'nf4'
  | 'mxfp4'
  | 'nvfp4'
  | 'q8_0'
  | 'q4_0'
  | 'q4_k_m';

export interface Precision {
  id: PrecisionId;
  label: string;
  /** Storage bits per weight, block scales included (mxfp4 4.25, nvfp4 4.5, q4_0 4.5 ...). */
  bitsPerWeight: number;
  /** Which dense throughput of an accelerator applies to matrix maths in this format. */
  computeFormat: ComputeFormat;
  /** Sensible as a KV-cache format. */
  kvCapable: boolean;
  /** Sensible as the compute precision of mixed-precision training. */
  trainable: boolean;
  source: string;
  note?: string;
}

export interface PricePoint {
  usdPerHour: number;
  what: string;
  date: string;
  source: string;
}

export type AcceleratorKind = 'datacenter' | 'consumer' | 'apple' | 'tpu';

/** What a device costs to buy (local machines): list price in US dollars, with its date and source. */
export interface PurchasePrice {
  usd: number;
  /** The configuration the price is for, e.g. "Mac Studio M3 Ultra, 96 GB, 1 TB". */
  what: string;
  date: string;
  source: string;
}

export interface Accelerator {
  /** kebab-case, permanent (it is in shared links). */
  id: string;
  name: string;
  vendor: string;
  year: number;
  kind: AcceleratorKind;
  /** Bytes of device memory (decimal, as marketed). */
  memoryBytes: number;
  /**
   * What the driver gives CUDA on this part (`nvidia-smi`'s total), where it is published: NVIDIA's
   * "80 GB" HBM is 80 GiB less a driver reserve (H100 SXM: 81,559 MiB = 85.5 × 10⁹ B). Whether a
   * training layout fits is judged against it; absent = `memoryBytes`.
   */
  deviceMemory?: { bytes: number; source: string };
  /** Bytes per second of memory bandwidth. */
  bandwidthBytesPerSecond: number;
  /** Dense (no structured sparsity) peak FLOP/s (OP/s for int8) per format. */
  denseFlops: Partial<Record<ComputeFormat, number>>;
  /** Board power in watts, or null when the vendor publishes none. */
  tdpWatts: number | null;
  /** Scale-up interconnect bytes per second (NVLink convention), or null. */
  interconnectBytesPerSecond: number | null;
  /** An indicative rental price, or null when none is known. */
  price: PricePoint | null;
  /** Purchase (list) price for devices people buy rather than rent; absent or null when unknown. */
  purchase?: PurchasePrice | null;
  /**
   * Apple unified memory: the fraction of `memoryBytes` the GPU may use by default, when it differs
   * from the rule in `core/serving/usable-memory.ts`; absent = the rule.
   */
  gpuUsableMemoryFraction?: number;
  /** GPUs that share the fast scale-up link (NVLink domain); absent = the kind's default. */
  gpusPerNode?: number;
  /** Scale-out (between nodes) bytes per second per GPU per direction; absent = the kind's default. */
  scaleOutBytesPerSecondPerGpu?: number;
  source: string;
  sourceDate: string;
  notes?: string;
}

export interface ModelPreset {
  /** kebab-case, permanent (it is in shared links). */
  id: string;
  name: string;
  org: string;
  year: number;
  /** The model's Hugging Face config.json, verbatim, or a config synthesised from a paper's table. */
  config?: Record<string, unknown>;
  /** For hypothetical models without a config: the parameter count handed to the shape rule. */
  params?: number;
  /** The count the authors published (null when none), and how they wrote it. */
  publishedParams: number | null;
  publishedParamsLabel: string;
  /** Pre-training tokens, when published. */
  trainingTokens: number | null;
  /** False for unconfirmed estimates (GPT-4) and the article's hypothetical models. */
  confirmed: boolean;
  source: string;
  sourceDate: string;
  note?: string;
}
