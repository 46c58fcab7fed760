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

/** What the published checks say about one training software (`FRAMEWORK_EVIDENCE`). */
export interface FrameworkEvidence {
  /** Published layouts and runs priced with this software. */
  runs: number;
  /** Of those, how many ran within ±STEP_TIME_SPREAD of the predicted step time. */
  within: number;
  /** Mean and largest |published ÷ predicted step time − 1|, percent to one decimal. */
  meanError: number;
  worstError: number;
  /** Mean signed published ÷ predicted − 1, percent to one decimal: positive = ran slower than predicted. */
  bias: number;
}

/**
 * The checks grouped by the software each row was priced with: the calibration rows with their
 * table's software (Megatron-Core README, NeMo recipes), the held-out literature rows with their era's
 * (`TrainingStepInput.framework` in the fixtures), NVIDIA's later releases with their recipes, and the
 * comparable published runs as the page prices them — the rows of `STEP_TIME_SPREAD_COVERAGE` less
 * the six gpt-oss-120b runs (`MOE_EVIDENCE`, a named gap). The page quotes the chosen software's row.
 * Recomputed by test/unit/planner-band.test.ts, which fails when they drift.
 */
export const FRAMEWORK_EVIDENCE: Readonly<Record<string, FrameworkEvidence>> = {
  'megatron-core': { runs: 10, within: 10, meanError: 4.2, worstError: 8.9, bias: 0.7 },
  'nemo-2': { runs: 41, within: 30, meanError: 6.7, worstError: 18.6, bias: -3.1 },
  'megatron-lm-2022': { runs: 9, within: 8, meanError: 5.2, worstError: 10.6, bias: -3.1 },
  'megatron-lm-2021': { runs: 16, within: 16, meanError: 3.0, worstError: 5.1, bias: -2.0 },
  'megatron-deepspeed-2021': { runs: 4, within: 3, meanError: 5.2, worstError: 10.3, bias: 5.2 },
  'meta-llama3-2024': { runs: 3, within: 0, meanError: 21.3, worstError: 23.1, bias: 21.3 },
  'fsdp-xformers-2023': { runs: 7, within: 5, meanError: 5.7, worstError: 13.7, bias: -5.7 },
  'dualpipe-2024': { runs: 1, within: 1, meanError: 0.6, worstError: 0.6, bias: 0.6 },
};

/**
 * The planner's accuracy as the page states it, in whole percent of |error|: the 25 calibration
 * rows (throughput, priced as an outside check calls `trainingStep`), the 38 held-out literature rows
 * (step time, default software), and NVIDIA's later releases (NeMo 25.09–26.02): the mean over the
 * 70B and 405B rows, and the range of the 8B rows (all predicted slow: their recipes sped up).
 * Recomputed by test/unit/planner-band.test.ts, which fails when they drift.
 */
export const PLANNER_ACCURACY = {
  calibration: { runs: 25, meanError: 5, worstError: 19 },
  heldOut: { runs: 38, meanError: 6, worstError: 25 },
  laterLargeMeanError: 5,
  laterSmallSlow: [14, 19],
} as const;
