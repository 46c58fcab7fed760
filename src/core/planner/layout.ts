/**
 * Checks that a parallel layout can run, and fills in its defaults. Every rule that fails throws
 * a ConfigError naming it, so the UI can say why (never a number for an impossible layout).
 * Rules follow Megatron-LM's argument checks (megatron/training/arguments.py).
 */
import type { Architecture } from '../types';
import { ConfigError } from '../errors';
import type { ParallelLayout, ResolvedLayout, ZeroStageNumber } from './types';

/** Largest value any parallel degree, batch or sequence length may take (well past the UI's 1e6 GPUs, 10M tokens). */
const MAXIMUM_DEGREE = 1e9;

function integerField(value: unknown, field: string, minimum = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > MAXIMUM_DEGREE) {
    throw new ConfigError(`${field} must be an integer between ${minimum} and ${MAXIMUM_DEGREE}, got ${String(value)}`, field);
  }
  return value;
}

/**
 * Layers per pipeline stage. Even split: layers / pp, which must be a multiple of vp (each
 * virtual stage holds whole layers). Uneven split (Megatron `--decoder-first-pipeline-num-layers`
 * / `--decoder-last-pipeline-num-layers`; Llama 3 §3.3.2 drops one layer from the first and last
 * stage): the given first/last counts, the rest split evenly over the pp − 2 middle stages
 * (pp − 1 when only one end is given). Every stage's count must be a positive multiple of vp.
 */
function stageLayers(
  layers: number,
  pp: number,
  vp: number,
  first: number | undefined,
  last: number | undefined,
): { first: number; middle: number; last: number } {
  if (pp === 1) {
    if ((first !== undefined && first !== layers) || (last !== undefined && last !== layers)) {
      throw new ConfigError(`with pp = 1 the first and last stage hold all ${layers} layers`, 'layout.firstStageLayers');
    }
    if (layers % vp !== 0) throw new ConfigError(`layers (${layers}) must be divisible by vp (${vp})`, 'layout.vp');
    return { first: layers, middle: layers, last: layers };
  }
  if (first === undefined && last === undefined) {
    if (layers % (pp * vp) !== 0) {
      throw new ConfigError(`layers (${layers}) must be divisible by pp × vp (${pp} × ${vp}); give firstStageLayers/lastStageLayers for an uneven pipeline`, 'layout.pp');
    }
    const each = layers / pp;
    return { first: each, middle: each, last: each };
  }
  const firstCount = first === undefined ? undefined : integerField(first, 'layout.firstStageLayers');
  const lastCount = last === undefined ? undefined : integerField(last, 'layout.lastStageLayers');
  const middleStages = pp - (firstCount === undefined ? 0 : 1) - (lastCount === undefined ? 0 : 1);
  const rest = layers - (firstCount ?? 0) - (lastCount ?? 0);
  let middle: number;
  if (middleStages === 0) {
    if (rest !== 0) throw new ConfigError(`firstStageLayers + lastStageLayers must equal layers (${layers}) with pp = 2`, 'layout.firstStageLayers');
    middle = firstCount ?? 0;
  } else {
    if (!(rest > 0) || rest % middleStages !== 0) {
      throw new ConfigError(`the ${rest} layers left after the first/last stage do not split evenly over ${middleStages} middle stages`, 'layout.firstStageLayers');
    }
    middle = rest / middleStages;
  }
  const result = { first: firstCount ?? middle, middle, last: lastCount ?? middle };
  // The first and last stage may hold fewer layers than a multiple of vp: their virtual chunk
  // holds the embedding or the loss instead (Megatron `--account-for-embedding-in-pipeline-split`).
  if (middleStages > 0 && middle % vp !== 0) {
    throw new ConfigError(`the middle stages' layers (${middle}) must be divisible by vp (${vp})`, 'layout.vp');
  }
  for (const count of [result.first, result.last]) {
    if (count > vp * Math.ceil(middle / vp) + vp) {
      throw new ConfigError(`a first/last stage of ${count} layers is larger than the middle stages (${middle}) allow with vp ${vp}`, 'layout.vp');
    }
  }
  return result;
}

/**
 * The layout with defaults filled in (cp, ep, vp = 1; sequenceParallel = tp > 1; zeroStage = 1),
 * after these rules, each a ConfigError naming it:
 *   - every degree, the micro-batch, the global batch and the sequence length are positive integers;
 *   - attention heads divisible by tp; KV heads divisible by tp, or tp a multiple of the KV heads
 *     (the KV heads are then replicated, as Megatron does for GQA/MQA with large TP);
 *   - layers split over pp × vp (uneven first/last stages as given);
 *   - globalBatch divisible by dp × microBatch; the sequence divisible by tp under sequence
 *     parallelism and by 2·cp with context parallelism (load-balanced causal chunks);
 *   - ep > 1 only for MoE models, dividing the experts and dp × cp (EP folds into DP);
 *   - vp > 1 needs pp > 1 and at least pp micro-batches per step (Megatron-Core's interleaved
 *     schedule); zeroStage in 0..3.
 * Tensor parallelism wider than a node is NOT an error here: `trainingStep` prices it on the
 * scale-out network and sets `tpCrossesNode` so the UI can flag it; `planTraining` skips such
 * layouts unless asked (reason 'tp-crosses-node').
 */
