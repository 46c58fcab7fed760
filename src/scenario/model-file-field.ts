/**
 * The scenario's `modelFile` field: what a link keeps of a model file the user opened, so the
 * page reproduces the file's numbers without the file. In the URL (`mf`) it is base64url JSON of
 * a compact form:
 *
 *   { f: format, n: name, p: parameters, b: weight bytes,
 *     t: [[type, tensors, parameters, bytes], …], k: [[kind, tensors, parameters, bytes], …],
 *     c: config (the readers' fields only) | null, o: note | null }
 *
 * Bounded: at most MAX_MODEL_FILE_CHARS of JSON, MAX_GROUP_ROWS rows per table, names and keys
 * cut to their bounds; every number finite, whole and ≥ 0. Anything else is unreadable (the
 * field keeps its default, null, and the page says so).
 */
import type { ModelFileGroup, ModelFileSummary } from '../core/input';

/** The config cleaner of `fields.ts` (`sanitizeConfig`), passed in so the two modules do not import each other. */
export type ConfigSanitizer = (value: unknown) => Record<string, unknown> | null;

/** Largest `mf` value accepted, in characters of JSON (a 60-layer config with its lists is ~3 KB). */
export const MAX_MODEL_FILE_CHARS = 100_000;
/** Rows per table (ggml defines 43 types; eight layer kinds). */
export const MAX_GROUP_ROWS = 64;
/** Longest file name kept (longer names are cut). */
export const MAX_FILE_NAME = 160;
/** Longest note kept (longer notes are cut). */
export const MAX_FILE_NOTE = 600;
const MAX_GROUP_KEY = 32;
/** The largest byte or parameter count a summary may hold (10^15: a thousand times today's largest files). */
const MAX_COUNT = 1e15;

const FORMATS = ['gguf', 'safetensors', 'safetensors-index'] as const;

function wholeCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_COUNT ? value : undefined;
}

function text(value: unknown, limit: number): string | undefined {
  return typeof value === 'string' ? value.slice(0, limit) : undefined;
}

function checkGroups(value: unknown): ModelFileGroup[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_GROUP_ROWS) return undefined;
  const rows: ModelFileGroup[] = [];
  for (const row of value) {
    // Objects (a store patch) or the link's [key, tensors, parameters, bytes] tuples.
    const [key, tensors, parameters, bytes] = Array.isArray(row)
      ? row
      : typeof row === 'object' && row !== null
        ? [(row as ModelFileGroup).key, (row as ModelFileGroup).tensors, (row as ModelFileGroup).parameters, (row as ModelFileGroup).bytes]
        : [];
    const checked = { key: text(key, MAX_GROUP_KEY), tensors: wholeCount(tensors), parameters: wholeCount(parameters), bytes: wholeCount(bytes) };
    if (checked.key === undefined || checked.key === '' || checked.tensors === undefined || checked.parameters === undefined || checked.bytes === undefined) return undefined;
    rows.push(checked as ModelFileGroup);
  }
  return rows;
}

/**
 * A model-file summary from any value (a store patch, a decoded link): every field checked, the
 * config through `sanitizeConfig`; undefined when something is missing or out of bounds.
 * Accepts the summary's own shape and the link's compact one.
 */
export function checkModelFile(value: unknown, sanitizeConfig: ConfigSanitizer): ModelFileSummary | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const source = value as Record<string, unknown>;
  const compact = 'f' in source;
  const pick = (long: string, short: string) => source[compact ? short : long];
  const format = pick('format', 'f');
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) return undefined;
  const name = text(pick('name', 'n'), MAX_FILE_NAME);
  const parameterCount = wholeCount(pick('parameterCount', 'p'));
  const weightBytes = wholeCount(pick('weightBytes', 'b'));
  const byType = checkGroups(pick('byType', 't'));
  const byKind = checkGroups(pick('byKind', 'k'));
  const rawConfig = pick('config', 'c');
  const config = rawConfig === null || rawConfig === undefined ? null : sanitizeConfig(rawConfig);
  const rawNote = pick('note', 'o');
  const note = rawNote === null || rawNote === undefined ? null : text(rawNote, MAX_FILE_NOTE);
  if (name === undefined || parameterCount === undefined || parameterCount === 0 || weightBytes === undefined) return undefined;
  if (byType === undefined || byKind === undefined || note === undefined) return undefined;
  if (rawConfig !== null && rawConfig !== undefined && config === null) return undefined;
  return { format: format as ModelFileSummary['format'], name, parameterCount, weightBytes, byType, byKind, config, note };
}

function compactForm(summary: ModelFileSummary): Record<string, unknown> {
  const rows = (groups: readonly ModelFileGroup[]) => groups.map((row) => [row.key, row.tensors, row.parameters, row.bytes]);
  return {
    f: summary.format,
    n: summary.name,
    p: summary.parameterCount,
    b: summary.weightBytes,
    t: rows(summary.byType),
    k: rows(summary.byKind),
    c: summary.config,
    o: summary.note,
  };
}

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlToBytes(value: string): Uint8Array {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/** Summary → the link's text (base64url of the compact JSON). */
export function writeModelFile(summary: ModelFileSummary | null): string {
  if (summary === null) return '';
  return bytesToBase64Url(new TextEncoder().encode(JSON.stringify(compactForm(summary))));
}

/** The link's text → a checked summary; undefined when unreadable or over the bound. */
export function readModelFileField(raw: string, sanitizeConfig: ConfigSanitizer): ModelFileSummary | undefined {
  if (raw.length > Math.ceil((MAX_MODEL_FILE_CHARS * 4) / 3) + 4) return undefined;
  try {
    const json = new TextDecoder('utf-8', { fatal: true }).decode(base64UrlToBytes(raw));
    if (json.length > MAX_MODEL_FILE_CHARS) return undefined;
    return checkModelFile(JSON.parse(json) as unknown, sanitizeConfig);
  } catch {
    return undefined;
  }
}
