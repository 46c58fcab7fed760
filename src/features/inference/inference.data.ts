/**
 * Pure shapers for the inference section: what the KV cache of this attention layout costs per
 * token (and what plain multi-head attention or the article's formula would say), the memory vs
 * context rows, the throughput vs batch rows split at the memory limit, and the measured decode
 * ratios behind the default bandwidth efficiency. Units: bytes, tokens, tokens/s, seconds.
 */
import type { Estimate, InferenceMemoryVsContextSeries, ThroughputVsBatchSeries } from '../../core';
import { DEFAULT_BANDWIDTH_EFFICIENCY, decodeRooflineTokensPerSecond } from '../../core';
import { DECODE_MEASUREMENTS } from '../../data/decode-measurements';
import { HARDWARE_BY_ID } from '../../data/hardware';
import type { AcceleratorKind } from '../../data/types';

import { constant, derivation } from '../../store/selectors';
import { clampTo, isPositive, logDomain, niceCeil } from '../../components/ui/chart-scales';
import { CHART_SERIES } from '../../store/chart-series';

// ---------------------------------------------------------------------------------------------
// KV cache per token
// ---------------------------------------------------------------------------------------------

export type AttentionKind = 'mha' | 'gqa' | 'mqa' | 'mla' | 'none';

export interface KvFacts {
  kind: AttentionKind;
  heads: number;
  kvHeads: number;
  layers: number;
  /** Bytes per token across all layers, no window applied. */
  bytesPerToken: number;
  /** Bytes per token plain multi-head attention (every head its own K and V) would cache. */
  mhaBytesPerToken: number;
  /** mha / actual (1 for MHA; 0 when nothing is cached). */
  reduction: number;
  /** The article's 2 × params × 2 bytes per token (its `2 × params × context × 2`). */
  articleBytesPerToken: number;
  /** Sliding window, its layer count, and the average bytes per token at the scenario's context. */
  window: number | null;
  windowLayers: number;
  averageBytesPerTokenAtContext: number;
  /** MLA: the cached latent and RoPE key widths. */
  mlaLatent: number | null;
  mlaRope: number | null;
}

export function kvFacts(estimate: Estimate): KvFacts {
  const arch = estimate.model.arch;
  const bytesPerValue = estimate.kv.bytesPerValue;
  const kind: AttentionKind = arch.encoderOnly
    ? 'none'
    : arch.mla
      ? 'mla'
      : arch.kvHeads === 1 && arch.heads > 1
        ? 'mqa'
        : arch.kvHeads < arch.heads
          ? 'gqa'
          : 'mha';
  const mhaWidth = arch.mla ? arch.heads * (arch.mla.qkNopeHeadDim + arch.mla.qkRopeHeadDim + arch.mla.vHeadDim) : 2 * arch.heads * arch.headDim;
  const mhaBytesPerToken = arch.encoderOnly ? 0 : arch.layers * mhaWidth * bytesPerValue;
  const bytesPerToken = estimate.kv.bytesPerToken;
  const windowLayers = arch.slidingWindow !== null && arch.slidingWindow > 0 ? Math.min(arch.layers, arch.slidingWindowLayers) : 0;
  const inf = estimate.inference;
  return {
    kind,
    heads: arch.heads,
    kvHeads: arch.kvHeads,
    layers: arch.layers,
    bytesPerToken,
    mhaBytesPerToken,
    reduction: bytesPerToken > 0 ? mhaBytesPerToken / bytesPerToken : 0,
    articleBytesPerToken: 2 * estimate.model.counts.total * 2,
    window: windowLayers > 0 ? arch.slidingWindow : null,
    windowLayers,
    averageBytesPerTokenAtContext: inf.contextTokens > 0 ? inf.kvBytesPerSequence / inf.contextTokens : bytesPerToken,
    mlaLatent: arch.mla ? arch.mla.kvLoraRank : null,
    mlaRope: arch.mla ? arch.mla.qkRopeHeadDim : null,
  };
}

