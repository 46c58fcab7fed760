/**
 * Training software generations the planner can model: what a framework of a given era did with
 * attention, tensor-parallel communication, gradient reduction and pipeline sends. The same GPUs
 * ran GPT-3-sized models 20–30 % faster in 2024 than in 2021 because of these, not because of
 * the hardware, so a published run is predicted with the software it used. Ids are permanent
 * (they may appear in shared links). Every field is cited to the source that states it.
 */

import { TRAINING_FRAMEWORK_TRAITS_BY_ID, type TrainingFrameworkTraits } from './training-framework-traits';

export type { AttentionKernel, TensorParallelOverlap, TrainingFrameworkTraits } from './training-framework-traits';

/** The traits row of `id` (src/data/training-framework-traits.ts): id, name, kernels and overlaps. */
function traits(id: string): TrainingFrameworkTraits {
  const row = TRAINING_FRAMEWORK_TRAITS_BY_ID.get(id);
  if (!row) throw new Error(`no training-framework traits for ${id}`);
  return row;
}

export interface TrainingFramework extends TrainingFrameworkTraits {
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
  /**
   * HBM bytes the cross-entropy over the logits moves per logit, forward and backward:
   * `UNFUSED_CROSS_ENTROPY_BYTES` for Megatron's vocab-parallel cross-entropy in FP32 operator by
   * operator, `FUSED_CROSS_ENTROPY_BYTES` for a fused kernel.
   */
  crossEntropyBytesPerLogit: number;
  /**
   * The gradient bucket grows with the data-parallel size (Megatron-Core's default
   * `--ddp-bucket-size` = max(40M, 1M × dp) parameters, r0.8 distributed_data_parallel_config.py);
   * absent: a fixed 40M-parameter bucket (step.ts GRADIENT_BUCKET_PARAMS).
   */
  gradientBucketGrowsWithDataParallel?: boolean;
  /**
   * Context parallelism exchanges K and V in a ring under the attention kernels (Megatron-Core,
   * Liu et al. 2023), else it all-gathers them before attention and reduce-scatters their
   * gradients after, on the critical path (Llama 3 §3.3.2). Absent: the ring.
   */
  contextParallelAllGather?: boolean;
  /**
   * Without recomputation ('none') the backward pass still re-runs the forward's memory-bound ops
   * (norms, activation function, rotary, residual adds): the framework saves only the outputs of
   * the linear layers and of attention, "the activations that are expensive to compute", and
   * recomputes the rest in a hand-written backward (Touvron et al. 2023, LLaMA §2.4). In the
   * planner's terms: no GEMM or attention recompute, one more forward of the memory-bound ops.
   */
  recomputesMemoryBoundOps?: boolean;
  /**
   * Without recomputation ('none') the backward pass re-runs MLA's up-projection GEMMs, whose
   * outputs are not kept (DeepSeek-V3 §3.2.3: "we recompute all RMSNorm operations and MLA
   * up-projections during back-propagation").
   */
  recomputesUpProjections?: boolean;
  kernelEfficiencySource?: string;
  /**
   * DualPipe (DeepSeek-V3 §3.2.1): a bidirectional pipeline that runs a forward chunk of one
   * micro-batch beside a backward chunk of another, so the expert all-to-all runs under the other
   * chunk's computation (exposed only beyond it) and the steady state's pipeline sends are hidden;
   * the bubble is DeepSeek's Table 2, (pp/2 − 1)·(F&B + B − 3W) against 1F1B's (pp − 1)·(F + B).
   */
  dualPipe?: boolean;
  /**
   * Node-limited expert routing with its dispatch (DeepSeek-V3 §2.1.2, §3.2.2): each token goes to
   * at most `maxNodes` nodes, once per node over InfiniBand (to the GPU of the same in-node index,
   * then forwarded over NVLink), dispatched in `dispatchBytes` per element (FP8: 1) and combined in
   * 16 bits. Absent: a plain all-to-all of every routed copy in 16 bits.
   */
  nodeLimitedRouting?: { maxNodes: number; dispatchBytes: number };
  source: string;
}

/**
 * Megatron's `_VocabParallelCrossEntropy` (megatron/core/tensor_parallel/cross_entropy.py, the
 * default without `--cross-entropy-loss-fusion`), per logit: forward `.float()` (read 2, write 4),
 * max (read 4), subtract the max in place (read 4, write 4), exp in place (read 4, write 4), sum
 * (read 4), divide in place to the softmax kept for backward (read 4, write 4) = 42 bytes; backward
 * scale by the loss gradient in place (read 4, write 4) and the cast to 16 bits for the output
 * layer's GEMMs (read 4, write 2) = 14 bytes. Units: bytes per logit.
 */
