/**
 * Counting the parameters of an {@link Architecture}, exactly as the family's Hugging Face model
 * class builds them. O(1): layers of one kind share one formula, nothing loops over layers.
 */
import type { Architecture, ArchitectureDetails, ParameterCount } from '../types';

/** Parameters of one norm of `width`: LayerNorm has a weight and a bias, RMSNorm (and Cohere's bias-free LayerNorm) a weight. */
export function normParams(width: number, details: Pick<ArchitectureDetails, 'norm'>): number {
  return details.norm === 'layernorm' ? 2 * width : width;
}

/** One MLP of width `ffn`: 3 (gated) or 2 matrices of hidden × ffn, plus biases when set. */
export function mlpParams(hidden: number, ffn: number, details: ArchitectureDetails): number {
  const matrices = (details.gatedMlp ? 3 : 2) * hidden * ffn;
  const biases = details.mlpBias ? (details.gatedMlp ? 2 : 1) * ffn + hidden : 0;
  return matrices + biases;
}

/**
 * Softmax-attention projections of one layer: q (heads·headDim, doubled by an output gate),
 * k and v (kvHeads·headDim), o; their biases; attention sinks. MLA (DeepSeek):
 * the low-rank projections with their two latent RMSNorms.
 */
export function attentionParams(architecture: Architecture): number {
  const { hidden, heads, kvHeads, headDim, mla, details } = architecture;
  const outputBias = details.attentionOutputBias ? hidden : 0;
  if (mla) {
    const queryKeyDim = mla.qkNopeHeadDim + mla.qkRopeHeadDim;
    const query =
      mla.qLoraRank === null
        ? hidden * heads * queryKeyDim
        : hidden * mla.qLoraRank + (details.qkvBias ? mla.qLoraRank : 0) + mla.qLoraRank + mla.qLoraRank * heads * queryKeyDim;
    const latentWidth = mla.kvLoraRank + mla.qkRopeHeadDim;
    const keyValue =
      hidden * latentWidth +
      (details.qkvBias ? latentWidth : 0) +
      mla.kvLoraRank +
      mla.kvLoraRank * heads * (mla.qkNopeHeadDim + mla.vHeadDim);
    return query + keyValue + heads * mla.vHeadDim * hidden + outputBias;
  }
  const queryWidth = heads * headDim * (details.attentionOutputGate ? 2 : 1);
  const keyValueWidth = 2 * kvHeads * headDim;
  const projections = hidden * (queryWidth + keyValueWidth) + heads * headDim * hidden;
  const biases = (details.qkvBias ? queryWidth + keyValueWidth : 0) + outputBias;
  return projections + biases + (details.attentionSinks ? heads : 0);
}

/** q and k norm weights of one softmax-attention layer (counted with the norms): one headDim each, or the full q and k widths. */
export function qkNormParams(architecture: Architecture): number {
  const { details, heads, kvHeads, headDim } = architecture;
  if (!details.qkNorm) return 0;
  const width = details.qkNormWidth === 'full' ? (heads + kvHeads) * headDim : 2 * headDim;
  return normParams(width, details);
}

/**
 * One Gated DeltaNet layer (Qwen3-Next, `Qwen3NextGatedDeltaNet`): in_proj_qkvz
 * hidden × (2·keyDim + 2·valueDim), in_proj_ba hidden × 2·valueHeads, a depthwise conv1d
 * without bias over (2·keyDim + valueDim) channels × kernel, dt_bias and A_log (valueHeads
 * each), a gated RMSNorm of valueHeadDim and out_proj valueDim × hidden, no biases.
 */
export function linearAttentionParams(architecture: Architecture): number {
  const spec = architecture.linearAttention;
  if (!spec) return 0;
  const { hidden } = architecture;
  const keyDim = spec.keyHeads * spec.keyHeadDim;
  const valueDim = spec.valueHeads * spec.valueHeadDim;
  return (
    hidden * (2 * keyDim + 2 * valueDim) +
    hidden * 2 * spec.valueHeads +
    (2 * keyDim + valueDim) * spec.convKernel +
    2 * spec.valueHeads +
    spec.valueHeadDim +
    valueDim * hidden
  );
}

/** The MLP block of one MoE layer: router, every routed expert, shared experts and their gate. */
function moeBlockParams(architecture: Architecture): { block: number; expert: number } {
  const { hidden, moe, details } = architecture;
  if (!moe) return { block: 0, expert: 0 };
  const expert = mlpParams(hidden, moe.expertFfn, details);
  const router = hidden * moe.experts + (details.routerBias ? moe.experts : 0);
  const shared = moe.sharedExperts > 0 ? moe.sharedExperts * mlpParams(hidden, moe.sharedExpertFfn, details) : 0;
  const sharedGate = moe.sharedExperts > 0 && moe.sharedExpertGate ? hidden : 0;
  return { block: router + moe.experts * expert + shared + sharedGate, expert };
}

