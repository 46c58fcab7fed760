/**
 * The estimate's predicted training step: the scenario's parallel layout on its accelerator and
 * cluster, priced by the planner (`trainingStep`, src/core/planner, docs/training-planner.md).
 * It turns the scenario's fields into a `TrainingStepInput` (dp = GPUs / (tp × pp × cp), the
 * global batch, the cluster), and turns a layout that cannot run into a rule the page can name.
 * Units: GPUs, sequences, tokens, seconds, bytes per second.
 */
import type { Accelerator, ComputeFormat } from '../../data/types';
import { CLUSTERS_BY_ID } from '../../data/clusters';
import type { Architecture } from '../types';
import { ConfigError } from '../errors';
import type { EstimateInput } from '../input';
import { defaultGlobalBatch, scenarioGlobalBatch, whole } from './global-batch';
import { TRAINING_FRAMEWORKS_BY_ID, type TrainingFramework } from '../../data/training-frameworks';
import { defaultFrameworkId, trainingStep } from '../planner/step';
import { resolveCluster } from '../planner/hardware';
import type { ClusterOverride, TrainingStep } from '../planner/types';

/**
 * Why a layout cannot run, one word per rule (the page explains each in both languages):
 * - `gpus`: the GPU count is not a multiple of tp × pp × cp (dp would not be whole);
 * - `heads`: attention or KV heads not divisible by tp;
 * - `layers`: the layers do not split over pp × vp stages (or pp exceeds the layers);
 * - `vp`: interleaving (vp > 1) needs pp > 1;
 * - `batch`: the global batch is not a multiple of dp × micro-batch;
 * - `sequence`: the sequence is not divisible by tp × cp (sequence parallel) or 2 × cp;
 * - `experts`: ep > 1 without a mixture of experts, or not dividing the experts or dp × cp;
 * - `tp-across-nodes`: tp is larger than the cluster's GPUs per node (scale-up domain);
 * - `precision`: the accelerator has no rate for the training format;
 * - `model`: the planner models decoder pre-training only (encoder-only models);
 * - `hardware`: the accelerator lacks what the planner needs (memory bandwidth);
 * - `offload`: activation offload outside Megatron-Core's rules (pp = 1, no recomputation, fewer
 *   layers than the model) or on a cluster without a host link;
 * - `other`: any other rule of the planner (its message is shown).
 */
export type LayoutRule = 'gpus' | 'heads' | 'layers' | 'vp' | 'micro-batches' | 'batch' | 'sequence' | 'experts' | 'tp-across-nodes' | 'precision' | 'model' | 'hardware' | 'offload' | 'other';

export interface LayoutProblem {
  rule: LayoutRule;
  /** The planner's own message (English, with the numbers). */
  message: string;
  /** The ConfigError's field, e.g. 'layout.tp'. */
  field: string | null;
  /** GPUs per node of the cluster, when the rule compares against it (tp-across-nodes). */
  gpusPerNode?: number;
}

/** The scenario's layout as the planner reads it (every degree a whole number ≥ 1). */
export interface ScenarioLayout {
  tp: number;
  pp: number;
  cp: number;
  ep: number;
  vp: number;
  /** GPUs / (tp × pp × cp), rounded down (whole only when the GPUs multiply out). */
  dp: number;
  microBatch: number;
  /** Sequences per optimizer step. */
  globalBatch: number;
  /** True when the global batch was derived (scenario.globalBatch === null). */
  globalBatchAuto: boolean;
  /** Tokens per sequence. */
  seqLen: number;
  /** Layers whose activations go to host memory (0: none). */
  offloadLayers: number;
  /**
   * Layers on the first and last pipeline stage when pp does not divide the layers and the
   * uneven split is used (see `unevenSplit`), else null.
   */
  unevenStages: { first: number; last: number; middle: number } | null;
}

export interface TrainingPrediction {
  layout: ScenarioLayout;
  /** The cluster override passed to the planner (undefined = the accelerator's own cluster). */
  cluster: ClusterOverride | undefined;
  /** The training software priced (the input's, or the accelerator's default), or null for an unknown id. */
  framework: TrainingFramework | null;
  /** The step, or null when the layout cannot run (`problem`). */
  step: TrainingStep | null;
  problem: LayoutProblem | null;
}

