/**
 * How the published training runs of `TRAINING_RUNS` were laid out: hardware, GPU count,
 * sequence length, batch and parallel layout where the authors printed them. The training
 * planner predicts each run's GPU-hours from these (test/unit/planner-runs.test.ts) and the page
 * can set them beside the reported hours. Every field is as published unless `assumptions` says
 * otherwise. Units: GPUs, tokens, sequences.
 */
import type { ComputeFormat } from './types';

/** What the reported GPU-hours cover, from the source's own wording. */
export type GpuHoursBasis =
  /** GPU-hours of pre-training as the authors computed them (GPUs × training time). */
  | 'pretraining'
  /** Wall-clock × GPUs of the whole run: restarts, downtime and evaluation included. */
  | 'wall-clock'
  /** A model card's "training time" that also covers post-training / other compute. */
  | 'card-total'
  /** Not reported by the authors: a third party's assumption. */
  | 'third-party';

export interface TrainingRunLayout {
  /** Id in `TRAINING_RUNS`. */
  runId: string;
  /** The reported GPU-hours `gpuHoursBasis` describes (TRAINING_RUNS' figure, or its pre-training part). */
  gpuHours: number;
  /** Id in `MODELS`, or null when the architecture is given in `architecture`. */
  modelPresetId: string | null;
  /** A Hugging Face-style config for models without a preset. */
  config?: Record<string, unknown>;
  hardwareId: string;
  precision: ComputeFormat;
  gpus: number;
  seqLen: number;
  /** Sequences per optimizer step (the final, largest batch when it ramped). */
  globalBatch: number;
  /** The published layout, or null when the authors did not print one (the planner picks). */
  layout: { tp: number; pp: number; dp: number; cp?: number; ep?: number; firstStageLayers?: number; lastStageLayers?: number } | null;
  /** Tokens the reported GPU-hours cover. */
  tokens: number;
  gpuHoursBasis: GpuHoursBasis;
  /**
   * False when the run depends on a technique the planner does not model (named in
   * `assumptions`). Informational: whether a run enters the accuracy check depends only on
   * `comparable` (what its reported hours cover), never on this.
   */
  modelled: boolean;
  /** What the reported hours cover, in the source's own words (quoted) or as derived from them. */
  hoursCover: string;
  /**
   * How the reported hours compare with `trainingRunTime`: 'steps' — they are the training steps'
   * time alone (derived by the authors from a measured throughput): compare `stepGpuHours`;
   * 'elapsed' — GPUs × elapsed time, interruptions included: compare `gpuHours` (with goodput);
   * 'not-comparable' — they cover work the row does not describe, or are not the authors' figure.
   */
  comparison: 'steps' | 'elapsed' | 'not-comparable';
  /** The training software of the run (an id of TRAINING_FRAMEWORKS). */
  framework: string;
  /**
   * What the authors published of the schedule beyond tp/pp/dp: activation recomputation, the
   * micro-batch and the ZeRO stage, each optional (absent: the planner picks, as for an unpublished
   * layout), with the source that states them. The planner prices the run with exactly these.
   */
  schedule?: {
    recompute?: 'none' | 'selective' | 'full';
    microBatch?: number;
    zeroStage?: 0 | 1 | 2 | 3;
    source: string;
  };
  /**
   * The run's own network where it differs from the accelerator's reference cluster (e.g. BLOOM's
   * Omni-Path nodes), per GPU per direction, with its source. Absent: the accelerator's cluster.
   */
  cluster?: {
    gpusPerNode?: number;
    scaleUpBytesPerSecond?: number;
    scaleOutBytesPerSecondPerGpu?: number;
    source: string;
  };
  assumptions: string;
  source: string;
}

const LLAMA1_SOURCE =
  'Touvron et al. 2023, "LLaMA", arXiv:2302.13971, §2.4 (2048 A100-80GB, 4M-token batches of 2048-token sequences, model and sequence parallelism, saved expensive activations) and Table 15 (GPU-hours)';
