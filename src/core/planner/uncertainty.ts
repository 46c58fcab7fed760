/**
 * The planner's stated uncertainty: the band the page puts around every predicted step, and what
 * that band is measured to cover. Units: fractions, counts.
 */

/**
 * Relative spread of the predicted step time: the low / high efficiency assumptions of the
 * uncertainty band. What it covers is measured, not assumed: `STEP_TIME_SPREAD_COVERAGE`.
 * See docs/training-planner.md, "How sure the planner is".
 */
export const STEP_TIME_SPREAD = 0.1;

/**
 * How many of the published layouts the planner is checked on land within ±STEP_TIME_SPREAD of
 * the step time it predicts for them (published / predicted seconds in 0.9 … 1.1): the 25
 * calibration rows, the 38 held-out literature rows, the 14 later NeMo releases, their 4 GB200
 * rows with activation offload and their 6 gpt-oss-120b rows (none within: `MOE_EVIDENCE`), priced
 * as an outside check calls `trainingStep`, and the 10 published runs whose GPU-hours are comparable,
 * priced as the page prices them (`pricePublishedRun`). Three in four; the misses lean
 * slow-predicted on NVIDIA's later software and fast-predicted on Meta's Llama 3 stack and on
 * fine-grained MoE.
 * Recomputed from those tables by test/unit/planner-band.test.ts, which fails when it drifts.
 */
export const STEP_TIME_SPREAD_COVERAGE = { within: 73, checked: 97 } as const;

/**
 * What the checks say about mixture-of-experts models, quoted on the page for them, as published ÷
 * predicted step time − 1 in whole percent: DeepSeek-V3's own run (DualPipe; within `deepSeekV3`),
 * Mixtral-8x7B on NeMo (calibration B200 and held-out GB200: `mixtral`), and NVIDIA's six runs of the
 * fine-grained gpt-oss-120b (128 experts as wide as the hidden size: `fineGrained`), which the model
 * prices fast — it has no router, permutation or grouped-GEMM cost beyond their HBM bytes.
 * Recomputed by test/unit/planner-moe.test.ts, which fails when they drift.
 */
export const MOE_EVIDENCE = {
  deepSeekV3: 1,
  mixtral: [1, 18],
  fineGrainedRuns: 6,
  fineGrained: [24, 68],
} as const;