/**
 * Counts the parameters of an architecture, exactly as its Hugging Face model class builds
 * them.
 *   total = embeddings (vocab × width + position and token-type rows × hidden)
 *         + untied output head (vocab × width, + vocab with an output bias)
 *         + softmax-attention layers × attention + linear-attention layers × DeltaNet
 *         + layers × layer norms
 *         + dense layers × MLP(ffn) + MoE layers × (router + experts × MLP(expertFfn) + shared MLPs and gate)
 *         + final / embedding norms + family extras (BERT heads, OPT projections, a vision tower).
 *   MLP(f) = 3·hidden·f gated or 2·hidden·f, plus biases; attention = q, k, v, o projections
 *   (heads·headDim and kvHeads·headDim wide) plus biases, q/k norms and sinks, or the MLA
 *   low-rank projections.
 *   active = total − moeLayers × (experts − expertsPerToken) × MLP(expertFfn).
 *   mtp (not in total) = mtpLayers × (2·hidden² projection + 3 norms + one softmax-attention
 *   layer with its norms and MLP block) — DeepSeek-V3 §2.2 and Qwen3-Next's `mtp.*` tensors;
 *   the embedding and output head the module shares with the model are not counted again.
 * Units: parameters. O(1): no loop over layers. Assumes a validated architecture.
 * nonEmbedding = total − embedding − outputHead (Kaplan et al. 2020's N, position tables excluded).
 * Source: the family modeling files named in `architectureFromHfConfig`; checked against
 * HF safetensors totals and published exact counts in test/unit/params.test.ts and families.test.ts.
 */
export function countParameters(architecture: Architecture): ParameterCount {
  const { hidden, layers, vocab, moe, details } = architecture;
  const width = details.embeddingWidth ?? hidden;

  const embedding = vocab * width + (details.positionRows + (details.tokenTypeRows ?? 0)) * hidden;
  const outputHead = details.tiedEmbeddings ? 0 : vocab * width + (details.outputBias ? vocab : 0);

  const linearLayers = architecture.linearAttention ? architecture.linearAttention.layers : 0;
  const attentionLayer = attentionParams(architecture);
  const attention = (layers - linearLayers) * attentionLayer + linearLayers * linearAttentionParams(architecture);
  const layerNorms = details.normsPerLayer * normParams(hidden, details);
  const outerNorms = ((details.finalNorm ? 1 : 0) + (details.embeddingNorm ? 1 : 0)) * normParams(hidden, details);
  const qkNorms = qkNormParams(architecture);
  const norms = layers * layerNorms + (layers - linearLayers) * qkNorms + outerNorms;

  const moeLayers = moe ? moe.moeLayers : 0;
  const denseMlp = mlpParams(hidden, architecture.ffn, details);
  const { block: moeBlock, expert } = moeBlockParams(architecture);
  let routedExperts = 0;
  let inactive = 0;
  if (moe && moeLayers > 0) {
    routedExperts = moeLayers * moe.experts * expert;
    inactive = moeLayers * (moe.experts - moe.expertsPerToken) * expert;
  }
  const mlp = (layers - moeLayers) * denseMlp + moeLayers * moeBlock;

  const vision = details.vision ? visionParams(hidden, details) : 0;
  const other = details.extraParams;

  const mtpLayers = architecture.mtpLayers ?? 0;
  const mtpLayer = 2 * hidden * hidden + 3 * normParams(hidden, details) + attentionLayer + qkNorms + layerNorms + (moe ? moeBlock : denseMlp);

  const total = embedding + outputHead + attention + norms + mlp + other;
  return {
    total,
    active: total - inactive,
    embedding,
    attention,
    mlp,
    norms,
    outputHead,
    other,
    routedExperts,
    nonEmbedding: total - embedding - outputHead,
    mtp: mtpLayers * mtpLayer,
    vision,
  };
}

/** A vision tower's parameters for a language model of width `hidden`: encoder + projector. */
export function visionParams(hidden: number, details: Pick<ArchitectureDetails, 'vision'>): number {
  const tower = details.vision;
  if (!tower) return 0;
  return tower.encoderParams + tower.projectorWidth * hidden + tower.projectorExtraParams + (tower.projectorBias ? hidden : 0);
}
