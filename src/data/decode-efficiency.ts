import type { AcceleratorKind, PrecisionId } from './types';

/**
 * How much of a device's peak a decode step reaches depends on what runs: the device kind and
 * the weight format (which also says which engine runs it — GGUF formats run on llama.cpp, the
 * others on vLLM / TensorRT-LLM on datacenter GPUs and on llama.cpp or MLX on local machines).
 *
 * Model of one batch-1 decode step (fitted, see below):
 *   seconds = weightBytesRead / (bandwidth × bandwidthFraction) + layers × layerOverheadSeconds
 * The per-layer term is the fixed cost of launching and synchronising a layer's kernels. The
 * data demand it: on an A100, llama.cpp decodes Llama-2-7B Q4_0 at 25% of the bandwidth roofline
 * but Llama-2-70B Q4_0 at 49% — a constant fraction cannot fit both; a fixed cost per layer does
 * (7B: 32 layers over 3.7 GB, 70B: 80 layers over 38.7 GB). It is also why a 4-bit model decodes
 * at a lower share of the roofline than a 16-bit one on the same chip.
 *
 * Prefill: achieved fraction of the dense peak at the weight format's compute format
 * (`denseFlopsFor`); attention reads the KV cache at `kvBandwidthFraction` of peak bandwidth.
 *
 * Every cell is either fitted (least squares on log step time, `scripts/fit-decode-efficiency.ts`,
 * once, on the rows named in `derivation`) or borrowed from a fitted cell (named) when no
 * measurement exists. The fit and its errors: docs/serving-model.md and
 * test/unit/decode-efficiency.test.ts.
 */
export type WeightFormatClass = '16-bit' | 'fp8' | 'int8' | '4-bit' | 'fp4' | 'gguf';

export const WEIGHT_FORMAT_CLASS: Readonly<Record<PrecisionId, WeightFormatClass>> = Object.freeze({
  fp32: '16-bit',
  bf16: '16-bit',
  fp16: '16-bit',
  fp8: 'fp8',
  int8: 'int8',
  int4: '4-bit',
  nf4: '4-bit',
  mxfp4: 'fp4',
  nvfp4: 'fp4',
  q8_0: 'gguf',
  q4_0: 'gguf',
  q4_k_m: 'gguf',
});

export interface DecodeEfficiencyCell {
  /** Achieved fraction of peak memory bandwidth while streaming weights. */
  bandwidthFraction: number;
  /** Fixed seconds per layer per decode step (kernel launch and synchronisation). */
  layerOverheadSeconds: number;
  /** Achieved fraction of the dense peak (at the format's compute format) in prefill and large GEMMs. */
  prefillComputeFraction: number;
  /** Achieved fraction of peak bandwidth while attention reads the KV cache. */
  kvBandwidthFraction: number;
  /** Host (CPU) seconds per sequence in flight per engine step: scheduling, sampling, detokenising. */
  hostSecondsPerSequence: number;
  /**
   * Engine cells on accelerators with a measured matmul fraction (MAMF): the share of the MAMF the
   * engine's GEMMs sustain. When set, `prefillComputeFraction` becomes MAMF(accelerator, format) ×
   * this (src/core/serving/efficiency.ts); the cell's own `prefillComputeFraction` is then only the
   * fallback for accelerators without a MAMF row.
   */
  gemmFractionOfMamf?: number;
  /**
   * Share of the bandwidth batched GEMMs stream weights at, where it differs from the single-stream
   * `bandwidthFraction` (engine kernels at 64+ tokens: the GEMM profile's 0.8, core/serving/kernels.ts).
   */
  gemmBandwidthFraction?: number;
  /** Extra fixed seconds per MoE layer per step (routing, permutation and the grouped-GEMM launches). */
  moeLayerOverheadSeconds: number;
  basis: 'fitted' | 'borrowed';
  /** The rows the constants were fitted on, or the cell they are borrowed from, and why. */
  derivation: string;
}

type KindTable = Readonly<Record<WeightFormatClass, DecodeEfficiencyCell>>;

