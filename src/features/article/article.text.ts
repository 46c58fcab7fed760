/**
 * The words of the article's calculators (`core/article`): titles, the article's formula as it
 * writes it, row labels, what the article prints and claims, and why our figure differs — in
 * English and Chinese, keyed by calculator id and row key. The core keeps the computations only.
 */
import {
  ARTICLE_CHINCHILLA_BUDGETS,
  ARTICLE_COMPRESSION_STAGES,
  ARTICLE_GPU_MEMORY_BY_YEAR,
  budgetTag,
  type ArticleCalculatorId,
} from '../../core/article';

export interface ArticleRowText {
  label: string;
  labelZh: string;
  /** What the article's code prints for this figure (its `print` format), when it prints it. */
  printed?: string;
  /** What the article's prose, table or comment claims for this figure, when it states one. */
  claim?: string;
  /** A row-specific reason, when it differs from the calculator's. */
  whyDifferent?: string;
  whyDifferentZh?: string;
  /** Where the right figure comes from, when it differs from the calculator's source. */
  source?: string;
  sourceZh?: string;
}

export interface ArticleCalculatorText {
  title: string;
  titleZh: string;
  /** The article's formula, as it writes it. */
  formula: string;
  /** The same in Chinese, where the English has words besides the article's code. */
  formulaZh?: string;
  whyDifferent: string;
  whyDifferentZh: string;
  /** Where the right figure comes from (paper + table/section, datasheet, standard). */
  source: string;
  sourceZh: string;
  /** Row key → its words. */
  rows: Readonly<Record<string, ArticleRowText>>;
}

const mlpCounter: ArticleCalculatorText = {
  title: 'A 1000-2000-500 MLP: counting parameters',
  titleZh: '1000-2000-500 小网络的参数个数',
  formula: 'w1 (1000×2000) + b1 (2000) + w2 (2000×500) + b2 (500)',
  whyDifferent: 'The code is right (3,002,500, about 3.0M); the comment beside it, "about 2.5M", is not.',
  whyDifferentZh: '代码算得对（3,002,500，约 300 万）；旁边的注释“约 2.5M”不对。',
  source: 'The article’s own code, run as written',
  sourceZh: '文章自己的代码，照原样运行',
  rows: {
    total: { label: 'Parameters', labelZh: '参数数量', printed: '参数数量: 3,002,500', claim: '约 2.5M 参数' },
  },
};

const timeline: ArticleCalculatorText = {
  title: 'Parameter counts over time',
  titleZh: '参数规模演进时间线',
  formula: 'table: BERT-base 1.1亿 (2018), GPT-2 15亿 (2019), GPT-3 1750亿 (2020), GPT-4 ~1.8万亿 (2023)',
  formulaZh: '表格：BERT-base 1.1亿（2018）、GPT-2 15亿（2019）、GPT-3 1750亿（2020）、GPT-4 ~1.8万亿（2023）',
  whyDifferent: 'Published counts are rounded; GPT-4 is an unconfirmed estimate.',
  whyDifferentZh: '公开的参数量是四舍五入的；GPT-4 的数字未经证实。',
  source: 'Model cards and papers (see each row)',
  sourceZh: '各模型的论文与模型卡（见各行）',
  rows: {
    'bert-base-2018': {
      label: 'BERT-base (2018)',
      labelZh: 'BERT-base（2018）',
      claim: '1.1亿',
      whyDifferent: 'Rounded: the checkpoint has 110,106,428 parameters with its pre-training heads.',
      whyDifferentZh: '四舍五入：带预训练头的检查点有 110,106,428 个参数。',
      source: 'Devlin et al. 2019; bert-base-uncased config.json',
      sourceZh: 'Devlin 等 2019；bert-base-uncased 的 config.json（Hugging Face）',
    },
    'gpt-2-2019': {
      label: 'GPT-2 (2019)',
      labelZh: 'GPT-2（2019）',
      claim: '15亿',
      whyDifferent: 'Rounded: GPT-2 XL has 1,557,611,200 parameters (the paper says 1542M).',
      whyDifferentZh: '四舍五入：GPT-2 XL 有 1,557,611,200 个参数（论文写 15.42 亿）。',
      source: 'Radford et al. 2019, Table 2; gpt2-xl config.json',
      sourceZh: 'Radford 等 2019，表 2；gpt2-xl 的 config.json',
    },
    'gpt-3-2020': {
      label: 'GPT-3 (2020)',
      labelZh: 'GPT-3（2020）',
      claim: '1750亿',
      whyDifferent: "Rounded: the paper's Table 2.1 dimensions give 174.6B with the GPT-2 block.",
      whyDifferentZh: '四舍五入：按论文表 2.1 的尺寸和 GPT-2 结构算得 1746 亿。',
      source: 'Brown et al. 2020, Table 2.1',
      sourceZh: 'Brown 等 2020，表 2.1',
    },
    'gpt-4-2023': {
      label: 'GPT-4 (2023)',
      labelZh: 'GPT-4（2023）',
      claim: '~1.8万亿',
      whyDifferent: 'OpenAI never disclosed it: 1.8T is a third-party leak (SemiAnalysis, 2023), and only ~280B are active per token.',
      whyDifferentZh: 'OpenAI 从未公布：1.8 万亿来自第三方爆料（SemiAnalysis，2023），且每个 token 只激活约 2800 亿。',
      source: 'OpenAI 2023, GPT-4 Technical Report (no size given); SemiAnalysis 2023',
      sourceZh: 'OpenAI 2023，GPT-4 技术报告（未给出规模）；SemiAnalysis 2023',
    },
  },
};

