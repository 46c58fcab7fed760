/**
 * Training compute, time, cost and energy. Units: FLOPs, FLOP/s, GPU-hours, days, US dollars,
 * joules. Sources: see `SOURCES` ids in each JSDoc.
 */
import type { Architecture } from './types';
import { slidingWindowLayerCount } from './memory';
import { HOURS_PER_DAY, JOULES_PER_KWH, SECONDS_PER_HOUR, nonNegative, ratio } from './units';

/**
 * Training FLOPs of a dense transformer step count: 6 × parameters × tokens
 * (2 for the forward multiply-adds, 4 for the backward pass), attention over the context ignored.
 *   flops = 6 × activeParams × tokens
 * For a mixture of experts pass the active parameters (compute pays only for the chosen experts).
 * Units: FLOPs. Sources: kaplan2020 §2.1; hoffmann2022 App. F.
 * Example: GPT-3, 174.6e9 × 300e9 tokens → 3.14e23 (Brown et al. 2020 Table D.1: 3.64e3 PF-days).
 */
export function trainingFlops(activeParams: number, tokens: number): number {
  return nonNegative(6 * nonNegative(activeParams) * nonNegative(tokens));
}

/**
 * Width of the attention's query–key and attention–value products, Kaplan's d_attn:
 * heads × headDim; for MLA the mean of the QK width heads × (qkNope + qkRope) and the AV width
 * heads × vHeadDim. Units: values.
 */
export function attentionWidth(arch: Architecture): number {
  if (arch.mla) {
    const qk = arch.heads * (arch.mla.qkNopeHeadDim + arch.mla.qkRopeHeadDim);
    const av = arch.heads * arch.mla.vHeadDim;
    return nonNegative((qk + av) / 2);
  }
  return nonNegative(arch.heads * arch.headDim);
}

/**
 * Attention FLOPs over the context that 6·N·D leaves out, for a training run:
 *   6 × Σ_layers min(seqLen, window_layer) × d_attn × tokens
 * i.e. per token 2·n_layer·n_ctx·d_attn forward (Kaplan Table 1, "attention: QK logits and
 * weighted values"), three times for forward + backward. Sliding-window layers attend over at most
 * their window. Counts the full (unmasked) context as Kaplan does; causal kernels skip about half.
 * Units: FLOPs. Sources: kaplan2020 §2.1 and Table 1; hoffmann2022 App. F.
 */
export function attentionTrainingFlops(arch: Architecture, tokens: number, seqLen: number): number {
  return nonNegative(3 * attentionForwardFlopsPerToken(arch, seqLen) * nonNegative(tokens));
}

/**
 * Forward attention FLOPs per token at a context of `contextTokens`:
 *   2 × Σ_layers min(context, window_layer) × d_attn   (kaplan2020 Table 1)
 * Encoder-only models attend over the whole sequence as well. Units: FLOPs per token.
 */
export function attentionForwardFlopsPerToken(arch: Architecture, contextTokens: number): number {
  const context = nonNegative(contextTokens);
  const windowLayers = slidingWindowLayerCount(arch);
  const window = arch.slidingWindow ?? 0;
  const layerContexts = (arch.layers - windowLayers) * context + windowLayers * Math.min(context, window);
  return nonNegative(2 * layerContexts * attentionWidth(arch));
}

/**
 * GPU-hours to perform `flops` at a fraction `mfu` of a GPU's dense peak.
 *   gpuHours = flops / (peakFlopsPerGpu × mfu) / 3600
 * Units: GPU-hours. MFU as defined by PaLM (model FLOPs over peak; recomputation not counted).
 * Sources: chowdhery2022 App. B; llama3 Table 4 (41% MFU on 16,384 H100).
 */
export function trainingGpuHours(flops: number, peakFlopsPerGpu: number, mfu: number): number {
  return ratio(nonNegative(flops), nonNegative(peakFlopsPerGpu) * nonNegative(mfu) * SECONDS_PER_HOUR);
}

/**
 * Wall-clock days for `gpuHours` spread over `gpus` GPUs working in parallel.
 *   days = gpuHours / gpus / 24
 * Units: days. Assumes perfect scaling (the MFU already holds the efficiency loss) and no downtime.
 */
export function trainingDays(gpuHours: number, gpus: number): number {
  return ratio(nonNegative(gpuHours), Math.max(1, nonNegative(gpus)) * HOURS_PER_DAY);
}

/**
 * Rental cost of the GPU-hours.  cost = gpuHours × usdPerGpuHour
 * Units: US dollars. Excludes storage, networking, staff and failed runs.
 * Source: deepseek2024v3 Table 1 (2.788M H800-hours × $2 = $5.576M).
 */
