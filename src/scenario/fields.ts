import type { PrecisionId } from '../data/types';
import type { FineTuningMethod, LoraModule } from '../core/fine-tuning';
import { PRECISION_IDS } from '../data/precisions';
import { MODELS_BY_ID } from '../data/models';
import { DEVICES_BY_ID } from '../data/local-devices';
import { CLUSTERS_BY_ID } from '../data/clusters';
import { TRAINING_FRAMEWORK_TRAITS } from '../data/training-framework-traits';
import {
  DEFAULT_SCENARIO,
  RANGES,
  type ArchOverrides,
  type CustomCluster,
  type CustomGpu,
  type RecomputeMode,
  type Scenario,
  type ZeroStage,
} from './scenario';
import { checkModelFile, readModelFileField, writeModelFile } from './model-file-field';

/**
 * One rule per scenario field: its short URL key, how to read URL text into a valid value, how to
 * write it, and how to check a JS value (a store patch, storage, a test) into a valid value.
 * `satisfies Record<keyof Scenario, ...>` makes a new scenario field without a rule — text and
 * value sides both — a compile error.
 *
 * `read` and `check` return `undefined` when the value cannot be used (the caller keeps the
 * default and reports the field); numbers outside the range are clamped, not rejected. The two
 * agree: `check(v)` is what `read` gives for the text of `v` (a number's shortest text, a
 * boolean's 1/0 for boolean fields, null as `auto`, an object field by field), without making
 * the text — one slider step checks one number.
 */
export interface FieldRule<T> {
  key: string;
  read: (raw: string) => T | undefined;
  write: (value: T) => string;
  check: (value: unknown) => T | undefined;
}

type Rules = { [K in keyof Scenario]: FieldRule<Scenario[K]> };

/** Shortest faithful text of a number: 1e11, 0.45, 7e10, 1024. */
export function writeNumber(value: number): string {
  const plain = String(value);
  const exponential = value.toExponential().replace('e+', 'e');
  return exponential.length < plain.length ? exponential : plain;
}

function readNumber(raw: string): number | undefined {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw.trim())) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