/**
 * Megatron-Core's rules for activation offload (`TransformerConfig.__post_init__`): fewer layers
 * than the model has ("CPU offloading can be done only for layers less than num_layers") and no
 * pipeline parallelism ("Currently there is no support for Pipeline parallelism with CPU
 * offloading"). The third, no recomputation, is checked with the recompute mode (`trainingStep`).
 */
function offloadLayers(arch: Architecture, layout: ParallelLayout, pp: number): number {
  if (layout.offloadLayers === undefined || layout.offloadLayers === 0) return 0;
  const count = layout.offloadLayers;
  if (!(Number.isInteger(count) && count >= 0 && count < arch.layers)) {
    throw new ConfigError(`layout.offloadLayers must be an integer from 0 to ${arch.layers - 1} (fewer than the layers), got ${String(count)}`, 'layout.offloadLayers');
  }
  if (pp > 1) throw new ConfigError('activation offload (offloadLayers > 0) needs pp = 1: Megatron-Core has no offload with pipeline parallelism', 'layout.offloadLayers');
  return count;
}

export function resolveLayout(arch: Architecture, layout: ParallelLayout, globalBatch: number, seqLen: number): ResolvedLayout {
  if (typeof layout !== 'object' || layout === null) throw new ConfigError('layout must be an object', 'layout');
  const tp = integerField(layout.tp, 'layout.tp');
  const pp = integerField(layout.pp, 'layout.pp');
  const dp = integerField(layout.dp, 'layout.dp');
  const cp = integerField(layout.cp ?? 1, 'layout.cp');
  const ep = integerField(layout.ep ?? 1, 'layout.ep');
  const vp = integerField(layout.vp ?? 1, 'layout.vp');
  const microBatch = integerField(layout.microBatch, 'layout.microBatch');
  integerField(globalBatch, 'globalBatch');
  integerField(seqLen, 'seqLen');
  const zeroStage = (layout.zeroStage ?? 1) as ZeroStageNumber;
  if (![0, 1, 2, 3].includes(zeroStage)) throw new ConfigError(`layout.zeroStage must be 0, 1, 2 or 3, got ${String(layout.zeroStage)}`, 'layout.zeroStage');
  const sequenceParallel = layout.sequenceParallel ?? tp > 1;
  if (arch.heads % tp !== 0) throw new ConfigError(`attention heads (${arch.heads}) must be divisible by tp (${tp})`, 'layout.tp');
  if (arch.kvHeads % tp !== 0 && tp % arch.kvHeads !== 0) {
    throw new ConfigError(`KV heads (${arch.kvHeads}) must be divisible by tp (${tp}), or tp a multiple of them`, 'layout.tp');
  }
  if (pp > arch.layers) throw new ConfigError(`pp (${pp}) cannot exceed the layers (${arch.layers})`, 'layout.pp');
  if (vp > 1 && pp === 1) throw new ConfigError('vp > 1 (interleaved pipeline) needs pp > 1', 'layout.vp');
  const stages = stageLayers(arch.layers, pp, vp, layout.firstStageLayers, layout.lastStageLayers);
  if (globalBatch % (dp * microBatch) !== 0) {
    throw new ConfigError(`globalBatch (${globalBatch}) must be divisible by dp × microBatch (${dp} × ${microBatch})`, 'globalBatch');
  }
  // Megatron-Core's interleaved 1F1B groups the micro-batches by pp (schedules.py,
  // `forward_backward_pipelining_with_interleaving`: r0.7 raises unless pp divides them; later
  // releases schedule groups of pp): fewer than pp cannot fill the interleaved pipeline.
  const microBatches = globalBatch / (dp * microBatch);
  if (vp > 1 && microBatches < pp) {
    throw new ConfigError(
      `the interleaved schedule (vp ${vp}) needs at least pp (${pp}) micro-batches per step, got globalBatch / (dp × microBatch) = ${microBatches}: use vp 1, a larger global batch or a smaller micro-batch`,
      'layout.vp',
    );
  }
  if (sequenceParallel && tp > 1 && seqLen % (tp * cp) !== 0) {
    throw new ConfigError(`seqLen (${seqLen}) must be divisible by tp × cp (${tp} × ${cp}) with sequence parallelism`, 'seqLen');
  }
  if (cp > 1 && seqLen % (2 * cp) !== 0) throw new ConfigError(`seqLen (${seqLen}) must be divisible by 2 × cp (${2 * cp})`, 'seqLen');
  if (ep > 1) {
    if (!arch.moe) throw new ConfigError(`ep (${ep}) > 1 needs a mixture-of-experts model`, 'layout.ep');
    if (arch.moe.experts % ep !== 0) throw new ConfigError(`experts (${arch.moe.experts}) must be divisible by ep (${ep})`, 'layout.ep');
    if ((dp * cp) % ep !== 0) throw new ConfigError(`ep (${ep}) must divide dp × cp (${dp} × ${cp}): experts are spread over the data-parallel ranks`, 'layout.ep');
  }
  return {
    tp,
    pp,
    dp,
    cp,
    ep,
    vp,
    microBatch,
    sequenceParallel,
    zeroStage,
    firstStageLayers: stages.first,
    lastStageLayers: stages.last,
    middleStageLayers: stages.middle,
    offloadLayers: offloadLayers(arch, layout, pp),
  };
}