const XIONGJIE = 'DECODE_MEASUREMENTS (XiongjieDai/GPU-Benchmarks-on-LLM-Inference, llama.cpp, Dec 2023 / May 2024)';
const NEMO = 'DECODE_MEASUREMENTS NeMo/TensorRT-LLM rows (batch 1, lower bounds)';
const APPLE_4167 = 'LLAMA_CPP_APPLE_BENCHMARKS (llama.cpp discussion #4167, 28 chips)';
const CUDA_15013 = 'LLAMA_CPP_CUDA_BENCHMARKS consumer rows (llama.cpp discussion #15013, 2025)';
const SERVING = 'SERVING_THROUGHPUT reference rows (TensorRT-LLM perf-overview, Llama 3.1 8B FP8 on H100 / H200, 8 rows)';

const APPLE_OVERHEAD = 186.1e-6;
const CONSUMER_OVERHEAD = 32.2e-6;

const apple16: DecodeEfficiencyCell = {
  bandwidthFraction: 0.917,
  layerOverheadSeconds: APPLE_OVERHEAD,
  prefillComputeFraction: 0.754,
  kvBandwidthFraction: 0.917,
  hostSecondsPerSequence: 0,
  moeLayerOverheadSeconds: 0,
  basis: 'fitted',
  derivation: `${APPLE_4167} F16 rows and ${XIONGJIE} M2 Ultra / M3 Max F16 rows; overhead shared with the GGUF cell; prefill: median of 23 F16 pp512 rows over derived GPU FP32 peaks; KV reads as weights.`,
};
const appleGguf: DecodeEfficiencyCell = {
  bandwidthFraction: 0.908,
  layerOverheadSeconds: APPLE_OVERHEAD,
  prefillComputeFraction: 0.69,
  kvBandwidthFraction: 0.908,
  hostSecondsPerSequence: 0,
  moeLayerOverheadSeconds: 0,
  basis: 'fitted',
  derivation: `${APPLE_4167} Q8_0 and Q4_0 rows and ${XIONGJIE} M2 Ultra Q4_0 7B / 70B rows; prefill: median of 56 Q8_0 / Q4_0 pp512 rows.`,
};
const consumer16: DecodeEfficiencyCell = {
  bandwidthFraction: 0.834,
  layerOverheadSeconds: CONSUMER_OVERHEAD,
  prefillComputeFraction: 0.988,
  kvBandwidthFraction: 0.834,
  hostSecondsPerSequence: 0,
  moeLayerOverheadSeconds: 0,
  basis: 'fitted',
  derivation: `${XIONGJIE} RTX 3090 / 4080 / 4090 F16 rows; overhead shared with the GGUF cell; prefill borrowed from the GGUF cell (one F16 pp512 row, RTX 4090 11,048 tok/s in llama.cpp PR #4766, gives 0.90).`,
};
const consumerGguf: DecodeEfficiencyCell = {
  bandwidthFraction: 0.81,
  layerOverheadSeconds: CONSUMER_OVERHEAD,
  prefillComputeFraction: 0.988,
  kvBandwidthFraction: 0.81,
  hostSecondsPerSequence: 0,
  moeLayerOverheadSeconds: 0,
  basis: 'fitted',
  derivation: `${CUDA_15013} and ${XIONGJIE} RTX 4090 Q4_0 row; prefill: median of 6 pp512 rows over the BF16 (FP32-accumulate) rate — llama.cpp's INT8 / FP16-accumulate kernels run near 2× that rate on GeForce cards, hence a fraction near 1.`,
};
/**
 * One fused MoE layer costs about 20 µs more than its weights take to stream, whatever the batch:
 * routing (top-k), the token permutation, the activation quantisation and the grouped-GEMM and
 * finalize launches. TensorRT-LLM's NVFP4 MoE kernel on B200 (FlashInfer PR #5301 benchmark,
 * DeepSeek shape, 32 local experts): 25.7 µs at 1 token, of which ≈ 3 µs stream the one expert
 * the token touches; vLLM's fused MoE on H100 (PR #24700, Qwen3-30B-A3B FP8): 40.4 µs at batch 1
 * with ≈ 11 µs of weights (29 µs). The lower, TensorRT-LLM figure is taken.
 */
