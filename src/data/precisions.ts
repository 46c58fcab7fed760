import type { Precision, PrecisionId } from './types';

/**
 * Number formats for weights, KV cache and training, widest first.
 *
 * `bitsPerWeight` is the storage cost per weight *including* the block scales the format
 * stores beside the weights (an fp16 scale per 32 weights adds 16 / 32 = 0.5 bit), because
 * that is what a checkpoint or a GPU's memory actually holds.
 *
 * `computeFormat` says which dense throughput of an accelerator applies: weight-only formats
 * (INT4, NF4, llama.cpp's Q*) are dequantised and multiplied in 16-bit, so they run at the
 * BF16 rate; MXFP4 / NVFP4 map to the FP4 tensor cores where a GPU has them.
 */
export const PRECISIONS: Readonly<Record<PrecisionId, Precision>> = Object.freeze({
  fp32: {
    id: 'fp32',
    label: 'FP32',
    bitsPerWeight: 32,
    computeFormat: 'fp32',
    kvCapable: true,
    trainable: true,
    source: 'IEEE 754-2008 binary32 (4 bytes)',
  },
  bf16: {
    id: 'bf16',
    label: 'BF16',
    bitsPerWeight: 16,
    computeFormat: 'bf16',
    kvCapable: true,
    trainable: true,
    source: 'bfloat16: 1 sign, 8 exponent, 7 mantissa bits (Google Cloud TPU docs; Kalamkar et al. 2019, arXiv:1905.12322)',
  },
  fp16: {
    id: 'fp16',
    label: 'FP16',
    bitsPerWeight: 16,
    computeFormat: 'fp16',
    kvCapable: true,
    trainable: true,
    source: 'IEEE 754-2008 binary16 (2 bytes); mixed-precision training: Micikevicius et al. 2018, arXiv:1710.03740',
  },
  fp8: {
    id: 'fp8',
    label: 'FP8',
    bitsPerWeight: 8,
    computeFormat: 'fp8',
    kvCapable: true,
    trainable: true,
    source: 'Micikevicius et al. 2022, "FP8 Formats for Deep Learning", arXiv:2209.05433 (E4M3 / E5M2)',
    note:
      'Per-tensor or per-128×128-block fp32 scales (DeepSeek-V3 stores one per 128×128 block: +0.002 bit) are negligible and not counted.',
  },
  int8: {
    id: 'int8',
    label: 'INT8',
    bitsPerWeight: 8,
    computeFormat: 'int8',
    kvCapable: true,
    trainable: false,
    source: 'LLM.int8(): Dettmers et al. 2022, arXiv:2208.07339; SmoothQuant: Xiao et al. 2023, arXiv:2211.10438',
    note:
      'Per-channel scales (one fp16/fp32 per output row of thousands of weights) add < 0.01 bit per weight and are not counted.',
  },
  int4: {
    id: 'int4',
    label: 'INT4',
    bitsPerWeight: 4,
    computeFormat: 'bf16',
    kvCapable: true,
    trainable: false,
    source: 'GPTQ: Frantar et al. 2023, arXiv:2210.17323; AWQ: Lin et al. 2024, arXiv:2306.00978',
    note:
      'Plain 4 bits. Group-wise GPTQ/AWQ checkpoints store an fp16 scale (and a zero point) per group of 128 weights, about +0.13 to +0.25 bit, not counted here. Weight-only: matrix maths run in 16-bit.',
  },
  nf4: {
    id: 'nf4',
    label: 'NF4',
    bitsPerWeight: 4.5,
    computeFormat: 'bf16',
    kvCapable: false,
    trainable: false,
    source:
      'QLoRA: Dettmers et al. 2023, arXiv:2305.14314, §3 (NF4, block size 64; double quantization cuts the constants from 0.5 to 0.127 bit per parameter); bitsandbytes BitsAndBytesConfig bnb_4bit_use_double_quant defaults to False',
    note:
      '4 bits + one fp32 absmax per 64 weights (32 / 64 = 0.5 bit) = 4.5, the bitsandbytes default. With double quantization it is 4.127. Weight-only: matrix maths run in 16-bit.',
  },
  mxfp4: {
    id: 'mxfp4',
    label: 'MXFP4',
    bitsPerWeight: 4.25,
    computeFormat: 'fp4',
    kvCapable: false,
    trainable: false,
    source:
      'OCP Microscaling Formats (MX) Specification v1.0 (2023): 32-element blocks of FP4 E2M1 with one 8-bit E8M0 shared scale',
    note: '4 bits + 8 / 32 = 0.25 bit of scale. On GPUs without FP4 units the FP4 rate is absent and a 16-bit fallback applies.',
  },
  nvfp4: {
    id: 'nvfp4',
    label: 'NVFP4',
    bitsPerWeight: 4.5,
    computeFormat: 'fp4',
    kvCapable: false,
    trainable: false,
    source:
      'NVIDIA Blackwell NVFP4 (NVIDIA technical blog "Introducing NVFP4", 2025; Blackwell architecture docs): 16-element blocks of FP4 E2M1 with one FP8 E4M3 scale, plus one fp32 per-tensor scale',
    note: '4 bits + 8 / 16 = 0.5 bit of block scale; the per-tensor fp32 scale is negligible.',
  },
  q8_0: {
    id: 'q8_0',
    label: 'Q8_0 (GGUF)',
    bitsPerWeight: 8.5,
    computeFormat: 'bf16',
    kvCapable: true,
    trainable: false,
    source: 'llama.cpp ggml-common.h block_q8_0: 32 int8 weights + one fp16 scale = 34 bytes per 32 weights',
    note: '34 × 8 / 32 = 8.5 bits per weight.',
  },
  q4_0: {
    id: 'q4_0',
    label: 'Q4_0 (GGUF)',
    bitsPerWeight: 4.5,
    computeFormat: 'bf16',
    kvCapable: true,
    trainable: false,
    source: 'llama.cpp ggml-common.h block_q4_0: 32 × 4-bit weights + one fp16 scale = 18 bytes per 32 weights',
    note: '18 × 8 / 32 = 4.5 bits per weight.',
  },
  q4_k_m: {
    id: 'q4_k_m',
    label: 'Q4_K_M (GGUF)',
    bitsPerWeight: 4.85,
    computeFormat: 'bf16',
    kvCapable: false,
    trainable: false,
    source:
      'llama.cpp tools/quantize/README.md bits-per-weight table (Llama 2 7B: Q4_K_M 4.84 bpw); mix introduced in llama.cpp PR #1684 (k-quants)',
    note:
      'A mix: most tensors Q4_K (256-weight super-blocks, 4.5 bpw), half of attn_v / ffn_down in Q6_K (6.5625 bpw). Averages 4.8–4.9 bpw on Llama models; 4.85 used.',
  },
} satisfies Record<PrecisionId, Precision>);

/** Precision ids, widest first by stored bits per weight (the order of the picker and the memory chart). */
export const PRECISION_IDS: readonly PrecisionId[] = Object.freeze([
  'fp32',
  'bf16',
  'fp16',
  'q8_0',
  'fp8',
  'int8',
  'q4_k_m',
  'nf4',
  'nvfp4',
  'q4_0',
  'mxfp4',
  'int4',
] as const);

/** Bytes one weight occupies in `precision` (block scales included). */
export function bytesPerWeight(precision: PrecisionId): number {
  return PRECISIONS[precision].bitsPerWeight / 8;
}