const storage100b: ArticleCalculatorText = {
  title: '100B parameters: storage and training tokens',
  titleZh: '千亿参数：存储与训练数据量',
  formula: 'params × 4 / 1024³ "GB" (FP32); params × 2 / 1024³ "GB" (FP16); tokens = 300 × params',
  whyDifferent: 'The article divides the bytes by 1024³ (GiB) but writes GB (10⁹ bytes).',
  whyDifferentZh: '文章把字节数除以 1024³（GiB），却写成 GB（10⁹ 字节）。',
  source: 'IEC 80000-13: GB = 10⁹ bytes, GiB = 2³⁰ bytes',
  sourceZh: 'IEC 80000-13：GB = 10⁹ 字节，GiB = 2³⁰ 字节',
  rows: {
    fp32: {
      label: 'FP32 weights',
      labelZh: 'FP32 存储',
      printed: 'FP32存储需求: 372.5 GB',
      whyDifferent: 'The article prints 372.5 "GB" for 100B × 4 bytes, but that is 400 GB: it divided by 1024³ (372.5 GiB) and kept the label GB.',
      whyDifferentZh: '文章对 100B × 4 字节打印 372.5“GB”，实为 400 GB：它除以了 1024³（372.5 GiB），却仍标作 GB。',
    },
    fp16: {
      label: 'FP16 weights',
      labelZh: 'FP16 存储',
      printed: 'FP16存储需求: 186.3 GB',
      claim: '需要 200-400GB 显存进行推理',
      whyDifferent:
        'The article prints 186.3 "GB" for 100B × 2 bytes, but that is 200 GB (186.3 GiB); its "200–400 GB for inference" is the FP16 and FP32 weights alone, before any KV cache.',
      whyDifferentZh: '文章对 100B × 2 字节打印 186.3“GB”，实为 200 GB（186.3 GiB）；它说的“推理需 200–400GB”只是 FP16 与 FP32 的权重，尚未计入 KV 缓存。',
    },
    tokens: {
      label: '"Chinchilla" training tokens',
      labelZh: '“Chinchilla”训练 token 数',
      printed: '理想训练token数: 30,000,000,000,000',
      claim: '训练数据量：2-4万亿 tokens',
      whyDifferent:
        'The article multiplies by 300 tokens per parameter (30T tokens) and calls it Chinchilla, but Chinchilla is about 20 per parameter: 2T tokens for 100B, as the article\'s own prose (2–4T) says.',
      whyDifferentZh: '文章按每参数 300 个 token 相乘（30 万亿）并称之为 Chinchilla 定律，但 Chinchilla 约为每参数 20 个：100B 对应 2 万亿 token，与文章正文的 2–4 万亿一致。',
      source: 'Hoffmann et al. 2022 (Chinchilla), Table 3',
      sourceZh: 'Hoffmann 等 2022（Chinchilla），表 3',
    },
  },
};

const architecture100b: ArticleCalculatorText = {
  title: 'The article\'s "100B" architecture',
  titleZh: '"千亿参数"模型的架构分解',
  formula: 'vocab·h + layers·(4·h² + 2·h·4h + 2·h), h = 12288, layers = 96, vocab = 100000',
  whyDifferent:
    "These are GPT-3's dimensions: the article's own formula gives 175B, not 100B; ours also counts biases, the second LayerNorm and position embeddings.",
  whyDifferentZh: '这其实是 GPT-3 的尺寸：按文章自己的公式就是 1752 亿，不是千亿；我们还计入了偏置、第二个 LayerNorm 和位置嵌入。',
  source: 'Brown et al. 2020, Table 2.1 (GPT-3 175B: 96 layers, d = 12288)',
  sourceZh: 'Brown 等 2020，表 2.1（GPT-3 175B：96 层，d = 12288）',
  rows: {
    embedding: { label: 'Embedding', labelZh: '嵌入层参数' },
    'per-layer': { label: 'Per transformer layer', labelZh: '每层参数' },
    total: { label: 'Total', labelZh: '估计参数量', printed: '估计参数量: 175,177,334,784', claim: '千亿参数模型的典型架构分解' },
  },
};