export const MOE_LAYER_OVERHEAD_SECONDS = 20e-6;

const datacenterEngine: DecodeEfficiencyCell = {
  bandwidthFraction: 0.551,
  layerOverheadSeconds: 16.9e-6,
  prefillComputeFraction: 0.47,
  kvBandwidthFraction: 0.85,
  hostSecondsPerSequence: 0,
  gemmFractionOfMamf: 0.8,
  // The streaming share the GEMM profile was measured with (MEMORY_BOUND_EFFICIENCY, core/gemm.ts).
  gemmBandwidthFraction: 0.8,
  moeLayerOverheadSeconds: MOE_LAYER_OVERHEAD_SECONDS,
  basis: 'fitted',
  derivation: `Weights: ${XIONGJIE} A100 / H100 PCIe F16 rows and ${NEMO}; GEMM share of the MAMF and KV fraction: ${SERVING} (fitted once, with the GEMM profile of core/serving/kernels.ts measured on DeepGEMM's table; host time per sequence fitted to 0). prefillComputeFraction is the fallback for accelerators without a MAMF row.`,
};
/**
 * NVFP4 / MXFP4 weights on GPUs with FP4 tensor cores (Blackwell): the engine cell, with the
 * GEMMs at the FP4 kernels' own measured matmul fraction (`INFERENCE_MATMUL_EFFICIENCY`), not
 * Hopper's FP8 one. On GPUs without FP4 units the weights are dequantised and the GEMMs run at
 * the FP8 / BF16 rate (`denseFlopsFor`), as the engine cell.
 */
const datacenterFp4: DecodeEfficiencyCell = {
  ...datacenterEngine,
  // Batch-1 FP4 GEMV kernels stream the weights at about a fifth of HBM: FlashInfer issue #1732
  // (mm_fp4 CUTLASS, B200, M = 1, N = K = 8192): 1.78 of 8 TB/s = 0.22, where BF16 reaches 5–6 TB/s;
  // vLLM PR #20646 (NVFP4 CUTLASS, M = 1, N = 6144, K = 4096): 11.3 µs for 14.2 MB = 0.16.
  bandwidthFraction: 0.22,
  derivation:
    'The engine cell (weights, KV, layer overhead, GEMM share of the MAMF) with FP4 GEMMs at their own measured MAMF, 0.51 on B200 (INFERENCE_MATMUL_EFFICIENCY: vLLM PR #20646 and FlashInfer PR #1979 NVFP4 GEMM rates with the serving GEMM profile\'s shape penalty), not Hopper\'s FP8 0.734; batch-1 streaming at 0.22 of HBM (FP4 GEMV kernels: FlashInfer issue #1732, vLLM PR #20646). Not fitted on serving rows.',
};
const datacenterGguf: DecodeEfficiencyCell = {
  bandwidthFraction: 0.717,
  layerOverheadSeconds: 151.3e-6,
  prefillComputeFraction: 0.172,
  kvBandwidthFraction: 0.717,
  hostSecondsPerSequence: 0,
  moeLayerOverheadSeconds: 0,
  basis: 'fitted',
  derivation: `${XIONGJIE} A100 / H100 PCIe Q4_0 7B and 70B rows (llama.cpp, 2023); prefill: median of the A100 / H100 pp512 rows of llama.cpp discussion #15013 (llama.cpp does not use Hopper's tensor-core path well). Newer llama.cpp builds (#15013, 2025) decode 7B Q4_0 27–39% faster than this cell predicts: held out, reported.`,
};

function borrowed(from: DecodeEfficiencyCell, what: string): DecodeEfficiencyCell {
  return { ...from, basis: 'borrowed', derivation: what };
}

