/**
 * Pure shapers of the anatomy section: the article's small MLP counted exactly, and the current
 * model's parameters by part (routed experts split into used and idle per token).
 */
import type { Architecture, ParameterCount } from '../../core';
import { derivation } from '../../store/selectors';

/** The article's SimpleNeuralNetwork (§1.1) and what its comment prints for 1000-2000-500. */
export const ARTICLE_MLP_SIZES = Object.freeze({ input: 1000, hidden: 2000, output: 500 });
export const ARTICLE_MLP_PRINTED = 2.5e6;
/** Largest size the counter accepts in each box. */
export const MLP_MAX_SIZE = 1_000_000;

export interface MlpCount {
  w1: number;
  b1: number;
  w2: number;
  b2: number;
  weights: number;
  biases: number;
  total: number;
}

/**
 * Parameters of a two-layer perceptron input → hidden → output with biases:
 *   w1 = input × hidden, b1 = hidden, w2 = hidden × output, b2 = output.
 * Example: 1000-2000-500 → 2,000,000 + 2,000 + 1,000,000 + 500 = 3,002,500.
 */
export function mlpParameterCount(input: number, hidden: number, output: number): MlpCount {
  const w1 = input * hidden;
  const b1 = hidden;
  const w2 = hidden * output;
  const b2 = output;
  return { w1, b1, w2, b2, weights: w1 + w2, biases: b1 + b2, total: w1 + b1 + w2 + b2 };
}

/** A size typed into the counter: a whole number 1..MLP_MAX_SIZE, else undefined. */
export function parseMlpSize(text: string): number | undefined {
  const cleaned = text.trim().replace(/[,_\s]/g, '');
  if (!/^\d+(\.\d+)?(e\d+)?$/i.test(cleaned)) return undefined;
  const value = Number(cleaned);
  if (!Number.isFinite(value) || !Number.isInteger(value) || value < 1 || value > MLP_MAX_SIZE) return undefined;
  return value;
}

export type BreakdownKey =
  | 'embedding'
  | 'attention'
  | 'mlp'
  | 'sharedMlp'
  | 'routedActive'
  | 'routedIdle'
  | 'norms'
  | 'outputHead'
  | 'other';

export interface BreakdownRow {
  key: BreakdownKey;
  params: number;
  /** params / total. */
  fraction: number;
  /** Used by one token (false only for idle routed experts). */
  usedPerToken: boolean;
}

function nonNegative(x: number): number {
  return Number.isFinite(x) && x > 0 ? x : 0;
}

/**
 * Where the parameters live, largest parts first kept in model order:
 * embeddings, attention, MLP (for an MoE: dense MLP + shared experts + routers, then routed
 * experts used by one token = active − (total − routed), then the idle rest), norms, output head,
 * other. Parts with no parameters are left out (a tied output head, BERT's extras on decoders).
 */
export function paramBreakdownRows(counts: ParameterCount, isMoe: boolean): BreakdownRow[] {
  const total = counts.total > 0 ? counts.total : 1;
  const parts: Array<[BreakdownKey, number, boolean]> = [
    ['embedding', counts.embedding, true],
    ['attention', counts.attention, true],
  ];
  if (isMoe && counts.routedExperts > 0) {
    const shared = nonNegative(counts.mlp - counts.routedExperts);
    const routedActive = Math.min(counts.routedExperts, nonNegative(counts.active - (counts.total - counts.routedExperts)));
    const routedIdle = nonNegative(counts.routedExperts - routedActive);
    parts.push(['sharedMlp', shared, true], ['routedActive', routedActive, true], ['routedIdle', routedIdle, false]);
  } else {
    parts.push(['mlp', counts.mlp, true]);
  }
  parts.push(['norms', counts.norms, true], ['outputHead', counts.outputHead, true], ['other', counts.other, true]);
  return parts
    .filter(([, params]) => params > 0)
    .map(([key, params, usedPerToken]) => ({ key, params, fraction: params / total, usedPerToken }));
}

/** The breakdown of the scenario's model, per store: it changes only with the model. */
export const breakdownData = derivation((scenario, select) => {
  const { counts, arch } = select.model(scenario).model;
  return paramBreakdownRows(counts, arch.moe !== null);
});

export type AttentionKind = 'mha' | 'mqa' | 'gqa' | 'mla' | 'encoder';

/** How keys and values are shared between heads (what the KV cache stores per token). */
export function attentionKind(arch: Pick<Architecture, 'heads' | 'kvHeads' | 'mla' | 'encoderOnly'>): AttentionKind {
  if (arch.mla) return 'mla';
  if (arch.encoderOnly) return 'encoder';
  if (arch.kvHeads >= arch.heads) return 'mha';
  if (arch.kvHeads === 1) return 'mqa';
  return 'gqa';
}