/** §3.1's rows: the precision's name, what the article prints for it, and the right figure in TB and TiB. */
function storage1tRow(name: string, bytesPerParam: string, printed: string, right: { tb: string; tib: string }, claim?: string): ArticleRowText {
  return {
    label: `${name} weights`,
    labelZh: `${name} 存储`,
    printed,
    ...(claim ? { claim } : {}),
    whyDifferent: `The article prints "${printed.split(': ')[1] ?? printed}" for 1T × ${bytesPerParam} bytes, but that is ${right.tb}: it divided by 1024⁴ (${right.tib}) and kept the label TB.`,
    whyDifferentZh: `文章对 1T × ${bytesPerParam} 字节打印“${printed.split(': ')[1] ?? printed}”，实为 ${right.tb}：它除以了 1024⁴（${right.tib}），却仍标作 TB。`,
  };
}

const storage1t: ArticleCalculatorText = {
  title: '1T parameters at FP32 / FP16 / INT8 / INT4',
  titleZh: '万亿参数在各精度下的存储',
  formula: 'params × bytes / 1024⁴ "TB" for 4, 2, 1, 0.5 bytes; per token: params × 2 / 1024⁴ "TB"',
  formulaZh: 'params × bytes / 1024⁴ “TB”，bytes 取 4、2、1、0.5；每次推理：params × 2 / 1024⁴ “TB”',
  whyDifferent: 'The article divides the bytes by 1024⁴ (TiB) but writes TB (10¹² bytes).',
  whyDifferentZh: '文章把字节数除以 1024⁴（TiB），却写成 TB（10¹² 字节）。',
  source: 'IEC 80000-13: TB = 10¹² bytes, TiB = 2⁴⁰ bytes',
  sourceZh: 'IEC 80000-13：TB = 10¹² 字节，TiB = 2⁴⁰ 字节',
  rows: {
    fp32: storage1tRow('FP32', '4', 'FP32: 3.6 TB', { tb: '4 TB', tib: '3.6 TiB' }, 'FP32需4TB'),
    fp16: storage1tRow('FP16', '2', 'FP16: 1.8 TB', { tb: '2 TB', tib: '1.8 TiB' }),
    int8: storage1tRow('INT8', '1', 'INT8: 0.9 TB', { tb: '1 TB', tib: '0.9 TiB' }),
    int4: storage1tRow('INT4', '0.5', 'INT4: 0.5 TB', { tb: '0.5 TB', tib: '0.45 TiB' }),
    'bytes-per-token': {
      label: 'Bytes read per generated token',
      labelZh: '单次推理内存访问量',
      printed: '单次推理内存访问量: 1.8 TB',
      whyDifferent:
        'The article\'s "memory traffic per inference" is just the FP16 weights, 2 TB (1.8 TiB labelled TB); a decode step reads those 2 TB once for the whole batch, plus each sequence\'s KV cache, which ours adds.',
      whyDifferentZh: '文章的“单次推理内存访问量”只是 FP16 权重，即 2 TB（1.8 TiB 标作 TB）；每个生成步对整批请求只读一次这 2 TB 权重，另加每个序列自己的 KV 缓存，我们的数字计入了它。',
      source: 'Pope et al. 2022, Efficiently Scaling Transformer Inference, §2',
      sourceZh: 'Pope 等 2022，§2',
    },
  },
};

const training1tCluster: ArticleCalculatorText = {
  title: 'Training 1T: 512 GPUs, 64 shards',
  titleZh: '万亿参数的分布式训练需求',
  formula: 'GPU memory = 512 × 80 GB; 64 model shards; bandwidth "> 800 Gbps"',
  formulaZh: 'GPU 内存总量 = 512 × 80 GB；模型分片 64；通信带宽“> 800 Gbps”',
  whyDifferent: 'Whether 1T fits on 512 × 80 GB depends on the optimizer state (16 B/param) and sharding, which the article leaves out.',
  whyDifferentZh: '1T 能否装进 512 × 80 GB 取决于优化器状态（每参数 16 字节）和切分方式，文章没有考虑。',
  source: 'Rajbhandari et al. 2020 (ZeRO), §3.1',
  sourceZh: 'Rajbhandari 等 2020（ZeRO），§3.1',
  rows: {
    gpus: { label: 'GPUs', labelZh: 'GPU 数量' },
    'cluster-memory': {
      label: 'Total GPU memory',
      labelZh: 'GPU 内存总量',
      printed: 'GPU内存总量: 40960 GB',
      whyDifferent:
        'Mixed-precision Adam keeps 16 bytes per parameter (ZeRO §3.1): 16 TB of model state for 1T, before activations; 40.96 TB holds it only sharded.',
      whyDifferentZh: '混合精度 Adam 每参数 16 字节（ZeRO §3.1）：1T 需 16 TB 模型状态，还不含激活；40.96 TB 只有切分后才放得下。',
    },
    shards: { label: 'Model shards', labelZh: '模型分片', printed: '模型分片: 64' },
    bandwidth: {
      label: 'Interconnect bandwidth',
      labelZh: '通信带宽',
      printed: '通信带宽: > 800 Gbps',
      whyDifferent: '800 Gbps is 100 GB/s: an A100 NVLink moves 600 GB/s and an H100 900 GB/s; 800 Gbps is one node-to-node InfiniBand port.',
      whyDifferentZh: '800 Gbps 只有 100 GB/s：A100 的 NVLink 是 600 GB/s，H100 是 900 GB/s；800 Gbps 相当于节点间的一个 InfiniBand 端口。',
      source: 'NVIDIA A100 and H100 datasheets (NVLink bandwidth)',
      sourceZh: 'NVIDIA A100 与 H100 规格书（NVLink 带宽）',
    },
  },
};

