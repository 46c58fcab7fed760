/**
 * `planTraining`: search the parallel layouts of a model on a GPU count, keep those that fit in
 * memory, rank them by predicted step time. Units: seconds, bytes.
 */
import { ConfigError } from '../errors';
import { resolveLayout } from './layout';
import { assembleStep, layoutLayerCosts, prepareModel, type LayoutLayerCosts } from './step';
import { layersToOffload } from './offload';
import { deviceMemoryBytes } from '../../data/hardware';
import type {
  LayoutRejection,
  PlannedLayout,
  PlanTrainingInput,
  PlanTrainingResult,
  Recompute,
  ResolvedLayout,
  TrainingStep,
  ZeroStageNumber,
} from './types';

const ALL_RECOMPUTE: readonly Recompute[] = ['none', 'selective', 'full'];
const ALL_ZERO: readonly ZeroStageNumber[] = [0, 1, 2, 3];
/** The shortest context-parallel chunk (tokens) worth a CP rank. */
const MINIMUM_CONTEXT_CHUNK = 1024;
const MAXIMUM_EXAMPLES = 24;

function divisors(value: number, maximum = Infinity): number[] {
  const result: number[] = [];
  for (let candidate = 1; candidate * candidate <= value; candidate += 1) {
    if (value % candidate !== 0) continue;
    if (candidate <= maximum) result.push(candidate);
    const pair = value / candidate;
    if (pair !== candidate && pair <= maximum) result.push(pair);
  }
  return result.sort((a, b) => a - b);
}

/**
 * Stage splits worth trying for `layers` over `pp` stages: even, else the middle stages take
 * ⌈layers/pp⌉ and the first and last share the rest (Llama 3 §3.3.2: the end stages hold the
 * embedding and the loss, so they get fewer layers; the first gets the odd one).
 */
function stageSplits(layers: number, pp: number): { first?: number; last?: number; middle: number }[] {
  if (layers % pp === 0) return [{ middle: layers / pp }];
  if (pp < 3) return [];
  const middle = Math.ceil(layers / pp);
  const ends = layers - (pp - 2) * middle;
  const first = Math.ceil(ends / 2);
  const last = ends - first;
  return last >= 1 && first <= middle ? [{ first, last, middle }] : [];
}

function breakdownGrowth(step: TrainingStep, best: TrainingStep): string | null {
  let worst: string | null = null;
  let growth = 0;
  for (const [cause, seconds] of Object.entries(step.breakdown)) {
    const delta = seconds - (best.breakdown[cause] ?? 0);
    if (delta > growth) {
      growth = delta;
      worst = cause;
    }
  }
  return worst;
}

/**
 * Searches TP × CP × PP (even or Llama-3-style uneven stages) × VP × DP × EP × micro-batch ×
 * recompute × ZeRO stage for `gpus` GPUs (tp·cp·pp·dp = gpus), keeps what fits in memory and
 * ranks by `trainingStep` seconds, fastest first (ties: less memory).
 * Pruning: only divisors (of the heads for tp, of the GPUs for every degree, of the layers per
 * stage for vp — every one, down to one layer per virtual stage as Megatron-Core's H100 table
 * runs —, of the per-replica batch for the micro-batch ≤ maxMicroBatch), TP inside a scale-up
 * domain unless `allowTpAcrossNodes`, CP chunks ≥ 1024 tokens, EP over divisors of the experts.
 * Per-layer costs depend on (tp, cp, ep, micro-batch) only and are computed once per combination;
 * the rest of a step is a few hundred arithmetic operations.
 * Layouts ruled out are counted by reason ('oom', 'tp-crosses-node', 'not-divisible',
 * 'heads-not-divisible', 'batch-not-divisible', 'too-few-micro-batches'); the fitting layouts
 * past `limit`, and the recompute modes not tried because a cheaper mode of the same layout
 * already fits (recompute only adds time), count as 'slower'. Each returned layout says which breakdown cause grew most
 * against the fastest (`losesOn`).
 * `parallelism` pins tp, pp, cp and ep (a published layout): only its own variants are searched.
 * Throws ConfigError for bad model-level input (GPUs not a positive integer, unknown precision).
 * Units: seconds, bytes. Source: the search space of Narayanan et al. 2021 §3 (PTD-P), with
 * CP, EP and ZeRO added as Megatron-Core exposes them.
 */
