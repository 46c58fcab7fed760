/**
 * The size slider's shape rule: a plausible modern dense decoder for a bare parameter count.
 */
import { ConfigError } from '../errors';
import type { Architecture } from '../types';
import { LLAMA_DETAILS } from './build';
import { describe } from './config';

interface SizeStep {
  hidden: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  ffn: number;
  vocab: number;
  /** Parameters outside the layers: input and output embeddings, final norm. */
  fixed: number;
  /** Parameters of one layer. */
  perLayer: number;
  /** Fewest layers this width is used with. */
  minimumLayers: number;
  /** Smallest requested size at which this width is used (made monotone, see below). */
  threshold: number;
}

/** Widths of the shape rule: 64…224 by 32, 256…960 by 64, then 8 steps per octave from 1024. */
function shapeWidths(): number[] {
  const widths: number[] = [];
  for (let width = 64; width < 256; width += 32) widths.push(width);
  for (let width = 256; width < 1024; width += 64) widths.push(width);
  for (let octave = 1024; octave <= 524288; octave *= 2) {
    for (let step = 0; step < 8; step += 1) widths.push(octave + (octave / 8) * step);
  }
  return widths;
}

/** Target depth for a width: hidden/16 up to 32 layers, 32 layers to hidden 4096, then hidden/128. */
function targetLayers(hidden: number): number {
  if (hidden >= 4096) return hidden / 128;
  return Math.min(32, hidden / 16);
}

function sizeStep(hidden: number): Omit<SizeStep, 'threshold'> {
  const headDim = hidden < 256 ? 32 : hidden < 2048 ? 64 : 128;
  const heads = hidden / headDim;
  // GQA with 8 groups (or the largest power of two ≤ 8 dividing heads) from 16 heads; MHA below.
  let kvHeads = heads;
  if (heads >= 16) {
    kvHeads = 8;
    while (heads % kvHeads !== 0) kvHeads /= 2;
  }
  const multiple = hidden >= 1024 ? 256 : 64;
  const ffn = multiple * Math.ceil((8 * hidden) / 3 / multiple);
  const vocab = Math.min(32000, 32 * hidden);
  const perLayer = 2 * hidden * heads * headDim + 2 * hidden * kvHeads * headDim + 3 * hidden * ffn + 2 * hidden;
  return {
    hidden,
    heads,
    kvHeads,
    headDim,
    ffn,
    vocab,
    fixed: 2 * vocab * hidden + hidden,
    perLayer,
    minimumLayers: Math.max(6, Math.round(0.6 * targetLayers(hidden))),
  };
}

/**
 * The table behind {@link architectureFromParams}, built once. Width k is used from
 * threshold_k on: the geometric mean of the ideal totals (target depth) of widths k−1 and k,
 * moved up to the next half-layer point E_k + (m − ½)·B_k with m ≥ minimumLayers, then made
 * non-decreasing (suffix minimum), so that picking "the widest k with threshold_k ≤ P" and
 * rounding the depth keeps the total monotone in P.
 */
const SIZE_STEPS: readonly SizeStep[] = (() => {
  const steps = shapeWidths().map(sizeStep);
  const ideal = steps.map((step) => step.fixed + targetLayers(step.hidden) * step.perLayer);
  const raw = steps.map((step, index) => {
    if (index === 0) return -Infinity;
    const geometricMean = Math.sqrt((ideal[index - 1] ?? 0) * (ideal[index] ?? 0));
    const layers = Math.max(step.minimumLayers, Math.ceil((geometricMean - step.fixed) / step.perLayer + 0.5));
    return step.fixed + (layers - 0.5) * step.perLayer;
  });
  const thresholds = raw.slice();
  for (let index = thresholds.length - 2; index >= 0; index -= 1) {
    thresholds[index] = Math.min(thresholds[index] ?? Infinity, thresholds[index + 1] ?? Infinity);
  }
  return steps.map((step, index) => ({ ...step, threshold: thresholds[index] ?? Infinity }));
})();

/**
 * The ffn width and vocabulary that bring the total of `layers` layers of `step` onto `wanted`:
 * ffn moves in steps of 2 (a step adds 6·hidden·layers parameters; an even ffn keeps every total
 * ≡ hidden mod 2·hidden), kept within half and twice Llama's width, then the vocabulary
 * absorbs what is left, to the nearest row (2·hidden parameters a row, untied). The total is then
 * within ±hidden of `wanted`: "100B" is a 100,000,001,024-parameter model, not 100.64B.
 */
