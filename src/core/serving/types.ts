/**
 * Types of the serving model (core-api spec: `servingCapacity`, `servingFrontier`). Units:
 * seconds, tokens, tokens per second, requests per second, bytes, GPUs.
 */
import type { Architecture } from '../types';
import type { Accelerator, PrecisionId } from '../../data/types';
import type { DecodeEfficiencyOverrides } from './efficiency';

/** Links between the GPUs of a replica; absent fields take the accelerator's and its kind's defaults. */
export interface ServingCluster {
  /** GPUs that share the scale-up link (NVLink domain, one PCIe box). */
  gpusPerNode?: number;
  /** Scale-up bytes per second per GPU per direction. */
  scaleUpBytesPerSecond?: number;
  /** Scale-out (between nodes) bytes per second per GPU per direction. */
  scaleOutBytesPerSecondPerGpu?: number;
}

export interface ServingSlo {
  /** Time to first token, seconds. */
  ttftSeconds?: number;
  /** Time per output token after the first, seconds. */
  tpotSeconds?: number;
}

export interface ServingInput {
  arch: Architecture;
  accelerator: Accelerator;
  /** GPUs in the replica (tensor parallel). */
  tp: number;
  /** MoE: experts spread over `ep` of the replica's GPUs (each expert's columns over tp / ep). */
  ep?: number;
  /**
   * With `ep` > 1: attention data-parallel over all `tp` GPUs (each attends its own sequences; the
   * default, as SGLang / TensorRT-LLM `enable_attention_dp`), or tensor-parallel as in TensorRT-LLM's
   * default MoE mapping (attention split by heads, experts by `ep`, results all-reduced).
   */
  attention?: 'data-parallel' | 'tensor-parallel';
  weightPrecision: PrecisionId;
  kvPrecision: PrecisionId;
  /** Tokens per request. */
  inputTokens: number;
  outputTokens: number;
  /** Absent: maximum throughput. */
  slo?: ServingSlo;
  /** Fix the number of sequences in flight instead of searching it. */
  concurrency?: number;
  /** GPUs actually present; `tp` larger than this is an error. */
  gpusAvailable?: number;
  /** Overrides of the decode-efficiency defaults (`decodeEfficiency`). */
  efficiency?: DecodeEfficiencyOverrides;
  cluster?: ServingCluster;
  /** Fraction of the memory left after weights, activations and runtime that the engine gives the paged KV cache. Default 0.9. */
  kvMemoryFraction?: number;
  /** Most tokens one engine step takes (chunked prefill budget). Default 8192. */
  maxTokensPerStep?: number;
  /** Most sequences an engine keeps in flight per attention rank. Default 4096. */
  maxSequencesPerRank?: number;
}

export type ServingLimit = 'memory' | 'slo' | 'compute' | 'bandwidth';

/** Seconds of one engine step by cause (they add up to `stepSeconds`). */
export interface ServingStepBreakdown {
  /** Weight matrices (GEMMs): the slower of their FLOPs and streaming their bytes, per GEMM. */
  weights: number;
  /** Memory-bound elementwise kernels: norms, SwiGLU, MoE token permutation. */
  activations: number;
  /** Attention over the KV cache: the slower of its FLOPs and reading the cache. */
  attention: number;
  /** Tensor-parallel all-reduces and expert-parallel all-to-alls. */
  communication: number;
  /** Fixed per-layer launch / synchronisation cost (and per MoE layer: routing, grouped-GEMM launches). */
  overhead: number;
}

export interface ServingPoint {
  outputTokensPerSecondPerGpu: number;
  outputTokensPerSecondPerUser: number;
  /** Sequences in flight. */
  concurrency: number;
  ttftSeconds: number;
  tpotSeconds: number;
  requestsPerSecond: number;
  /** KV tokens that fit after weights and working memory (full-attention tokens, whole replica). */
  kvCapacityTokens: number;
  limitedBy: ServingLimit;
  /** GPUs in the replica. */
  gpus: number;
  /** Output tokens per second of the whole replica. */
  outputTokensPerSecond: number;
  /** Most sequences memory (and the engine cap) allows. */
  maxConcurrency: number;
  /** One engine step at this concurrency (= tpotSeconds), by cause. */
  stepSeconds: number;
  breakdown: ServingStepBreakdown;
  /** Which resource dominates the step: FLOPs or bytes. */
  bound: 'compute' | 'bandwidth';
  /** Per GPU: weights, KV cache at this concurrency, and working memory + runtime reserve, bytes. */
  memoryPerGpu: { weights: number; kvCache: number; working: number; usable: number };
}
