/**
 * Every source a formula of the core rests on. The JSDoc of each formula names its source id;
 * the page's "sources" section renders this table. `where` is the table, figure, equation or
 * section the formula or figure is printed in.
 */

export interface Source {
  title: string;
  authors: string;
  year: number;
  /** Where in the work: table, figure, equation, section. */
  where: string;
  url?: string;
}

export const SOURCES = {
  rajbhandari2020: {
    title: 'ZeRO: Memory Optimizations Toward Training Trillion Parameter Models',
    authors: 'Rajbhandari, Rasley, Ruwase, He',
    year: 2020,
    where: '§3.1 (model states: 2Ψ + 2Ψ + 12Ψ bytes for mixed-precision Adam), §5 and Figure 1 (7.5B on 64 GPUs: 120 / 31.4 / 16.6 / 1.9 GB)',
    url: 'https://arxiv.org/abs/1910.02054',
  },
  korthikanti2022: {
    title: 'Reducing Activation Recomputation in Large Transformer Models',
    authors: 'Korthikanti, Casper, Lym, McAfee, Andersch, Shoeybi, Catanzaro',
    year: 2022,
    where: 'Eq. 1–2, §4.2.2 (sequence parallelism), §4.3 (pipeline and embedding/output extras), §5 (selective recomputation), Table 2',
    url: 'https://arxiv.org/abs/2205.05198',
  },
  narayanan2021: {
    title: 'Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM',
    authors: 'Narayanan, Shoeybi, Casper, LeGresley, Patwary, Korthikanti, et al.',
    year: 2021,
    where: '§2.2.1 (1F1B schedule: the first stage keeps up to p micro-batches in flight), §3 (tensor parallel within a node of 8)',
    url: 'https://arxiv.org/abs/2104.04473',
  },
  kaplan2020: {
    title: 'Scaling Laws for Neural Language Models',
    authors: 'Kaplan, McCandlish, Henighan, Brown, Chess, Child, Gray, Radford, Wu, Amodei',
    year: 2020,
    where: '§2.1 and Table 1 (C_forward ≈ 2N + 2·n_layer·n_ctx·d_attn), Eq. 1.5 and Table 2 (L(N, D)), Eq. 1.7 / 5.5 and Table 6 (compute-efficient allocation, C_min)',
    url: 'https://arxiv.org/abs/2001.08361',
  },
  hoffmann2022: {
    title: 'Training Compute-Optimal Large Language Models',
    authors: 'Hoffmann, Borgeaud, Mensch, Buchatskaya, Cai, Rutherford, et al.',
    year: 2022,
    where: 'Eq. 2 and App. D.2 Eq. 10 (approach 3: E 1.69, A 406.4, B 410.7, α 0.34, β 0.28), Eq. 4 (efficient frontier), Table 3, App. D.4, App. F (C ≈ 6ND)',
    url: 'https://arxiv.org/abs/2203.15556',
  },
  besiroglu2024: {
    title: 'Chinchilla Scaling: A replication attempt',
    authors: 'Besiroglu, Erdil, Barnett, You',
    year: 2024,
    where: 'Table 1 / §3 (E 1.8172, A 482.01, B 2085.43, α 0.3478, β 0.3658)',
    url: 'https://arxiv.org/abs/2404.10102',
  },
  brown2020: {
    title: 'Language Models are Few-Shot Learners',
    authors: 'Brown, Mann, Ryder, Subbiah, et al.',
    year: 2020,
    where: 'Table 2.1 (GPT-3 shapes), Table D.1 (175B: 3.64e3 PF-days = 3.14e23 FLOPs)',
    url: 'https://arxiv.org/abs/2005.14165',
  },
  chowdhery2022: {
    title: 'PaLM: Scaling Language Modeling with Pathways',
    authors: 'Chowdhery, Narang, Devlin, et al.',
    year: 2022,
    where: 'App. B (model FLOPs utilisation, MFU), Table 3',
    url: 'https://arxiv.org/abs/2204.02311',
  },
  llama3: {
    title: 'The Llama 3 Herd of Models',
    authors: 'Llama Team, AI @ Meta',
    year: 2024,
    where: '§3.3 and Table 4 (16,384 H100, 41% BF16 MFU), §3.2.1 (3.8e25 FLOPs for 405B on 15.6T tokens)',
    url: 'https://arxiv.org/abs/2407.21783',
  },
  patterson2021: {
    title: 'Carbon Emissions and Large Neural Network Training',
    authors: 'Patterson, Gonzalez, Le, Liang, Munguia, Rothchild, So, Texier, Dean',
    year: 2021,
    where: '§2 and Table 4 (energy = accelerator-hours × average power × PUE)',
    url: 'https://arxiv.org/abs/2104.10350',
  },
  touvron2023: {
    title: 'LLaMA: Open and Efficient Foundation Language Models',
    authors: 'Touvron, Lavril, Izacard, et al.',
    year: 2023,
    where: 'Table 15 (energy = GPU-hours × 400 W × PUE 1.1)',
    url: 'https://arxiv.org/abs/2302.13971',
  },
  pope2022: {
    title: 'Efficiently Scaling Transformer Inference',
    authors: 'Pope, Douglas, Chowdhery, Devlin, Bradbury, Levskaya, Heek, Xiao, Agrawal, Dean',
    year: 2022,
    where: '§2 (decode is memory-bandwidth bound at small batch: time ≥ bytes of weights and KV cache / bandwidth; prefill compute bound at 2N FLOPs per token), §3.1 (tensor-parallel partitioning)',
    url: 'https://arxiv.org/abs/2211.05102',
  },
  kwon2023: {
    title: 'Efficient Memory Management for Large Language Model Serving with PagedAttention (vLLM)',
    authors: 'Kwon, Li, Zhuang, Sheng, Zheng, Yu, Gonzalez, Zhang, Stoica',
    year: 2023,
    where: '§3 (KV cache of OPT-13B: 2 × 5120 × 40 × 2 bytes = 800 KB per token), §4 (continuous batching)',
    url: 'https://arxiv.org/abs/2309.06180',
  },
  databricks2023: {
    title: 'LLM Inference Performance Engineering: Best Practices',
    authors: 'Agarwal, Qureshi, et al. (Databricks / MosaicML)',
    year: 2023,
    where: 'Model bandwidth utilisation (MBU) = (weight + KV bytes) / time per output token / peak bandwidth',
    url: 'https://www.databricks.com/blog/llm-inference-performance-engineering-best-practices',
  },
  xiongjiedai2024: {
    title: 'GPU-Benchmarks-on-LLM-Inference (llama.cpp decode speeds)',
    authors: 'Xiongjie Dai',
    year: 2024,
    where: 'README tables "average eval speed" (LLaMA 2, Dec 2023) and tg512 (LLaMA 3, May 2024)',
    url: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference',
  },
  nemo2024: {
    title: 'NeMo Framework: Llama-2 inference performance',
    authors: 'NVIDIA',
    year: 2024,
    where: 'Performance tables, batch 1, 128 input / 20 output tokens, TP 1',
    url: 'https://docs.nvidia.com/nemo-framework/user-guide/latest/performance/llama.html',
  },
  deepseek2024v2: {
    title: 'DeepSeek-V2: A Strong, Economical, and Efficient Mixture-of-Experts Language Model',
    authors: 'DeepSeek-AI',
    year: 2024,
    where: '§2.1 and Table 1 (MLA caches (d_c + d_h^R) per layer per token)',
    url: 'https://arxiv.org/abs/2405.04434',
  },
  deepseek2024v3: {
    title: 'DeepSeek-V3 Technical Report',
    authors: 'DeepSeek-AI',
    year: 2024,
    where: '§2.1 (d_c 512, d_h^R 64, 61 layers), Table 1 (2.788M H800-hours at an assumed $2 per GPU-hour)',
    url: 'https://arxiv.org/abs/2412.19437',
  },
  jiang2023: {
    title: 'Mistral 7B',
    authors: 'Jiang, Sablayrolles, Mensch, et al.',
    year: 2023,
    where: '§2 (sliding-window attention, W = 4096; rolling buffer cache of W tokens)',
    url: 'https://arxiv.org/abs/2310.06825',
  },
  gemma2024: {
    title: 'Gemma 2: Improving Open Language Models at a Practical Size',
    authors: 'Gemma Team, Google DeepMind',
    year: 2024,
    where: '§2 and Table 1 (local sliding window 4096 alternating with global attention 8192, every other layer)',
    url: 'https://arxiv.org/abs/2408.00118',
  },
  fedus2022: {
    title: 'Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity',
    authors: 'Fedus, Zoph, Shazeer',
    year: 2022,
    where: '§2 (each token is routed to k of E experts: parameters grow with E, FLOPs per token with k)',
    url: 'https://arxiv.org/abs/2101.03961',
  },
  jiang2024: {
    title: 'Mixtral of Experts',
    authors: 'Jiang, Sablayrolles, Roux, et al.',
    year: 2024,
    where: '§2 (8 experts, top-2: 47B total, 13B active parameters per token)',
    url: 'https://arxiv.org/abs/2401.04088',
  },
  frantar2023: {
    title: 'SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot',
    authors: 'Frantar, Alistarh',
    year: 2023,
    where: '§1, §5 (unstructured 50% sparsity; memory savings need sparse storage or 2:4 kernels)',
    url: 'https://arxiv.org/abs/2301.00774',
  },
  ma2023: {
    title: 'LLM-Pruner: On the Structural Pruning of Large Language Models',
    authors: 'Ma, Fang, Wang',
    year: 2023,
    where: '§3 (structured pruning removes whole heads / channels: parameters and bytes shrink together)',
    url: 'https://arxiv.org/abs/2305.11627',
  },
  hinton2015: {
    title: 'Distilling the Knowledge in a Neural Network',
    authors: 'Hinton, Vinyals, Dean',
    year: 2015,
    where: '§2 (a smaller student trained on the teacher’s soft targets)',
    url: 'https://arxiv.org/abs/1503.02531',
  },
  dettmers2022: {
    title: 'LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale',
    authors: 'Dettmers, Lewis, Belkada, Zettlemoyer',
    year: 2022,
    where: '§3 (8-bit weights: a quarter of FP32, half of FP16 storage)',
    url: 'https://arxiv.org/abs/2208.07339',
  },
  dao2022: {
    title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness',
    authors: 'Dao, Fu, Ermon, Rudra, Ré',
    year: 2022,
    where: '§3 (the s × s score matrix is never materialised; activation memory linear in s)',
    url: 'https://arxiv.org/abs/2205.14135',
  },
  thisProject: {
    title: 'LLM Scale Explorer: documented modelling choices',
    authors: 'this project',
    year: 2025,
    where: 'docs/ and the JSDoc of the function (estimates with no single published source: runtime overheads, price fallback, expert-touch model)',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