/** §4.1: what the article prints for each budget (the same for parameters and tokens). */
const CHINCHILLA_PRINTED: Readonly<Record<string, string>> = {
  '1e18': '20000000000B',
  '1e21': '632455532034B',
  '1e24': '20000000000000B',
};

function chinchillaRows(): Record<string, ArticleRowText> {
  const rows: Record<string, ArticleRowText> = {};
  for (const budget of ARTICLE_CHINCHILLA_BUDGETS) {
    const tag = budgetTag(budget);
    const printed = CHINCHILLA_PRINTED[tag] ?? '';
    rows[`params-${tag}`] = { label: `Parameters at C = ${tag} FLOPs`, labelZh: `C = ${tag} FLOPs 时的参数量`, printed };
    rows[`tokens-${tag}`] = { label: `Tokens at C = ${tag} FLOPs`, labelZh: `C = ${tag} FLOPs 时的 token 数`, printed };
  }
  return rows;
}

const chinchillaAllocation: ArticleCalculatorText = {
  title: '"Chinchilla" compute allocation',
  titleZh: 'Chinchilla 最优分配',
  formula: 'optimal_params = optimal_tokens = 20 × C^0.5, printed with a "B" suffix',
  formulaZh: 'optimal_params = optimal_tokens = 20 × C^0.5，打印时加上“B”后缀',
  whyDifferent:
    'With C = 6·N·D and D ≈ 20·N, N = √(C/120) ≈ 0.09·√C and D ≈ 1.8·√C; 20·√C gives N·D = 400·C, not C/6, and the printed "B" adds another factor of 10⁹.',
  whyDifferentZh: '由 C = 6·N·D 且 D ≈ 20·N，得 N = √(C/120) ≈ 0.09·√C、D ≈ 1.8·√C；20·√C 使 N·D = 400·C 而非 C/6，打印的“B”又多乘了 10⁹。',
  source: 'Hoffmann et al. 2022 (Chinchilla), §3 and Table 3; Kaplan et al. 2020 (C ≈ 6·N·D)',
  sourceZh: 'Hoffmann 等 2022（Chinchilla），§3 与表 3；Kaplan 等 2020（C ≈ 6·N·D）',
  rows: chinchillaRows(),
};

/** §5.1's models: their label and what the article prints for each figure. */
const COST_MODEL_TEXT: Readonly<Record<string, { label: string; labelZh: string; printed: { flops: string; cost: string; gpuYears: string; gpus: string } }>> = {
  'gpt-3': { label: 'GPT-3 (175B)', labelZh: 'GPT-3（175B）', printed: { flops: '3.15e+23', cost: '$315,000,000', gpuYears: '32.0', gpus: '384' } },
  '1t': { label: 'Hypothetical 1T', labelZh: '假想的 1T 模型', printed: { flops: '1.20e+25', cost: '$12,000,000,000', gpuYears: '1,219.6', gpus: '14635' } },
  '10t': { label: 'Hypothetical 10T', labelZh: '假想的 10T 模型', printed: { flops: '1.20e+27', cost: '$1,200,000,000,000', gpuYears: '121,960.7', gpus: '1463529' } },
};

function trainingCostRows(): Record<string, ArticleRowText> {
  const rows: Record<string, ArticleRowText> = {};
  for (const [key, { label, labelZh, printed }] of Object.entries(COST_MODEL_TEXT)) {
    rows[`${key}-flops`] = {
      label: `${label}: training FLOPs`,
      labelZh: `${labelZh}：训练 FLOPs`,
      printed: printed.flops,
      whyDifferent:
        key === 'gpt-3'
          ? 'Same 6·N·D; GPT-3 has 174.6B parameters and OpenAI reports 3.14e23 FLOPs.'
          : 'Same 6·N·D: only the parameter count of the derived architecture differs.',
      whyDifferentZh: key === 'gpt-3' ? '同为 6·N·D；GPT-3 实有 1746 亿参数，OpenAI 报告 3.14e23 FLOPs。' : '同为 6·N·D，只是推导出的架构参数量略有不同。',
    };
    rows[`${key}-cost`] = {
      label: `${label}: cost`,
      labelZh: `${labelZh}：训练成本`,
      printed: printed.cost,
      whyDifferent: '1e15 FLOPs per dollar is ~200× too dear: an A100 at ~$2/h delivers ~2.2e17 useful FLOPs per dollar at 40% MFU.',
      whyDifferentZh: '每美元 1e15 FLOPs 贵了约 200 倍：约 2 美元/小时的 A100 在 40% MFU 下每美元可完成约 2.2e17 FLOPs。',
    };
    rows[`${key}-gpu-hours`] = { label: `${label}: A100-hours`, labelZh: `${labelZh}：A100 卡时`, printed: `${printed.gpuYears} GPU-years` };
    rows[`${key}-gpus-one-month`] = { label: `${label}: GPUs to finish in a month`, labelZh: `${labelZh}：一个月训完所需 GPU`, printed: printed.gpus };
  }
  return rows;
}

