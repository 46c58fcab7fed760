/**
 * Phi-3 family.
 * - `phi3` (Phi3ForCausalLM; Phi-3 mini / medium, 4k and 128k, Phi-3.5-mini, Phi-4): fused
 *   qkv_proj and gate_up_proj, no biases, RMSNorm ×2, `sliding_window` on every layer when set;
 *   LongRoPE scaling adds no parameters.
 * - `phi3small` (Phi3SmallForCausalLM, the checkpoints' own `modeling_phi3_small.py`): fused
 *   query_key_value and dense with biases, LayerNorms with bias, a GEGELU MLP whose up_proj yields
 *   2 × ff_intermediate_size (as a gated MLP: 3·h·i weights, 2·i + h biases), tied embeddings
 *   (PretrainedConfig's default). Block-sparse attention and muP scalings add no parameters.
 *   ff_intermediate_size, or ff_dim_multiplier · (hidden // 3) · 2 rounded up to 256.
 */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { countOrDefault, flag, optionalCount, readDecoderCore, requiredCount, type ConfigObject } from './config';

function readPhi3(config: ConfigObject): Architecture {
  const core = readDecoderCore(config, 'phi3', null);
  return build({
    family: 'phi3',
    ...core,
    ffn: requiredCount(config, ['intermediate_size'], 'phi3'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 4096),
    slidingWindow: optionalCount(config, ['sliding_window'], null),
    details: { tiedEmbeddings: flag(config, ['tie_word_embeddings'], false) },
  });
}

function phi3SmallFfn(config: ConfigObject, hidden: number): number {
  const explicit = optionalCount(config, ['ff_intermediate_size'], null);
  if (explicit !== null) return explicit;
  const multiplier = optionalCount(config, ['ff_dim_multiplier'], null);
  if (multiplier === null) return 14336;
  const raw = multiplier * Math.floor(hidden / 3) * 2;
  return flag(config, ['gegelu_pad_to_256'], true) ? Math.ceil(raw / 256) * 256 : raw;
}

function readPhi3Small(config: ConfigObject): Architecture {
  const withDefaults: ConfigObject = { vocab_size: 100352, hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, ...config };
  const core = readDecoderCore(withDefaults, 'phi3small', 8);
  return build({
    family: 'phi3small',
    ...core,
    ffn: phi3SmallFfn(config, core.hidden),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 8192),
    details: {
      qkvBias: true,
      attentionOutputBias: true,
      mlpBias: true,
      norm: 'layernorm',
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], true),
    },
  });
}

export const PHI3: FamilyReader = { modelTypes: ['phi3'], read: readPhi3 };
export const PHI3_SMALL: FamilyReader = { modelTypes: ['phi3small'], read: readPhi3Small };