function clamp(value: number, [low, high]: readonly [number, number]): number {
  return Math.min(high, Math.max(low, value));
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function numberRule(key: string, range: readonly [number, number], integer = false): FieldRule<number> {
  const valid = (value: number) => {
    const clamped = clamp(value, range);
    return integer ? Math.round(clamped) : clamped;
  };
  const read = (raw: string) => {
    const value = readNumber(raw);
    return value === undefined ? undefined : valid(value);
  };
  return {
    key,
    read,
    write: writeNumber,
    // A number is clamped directly; a string is read as URL text ('0.3').
    check: (value) => (isFiniteNumber(value) ? valid(value) : typeof value === 'string' ? read(value) : undefined),
  };
}

/** An id field: strings of the list only (no list holds the text of a number or `auto`). */
function enumRule<T extends string>(key: string, allowed: readonly T[]): FieldRule<T> {
  const read = (raw: string) => ((allowed as readonly string[]).includes(raw) ? (raw as T) : undefined);
  return {
    key,
    read,
    write: (value) => value,
    check: (value) => (typeof value === 'string' ? read(value) : undefined),
  };
}

function readBoolean(raw: string): boolean | undefined {
  return raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined;
}

const booleanRule = (key: string): FieldRule<boolean> => ({
  key,
  read: readBoolean,
  write: (value) => (value ? '1' : '0'),
  // Booleans, their URL text, and the numbers 1 and 0.
  check: (value) => (typeof value === 'boolean' ? value : typeof value === 'string' ? readBoolean(value) : value === 1 ? true : value === 0 ? false : undefined),
});

/** A plain object (not an array): what the object fields accept. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ID_PATTERN = /^[a-z0-9][a-z0-9.-]{0,63}$/;

const OVERRIDE_KEYS = [
  'hidden',
  'layers',
  'heads',
  'kvHeads',
  'ffn',
  'vocab',
  'experts',
  'expertsPerToken',
  'contextLength',
] as const satisfies readonly (keyof ArchOverrides)[];

/** `hidden:4096,layers:32` ↔ { hidden: 4096, layers: 32 }; an unreadable part spoils the whole key. */
const overridesRule: FieldRule<ArchOverrides> = {
  key: 'arch',
  read: (raw) => {
    const result: ArchOverrides = {};
    if (raw === '') return result;
    for (const part of raw.split(',')) {
      const [name, text] = part.split(':');
      if (!name || text === undefined || !(OVERRIDE_KEYS as readonly string[]).includes(name)) return undefined;
      const key = name as (typeof OVERRIDE_KEYS)[number];
      const value = readNumber(text);
      if (value === undefined) return undefined;
      result[key] = Math.round(clamp(value, RANGES[key]));
    }
    return result;
  },
  write: (value) =>
    OVERRIDE_KEYS.filter((key) => value[key] !== undefined)
      .map((key) => `${key}:${writeNumber(value[key] as number)}`)
      .join(','),
  // Field by field: each set key a finite number, clamped and rounded; other keys are ignored.
  check: (value) => {
    if (typeof value === 'string') return overridesRule.read(value);
    if (!isPlainObject(value)) return undefined;
    const result: ArchOverrides = {};
    for (const key of OVERRIDE_KEYS) {
      const item = value[key];
      if (item === undefined) continue;
      if (!isFiniteNumber(item)) return undefined;
      result[key] = Math.round(clamp(item, RANGES[key]));
    }
    return result;
  },
};

const CUSTOM_GPU_KEYS = ['memoryBytes', 'bandwidthBytesPerSecond', 'flops', 'tdpWatts', 'usdPerHour'] as const satisfies readonly (keyof CustomGpu)[];
export const CUSTOM_GPU_SHORT: Record<(typeof CUSTOM_GPU_KEYS)[number], string> = {
  memoryBytes: 'mem',
  bandwidthBytesPerSecond: 'bw',
  flops: 'flops',
  tdpWatts: 'tdp',
  usdPerHour: 'usd',
};

/** `mem:8e10,bw:3.35e12,flops:9.895e14,tdp:700,usd:3`; missing parts keep their defaults. */
const customGpuRule: FieldRule<CustomGpu> = {
  key: 'cg',
  read: (raw) => {
    const result: CustomGpu = { ...DEFAULT_SCENARIO.customGpu };
    for (const part of raw.split(',')) {
      const [short, text] = part.split(':');
      const key = CUSTOM_GPU_KEYS.find((k) => CUSTOM_GPU_SHORT[k] === short);
      const value = text === undefined ? undefined : readNumber(text);
      if (!key || value === undefined) return undefined;
      result[key] = clamp(value, RANGES[key]);
    }
    return result;
  },
  write: (value) => CUSTOM_GPU_KEYS.map((key) => `${CUSTOM_GPU_SHORT[key]}:${writeNumber(value[key])}`).join(','),
  // Field by field: all five must be finite numbers, each clamped.
  check: (value) => {
    if (typeof value === 'string') return customGpuRule.read(value);
    if (!isPlainObject(value)) return undefined;
    const result: CustomGpu = { ...DEFAULT_SCENARIO.customGpu };
    for (const key of CUSTOM_GPU_KEYS) {
      const item = value[key];
      if (!isFiniteNumber(item)) return undefined;
      result[key] = clamp(item, RANGES[key]);
    }
    return result;
  },
};

const CUSTOM_CLUSTER_KEYS = ['gpusPerNode', 'scaleUpBytesPerSecond', 'scaleOutBytesPerSecondPerGpu'] as const satisfies readonly (keyof CustomCluster)[];
const CUSTOM_CLUSTER_SHORT: Record<(typeof CUSTOM_CLUSTER_KEYS)[number], string> = {
  gpusPerNode: 'node',
  scaleUpBytesPerSecond: 'up',
  scaleOutBytesPerSecondPerGpu: 'out',
};

/** A custom cluster's field, clamped (bandwidths > 0: a 0 B/s link would make time infinite); node size an integer. */
function clusterValue(key: (typeof CUSTOM_CLUSTER_KEYS)[number], value: number): number {
  const clamped = clamp(value, RANGES[key]);
  return key === 'gpusPerNode' ? Math.round(clamped) : clamped;
}

/** `node:8,up:4.5e11,out:5e10` (GPUs per node, scale-up and scale-out B/s per GPU per direction); missing parts keep their defaults. */
const customClusterRule: FieldRule<CustomCluster> = {
  key: 'cc',
  read: (raw) => {
    const result: CustomCluster = { ...DEFAULT_SCENARIO.customCluster };
    for (const part of raw.split(',')) {
      const [short, text] = part.split(':');
      const key = CUSTOM_CLUSTER_KEYS.find((k) => CUSTOM_CLUSTER_SHORT[k] === short);
      const value = text === undefined ? undefined : readNumber(text);
      if (!key || value === undefined) return undefined;
      result[key] = clusterValue(key, value);
    }
    return result;
  },
  write: (value) => CUSTOM_CLUSTER_KEYS.map((key) => `${CUSTOM_CLUSTER_SHORT[key]}:${writeNumber(value[key])}`).join(','),
  // Field by field: all three must be finite numbers, each clamped.
  check: (value) => {
    if (typeof value === 'string') return customClusterRule.read(value);
    if (!isPlainObject(value)) return undefined;
    const result: CustomCluster = { ...DEFAULT_SCENARIO.customCluster };
    for (const key of CUSTOM_CLUSTER_KEYS) {
      const item = value[key];
      if (!isFiniteNumber(item)) return undefined;
      result[key] = clusterValue(key, item);
    }
    return result;
  },
};

/**
 * An imported config.json as base64url JSON: the stored config as it is (the import keeps only
 * the fields the readers use, see `compactConfig`); reading it runs `sanitizeConfig`.
 */
const customConfigRule: FieldRule<Record<string, unknown> | null> = {
  key: 'cfg',
  read: (raw) => {
    try {
      if (raw.length > MAX_CONFIG_LINK_CHARS) return undefined;
      const json = new TextDecoder().decode(base64UrlToBytes(raw));
      const parsed: unknown = JSON.parse(json);
      return sanitizeConfig(parsed) ?? undefined;
    } catch {
      return undefined;
    }
  },
  write: (value) => (value === null ? '' : bytesToBase64Url(new TextEncoder().encode(JSON.stringify(value)))),
  check: (value) => (value === null ? null : (sanitizeConfig(value) ?? undefined)),
};

/** Largest config accepted, in characters of JSON text (real config.json files are 1–50 KB). */
export const MAX_CONFIG_CHARS = 1_000_000;
/** Deepest nesting kept: config → text_config → rope_scaling → … (real files nest 4–5 deep; readers read 3). Deeper parts are dropped. */
export const MAX_CONFIG_DEPTH = 8;
/** Longest string value kept (model_type, _name_or_path, activation names); longer ones are dropped. */
export const MAX_CONFIG_STRING = 200;
/** Longest key kept. */
export const MAX_CONFIG_KEY = 128;
/** A `cfg` link parameter longer than this is not read (base64 of MAX_CONFIG_CHARS). */
const MAX_CONFIG_LINK_CHARS = Math.ceil((MAX_CONFIG_CHARS * 4) / 3) + 4;

/** Why a parsed value cannot be kept as a config. */
export type ConfigShapeProblem = 'not-object' | 'too-large';

/**
 * Reduces a parsed config.json to plain JSON data, bounded by total size and depth, never by
 * the length of a list: numbers (finite), strings (≤ MAX_CONFIG_STRING characters, longer ones
 * dropped), booleans, null, and arrays and objects nested less than MAX_CONFIG_DEPTH deep (deeper
 * ones dropped: no reader looks below depth 3); keys `__proto__`, `constructor`, `prototype` and
 * keys over MAX_CONFIG_KEY characters are dropped. A config is data, never code or markup to
 * render as HTML. Lists of any length (64 `layer_types`, Qwen-MoE's `mlp_only_layers`, a
 * 500-entry `id2label`) are kept whole as long as the whole config stays within
 * MAX_CONFIG_CHARS of JSON; a larger one is refused whole (see `sanitizeConfigResult`), never cut.
 */
export function sanitizeConfig(value: unknown): Record<string, unknown> | null {
  const result = sanitizeConfigResult(value);
  return result.ok ? result.config : null;
}

/** {@link sanitizeConfig} with the reason when the value cannot be kept. */
export function sanitizeConfigResult(value: unknown): { ok: true; config: Record<string, unknown> } | { ok: false; problem: ConfigShapeProblem } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'not-object' };
  // Characters of the JSON the kept data would take (a lower bound of JSON.stringify's length).
  let size = 0;
  let problem: ConfigShapeProblem | null = null;
  const clean = (item: unknown, depth: number): unknown => {
    if (problem !== null) return undefined;
    if (++size > MAX_CONFIG_CHARS) {
      problem = 'too-large';
      return undefined;
    }
    if (item === null || typeof item === 'boolean') {
      size += 4;
      return item;
    }
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return undefined;
      size += String(item).length;
      return item;
    }
    if (typeof item === 'string') {
      if (item.length > MAX_CONFIG_STRING) return undefined;
      size += item.length + 2;
      return item;
    }
    if (typeof item !== 'object' || depth >= MAX_CONFIG_DEPTH) return undefined;
    if (Array.isArray(item)) {
      const out: unknown[] = [];
      for (const element of item) {
        const cleaned = clean(element, depth + 1);
        if (problem !== null) return undefined;
        if (cleaned !== undefined) out.push(cleaned);
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(item as Record<string, unknown>)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype' || key.length > MAX_CONFIG_KEY) continue;
      size += key.length + 3;
      const cleaned = clean(entry, depth + 1);
      if (problem !== null) return undefined;
      if (cleaned !== undefined) out[key] = cleaned;
    }
    return out;
  };
  const config = clean(value, 0) as Record<string, unknown> | undefined;
  if (problem !== null || config === undefined) return { ok: false, problem: problem ?? 'not-object' };
  return { ok: true, config };
}

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlToBytes(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** An id of a table (models, accelerators): a string it has (no table id is the text of a number or `auto`). */
function idRule(key: string, read: (raw: string) => string | undefined): FieldRule<string> {
  return { key, read, write: (value) => value, check: (value) => (typeof value === 'string' ? read(value) : undefined) };
}

/** An opened model file's summary as base64url JSON (`model-file-field.ts`: compact form, bounds). */
const modelFileRule: FieldRule<Scenario['modelFile']> = {
  key: 'mf',
  read: (raw) => readModelFileField(raw, sanitizeConfig),
  write: writeModelFile,
  // The link's text is read as the URL reads it; an object (a store patch) field by field.
  check: (value) => (value === null ? null : typeof value === 'string' ? readModelFileField(value, sanitizeConfig) : checkModelFile(value, sanitizeConfig)),
};

const modelRule = idRule('m', (raw) => (raw === 'size' || raw === 'custom' || raw === 'file' || (ID_PATTERN.test(raw) && MODELS_BY_ID.has(raw)) ? raw : undefined));

const gpuRule = idRule('gpu', (raw) => (raw === 'custom' || (ID_PATTERN.test(raw) && DEVICES_BY_ID.has(raw)) ? raw : undefined));

const nullableNumberRule = (key: string, range: readonly [number, number]): FieldRule<number | null> => {
  const inner = numberRule(key, range);
  return {
    key,
    read: (raw) => (raw === 'auto' ? null : inner.read(raw)),
    write: (value) => (value === null ? 'auto' : inner.write(value)),
    check: (value) => (value === null || value === 'auto' ? null : inner.check(value)),
  };
};

/** `auto` = null, else an integer in range (the global batch: null = derived from the sequence length). */
const nullableIntegerRule = (key: string, range: readonly [number, number]): FieldRule<number | null> => {
  const inner = numberRule(key, range, true);
  return {
    key,
    read: (raw) => (raw === 'auto' ? null : inner.read(raw)),
    write: (value) => (value === null ? 'auto' : inner.write(value)),
    check: (value) => (value === null || value === 'auto' ? null : inner.check(value)),
  };
};

const clusterRule = idRule('cl', (raw) => (raw === 'auto' || raw === 'custom' || (ID_PATTERN.test(raw) && CLUSTERS_BY_ID.has(raw)) ? raw : undefined));

const ZERO_STAGES: readonly ZeroStage[] = [0, 1, 2, 3];

const readZeroStage = (raw: string): ZeroStage | undefined => (['0', '1', '2', '3'].includes(raw) ? (Number(raw) as ZeroStage) : undefined);

const zeroStageRule: FieldRule<ZeroStage> = {
  key: 'zero',
  read: readZeroStage,
  write: (value) => String(value),
  check: (value) => (typeof value === 'number' ? ZERO_STAGES.find((stage) => stage === value) : typeof value === 'string' ? readZeroStage(value) : undefined),
};

const precisionRule = (key: string): FieldRule<PrecisionId> => enumRule<PrecisionId>(key, PRECISION_IDS);

/** LoRA modules by one letter each, in this order: `qkvogud` = all seven. */
const LORA_LETTERS: readonly (readonly [LoraModule, string])[] = [
  ['q', 'q'],
  ['k', 'k'],
  ['v', 'v'],
  ['o', 'o'],
  ['gate', 'g'],
  ['up', 'u'],
  ['down', 'd'],
];

function readLoraModules(raw: string): LoraModule[] | undefined {
  if (raw === '' || !/^[qkvogud]+$/.test(raw)) return undefined;
  return LORA_LETTERS.filter(([, letter]) => raw.includes(letter)).map(([module]) => module);
}

/** At least one module, each once, in the canonical order; `q,v` and `qv` alike. */
const loraModulesRule: FieldRule<LoraModule[]> = {
  key: 'ftl',
  read: readLoraModules,
  write: (value) => LORA_LETTERS.filter(([module]) => value.includes(module)).map(([, letter]) => letter).join(''),
  check: (value) => {
    if (typeof value === 'string') return readLoraModules(value);
    if (!Array.isArray(value) || value.length === 0) return undefined;
    if (!value.every((item) => LORA_LETTERS.some(([module]) => module === item))) return undefined;
    return LORA_LETTERS.filter(([module]) => value.includes(module)).map(([module]) => module);
  },
};

export const FIELD_RULES = {
  model: modelRule,
  params: numberRule('p', RANGES.params),
  customConfig: customConfigRule,
  overrides: overridesRule,
  modelFile: modelFileRule,
  fileWeights: booleanRule('fw'),
  weightPrecision: precisionRule('w'),
  kvPrecision: precisionRule('kv'),
  trainPrecision: precisionRule('tw'),
  gpu: gpuRule,
  customGpu: customGpuRule,
  gpuCount: numberRule('n', RANGES.gpuCount, true),
  mfu: nullableNumberRule('mfu', RANGES.mfu),
  bandwidthEfficiency: nullableNumberRule('bwe', RANGES.bandwidthEfficiency),
  usdPerGpuHour: nullableNumberRule('price', RANGES.usdPerGpuHour),
  pue: numberRule('pue', RANGES.pue),
  usdPerKwh: numberRule('kwh', RANGES.usdPerKwh),
  tokens: nullableNumberRule('tok', RANGES.tokens),
  tokensPerParam: numberRule('tpp', RANGES.tokensPerParam),
  attentionFlops: booleanRule('attn'),
  zeroStage: zeroStageRule,
  tensorParallel: numberRule('tp', RANGES.tensorParallel, true),
  pipelineParallel: numberRule('pp', RANGES.pipelineParallel, true),
  microBatch: numberRule('mb', RANGES.microBatch, true),
  seqLen: numberRule('seq', RANGES.seqLen, true),
  recompute: enumRule<RecomputeMode>('rc', ['none', 'selective', 'full']),
  sequenceParallel: booleanRule('sp'),
  contextParallel: numberRule('cp', RANGES.contextParallel, true),
  expertParallel: numberRule('ep', RANGES.expertParallel, true),
  virtualPipeline: numberRule('vp', RANGES.virtualPipeline, true),
  offloadLayers: numberRule('ol', RANGES.offloadLayers, true),
  trainingFramework: enumRule<string>('sw', ['auto', ...TRAINING_FRAMEWORK_TRAITS.map((framework) => framework.id)]),
  globalBatch: nullableIntegerRule('gb', RANGES.globalBatch),
  goodput: numberRule('gp', RANGES.goodput),
  cluster: clusterRule,
  customCluster: customClusterRule,
  promptTokens: numberRule('in', RANGES.promptTokens, true),
  outputTokens: numberRule('out', RANGES.outputTokens, true),
  batch: numberRule('b', RANGES.batch, true),
  requestsPerSecond: numberRule('rps', RANGES.requestsPerSecond),
  servingConcurrency: nullableIntegerRule('sc', RANGES.servingConcurrency),
  ttftTarget: nullableNumberRule('ttft', RANGES.ttftTarget),
  tpotTarget: nullableNumberRule('tpot', RANGES.tpotTarget),
  servingTp: nullableIntegerRule('stp', RANGES.servingTp),
  servingEp: numberRule('sep', RANGES.servingEp, true),
  localDevice: idRule('dev', (raw) => (ID_PATTERN.test(raw) && DEVICES_BY_ID.has(raw) ? raw : undefined)),
  usableMemoryFraction: nullableNumberRule('umf', RANGES.usableMemoryFraction),
  hostMemoryBytes: numberRule('ram', RANGES.hostMemoryBytes),
  ftMethod: enumRule<FineTuningMethod>('ftm', ['full', 'lora', 'qlora']),
  loraRank: numberRule('ftr', RANGES.loraRank, true),
  loraModules: loraModulesRule,
  ftTokens: numberRule('ftd', RANGES.ftTokens),
  ftSeqLen: numberRule('fts', RANGES.ftSeqLen, true),
  ftMicroBatch: numberRule('ftb', RANGES.ftMicroBatch, true),
  ftCheckpointing: booleanRule('ftc'),
  ftAdapterPrecision: enumRule<'fp32' | 'bf16'>('fta', ['fp32', 'bf16']),
} satisfies Rules;

export const SCENARIO_FIELDS = Object.keys(FIELD_RULES) as (keyof Scenario)[];
