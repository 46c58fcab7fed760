/**
 * Checking an architecture and applying the user's overrides to it (the architecture fields of
 * the controls: hidden, layers, heads, KV heads, ffn, vocab, experts, top-k, context).
 */
import { ConfigError } from '../errors';
import type { Architecture, ArchitectureDetails, ArchitectureOverrides, LinearAttentionSpec, MoeSpec } from '../types';
import { MAXIMUM_PARAMETERS, shapeExtraParams } from './build';
import { checkCount, describe, isObject } from './config';
import { countParameters } from './count';

function checkField(name: string, value: unknown, minimum = 1): number {
  return checkCount(name, value, minimum);
}

function checkLinearAttention(spec: LinearAttentionSpec, layers: number): void {
  checkField('linearAttention.layers', spec.layers, 0);
  if (spec.layers > layers) {
    throw new ConfigError(`linearAttention.layers (${spec.layers}) must not exceed layers (${layers})`, 'linearAttention.layers');
  }
  for (const name of ['keyHeads', 'valueHeads', 'keyHeadDim', 'valueHeadDim', 'convKernel'] as const) {
    checkField(`linearAttention.${name}`, spec[name]);
  }
}

/**
 * Checks an architecture (after the user's overrides) and returns it unchanged: every size a
 * positive whole number, kvHeads dividing heads, 1 ≤ expertsPerToken ≤ experts, moeLayers and
 * slidingWindowLayers within layers, at most 1e15 parameters. Throws {@link ConfigError}
 * naming the Architecture field (e.g. `kvHeads (5) must divide heads (32)`).
 * Units: none (a predicate). Source: the invariants countParameters relies on.
 */
export function validateArchitecture(architecture: Architecture): Architecture {
  if (!isObject(architecture)) throw new ConfigError('the architecture must be an object', null);
  const { heads, layers } = architecture;
  for (const name of ['hidden', 'layers', 'heads', 'kvHeads', 'headDim', 'ffn', 'vocab', 'contextLength'] as const) {
    checkField(name, architecture[name]);
  }
  if (heads % architecture.kvHeads !== 0) {
    throw new ConfigError(`kvHeads (${architecture.kvHeads}) must divide heads (${heads})`, 'kvHeads');
  }
  if (architecture.slidingWindow !== null) checkField('slidingWindow', architecture.slidingWindow);
  checkField('slidingWindowLayers', architecture.slidingWindowLayers, 0);
  if (architecture.slidingWindowLayers > layers) {
    throw new ConfigError(`slidingWindowLayers (${architecture.slidingWindowLayers}) must not exceed layers (${layers})`, 'slidingWindowLayers');
  }
  const { moe, mla, details } = architecture;
  if (moe) {
    checkField('experts', moe.experts);
    checkField('expertsPerToken', moe.expertsPerToken);
    if (moe.expertsPerToken > moe.experts) {
      throw new ConfigError(`expertsPerToken (${moe.expertsPerToken}) must not exceed experts (${moe.experts})`, 'expertsPerToken');
    }
    checkField('sharedExperts', moe.sharedExperts, 0);
    checkField('expertFfn', moe.expertFfn);
    checkField('sharedExpertFfn', moe.sharedExpertFfn, 0);
    checkField('moeLayers', moe.moeLayers, 0);
    if (moe.moeLayers > layers) {
      throw new ConfigError(`moeLayers (${moe.moeLayers}) must not exceed layers (${layers})`, 'moeLayers');
    }
  }
  if (mla) {
    if (mla.qLoraRank !== null) checkField('qLoraRank', mla.qLoraRank);
    checkField('kvLoraRank', mla.kvLoraRank);
    checkField('qkRopeHeadDim', mla.qkRopeHeadDim);
    checkField('qkNopeHeadDim', mla.qkNopeHeadDim, 0);
    checkField('vHeadDim', mla.vHeadDim);
  }
  if (architecture.linearAttention) checkLinearAttention(architecture.linearAttention, layers);
  if (architecture.mtpLayers !== undefined) checkField('mtpLayers', architecture.mtpLayers, 0);
  if (details.vision) {
    checkField('vision.encoderParams', details.vision.encoderParams, 0);
    checkField('vision.projectorWidth', details.vision.projectorWidth, 0);
    checkField('vision.projectorExtraParams', details.vision.projectorExtraParams, 0);
  }
  checkField('normsPerLayer', details.normsPerLayer, 0);
  checkField('positionRows', details.positionRows, 0);
  checkField('extraParams', details.extraParams, 0);
  if (details.embeddingWidth !== undefined) checkField('embeddingWidth', details.embeddingWidth);
  if (details.tokenTypeRows !== undefined) checkField('tokenTypeRows', details.tokenTypeRows, 0);
  const total = countParameters(architecture).total;
  if (!(total <= MAXIMUM_PARAMETERS)) {
    throw new ConfigError(
      `the model has ${Number.isFinite(total) ? total.toExponential(3) : 'too many'} parameters, more than the supported 1e15`,
      null,
    );
  }
  return architecture;
}

/** Largest divisor of `heads` that is at most `wanted` (at least 1). */
function largestDivisorAtMost(heads: number, wanted: number): number {
  const limit = Math.max(1, Math.min(wanted, heads));
  let best = 1;
  for (let small = 1; small * small <= heads; small += 1) {
    if (heads % small !== 0) continue;
    const large = heads / small;
    if (small <= limit && small > best) best = small;
    if (large <= limit && large > best) best = large;
  }
  return best;
}

function overrideValue(name: keyof ArchitectureOverrides, value: number | undefined, minimum = 1): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ConfigError(`${name} must be a finite number, got ${describe(value)}`, name);
  }
  const rounded = Math.round(value);
  if (rounded < minimum) throw new ConfigError(`${name} must be at least ${minimum}, got ${value}`, name);
  return checkCount(name, rounded, minimum);
}