type PredictionInput = Pick<
  EstimateInput,
  | 'gpuCount'
  | 'tensorParallel'
  | 'pipelineParallel'
  | 'contextParallel'
  | 'expertParallel'
  | 'virtualPipeline'
  | 'offloadLayers'
  | 'trainingFramework'
  | 'microBatch'
  | 'globalBatch'
  | 'seqLen'
  | 'zeroStage'
  | 'recompute'
  | 'sequenceParallel'
  | 'cluster'
  | 'customCluster'
>;

export { defaultGlobalBatch, scenarioGlobalBatch };

/** The scenario's layout: degrees as whole numbers, dp from the GPU count, the global batch. */
export function scenarioLayout(input: PredictionInput): ScenarioLayout {
  const tp = whole(input.tensorParallel);
  const pp = whole(input.pipelineParallel);
  const cp = whole(input.contextParallel);
  const dp = Math.max(1, Math.floor(whole(input.gpuCount) / (tp * pp * cp)));
  const microBatch = whole(input.microBatch);
  const globalBatchAuto = input.globalBatch === null;
  const globalBatch = input.globalBatch === null ? scenarioGlobalBatch(input.seqLen, input.gpuCount, tp * pp * cp, microBatch) : whole(input.globalBatch);
  const offloadLayers = input.offloadLayers !== undefined && Number.isFinite(input.offloadLayers) ? Math.max(0, Math.round(input.offloadLayers)) : 0;
  return { tp, pp, cp, ep: whole(input.expertParallel), vp: whole(input.virtualPipeline), dp, microBatch, globalBatch, globalBatchAuto, seqLen: whole(input.seqLen), offloadLayers, unevenStages: null };
}

/**
 * The uneven pipeline split `planTraining` tries when pp does not divide the layers (Llama 3
 * §3.3.2: the first and last stages hold the embedding and the loss, so they get fewer layers):
 * the middle stages take ⌈layers / pp⌉, the first and last share the rest (the first the odd
 * one). Null when pp < 3 or the ends would be empty or larger than a middle stage.
 */
export function unevenSplit(layers: number, pp: number): { first: number; last: number; middle: number } | null {
  if (pp < 3 || layers % pp === 0) return null;
  const middle = Math.ceil(layers / pp);
  const ends = layers - (pp - 2) * middle;
  const first = Math.ceil(ends / 2);
  const last = ends - first;
  return last >= 1 && first <= middle ? { first, last, middle } : null;
}

/** The framework id the input asks for, or undefined for the accelerator's default ('auto' or absent). */
export function frameworkChoice(id: string | undefined): string | undefined {
  return id === undefined || id === 'auto' ? undefined : id;
}

/** The planner's cluster for the scenario: none ('auto': the accelerator's), a preset's links, or the custom one. */
export function scenarioCluster(input: Pick<EstimateInput, 'cluster' | 'customCluster'>): ClusterOverride | undefined {
  if (input.cluster === 'custom') return { ...input.customCluster, gpusPerNode: whole(input.customCluster.gpusPerNode) };
  const preset = CLUSTERS_BY_ID.get(input.cluster);
  if (!preset) return undefined;
  return {
    gpusPerNode: preset.gpusPerNode,
    scaleUpBytesPerSecond: preset.scaleUpBytesPerSecond,
    scaleOutBytesPerSecondPerGpu: preset.scaleOutBytesPerSecondPerGpu,
    ...(preset.host ? { hostBytesPerSecond: preset.host.bytesPerSecond, hostMemoryBytesPerGpu: preset.host.memoryBytesPerGpu, hostCoherent: preset.host.coherent } : {}),
  };
}

/** The rule a planner ConfigError broke, read from its field (and, for tp, its message). */
export function layoutRuleOf(error: ConfigError): LayoutRule {
  const field = error.field ?? '';
  if (field === 'layout.tp') return /heads/i.test(error.message) ? 'heads' : 'other';
  if (field === 'layout.pp' || field === 'layout.firstStageLayers' || field === 'layout.lastStageLayers') return 'layers';
  if (field === 'layout.vp') return /needs pp/.test(error.message) ? 'vp' : /micro-batches/.test(error.message) ? 'micro-batches' : 'layers';
  if (field === 'globalBatch') return 'batch';
  if (field === 'seqLen') return 'sequence';
  if (field === 'layout.ep') return 'experts';
  if (field === 'precision') return 'precision';
  if (field === 'arch') return 'model';
  if (field === 'accelerator') return 'hardware';
  if (field === 'layout.offloadLayers') return 'offload';
  return 'other';
}

