/**
 * Fits the serving GEMM profile (src/core/serving/kernels.ts) on DeepGEMM's 28 published H800 FP8
 * shapes, and derives the B200 FP4 MAMF (src/data/decode-efficiency.ts) from two FP4 GEMM kernel
 * measurements with that profile. Kernel benchmarks only (test/fixtures/gemm-kernels.ts); run once:
 *   npx tsx scripts/fit-serving-gemm.ts
 * Prints: the free fit of (E, E_m, p); the fit of (E_m, p) with E fixed at the planner's 448; the
 * FP4 MAMF each measurement implies.
 */
import { gemmSeconds, MEMORY_BOUND_EFFICIENCY } from '../src/core/gemm';
import type { GemmKernelProfile } from '../src/core/gemm';
import { SERVING_GEMM_EDGE, SERVING_GEMM_EDGE_M, ROOFLINE_SHARPNESS } from '../src/core/serving/kernels';
import { getAccelerator } from '../src/data/hardware';
import { DEEPGEMM_H800_FP8, FLASHINFER_MM_FP4_B200, VLLM_NVFP4_B200 } from '../test/fixtures/gemm-kernels';
import type { GemmMeasurement } from '../test/fixtures/gemm-kernels';

const H800 = getAccelerator('h800-sxm');
const B200 = getAccelerator('b200');
if (!H800 || !B200) throw new Error('h800-sxm / b200 missing from HARDWARE');
/** FP8 MAMF of the Hopper die (Bekman's table, H200 1453.4 / 1979; the H800 is the same die). */
const HOPPER_FP8_MAMF = 0.734;

function profile(edge: number, edgeM: number, sharpness: number): GemmKernelProfile {
  return { edge, edgeM, sustainedFraction: 1, memoryEfficiency: MEMORY_BOUND_EFFICIENCY, sharpness };
}

function logErrors(rows: readonly GemmMeasurement[], p: GemmKernelProfile, peak: number, mamf: number, bandwidth: number, bytes: number): number[] {
  return rows.map((row) => {
    const measured = (row.groups * 2 * row.m * row.n * row.k) / (row.tflops * 1e12);
    return Math.log((row.groups * gemmSeconds(row.m, row.n, row.k, peak, mamf, bytes, bandwidth, p)) / measured);
  });
}

function summary(errors: number[]): string {
  const mean = errors.reduce((sum, e) => sum + Math.abs(e), 0) / errors.length;
  const rms = Math.sqrt(errors.reduce((sum, e) => sum + e * e, 0) / errors.length);
  return `mean |log error| ${(mean * 100).toFixed(1)}%, rms ${(rms * 100).toFixed(1)}%, worst ${(Math.max(...errors.map(Math.abs)) * 100).toFixed(1)}%`;
}

function fit(edges: number[], edgesM: number[], sharpnesses: number[]): { edge: number; edgeM: number; sharpness: number; loss: number } {
  let best = { edge: 0, edgeM: 0, sharpness: 0, loss: Infinity };
  for (const sharpness of sharpnesses)
    for (const edge of edges)
      for (const edgeM of edgesM) {
        const errors = logErrors(DEEPGEMM_H800_FP8, profile(edge, edgeM, sharpness), H800!.denseFlops.fp8!, HOPPER_FP8_MAMF, H800!.bandwidthBytesPerSecond, 1);
        const loss = errors.reduce((sum, e) => sum + e * e, 0);
        if (loss < best.loss) best = { edge, edgeM, sharpness, loss };
      }
  return best;
}

const range = (from: number, to: number, step: number) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);
const sharpnesses = [1.5, 2, 3, 4, Infinity];

const free = fit(range(0, 1000, 8), range(0, 300, 2), sharpnesses);
console.log(`free fit: E = ${free.edge}, E_m = ${free.edgeM}, p = ${free.sharpness}`);
const fixed = fit([SERVING_GEMM_EDGE], range(0, 300, 2), sharpnesses);
console.log(`E fixed at ${SERVING_GEMM_EDGE}: E_m = ${fixed.edgeM}, p = ${fixed.sharpness}`);
const chosen = profile(SERVING_GEMM_EDGE, SERVING_GEMM_EDGE_M, ROOFLINE_SHARPNESS);
console.log(`profile in kernels.ts (E ${SERVING_GEMM_EDGE}, E_m ${SERVING_GEMM_EDGE_M}, p ${ROOFLINE_SHARPNESS}): ${summary(logErrors(DEEPGEMM_H800_FP8, chosen, H800.denseFlops.fp8!, HOPPER_FP8_MAMF, H800.bandwidthBytesPerSecond, 1))}`);

/** The MAMF a measured rate implies once the profile's shape penalty at that shape is allowed for. */
function impliedMamf(row: GemmMeasurement, peak: number): number {
  const shape = 1 + SERVING_GEMM_EDGE_M / row.m + SERVING_GEMM_EDGE / row.n + SERVING_GEMM_EDGE / row.k;
  return ((row.tflops * 1e12) / peak) * shape;
}
for (const row of [...VLLM_NVFP4_B200.filter((r) => r.m === 16384), FLASHINFER_MM_FP4_B200]) {
  console.log(`B200 FP4 at M ${row.m}, N ${row.n}, K ${row.k}: ${row.tflops.toFixed(0)} TFLOPS → MAMF ${impliedMamf(row, B200.denseFlops.fp4!).toFixed(3)}`);
}
