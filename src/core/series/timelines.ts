/**
 * Timeline charts: accelerators and models by year. They depend only on the data tables and the
 * weight precision; the preset parameter counts are derived from data only, so they are a module
 * constant (computed once, frozen). Units: bytes, bytes/s, parameters.
 */
import type { AcceleratorKind, PrecisionId } from '../../data/types';
import { HARDWARE } from '../../data/hardware';
import { MODELS } from '../../data/models';
import { PRECISIONS } from '../../data/precisions';
import { architectureFromHfConfig, countParameters } from '../params';
import { RUNTIME_OVERHEAD_BYTES_PER_GPU, weightBytes } from '../memory';
import { BITS_PER_BYTE, nonNegative, ratio } from '../units';
import { freezeRows } from './grids';

export interface HardwareTimelineRow {
  id: string;
  name: string;
  vendor: string;
  kind: AcceleratorKind;
  year: number;
  memoryBytes: number;
  bandwidthBytesPerSecond: number;
  /** Weights at the weight precision that fit beside the runtime overhead on one card. */
  largestServableParams: number;
  /** Parameters one card can train with mixed-precision Adam, unsharded: memory / 16 bytes. */
  largestTrainableParams: number;
}

export interface HardwareTimelineSeries {
  rows: HardwareTimelineRow[];
  weightPrecision: PrecisionId;
}

export interface ModelTimelineRow {
  id: string;
  name: string;
  org: string;
  year: number;
  params: number;
  /** True when `params` is the published figure, false when counted from the config. */
  published: boolean;
  bytes: number;
  confirmed: boolean;
}

export interface ModelTimelineSeries {
  rows: ModelTimelineRow[];
  weightPrecision: PrecisionId;
}

function bitsPerWeightOf(weightPrecision: PrecisionId): number {
  return (PRECISIONS[weightPrecision] ?? PRECISIONS.bf16).bitsPerWeight;
}

/**
 * Accelerator memory and bandwidth by year, with the largest model one card can serve (weights
 * at the weight precision beside the 1 GB runtime overhead) and train (mixed-precision Adam,
 * 16 bytes per parameter, no sharding, activations excluded).
 */
export function hardwareTimeline(weightPrecision: PrecisionId): HardwareTimelineSeries {
  const bitsPerWeight = bitsPerWeightOf(weightPrecision);
  const rows = HARDWARE.map((accelerator) => ({
    id: accelerator.id,
    name: accelerator.name,
    vendor: accelerator.vendor,
    kind: accelerator.kind,
    year: accelerator.year,
    memoryBytes: accelerator.memoryBytes,
    bandwidthBytesPerSecond: accelerator.bandwidthBytesPerSecond,
    largestServableParams: ratio(nonNegative(accelerator.memoryBytes - RUNTIME_OVERHEAD_BYTES_PER_GPU) * BITS_PER_BYTE, bitsPerWeight),
    largestTrainableParams: ratio(accelerator.memoryBytes, 16),
  })).sort((a, b) => a.year - b.year || a.memoryBytes - b.memoryBytes);
  return { rows, weightPrecision };
}

/** Each preset's parameter count: the published figure, else counted from its config. */
function presetParameterCounts(): Array<{ id: string; params: number; published: boolean }> {
  return MODELS.map((model) => {
    if (model.publishedParams !== null && model.publishedParams > 0) return { id: model.id, params: model.publishedParams, published: true };
    if (model.params !== undefined) return { id: model.id, params: model.params, published: false };
    try {
      return { id: model.id, params: countParameters(architectureFromHfConfig(model.config)).total, published: false };
    } catch {
      return { id: model.id, params: 0, published: false };
    }
  });
}

/** MODELS' parameter counts, index for index (data only: computed once, frozen). */
const PRESET_PARAMETER_COUNTS: ReadonlyArray<{ id: string; params: number; published: boolean }> = freezeRows(presetParameterCounts());

/** Real (and the article's hypothetical) models' parameters by year, bytes at the weight precision. */
export function timelineSeries(weightPrecision: PrecisionId): ModelTimelineSeries {
  const bitsPerWeight = bitsPerWeightOf(weightPrecision);
  const rows = MODELS.map((model, i) => {
    const { params, published } = PRESET_PARAMETER_COUNTS[i]!;
    return {
      id: model.id,
      name: model.name,
      org: model.org,
      year: model.year,
      params,
      published,
      bytes: weightBytes(params, bitsPerWeight),
      confirmed: model.confirmed,
    };
  })
    .filter((row) => row.params > 0)
    .sort((a, b) => a.year - b.year || a.params - b.params);
  return { rows, weightPrecision };
}
