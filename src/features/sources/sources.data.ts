/**
 * The `sources` section's data: the formulas with the works they come from, and the rows of table
 * `validation` — our estimator against published figures:
 *   - parameter counts: MODELS with a published count vs our exact count of their config.json;
 *   - training compute: TRAINING_RUNS' reported FLOPs vs 6·N·D (N: our count of the matching
 *     preset when there is one, else the run's published N);
 *   - GPU-hours: runs that report both GPU-hours and MFU: 6·N·D ÷ (the accelerator's dense
 *     16-bit peak × that MFU) vs the reported hours;
 *   - decode speed: DECODE_MEASUREMENTS: the bandwidth roofline (bandwidth ÷ weight bytes per
 *     token) × the default bandwidth efficiency of the device's kind vs the measured tokens/s.
 * Pure; independent of the user's scenario, computed once.
 */
import {
  DEFAULT_BANDWIDTH_EFFICIENCY,
  decodeRooflineTokensPerSecond,
  resolveModel,
  SOURCES,
  trainingFlops,
  trainingGpuHours,
  type Source,
  type SourceId,
} from '../../core';
import { decodeCalibrationRows, predictedDecodeTokensPerSecond } from '../../core/serving/decode-calibration';
import { DECODE_MEASUREMENTS, type DecodeMeasurement } from '../../data/decode-measurements';
import { denseFlopsFor, HARDWARE_BY_ID } from '../../data/hardware';
import { MODELS, MODELS_BY_ID } from '../../data/models';
import { PRECISIONS } from '../../data/precisions';
import { TRAINING_RUNS, type TrainingRun } from '../../data/training-runs';
import type { AcceleratorKind } from '../../data/types';
import { constant } from '../../store/selectors';

// ---------------------------------------------------------------------------------------------
// Formulas and their sources
// ---------------------------------------------------------------------------------------------

export interface FormulaEntry {
  id: string;
  /** The formula in words. */
  en: string;
  zh: string;
  sources: readonly SourceId[];
}

