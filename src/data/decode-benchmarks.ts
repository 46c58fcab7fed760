import type { AcceleratorKind, PrecisionId } from './types';

/**
 * llama.cpp's own benchmark scoreboards: batch-1 decode (`tg128`) and prefill (`pp512`) of
 * LLaMA-2 7B on many devices, used with `DECODE_MEASUREMENTS` to fit the decode-efficiency table
 * (`src/data/decode-efficiency.ts`, script `scripts/fit-decode-efficiency.ts`) and to check it.
 *
 * - Apple rows: llama.cpp discussion #4167 "Performance of llama.cpp on Apple Silicon M-series"
 *   (github.com/ggml-org/llama.cpp/discussions/4167; reference build 8e672ef, 2023-11-21, newer chips
 *   added later on newer builds). LLaMA 7B v2 at F16, Q8_0 and Q4_0; `llama-bench`, all layers on
 *   the GPU (Metal). Transcribed through a third-party compilation of the table (values match the
 *   discussion's rows as far as checked: M2 Ultra 76-core Q4_0 94.27 tok/s, M4 Max 83.06).
 * - NVIDIA rows: llama.cpp discussion #15013 "Performance of llama.cpp with CUDA"
 *   (github.com/ggml-org/llama.cpp/discussions/15013, opened 2025-08-01; per-row build hashes),
 *   Llama 2 7B Q4_0, same third-party transcription.
 * The bandwidth is the one the scoreboard prints (Apple) or the datasheet's (NVIDIA). `gpuFp32Flops`
 * of Apple chips is derived (GPU cores × 128 ALUs × 2 × clock: M1 1.278, M2 1.398, M3 1.38,
 * M4 1.58 GHz, the clocks of the Apple rows of `HARDWARE`); Apple publishes none.
 */
export interface DecodeBenchmark {
  id: string;
  /** The MODELS preset measured. */
  modelPresetId: 'llama-2-7b';
  precision: PrecisionId;
  deviceLabel: string;
  kind: AcceleratorKind;
  bandwidthBytesPerSecond: number;
  /** Dense FLOP/s the prefill rate is compared with (FP32 for Apple GPUs, the BF16 row rate for NVIDIA), or null. */
  peakFlops: number | null;
  /** Batch-1 decode, tokens per second (`tg128`). */
  decodeTokensPerSecond: number;
  /** Prompt processing, tokens per second (`pp512`), or null. */
  prefillTokensPerSecond: number | null;
  engine: 'llama.cpp';
  source: string;
}

const APPLE_SOURCE =
  'llama.cpp discussion #4167 (Apple Silicon M-series; LLaMA 7B v2, llama-bench pp512 / tg128, build 8e672ef 2023-11-21 and later rows), via a third-party transcription';
const CUDA_SOURCE =
  'llama.cpp discussion #15013 (CUDA scoreboard, Llama 2 7B Q4_0, llama-bench pp512 / tg128, 2025 builds), via a third-party transcription';

function apple(
  chip: string,
  gpuCores: number,
  bandwidthGBps: number,
  gpuFp32Tflops: number,
  precision: PrecisionId,
  prefill: number | null,
  decode: number,
): DecodeBenchmark {
  return {
    id: `llama-2-7b-${precision.replace('_', '-')}-${chip.toLowerCase().replace(/ /g, '-')}-${gpuCores}c-llamacpp-4167`,
    modelPresetId: 'llama-2-7b',
    precision,
    deviceLabel: `Apple ${chip} (${gpuCores}-core GPU)`,
    kind: 'apple',
    bandwidthBytesPerSecond: bandwidthGBps * 1e9,
    peakFlops: gpuFp32Tflops * 1e12,
    decodeTokensPerSecond: decode,
    prefillTokensPerSecond: prefill,
    engine: 'llama.cpp',
    source: APPLE_SOURCE,
  };
}

function cuda(
  id: string,
  deviceLabel: string,
  kind: AcceleratorKind,
  bandwidthGBps: number,
  bf16Tflops: number,
  prefill: number,
  decode: number,
): DecodeBenchmark {
  return {
    id: `llama-2-7b-q4-0-${id}-llamacpp-15013`,
    modelPresetId: 'llama-2-7b',
    precision: 'q4_0',
    deviceLabel,
    kind,
    bandwidthBytesPerSecond: bandwidthGBps * 1e9,
    peakFlops: bf16Tflops * 1e12,
    decodeTokensPerSecond: decode,
    prefillTokensPerSecond: prefill,
    engine: 'llama.cpp',
    source: CUDA_SOURCE,
  };
}

