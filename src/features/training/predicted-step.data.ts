/**
 * Pure shapers for the planner's prediction in the training section: the values a layout rule's
 * sentence names (GPUs, degrees, heads, layers, batch) and the cluster figures of a step.
 */
import type { Estimate, TrainingStep } from '../../core';
import type { Lang } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';

/** The numbers a rule's sentence fills in, formatted for `lang`; every one finite (the scenario's whole numbers). */
export function layoutProblemValues(estimate: Estimate, lang: Lang): Record<string, string> {
  const t = estimate.training;
  const layout = t.layout;
  const arch = estimate.model.arch;
  const whole = (value: number) => formatNumber(value, lang, 9);
  return {
    gpus: whole(t.gpus),
    tp: whole(layout.tp),
    pp: whole(layout.pp),
    cp: whole(layout.cp),
    ep: whole(layout.ep),
    vp: whole(layout.vp),
    dp: whole(layout.dp),
    mb: whole(layout.microBatch),
    gb: whole(layout.globalBatch),
    microBatches: whole(layout.globalBatch / Math.max(1, layout.dp * layout.microBatch)),
    product: whole(layout.tp * layout.pp * layout.cp),
    heads: whole(arch.heads),
    kvHeads: whole(arch.kvHeads),
    layers: whole(arch.layers),
    seq: whole(layout.seqLen),
    node: whole(t.layoutProblem?.gpusPerNode ?? 0),
    offload: whole(layout.offloadLayers),
  };
}

/** The cluster's three figures the step was priced on. */
export function predictedClusterFigures(step: TrainingStep): { gpusPerNode: number; scaleUpBytesPerSecond: number; scaleOutBytesPerSecondPerGpu: number } {
  return {
    gpusPerNode: step.cluster.gpusPerNode,
    scaleUpBytesPerSecond: step.cluster.scaleUpBytesPerSecond,
    scaleOutBytesPerSecondPerGpu: step.cluster.scaleOutBytesPerSecondPerGpu,
  };
}