export function trainingCostUsd(gpuHours: number, usdPerGpuHour: number): number {
  return nonNegative(nonNegative(gpuHours) * nonNegative(usdPerGpuHour));
}

/**
 * Facility energy of the GPU-hours at board power `tdpWatts` and data-centre PUE.
 *   joules = gpuHours × 3600 × tdpWatts × pue
 * Units: joules. Uses TDP as the average draw (an upper bound; Patterson measured ≈ 330 W on
 * 300 W-TDP V100 systems including host share). Sources: patterson2021 §2; touvron2023 Table 15.
 */
export function trainingEnergyJoules(gpuHours: number, tdpWatts: number, pue: number): number {
  return nonNegative(nonNegative(gpuHours) * SECONDS_PER_HOUR * nonNegative(tdpWatts) * nonNegative(pue));
}

/**
 * Electricity cost.  cost = joules / 3.6e6 J per kWh × usdPerKwh
 * Units: US dollars. Source: definition (1 kWh = 3.6 MJ).
 */
export function energyCostUsd(joules: number, usdPerKwh: number): number {
  return nonNegative((nonNegative(joules) / JOULES_PER_KWH) * nonNegative(usdPerKwh));
}

/**
 * The MFU a published run implies: flops / (gpuHours × 3600 × peak). Lower than the true MFU
 * when the hours include downtime, evaluation or post-training.
 * Units: fraction. Source: chowdhery2022 App. B.
 */
export function impliedMfu(flops: number, gpuHours: number, peakFlopsPerGpu: number): number {
  return ratio(nonNegative(flops), nonNegative(gpuHours) * SECONDS_PER_HOUR * nonNegative(peakFlopsPerGpu));
}

/** What a whole training run's totals depend on (besides its FLOPs). */
export interface TrainingRunOptions {
  /** Dense peak FLOP/s of one GPU at the run's compute format. */
  peakFlopsPerGpu: number;
  /** Model FLOPs utilisation, 0–1: typed by the user today, predicted by a step model later. */
  mfu: number;
  /** GPUs working in parallel. */
  gpus: number;
  /** Board power of one GPU, watts. */
  tdpWatts: number;
  /** Data-centre power usage effectiveness (≥ 1). */
  pue: number;
  usdPerGpuHour: number;
  usdPerKwh: number;
  /**
   * Share of the wall-clock spent on training steps, in (0, 1] ("effective training time": Llama 3
   * 405B kept above 90 % over 54 days on 16K H100 with 466 interruptions, arXiv:2407.21783 §3.3.4):
   * restarts, work lost since the last checkpoint, checkpoint stalls and evaluation take the rest,
   * with the GPUs still allocated. Absent = 1: the steps only.
   */
  goodput?: number;
}

export interface TrainingRunTotals {
  gpuHours: number;
  /** Wall-clock days on `gpus` GPUs. */
  days: number;
  /** GPU rental. */
  costUsd: number;
  /** Facility energy (board power × PUE). */
  energyJoules: number;
  energyCostUsd: number;
}

/**
 * A training run's totals from its FLOPs: the one composition of `trainingGpuHours`,
 * `trainingDays`, `trainingCostUsd`, `trainingEnergyJoules` and `energyCostUsd`, used by
 * `estimate()` and by the cost-vs-scale chart so the two can never disagree.
 *   gpuHours = flops / (peak × mfu × 3600) / goodput; days = gpuHours / gpus / 24
 *   cost = gpuHours × price; energy = gpuHours × 3600 × tdp × pue; energy cost = energy / 3.6e6 × price per kWh
 * Units: GPU-hours, days, US dollars, joules. Assumes perfect scaling at the given MFU; downtime
 * only through `goodput` (default 1: none). Energy counts the allocated hours at board power, an
 * upper bound (idle GPUs during a restart draw less). Sources: chowdhery2022 App. B (MFU); deepseek2024v3 Table 1 (2.788M H800-hours ×
 * $2 = $5.576M); patterson2021 §2 (energy and PUE).
 */
export function trainingRunTotals(flops: number, options: TrainingRunOptions): TrainingRunTotals {
  const goodput = options.goodput !== undefined && options.goodput > 0 && options.goodput <= 1 ? options.goodput : 1;
  const gpuHours = trainingGpuHours(flops, options.peakFlopsPerGpu, options.mfu) / goodput;
  const energyJoules = trainingEnergyJoules(gpuHours, options.tdpWatts, options.pue);
  return {
    gpuHours,
    days: trainingDays(gpuHours, options.gpus),
    costUsd: trainingCostUsd(gpuHours, options.usdPerGpuHour),
    energyJoules,
    energyCostUsd: energyCostUsd(energyJoules, options.usdPerKwh),
  };
}