/**
 * A custom accelerator as a planner row: its memory, bandwidth and dense rate at the training
 * format; the planner's generic matmul efficiency and cluster fallback apply (no measured MAMF).
 */
export function customAccelerator(custom: EstimateInput['customGpu'], format: ComputeFormat): Accelerator {
  return {
    id: 'custom',
    name: 'custom',
    vendor: 'custom',
    year: 2024,
    kind: 'datacenter',
    memoryBytes: custom.memoryBytes,
    bandwidthBytesPerSecond: custom.bandwidthBytesPerSecond,
    denseFlops: { [format]: custom.flops, bf16: custom.flops },
    tdpWatts: custom.tdpWatts,
    interconnectBytesPerSecond: null,
    price: null,
    source: 'user input',
    sourceDate: '',
  };
}

/**
 * The planner's step for the scenario's layout, or the rule it breaks. Rules checked here before
 * the planner's own (`resolveLayout`): GPUs = tp × pp × cp × dp exactly, and tp within one
 * scale-up domain (tensor parallelism across nodes is possible but so slow no framework defaults
 * to it: the page asks for a layout inside the node, as `planTraining` does by default).
 * Never throws: any ConfigError becomes `problem`.
 */
export function predictTrainingStep(
  input: PredictionInput,
  arch: Architecture,
  accelerator: Accelerator,
  precision: ComputeFormat,
): TrainingPrediction {
  const layout = scenarioLayout(input);
  const framework = frameworkChoice(input.trainingFramework);
  const frameworkRow = TRAINING_FRAMEWORKS_BY_ID.get(framework ?? defaultFrameworkId(accelerator, precision)) ?? null;
  // A custom accelerator has no cluster row of its own: 'auto' means the custom cluster's links.
  const cluster = input.cluster === 'auto' && accelerator.id === 'custom' ? scenarioCluster({ ...input, cluster: 'custom' }) : scenarioCluster(input);
  const failed = (problem: LayoutProblem): TrainingPrediction => ({ layout, cluster, framework: frameworkRow, step: null, problem });
  const gpus = whole(input.gpuCount);
  const modelParallel = layout.tp * layout.pp * layout.cp;
  if (gpus % modelParallel !== 0) {
    return failed({ rule: 'gpus', message: `GPUs (${gpus}) must be a multiple of tp × pp × cp (${layout.tp} × ${layout.pp} × ${layout.cp})`, field: 'gpuCount' });
  }
  try {
    const gpusPerNode = resolveCluster(accelerator, cluster).gpusPerNode;
    if (layout.tp > gpusPerNode) {
      return failed({ rule: 'tp-across-nodes', message: `tp (${layout.tp}) is larger than a node (${gpusPerNode} GPUs)`, field: 'layout.tp', gpusPerNode });
    }
    const split = arch.layers % (layout.pp * layout.vp) === 0 ? null : unevenSplit(arch.layers, layout.pp);
    const step = trainingStep({
      arch,
      accelerator,
      precision,
      layout: {
        ...(split ? { firstStageLayers: split.first, lastStageLayers: split.last } : {}),
        tp: layout.tp,
        pp: layout.pp,
        dp: layout.dp,
        cp: layout.cp,
        ep: layout.ep,
        vp: layout.vp,
        microBatch: layout.microBatch,
        sequenceParallel: input.sequenceParallel && layout.tp > 1,
        zeroStage: input.zeroStage,
        offloadLayers: layout.offloadLayers,
      },
      globalBatch: layout.globalBatch,
      seqLen: layout.seqLen,
      recompute: input.recompute,
      cluster,
      ...(framework ? { framework } : {}),
    });
    const finite = [step.seconds, step.mfu, step.secondsLow, step.secondsHigh, step.memoryPerGpu].every(Number.isFinite);
    if (!finite || !(step.seconds > 0)) return failed({ rule: 'other', message: 'the planner returned no finite step time for this layout', field: null });
    return { layout: { ...layout, unevenStages: split }, cluster, framework: frameworkRow, step, problem: null };
  } catch (error) {
    if (error instanceof ConfigError) return failed({ rule: layoutRuleOf(error), message: error.message, field: error.field });
    throw error;
  }
}
