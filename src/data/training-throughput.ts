/**
 * Published training throughput of real parallel layouts: the calibration set of the training
 * planner (docs/training-planner.md), shown on the page (the training plan's strong-scaling
 * chart overlays the rows of the chosen accelerator) and read by the calibration tests
 * (test/fixtures/training-throughput.ts builds planner inputs from these rows). Copied from the
 * project brief's reference table (training-throughput.json, not part of this repository) with each source kept;
 * nothing here is derived except where a field says so.
 */

/** Megatron-Core on H100, BF16, seq 4096, vocab 131072, GPT-style models (README model table). */
export interface MegatronCoreRow {
  model: string;
  heads: number;
  hidden: number;
  layers: number;
  tp: number;
  pp: number;
  dp: number;
  gpus: number;
  globalBatch: number;
  /** Model TFLOP/s per GPU as printed (Megatron's num_floating_point_operations convention). */
  tflopsPerGpu: number;
  /** MFU as printed (tflopsPerGpu / 989 TFLOP/s BF16). */
  mfu: number;
}

export const MEGATRON_CORE_H100_SOURCE =
  "NVIDIA Megatron-LM README, model table image (images/model_table.png) added 2024-07-15; values read from the image by eye, so allow for transcription error.";

/**
 * What the README (NVIDIA/Megatron-LM, commit f2e5db402c "New scaling figures on H100 GPUs",
 * 2024-07-15, the text around images/model_table.png) states about these runs, and what it does not.
 * Stated: GPT models, vocabulary 131,072, sequence 4096, up to 6144 H100; "fine-grained overlapping
 * of data-parallel (`--overlap-grad-reduce --overlap-param-gather`), tensor-parallel
 * (`--tp-comm-overlap`) and pipeline-parallel communication (enabled by default)"; throughput
 * "measured for end-to-end training and include[s] all operations including data loading,
 * optimizer steps, communication, and even logging"; Megatron-Core r0.8.0 (the weak- and
 * strong-scaling figures' legend). `--overlap-param-gather` needs the distributed optimizer (ZeRO-1);
 * `--tp-comm-overlap` needs sequence parallelism.
 * NOT stated — the micro-batch, the interleaving, recomputation, FP32 or BF16 gradient reduction.
 * Inferred, not printed:
 * - Interleaved schedule on every pp > 1 row, one layer per virtual stage (vp = layers / pp:
 *   42, 23, 16, 12, 7). In Megatron-Core r0.8 the pipeline-parallel communication overlap the README
 *   says is on (`overlap_p2p_comm`, default True) is switched off unless the interleaved schedule is
 *   used (megatron/training/arguments.py at f2e5db402c: "Overlap P2P communication is disabled if
 *   not using the interleaved schedule"); the 119B and 462B rows put 23 and 7 layers (primes) on a
 *   stage, so `--num-layers-per-virtual-pipeline-stage` can only have been 1 there; and every batch is
 *   4·pp micro-batches per data-parallel rank at micro-batch 1, the multiple of pp the interleaved
 *   schedule requires (schedules.py: "number of microbatches ... is not divisible by
 *   pipeline-model-parallel-size when using interleaved schedule").
 * - Micro-batch 1 (the reference file's assumption; the batch divides for 1, 2 and 4 alike), except
 *   the 32B row, which is out of reach at 1 under r0.8's data-parallel schedule
 *   (MEGATRON_CORE_INFERRED_MICRO_BATCH).
 * - No recomputation (nothing in the text; at 41–49 % MFU a full recompute's 33 % extra FLOPs would
 *   put the hardware FLOP rate above 60 % of peak).
 */
export const MEGATRON_CORE_H100_SETTINGS = {
  accelerator: 'h100-sxm',
  precision: 'bf16',
  vocab: 131072,
  seqLen: 4096,
  /** Not printed: the reference file says assume 1 (see MEGATRON_CORE_INFERRED_MICRO_BATCH for the one exception). */
  microBatch: 1,
  /** Layers per virtual pipeline stage where pp > 1 (inferred, see above). */
  layersPerVirtualStage: 1,
} as const;

