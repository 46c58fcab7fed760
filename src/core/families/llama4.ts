/**
 * Llama 4 (transformers ≥ 4.51 `modeling_llama4.py`; Scout 17B-16E, Maverick 17B-128E).
 * - `llama4_text` (Llama4ForCausalLM): q/k/v/o without bias (attention_bias), head_dim 128;
 *   the QK norm is a weightless L2 norm. MoE layers (`moe_layers`, else every
 *   interleave_moe_layer_step-th layer from step − 1): router Linear(hidden, num_local_experts)
 *   without bias, experts of intermediate_size (fused gate_up_proj, down_proj, no biases), one
 *   shared expert of intermediate_size; the other layers a dense SwiGLU of intermediate_size_mlp.
 *   Two RMSNorms per layer, final norm, untied. RoPE layers (`no_rope_layers` entry 1; by default
 *   all but every 4th) use chunked attention over attention_chunk_size tokens (8192), which bounds
 *   their KV cache like a sliding window; the NoPE layers attend globally.
 * - `llama4` (Llama4ForConditionalGeneration): that language model from `text_config`, the vision
 *   tower from `vision_config` (see llama4VisionParams) and Linear(vision_output_dim, hidden).
 * Defaults are Llama4TextConfig's (the Scout shape).
 */
import type { Architecture, MoeSpec } from '../types';
import { ConfigError } from '../errors';
import { build, type FamilyReader } from './build';
import {
  checkTopK,
  countOrDefault,
  flag,
  has,
  layerIndexSet,
  layerList,
  nestedConfig,
  optionalCount,
  readDecoderCore,
  withinNested,
  type ConfigObject,
} from './config';
import { llama4VisionParams } from './vision';

/** Layers that use RoPE and chunked attention: `no_rope_layers` entries equal to 1, else all but every interval-th. */
function chunkedLayerCount(config: ConfigObject, layers: number): number {
  const list = config.no_rope_layers;
  if (Array.isArray(list) && list.length > 0) {
    // Llama4TextConfig accepts a list at least as long as the model; only the first `layers` entries are read.
    if (list.length < layers) {
      throw new ConfigError(`no_rope_layers has ${list.length} entries but num_hidden_layers is ${layers}`, 'no_rope_layers');
    }
    let rope = 0;
    for (let index = 0; index < layers; index += 1) if (list[index]) rope += 1;
    return rope;
  }
  const types = layerList(config, 'layer_types', layers);
  if (types) return types.filter((entry) => entry === 'chunked_attention').length;
  const interval = countOrDefault(config, ['no_rope_layer_interval'], 4);
  return layers - Math.floor(layers / interval);
}

function moeLayerCount(config: ConfigObject, layers: number): number {
  const explicit = layerIndexSet(config, 'moe_layers', layers);
  if (explicit) return explicit.size;
  const step = countOrDefault(config, ['interleave_moe_layer_step'], 1);
  // range(step − 1, layers, step)
  return step - 1 < layers ? Math.floor((layers - step) / step) + 1 : 0;
}

function readLlama4Text(config: ConfigObject, vision?: ReturnType<typeof llama4VisionParams>): Architecture {
  const modelType = vision ? 'llama4' : 'llama4_text';
  const withDefaults: ConfigObject = {
    vocab_size: 202048,
    hidden_size: 5120,
    num_hidden_layers: 48,
    num_attention_heads: 40,
    ...config,
  };
  const core = readDecoderCore(withDefaults, modelType, 8, 128);
  const expertFfn = countOrDefault(config, ['intermediate_size'], 8192);
  const experts = countOrDefault(config, ['num_local_experts'], 16);
  const moeLayers = moeLayerCount(config, core.layers);
  let moe: MoeSpec | null = null;
  if (moeLayers > 0) {
    const expertsPerToken = countOrDefault(config, ['num_experts_per_tok'], 1);
    checkTopK(expertsPerToken, experts, 'num_experts_per_tok', 'num_local_experts');
    moe = { experts, expertsPerToken, sharedExperts: 1, expertFfn, sharedExpertFfn: expertFfn, moeLayers };
  }
  const attentionBias = flag(config, ['attention_bias'], false);
  const chunk = optionalCount(config, ['attention_chunk_size'], 8192);
  return build({
    family: 'llama4',
    ...core,
    ffn: countOrDefault(config, ['intermediate_size_mlp'], 16384),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 4096 * 32),
    slidingWindow: chunk,
    slidingWindowLayers: chunk === null ? 0 : chunkedLayerCount(config, core.layers),
    moe,
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
      ...(vision
        ? { vision: { encoderParams: vision.params, projectorWidth: vision.width, projectorExtraParams: 0, ...(vision.projectorBias ? { projectorBias: true } : {}) } }
        : {}),
    },
  });
}

function readLlama4(config: ConfigObject, modelType: string): Architecture {
  if (modelType === 'llama4_text') return readLlama4Text(config);
  const text = nestedConfig(config, 'text_config') ?? {};
  const visionConfig = nestedConfig(config, 'vision_config') ?? {};
  const vision = withinNested('vision_config', () => llama4VisionParams(visionConfig));
  const tied = has(config, 'tie_word_embeddings') ? flag(config, ['tie_word_embeddings'], false) : flag(text, ['tie_word_embeddings'], false);
  return withinNested('text_config', () => readLlama4Text({ ...text, tie_word_embeddings: tied }, vision));
}

export const LLAMA4: FamilyReader = { modelTypes: ['llama4', 'llama4_text'], read: readLlama4 };