const trainingCost: ArticleCalculatorText = {
  title: 'Training cost: GPT-3, 1T, 10T',
  titleZh: '训练成本：GPT-3、1T、10T',
  formula: 'FLOPs = 6·N·D; cost = FLOPs / 1e15 per $; GPU-hours = FLOPs / (312e12 × 3600); GPUs for one month = GPU-years × 12',
  formulaZh: 'FLOPs = 6·N·D；成本 = FLOPs / 每美元 1e15；GPU 小时 = FLOPs / (312e12 × 3600)；一个月训完所需 GPU = GPU 年 × 12',
  whyDifferent: 'An A100 never runs at 100% of peak: MFU is 30–50% in practice, so GPU-hours are 2–3× the article\'s.',
  whyDifferentZh: 'A100 不可能跑满峰值：实际算力利用率（MFU）约 30–50%，所以卡时是文章的 2–3 倍。',
  source: 'Kaplan et al. 2020 (C ≈ 6·N·D); Chowdhery et al. 2022 (PaLM), Table 3 (MFU); NVIDIA A100 datasheet',
  sourceZh: 'Kaplan 等 2020（C ≈ 6·N·D）；Chowdhery 等 2022（PaLM），表 3（MFU）；NVIDIA A100 规格书',
  rows: trainingCostRows(),
};

/** §5.2's models: label and what the article prints for weights, KV cache and total. */
const INFERENCE_MODEL_TEXT: Readonly<Record<string, { label: string; printed: { weights: string; kv: string; total: string } }>> = {
  '100b': { label: '100B', printed: { weights: '186.3 GB', kv: '762939.5 GB', total: '763125.7 GB' } },
  '1t': { label: '1T', printed: { weights: '1862.6 GB', kv: '7629394.5 GB', total: '7631257.2 GB' } },
};

function inferenceRows(): Record<string, ArticleRowText> {
  const rows: Record<string, ArticleRowText> = {};
  for (const [key, { label, printed }] of Object.entries(INFERENCE_MODEL_TEXT)) {
    const right = key === '100b' ? { weights: '200 GB', weightsTib: '186.3 GiB' } : { weights: '2 TB', weightsTib: '1,862.6 GiB' };
    rows[`${key}-weights`] = {
      label: `${label}: FP16 weights`,
      labelZh: `${label}：FP16 权重`,
      printed: `model_weights: ${printed.weights}`,
      whyDifferent: `The article prints ${printed.weights} for ${label} × 2 bytes, but that is ${right.weights}: it divided by 1024³ (${right.weightsTib}) and kept the label GB.`,
      whyDifferentZh: `文章对 ${label} × 2 字节打印 ${printed.weights}，实为 ${right.weights}：它除以了 1024³（${right.weightsTib}），却仍标作 GB。`,
      source: 'IEC 80000-13: GB = 10⁹ bytes, GiB = 2³⁰ bytes',
      sourceZh: 'IEC 80000-13：GB = 10⁹ 字节，GiB = 2³⁰ 字节',
    };
    rows[`${key}-kv-cache`] = {
      label: `${label}: KV cache at 2048 tokens`,
      labelZh: `${label}：2048 token 的 KV 缓存`,
      printed: `kv_cache: ${printed.kv}`,
      whyDifferent: `The article takes 2 × parameters × 2048 tokens × 2 bytes (${printed.kv}), but a KV cache holds 2 × layers × KV heads × head size × 2 bytes per token, a few MB, not ${key === '100b' ? '400 GB' : '4 TB'} per token.`,
      whyDifferentZh: `文章按 2 × 参数量 × 2048 token × 2 字节计算（${printed.kv}），但 KV 缓存每个 token 只存 2 × 层数 × KV 头数 × 头维度 × 2 字节，约几 MB，而不是每 token ${key === '100b' ? '400 GB' : '4 TB'}。`,
    };
    rows[`${key}-total`] = {
      label: `${label}: total memory`,
      labelZh: `${label}：总内存`,
      printed: `total_memory: ${printed.total}`,
      whyDifferent: `The article's total (${printed.total}) is almost all its oversized KV cache; with a real KV cache the weights (${right.weights}) dominate.`,
      whyDifferentZh: `文章的总量（${printed.total}）几乎全是它高估的 KV 缓存；按真实的 KV 缓存计算，主要是权重（${right.weights}）。`,
    };
  }
  return {
    ...rows,
    'tokens-per-second': {
      label: 'Assumed decode speed',
      labelZh: '假设的生成速度',
      whyDifferent:
        'The article assumes 100 tokens/s; one stream really decodes at about memory bandwidth × efficiency ÷ bytes read per token, which ours computes for the chosen GPUs.',
      whyDifferentZh: '文章假设每秒 100 个 token；单路生成的真实速度约为 显存带宽 × 效率 ÷ 每 token 读取的字节数，我们按所选 GPU 计算。',
      source: 'Pope et al. 2022, Efficiently Scaling Transformer Inference, §2',
      sourceZh: 'Pope 等 2022，§2',
    },
    'tokens-per-day': {
      label: 'Tokens per day (one stream)',
      labelZh: '每日吞吐（单路）',
      printed: 'daily_throughput: 8,640,000 tokens',
      whyDifferent:
        'The article multiplies its assumed 100 tokens/s by 86,400 s (8.64M); the arithmetic is right, but the speed is assumed, so ours multiplies the computed speed instead.',
      whyDifferentZh: '文章用假设的每秒 100 个 token 乘以 86,400 秒（864 万）；算术没错，但速度是假设的，我们改用算出的速度相乘。',
      source: 'Pope et al. 2022, Efficiently Scaling Transformer Inference, §2',
      sourceZh: 'Pope 等 2022，§2',
    },
    'usd-per-million': {
      label: 'Price per million tokens',
      labelZh: '每百万 token 价格',
      printed: 'cost_per_million: $10',
      whyDifferent: 'The article assumes a price of $10 per million tokens; ours is the GPU cost of generating a million tokens on the chosen hardware.',
      whyDifferentZh: '文章假设每百万 token 10 美元；我们的是在所选硬件上生成一百万 token 的 GPU 成本。',
      source: 'GPU price per hour (Hardware section) ÷ computed throughput',
      sourceZh: 'GPU 每小时价格（见“硬件”一节）÷ 算出的吞吐量',
    },
    'daily-revenue-10k-users': {
      label: '"Daily revenue" for 10,000 users',
      labelZh: '1 万用户的“日收入”',
      printed: 'daily_revenue_10k_users: $864000',
      whyDifferent:
        'The article prices 10,000 users each with a dedicated 100 tokens/s stream all day at its assumed $10 per million (revenue); ours is what generating those tokens costs.',
      whyDifferentZh: '文章按假设的每百万 10 美元，给 1 万个各自整天独占 100 token/s 的用户计价（收入）；我们算的是生成这些 token 的成本。',
      source: 'GPU price per hour (Hardware section) ÷ computed throughput',
      sourceZh: 'GPU 每小时价格（见“硬件”一节）÷ 算出的吞吐量',
    },
  };
}

