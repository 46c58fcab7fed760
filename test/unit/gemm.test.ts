/**
 * The shared GEMM model (src/core/gemm.ts) on published kernel measurements: tile and wave
 * quantisation over the accelerator's SMs, anchored at the measured MAMF, plus a fixed time per
 * kernel. Nothing here is fitted to these figures except the one fixed time (10 µs, from the
 * same two sources: see GEMM_KERNEL_FIXED_SECONDS).
 */
import { describe, expect, it } from 'vitest';
import { gemmSeconds, gemmTiling, GEMM_KERNEL_FIXED_SECONDS, MEMORY_BOUND_EFFICIENCY, matmulEfficiency, tileEfficiency, type GemmKernelProfile } from '../../src/core/gemm';
import { getAccelerator } from '../../src/data/hardware';
import type { Accelerator, ComputeFormat } from '../../src/data/types';
import { A100_CUBLAS_BF16_SQUARE, B200_CUBLAS_BF16 } from '../fixtures/gemm-throughput';

function accelerator(id: string): Accelerator {
  const row = getAccelerator(id);
  if (!row) throw new Error(id);
  return row;
}

/** The isolated-kernel profile: the accelerator's tiling, no step-level sustained fraction. */
function isolated(device: Accelerator, format: ComputeFormat, fixedSeconds = GEMM_KERNEL_FIXED_SECONDS): GemmKernelProfile {
  return { edge: 0, tiling: gemmTiling(device, format), sustainedFraction: 1, memoryEfficiency: MEMORY_BOUND_EFFICIENCY, sharpness: Infinity, fixedSeconds };
}

function teraflops(device: Accelerator, m: number, n: number, k: number, fixedSeconds?: number): number {
  const peak = device.denseFlops.bf16 ?? 0;
  const seconds = gemmSeconds(m, n, k, peak, matmulEfficiency(device, 'bf16', false), 2, device.bandwidthBytesPerSecond, isolated(device, 'bf16', fixedSeconds));
  return (2 * m * n * k) / seconds / 1e12;
}

describe('GEMM model: tile and wave quantisation anchored at the measured MAMF', () => {
  it.each([
    ['a100-sxm-80gb', 1024, 10240, 5120, 271.2],
    ['h100-sxm', 2048, 2048, 13312, 794.5],
    ['b200', 1792, 16128, 3072, 1745],
  ] as const)('%s reproduces Bekman\'s MAMF at the shape it was measured on (%i×%i×%i: %f TFLOP/s)', (id, m, n, k, measured) => {
    expect(teraflops(accelerator(id), m, n, k, 0) / measured - 1).toBeCloseTo(0, 2);
  });

  const a100 = accelerator('a100-sxm-80gb');
  const errors = A100_CUBLAS_BF16_SQUARE.map(([size, measured]) => teraflops(a100, size, size, size) / measured - 1);
  it.each(A100_CUBLAS_BF16_SQUARE.map(([size, measured], index) => [size, measured, errors[index] ?? Infinity] as const))(
    'A100 cuBLAS BF16 %i³ (NVIDIA CUDA 11 blog, Figure 6: %f TFLOP/s) within ±8 %',
    (_size, _measured, error) => {
      expect(Math.abs(error)).toBeLessThanOrEqual(0.08);
    },
  );
  it('follows the A100 curve\'s saw-tooth within a mean of 5 % (1024³ … 8192³)', () => {
    expect(errors.reduce((sum, error) => sum + Math.abs(error), 0) / errors.length).toBeLessThanOrEqual(0.05);
    // A partial wave costs a whole one: 2304³ fills three waves of 128 × 128 tiles on 108 SMs
    // exactly, 2560³ needs a fourth, and the measured throughput drops as the model's does.
    expect(teraflops(a100, 2560, 2560, 2560)).toBeLessThan(teraflops(a100, 2304, 2304, 2304));
  });

  const b200 = accelerator('b200');
  it.each(B200_CUBLAS_BF16.map(([m, n, k, measured]) => [m, n, k, measured] as const))(
    'B200 cuBLAS BF16 %i×%i×%i (pyptx.dev: %f TFLOP/s) within ±8 %',
    (m, n, k, measured) => {
      expect(Math.abs(teraflops(b200, m, n, k) / measured - 1)).toBeLessThanOrEqual(0.08);
    },
  );

  it('counts waves over the SMs of the data sheet: 108 tiles fill one A100 wave, 109 need two', () => {
    // 9 × 12 tiles of 256 × 128 = 108 (one wave); one more row of tiles is a second, mostly idle wave.
    expect(tileEfficiency(9 * 256, 12 * 128, 108)).toBe(1);
    expect(tileEfficiency(9 * 256 + 1, 12 * 128, 108)).toBeLessThan(0.8);
    expect(gemmTiling(a100, 'bf16')?.multiprocessors).toBe(108);
    expect(gemmTiling(accelerator('h100-sxm'), 'bf16')?.multiprocessors).toBe(132);
    expect(gemmTiling(b200, 'bf16')?.multiprocessors).toBe(148);
  });
});