export function planTraining(input: PlanTrainingInput): PlanTrainingResult {
  const model = prepareModel(input);
  const gpus = input.gpus;
  if (!(Number.isInteger(gpus) && gpus >= 1 && gpus <= 1e7)) {
    throw new ConfigError(`gpus must be an integer from 1 to 1e7, got ${String(gpus)}`, 'gpus');
  }
  const { arch, cluster } = model;
  const capacity = deviceMemoryBytes(model.accelerator);
  const recomputeModes = input.recomputeModes?.length ? input.recomputeModes : ALL_RECOMPUTE;
  const zeroStages = input.zeroStages?.length ? input.zeroStages : ALL_ZERO;
  const maxMicroBatch = Math.max(1, Math.floor(input.maxMicroBatch ?? 8));
  const limit = Math.max(1, Math.floor(input.limit ?? 50));
  const rejected: Record<LayoutRejection, number> = {
    oom: 0,
    'not-divisible': 0,
    'tp-crosses-node': 0,
    'heads-not-divisible': 0,
    'batch-not-divisible': 0,
    'too-few-micro-batches': 0,
    slower: 0,
  };
  const examples: PlanTrainingResult['examples'] = [];
  const reject = (reason: LayoutRejection, count: number, layout?: ResolvedLayout, recompute?: Recompute, memory?: number): void => {
    rejected[reason] += count;
    const sameReason = examples.filter((example) => example.reason === reason).length;
    if (layout && recompute && examples.length < MAXIMUM_EXAMPLES && sameReason < MAXIMUM_EXAMPLES / 4) {
      examples.push({ layout, recompute, reason, ...(memory === undefined ? {} : { memoryPerGpu: memory }) });
    }
  };
  const fitting: TrainingStep[] = [];
  let evaluated = 0;
  const costCache = new Map<string, LayoutLayerCosts>();
  const experts = arch.moe?.experts ?? 1;
  const only = input.parallelism;

  for (const tp of divisors(gpus)) {
    if (only && tp !== only.tp) continue;
    if (arch.heads % tp !== 0 || (arch.kvHeads % tp !== 0 && tp % arch.kvHeads !== 0)) {
      reject('heads-not-divisible', 1);
      continue;
    }
    if (tp > cluster.gpusPerNode && !input.allowTpAcrossNodes) {
      reject('tp-crosses-node', 1);
      continue;
    }
    const afterTp = gpus / tp;
    for (const cp of divisors(afterTp)) {
      if (only && cp !== (only.cp ?? 1)) continue;
      if (cp > 1 && (model.seqLen % (2 * cp) !== 0 || model.seqLen / cp < MINIMUM_CONTEXT_CHUNK)) continue;
      if (tp > 1 && model.seqLen % (tp * cp) !== 0) continue;
      const afterCp = afterTp / cp;
      for (const pp of divisors(afterCp, arch.layers)) {
        if (only && pp !== only.pp) continue;
        const splits = stageSplits(arch.layers, pp);
        if (splits.length === 0) {
          reject('not-divisible', 1);
          continue;
        }
        const dp = afterCp / pp;
        if (model.globalBatch % dp !== 0) {
          reject('batch-not-divisible', 1);
          continue;
        }
        const perReplica = model.globalBatch / dp;
        for (const split of splits) {
          const virtualStages = pp === 1 || !model.framework.interleavedSchedule ? [1] : divisors(split.middle);
          for (const vp of virtualStages) {
            const epChoices = (arch.moe ? divisors(experts).filter((ep) => (dp * cp) % ep === 0) : [1]).filter((ep) => !only || ep === (only.ep ?? 1));
            for (const ep of epChoices) {
              for (const microBatch of divisors(perReplica, maxMicroBatch)) {
                const microBatches = perReplica / microBatch;
                if (vp > 1 && microBatches < pp) {
                  reject('too-few-micro-batches', recomputeModes.length * zeroStages.length);
                  continue;
                }
                let layout: ResolvedLayout;
                try {
                  layout = resolveLayout(
                    arch,
                    { tp, pp, dp, cp, ep, vp, microBatch, firstStageLayers: split.first, lastStageLayers: split.last },
                    model.globalBatch,
                    model.seqLen,
                  );
                } catch (error) {
                  if (!(error instanceof ConfigError)) throw error;
                  reject('not-divisible', recomputeModes.length * zeroStages.length);
                  continue;
                }
                const key = `${tp}/${cp}/${ep}/${microBatch}`;
                let costs = costCache.get(key);
                if (!costs) {
                  costs = layoutLayerCosts(model, layout);
                  costCache.set(key, costs);
                }
                for (const zeroStage of zeroStages) {
                  const zeroLayout = zeroStage === layout.zeroStage ? layout : { ...layout, zeroStage };
                  // Recompute only costs time: once a mode fits, the later (slower) modes cannot win.
                  // 'selective' keeps as much as 'none' under FlashAttention (memory-plan.ts), so it
                  // is tried only when asked for alone or when 'none' is not among the modes.
                  let fitted = false;
                  let noneMemory = -1;
                  for (const recompute of recomputeModes) {
                    if (fitted) {
                      rejected.slower += 1;
                      continue;
                    }
                    if (recompute === 'selective' && noneMemory >= 0) {
                      reject('oom', 1);
                      continue;
                    }
                    evaluated += 1;
                    const step = assembleStep(model, zeroLayout, recompute, costs);
                    if (recompute === 'none') noneMemory = step.memoryPerGpu;
                    if (step.fits) {
                      fitting.push(step);
                      fitted = true;
                      continue;
                    }
                    reject('oom', 1, zeroLayout, recompute, step.memoryPerGpu);
                    // Without recomputation, offloading just enough layers' activations to host
                    // memory may fit (offload.ts); recomputation is still tried, and the faster wins.
                    // Proposed only over NVLink-C2C, where NVIDIA's recipes offload: over PCIe the
                    // costs the model leaves out (switch uplinks shared with other GPUs and NICs,
                    // pinned host memory) would decide, so there it is priced only when asked for.
                    const offload = recompute === 'none' && cluster.hostCoherent ? layersToOffload(step.memory, capacity, zeroLayout, arch.layers, cluster) : null;
                    if (offload) {
                      evaluated += 1;
                      const offloaded = assembleStep(model, { ...zeroLayout, offloadLayers: offload }, recompute, costs);
                      if (offloaded.fits) fitting.push(offloaded);
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  fitting.sort((a, b) => a.seconds - b.seconds || a.memoryPerGpu - b.memoryPerGpu);
  const best = fitting[0];
  const layouts: PlannedLayout[] = fitting.slice(0, limit).map((step, index) => ({
    ...step,
    rank: index + 1,
    relativeSeconds: best ? step.seconds / best.seconds : 1,
    losesOn: best && index > 0 ? breakdownGrowth(step, best) : null,
  }));
  rejected.slower += Math.max(0, fitting.length - layouts.length);
  return { layouts, rejected, evaluated, examples };
}