/** The table: device kind × weight-format class. */
export const DECODE_EFFICIENCY: Readonly<Record<AcceleratorKind, KindTable>> = Object.freeze({
  apple: {
    '16-bit': apple16,
    gguf: appleGguf,
    fp8: borrowed(appleGguf, 'No measurement: Apple GPUs have no FP8 units; quantised kernels as the GGUF cell.'),
    int8: borrowed(appleGguf, 'No measurement: 8-bit kernels (MLX, llama.cpp Q8_0) as the GGUF cell.'),
    '4-bit': borrowed(appleGguf, 'No measurement: 4-bit kernels (MLX, llama.cpp) as the GGUF cell.'),
    fp4: borrowed(appleGguf, 'No measurement: Apple GPUs have no FP4 units; 4-bit kernels (MLX MXFP4) as the GGUF cell.'),
  },
  consumer: {
    '16-bit': consumer16,
    gguf: consumerGguf,
    fp8: borrowed(consumerGguf, 'No measurement: quantised kernels as the GGUF cell.'),
    int8: borrowed(consumerGguf, 'No measurement: quantised kernels as the GGUF cell.'),
    '4-bit': borrowed(consumerGguf, 'No measurement: 4-bit kernels (AWQ / GPTQ / EXL) as the GGUF cell.'),
    fp4: borrowed(consumerGguf, 'No measurement: FP4 kernels on GeForce as the GGUF cell.'),
  },
  datacenter: {
    '16-bit': datacenterEngine,
    gguf: datacenterGguf,
    fp8: borrowed(datacenterEngine, 'vLLM / TensorRT-LLM FP8 kernels: the 16-bit engine cell (the serving reference rows are FP8).'),
    int8: borrowed(datacenterEngine, 'No measurement: the 16-bit engine cell.'),
    '4-bit': borrowed(datacenterEngine, 'No batch-1 measurement: the 16-bit engine cell (AWQ / GPTQ / NF4 weight-only kernels).'),
    fp4: datacenterFp4,
  },
  tpu: {
    '16-bit': borrowed(datacenterEngine, 'No TPU measurement: the datacenter 16-bit engine cell.'),
    gguf: borrowed(datacenterEngine, 'No TPU measurement (llama.cpp does not run on TPUs): the datacenter engine cell.'),
    fp8: borrowed(datacenterEngine, 'No TPU measurement: the datacenter engine cell.'),
    int8: borrowed(datacenterEngine, 'No TPU measurement: the datacenter engine cell.'),
    '4-bit': borrowed(datacenterEngine, 'No TPU measurement: the datacenter engine cell.'),
    fp4: borrowed(datacenterEngine, 'No TPU measurement (TPUs have no FP4 units): the datacenter engine cell.'),
  },
});

/**
 * Measured matmul fractions (MAMF) of inference GEMM kernels where the training table
 * (ACCELERATOR_TRAINING_DEFAULTS in clusters.ts) has none: FP4 on Blackwell. Fraction of the dense
 * datasheet peak at that format, for a large well-shaped GEMM: the measured rate times the serving
 * GEMM profile's shape penalty at the measured shape (1 + 58/M + 448/N + 448/K, core/serving/kernels.ts;
 * scripts/fit-serving-gemm.ts prints it):
 * - vLLM PR #20646 (bench_nvfp4_gemm.py, CUTLASS NVFP4, B200, N = 6144, K = 4096): 3,904 TFLOPS at
 *   M = 16,384 without the activation quantisation × 1.186 / 9,000 = 0.514;
 * - FlashInfer PR #1979 (mm_fp4, cuDNN, B200, M = 1024, N = 7168, K = 4608): 3,798 TFLOPS × 1.216 / 9,000 = 0.513.
 * Two kernels, one figure: 0.51. The activation quantisation is an elementwise pass, not part of it.
 * GB200: assumed as B200 (same GPU; no separate measurement).
 */
export const INFERENCE_MATMUL_EFFICIENCY: Readonly<Record<string, Readonly<Partial<Record<'fp4', number>>>>> = Object.freeze({
  b200: { fp4: 0.51 },
  gb200: { fp4: 0.51 },
});
