/**
 * Opening a model file in the controls: which dropped files are model files, the header read
 * (`readModelFile`, the core's: header only, through `Blob.slice`), and the summary the scenario
 * keeps (`ModelFileSummary`: exact bytes and parameters by type and kind, the architecture as a
 * compact config) so a link reproduces the page without the file.
 */
import { ConfigError, architectureForModelFile, bytesByTensorKind, bytesByTensorType, type ModelFile } from '../../core';
import { PRECISIONS, PRECISION_IDS } from '../../data/precisions';
import type { PrecisionId } from '../../data/types';
import { compactConfig } from '../../scenario/config-compact';
import { sanitizeConfig } from '../../scenario/fields';
import { MAX_FILE_NAME, MAX_FILE_NOTE, MAX_GROUP_ROWS } from '../../scenario/model-file-field';
import type { ModelFileGroup, ModelFileSummary } from '../../scenario/scenario';

/**
 * A dropped or chosen file is read as a model file (not as a config.json) when its name says
 * so: `.gguf`, `.safetensors`, or a `….index.json` (transformers' `model.safetensors.index.json`).
 * Anything else goes to the config.json import; `readModelFile` names what a misnamed file is.
 */
export function isModelFileName(name: string): boolean {
  return /\.(gguf|safetensors)$/i.test(name) || /\.index\.json$/i.test(name);
}

/** The storage types that set a file's compute format: 16/32-bit floats stay themselves. */
const PLAIN_TYPES: Readonly<Record<string, PrecisionId>> = { F32: 'fp32', BF16: 'bf16', F16: 'fp16' };

/** The listed formats a GGUF file's types belong to (llama.cpp's), and the other files' (the rest). */
const GGUF_PRECISIONS: ReadonlySet<PrecisionId> = new Set<PrecisionId>(['q8_0', 'q4_0', 'q4_k_m']);

/**
 * The listed precision nearest the file's: the 16/32-bit float type that holds most bytes when the
 * file is mostly one (a BF16 checkpoint → bf16), otherwise the format with the closest bits per
 * weight among the file's kind — llama.cpp's for a GGUF (a Q4_K_M file at 4.89 → q4_k_m at 4.85,
 * a Q4_0 file at 4.55 → q4_0), the others for safetensors. It gives the compute format and what
 * the precision control switches back to; the weight bytes stay the file's own.
 */
export function nearestPrecision(bitsPerWeight: number, byType: readonly ModelFileGroup[], format: ModelFileSummary['format'] = 'gguf'): PrecisionId {
  const total = byType.reduce((sum, row) => sum + row.bytes, 0);
  const largest = byType.reduce<ModelFileGroup | null>((best, row) => (best === null || row.bytes > best.bytes ? row : best), null);
  const plain = largest ? PLAIN_TYPES[largest.key.toUpperCase()] : undefined;
  if (plain && largest && largest.bytes >= total * 0.9) return plain;
  let best: PrecisionId = 'bf16';
  let distance = Number.POSITIVE_INFINITY;
  for (const id of PRECISION_IDS) {
    if (GGUF_PRECISIONS.has(id) !== (format === 'gguf')) continue;
    const gap = Math.abs(PRECISIONS[id].bitsPerWeight - bitsPerWeight);
    if (gap < distance) {
      best = id;
      distance = gap;
    }
  }
  return best;
}

function groups(rows: readonly { key: string; tensors: number; parameters: number; bytes: number }[]): ModelFileGroup[] {
  return rows.slice(0, MAX_GROUP_ROWS).map((row) => ({ key: row.key, tensors: row.tensors, parameters: row.parameters, bytes: row.bytes }));
}

/** The scenario's summary of a read file: exact counts, both tables, the architecture as a compact config. */
export function summarizeModelFile(file: ModelFile, name: string): ModelFileSummary {
  const config = file.archConfig ? sanitizeConfig(compactConfig(file.archConfig)) : null;
  return {
    format: file.format,
    name: name.slice(0, MAX_FILE_NAME),
    parameterCount: file.parameterCount,
    weightBytes: file.weightBytes,
    byType: groups(bytesByTensorType(file)),
    byKind: groups(bytesByTensorKind(file)),
    config,
    note: file.archNote === null ? null : file.archNote.slice(0, MAX_FILE_NOTE),
  };
}

export type OpenedModelFile =
  | { ok: true; summary: ModelFileSummary; precision: PrecisionId; file: ModelFile; milliseconds: number }
  | { ok: false; message: string };

/**
 * Reads a model file's header and summarises it. A hostile, truncated or non-model file gives the
 * core's `ConfigError` sentence (never throws); any other failure is a read error.
 */
export async function openModelFile(file: Blob, name: string, now: () => number = () => performance.now()): Promise<OpenedModelFile> {
  const start = now();
  try {
    // The readers (GGUF, safetensors) load with the first file, not with the page.
    const { readModelFile } = await import('../../core/model-file/read-model-file');
    const read = await readModelFile(file);
    const summary = summarizeModelFile(read, name);
    const precision = nearestPrecision(read.bitsPerWeight, summary.byType, read.format);
    return { ok: true, summary, precision, file: read, milliseconds: now() - start };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, message: error.message };
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export type AddedConfig =
  | { ok: true; summary: ModelFileSummary; matches: boolean; configParameters: number; relativeDifference: number }
  | { ok: false; message: string };

/**
 * Adds a config.json to a file that carries no architecture (safetensors): the config is read by
 * the core and its count compared with the file's tensors (`architectureForModelFile`); a
 * mismatch is kept in the summary's note, in words.
 */
export function addConfigToModelFile(summary: ModelFileSummary, config: Record<string, unknown>): AddedConfig {
  try {
    const check = architectureForModelFile({ parameterCount: summary.parameterCount, parameterCountExact: summary.format !== 'safetensors-index' || summary.note === null }, config);
    const kept = sanitizeConfig(compactConfig(config));
    if (kept === null) return { ok: false, message: 'the config cannot be kept (not an object, or over 1 MB)' };
    const percent = (check.relativeDifference * 100).toFixed(2);
    const note = check.matches
      ? null
      : `approximate: the config.json counts ${check.configParameters.toLocaleString('en-US')} parameters, the file holds ${summary.parameterCount.toLocaleString('en-US')} (${check.relativeDifference >= 0 ? '+' : ''}${percent}%)`;
    return {
      ok: true,
      summary: { ...summary, config: kept, note },
      matches: check.matches,
      configParameters: check.configParameters,
      relativeDifference: check.relativeDifference,
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
