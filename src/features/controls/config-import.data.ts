import { ConfigError, resolveModel, type ResolvedModel } from '../../core';
import { sanitizeConfig } from '../../scenario/fields';

/** Largest config.json accepted: real ones are 1–5 KB; this leaves room and keeps the URL sane. */
export const MAX_CONFIG_BYTES = 1_000_000;

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
 * (`resolveModel` on the config reduced to plain data by `sanitizeConfig`, which is also what the
 * store keeps). Never throws; on failure nothing is returned that could reach the store.
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
  const config = sanitizeConfig(parsed);
  if (config === null) return { ok: false, error: { kind: 'not-object', what: 'value' } };
  try {
    const model = resolveModel({ model: 'custom', params: 0, customConfig: config, overrides: {} });
    const name = model.name !== 'custom' ? model.name : typeof config.model_type === 'string' ? config.model_type : 'config.json';
    return { ok: true, config, model, name };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error: { kind: 'config', field: error.field, message: error.message } };
    return { ok: false, error: { kind: 'config', field: null, message: error instanceof Error ? error.message : String(error) } };
  }
}
