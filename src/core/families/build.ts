/**
 * Assembling an {@link Architecture} from what a family reader found, and the checks every
 * architecture passes: at most {@link MAXIMUM_PARAMETERS}, family extras recomputed from the shape.
 */
import { ConfigError } from '../errors';
import type {
  ApproximateReason,
  Architecture,
  ArchitectureDetails,
  LinearAttentionSpec,
  MlaSpec,
  ModelFamily,
  MoeSpec,
} from '../types';
import { countParameters, visionParams } from './count';

/** Largest model the explorer accepts, in parameters (the UI offers up to 1e14, the core 1e15). */
export const MAXIMUM_PARAMETERS = 1e15;

/** A Llama decoder's switches: SwiGLU, RMSNorm ×2 per layer, no biases, untied, RoPE. */
export const LLAMA_DETAILS: Readonly<ArchitectureDetails> = Object.freeze({
  gatedMlp: true,
  qkvBias: false,
  attentionOutputBias: false,
  mlpBias: false,
  norm: 'rmsnorm',
  normsPerLayer: 2,
  qkNorm: false,
  finalNorm: true,
  tiedEmbeddings: false,
  positionRows: 0,
  embeddingNorm: false,
  routerBias: false,
  extraParams: 0,
});

/** What a family reader found; {@link build} fills the rest with Llama's defaults. */
export interface Shape {
  family: ModelFamily;
  hidden: number;
  layers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  ffn: number;
  vocab: number;
  contextLength: number;
  slidingWindow?: number | null;
  slidingWindowLayers?: number;
  moe?: MoeSpec | null;
  mla?: MlaSpec | null;
  linearAttention?: LinearAttentionSpec | null;
  mtpLayers?: number;
  encoderOnly?: boolean;
  /** Why the architecture is an estimate; non-empty makes it `approximate`. */
  approximateReasons?: ApproximateReason[];
  /** head_dim is a config value of its own (see headDimOf). */
  headDimFixed?: boolean;
  details: Partial<ArchitectureDetails>;
}

/**
 * Parameters of the family's extras that depend on the shape (recomputed after overrides):
 * BERT's pre-training heads, OPT's embedding projections, a vision tower's projector.
 */
export function shapeExtraParams(family: ModelFamily, hidden: number, vocab: number, details: ArchitectureDetails): number {
  if (family === 'bert') {
    // BertForPreTraining: pooler dense (h² + h), MLM transform dense (h² + h) and its LayerNorm
    // (2h), decoder bias (vocab; the decoder weight is tied), NSP head Linear(h, 2) (2h + 2).
    return 2 * (hidden * hidden + hidden) + 2 * hidden + vocab + 2 * hidden + 2;
  }
  if (family === 'opt') {
    // project_in Linear(word_embed_proj_dim, hidden) and project_out, both without bias,
    // exist only when word_embed_proj_dim differs from hidden_size.
    const width = details.embeddingWidth ?? hidden;
    return width === hidden ? 0 : 2 * width * hidden;
  }
  if (details.vision) return visionParams(hidden, details);
  return details.extraParams;
}

export function build(shape: Shape): Architecture {
  const slidingLayers = shape.slidingWindow ? (shape.slidingWindowLayers ?? shape.layers) : 0;
  const details: ArchitectureDetails = { ...LLAMA_DETAILS, ...shape.details, ...(shape.headDimFixed ? { headDimFixed: true } : {}) };
  details.extraParams = shapeExtraParams(shape.family, shape.hidden, shape.vocab, details);
  const reasons = shape.approximateReasons ?? [];
  const architecture: Architecture = {
    family: shape.family,
    approximate: reasons.length > 0,
    encoderOnly: shape.encoderOnly ?? false,
    hidden: shape.hidden,
    layers: shape.layers,
    heads: shape.heads,
    kvHeads: shape.kvHeads,
    headDim: shape.headDim,
    ffn: shape.ffn,
    vocab: shape.vocab,
    contextLength: shape.contextLength,
    slidingWindow: slidingLayers > 0 ? (shape.slidingWindow ?? null) : null,
    slidingWindowLayers: slidingLayers,
    moe: shape.moe ?? null,
    mla: shape.mla ?? null,
    details,
  };
  if (shape.linearAttention) architecture.linearAttention = shape.linearAttention;
  if (shape.mtpLayers) architecture.mtpLayers = shape.mtpLayers;
  if (reasons.length > 0) architecture.approximateReasons = [...new Set(reasons)];
  return checkTotal(architecture);
}

/** Rejects models above {@link MAXIMUM_PARAMETERS} (and, with it, any overflow to Infinity). */
export function checkTotal(architecture: Architecture): Architecture {
  const total = countParameters(architecture).total;
  if (!(total <= MAXIMUM_PARAMETERS)) {
    throw new ConfigError(
      `the config describes ${Number.isFinite(total) ? total.toExponential(3) : 'an unbounded number of'} parameters, ` +
        `more than the supported 1e15: check hidden_size, num_hidden_layers, intermediate_size and vocab_size`,
      null,
    );
  }
  return architecture;
}

/** One family's reader: the `model_type`s it reads and how (its transformers config class and model class). */
export interface FamilyReader {
  readonly modelTypes: readonly string[];
  read(config: Readonly<Record<string, unknown>>, modelType: string): Architecture;
}