/** Every formula the estimator uses, in words, with the works it rests on (see the JSDoc in src/core). */
export const FORMULAS: readonly FormulaEntry[] = [
  {
    id: 'params',
    en: 'Parameters: counted exactly from the model’s config.json — embeddings, attention (q, k, v, output), the MLP (2 or 3 matrices), norms, biases and the output head unless tied; for size-only models a documented shape rule.',
    zh: '参数量：按模型的 config.json 精确计数——嵌入、注意力（q、k、v、输出）、MLP（2 或 3 个矩阵）、归一化、偏置，以及未共享时的输出头；只给出规模的模型用文档化的形状规则推出架构。',
    sources: ['brown2020', 'kaplan2020', 'thisProject'],
  },
  {
    id: 'weights',
    en: 'Weight memory = parameters × bits per weight ÷ 8 (block scales included for 4-bit formats).',
    zh: '权重内存 = 参数量 × 每参数位数 ÷ 8（4 位格式含分块缩放因子）。',
    sources: ['dettmers2022'],
  },
  {
    id: 'kv',
    en: 'KV cache per token = 2 (K and V) × layers × KV heads × head size × bytes per value; one latent per layer for MLA; a sliding window caps the windowed layers.',
    zh: '每 token 的 KV 缓存 = 2（K 和 V）× 层数 × KV 头数 × 头维度 × 每值字节数；MLA 每层只存一个压缩潜向量；滑动窗口限制窗口层的长度。',
    sources: ['kwon2023', 'deepseek2024v2', 'jiang2023', 'gemma2024'],
  },
  {
    id: 'training-flops',
    en: 'Training compute = 6 × active parameters × tokens (2 forward + 4 backward per parameter per token), optionally plus the attention term.',
    zh: '训练算力 = 6 × 激活参数 × token 数（每个参数每个 token 前向 2 次、反向 4 次浮点运算），可选加上注意力项。',
    sources: ['kaplan2020', 'hoffmann2022'],
  },
  {
    id: 'gpu-hours',
    en: 'GPU-hours = FLOPs ÷ (dense peak FLOP/s × MFU) ÷ 3600; days = GPU-hours ÷ GPUs ÷ 24; cost = GPU-hours × price per GPU-hour.',
    zh: 'GPU 小时 = FLOPs ÷（稠密峰值算力 × MFU）÷ 3600；天数 = GPU 小时 ÷ GPU 数 ÷ 24；成本 = GPU 小时 × 每 GPU 小时单价。',
    sources: ['chowdhery2022', 'llama3'],
  },
  {
    id: 'energy',
    en: 'Energy = GPU-hours × board power × PUE.',
    zh: '能耗 = GPU 小时 × 板卡功耗 × PUE。',
    sources: ['patterson2021', 'touvron2023'],
  },
  {
    id: 'model-states',
    en: 'Training memory: 16 bytes per parameter for mixed-precision Adam (2 weights + 2 gradients + 12 optimizer), sharded by ZeRO stage 1, 2, 3 over data-parallel GPUs.',
    zh: '训练显存：混合精度 Adam 每参数 16 字节（权重 2 + 梯度 2 + 优化器 12），由 ZeRO 1、2、3 阶段在数据并行的 GPU 间切分。',
    sources: ['rajbhandari2020'],
  },
  {
    id: 'activations',
    en: 'Activations per layer and micro-batch with tensor and sequence parallelism and selective or full recomputation; the 1F1B pipeline keeps up to p micro-batches in flight; FlashAttention never stores the s × s scores.',
    zh: '每层每个微批次的激活值（含张量并行、序列并行、选择性或完全重计算）；1F1B 流水线最多同时保留 p 个微批次；FlashAttention 不保存 s × s 的注意力分数。',
    sources: ['korthikanti2022', 'narayanan2021', 'dao2022'],
  },
  {
    id: 'loss',
    en: 'Loss L(N, D) = E + A/N^α + B/D^β with the fitted constants of each paper; the compute-optimal N and D for a budget C = 6·N·D.',
    zh: '损失 L(N, D) = E + A/N^α + B/D^β，常数取各论文的拟合值；给定算力预算 C = 6·N·D 时的最优 N 与 D。',
    sources: ['hoffmann2022', 'besiroglu2024', 'kaplan2020'],
  },
  {
    id: 'decode',
    en: 'Decode step time = max(bytes read ÷ (bandwidth × efficiency), FLOPs ÷ (peak × MFU)); bytes read = active weights + the KV cache of the batch; prefill is compute-bound at 2 × active parameters per token.',
    zh: '生成一步的时间 = max（读取字节 ÷（带宽 × 效率），FLOPs ÷（峰值 × MFU））；读取字节 = 激活权重 + 整批的 KV 缓存；预填充受算力限制，每 token 2 × 激活参数次运算。',
    sources: ['pope2022', 'databricks2023', 'xiongjiedai2024', 'nemo2024'],
  },
  {
    id: 'serving',
    en: 'Serving: the smallest power-of-two tensor-parallel group that holds weights + KV cache + working memory; replicas = load ÷ one replica’s requests per second with continuous batching.',
    zh: '部署：能装下权重 + KV 缓存 + 工作内存的最小 2 的幂张量并行组；副本数 = 负载 ÷ 单副本在连续批处理下每秒处理的请求数。',
    sources: ['kwon2023', 'pope2022'],
  },
  {
    id: 'moe',
    en: 'Mixture of experts: memory pays for every expert, compute for the k chosen per token (plus shared attention and experts).',
    zh: '混合专家：内存要装下所有专家，计算只算每个 token 选中的 k 个（加上共享的注意力和共享专家）。',
    sources: ['fedus2022', 'jiang2024', 'deepseek2024v3'],
  },
  {
    id: 'compression',
    en: 'Compression: quantisation changes bits per weight, not the parameter count; unstructured pruning saves memory only with sparse storage, structured pruning removes parameters and bytes; distillation trains a smaller student.',
    zh: '压缩：量化改变的是每参数的位数而非参数个数；非结构化剪枝只有配合稀疏存储才省内存，结构化剪枝同时减少参数和字节；蒸馏是训练一个更小的学生模型。',
    sources: ['dettmers2022', 'frantar2023', 'ma2023', 'hinton2015'],
  },
  {
    id: 'fallbacks',
    en: 'Fallbacks: $2 per GPU-hour where no price is known (DeepSeek’s assumed H800 rate), runtime overheads and the MoE expert-touch model.',
    zh: '缺省值：未知价格时按每 GPU 小时 2 美元（DeepSeek 假设的 H800 租价）；运行时开销与 MoE 专家命中模型。',
    sources: ['deepseek2024v3', 'thisProject'],
  },
];

/** Every source, in SOURCES order, with its id. */
export const SOURCE_LIST: readonly (Source & { id: SourceId })[] = (Object.keys(SOURCES) as SourceId[]).map((id) => ({ id, ...SOURCES[id] }));

/** "Kaplan et al. 2020" from "Kaplan, McCandlish, ..." and 2020. */
export function shortCitation(source: Pick<Source, 'authors' | 'year'>): string {
  const authors = source.authors.split(',').map((a) => a.trim()).filter((a) => a.length > 0);
  const first = authors[0] ?? source.authors;
  const lead = first.replace(/\s*\(.*\)\s*$/, '');
  return `${lead}${authors.length > 1 ? ' et al.' : ''} ${source.year}`;
}