/**
 * Micro-batches inferred where the printed throughput is out of reach at micro-batch 1 (derived,
 * not printed). The 32B row (tp 8, so one data-parallel member per node and one 400 Gb/s NIC per
 * GPU for 48-way data parallelism, 4 sequences per rank): Megatron-Core r0.8 reduces gradients in
 * FP32 with `--bf16` (megatron/training/arguments.py) and overlaps the reduce-scatter only with the
 * last micro-batch's backward and the BF16 parameter all-gather only with the first micro-batch's
 * forward (schedules.py forward_backward_no_pipelining, distrib_optimizer.py). 3.93e9 parameters
 * per GPU → 15.7 GB reduce-scattered and 7.9 GB all-gathered through 50 GB/s; at micro-batch 1 the
 * printed 0.892 s step then leaves the compute so little time that it would have to run at ≥ 70 %
 * of the BF16 peak even at the NIC's full line rate, where the 7.1B and 16B rows, with almost no
 * communication, realise 47–49 %; at micro-batch 2 ≤ 50 % suffices (test/unit/planner-calibration.test.ts
 * computes both from the printed figures). Micro-batch 2 (the batch also divides for 2 and 4) is
 * the smallest consistent with the row.
 */
export const MEGATRON_CORE_INFERRED_MICRO_BATCH: Readonly<Record<string, number>> = { '32B': 2 };

export const MEGATRON_CORE_H100_ROWS: readonly MegatronCoreRow[] = [
  { model: "1.7B", heads: 16, hidden: 2048, layers: 24, tp: 1, pp: 1, dp: 48, gpus: 48, globalBatch: 192, tflopsPerGpu: 408.8, mfu: 0.41 },
  { model: "7.1B", heads: 32, hidden: 4096, layers: 30, tp: 2, pp: 1, dp: 48, gpus: 96, globalBatch: 192, tflopsPerGpu: 465.9, mfu: 0.47 },
  { model: "16B", heads: 48, hidden: 6144, layers: 32, tp: 4, pp: 1, dp: 48, gpus: 192, globalBatch: 192, tflopsPerGpu: 489.1, mfu: 0.49 },
  { model: "32B", heads: 56, hidden: 7168, layers: 48, tp: 8, pp: 1, dp: 48, gpus: 384, globalBatch: 192, tflopsPerGpu: 459.6, mfu: 0.46 },
  { model: "70B", heads: 64, hidden: 8192, layers: 84, tp: 8, pp: 2, dp: 48, gpus: 768, globalBatch: 384, tflopsPerGpu: 419.7, mfu: 0.42 },
  { model: "119B", heads: 80, hidden: 10240, layers: 92, tp: 8, pp: 4, dp: 48, gpus: 1536, globalBatch: 768, tflopsPerGpu: 420.5, mfu: 0.43 },
  { model: "177B", heads: 96, hidden: 12288, layers: 96, tp: 8, pp: 6, dp: 48, gpus: 2304, globalBatch: 1152, tflopsPerGpu: 432.8, mfu: 0.44 },
  { model: "314B", heads: 128, hidden: 16384, layers: 96, tp: 8, pp: 8, dp: 48, gpus: 3072, globalBatch: 1536, tflopsPerGpu: 474.4, mfu: 0.48 },
  { model: "462B", heads: 144, hidden: 18432, layers: 112, tp: 8, pp: 16, dp: 48, gpus: 6144, globalBatch: 3072, tflopsPerGpu: 459.9, mfu: 0.47 },
];

