/**
 * Falcon (`falcon`, FalconForCausalLM). Old decoder (falcon-7b): multi_query → one shared K/V
 * head, otherwise full MHA; parallel_attn → one input_layernorm, else two norms (falcon-rw).
 * New decoder (falcon-40b/180b): num_kv_heads groups and num_ln_in_parallel_attn norms
 * (default 2). `bias` switches every Linear's bias; `alibi` adds no parameters.
 * `RefinedWebModel` / `RefinedWeb` (the custom-code checkpoints) are read as old / new Falcon.
 */
import type { Architecture } from '../types';
import { build, type FamilyReader } from './build';
import { checkKvHeads, countOrDefault, derivedHeadDim, flag, optionalCount, pick, requiredCount, type ConfigObject } from './config';

const VARIANTS: Readonly<Record<string, 'old' | 'new'>> = { RefinedWebModel: 'old', RefinedWeb: 'new' };

function readFalcon(config: ConfigObject, modelType: string): Architecture {
  const hidden = requiredCount(config, ['hidden_size', 'n_embed'], 'falcon');
  const heads = requiredCount(config, ['num_attention_heads', 'n_head'], 'falcon');
  const headDim = derivedHeadDim('hidden_size', hidden, 'num_attention_heads', heads);
  const variant = VARIANTS[modelType];
  const newDecoder = variant ? variant === 'new' : flag(config, ['new_decoder_architecture'], false);
  const parallel = flag(config, ['parallel_attn'], true);
  let kvHeads: number;
  if (newDecoder || !flag(config, ['multi_query'], true)) {
    const field = pick(config, ['num_kv_heads', 'n_head_kv']).name;
    const configured = countOrDefault(config, ['num_kv_heads', 'n_head_kv'], heads);
    // FalconAttention: the old decoder without multi_query fuses 3 × hidden, whatever num_kv_heads says.
    kvHeads = newDecoder ? checkKvHeads(field, configured, 'num_attention_heads', heads) : heads;
  } else {
    kvHeads = 1;
  }
  const normsInParallel = optionalCount(config, ['num_ln_in_parallel_attn'], null) ?? (newDecoder ? 2 : 1);
  const bias = flag(config, ['bias'], false);
  return build({
    family: 'falcon',
    hidden,
    layers: requiredCount(config, ['num_hidden_layers', 'n_layer'], 'falcon'),
    heads,
    kvHeads,
    headDim,
    ffn: countOrDefault(config, ['ffn_hidden_size'], 4 * hidden),
    vocab: requiredCount(config, ['vocab_size'], 'falcon'),
    contextLength: countOrDefault(config, ['max_position_embeddings'], 2048),
    details: {
      gatedMlp: false,
      qkvBias: bias,
      attentionOutputBias: bias,
      mlpBias: bias,
      norm: 'layernorm',
      normsPerLayer: !parallel ? 2 : normsInParallel === 2 ? 2 : 1,
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], true),
    },
  });
}

export const FALCON: FamilyReader = { modelTypes: ['falcon', 'RefinedWebModel', 'RefinedWeb'], read: readFalcon };
