/**
 * Qwen's MoE decoders. A layer i is sparse when num_experts > 0, i ∉ mlp_only_layers and
 * (i + 1) % decoder_sparse_step == 0; the others use a dense MLP of intermediate_size.
 * - Qwen2-MoE (`qwen2_moe`, Qwen2MoeForCausalLM; Qwen1.5-MoE, Qwen2-57B-A14B): q/k/v bias,
 *   router Linear(hidden, num_experts) without bias, one shared expert of
 *   shared_expert_intermediate_size behind a sigmoid gate Linear(hidden, 1) without bias.
 * - Qwen3-MoE (`qwen3_moe`, Qwen3MoeForCausalLM): per-head q/k norms, no shared expert.
 */
import type { Architecture, MoeSpec } from '../types';
import { build, type FamilyReader } from './build';
import {
  checkTopK,
  countOrDefault,
  flag,
  layerIndexSet,
  pick,
  readDecoderCore,
  requiredCount,
  type ConfigObject,
} from './config';
import { qwenSliding } from './qwen';

/** How many layers are sparse under Qwen's rule (decoder_sparse_step, mlp_only_layers). */
export function qwenSparseLayers(config: ConfigObject, layers: number, experts: number): number {
  if (experts <= 0) return 0;
  const step = countOrDefault(config, ['decoder_sparse_step'], 1);
  let sparse = Math.floor(layers / step);
  const dense = layerIndexSet(config, 'mlp_only_layers', layers);
  if (dense) for (const index of dense) if ((index + 1) % step === 0) sparse -= 1;
  return sparse;
}

interface QwenMoeDefaults {
  family: 'qwen2_moe' | 'qwen3_moe';
  experts: number;
  topK: number;
  expertFfn: number;
  ffn: number;
  kvHeads: number;
}

function readQwenMoe(config: ConfigObject, defaults: QwenMoeDefaults): { core: ReturnType<typeof readDecoderCore>; moe: MoeSpec | null; ffn: number } {
  const { family } = defaults;
  const core = readDecoderCore(config, family, defaults.kvHeads);
  const expertsField = pick(config, ['num_experts', 'num_local_experts']).name;
  const experts = countOrDefault(config, ['num_experts', 'num_local_experts'], defaults.experts, 0);
  const moeLayers = qwenSparseLayers(config, core.layers, experts);
  let moe: MoeSpec | null = null;
  if (moeLayers > 0) {
    const expertsPerToken = countOrDefault(config, ['num_experts_per_tok'], defaults.topK);
    checkTopK(expertsPerToken, experts, 'num_experts_per_tok', expertsField);
    const expertFfn = countOrDefault(config, ['moe_intermediate_size'], defaults.expertFfn);
    moe = { experts, expertsPerToken, sharedExperts: 0, expertFfn, sharedExpertFfn: 0, moeLayers };
  }
  const ffn =
    moeLayers < core.layers ? requiredCount(config, ['intermediate_size'], family) : countOrDefault(config, ['intermediate_size'], defaults.ffn);
  return { core, moe, ffn };
}

function readQwen2Moe(config: ConfigObject): Architecture {
  const { core, moe, ffn } = readQwenMoe(config, { family: 'qwen2_moe', experts: 60, topK: 4, expertFfn: 1408, ffn: 5632, kvHeads: 16 });
  if (moe) {
    const sharedFfn = countOrDefault(config, ['shared_expert_intermediate_size'], 5632, 0);
    if (sharedFfn > 0) Object.assign(moe, { sharedExperts: 1, sharedExpertFfn: sharedFfn, sharedExpertGate: true });
  }
  return build({
    family: 'qwen2_moe',
    ...core,
    ffn,
    contextLength: countOrDefault(config, ['max_position_embeddings'], 32768),
    ...qwenSliding(config, core.layers),
    moe,
    details: { qkvBias: flag(config, ['qkv_bias'], true), tiedEmbeddings: flag(config, ['tie_word_embeddings'], false) },
  });
}

function readQwen3Moe(config: ConfigObject): Architecture {
  const { core, moe, ffn } = readQwenMoe(config, { family: 'qwen3_moe', experts: 128, topK: 8, expertFfn: 768, ffn: 6144, kvHeads: 4 });
  const attentionBias = flag(config, ['attention_bias'], false);
  return build({
    family: 'qwen3_moe',
    ...core,
    ffn,
    contextLength: countOrDefault(config, ['max_position_embeddings'], 32768),
    ...qwenSliding(config, core.layers),
    moe,
    details: {
      qkvBias: attentionBias,
      attentionOutputBias: attentionBias,
      qkNorm: true,
      tiedEmbeddings: flag(config, ['tie_word_embeddings'], false),
    },
  });
}

export const QWEN2_MOE: FamilyReader = { modelTypes: ['qwen2_moe'], read: readQwen2Moe };
export const QWEN3_MOE: FamilyReader = { modelTypes: ['qwen3_moe'], read: readQwen3Moe };