/** NeMo performance summary rows, FP8 (per-tensor scaling). */
export interface NemoRow {
  system: 'h100-sxm' | 'b200' | 'gb200';
  release: string;
  model: string;
  /** The explorer's preset with the same architecture, or null (built from the published config). */
  preset: string | null;
  gpus: number;
  globalBatch: number;
  microBatch: number;
  seqLen: number;
  tp: number;
  pp: number;
  cp: number;
  vp: number;
  ep: number;
  tokensPerSecondPerGpu: number;
  /** NeMo's model TFLOP/s per GPU (attention included, not hardware FLOPs). */
  modelTflopsPerGpu: number;
}


/**
 * What the NeMo recipes of those releases set beyond the printed layout (NVIDIA/NeMo v2.0.0
 * nemo/collections/llm/recipes/*.py, v2.2.0 scripts/llm/performance/, v2.3.0 scripts/performance/
 * and their recommended_model_configs/*.csv), priced by the 'nemo-2' framework row:
 * - TP communication overlap through MegatronCommOverlapCallback with per-model userbuffers
 *   configurations; overlap_grad_reduce and overlap_param_gather (distributed optimizer);
 * - bf16_with_fp8_mixed: fp8_param_gather = True, grad_reduce_in_fp32 = False (BF16 reduction);
 * - GPTConfig cross_entropy_loss_fusion = True; 25.04 also cross_entropy_fusion_impl = "te";
 * - sequence parallelism whenever tp > 1 (set_primary_perf_configs);
 * - CUDA graphs on for the 25.04 B200/GB200 Llama-3-8B, Llama-3-70B (B200) and Mixtral recipes
 *   (v2.3.0 CSVs); not modelled (the planner has no host-side launch cost);
 * - no activation recomputation in any of these pre-training rows (recompute_layers 0).
 * Unknown or inconsistent: the v2.3.0 CSV gives the GB200 Llama-3-8B FP8 recipe micro-batch 4 while
 * the 25.04 summary prints 2 (with GA 8, consistent with 2): the printed 2 is kept.
 */
export const NEMO_SOURCE = "NVIDIA NeMo Framework user guide, performance summary pages (releases 24.09, 25.02, 25.04). FP8 training with per-tensor scaling. 'modelTflopsPerGpu' is NeMo's model FLOPs (attention included), not hardware FLOPs.";