const inferenceMemory: ArticleCalculatorText = {
  title: 'Inference memory and throughput for 100B and 1T',
  titleZh: '100B 与 1T 的推理内存与吞吐',
  formula:
    'weights = params × 2 / 1024³ "GB"; KV = 2 × params × 2048 × 2 / 1024³ "GB"; 100 tokens/s × 86400; $10 per million; × 10,000 users',
  formulaZh: '权重 = params × 2 / 1024³ “GB”；KV = 2 × params × 2048 × 2 / 1024³ “GB”；每秒 100 token × 86400；每百万 token 10 美元；× 1 万用户',
  whyDifferent:
    'KV cache per token depends on layers × kv heads × head dim, not on the parameter count: a few MB per token at most (GPT-3 175B: 4.7 MB), about 10⁵× less than 2 × params × 2 bytes.',
  whyDifferentZh: '每个 token 的 KV 缓存取决于 层数 × KV 头数 × 头维度，与参数量无关：最多几 MB/token（GPT-3 175B 为 4.7 MB），比 2 × 参数 × 2 字节小约 10⁵ 倍。',
  source: 'Pope et al. 2022, Efficiently Scaling Transformer Inference, §2 (KV cache size)',
  sourceZh: 'Pope 等 2022，§2（KV 缓存大小）',
  rows: inferenceRows(),
};

const moe1t: ArticleCalculatorText = {
  title: 'A 1T mixture of experts: 8 experts, 2 active',
  titleZh: '1 万亿参数 MoE（8 个专家，激活 2 个）',
  formula: 'params_per_expert = total / experts; active = params_per_expert × 2; efficiency = total / active',
  whyDifferent:
    'MoE: attention, norms and embeddings are shared, not inside experts, so more than 2/8 is active (Mixtral 8x7B: 12.9B of 46.7B = 28%).',
  whyDifferentZh: '混合专家（MoE）模型中注意力、归一化和嵌入是共享的，不在专家里，所以激活比例高于 2/8（Mixtral 8x7B：467 亿中激活 129 亿，约 28%）。',
  source: 'Jiang et al. 2024 (Mixtral of Experts), §2',
  sourceZh: 'Jiang 等 2024（Mixtral 论文），§2',
  rows: {
    total: { label: 'Total parameters', labelZh: '总参数', printed: 'total_parameters: 1e+12' },
    active: {
      label: 'Active parameters per token',
      labelZh: '每 token 激活参数',
      printed: 'active_parameters_per_token: 2e+11',
      whyDifferent:
        'The article computes 1T / 8 × 2 = 2.5e11 and prints it rounded to "2e+11"; with shared attention and embeddings the active share is larger still.',
      whyDifferentZh: '文章算出 1T / 8 × 2 = 2.5e11，打印时四舍五入成"2e+11"；再算上共享的注意力和嵌入，激活比例还要更高。',
    },
    efficiency: { label: 'Total / active', labelZh: '效率提升', printed: 'efficiency_improvement: 4.0x' },
    sparsity: { label: 'Idle fraction per token', labelZh: '稀疏度', printed: 'sparsity: 75.0%' },
  },
};

