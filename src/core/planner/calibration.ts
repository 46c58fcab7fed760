/**
 * The planner's fitted constants, in one place. Each is physical in meaning and was fitted ONCE
 * by `scripts/fit-planner.ts` (a grid search minimising the mean relative error) on the FIT
 * subset of the calibration rows — the Megatron-Core H100 BF16 weak-scaling table and the
 * NeMo 24.09 H100 FP8 rows — and then checked without refitting on the rest (NeMo 25.02/25.04
 * H100, B200, GB200) and on the held-out literature rows (test/fixtures/training-heldout.ts).
 * docs/training-planner.md, "The fit", gives the grid, the residuals and the sources.
 *
 * Not to be changed at run time: the fit script is the only writer (it varies these to search).
 */
export const PLANNER_CALIBRATION = {
  /**
   * GEMM shape penalty E (elements): efficiency = MAMF × sustained / (1 + E/m + E/n + E/k).
   * Partial tiles, partial waves and the k-loop prologue cost about E/dim of a dimension's work.
   */
  gemmEdge: 448,
  /**
   * Sustained fraction of the measured MAMF during a training step: MAMF is a burst figure on
   * one isolated matmul; a training step runs at the power limit (clocks drop on 700–1200 W
   * parts) with NCCL kernels sharing the SMs (NCCL takes 8–32 of 132 SMs while it overlaps).
   */
  sustainedFraction: 0.925,
  /** FlashAttention forward + backward as a fraction of the BF16 dense peak at long sequences. */
  attentionEfficiency: 0.55,
  /** Fraction of tensor-parallel traffic hidden under GEMMs (see step.ts `exposedTp`). */
  tpCommOverlap: 0.9,
  /**
   * Bytes the memory-bound ops really move relative to the fused minimum counted in
   * layer-cost.ts (unfused bias/dropout/residual kernels, layout copies, FP8 amax and transposes).
   */
  memoryTrafficScale: 2,
};
