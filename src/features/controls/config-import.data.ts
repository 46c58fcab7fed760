import { ConfigError, plainText, resolveModel, type ApproximateReason, type ResolvedModel } from '../../core';
import { MAX_CONFIG_CHARS, sanitizeConfigResult } from '../../scenario/fields';
import { compactConfig } from '../../scenario/config-compact';
import type { Lang } from '../../i18n/i18n';

/**
 * Largest config.json accepted, in bytes of text: real ones are 1–50 KB (a 500-entry id2label
 * included); lists of any length are kept whole within it. The store and the link keep only the
 * fields the readers use (`compactConfig`), so the link stays short whatever the file holds.
 */
export const MAX_CONFIG_BYTES = MAX_CONFIG_CHARS;

export type ImportError =
  | { kind: 'empty' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'syntax'; detail: string; line: number | null; column: number | null }
  | { kind: 'not-object'; what: 'array' | 'value' }
  | { kind: 'config'; field: string | null; message: string };

export type ImportResult =
  | { ok: true; config: Record<string, unknown>; model: ResolvedModel; /** _name_or_path, else model_type. */ name: string }
  | { ok: false; error: ImportError };

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(position, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/**
 * The JSON engine's message without the parts that echo the input, and where it points: V8 says
 * "… in JSON at position 11 (line 2 column 3)" for most errors and nothing for some.
 */
function describeSyntaxError(error: unknown, text: string): ImportError {
  const raw = error instanceof Error ? error.message : String(error);
  let line: number | null = null;
  let column: number | null = null;
  const lineColumn = /line (\d+) column (\d+)/i.exec(raw);
  const position = /at position (\d+)/i.exec(raw);
  if (lineColumn) {
    line = Number(lineColumn[1]);
    column = Number(lineColumn[2]);
  } else if (position) {
    ({ line, column } = lineAndColumn(text, Number(position[1])));
  } else if (/unexpected end/i.test(raw)) {
    ({ line, column } = lineAndColumn(text, text.length));
  }
  const detail = raw
    .replace(/\s*\(line \d+ column \d+\)/i, '')
    .replace(/\s*in JSON at position \d+/i, '')
    .replace(/,\s*".*" is not valid JSON$/s, '')
    .replace(/^JSON\.parse:\s*/i, '')
    .slice(0, 200);
  return { kind: 'syntax', detail, line, column };
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Reads a pasted or dropped config.json: JSON syntax, then the core's reading of the fields
 * (`resolveModel` on the config reduced to plain data by `sanitizeConfig` and to the fields the
 * readers use by `compactConfig`, which is also what the store keeps and the link carries).
 * A file over MAX_CONFIG_BYTES is refused in words (never cut); parts nested deeper than
 * MAX_CONFIG_DEPTH are dropped (no reader looks there).
 * Never throws; on failure nothing is returned that could reach the store.
 */
export function readConfigText(text: string): ImportResult {
  if (text.trim() === '') return { ok: false, error: { kind: 'empty' } };
  if (text.length > MAX_CONFIG_BYTES || byteLength(text) > MAX_CONFIG_BYTES) {
    return { ok: false, error: { kind: 'too-large', bytes: byteLength(text) } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: describeSyntaxError(error, text) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: { kind: 'not-object', what: Array.isArray(parsed) ? 'array' : 'value' } };
  }
  const clean = sanitizeConfigResult(parsed);
  if (!clean.ok) {
    if (clean.problem === 'too-large') return { ok: false, error: { kind: 'too-large', bytes: byteLength(text) } };
    return { ok: false, error: { kind: 'not-object', what: 'value' } };
  }
  const config = compactConfig(clean.config);
  try {
    const model = resolveModel({ model: 'custom', params: 0, customConfig: config, overrides: {} });
    const name = model.name !== 'custom' ? model.name : (typeof config.model_type === 'string' && plainText(config.model_type)) || 'config.json';
    return { ok: true, config, model, name };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error: { kind: 'config', field: error.field, message: error.message } };
    return { ok: false, error: { kind: 'config', field: null, message: error instanceof Error ? error.message : String(error) } };
  }
}

/** Why an estimate is approximate, in words (the codes of `Architecture.approximateReasons`). */
export const APPROXIMATE_REASON_TEXT: Readonly<Record<ApproximateReason, Readonly<Record<Lang, string>>>> = {
  'unknown-model-type': {
    en: 'its model_type is not one the explorer reads exactly, so it is read as a Llama-style decoder (RMSNorm, SwiGLU, no biases unless the config says so)',
    zh: '其 model_type 不在可精确读取之列，按 Llama 式解码器读取（RMSNorm、SwiGLU，除非配置另有说明否则无偏置）',
  },
  'no-model-type': {
    en: 'the config names no model_type, so it is read as a Llama-style decoder',
    zh: '配置未给出 model_type，按 Llama 式解码器读取',
  },
  'shared-experts-assumed-plain': {
    en: 'its shared experts are counted as plain SwiGLU MLPs (a gate or bias the family adds is not known)',
    zh: '共享专家按普通 SwiGLU MLP 计数（该家族可能另有门控或偏置，无法得知）',
  },
  'moe-layout-assumed': {
    en: 'which layers are mixture-of-experts, and how wide the experts are, is taken from common field names',
    zh: '哪些层是混合专家层、专家有多宽，依据常见字段名推断',
  },
  'tied-embeddings-assumed': {
    en: 'tie_word_embeddings is absent and the family\'s default is unknown: separate input and output embeddings are assumed',
    zh: '缺少 tie_word_embeddings 且不知该家族的默认值：假定输入与输出嵌入不共享',
  },
  'extra-layers-ignored': {
    en: 'it has parts the estimate leaves out (linear-attention or state-space layers, a vision or audio tower)',
    zh: '其中部分结构未计入估算（线性注意力或状态空间层、视觉或音频编码器）',
  },
};

/** "Approximate: reason; reason." in the reader's language, or '' for an exact architecture. */
export function approximationText(reasons: readonly ApproximateReason[] | undefined, lang: Lang): string {
  if (!reasons || reasons.length === 0) return '';
  const parts = reasons.map((reason) => APPROXIMATE_REASON_TEXT[reason][lang]);
  return lang === 'zh' ? `近似估算：${parts.join('；')}。` : `Approximate: ${parts.join('; ')}.`;
}
