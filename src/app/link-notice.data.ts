/**
 * The words of the link notice: each value of a link (or a typed field) the page does not show as
 * written, named in plain words with the old and the new value — "GPUs was 0; the smallest is 1",
 * "MFU was 700%; the largest is 100%" — in both languages. The URL key follows in small print.
 * Pure: `describeChange` is unit-tested without a DOM.
 */
import { defineMessages, fill, type Lang } from '../i18n/i18n';
import { formatBytes, formatCount, formatFlopsRate, formatNumber, formatPercent, formatPower, formatUsd } from '../i18n/format';
import type { UrlChange } from '../scenario/url-codec';
import type { ArchOverrides, CustomGpu, Scenario } from '../scenario/scenario';

type FieldName = keyof Scenario | keyof ArchOverrides | keyof CustomGpu | 'lang' | 'units' | 'theme' | 'embed' | 'v';

/** Every field a link can carry, in plain words (a scenario field without a name fails to compile). */
export const FIELD_NAMES = defineMessages({
  en: {
    model: 'Model',
    params: 'Model size',
    customConfig: 'Imported model configuration',
    overrides: 'Architecture',
    weightPrecision: 'Weight precision',
    kvPrecision: 'KV cache precision',
    trainPrecision: 'Training precision',
    gpu: 'Accelerator',
    customGpu: 'Custom accelerator',
    gpuCount: 'GPUs',
    mfu: 'MFU (share of peak compute used)',
    bandwidthEfficiency: 'Memory bandwidth efficiency',
    usdPerGpuHour: 'Price per GPU-hour',
    pue: 'PUE (data-centre overhead)',
    usdPerKwh: 'Electricity price per kWh',
    tokens: 'Training tokens',
    tokensPerParam: 'Tokens per parameter',
    attentionFlops: 'Counting attention FLOPs',
    zeroStage: 'ZeRO stage',
    tensorParallel: 'Tensor parallel',
    pipelineParallel: 'Pipeline stages',
    microBatch: 'Micro-batch',
    seqLen: 'Training sequence length',
    recompute: 'Activation recomputation',
    sequenceParallel: 'Sequence parallelism',
    promptTokens: 'Prompt tokens',
    outputTokens: 'Output tokens',
    batch: 'Batch (concurrent sequences)',
    requestsPerSecond: 'Target load (requests per second)',
    modelFile: 'Opened model file',
    fileWeights: 'Weights as stored in the file',
    contextParallel: 'Context parallel',
    expertParallel: 'Expert parallel',
    virtualPipeline: 'Virtual pipeline stages',
    offloadLayers: 'Layers offloaded to host memory',
    trainingFramework: 'Training software',
    goodput: 'Goodput (share of time on training steps)',
    globalBatch: 'Global batch (sequences per step)',
    cluster: 'Cluster',
    customCluster: 'Custom cluster',
    servingConcurrency: 'Serving: sequences in flight',
    ttftTarget: 'Target time to first token',
    tpotTarget: 'Target time per output token',
    servingTp: 'GPUs per serving replica',
    servingEp: 'Serving expert parallel',
    localDevice: 'Your machine',
    usableMemoryFraction: 'Share of memory the GPU may use',
    hostMemoryBytes: 'System memory for offload',
    ftMethod: 'Fine-tuning method',
    loraRank: 'LoRA rank',
    loraModules: 'LoRA target layers',
    ftTokens: 'Fine-tuning tokens',
    ftSeqLen: 'Fine-tuning sequence length',
    ftMicroBatch: 'Fine-tuning micro-batch',
    ftCheckpointing: 'Gradient checkpointing',
    ftAdapterPrecision: 'Adapter precision',
    hidden: 'Hidden size',
    layers: 'Layers',
    heads: 'Attention heads',
    kvHeads: 'KV heads',
    ffn: 'Feed-forward width',
    vocab: 'Vocabulary',
    experts: 'Experts',
    expertsPerToken: 'Experts per token',
    contextLength: 'Context length',
    memoryBytes: 'Custom accelerator memory',
    bandwidthBytesPerSecond: 'Custom accelerator memory bandwidth',
    flops: 'Custom accelerator peak compute',
    tdpWatts: 'Custom accelerator power',
    usdPerHour: 'Custom accelerator price per hour',
    lang: 'Language',
    units: 'Byte units',
    theme: 'Colour theme',
    embed: 'Embedded chart or table',
    v: 'Link version',
  },
  zh: {
    model: '模型',
    params: '模型规模',
    customConfig: '导入的模型配置',
    overrides: '架构',
    weightPrecision: '权重精度',
    kvPrecision: 'KV 缓存精度',
    trainPrecision: '训练精度',
    gpu: '加速卡',
    customGpu: '自定义加速卡',
    gpuCount: 'GPU 数量',
    mfu: '算力利用率（MFU）',
    bandwidthEfficiency: '显存带宽利用率',
    usdPerGpuHour: '每 GPU 小时价格',
    pue: '数据中心能耗系数（PUE）',
    usdPerKwh: '每千瓦时电价',
    tokens: '训练 token 数',
    tokensPerParam: '每参数 token 数',
    attentionFlops: '计入注意力计算量',
    zeroStage: 'ZeRO 阶段',
    tensorParallel: '张量并行',
    pipelineParallel: '流水线阶段数',
    microBatch: '微批次',
    seqLen: '训练序列长度',
    recompute: '激活重计算',
    sequenceParallel: '序列并行',
    promptTokens: '提示 token 数',
    outputTokens: '输出 token 数',
    batch: '批大小（并发序列）',
    requestsPerSecond: '目标负载（每秒请求数）',
    modelFile: '打开的模型文件',
    fileWeights: '按文件存储的权重',
    contextParallel: '上下文并行',
    expertParallel: '专家并行',
    virtualPipeline: '虚拟流水线段数',
    offloadLayers: '卸载到主机内存的层数',
    trainingFramework: '训练软件',
    goodput: '有效训练时间占比',
    globalBatch: '全局批大小（每步序列数）',
    cluster: '集群',
    customCluster: '自定义集群',
    servingConcurrency: '推理服务：并发序列数',
    ttftTarget: '首 token 延迟目标',
    tpotTarget: '每输出 token 时间目标',
    servingTp: '每个服务副本的 GPU 数',
    servingEp: '推理服务专家并行',
    localDevice: '你的机器',
    usableMemoryFraction: 'GPU 可用内存比例',
    hostMemoryBytes: '用于卸载的系统内存',
    ftMethod: '微调方法',
    loraRank: 'LoRA 秩',
    loraModules: 'LoRA 目标层',
    ftTokens: '微调 token 数',
    ftSeqLen: '微调序列长度',
    ftMicroBatch: '微调微批大小',
    ftCheckpointing: '梯度检查点',
    ftAdapterPrecision: '适配器精度',
    hidden: '隐藏层维度',
    layers: '层数',
    heads: '注意力头数',
    kvHeads: 'KV 头数',
    ffn: '前馈层宽度',
    vocab: '词表大小',
    experts: '专家数',
    expertsPerToken: '每 token 激活专家数',
    contextLength: '上下文长度',
    memoryBytes: '自定义加速卡显存',
    bandwidthBytesPerSecond: '自定义加速卡显存带宽',
    flops: '自定义加速卡峰值算力',
    tdpWatts: '自定义加速卡功耗',
    usdPerHour: '自定义加速卡每小时价格',
    lang: '语言',
    units: '字节单位',
    theme: '配色',
    embed: '嵌入的图表或表格',
    v: '链接版本',
  },
});