/**
 * Applies the user's architecture overrides (ArchitectureOverrides from the scenario) and returns a
 * validated new Architecture (the input is not modified; no overrides → the same object).
 * Rules: values are rounded to whole numbers. When hidden or heads change, a model whose
 * headDim was hidden / heads keeps headDim = hidden / heads (ConfigError `hidden` when that
 * does not divide); a model with an explicit head_dim (Gemma-2, Qwen3, Llama-3.2:
 * `details.headDimFixed`) keeps it. An ffn override also widens Mixtral-style experts
 * (expertFfn equal to ffn); DeepSeek / Qwen3-MoE experts keep moe_intermediate_size.
 * kvHeads (overridden, or kept MHA / kept as configured) is clamped to the largest divisor of
 * heads not above it. experts ≤ 1 makes the model dense; experts > 1 on a dense model adds a
 * Mixtral-style MoE (expertFfn = ffn, every layer, top-2 unless expertsPerToken says otherwise);
 * expertsPerToken is clamped to experts. Changing layers keeps the number of dense layers of a
 * partly-MoE model (DeepSeek's first_k_dense_replace) and scales the sliding-window layers in
 * proportion, and so are the linear-attention layers (Qwen3-Next). contextLength also moves a
 * learned position table (GPT-2, OPT, BERT). Family extras that depend on the shape (BERT heads,
 * OPT projections, a vision projector) are recomputed.
 * Units: parameters' shape fields (counts, tokens). Source: this explorer's convention.
 */
export function applyOverrides(architecture: Architecture, overrides: ArchitectureOverrides): Architecture {
  const hidden = overrideValue('hidden', overrides.hidden) ?? architecture.hidden;
  const layers = overrideValue('layers', overrides.layers) ?? architecture.layers;
  const heads = overrideValue('heads', overrides.heads) ?? architecture.heads;
  const kvWanted = overrideValue('kvHeads', overrides.kvHeads);
  const ffn = overrideValue('ffn', overrides.ffn) ?? architecture.ffn;
  const vocab = overrideValue('vocab', overrides.vocab) ?? architecture.vocab;
  const experts = overrideValue('experts', overrides.experts);
  const topK = overrideValue('expertsPerToken', overrides.expertsPerToken);
  const contextLength = overrideValue('contextLength', overrides.contextLength) ?? architecture.contextLength;
  const unchanged =
    hidden === architecture.hidden &&
    layers === architecture.layers &&
    heads === architecture.heads &&
    (kvWanted === undefined || kvWanted === architecture.kvHeads) &&
    ffn === architecture.ffn &&
    vocab === architecture.vocab &&
    experts === undefined &&
    topK === undefined &&
    contextLength === architecture.contextLength;
  if (unchanged) return architecture;

  let headDim = architecture.headDim;
  const derivedHead =
    !architecture.details.headDimFixed && !architecture.mla && architecture.heads * architecture.headDim === architecture.hidden;
  if (derivedHead && (hidden !== architecture.hidden || heads !== architecture.heads)) {
    if (hidden % heads !== 0) {
      throw new ConfigError(`hidden (${hidden}) must be divisible by heads (${heads}) for this model`, 'hidden');
    }
    headDim = hidden / heads;
  }

  const wasMultiHead = architecture.kvHeads === architecture.heads;
  const kvHeads = largestDivisorAtMost(heads, kvWanted ?? (wasMultiHead ? heads : architecture.kvHeads));

  let moe: MoeSpec | null = architecture.moe;
  if (experts !== undefined && experts <= 1) {
    moe = null;
  } else if (experts !== undefined && !moe) {
    moe = { experts, expertsPerToken: Math.min(topK ?? 2, experts), sharedExperts: 0, expertFfn: ffn, sharedExpertFfn: 0, moeLayers: layers };
  } else if (moe) {
    const count = experts ?? moe.experts;
    const denseLayers = Math.min(layers, architecture.layers - moe.moeLayers);
    // Mixtral-style models (experts as wide as the dense ffn) follow an ffn override.
    const expertFfn = moe.expertFfn === architecture.ffn ? ffn : moe.expertFfn;
    moe = { ...moe, experts: count, expertsPerToken: Math.min(topK ?? moe.expertsPerToken, count), expertFfn, moeLayers: layers - denseLayers };
    if (moe.moeLayers === 0) moe = null;
  }

  let slidingWindowLayers = architecture.slidingWindowLayers;
  if (layers !== architecture.layers && slidingWindowLayers > 0) {
    slidingWindowLayers = Math.min(layers, Math.round((slidingWindowLayers * layers) / architecture.layers));
  }

  let linearAttention = architecture.linearAttention ?? null;
  if (linearAttention && layers !== architecture.layers) {
    // Keep the share of linear-attention layers (Qwen3-Next: 3 in 4).
    linearAttention = { ...linearAttention, layers: Math.min(layers, Math.round((linearAttention.layers * layers) / architecture.layers)) };
  }

  const details: ArchitectureDetails = { ...architecture.details };
  if (details.positionRows > 0) details.positionRows = Math.max(1, details.positionRows + contextLength - architecture.contextLength);
  details.extraParams = shapeExtraParams(architecture.family, hidden, vocab, details);

  return validateArchitecture({
    ...architecture,
    hidden,
    layers,
    heads,
    kvHeads,
    headDim,
    ffn,
    vocab,
    contextLength,
    slidingWindow: slidingWindowLayers > 0 ? architecture.slidingWindow : null,
    slidingWindowLayers: architecture.slidingWindow !== null ? slidingWindowLayers : 0,
    moe,
    details,
    ...(linearAttention ? { linearAttention } : {}),
  });
}

