/**
 * Warning codes of an estimate. Strings, so the i18n layer owns the wording; each names the
 * fallback or the doubtful input the page should point out.
 */
import type { ComputeFormat } from '../data/types';

/** A compute format the accelerator lacks, replaced by a slower one (see `denseFlopsFor`). */
export type UnsupportedFormatWarning = `${ComputeFormat}-unsupported`;

/**
 * Warning codes the page translates into notices. Strings, so the i18n layer owns the wording.
 */
export type WarningCode =
  /** `scenario.model` is not a preset id: the default model was used. */
  | 'unknown-model'
  /** The imported config.json could not be read: the default model was used. */
  | 'invalid-config'
  /** The architecture overrides produce an invalid model: they were ignored. */
  | 'invalid-overrides'
  /** The config's model_type is unknown and was estimated as a Llama-style decoder. */
  | 'approximate-architecture'
  /** The architecture is derived from a parameter count by the shape rule (size slider, hypothetical presets). */
  | 'derived-architecture'
  /** The preset is an unconfirmed estimate (GPT-4) or hypothetical (the article's models). */
  | 'unconfirmed-model'
  /** `scenario.gpu` is not an accelerator id: the default accelerator was used. */
  | 'unknown-gpu'
  /** A precision id is unknown: BF16 was used. */
  | 'unknown-precision'
  | UnsupportedFormatWarning
  /** The accelerator lists no dense rate at all: 1 TFLOP/s was assumed. */
  | 'no-compute-rate'
  /** No price known: FALLBACK_USD_PER_GPU_HOUR was used. */
  | 'price-fallback'
  /** No board power known: FALLBACK_TDP_WATTS was used. */
  | 'tdp-fallback'
  /** Training memory per GPU exceeds the GPU's memory at the scenario's parallel layout. */
  | 'does-not-fit'
  /** No layout of up to 1e6 GPUs fits the training memory. */
  | 'training-never-fits'
  /** No tensor-parallel group of up to 1e6 GPUs serves the model at this batch and context. */
  | 'inference-does-not-fit'
  /** The weights alone exceed one GPU's memory. */
  | 'weights-exceed-one-gpu'
  /** tensorParallel × pipelineParallel exceeds gpuCount. */
  | 'parallelism-exceeds-gpus'
  /** gpuCount is not a multiple of tensorParallel × pipelineParallel (the remainder idles). */
  | 'gpus-not-divisible'
  /** tensorParallel does not divide the attention heads. */
  | 'tensor-parallel-not-dividing-heads'
  /** pipelineParallel exceeds the layers. */
  | 'pipeline-exceeds-layers'
  /** prompt + output tokens exceed the model's context length. */
  | 'context-exceeds-model'
  /** The training sequence length exceeds the model's context length. */
  | 'seq-len-exceeds-model'
  /** The KV precision is not a usual KV-cache format. */
  | 'kv-precision-unusual'
  /** The training precision is not a usual mixed-precision compute format. */
  | 'train-precision-unusual'
  /** Scaling laws were fitted on dense models; an MoE's loss is only indicative. */
  | 'moe-scaling-law'
  /** Encoder-only models do not generate: inference figures are a forward pass per token. */
  | 'encoder-only';