/** LLaMA §2.4's checkpointing: GEMM and attention outputs saved, the memory-bound ops re-run (the framework row's `recomputesMemoryBoundOps`). */
const LLAMA1_SCHEDULE = {
  recompute: 'none',
  source:
    'Touvron et al. 2023 (LLaMA) §2.4: "we save the activations that are expensive to compute, such as the outputs of linear layers. This is achieved by manually implementing the backward function for the transformer layers": no GEMM or attention recompute; the cheap ops are re-run (fsdp-xformers-2023 `recomputesMemoryBoundOps`)',
} as const;
const LLAMA2_SCHEDULE = {
  recompute: 'none',
  source: `Touvron et al. 2023 (Llama 2) §2.2: "We adopt most of the pretraining setting and model architecture from Llama 1"; as LLaMA: ${LLAMA1_SCHEDULE.source}`,
} as const;
const LLAMA2_SOURCE =
  'Touvron et al. 2023, "Llama 2", arXiv:2307.09288, §2.2 (4M-token batches, 4096 context) and Table 2 (A100-80GB GPU-hours); model card CO2 table';

export const TRAINING_RUN_LAYOUTS: readonly TrainingRunLayout[] = Object.freeze([
  {
    runId: 'llama1-7b',
    gpuHours: 82432,
    modelPresetId: null,
    config: { model_type: 'llama', hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, intermediate_size: 11008, vocab_size: 32000 },
    hardwareId: 'a100-sxm-80gb',
    precision: 'bf16',
    gpus: 2048,
    seqLen: 2048,
    globalBatch: 2048,
    layout: null,
    tokens: 1e12,
    gpuHoursBasis: 'pretraining',
    modelled: true,
    hoursCover: 'Table 15 GPU-hours; §2.4: 380 tokens/s/GPU on 2048 A100-80GB for 65B, "training over our dataset containing 1.4T tokens takes approximately 21 days" — 1,022,362 h = 1.4T ÷ (380 × 2048) to 0.2 %: the steps\' time derived from throughput, no downtime',
    comparison: 'steps',
    framework: 'fsdp-xformers-2023',
    schedule: LLAMA1_SCHEDULE,
    assumptions: 'layout not printed: the planner picks it; BF16',
    source: LLAMA1_SOURCE,
  },
  {
    runId: 'llama1-13b',
    gpuHours: 135168,
    modelPresetId: null,
    config: { model_type: 'llama', hidden_size: 5120, num_hidden_layers: 40, num_attention_heads: 40, intermediate_size: 13824, vocab_size: 32000 },
    hardwareId: 'a100-sxm-80gb',
    precision: 'bf16',
    gpus: 2048,
    seqLen: 2048,
    globalBatch: 2048,
    layout: null,
    tokens: 1e12,
    gpuHoursBasis: 'pretraining',
    modelled: true,
    hoursCover: 'Table 15 GPU-hours; §2.4: 380 tokens/s/GPU on 2048 A100-80GB for 65B, "training over our dataset containing 1.4T tokens takes approximately 21 days" — 1,022,362 h = 1.4T ÷ (380 × 2048) to 0.2 %: the steps\' time derived from throughput, no downtime',
    comparison: 'steps',
    framework: 'fsdp-xformers-2023',
    schedule: LLAMA1_SCHEDULE,
    assumptions: 'layout not printed: the planner picks it; BF16',
    source: LLAMA1_SOURCE,
  },
  {
    runId: 'llama1-33b',
    gpuHours: 530432,
    modelPresetId: null,
    config: { model_type: 'llama', hidden_size: 6656, num_hidden_layers: 60, num_attention_heads: 52, intermediate_size: 17920, vocab_size: 32000 },
    hardwareId: 'a100-sxm-80gb',
    precision: 'bf16',
    gpus: 2048,
    seqLen: 2048,
    globalBatch: 2048,
    layout: null,
    tokens: 1.4e12,
    gpuHoursBasis: 'pretraining',
    modelled: true,
    hoursCover: 'Table 15 GPU-hours; §2.4: 380 tokens/s/GPU on 2048 A100-80GB for 65B, "training over our dataset containing 1.4T tokens takes approximately 21 days" — 1,022,362 h = 1.4T ÷ (380 × 2048) to 0.2 %: the steps\' time derived from throughput, no downtime',
    comparison: 'steps',
    framework: 'fsdp-xformers-2023',
    schedule: LLAMA1_SCHEDULE,
    assumptions: 'layout not printed: the planner picks it; BF16',
    source: LLAMA1_SOURCE,
  },
  {
    runId: 'llama1-65b',
    gpuHours: 1022362,
    modelPresetId: null,
    config: { model_type: 'llama', hidden_size: 8192, num_hidden_layers: 80, num_attention_heads: 64, intermediate_size: 22016, vocab_size: 32000 },
    hardwareId: 'a100-sxm-80gb',
    precision: 'bf16',
    gpus: 2048,
    seqLen: 2048,
    globalBatch: 2048,
    layout: null,
    tokens: 1.4e12,
    gpuHoursBasis: 'pretraining',
    modelled: true,
    hoursCover: 'Table 15 GPU-hours; §2.4: 380 tokens/s/GPU on 2048 A100-80GB for 65B, "training over our dataset containing 1.4T tokens takes approximately 21 days" — 1,022,362 h = 1.4T ÷ (380 × 2048) to 0.2 %: the steps\' time derived from throughput, no downtime',
    comparison: 'steps',
    framework: 'fsdp-xformers-2023',
    schedule: LLAMA1_SCHEDULE,
    assumptions: 'layout not printed: the planner picks it; BF16. §2.4: ~380 tokens/s/GPU, 21 days',
    source: LLAMA1_SOURCE,
  },
  {
    runId: 'llama2-7b',
    gpuHours: 184320,
    modelPresetId: 'llama-2-7b',
    hardwareId: 'a100-sxm-80gb',
    precision: 'bf16',
    gpus: 2048,
    seqLen: 4096,
    globalBatch: 1024,
    layout: null,
    tokens: 2e12,
    gpuHoursBasis: 'pretraining',
    modelled: true,
    hoursCover: 'Table 2 "Time (GPU hours)", caption: "total GPU time required for training each model" (pre-training, §2.2.1): elapsed',
    comparison: 'elapsed',
    framework: 'fsdp-xformers-2023',
    schedule: LLAMA2_SCHEDULE,
    assumptions: 'GPU count not printed: 2048 assumed (the RSC partition of LLaMA-1); layout picked by the planner',
    source: LLAMA2_SOURCE,
  },
  {
    runId: 'llama2-13b',
    gpuHours: 368640,
    modelPresetId: null,
    config: { model_type: 'llama', hidden_size: 5120, num_hidden_layers: 40, num_attention_heads: 40, intermediate_size: 13824, vocab_size: 32000, max_position_embeddings: 4096 },
    hardwareId: 'a100-sxm-80gb',
    precision: 'bf16',
    gpus: 2048,
    seqLen: 4096,
    globalBatch: 1024,
    layout: null,
    tokens: 2e12,
    gpuHoursBasis: 'pretraining',
    modelled: true,
    hoursCover: 'Table 2 "Time (GPU hours)", caption: "total GPU time required for training each model" (pre-training, §2.2.1): elapsed',
    comparison: 'elapsed',
    framework: 'fsdp-xformers-2023',
    schedule: LLAMA2_SCHEDULE,
    assumptions: 'GPU count not printed: 2048 assumed; layout picked by the planner',
    source: LLAMA2_SOURCE,
  },
  {
    runId: 'llama2-70b',
    gpuHours: 1720320,
    modelPresetId: 'llama-2-70b',
    hardwareId: 'a100-sxm-80gb',
    precision: 'bf16',
    gpus: 2048,
    seqLen: 4096,
    globalBatch: 1024,
    layout: null,
    tokens: 2e12,
    gpuHoursBasis: 'pretraining',
    modelled: true,
    hoursCover: 'Table 2 "Time (GPU hours)", caption: "total GPU time required for training each model" (pre-training, §2.2.1): elapsed',
    comparison: 'elapsed',
    framework: 'fsdp-xformers-2023',
    schedule: LLAMA2_SCHEDULE,
    assumptions: 'GPU count not printed: 2048 assumed; layout picked by the planner',
    source: LLAMA2_SOURCE,
  },
  {
    runId: 'llama31-405b',
    gpuHours: 30840000,
    modelPresetId: 'llama-3.1-405b',
    hardwareId: 'h100-sxm',
    precision: 'bf16',
    gpus: 16384,
    seqLen: 8192,
    globalBatch: 2048,
    layout: { tp: 8, pp: 16, dp: 128, firstStageLayers: 7, lastStageLayers: 7 },
    tokens: 1.56e13,
    gpuHoursBasis: 'card-total',
    modelled: true,
    hoursCover: 'model card "Training Time (GPU hours)": total GPU time of all of training — the 8K initial stage this row describes plus long-context pre-training to 128K and annealing (Llama 3 §3.4), which it does not',
    comparison: 'not-comparable',
    framework: 'megatron-core',
    assumptions: 'the card\'s 30.84M H100-hours are "total GPU time required for training" (long-context phase, annealing, interruptions: >90 % effective time, §3.3.4)',
    source: 'Llama 3 Herd of Models, arXiv:2407.21783, Table 4 and §3.3; Llama 3.1 model card',
  },
  {
    runId: 'llama3-8b',
    gpuHours: 1300000,
    modelPresetId: 'llama-3-8b',
    hardwareId: 'h100-sxm',
    precision: 'bf16',
    gpus: 2048,
    seqLen: 8192,
    globalBatch: 1024,
    layout: null,
    tokens: 1.5e13,
    gpuHoursBasis: 'card-total',
    modelled: true,
    hoursCover: 'model card "Training Time (GPU hours)": total GPU time required for training, stages and GPU count not published (1.3M hours would mean 16 % MFU for one 15T-token run at 8K)',
    comparison: 'not-comparable',
    framework: 'megatron-core',
    assumptions: 'GPU count and layout not published (2048 assumed; the planner picks); the card\'s 1.3M hours imply 16 % MFU, so they cover far more than one pre-training run',
    source: 'Meta Llama 3 model card (training time 1.3M H100-hours, 15T+ tokens)',
  },
  {
    runId: 'falcon-180b',
    gpuHours: 7000000,
    modelPresetId: 'falcon-180b',
    hardwareId: 'a100-sxm-40gb',
    precision: 'bf16',
    gpus: 4096,
    seqLen: 2048,
    globalBatch: 2048,
    layout: { tp: 8, pp: 8, dp: 64 },
    tokens: 3.5e12,
    gpuHoursBasis: 'wall-clock',
    modelled: true,
    hoursCover: 'Hugging Face blog: "trained on 3.5 trillion tokens on up to 4096 GPUs simultaneously … for a total of ~7,000,000 GPU hours": elapsed, one significant digit',
    comparison: 'elapsed',
    framework: 'megatron-core',
    assumptions: '"~7,000,000 GPU hours" (one significant digit) over the whole run; batch 2048 × 2048 tokens (Falcon paper Table 16 with the ramp ended)',
    source: 'Almazrouei et al. 2023, "The Falcon Series of Open Language Models", arXiv:2311.16867, Table 16 (TP 8, PP 8, DP 64 on 4096 A100-40GB); Hugging Face blog "Falcon 180B" (~7M GPU-hours)',
  },
  {
    runId: 'bloom-176b',
    gpuHours: 1082990,
    modelPresetId: 'bloom-176b',
    hardwareId: 'a100-sxm-80gb',
    precision: 'bf16',
    gpus: 384,
    seqLen: 2048,
    globalBatch: 2048,
    layout: { tp: 4, pp: 12, dp: 8, firstStageLayers: 5, lastStageLayers: 5 },
    tokens: 3.66e11,
    gpuHoursBasis: 'wall-clock',
    modelled: true,
    hoursCover: 'Luccioni et al. 2023 Table 1: 1,082,990 GPU-hours = 384 GPUs × ~118 days of elapsed training (BigScience logbook: restarts, hardware failures included)',
    comparison: 'elapsed',
    framework: 'megatron-deepspeed-2021',
    schedule: {
      recompute: 'full',
      microBatch: 2,
      zeroStage: 1,
      source:
        'bigscience-workshop/bigscience train/tr11-176B-ml/tr11-176B-ml.slurm (commit 003b2505): MICRO_BATCH_SIZE=2 ("was MBS=1 till GBS=784"), --checkpoint-activations and --deepspeed-activation-checkpointing (full recompute), ZERO_STAGE=0 with "bf16 must use z0! it implements its own zero stage 1 equivalent" (README: "due to ZeRO-1 sharding"); BigScience 2022, arXiv:2211.05100 §3.4: "156 TFLOPs in our fastest configuration", counted with the recomputed forward (README "Throughput": the 4·2 coefficient, hardware TFLOPs)',
    },
    cluster: {
      gpusPerNode: 8,
      scaleOutBytesPerSecondPerGpu: (4 * 100e9) / 8 / 8,
      source:
        'Jean Zay gpu_p5 nodes as the tr11 README lists them: "8 GPUs per node Using NVLink 4 inter-gpu connects, 4 OmniPath links", "Inter-node connect: Omni-Path Architecture (OPA)"; BigScience 2022 §3.4.1 (48 nodes of 8 A100 80GB, Omni-Path 100 Gb/s links): 4 × 100 Gb/s per 8 GPUs = 6.25 GB/s per GPU per direction, a quarter of a DGX A100\'s',
    },
    assumptions: '1,082,990 h = 384 GPUs × ~118 days of wall-clock (Luccioni et al. 2023 Table 1), restarts included; 70 layers over 12 stages as 5 + 10 × 6 + 5 (Megatron-DeepSpeed balances the embeddings on the end stages)',
    source: 'BigScience 2022, arXiv:2211.05100, §3.4.1 (48 nodes × 8 A100-80GB, TP 4 × PP 12 × DP 8, batch 2048 × 2048); Luccioni et al. 2023 Table 1',
  },
  {
    runId: 'deepseek-v3',
    gpuHours: 2664000,
    modelPresetId: 'deepseek-v3',
    hardwareId: 'h800-sxm',
    precision: 'fp8',
    gpus: 2048,
    seqLen: 4096,
    globalBatch: 15360,
    layout: { tp: 1, pp: 16, dp: 128, ep: 64, firstStageLayers: 3, lastStageLayers: 2 },
    tokens: 1.48e13,
    gpuHoursBasis: 'pretraining',
    modelled: true,
    hoursCover: 'Table 1 "Pre-Training 2664K" H800 GPU hours; §1: "training DeepSeek-V3 on each trillion tokens requires only 180K H800 GPU hours" — 2664K = 14.8 × 180K: the steps\' time derived from throughput',
    comparison: 'steps',
    framework: 'dualpipe-2024',
    assumptions: 'priced with its own software row (dualpipe-2024: DualPipe\'s overlap and bubble, node-limited routing with FP8 dispatch, 20 of 132 SMs for communication, RMSNorm/SwiGLU/MLA up-projection recompute; §3.2); micro-batch and ZeRO stage left to the planner (ZeRO-1 with FP32 gradients does not fit without recomputation by the memory plan, about 87 GB against the 85.5 GB an H800 gives CUDA, which does not model DeepSeek\'s BF16 optimizer moments and FP8 activation caching, §3.3); pre-training only: 2,664K of the 2,788K H800-hours (Table 1); 61 layers over 16 stages split 3 + 14 × 4 + 2 (the split is not published; DualPipe puts the first and the last stage on the same rank, so only their sum matters); the multi-token-prediction module (D = 1, §2.2: one more MoE block, a 2h → h projection and a second output-head pass) priced on the last stage; NOT MODELLED: DualPipe\'s second copy of the parameters, expert load imbalance',
    source: 'DeepSeek-AI 2024, "DeepSeek-V3 Technical Report", arXiv:2412.19437, Table 1, §3.2 (16-way PP, 64-way EP over 8 nodes, ZeRO-1), §4.2 (4K context, batch 3072 → 15360)',
  },
  {
    runId: 'opt-175b',
    gpuHours: 809472,
    modelPresetId: null,
    config: { model_type: 'opt', hidden_size: 12288, num_hidden_layers: 96, num_attention_heads: 96, ffn_dim: 49152, vocab_size: 50272, max_position_embeddings: 2048, word_embed_proj_dim: 12288 },
    hardwareId: 'a100-sxm-80gb',
    precision: 'fp16',
    gpus: 992,
    seqLen: 2048,
    globalBatch: 992,
    layout: { tp: 8, pp: 1, dp: 124 },
    tokens: 1.8e11,
    gpuHoursBasis: 'third-party',
    modelled: true,
    hoursCover: 'not reported by the OPT authors: 809,472 h is the LLaMA paper\'s estimate (992 GPUs × 34 days, Touvron et al. 2023 Table 15)',
    comparison: 'not-comparable',
    framework: 'fsdp-xformers-2023',
    schedule: {
      recompute: 'full',
      microBatch: 8,
      zeroStage: 2,
      source:
        'facebookresearch/metaseq metaseq/launcher/opt_baselines.py (commit 08c22746, the OPT sweep script): --ddp-backend fully_sharded with --no-reshard-after-forward (save-dir key "zero2": weights gathered once per step and kept for the backward pass, gradients and optimizer sharded), --checkpoint-activations (full recompute), --model-parallel-size 8 for 175B, --update-freq 1 (no gradient accumulation: the micro-batch is the per-rank batch, 2M tokens / 124 ranks / 2048 = 8 sequences); Zhang et al. 2022 §2.4: FSDP with Megatron-LM tensor parallelism, "up to 147 TFLOP/s per GPU"',
    },
    assumptions: 'the 809,472 hours are the LLaMA paper\'s assumption (34 days × 992 GPUs), not a report; FSDP with Megatron TP 8 (OPT §2.4); 2M-token batches, taken as 992 sequences (8 per data-parallel rank)',
    source: 'Zhang et al. 2022, "OPT", arXiv:2205.01068, §2.4; LLaMA paper Table 15',
  },
] satisfies TrainingRunLayout[]);
