/**
 * GPU memory of fine-tuning a model: full fine-tuning (mixed-precision Adam, ZeRO), LoRA (frozen
 * 16-bit base, trainable adapters) and QLoRA (frozen NF4 base with double quantization, 16-bit
 * computation, paged optimizer). Units: bytes, parameters.
 *
 * Sources: Rajbhandari et al. 2020, "ZeRO" §3.1 and Figure 1 (16 bytes per trained parameter);
 * Hu et al. 2021, "LoRA" §4.2 (no gradients or optimizer states for the frozen weights: GPT-3
 * 175B trains in 350 GB instead of 1.2 TB); Dettmers et al. 2023, "QLoRA" §2 (activations and
 * gradient checkpointing dominate adapter memory), §3 (NF4, double quantization to 4.127 bits
 * per parameter, paged optimizers), §4 ("paged optimizers are critical to do 33B/65B QLoRA
 * tuning on a single 24/48GB GPU"); Korthikanti et al. 2022 Table 2 for activations.
 */
import { ConfigError } from '../errors';
import { RUNTIME_OVERHEAD_BYTES_PER_GPU, modelStateBreakdownPerDevice, trainingActivationBytesPerDevice, activationBytesPerLayer } from '../memory';
import { countParameters } from '../params';
import type { Architecture } from '../types';
import { LORA_ALL_LINEAR, largestLinearMatrix, loraTrainableParameters, type LoraOptions } from './lora';

export type FineTuningMethod = 'full' | 'lora' | 'qlora';
export const FINE_TUNING_METHODS: readonly FineTuningMethod[] = Object.freeze(['full', 'lora', 'qlora']);

/**
 * Storage of a QLoRA base weight: 4-bit NF4 plus double-quantized block constants,
 *   4 + 8/64 (FP8 absmax per block of 64) + 32/(64 · 256) (FP32 constant per 256 blocks) = 4.127 bits.
 * Source: Dettmers et al. 2023 §3, "Double Quantization" (0.5 → 0.127 bits per parameter).
 */
export const NF4_DOUBLE_QUANT_BITS_PER_WEIGHT = 4 + 8 / 64 + 32 / (64 * 256);

/** QLoRA's LoRA recipe (Dettmers et al. 2023 §4 and App. B.2): r = 64 on every linear layer. */
export const DEFAULT_LORA: Readonly<LoraOptions> = Object.freeze({ rank: 64, modules: LORA_ALL_LINEAR });

/**
 * Bytes per adapter parameter: weight and gradient in the adapter's precision, Adam's two moments
 * in FP32. PEFT keeps adapters in FP32 by default (`autocast_adapter_dtype`); QLoRA's own script
 * casts them to BF16 (`qlora.py --bf16`).
 */
const ADAPTER_BYTES: Readonly<Record<'fp32' | 'bf16', { weight: number; gradient: number; optimizer: number }>> = {
  fp32: { weight: 4, gradient: 4, optimizer: 8 },
  bf16: { weight: 2, gradient: 2, optimizer: 8 },
};

export interface FineTuningOptions {
  method: FineTuningMethod;
  /** Tokens per sequence. */
  seqLen: number;
  /** Sequences per GPU per micro-step (gradient accumulation adds none). */
  microBatch: number;
  /** Keep only each layer's input and recompute the rest in the backward pass. Default true. */
  gradientCheckpointing?: boolean;
  /** FlashAttention: the s² attention scores are not stored. Default true. */
  flashAttention?: boolean;
  /** Data-parallel GPUs sharing the job. Default 1. */
  gpus?: number;
  /** ZeRO stage over `gpus` (3 = FSDP, weights sharded too). Default 3 with several GPUs, else 0. */
  zeroStage?: 0 | 1 | 2 | 3;
  /** LoRA / QLoRA adapters. Default {@link DEFAULT_LORA}. */
  lora?: LoraOptions;
  /** Adapter weights and gradients in FP32 (PEFT's default) or BF16 (QLoRA's script). Default fp32. */
  adapterPrecision?: 'fp32' | 'bf16';
  /** Optimizer states in paged (unified) memory that may be evicted to CPU RAM. Default: QLoRA only. */
  pagedOptimizer?: boolean;
  /** CUDA context, workspaces, fragmentation per GPU. Default 1 GB (RUNTIME_OVERHEAD_BYTES_PER_GPU). */
  overheadBytes?: number;
}

export interface FineTuningMemory {
  method: FineTuningMethod;
  /** Parameters that receive gradients (all for full fine-tuning, adapters otherwise). */
  trainableParameters: number;
  /** The model's own weights on this GPU: 16-bit (full, LoRA) or NF4 + 16-bit embeddings (QLoRA). */
  baseWeights: number;
  adapterWeights: number;
  gradients: number;
  optimizer: number;
  activations: number;
  /** QLoRA: one weight matrix dequantized to BF16 at a time. */
  dequantWorkspace: number;
  overhead: number;
  total: number;
  /** Optimizer bytes a paged optimizer may move to CPU RAM under pressure (0 without paging). */
  pageable: number;
  /** total − pageable: what must stay in GPU memory. */
  resident: number;
}

function positiveWhole(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ConfigError(`${name} must be a whole number of at least 1, got ${String(value)}`, name);
  }
  return value;
}

/**
 * Frozen base weights of QLoRA: every linear layer in NF4 with double quantization
 * ({@link NF4_DOUBLE_QUANT_BITS_PER_WEIGHT}); embeddings, output head and norms stay 16-bit
 * (bitsandbytes converts nn.Linear layers only and leaves lm_head unconverted).
 * Units: bytes. Source: Dettmers et al. 2023 §3; transformers' bitsandbytes integration.
 */