/** Short citations of every source, with a / b where two would read the same (DeepSeek-AI 2024a, 2024b). */
export const CITATIONS: Readonly<Record<SourceId, string>> = (() => {
  const plain = SOURCE_LIST.map((source) => [source.id, shortCitation(source)] as const);
  const seen = new Map<string, number>();
  for (const [, text] of plain) seen.set(text, (seen.get(text) ?? 0) + 1);
  const index = new Map<string, number>();
  const out = {} as Record<SourceId, string>;
  for (const [id, text] of plain) {
    if ((seen.get(text) ?? 0) > 1) {
      const n = index.get(text) ?? 0;
      index.set(text, n + 1);
      out[id] = `${text}${String.fromCharCode(97 + n)}`;
    } else out[id] = text;
  }
  return out;
})();

/** A link for the page only when it is an https: URL; anything else is shown as text. */
export function safeHttpsUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

export type ValidationQuantity = 'params' | 'trainingFlops' | 'gpuHours' | 'decode';

export type ValidationUnit = 'params' | 'flops' | 'gpu_hours' | 'tokens_per_s';

export interface ValidationRow {
  id: string;
  quantity: ValidationQuantity;
  unit: ValidationUnit;
  /** The model, run or measurement as its source names it. */
  subject: string;
  published: number;
  ours: number;
  /** ours ÷ published − 1. */
  error: number;
  source: string;
  /** Decode rows: measured ÷ raw roofline (the bandwidth efficiency reached). */
  rooflineRatio: number | null;
  /** Decode rows: the efficiency applied to the roofline. */
  efficiency: number | null;
  /** The published figure is a lower bound (decode latency that includes the prefill). */
  lowerBound: boolean;
  /** Which N went into 6·N·D: our count of the preset or the run's published one. */
  nSource: 'ours' | 'published' | null;
  /** Decode rows: what the old flat 50% of the roofline gave, and its error. */
  before?: { value: number; error: number };
}

function relativeError(ours: number, published: number): number {
  return ours / published - 1;
}

/** Our exact count of a preset with a config.json (null for shape-rule and unconfirmed presets). */
export function ourCount(presetId: string | null): { total: number; active: number } | null {
  if (presetId === null) return null;
  const preset = MODELS_BY_ID.get(presetId);
  if (!preset || !preset.config || !preset.confirmed) return null;
  try {
    const { counts } = resolveModel({ model: preset.id, params: 0, customConfig: null, overrides: {} });
    return { total: counts.total, active: counts.active };
  } catch {
    return null;
  }
}

function firstSource(text: string): string {
  return (text.split('|')[0] ?? text).trim();
}

export function parameterRows(): ValidationRow[] {
  const rows: ValidationRow[] = [];
  for (const preset of MODELS) {
    if (preset.publishedParams === null) continue;
    const count = ourCount(preset.id);
    if (!count) continue;
    rows.push({
      id: `params-${preset.id}`,
      quantity: 'params',
      unit: 'params',
      subject: preset.name,
      published: preset.publishedParams,
      ours: count.total,
      error: relativeError(count.total, preset.publishedParams),
      source: preset.publishedParamsLabel,
      rooflineRatio: null,
      efficiency: null,
      lowerBound: false,
      nSource: null,
    });
  }
  return rows;
}

/** N for 6·N·D: our count of the matching preset when there is one, else the run's published active N. */
function runParams(run: TrainingRun): { n: number; nSource: 'ours' | 'published' } {
  const count = ourCount(run.modelPresetId);
  return count ? { n: count.active, nSource: 'ours' } : { n: run.paramsActive, nSource: 'published' };
}

export function trainingFlopsRows(): ValidationRow[] {
  const rows: ValidationRow[] = [];
  for (const run of TRAINING_RUNS) {
    if (run.reportedFlops === null || run.tokens === null || !run.confirmed) continue;
    const { n, nSource } = runParams(run);
    const ours = trainingFlops(n, run.tokens);
    rows.push({
      id: `flops-${run.id}`,
      quantity: 'trainingFlops',
      unit: 'flops',
      subject: run.model,
      published: run.reportedFlops,
      ours,
      error: relativeError(ours, run.reportedFlops),
      source: firstSource(run.source),
      rooflineRatio: null,
      efficiency: null,
      lowerBound: false,
      nSource,
    });
  }
  return rows;
}