// ---------------------------------------------------------------------------------------------
// inference-memory: weights + KV + working vs context
// ---------------------------------------------------------------------------------------------

export interface MemoryRow {
  context: number;
  weights: number;
  kv: number;
  working: number;
  total: number;
}

export interface InferenceMemoryChart {
  rows: MemoryRow[];
  xDomain: [number, number];
  yMax: number;
  oneGpuBytes: number;
  servingGpus: number;
  servingBytes: number;
  /** The scenario's context, clamped onto the axis, and whether it had to be. */
  currentContext: number;
  currentClamped: boolean;
  currentTotal: number;
  modelContext: number | null;
  batch: number;
}

/**
 * y cap: enough to show the GPU lines and the current total with room, never more than the
 * largest total — past it the KV cache leaves the chart at the top (it grows without bound).
 */
export function inferenceMemoryChart(series: InferenceMemoryVsContextSeries, estimate: Estimate): InferenceMemoryChart {
  const rows = series.rows.map((row) => ({
    context: row.context,
    weights: row.weightBytes,
    kv: row.kvBytes,
    working: row.workingBytes,
    total: row.totalBytes,
  }));
  const xDomain: [number, number] = [1e3, 1e7];
  const currentTotal = estimate.inference.totalBytes;
  const first = rows[0]?.total ?? currentTotal;
  const last = rows[rows.length - 1]?.total ?? currentTotal;
  const wanted = Math.max(series.servingBytes * 1.6, series.oneGpuBytes * 1.6, first * 1.6, currentTotal * 1.3);
  const yMax = niceCeil(Math.min(Math.max(wanted, first * 1.05), Math.max(last * 1.05, first * 1.05, series.servingBytes * 1.1)));
  const context = series.currentContext;
  const clamped = clampTo(context, xDomain);
  const modelContext = isPositive(series.modelContextLength) && series.modelContextLength >= xDomain[0] && series.modelContextLength <= xDomain[1] ? series.modelContextLength : null;
  return {
    rows,
    xDomain,
    yMax,
    oneGpuBytes: series.oneGpuBytes,
    servingGpus: series.servingGpus,
    servingBytes: series.servingBytes,
    currentContext: clamped,
    currentClamped: clamped !== context,
    currentTotal,
    modelContext,
    batch: series.batch,
  };
}

// ---------------------------------------------------------------------------------------------
// inference-throughput: tokens/s vs batch
// ---------------------------------------------------------------------------------------------

export interface ThroughputRow {
  batch: number;
  /** Where the batch fits on the serving group (null elsewhere). */
  perSequence: number | null;
  aggregate: number | null;
  /** Where it does not fit (and the last fitting point, so the lines join). */
  perSequenceOver: number | null;
  aggregateOver: number | null;
}

export interface ThroughputChart {
  rows: ThroughputRow[];
  xDomain: [number, number];
  yDomain: [number, number];
  /** First batch of the grid at which decode is compute-bound, or null. */
  computeBoundFrom: number | null;
  /** Largest batch of the grid that still fits, or null when none does. */
  lastFitting: number | null;
  current: { batch: number; perSequence: number; aggregate: number; clamped: boolean };
  gpus: number;
}

function positive(value: number): number | null {
  return isPositive(value) ? value : null;
}