export function qloraBaseWeightBytes(arch: Architecture): number {
  const count = countParameters(arch);
  const sixteenBit = count.embedding + count.outputHead + count.norms + count.other;
  return ((count.total - sixteenBit) * NF4_DOUBLE_QUANT_BITS_PER_WEIGHT) / 8 + sixteenBit * 2;
}

/**
 * Activation bytes per GPU: Korthikanti et al. 2022 Table 2 per layer (34·s·b·h, plus 5·a·s²·b
 * without FlashAttention) × layers and the embedding / logits terms; with gradient
 * checkpointing 2·s·b·h per layer (the layer inputs) plus one layer's full set while it is
 * recomputed. The same for every method: the frozen base still needs its activations to pass
 * gradients back to the adapters (QLoRA §2); the adapters' own r-wide intermediates are
 * negligible and not counted. Units: bytes. Assumes a GPT-style block (the paper's approximation
 * for SwiGLU, GQA and MoE layers).
 */
export function fineTuningActivationBytes(arch: Architecture, options: Pick<FineTuningOptions, 'seqLen' | 'microBatch' | 'gradientCheckpointing' | 'flashAttention'>): number {
  const checkpointing = options.gradientCheckpointing ?? true;
  const flashAttention = options.flashAttention ?? true;
  const common = { tensorParallel: 1, pipelineParallel: 1, microBatch: options.microBatch, seqLen: options.seqLen, sequenceParallel: false, flashAttention };
  const stored = trainingActivationBytesPerDevice(arch, { ...common, recompute: checkpointing ? 'full' : 'none' });
  if (!checkpointing) return stored;
  const workingLayer = activationBytesPerLayer({ ...common, hidden: arch.hidden, heads: arch.heads, recompute: 'none' });
  return stored + workingLayer;
}

/**
 * Memory per GPU of one fine-tuning method.
 *   full:  ZeRO model states (2 weights + 2 gradients + 12 Adam: FP32 master, momentum,
 *          variance) × parameters, sharded over `gpus` by `zeroStage`; + activations.
 *   LoRA:  frozen 16-bit base (2 bytes × parameters; sharded only at ZeRO-3) + adapters
 *          (weight + gradient in the adapter precision, 8 bytes of Adam moments) + activations.
 *   QLoRA: frozen base at 4.127 bits per linear weight and 16-bit embeddings/head/norms + the
 *          adapters as for LoRA + activations + one BF16 copy of the largest weight matrix
 *          (dequantized for each matmul); the optimizer states are paged (evictable to CPU RAM).
 *   + overhead (CUDA context and workspaces, 1 GB by default) for every method.
 * resident = total − pageable decides whether a GPU fits.
 * Units: bytes. Sources: see the module comment.
 */
export function fineTuningMemoryPerGpu(arch: Architecture, options: FineTuningOptions): FineTuningMemory {
  const seqLen = positiveWhole('seqLen', options.seqLen);
  const microBatch = positiveWhole('microBatch', options.microBatch);
  const gpus = positiveWhole('gpus', options.gpus ?? 1);
  const zeroStage = options.zeroStage ?? (gpus > 1 ? 3 : 0);
  if (![0, 1, 2, 3].includes(zeroStage)) throw new ConfigError(`zeroStage must be 0, 1, 2 or 3, got ${String(zeroStage)}`, 'zeroStage');
  const method = options.method;
  if (!FINE_TUNING_METHODS.includes(method)) throw new ConfigError(`method must be full, lora or qlora, got ${String(method)}`, 'method');
  const overhead = options.overheadBytes ?? RUNTIME_OVERHEAD_BYTES_PER_GPU;
  if (!Number.isFinite(overhead) || overhead < 0) throw new ConfigError(`overheadBytes must be a finite number ≥ 0, got ${String(overhead)}`, 'overheadBytes');
  const activations = fineTuningActivationBytes(arch, { ...options, seqLen, microBatch });
  const count = countParameters(arch);

  let trainableParameters: number;
  let baseWeights: number;
  let adapterWeights = 0;
  let gradients: number;
  let optimizer: number;
  let dequantWorkspace = 0;
  if (method === 'full') {
    const states = modelStateBreakdownPerDevice({ params: count.total, zeroStage, dataParallel: gpus, tensorParallel: 1, pipelineParallel: 1 });
    trainableParameters = count.total;
    baseWeights = states.weights;
    gradients = states.gradients;
    optimizer = states.optimizer;
  } else {
    const adapters = loraTrainableParameters(arch, options.lora ?? DEFAULT_LORA);
    const bytes = ADAPTER_BYTES[options.adapterPrecision ?? 'fp32'];
    const states = modelStateBreakdownPerDevice({
      params: adapters.total,
      zeroStage,
      dataParallel: gpus,
      tensorParallel: 1,
      pipelineParallel: 1,
      bytesPerWeight: bytes.weight,
      bytesPerGradient: bytes.gradient,
      optimizerBytesPerParam: bytes.optimizer,
    });
    trainableParameters = adapters.total;
    const frozen = method === 'qlora' ? qloraBaseWeightBytes(arch) : count.total * 2;
    baseWeights = frozen / (zeroStage >= 3 ? gpus : 1);
    adapterWeights = states.weights;
    gradients = states.gradients;
    optimizer = states.optimizer;
    if (method === 'qlora') dequantWorkspace = 2 * largestLinearMatrix(arch);
  }
  const total = baseWeights + adapterWeights + gradients + optimizer + activations + dequantWorkspace + overhead;
  const pageable = (options.pagedOptimizer ?? method === 'qlora') ? optimizer : 0;
  return { method, trainableParameters, baseWeights, adapterWeights, gradients, optimizer, activations, dequantWorkspace, overhead, total, pageable, resident: total - pageable };
}
