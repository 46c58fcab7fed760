/**
 * The planner's fitted constants, in one place. Everything else in the step model is a measured
 * figure: peaks and bandwidths (data sheets), MAMF and its shape, SM counts and the per-tile GEMM
 * cost (src/data/clusters.ts, checked against published GEMM curves in test/unit/gemm.test.ts),
 * attention kernel curves (FlashAttention-2/3 papers' figures), link speeds and NCCL latencies.
 * These five are what no kernel measurement pins down. Each was fitted by `scripts/fit-planner.ts`
 * (Nelder–Mead minimising the mean |relative error|) on the 25 given calibration rows only — the
 * Megatron-Core H100 BF16 weak-scaling table and the NeMo 24.09 / 25.02 / 25.04 FP8 rows, priced
 * as an outside check calls `trainingStep` — and then checked without refitting on the held-out
 * literature rows (test/fixtures/training-heldout.ts): `sustainedFraction` in the third pass (held
 * since: the held-out A100 rows depend on it), the other four in the fourth pass, after Megatron-Core
 * r0.8's data-parallel schedule and FP32 gradient reduction entered the model.
 * docs/training-planner.md, "The fit", gives the residuals and the sources.
 *
 * Not to be changed at run time: the fit script is the only writer (it varies these to search).
 */
export const PLANNER_CALIBRATION = {
  /**
   * Sustained fraction of the measured kernel rates (MAMF, attention curves) during a training
   * step: MAMF and the attention figures are burst measurements of one isolated kernel; a training
   * step runs at the power limit (clocks drop on 700–1200 W parts) with NCCL kernels sharing the SMs
   * (NCCL takes 8–32 of 132 SMs while it overlaps).
   */
  sustainedFraction: 0.78,
  /**
   * The same for 8-bit (FP8) GEMMs: they run at twice the 16-bit rate, so they meet the power
   * limit sooner, and Transformer Engine adds per-GEMM amax and scale kernels.
   */
  fp8SustainedFraction: 0.7284,
  /**
   * The same for the attention kernels: the published FlashAttention / cuDNN curves are isolated
   * kernel measurements (Bekman measured FA3 inside a Llama-3.1-8B training step on H200 at 447
   * TFLOP/s against ≈ 575 isolated at 8K: 0.78).
   */
  attentionSustainedFraction: 0.5944,
  /**
   * What Blackwell GEMMs (B200, GB200) realise of their MAMF in a step relative to Hopper's: power-
   * limited clocks at 1000–1200 W and younger sm_100 libraries (Bekman's H200 → B200 Llama-3.1-8B
   * step measured the dense path at 1.67× for a 2.20× MAMF ratio: 0.76, an upper bound on the
   * penalty because that bucket also holds elementwise work).
   */
  blackwellGemmFraction: 0.8844,
  /** Fraction of tensor-parallel traffic hidden under GEMMs (see step.ts `exposedTp`). */
  tpCommOverlap: 0.9039,
};
