/**
 * Chinese for the words inside the data tables that a reader sees: accelerator names with a
 * variant note ("per card"), the article's and unconfirmed model names, price listings, the labels
 * of measured rows. Keyed by the row's id (or its exact English text), next to the rows they
 * translate; the English stays in the table with its source. `test/unit/text-zh.test.ts` fails when
 * a row whose visible text has English words beyond product names and units has no entry here.
 *
 * Product names (NVIDIA H100 SXM5 80GB, Llama 3.1 70B), units and vendor listing names that are
 * proper names (Lambda, Modal, AWS p5e) stay as they are: they are what a reader searches for.
 */

/** Accelerator id → its name in Chinese (only where the English name carries a note in words). */
export const ACCELERATOR_NAMES_ZH: Readonly<Record<string, string>> = {
  'h100-nvl': 'NVIDIA H100 NVL 94GB（单卡）',
  b200: 'NVIDIA B200（HGX B200，单卡）',
  gb200: 'NVIDIA GB200（NVL72 中的单颗 Blackwell GPU）',
  'm2-ultra': 'Apple M2 Ultra（76 核 GPU）',
  'm3-max': 'Apple M3 Max（40 核 GPU）',
  'm4-max': 'Apple M4 Max（40 核 GPU）',
};

/** Model preset id → its name in Chinese (the article's models and the unconfirmed GPT-4). */
/** Training software generations (src/data/training-frameworks.ts) by id, in Chinese. */
export const FRAMEWORK_NAMES_ZH: Readonly<Record<string, string>> = {
  'megatron-core': 'Megatron-Core / NeMo（2024–25）',
  'nemo-2': 'NeMo 2 性能配方（2024–25，底层为 Megatron-Core）',
  'megatron-lm-2022': 'Megatron-LM 2022（序列并行、选择性重计算）',
  'megatron-lm-2021': 'Megatron-LM 2021（PTD-P）',
  'megatron-deepspeed-2021': 'Megatron-DeepSpeed 2021–22（DeepSpeed 流水线引擎 + Megatron 张量切分）',
  'meta-llama3-2024': 'Meta Llama 3 训练栈（2024：FSDP + TP/CP/PP，FlashAttention）',
  'fsdp-xformers-2023': 'PyTorch FSDP + xformers 注意力（Meta 2023）',
  'dualpipe-2024': 'DeepSeek-V3 HAI-LLM（2024：DualPipe、节点受限路由、FP8）',
};

/** Cluster presets (src/data/clusters.ts) by id, in Chinese. */
export const CLUSTER_NAMES_ZH: Readonly<Record<string, string>> = {
  'dgx-a100': 'DGX A100（8 × A100，NVLink 3，8 × 200 Gb/s HDR）',
  'dgx-h100': 'DGX/HGX H100（8 × H100，NVLink 4，8 × 400 Gb/s）',
  'hgx-h200': 'HGX H200（8 × H200，NVLink 4，8 × 400 Gb/s）',
  'hgx-h800': 'HGX H800（8 × H800，NVLink 400 GB/s，8 × 400 Gb/s）',
  'dgx-b200': 'DGX/HGX B200（8 × B200，NVLink 5，8 × 400 Gb/s）',
  'gb200-nvl72': 'GB200 NVL72（72 块 GPU 的 NVLink 域，每块 GPU 400 Gb/s）',
  'mi300x-8': 'MI300X 平台（8 × MI300X，xGMI 互联）',
  'pcie-8': 'PCIe 服务器（8 块 GPU 经 PCIe 互联，每块 GPU 200 Gb/s）',
  'tpu-v4-pod': 'TPU v4 Pod（4096 颗芯片，ICI 三维环面）',
  'tpu-v5p-pod': 'TPU v5p Pod（8960 颗芯片，ICI 三维环面）',
};

export const MODEL_NAMES_ZH: Readonly<Record<string, string>> = {
  'article-100b': '原文的“千亿”模型（假想）',
  'article-1t': '原文的万亿模型（假想）',
  'article-10t': '原文的 10 万亿模型（假想）',
  'gpt-4-estimate': 'GPT-4（未经证实的估计）',
};

/** Accelerator id → what its dated price is (the listing), in Chinese. */
export const PRICE_WHAT_ZH: Readonly<Record<string, string>> = {
  'a100-sxm-40gb': 'Lambda 单卡 A100 40GB 按需价（标价）',
  'a100-sxm-80gb': 'Modal A100 80GB（无服务器，每 GPU 小时）',
  'h100-sxm': 'Lambda 单卡 H100 SXM 按需价',
  'h100-pcie': 'Lambda 单卡 H100 PCIe 按需价',
  'h200-sxm': 'AWS p5e（8 × H200）容量块折合每 GPU 价格',
  'h800-sxm': 'DeepSeek-V3 成本估算所用的假设租金',
  l4: 'Modal L4',
  l40s: 'Modal L40S',
  a10: 'Lambda A10',
  t4: 'Modal T4',
  'rtx-3090': 'NVIDIA GeForce RTX 3090 首发建议零售价（美元）',
  'rtx-4090': 'NVIDIA GeForce RTX 4090 首发建议零售价（美元）',
  'rtx-5090': 'NVIDIA GeForce RTX 5090 首发建议零售价（美元）',
  'tpu-v4': 'Cloud TPU v4 按需价，每芯片小时（us-central2）',
  'tpu-v5e': 'Cloud TPU v5e 按需价，每芯片小时',
  'tpu-v5p': 'Cloud TPU v5p 按需价，每芯片小时',
  'tpu-v6e': 'Cloud TPU v6e 按需价，每芯片小时（us-east1）',
};

/**
 * Labels of measured and published rows (decode measurements, training runs), by their exact
 * English text → Chinese. A label that is only a model or product name needs no entry.
 */
export const ROW_LABELS_ZH: Readonly<Record<string, string>> = {
  'llama2-7b (16-bit assumed)': 'llama2-7b（假定 16 位）',
  'A100 80GB (RunPod; SXM assumed)': 'A100 80GB（RunPod；假定为 SXM）',
  'H100 80GB (SXM assumed)': 'H100 80GB（假定为 SXM）',
  'A100 80GB (SXM assumed)': 'A100 80GB（假定为 SXM）',
  'M2 Ultra 76-core': 'M2 Ultra 76 核',
  'A100 (estimate)': 'A100（估计）',
  'M3 Max 40-core': 'M3 Max 40 核',
  'GPT-4 (ESTIMATES ONLY — not disclosed by OpenAI)': 'GPT-4（仅为估计——OpenAI 从未公布）',
  'GPT-4 (est.)': 'GPT-4（估计）',
  // Fragments of published-count labels ("70B (Llama 3.1 model card)").
  'model card': '模型卡',
  ' paper Table ': ' 论文表 ',
  ' report, Table ': ' 报告，表 ',
};

/** A data row's visible text in the page's language: the Chinese entry when there is one. */
export function textIn(lang: 'en' | 'zh', english: string, chinese: string | undefined): string {
  return lang === 'zh' && chinese ? chinese : english;
}