// Compile-time: every scenario field, architecture part, custom-GPU part and view key has a name.
const NAMES_COVER_EVERY_FIELD: Readonly<Record<FieldName, string>> = FIELD_NAMES.en;
void NAMES_COVER_EVERY_FIELD;

export const NOTICE_MESSAGES = defineMessages({
  en: {
    title: 'This link asked for values the explorer cannot show, so it shows the nearest it can (the address bar now says so):',
    typedTitle: 'Adjusted:',
    low: '{field} was {given}; the smallest is {value}.',
    high: '{field} was {given}; the largest is {value}.',
    rounded: '{field} was {given}; it must be a whole number, so {value}.',
    unreadable: '{field}: “{given}” could not be read; using {value}.',
    empty: '{field} was empty; using {value}.',
    key: 'link key',
    fullExplorer: 'the full explorer',
    themeAuto: 'your system setting',
    themeLight: 'light',
    themeDark: 'dark',
    langZh: 'Chinese',
    langEn: 'English',
    yes: 'on',
    no: 'off',
    defaultModel: 'the default model',
    noConfig: 'none',
  },
  zh: {
    title: '此链接要求的值超出了本工具能显示的范围，已改用最接近的值（地址栏已同步更新）：',
    typedTitle: '已调整：',
    low: '{field}原为 {given}；最小只能是 {value}。',
    high: '{field}原为 {given}；最大只能是 {value}。',
    rounded: '{field}原为 {given}；须为整数，已改为 {value}。',
    unreadable: '{field}：无法读取“{given}”，改用 {value}。',
    empty: '{field}为空，改用 {value}。',
    key: '链接参数',
    fullExplorer: '完整页面',
    themeAuto: '跟随系统设置',
    themeLight: '浅色',
    themeDark: '深色',
    langZh: '中文',
    langEn: 'English',
    yes: '开',
    no: '关',
    defaultModel: '默认模型',
    noConfig: '无',
  },
});