/** §6.2's stages: their names and what the article prints after each, in the article's order. */
const COMPRESSION_STAGE_TEXT: readonly { label: string; labelZh: string; printed: string }[] = [
  { label: 'FP32 → FP16', labelZh: 'FP32 → FP16', printed: 'FP32 → FP16: 5.00e+11 params' },
  { label: 'FP16 → INT8', labelZh: 'FP16 → INT8', printed: 'FP16 → INT8: 2.50e+11 params' },
  { label: 'INT8 → INT4', labelZh: 'INT8 → INT4', printed: 'INT8 → INT4: 1.25e+11 params' },
  { label: 'Pruning (50%)', labelZh: '剪枝（50%）', printed: 'Pruning (50%): 6.25e+10 params' },
  { label: 'Distillation (small model)', labelZh: '蒸馏（小模型）', printed: 'Distillation (小模型): 6.25e+09 params' },
];

function compressionRows(): Record<string, ArticleRowText> {
  const rows: Record<string, ArticleRowText> = {};
  ARTICLE_COMPRESSION_STAGES.forEach((stage, index) => {
    const text = COMPRESSION_STAGE_TEXT[index] ?? { label: stage.key, labelZh: stage.key, printed: '' };
    rows[stage.key] = {
      label: `After ${text.label}`,
      labelZh: `${text.labelZh} 之后`,
      printed: text.printed,
      ...(index < 3
        ? {
            whyDifferent: 'Quantisation shrinks bytes per parameter, not the number of parameters: still 1T parameters, now in fewer bytes.',
            whyDifferentZh: '量化减少的是每个参数的字节数，不是参数个数：仍是 1 万亿参数，只是占用字节更少。',
          }
        : {}),
    };
  });
  return rows;
}

const compressionChain: ArticleCalculatorText = {
  title: 'Compression chain on 1T',
  titleZh: '万亿参数模型的压缩链',
  formula: 'size ×= 0.5 (FP32→FP16), 0.5 (→INT8), 0.5 (→INT4), 0.5 (pruning 50%), 0.1 (distillation)',
  formulaZh: 'size ×= 0.5（FP32→FP16）、0.5（→INT8）、0.5（→INT4）、0.5（剪枝 50%）、0.1（蒸馏）',
  whyDifferent:
    'Applied to the parameter count, quantisation wrongly removes parameters: in bytes the chain ends at 1T × 0.5 × 0.1 = 50B parameters at 4 bits = 25 GB, not 6.25B parameters.',
  whyDifferentZh: '把压缩比乘到参数个数上，量化就被误算成删参数：按字节算，链条终点是 1T × 0.5 × 0.1 = 500 亿参数 × 4 位 = 25 GB，而不是 62.5 亿参数。',
  source: 'Dettmers et al. 2022 (LLM.int8()); Frantar et al. 2023 (GPTQ)',
  sourceZh: 'Dettmers 等 2022（8 位矩阵乘法）；Frantar 等 2023（GPTQ）',
  rows: compressionRows(),
};

/** §7.1's rows: what the article claims and why it is (or is not) right, by row key. */
const GPU_YEAR_TEXT: Readonly<Record<string, { claim: string; why: string; whyZh: string }>> = {
  'v100-16gb-2018': {
    claim: '2018: V100 16GB → 可训练 1B 模型',
    why: 'Right for mixed-precision Adam on one card: 16 GB / 16 bytes per parameter = 1B (before activations). The V100 shipped with 16 GB in 2017 (the preset is the 32 GB card).',
    whyZh: '单卡混合精度 Adam 下是对的：16 GB / 每参数 16 字节 = 10 亿（不含激活）。V100 16GB 于 2017 年发布（预设为 32GB 版）。',
  },
  'a100-40gb-2020': {
    claim: '2020: A100 40GB → 可训练 10B 模型',
    why: '40 GB / 16 bytes per parameter = 2.5B on one card, not 10B; 10B needs sharding over several cards (ZeRO).',
    whyZh: '单卡 40 GB / 每参数 16 字节 = 25 亿，不是 100 亿；100 亿需要多卡切分（ZeRO）。',
  },
  'a100-80gb-2022': {
    claim: '2022: A100 80GB → 可训练 50B 模型',
    why: '80 GB / 16 bytes = 5B on one card, not 50B; and the A100 80GB was announced in November 2020.',
    whyZh: '单卡 80 GB / 16 字节 = 50 亿，不是 500 亿；且 A100 80GB 于 2020 年 11 月发布。',
  },
  'h100-80gb-2024': {
    claim: '2024: H100 80GB → 可训练 100B+ 模型',
    why: 'Same 80 GB as the A100 80GB, so the same 5B on one card; the H100 is faster, not larger (announced 2022).',
    whyZh: '与 A100 80GB 一样是 80 GB，单卡同样约 50 亿；H100 更快但显存不更大（2022 年发布）。',
  },
  'future-1tb': {
    claim: '未来: 需要 1TB+ 内存单卡支持万亿模型',
    why: '1T parameters need 2 TB for FP16 inference and about 16 TB of model state to train; 1 TB holds 62.5B for training.',
    whyZh: '1 万亿参数 FP16 推理就需 2 TB，训练约需 16 TB 模型状态；1 TB 只够训练 625 亿参数。',
  },
};