function landOnSize(step: Omit<SizeStep, 'threshold'>, layers: number, wanted: number): { ffn: number; vocab: number } {
  const { hidden } = step;
  const ffnStepParams = 6 * hidden * layers;
  const ruleTotal = step.fixed + layers * step.perLayer;
  const ffnSteps = Math.round((wanted - ruleTotal) / ffnStepParams);
  const ffn = Math.min(2 * step.ffn, Math.max(2 * Math.ceil(step.ffn / 4), step.ffn + 2 * ffnSteps));
  const withFfn = ruleTotal + (ffn - step.ffn) * 3 * hidden * layers;
  const vocab = Math.max(1, step.vocab + Math.round((wanted - withFfn) / (2 * hidden)));
  return { ffn, vocab };
}

/** Requested sizes are clamped to this range (the top keeps the result below 1e15). */
const SHAPE_RULE_RANGE = [1e6, 0.99e15] as const;

/**
 * The size slider's shape rule: a plausible modern dense decoder (Llama-style: RMSNorm,
 * SwiGLU, untied embeddings, GQA, RoPE, no biases) whose exact {@link countParameters} total is
 * close to `params`.
 *   hidden: 64…224 in steps of 32, 256…960 in steps of 64, then 8 steps per octave
 *     (1024, 1152, …, 4096, 4608, 5120, …, 8192, 9216, …, 12288, …, 16384, …) — real widths;
 *   layers ≈ hidden/16 for small models, 32 from hidden 512 to 4096 (as in Llama-2-7B, Qwen2.5,
 *     SmolLM), hidden/128 above (GPT-3 12288/96, Llama-3-405B 16384/126); the depth is then
 *     rounded so the total meets `params` (at least 6 layers, at least 0.6 × the target);
 *   head dim 32 below hidden 256, 64 below 2048, else 128; kvHeads = heads below 16 heads,
 *     else 8 (or the largest power of two ≤ 8 dividing heads);
 *   ffn = 8/3·hidden rounded up to a multiple of 256 (of 64 below hidden 1024) — Llama's rule
 *     (4096 → 11008, 5120 → 13824) — then moved by a few steps of 2 (at most 12.5 %, typically
 *     under 2 %) and vocab = min(32000, 32·hidden) by a few rows (±1.5·layers) so that the
 *     total lands on `params` (see landOnSize); context 4096.
 * Achieved error of the total vs `params` (400,000-point log sweep, re-checked in the tests):
 * within ±hidden parameters — relative 1.6e-4 at worst below 1e8, 1e-5 from 1e8 to 1e11, 1e-7
 * above — and −1 % at 1e15 (the clamp below). Typed sizes are kept: 1e11 gives 100,000,001,024.
 * Non-decreasing in `params` (the depth rounding and the ffn / vocab steps keep every total of a
 * width ≡ hidden mod 2·hidden; a width switch aims 2·hidden above its threshold), deterministic,
 * O(log n) over a 98-row table (about 2 µs per call here). Inputs outside [1e6, 0.99e15] are clamped.
 * Throws ConfigError for a non-finite or non-positive `params`.
 * Units: parameters in, architecture out. Source: this explorer's rule; aspect ratios from
 * Brown et al. 2020 Table 2.1, Touvron et al. 2023 (Llama 2) and Dubey et al. 2024 Table 3.
 */
export function architectureFromParams(params: number): Architecture {
  if (typeof params !== 'number' || !Number.isFinite(params) || params <= 0) {
    throw new ConfigError(`params must be a positive finite number, got ${describe(params)}`, 'params');
  }
  const wanted = Math.min(SHAPE_RULE_RANGE[1], Math.max(SHAPE_RULE_RANGE[0], params));
  // The widest step whose threshold is at most `wanted` (thresholds are non-decreasing).
  let low = 0;
  let high = SIZE_STEPS.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((SIZE_STEPS[middle]?.threshold ?? Infinity) <= wanted) low = middle;
    else high = middle - 1;
  }
  const step = SIZE_STEPS[low] ?? sizeStep(64);
  const rounded = Math.floor((wanted - step.fixed) / step.perLayer + 0.5);
  const layers = Math.max(low === 0 ? 1 : step.minimumLayers, rounded);
  // Just above a width switch, aim at threshold + 2·hidden: every total of the narrower width is
  // below threshold + its hidden, so the total never steps back where the width changes.
  const target = Math.max(wanted, (SIZE_STEPS[low]?.threshold ?? -Infinity) + 2 * step.hidden);
  const { ffn, vocab } = landOnSize(step, layers, target);
  return {
    family: 'llama',
    approximate: false,
    encoderOnly: false,
    hidden: step.hidden,
    layers,
    heads: step.heads,
    kvHeads: step.kvHeads,
    headDim: step.headDim,
    ffn,
    vocab,
    contextLength: 4096,
    slidingWindow: null,
    slidingWindowLayers: 0,
    moe: null,
    mla: null,
    details: LLAMA_DETAILS,
  };
}
