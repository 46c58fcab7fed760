/**
 * Qwen3-Next (`qwen3_next`, Qwen3NextForCausalLM; transformers ≥ 4.57 `modeling_qwen3_next.py`):
 * a hybrid of Gated DeltaNet linear attention and gated softmax attention, with Qwen2-MoE's
 * sparse block.
 * - Layer kinds: `layer_types` when given, else every full_attention_interval-th layer (default
 *   4: layers 3, 7, 11, …) is softmax attention and the others are linear attention.
 * - Softmax attention: q_proj hidden → heads·head_dim·2 (query and a sigmoid output gate),
 *   k/v hidden → kv_heads·head_dim, o_proj, per-head q_norm/k_norm, attention_bias (default false);
 *   head_dim default 256.
 * - Linear attention (Qwen3NextGatedDeltaNet): see `linearAttentionParams` in count.ts.
 * - MLP: sparse by Qwen's rule (decoder_sparse_step, mlp_only_layers): router without bias,
 *   num_experts experts of moe_intermediate_size, one shared expert of
 *   shared_expert_intermediate_size behind a Linear(hidden, 1) gate; dense layers use intermediate_size.
 * - Two RMSNorms per layer (zero-centred weights, same count), final norm, untied by default.
 * - The checkpoints also store a multi-token-prediction layer (`mtp.*`, ignored by the class
 *   through `_keys_to_ignore_on_load_unexpected`): counted in `mtp` when the config says
 *   mtp_num_hidden_layers (or num_nextn_predict_layers), never in `total`.
 */
import type { Architecture, LinearAttentionSpec, MoeSpec } from '../types';
import { ConfigError } from '../errors';
import { build, type FamilyReader } from './build';
import {
  checkTopK,
  countLayerTypes,
  countOrDefault,
  flag,
  pick,
  readDecoderCore,
  requiredCount,
  type ConfigObject,
} from './config';
import { qwenSparseLayers } from './qwen-moe';

/** Linear-attention layers from `layer_types`, else from full_attention_interval. */
function linearLayerCount(config: ConfigObject, layers: number): number {
  const fromTypes = countLayerTypes(config, layers, 'linear_attention');
  if (fromTypes !== null) {
    const full = countLayerTypes(config, layers, 'full_attention') ?? 0;
    if (fromTypes + full !== layers) {
      throw new ConfigError('layer_types entries must be "linear_attention" or "full_attention"', 'layer_types');
    }
    return fromTypes;
  }
  const interval = countOrDefault(config, ['full_attention_interval'], 4);
  return layers - Math.floor(layers / interval);
}

function readQwen3Next(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'qwen3_next', 2, 256);
  const linearLayers = linearLayerCount(config, core.layers);
  const linearAttention: LinearAttentionSpec | null =
    linearLayers > 0
      ? {
          layers: linearLayers,
          keyHeads: countOrDefault(config, ['linear_num_key_heads'], 16),
          valueHeads: countOrDefault(config, ['linear_num_value_heads'], 32),
          keyHeadDim: countOrDefault(config, ['linear_key_head_dim'], 128),
          valueHeadDim: countOrDefault(config, ['linear_value_head_dim'], 128),
          convKernel: countOrDefault(config, ['linear_conv_kernel_dim'], 4),
        }
      : null;
  const expertsField = pick(config, ['num_experts']).name;
  const experts = countOrDefault(config, ['num_experts'], 512, 0);
  const moeLayers = qwenSparseLayers(config, core.layers, experts);
  let moe: MoeSpec | null = null;
  if (moeLayers > 0) {
    const expertsPerToken = countOrDefault(config, ['num_experts_per_tok'], 10);
    checkTopK(expertsPerToken, experts, 'num_experts_per_tok', expertsField);
    const sharedFfn = countOrDefault(config, ['shared_expert_intermediate_size'], 512, 0);
    moe = {
      experts,
      expertsPerToken,
      sharedExperts: sharedFfn > 0 ? 1 : 0,
      expertFfn: countOrDefault(config, ['moe_intermediate_size'], 512),
      sharedExpertFfn: sharedFfn,
      moeLayers,
      ...(sharedFfn > 0 ? { sharedExpertGate: true } : {}),
    };
  }
  const attentionBias = flag(config, ['attention_bias'], false);
  return build({
    family: 'qwen3_next',
    ...core,
    ffn: moeLayers < core.layers ? requiredCount(config, ['intermediate_size'], 'qwen3_next') : countOrDefault(config, ['intermediate_size'], 5632),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 32768),
    moe,
    linearAttention,
    mtpLayers: countOrDefault(config, ['mtp_num_hidden_layers', 'num_nextn_predict_layers'], 0, 0),
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      qkNorm: true,
      attentionOutputGate: true,
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

export const QWEN3_NEXT: FamilyReader = { modelTypes: ['qwen3_next'], read: readQwen3Next };