/** Apple Silicon, discussion #4167: 28 chips × F16 / Q8_0 / Q4_0 (F16 missing on 8 GB-class chips). */
export const LLAMA_CPP_APPLE_BENCHMARKS: readonly DecodeBenchmark[] = Object.freeze([
  apple("M1", 7, 68, 2.3, "q8_0", 108.21, 7.92),
  apple("M1", 7, 68, 2.3, "q4_0", 107.81, 14.19),
  apple("M1", 8, 68, 2.6, "q8_0", 117.25, 7.91),
  apple("M1", 8, 68, 2.6, "q4_0", 117.96, 14.15),
  apple("M1 Pro", 14, 200, 4.6, "fp16", 262.65, 12.75),
  apple("M1 Pro", 14, 200, 4.6, "q8_0", 235.16, 21.95),
  apple("M1 Pro", 14, 200, 4.6, "q4_0", 232.55, 35.52),
  apple("M1 Pro", 16, 200, 5.2, "fp16", 302.14, 12.75),
  apple("M1 Pro", 16, 200, 5.2, "q8_0", 270.37, 22.34),
  apple("M1 Pro", 16, 200, 5.2, "q4_0", 266.25, 36.41),
  apple("M1 Max", 24, 400, 7.9, "fp16", 453.03, 22.55),
  apple("M1 Max", 24, 400, 7.9, "q8_0", 405.87, 37.81),
  apple("M1 Max", 24, 400, 7.9, "q4_0", 400.26, 54.61),
  apple("M1 Max", 32, 400, 10.5, "fp16", 599.53, 23.03),
  apple("M1 Max", 32, 400, 10.5, "q8_0", 537.37, 40.2),
  apple("M1 Max", 32, 400, 10.5, "q4_0", 530.06, 61.19),
  apple("M1 Ultra", 48, 800, 15.7, "fp16", 875.81, 33.92),
  apple("M1 Ultra", 48, 800, 15.7, "q8_0", 783.45, 55.69),
  apple("M1 Ultra", 48, 800, 15.7, "q4_0", 772.24, 74.93),
  apple("M1 Ultra", 64, 800, 20.9, "fp16", 1168.89, 37.01),
  apple("M1 Ultra", 64, 800, 20.9, "q8_0", 1042.95, 59.87),
  apple("M1 Ultra", 64, 800, 20.9, "q4_0", 1030.04, 83.73),
  apple("M2", 8, 100, 2.9, "q8_0", 147.27, 12.18),
  apple("M2", 8, 100, 2.9, "q4_0", 145.91, 21.7),
  apple("M2", 10, 100, 3.6, "fp16", 201.34, 6.72),
  apple("M2", 10, 100, 3.6, "q8_0", 181.4, 12.21),
  apple("M2", 10, 100, 3.6, "q4_0", 179.57, 21.91),
  apple("M2 Pro", 16, 200, 5.7, "fp16", 312.65, 12.47),
  apple("M2 Pro", 16, 200, 5.7, "q8_0", 288.46, 22.7),
  apple("M2 Pro", 16, 200, 5.7, "q4_0", 294.24, 37.87),
  apple("M2 Pro", 19, 200, 6.8, "fp16", 384.38, 13.06),
  apple("M2 Pro", 19, 200, 6.8, "q8_0", 344.5, 23.01),
  apple("M2 Pro", 19, 200, 6.8, "q4_0", 341.19, 38.86),
  apple("M2 Max", 30, 400, 10.7, "fp16", 600.46, 24.16),
  apple("M2 Max", 30, 400, 10.7, "q8_0", 540.15, 39.97),
  apple("M2 Max", 30, 400, 10.7, "q4_0", 537.6, 60.99),
  apple("M2 Max", 38, 400, 13.6, "fp16", 755.67, 24.65),
  apple("M2 Max", 38, 400, 13.6, "q8_0", 677.91, 41.83),
  apple("M2 Max", 38, 400, 13.6, "q4_0", 671.31, 65.95),
  apple("M2 Ultra", 60, 800, 21.5, "fp16", 1128.59, 39.86),
  apple("M2 Ultra", 60, 800, 21.5, "q8_0", 1003.16, 62.14),
  apple("M2 Ultra", 60, 800, 21.5, "q4_0", 1013.81, 88.64),
  apple("M2 Ultra", 76, 800, 27.2, "fp16", 1401.85, 41.02),
  apple("M2 Ultra", 76, 800, 27.2, "q8_0", 1248.59, 66.64),
  apple("M2 Ultra", 76, 800, 27.2, "q4_0", 1238.48, 94.27),
  apple("M3", 10, 100, 3.5, "q8_0", 187.52, 12.27),
  apple("M3", 10, 100, 3.5, "q4_0", 186.75, 21.34),
  apple("M3 Pro", 14, 150, 4.9, "q8_0", 272.11, 17.44),
  apple("M3 Pro", 14, 150, 4.9, "q4_0", 269.49, 30.65),
  apple("M3 Pro", 18, 150, 6.4, "fp16", 357.45, 9.89),
  apple("M3 Pro", 18, 150, 6.4, "q8_0", 344.66, 17.53),
  apple("M3 Pro", 18, 150, 6.4, "q4_0", 341.67, 30.74),
  apple("M3 Max", 30, 300, 10.6, "fp16", 589.41, 19.54),
  apple("M3 Max", 30, 300, 10.6, "q8_0", 566.4, 34.3),
  apple("M3 Max", 30, 300, 10.6, "q4_0", 567.59, 56.58),
  apple("M3 Max", 40, 400, 14.1, "fp16", 779.17, 25.09),
  apple("M3 Max", 40, 400, 14.1, "q8_0", 757.64, 42.75),
  apple("M3 Max", 40, 400, 14.1, "q4_0", 759.7, 66.31),
  apple("M3 Ultra", 60, 800, 21.2, "fp16", 1121.8, 42.24),
  apple("M3 Ultra", 60, 800, 21.2, "q8_0", 1085.76, 63.55),
  apple("M3 Ultra", 60, 800, 21.2, "q4_0", 1073.09, 88.4),
  apple("M3 Ultra", 80, 800, 28.3, "fp16", 1538.34, 39.78),
  apple("M3 Ultra", 80, 800, 28.3, "q8_0", 1487.51, 63.93),
  apple("M3 Ultra", 80, 800, 28.3, "q4_0", 1471.24, 92.14),
  apple("M4", 10, 120, 4.0, "fp16", 230.18, 7.43),
  apple("M4", 10, 120, 4.0, "q8_0", 223.64, 13.54),
  apple("M4", 10, 120, 4.0, "q4_0", 221.29, 24.11),
  apple("M4 Pro", 16, 273, 6.5, "fp16", 381.14, 17.19),
  apple("M4 Pro", 16, 273, 6.5, "q8_0", 367.13, 30.54),
  apple("M4 Pro", 16, 273, 6.5, "q4_0", 364.06, 49.64),
  apple("M4 Pro", 20, 273, 8.1, "fp16", 464.48, 17.18),
  apple("M4 Pro", 20, 273, 8.1, "q8_0", 449.62, 30.69),
  apple("M4 Pro", 20, 273, 8.1, "q4_0", 439.78, 50.74),
  apple("M4 Max", 32, 410, 12.9, "fp16", 736.25, 24.29),
  apple("M4 Max", 32, 410, 12.9, "q8_0", 718.56, 43.87),
  apple("M4 Max", 32, 410, 12.9, "q4_0", 713.93, 69.95),
  apple("M4 Max", 40, 546, 16.2, "fp16", 922.83, 31.64),
  apple("M4 Max", 40, 546, 16.2, "q8_0", 891.94, 54.05),
  apple("M4 Max", 40, 546, 16.2, "q4_0", 885.68, 83.06),
]);