export function gpuHoursRows(): ValidationRow[] {
  const rows: ValidationRow[] = [];
  for (const run of TRAINING_RUNS) {
    if (run.gpuHours === null || run.reportedMfu === null || run.hardwareId === null || run.tokens === null || !run.confirmed) continue;
    const accelerator = HARDWARE_BY_ID.get(run.hardwareId);
    const peak = accelerator ? denseFlopsFor(accelerator, 'bf16') : null;
    if (!peak) continue;
    const { n, nSource } = runParams(run);
    const ours = trainingGpuHours(trainingFlops(n, run.tokens), peak.flops, run.reportedMfu);
    rows.push({
      id: `gpu-hours-${run.id}`,
      quantity: 'gpuHours',
      unit: 'gpu_hours',
      subject: `${run.model} · ${run.hardwareLabel ?? accelerator?.name ?? run.hardwareId} · MFU ${Math.round(run.reportedMfu * 1000) / 10}%`,
      published: run.gpuHours,
      ours,
      error: relativeError(ours, run.gpuHours),
      source: firstSource(run.source),
      rooflineRatio: null,
      efficiency: null,
      lowerBound: false,
      nSource,
    });
  }
  return rows;
}

/** The device kind of a measurement whose hardware is not a preset, from its label. */
function kindFromLabel(label: string): AcceleratorKind {
  if (/\b(RTX|GTX|Radeon)\b/i.test(label)) return 'consumer';
  if (/^M\d/i.test(label)) return 'apple';
  return 'datacenter';
}

/** The old default of `estimate()`: 50% of the bandwidth roofline on every device and format. */
export const FLAT_BANDWIDTH_EFFICIENCY = 0.5;

/**
 * The 18 measured decode rows against the serving model's defaults (device kind × weight format,
 * per-layer overhead: `predictedDecodeTokensPerSecond`, the figure `estimate()` shows at batch 1),
 * with the old flat 50% of the roofline beside them (`before`).
 */
export function decodeRows(measurements: readonly DecodeMeasurement[] = DECODE_MEASUREMENTS): ValidationRow[] {
  const calibration = new Map(decodeCalibrationRows().map((row) => [row.id, row]));
  return measurements.map((row) => {
    const accelerator = row.hardwareId ? HARDWARE_BY_ID.get(row.hardwareId) : undefined;
    const bandwidth = accelerator?.bandwidthBytesPerSecond ?? row.bandwidthBytesPerSecond;
    const count = ourCount(row.modelPresetId);
    const bytes = count ? (count.active * PRECISIONS[row.precision].bitsPerWeight) / 8 : row.weightBytes;
    const kind = accelerator?.kind ?? kindFromLabel(row.hardwareLabel);
    const roofline = decodeRooflineTokensPerSecond(bandwidth, bytes);
    const before = roofline * FLAT_BANDWIDTH_EFFICIENCY;
    const fitted = calibration.get(row.id);
    const ours = fitted ? predictedDecodeTokensPerSecond(fitted) : roofline * DEFAULT_BANDWIDTH_EFFICIENCY[kind];
    return {
      id: `decode-${row.id}`,
      quantity: 'decode' as const,
      unit: 'tokens_per_s' as const,
      subject: `${row.model} · ${row.hardwareLabel} · ${row.engine}`,
      published: row.measuredTokensPerSecond,
      ours,
      error: relativeError(ours, row.measuredTokensPerSecond),
      source: row.source.replace(/\s*\(.*$/, ''),
      rooflineRatio: roofline > 0 ? row.measuredTokensPerSecond / roofline : null,
      efficiency: roofline > 0 ? ours / roofline : null,
      lowerBound: row.measuredIsLowerBound,
      nSource: null,
      before: { value: before, error: relativeError(before, row.measuredTokensPerSecond) },
    };
  });
}

/** All rows of `validation`. */
export function validationRows(): ValidationRow[] {
  return [...parameterRows(), ...trainingFlopsRows(), ...gpuHoursRows(), ...decodeRows()].filter(
    (row) => Number.isFinite(row.published) && row.published > 0 && Number.isFinite(row.ours) && Number.isFinite(row.error),
  );
}

/** The validation rows: they do not depend on the scenario (computed once per store). */
export const validationData = constant(validationRows);

/** Median |error| of the rows of one quantity (null when there are none). */
export function medianAbsoluteError(rows: readonly ValidationRow[], quantity: ValidationQuantity): { median: number; count: number } | null {
  const errors = rows
    .filter((row) => row.quantity === quantity)
    .map((row) => Math.abs(row.error))
    .sort((a, b) => a - b);
  if (errors.length === 0) return null;
  const middle = errors.length / 2;
  const median = errors.length % 2 === 1 ? (errors[Math.floor(middle)] ?? 0) : ((errors[middle - 1] ?? 0) + (errors[middle] ?? 0)) / 2;
  return { median, count: errors.length };
}
