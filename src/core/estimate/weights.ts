/**
 * The estimate's memory of the weights and the KV cache per token: the weights at every
 * precision (the memory chart), at the selected one, and the active weights one token reads.
 * Units: bytes, bits per weight.
 */
import type { Precision, PrecisionId } from '../../data/types';
import { PRECISIONS, PRECISION_IDS } from '../../data/precisions';
import type { Architecture, ParameterCount } from '../types';
import { kvCacheBytesPerToken, kvCacheBytesPerTokenPerLayer, weightBytes } from '../memory';
import { BITS_PER_BYTE } from '../units';

export interface WeightsAtPrecision {
  id: PrecisionId;
  bitsPerWeight: number;
  /** All weights (every expert). */
  bytes: number;
}

export interface EstimateWeights {
  /** Every precision, widest first (the memory chart). */
  byPrecision: WeightsAtPrecision[];
  selected: WeightsAtPrecision;
  /** Active weights at the selected precision (what one token reads). */
  activeBytes: number;
}

export interface EstimateKv {
  precision: PrecisionId;
  bytesPerValue: number;
  bytesPerToken: number;
  bytesPerTokenPerLayer: number;
}

/** Bytes of all weights at every precision and at the weight precision, and of the active weights. */
export function weightsEstimate(counts: ParameterCount, weightPrecision: Precision): EstimateWeights {
  const byPrecision = PRECISION_IDS.map((id) => ({
    id,
    bitsPerWeight: PRECISIONS[id].bitsPerWeight,
    bytes: weightBytes(counts.total, PRECISIONS[id].bitsPerWeight),
  }));
  const selected = {
    id: weightPrecision.id,
    bitsPerWeight: weightPrecision.bitsPerWeight,
    bytes: weightBytes(counts.total, weightPrecision.bitsPerWeight),
  };
  return { byPrecision, selected, activeBytes: weightBytes(counts.active, weightPrecision.bitsPerWeight) };
}

/** KV-cache bytes one token adds, in total and per layer, at the KV precision. */
export function kvEstimate(arch: Architecture, kvPrecision: Precision): EstimateKv {
  const bytesPerValue = kvPrecision.bitsPerWeight / BITS_PER_BYTE;
  return {
    precision: kvPrecision.id,
    bytesPerValue,
    bytesPerToken: kvCacheBytesPerToken(arch, bytesPerValue),
    bytesPerTokenPerLayer: kvCacheBytesPerTokenPerLayer(arch, bytesPerValue),
  };
}