function gpuYearRows(): Record<string, ArticleRowText> {
  const rows: Record<string, ArticleRowText> = {};
  for (const row of ARTICLE_GPU_MEMORY_BY_YEAR) {
    const text = GPU_YEAR_TEXT[row.key];
    rows[row.key] = {
      label: `${row.gpu} (${row.year}): trainable model`,
      labelZh: `${row.key === 'future-1tb' ? '未来的 1 TB 显卡' : row.gpu}（${row.year}）：可训练模型`,
      ...(text ? { claim: text.claim, whyDifferent: text.why, whyDifferentZh: text.whyZh } : {}),
    };
  }
  return rows;
}

const gpuMemoryByYear: ArticleCalculatorText = {
  title: 'GPU memory by year and what it trains',
  titleZh: 'GPU 显存发展轨迹',
  formula: 'V100 16GB → 1B; A100 40GB → 10B; A100 80GB → 50B; H100 80GB → 100B+; future: 1TB+ for 1T',
  formulaZh: 'V100 16GB → 1B；A100 40GB → 10B；A100 80GB → 50B；H100 80GB → 100B+；未来：万亿模型需 1TB+ 单卡',
  whyDifferent: 'Training keeps about 16 bytes per parameter (weights, gradients, Adam states), so one card trains memory / 16 parameters.',
  whyDifferentZh: '训练时每个参数约占 16 字节（权重、梯度、Adam 状态），所以单卡可训练的参数约为 显存 / 16。',
  source: 'Rajbhandari et al. 2020 (ZeRO), §3.1; NVIDIA V100, A100, H100 datasheets',
  sourceZh: 'Rajbhandari 等 2020（ZeRO），§3.1；NVIDIA V100、A100、H100 规格书',
  rows: gpuYearRows(),
};

const deployment100b: ArticleCalculatorText = {
  title: 'Deploying 100B at 1000 requests/s',
  titleZh: '100B 模型部署（1000 QPS）',
  formula: 'GPUs = 2 × params × qps / 312e12; power = GPUs × 0.4 kW; cost = GPUs × $5 × 24 × 30',
  whyDifferent:
    '1000 requests/s are counted as 1000 tokens/s at 100% of peak FLOPs, and 0.6 GPU cannot hold 186 GB of weights: decode is memory-bound.',
  whyDifferentZh: '把每秒 1000 个请求当成每秒 1000 个 token，且按 100% 峰值算力；0.6 张卡也装不下 186 GB 权重——生成阶段受内存带宽限制。',
  source: 'Pope et al. 2022, §2; Kwon et al. 2023 (vLLM)',
  sourceZh: 'Pope 等 2022，§2；Kwon 等 2023（vLLM）',
  rows: {
    'memory-per-instance': {
      label: 'Memory per instance (FP16)',
      labelZh: '每实例内存（FP16）',
      printed: 'memory_per_instance: 186 GB',
      whyDifferent: 'GiB labelled as GB: 100B × 2 bytes is 200 GB, three 80 GB cards for the weights alone.',
      whyDifferentZh: '把 GiB 标成了 GB：100B × 2 字节是 200 GB，仅权重就要三张 80 GB 的卡。',
    },
    gpus: { label: 'GPUs for the load', labelZh: '目标负载所需 GPU', printed: 'gpus_for_target_qps: 0.6' },
    power: { label: 'Power', labelZh: '功耗', printed: 'estimated_power_consumption: 0.3 kW' },
    'monthly-cost': { label: 'Monthly cloud cost', labelZh: '每月云成本', printed: 'monthly_cloud_cost: $2,308' },
  },
};

/** The words of every calculator, by id (a calculator without words fails to compile). */
export const ARTICLE_TEXT: Readonly<Record<ArticleCalculatorId, ArticleCalculatorText>> = {
  'mlp-counter': mlpCounter,
  timeline,
  'storage-100b': storage100b,
  'architecture-100b': architecture100b,
  'storage-1t': storage1t,
  'training-1t-cluster': training1tCluster,
  'chinchilla-allocation': chinchillaAllocation,
  'training-cost': trainingCost,
  'inference-memory': inferenceMemory,
  'moe-1t': moe1t,
  'compression-chain': compressionChain,
  'gpu-memory-by-year': gpuMemoryByYear,
  'deployment-100b': deployment100b,
};

/** The words of one row; a row the table lacks shows its key (the unit tests require every row). */
export function articleRowText(calculatorId: ArticleCalculatorId, rowKey: string): ArticleRowText {
  return ARTICLE_TEXT[calculatorId].rows[rowKey] ?? { label: rowKey, labelZh: rowKey };
}