export function throughputChart(series: ThroughputVsBatchSeries, estimate: Estimate): ThroughputChart {
  let computeBoundFrom: number | null = null;
  let lastFitting: number | null = null;
  const source = series.rows;
  const rows: ThroughputRow[] = source.map((row, i) => {
    if (computeBoundFrom === null && row.bound === 'compute') computeBoundFrom = row.batch;
    if (row.fits) lastFitting = row.batch;
    const next = source[i + 1];
    const joinsOver = row.fits && next !== undefined && !next.fits;
    return {
      batch: row.batch,
      perSequence: row.fits ? positive(row.tokensPerSecondPerSequence) : null,
      aggregate: row.fits ? positive(row.tokensPerSecondAggregate) : null,
      perSequenceOver: !row.fits || joinsOver ? positive(row.tokensPerSecondPerSequence) : null,
      aggregateOver: !row.fits || joinsOver ? positive(row.tokensPerSecondAggregate) : null,
    };
  });
  const xDomain: [number, number] = [1, 1024];
  const inf = estimate.inference;
  const values: number[] = [inf.tokensPerSecondPerSequence, inf.tokensPerSecondAggregate];
  for (const row of source) values.push(row.tokensPerSecondPerSequence, row.tokensPerSecondAggregate);
  const yDomain = logDomain(values, [1, 1e4]);
  const batch = clampTo(inf.batch, xDomain);
  return {
    rows,
    xDomain,
    yDomain,
    computeBoundFrom,
    lastFitting,
    current: { batch, perSequence: inf.tokensPerSecondPerSequence, aggregate: inf.tokensPerSecondAggregate, clamped: batch !== inf.batch },
    gpus: series.gpus,
  };
}

// ---------------------------------------------------------------------------------------------
// Measured decode vs roofline (the default bandwidth efficiency)
// ---------------------------------------------------------------------------------------------

export interface DecodeRatioRow {
  id: string;
  model: string;
  precision: string;
  hardware: string;
  kind: AcceleratorKind | null;
  engine: string;
  rooflineTokensPerSecond: number;
  measuredTokensPerSecond: number;
  ratio: number;
  lowerBound: boolean;
}

/** DECODE_MEASUREMENTS with their roofline (bandwidth ÷ weight bytes) and measured ÷ roofline. */
export function decodeRatioRows(): DecodeRatioRow[] {
  return DECODE_MEASUREMENTS.map((row) => {
    const roofline = decodeRooflineTokensPerSecond(row.bandwidthBytesPerSecond, row.weightBytes);
    const kind = row.hardwareId ? (HARDWARE_BY_ID.get(row.hardwareId)?.kind ?? null) : null;
    return {
      id: row.id,
      model: row.model,
      precision: row.precision,
      hardware: row.hardwareLabel,
      kind,
      engine: row.engine,
      rooflineTokensPerSecond: roofline,
      measuredTokensPerSecond: row.measuredTokensPerSecond,
      ratio: roofline > 0 ? row.measuredTokensPerSecond / roofline : Number.NaN,
      lowerBound: row.measuredIsLowerBound,
    };
  });
}

/** The measured decode rows: they do not depend on the scenario (computed once per store). */
export const decodeRatioData = constant(decodeRatioRows);

/** The memory-vs-context chart of a scenario, memoized per store. */
export const inferenceMemoryData = derivation((scenario, select) =>
  inferenceMemoryChart(select.derived(CHART_SERIES.inferenceMemoryVsContext, scenario), select.estimate(scenario)),
);

/** The throughput-vs-batch chart of a scenario, memoized per store. */
export const throughputData = derivation((scenario, select) => throughputChart(select.derived(CHART_SERIES.throughputVsBatch, scenario), select.estimate(scenario)));

/** The default bandwidth efficiency for the scenario's accelerator kind. */
export function defaultEfficiencyFor(estimate: Estimate): number {
  return DEFAULT_BANDWIDTH_EFFICIENCY[estimate.hardware.kind] ?? DEFAULT_BANDWIDTH_EFFICIENCY.datacenter;
}

/** Warning codes the inference section explains. */
export const INFERENCE_WARNINGS = ['inference-does-not-fit', 'context-exceeds-model', 'encoder-only', 'kv-precision-unusual', 'weights-exceed-one-gpu'] as const;
export type InferenceWarning = (typeof INFERENCE_WARNINGS)[number];

export function inferenceWarnings(estimate: Estimate): InferenceWarning[] {
  const set = new Set<string>(estimate.warnings);
  return INFERENCE_WARNINGS.filter((code) => set.has(code));
}