export const UNFUSED_CROSS_ENTROPY_BYTES = 56;
/**
 * A fused cross-entropy (Megatron-Core `cross_entropy_loss_fusion`, Transformer Engine's
 * `cross_entropy_fusion_impl = "te"`): forward reads the 16-bit logits once and keeps the FP32
 * row statistics, backward reads them again and writes the 16-bit gradient: about 2 + 4 + 2 + 4
 * bytes with the FP32 work buffer. Units: bytes per logit.
 */
export const FUSED_CROSS_ENTROPY_BYTES = 12;

export const TRAINING_FRAMEWORKS: readonly TrainingFramework[] = Object.freeze([
  {
    ...traits('megatron-core'),
    pipelineScatterGather: true,
    interleavedSendOverlap: true,
    crossEntropyBytesPerLogit: UNFUSED_CROSS_ENTROPY_BYTES,
    gradientBucketGrowsWithDataParallel: true,
    source:
      'Megatron-LM README, 2024-07-15 (commit f2e5db402c): the H100 model table ran "--overlap-grad-reduce --overlap-param-gather", "--tp-comm-overlap" and pipeline communication overlap (r0.8.0: on with the interleaved schedule); Transformer Engine fused attention; Megatron\'s command-line defaults elsewhere (cross-entropy unfused: `--cross-entropy-loss-fusion` is off by default; `--bf16` forces `accumulate_allreduce_grads_in_fp32`, megatron/training/arguments.py at core_r0.8.0: "bfloat16 requires gradient accumulation and all-reduce to be done in fp32")',
  },
  {
    ...traits('nemo-2'),
    pipelineScatterGather: true,
    interleavedSendOverlap: true,
    crossEntropyBytesPerLogit: FUSED_CROSS_ENTROPY_BYTES,
    gradientBucketGrowsWithDataParallel: true,
    source:
      'NVIDIA/NeMo v2.0.0–v2.3.0: GPTConfig `cross_entropy_loss_fusion = True` (nemo/collections/llm/gpt/model/base.py), scripts/performance/utils.py `cross_entropy_fusion_impl = "te"` (25.04); recipes/precision/mixed_precision.py bf16_with_fp8_mixed `fp8_param_gather = True`, `grad_reduce_in_fp32 = False`; MegatronCommOverlapCallback (tp_comm_overlap, overlap_grad_reduce, overlap_param_gather)',
  },
  {
    ...traits('megatron-lm-2022'),
    pipelineScatterGather: true,
    interleavedSendOverlap: false,
    crossEntropyBytesPerLogit: UNFUSED_CROSS_ENTROPY_BYTES,
    source:
      'Korthikanti et al. 2022, arXiv:2205.05198: §5 Figure 3 and Eq. 1 (QKᵀ, softmax, softmax dropout and attention over V stored: 5as/h); §6.2 (all-reduce overlapped with the weight-gradient computation in the backward pass); §6.3 ("we do not use any overlapping of gradient all-reduces with back-propagation")',
  },
  {
    ...traits('megatron-lm-2021'),
    pipelineScatterGather: true,
    interleavedSendOverlap: false,
    crossEntropyBytesPerLogit: UNFUSED_CROSS_ENTROPY_BYTES,
    source:
      'Narayanan et al. 2021, arXiv:2104.04473: §2.3 (two all-reduces forward, two backward), §4.1 (scatter/gather), §4.2 (fused scale-mask-softmax kernels, no FlashAttention in 2021); Megatron-LM 2021 `--DDP-impl local` reduces gradients after the backward pass',
  },
  {
    ...traits('megatron-deepspeed-2021'),
    pipelineScatterGather: false,
    interleavedSendOverlap: false,
    crossEntropyBytesPerLogit: UNFUSED_CROSS_ENTROPY_BYTES,
    source:
      'Smith et al. 2022 (MT-NLG), arXiv:2201.11990 §2: pipeline and data parallelism from DeepSpeed, tensor slicing from Megatron; DeepSpeed PipelineEngine runs a non-interleaved 1F1B schedule, sends whole activations and reduces gradients after the last micro-batch (deepspeed/runtime/pipe/engine.py, `_exec_reduce_grads` in the schedule\'s final step)',
  },
  {
    ...traits('meta-llama3-2024'),
    pipelineScatterGather: true,
    interleavedSendOverlap: true,
    crossEntropyBytesPerLogit: UNFUSED_CROSS_ENTROPY_BYTES,
    contextParallelAllGather: true,
    source:
      'Llama Team 2024, arXiv:2407.21783 §3.3.2: 4D parallelism (TP, CP, PP, FSDP), interleaved pipeline schedule with asynchronous point-to-point sends, FSDP gradient reduce-scatter overlapped with compute, gradients accumulated and reduced in FP32; context parallelism all-gathers K and V ("the all-gather communication latency is exposed in the critical path"); no tensor-parallel overlap is described (Transformer Engine userbuffers are NVIDIA\'s): taken as backward-only, as Meta\'s LLaMA stack described it (Touvron et al. 2023 §2.4); cross-entropy not described: unfused',
  },
  {
    ...traits('fsdp-xformers-2023'),
    pipelineScatterGather: true,
    interleavedSendOverlap: false,
    crossEntropyBytesPerLogit: UNFUSED_CROSS_ENTROPY_BYTES,
    recomputesMemoryBoundOps: true,
    kernelEfficiencySource:
      'fitted once (scripts/fit-framework-efficiency.ts) on OPT-175B\'s measured "up to 147 TFLOP/s per GPU" (Zhang et al. 2022 §2.4: metaseq, FSDP + Megatron TP 8, 992 A100-80GB) at its published schedule (full recompute, micro-batch 8, zero2; metaseq opt_baselines.py): the model without it predicts 191.7 TFLOP/s. OPT counts hardware FLOPs: the logbook\'s 4.30E+23 total is Narayanan et al. 2021\'s recompute formula 96·B·s·l·h²·(1 + s/6h + V/16lh) for 300B tokens. Not fitted on any GPU-hours row; LLaMA §2.4\'s own 380 tokens/s/GPU for 65B implies 0.78 of the model. What it stands for — eager PyTorch kernels, FSDP\'s per-layer collectives sharing the SMs, host-side launch overhead — is not modelled component by component',
    source:
      'Touvron et al. 2023 (LLaMA) §2.4: "an efficient implementation of the causal multi-head attention … available in the xformers library", activation checkpointing of the expensive activations, "model and sequence parallelism, as described by Korthikanti et al. (2022)", "we also overlap the computation of activations and the communication between GPUs over the network (due to all_reduce operations) as much as possible" (backward-style TP overlap); FSDP reduce-scatter overlapped with the backward pass',
  },
  {
    ...traits('dualpipe-2024'),
    pipelineScatterGather: true,
    interleavedSendOverlap: true,
    crossEntropyBytesPerLogit: UNFUSED_CROSS_ENTROPY_BYTES,
    kernelEfficiencySource:
      'physical, not fitted: DeepSeek-V3 §3.2.2, "only 20 SMs are sufficient to fully utilize the bandwidths of IB and NVLink" — 20 of the H800\'s 132 SMs run the communication kernels throughout, the computation gets the other 112',
    recomputesMemoryBoundOps: true,
    recomputesUpProjections: true,
    dualPipe: true,
    nodeLimitedRouting: { maxNodes: 4, dispatchBytes: 1 },
    source:
      'DeepSeek-AI 2024, arXiv:2412.19437: §3.2.1 DualPipe ("both all-to-all and PP communication can be fully hidden during execution"; Table 2 bubble (PP/2 − 1)(F&B + B − 3W)); §3.2.2 cross-node all-to-all (each token to at most 4 nodes over IB, then NVLink; 20 SMs for communication); §3.3 FP8 training (activations dispatched in FP8, combine in BF16; master weights, weight gradients and optimizer states in higher precision: FP32 gradient reduction); §2.1.2 node-limited routing (M = 4); §3.2.3 "we recompute all RMSNorm operations and MLA up-projections during back-propagation" and §3.3.2 SwiGLU\'s output recomputed from its cached input (the memory-bound re-run and the up-projection GEMMs); no tensor parallelism; cross-entropy not described: unfused',
  },
] satisfies TrainingFramework[]);

export const DEFAULT_TRAINING_FRAMEWORK_ID = 'megatron-core';

export const TRAINING_FRAMEWORKS_BY_ID: ReadonlyMap<string, TrainingFramework> = new Map(
  TRAINING_FRAMEWORKS.map((framework) => [framework.id, framework]),
);
