/**
 * One-click scenarios of the fine-tuning section, each reproducing a published figure.
 */
import type { Scenario } from '../../scenario/scenario';

/**
 * QLoRA (Dettmers et al. 2023, arXiv:2305.14314), abstract: "reduces memory usage enough to
 * finetune a 65B parameter model on a single 48GB GPU"; the paper's setting (Figure 6: batch 1,
 * sequence 512; App. B.2: r = 64 on every linear layer, BF16 adapters via qlora.py, paged AdamW,
 * gradient checkpointing). Model: LLaMA-65B as converted to Hugging Face (huggyllama/llama-65b
 * config.json: hidden 8192, 80 layers, 64 heads, intermediate 22016, vocabulary 32000;
 * 65,285,660,672 parameters). GPU: an NVIDIA L40S, 48 GB.
 */
export const QLORA_65B_ON_48GB: { config: Record<string, unknown>; patch: Partial<Scenario> } = {
  config: {
    _name_or_path: 'huggyllama/llama-65b',
    architectures: ['LlamaForCausalLM'],
    hidden_act: 'silu',
    hidden_size: 8192,
    intermediate_size: 22016,
    max_position_embeddings: 2048,
    model_type: 'llama',
    num_attention_heads: 64,
    num_hidden_layers: 80,
    tie_word_embeddings: false,
    vocab_size: 32000,
  },
  patch: {
    gpu: 'l40s',
    ftMethod: 'qlora',
    loraRank: 64,
    loraModules: ['q', 'k', 'v', 'o', 'gate', 'up', 'down'],
    ftSeqLen: 512,
    ftMicroBatch: 1,
    ftCheckpointing: true,
    ftAdapterPrecision: 'bf16',
  },
};
