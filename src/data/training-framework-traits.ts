/**
 * What the page needs to name and describe each training software the planner can price: its id
 * (permanent: it appears in shared links), name, attention kernel and overlaps. Kept apart from the
 * full rows and their sources (src/data/training-frameworks.ts, which spreads these in) so the
 * scenario's rules and the controls load without them.
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

export interface TrainingFrameworkTraits {
  id: string;
  name: string;
  attention: AttentionKernel;
  tensorParallelOverlap: TensorParallelOverlap;
  /** Data-parallel gradient reduction starts during the backward pass (bucketed), else after it. */
  gradientReduceOverlap: boolean;
  /** Has an interleaved (virtual-stage) pipeline schedule; DeepSpeed's pipeline engine has none. */
  interleavedSchedule: boolean;
  /**
   * The share of the modelled kernel rates (GEMMs, attention, memory-bound ops) this software
   * sustains in a step; absent: 1. Not a physical constant: a framework-level efficiency fitted once
   * on one measured throughput (named in `kernelEfficiencySource`) where the software's own costs
   * (eager PyTorch kernels, per-layer collectives, host launch overhead) are not modelled.
   */
  kernelEfficiency?: number;
  /** The data-parallel parameter all-gather moves FP8 weights when the matmuls run in FP8 (NeMo `fp8_param_gather`). */
  fp8ParameterGather: boolean;
  /**
   * Bytes per gradient element in the accumulation buffer and the data-parallel reduction when the
   * input does not say (`gradientReduceBytes`): 4 where the software accumulates and reduces in
   * FP32 (Megatron-LM's `--bf16` forces it; Llama 3 §3.3.2), 2 where it reduces in BF16 (NeMo's FP8
   * recipes); absent: DEFAULT_GRADIENT_REDUCE_BYTES (step.ts).
   */
  gradientReduceBytes?: 2 | 4;
}

export const TRAINING_FRAMEWORK_TRAITS: readonly TrainingFrameworkTraits[] = Object.freeze([
  { id: 'megatron-core', name: 'Megatron-Core / NeMo (2024–25)', attention: 'flash', tensorParallelOverlap: 'full', gradientReduceOverlap: true, interleavedSchedule: true, fp8ParameterGather: false, gradientReduceBytes: 4 },
  { id: 'nemo-2', name: 'NeMo 2 performance recipes (2024–25, Megatron-Core underneath)', attention: 'flash', tensorParallelOverlap: 'full', gradientReduceOverlap: true, interleavedSchedule: true, fp8ParameterGather: true, gradientReduceBytes: 2 },
  { id: 'megatron-lm-2022', name: 'Megatron-LM 2022 (sequence parallelism, selective recompute)', attention: 'unfused', tensorParallelOverlap: 'backward', gradientReduceOverlap: false, interleavedSchedule: true, fp8ParameterGather: false },
  { id: 'megatron-lm-2021', name: 'Megatron-LM 2021 (PTD-P)', attention: 'unfused', tensorParallelOverlap: 'none', gradientReduceOverlap: false, interleavedSchedule: true, fp8ParameterGather: false },
  { id: 'megatron-deepspeed-2021', name: 'Megatron-DeepSpeed 2021–22 (DeepSpeed pipeline engine + Megatron tensor slicing)', attention: 'unfused', tensorParallelOverlap: 'none', gradientReduceOverlap: false, interleavedSchedule: false, fp8ParameterGather: false },
  { id: 'meta-llama3-2024', name: 'Meta Llama 3 stack (2024: FSDP + TP/CP/PP, FlashAttention)', attention: 'flash', tensorParallelOverlap: 'backward', gradientReduceOverlap: true, interleavedSchedule: true, fp8ParameterGather: false, gradientReduceBytes: 4 },
  { id: 'fsdp-xformers-2023', name: 'PyTorch FSDP + xformers attention (Meta 2023)', attention: 'flash', tensorParallelOverlap: 'backward', gradientReduceOverlap: true, interleavedSchedule: false, kernelEfficiency: 0.753, fp8ParameterGather: false },
  { id: 'dualpipe-2024', name: 'DeepSeek-V3 HAI-LLM (2024: DualPipe, node-limited routing, FP8)', attention: 'flash', tensorParallelOverlap: 'backward', gradientReduceOverlap: true, interleavedSchedule: false, kernelEfficiency: 112 / 132, fp8ParameterGather: false, gradientReduceBytes: 4 },
] satisfies TrainingFrameworkTraits[]);

export const TRAINING_FRAMEWORK_TRAITS_BY_ID: ReadonlyMap<string, TrainingFrameworkTraits> = new Map(
  TRAINING_FRAMEWORK_TRAITS.map((row) => [row.id, row]),
);