/**
 * NVIDIA, discussion #15013 (Llama 2 7B Q4_0). Bandwidth and BF16 rate from the datasheets (the
 * RTX rows of `HARDWARE` / `LOCAL_DEVICES`); "H100 80GB" is taken as the SXM part (HBM3, 3.35 TB/s)
 * and "A100 80GB" as SXM (2.039 TB/s) — the scoreboard does not say.
 */
export const LLAMA_CPP_CUDA_BENCHMARKS: readonly DecodeBenchmark[] = Object.freeze([
  cuda('rtx-5090', 'RTX 5090', 'consumer', 1792, 209.5, 14073.41, 290.02),
  cuda('rtx-4090', 'RTX 4090', 'consumer', 1008, 165.2, 11992.7, 186.21),
  cuda('rtx-5080', 'RTX 5080', 'consumer', 960, 112.6, 8297.36, 181.99),
  cuda('rtx-5070-ti', 'RTX 5070 Ti', 'consumer', 896, 87.9, 6952.38, 176.85),
  cuda('rtx-3090', 'RTX 3090', 'consumer', 936, 71, 5174.69, 158.16),
  cuda('rtx-5060-ti', 'RTX 5060 Ti', 'consumer', 448, 47.4, 3737.25, 90.94),
  cuda('h100-sxm', 'H100 80GB (SXM assumed)', 'datacenter', 3350, 989.5, 9918.34, 267.81),
  cuda('a100-sxm-80gb', 'A100 80GB (SXM assumed)', 'datacenter', 2039, 312, 4849.53, 190.88),
]);
