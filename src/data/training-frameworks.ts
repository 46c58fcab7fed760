/**
 * Training software generations the planner can model: what a framework of a given era did with
 * attention, tensor-parallel communication, gradient reduction and pipeline sends. The same GPUs
 * ran GPT-3-sized models 20–30 % faster in 2024 than in 2021 because of these, not because of
 * the hardware, so a published run is predicted with the software it used. Ids are permanent
 * (they may appear in shared links). Every field is cited to the source that states it.
 */

/** How the attention core runs. */
export type AttentionKernel =
  /**
   * FlashAttention (Dao et al. 2022, 2023): tiled, the s × s scores never reach HBM, only the
   * causal half is computed.
   */
  | 'flash'
  /**
   * Megatron-LM 2019–2022: QKᵀ and attention-over-V as batched GEMMs over the full s × s square
   * (the causal mask is applied afterwards), a fused scale-mask-softmax kernel and dropout on the
   * scores, all through HBM; the scores and the dropout mask are stored for the backward pass
   * (the 5as/h term of Korthikanti et al. 2022 Eq. 1).
   */
  | 'unfused';

/** What of the tensor-parallel collectives runs under computation. */
export type TensorParallelOverlap =
  /** Nothing: every all-reduce waits (Megatron-LM 2021, Narayanan et al. 2021 §2.3). */
  | 'none'
  /**
   * The backward collectives run under the weight-gradient GEMMs (Megatron-LM 2022
   * `--async-tensor-model-parallel-allreduce`; Korthikanti et al. 2022 §6.2: "we overlap
   * all-reduce communication with the linear weight's gradient computation").
   */
  | 'backward'
  /**
   * Forward and backward, chunked under the GEMMs they feed (Transformer Engine userbuffers,
   * Megatron-Core `--tp-comm-overlap`, 2023+): only where the accelerator can
   * (`tensorParallelOverlap` in clusters.ts) and TP stays inside one NVLink domain; elsewhere
   * it falls back to 'backward'.
   */
  | 'full';

export interface TrainingFramework {
  id: string;
  name: string;
  attention: AttentionKernel;
  tensorParallelOverlap: TensorParallelOverlap;
  /** Data-parallel gradient reduction starts during the backward pass (bucketed), else after it. */
  gradientReduceOverlap: boolean;
  /**
   * Pipeline sends are split over the tensor-parallel ranks and re-gathered over NVLink
   * (Narayanan et al. 2021 §4.1, "scatter/gather"); sequence parallelism splits them anyway.
   * Without it every TP rank sends the whole activation through its own NIC.
   */
  pipelineScatterGather: boolean;
  /**
   * With the interleaved schedule, the steady state's sends and receives run under computation
   * (Megatron-Core `--overlap-p2p-communication`, 2023). Without it each of the 2·m·vp transfers
   * waits (Megatron-LM 2021–22 batched isend/irecv and waited).
   */
  interleavedSendOverlap: boolean;
  /** Has an interleaved (virtual-stage) pipeline schedule; DeepSpeed's pipeline engine has none. */
  interleavedSchedule: boolean;
  source: string;
}

export const TRAINING_FRAMEWORKS: readonly TrainingFramework[] = Object.freeze([
  {
    id: 'megatron-core',
    name: 'Megatron-Core / NeMo (2024–25)',
    attention: 'flash',
    tensorParallelOverlap: 'full',
    gradientReduceOverlap: true,
    pipelineScatterGather: true,
    interleavedSendOverlap: true,
    interleavedSchedule: true,
    source:
      'Megatron-LM README (2024 model table: "DP/TP/PP communication overlap on"); NeMo performance-summary configurations (Transformer Engine FlashAttention, --tp-comm-overlap, --overlap-grad-reduce)',
  },
  {
    id: 'megatron-lm-2022',
    name: 'Megatron-LM 2022 (sequence parallelism, selective recompute)',
    attention: 'unfused',
    tensorParallelOverlap: 'backward',
    gradientReduceOverlap: false,
    pipelineScatterGather: true,
    interleavedSendOverlap: false,
    interleavedSchedule: true,
    source:
      'Korthikanti et al. 2022, arXiv:2205.05198: §5 Figure 3 and Eq. 1 (QKᵀ, softmax, softmax dropout and attention over V stored: 5as/h); §6.2 (all-reduce overlapped with the weight-gradient computation in the backward pass); §6.3 ("we do not use any overlapping of gradient all-reduces with back-propagation")',
  },
  {
    id: 'megatron-lm-2021',
    name: 'Megatron-LM 2021 (PTD-P)',
    attention: 'unfused',
    tensorParallelOverlap: 'none',
    gradientReduceOverlap: false,
    pipelineScatterGather: true,
    interleavedSendOverlap: false,
    interleavedSchedule: true,
    source:
      'Narayanan et al. 2021, arXiv:2104.04473: §2.3 (two all-reduces forward, two backward), §4.1 (scatter/gather), §4.2 (fused scale-mask-softmax kernels, no FlashAttention in 2021); Megatron-LM 2021 `--DDP-impl local` reduces gradients after the backward pass',
  },
  {
    id: 'megatron-deepspeed-2021',
    name: 'Megatron-DeepSpeed 2021–22 (DeepSpeed pipeline engine + Megatron tensor slicing)',
    attention: 'unfused',
    tensorParallelOverlap: 'none',
    gradientReduceOverlap: false,
    pipelineScatterGather: false,
    interleavedSendOverlap: false,
    interleavedSchedule: false,
    source:
      'Smith et al. 2022 (MT-NLG), arXiv:2201.11990 §2: pipeline and data parallelism from DeepSpeed, tensor slicing from Megatron; DeepSpeed PipelineEngine runs a non-interleaved 1F1B schedule, sends whole activations and reduces gradients after the last micro-batch (deepspeed/runtime/pipe/engine.py, `_exec_reduce_grads` in the schedule\'s final step)',
  },
  {
    id: 'fsdp-xformers-2023',
    name: 'PyTorch FSDP + xformers attention (Meta 2023)',
    attention: 'flash',
    tensorParallelOverlap: 'backward',
    gradientReduceOverlap: true,
    pipelineScatterGather: true,
    interleavedSendOverlap: false,
    interleavedSchedule: false,
    source:
      'Touvron et al. 2023 (LLaMA) §2.4: "an efficient implementation of the causal multi-head attention … available in the xformers library", activation checkpointing of the expensive activations, "model and sequence parallelism, as described by Korthikanti et al. (2022)", "we also overlap the computation of activations and the communication between GPUs over the network (due to all_reduce operations) as much as possible" (backward-style TP overlap); FSDP reduce-scatter overlapped with the backward pass',
  },
] satisfies TrainingFramework[]);

export const DEFAULT_TRAINING_FRAMEWORK_ID = 'megatron-core';

export const TRAINING_FRAMEWORKS_BY_ID: ReadonlyMap<string, TrainingFramework> = new Map(
  TRAINING_FRAMEWORKS.map((framework) => [framework.id, framework]),
);