/** A field's value for people, in the field's own unit (percent, bytes, counts, dollars…). */
export function formatFieldValue(field: string, part: string | undefined, value: unknown, lang: Lang): string {
  const m = NOTICE_MESSAGES[lang];
  const name = part ?? field;
  if (value === null) {
    if (field === 'embed') return m.fullExplorer;
    if (field === 'customConfig') return m.noConfig;
    return 'auto';
  }
  if (typeof value === 'boolean') return value ? m.yes : m.no;
  if (typeof value === 'string') {
    if (field === 'theme') return value === 'light' ? m.themeLight : value === 'dark' ? m.themeDark : m.themeAuto;
    if (field === 'lang') return value === 'zh' ? m.langZh : m.langEn;
    if (field === 'units') return value === 'iec' ? 'GiB' : 'GB';
    if (field.endsWith('Precision')) return value.toUpperCase();
    return value;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return typeof value === 'object' ? '—' : String(value);
  switch (name) {
    case 'mfu':
    case 'bandwidthEfficiency':
      return formatPercent(value, lang);
    case 'params':
    case 'tokens':
    case 'vocab':
      return formatCount(value, lang);
    case 'usdPerGpuHour':
    case 'usdPerKwh':
    case 'usdPerHour':
      return formatUsd(value, lang);
    case 'memoryBytes':
      return formatBytes(value, lang);
    case 'bandwidthBytesPerSecond':
      return `${formatBytes(value, lang)}/s`;
    case 'flops':
      return formatFlopsRate(value, lang);
    case 'tdpWatts':
      return formatPower(value, lang);
    default:
      return Math.abs(value) >= 1e6 ? formatCount(value, lang) : formatNumber(value, lang, 6);
  }
}

/** One change in words: "GPUs was 0; the smallest is 1." / "GPU 数量原为 0；最小只能是 1。" */
export function describeChange(change: UrlChange, lang: Lang): string {
  const m = NOTICE_MESSAGES[lang];
  const field = FIELD_NAMES[lang][(change.part ?? change.field) as FieldName] ?? change.key;
  const value = change.field === 'model' && change.reason === 'unreadable' ? `${m.defaultModel} (${String(change.value)})` : formatFieldValue(change.field, change.part, change.value, lang);
  if (change.reason === 'unreadable') {
    return change.given === '' ? fill(m.empty, { field, value }) : fill(m.unreadable, { field, given: change.given, value });
  }
  const given = change.givenNumber === undefined ? change.given : formatFieldValue(change.field, change.part, change.givenNumber, lang);
  return fill(m[change.reason], { field, given, value });
}
