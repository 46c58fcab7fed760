/**
 * Compute, time and cost of fine-tuning on a dataset of D tokens. Units: FLOPs, seconds,
 * GPU-hours, US dollars.
 *
 * Sources: Kaplan et al. 2020 §2.1 (6·N FLOPs per token for training: 2 forward, 4 backward, of
 * which 2 compute the gradients with respect to the activations and 2 those with respect to the
 * weights); Hu et al. 2021 §4.2 (LoRA computes no gradient for the frozen weights; 25% faster
 * than full fine-tuning on GPT-3 175B); Chen et al. 2016 and Korthikanti et al. 2022 §5
 * (checkpointing recomputes the forward pass: one more 2·N per token).
 */
import { denseFlopsFor } from '../../data/hardware';
import type { Accelerator } from '../../data/types';
import { ConfigError } from '../errors';
import { countParameters } from '../params';
import { attentionTrainingFlops } from '../training';
import type { Architecture } from '../types';
import { SECONDS_PER_HOUR } from '../units';
import { loraTrainableParameters } from './lora';
import { DEFAULT_LORA, type FineTuningMethod, type FineTuningOptions } from './memory';

export interface FineTuningFlops {
  /** FLOPs the method needs (no recomputation). */
  modelFlops: number;
  /** FLOPs the GPUs execute, the recomputed forward pass included. */
  hardwareFlops: number;
  /** Parameters one token runs through (MoE: active parameters). */
  activeParameters: number;
  /** Adapter parameters one token runs through (0 for full fine-tuning). */
  activeAdapterParameters: number;
}

export interface FineTuningComputeOptions extends Pick<FineTuningOptions, 'gradientCheckpointing' | 'lora'> {
  method: FineTuningMethod;
  /** Tokens in the dataset × epochs. */
  tokens: number;
  seqLen: number;
}

function finiteNonNegative(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigError(`${name} must be a finite number ≥ 0, got ${String(value)}`, name);
  }
  return value;
}

/**
 * Fine-tuning FLOPs over `tokens` tokens (N = active parameters, A = active adapter parameters,
 * D = tokens, attention = the context term of `attentionTrainingFlops`, forward + backward):
 *   full:        6·N·D + attention
 *   LoRA, QLoRA: 4·N·D + 6·A·D + attention   (the frozen base runs forward (2·N) and passes
 *                gradients back through its activations (2·N) but skips weight gradients (2·N))
 *   hardware = model + the recomputed forward with gradient checkpointing (2·N·D, 2·A·D for the
 *   adapters, one third of the attention term).
 * QLoRA's dequantization is memory traffic, not FLOPs: it is not counted (the paper reports no
 * runtime loss against 16-bit fine-tuning, §1).
 * Units: FLOPs. Sources: see the module comment.
 */
export function fineTuningFlops(arch: Architecture, options: FineTuningComputeOptions): FineTuningFlops {
  const tokens = finiteNonNegative('tokens', options.tokens);
  const seqLen = finiteNonNegative('seqLen', options.seqLen);
  const checkpointing = options.gradientCheckpointing ?? true;
  const activeParameters = countParameters(arch).active;
  const attention = attentionTrainingFlops(arch, tokens, seqLen);
  const recomputedAttention = checkpointing ? attention / 3 : 0;
  if (options.method === 'full') {
    const modelFlops = 6 * activeParameters * tokens + attention;
    const recompute = checkpointing ? 2 * activeParameters * tokens + recomputedAttention : 0;
    return { modelFlops, hardwareFlops: modelFlops + recompute, activeParameters, activeAdapterParameters: 0 };
  }
  const adapters = loraTrainableParameters(arch, options.lora ?? DEFAULT_LORA).active;
  const modelFlops = 4 * activeParameters * tokens + 6 * adapters * tokens + attention;
  const recompute = checkpointing ? 2 * (activeParameters + adapters) * tokens + recomputedAttention : 0;
  return { modelFlops, hardwareFlops: modelFlops + recompute, activeParameters, activeAdapterParameters: adapters };
}

export interface FineTuningTimeOptions extends FineTuningComputeOptions {
  accelerator: Accelerator;
  gpus: number;
  /**
   * Fraction of the GPUs' dense BF16 peak achieved on the FLOPs executed (hardware FLOPs
   * utilization). Default 0.4, the explorer's default utilization.
   */
  utilization?: number;
  /** Price per GPU-hour; default the accelerator's listed price, else no cost. */
  usdPerGpuHour?: number;
}

export interface FineTuningTime extends FineTuningFlops {
  seconds: number;
  gpuHours: number;
  /** null when no price is known. */
  costUsd: number | null;
}

/**
 * Wall-clock time, GPU-hours and cost of a fine-tuning run:
 *   seconds = hardwareFlops / (gpus × dense BF16 peak × utilization);
 *   gpuHours = gpus × seconds / 3600; cost = gpuHours × price.
 * Units: seconds, GPU-hours, US dollars. Assumes perfect data-parallel scaling (communication
 * not modelled). QLoRA's dequantization kernels make it slower than LoRA in practice at small
 * batch sizes; that is not modelled here.
 */
export function fineTuningTime(arch: Architecture, options: FineTuningTimeOptions): FineTuningTime {
  const flops = fineTuningFlops(arch, options);
  const gpus = options.gpus;
  if (!Number.isSafeInteger(gpus) || gpus < 1) throw new ConfigError(`gpus must be a whole number of at least 1, got ${String(gpus)}`, 'gpus');
  const utilization = options.utilization ?? 0.4;
  if (!(utilization > 0 && utilization <= 1)) throw new ConfigError(`utilization must be in (0, 1], got ${String(utilization)}`, 'utilization');
  const peak = denseFlopsFor(options.accelerator, 'bf16');
  if (!peak) throw new ConfigError(`${options.accelerator.name} lists no 16-bit or FP32 matrix throughput`, 'accelerator');
  const seconds = flops.hardwareFlops / (gpus * peak.flops * utilization);
  const gpuHours = (gpus * seconds) / SECONDS_PER_HOUR;
  const price = options.usdPerGpuHour ?? options.accelerator.price?.usdPerHour ?? null;
  return { ...flops, seconds, gpuHours, costUsd: price === null ? null : gpuHours * finiteNonNegative('usdPerGpuHour', price) };
}