export const NEMO_ROWS: readonly NemoRow[] = [
  { system: "h100-sxm", release: "24.09", model: "GPT3-175B", preset: "gpt-3-175b", gpus: 128, globalBatch: 256, microBatch: 1, seqLen: 2048, tp: 4, pp: 8, cp: 1, vp: 6, ep: 1, tokensPerSecondPerGpu: 716, modelTflopsPerGpu: 771 },
  { system: "h100-sxm", release: "24.09", model: "GPT3-175B", preset: "gpt-3-175b", gpus: 512, globalBatch: 2048, microBatch: 2, seqLen: 2048, tp: 4, pp: 8, cp: 1, vp: 6, ep: 1, tokensPerSecondPerGpu: 825, modelTflopsPerGpu: 888 },
  { system: "h100-sxm", release: "24.09", model: "Llama2-7B", preset: "llama-2-7b", gpus: 8, globalBatch: 128, microBatch: 1, seqLen: 4096, tp: 1, pp: 1, cp: 1, vp: 1, ep: 1, tokensPerSecondPerGpu: 16934, modelTflopsPerGpu: 780 },
  { system: "h100-sxm", release: "24.09", model: "Llama2-13B", preset: null, gpus: 16, globalBatch: 128, microBatch: 1, seqLen: 4096, tp: 1, pp: 4, cp: 1, vp: 10, ep: 1, tokensPerSecondPerGpu: 8715, modelTflopsPerGpu: 760 },
  { system: "h100-sxm", release: "24.09", model: "Llama2-70B", preset: "llama-2-70b", gpus: 64, globalBatch: 128, microBatch: 1, seqLen: 4096, tp: 4, pp: 4, cp: 1, vp: 20, ep: 1, tokensPerSecondPerGpu: 1728, modelTflopsPerGpu: 768 },
  { system: "h100-sxm", release: "24.09", model: "Nemotron-340B", preset: null, gpus: 128, globalBatch: 32, microBatch: 1, seqLen: 4096, tp: 8, pp: 8, cp: 1, vp: 12, ep: 1, tokensPerSecondPerGpu: 326, modelTflopsPerGpu: 686 },
  { system: "h100-sxm", release: "24.09", model: "Llama3-8B", preset: "llama-3-8b", gpus: 8, globalBatch: 128, microBatch: 1, seqLen: 8192, tp: 1, pp: 1, cp: 2, vp: 1, ep: 1, tokensPerSecondPerGpu: 12273, modelTflopsPerGpu: 711 },
  { system: "h100-sxm", release: "24.09", model: "Llama3-70B", preset: "llama-3.1-70b", gpus: 64, globalBatch: 128, microBatch: 1, seqLen: 8192, tp: 4, pp: 4, cp: 2, vp: 5, ep: 1, tokensPerSecondPerGpu: 1524, modelTflopsPerGpu: 734 },
  { system: "h100-sxm", release: "25.02", model: "GPT3-175B", preset: "gpt-3-175b", gpus: 512, globalBatch: 2048, microBatch: 2, seqLen: 2048, tp: 4, pp: 8, cp: 1, vp: 6, ep: 1, tokensPerSecondPerGpu: 866, modelTflopsPerGpu: 932 },
  { system: "b200", release: "25.02", model: "Llama3-8B", preset: "llama-3-8b", gpus: 8, globalBatch: 128, microBatch: 2, seqLen: 8192, tp: 1, pp: 1, cp: 1, vp: 1, ep: 1, tokensPerSecondPerGpu: 26006, modelTflopsPerGpu: 1506 },
  { system: "b200", release: "25.02", model: "Llama3-70B", preset: "llama-3.1-70b", gpus: 64, globalBatch: 128, microBatch: 1, seqLen: 8192, tp: 2, pp: 4, cp: 2, vp: 5, ep: 1, tokensPerSecondPerGpu: 3062, modelTflopsPerGpu: 1474 },
  { system: "b200", release: "25.02", model: "Llama3-405B", preset: "llama-3.1-405b", gpus: 128, globalBatch: 64, microBatch: 1, seqLen: 8192, tp: 4, pp: 8, cp: 2, vp: 8, ep: 1, tokensPerSecondPerGpu: 625, modelTflopsPerGpu: 1658 },
  { system: "b200", release: "25.02", model: "Mixtral-8x7B", preset: "mixtral-8x7b", gpus: 64, globalBatch: 256, microBatch: 2, seqLen: 4096, tp: 1, pp: 1, cp: 1, vp: 1, ep: 8, tokensPerSecondPerGpu: 15457, modelTflopsPerGpu: 1282 },
  { system: "gb200", release: "25.04", model: "GPT3-175B", preset: "gpt-3-175b", gpus: 128, globalBatch: 256, microBatch: 2, seqLen: 2048, tp: 4, pp: 4, cp: 1, vp: 12, ep: 1, tokensPerSecondPerGpu: 1804, modelTflopsPerGpu: 1942 },
  { system: "gb200", release: "25.04", model: "Llama3-8B", preset: "llama-3-8b", gpus: 8, globalBatch: 128, microBatch: 2, seqLen: 8192, tp: 1, pp: 1, cp: 1, vp: 1, ep: 1, tokensPerSecondPerGpu: 33099, modelTflopsPerGpu: 1917 },
  { system: "gb200", release: "25.04", model: "Llama3-405B", preset: "llama-3.1-405b", gpus: 128, globalBatch: 64, microBatch: 1, seqLen: 8192, tp: 4, pp: 8, cp: 2, vp: 8, ep: 1, tokensPerSecondPerGpu: 665, modelTflopsPerGpu: 1763 },
];
