/**
 * `readModelFile`: what a local `.gguf`, `.safetensors` or `model.safetensors.index.json` holds,
 * from its header alone. Reads with `Blob.slice` (a 40 GB file is never loaded; nothing is
 * uploaded): GGUF headers in growing prefixes from 1 MiB up to 256 MiB, safetensors headers
 * exactly (8 + N bytes, N ≤ 100 MB), index files whole (≤ 64 MiB).
 */
import { ConfigError } from '../errors';
import { parseGrowingPrefix } from './byte-cursor';
import { hasGgufMagic, parseGguf } from './gguf';
import { architectureFromGguf } from './gguf-architecture';
import {
  SAFETENSORS_INDEX_MAX_BYTES,
  checkSafetensorsHeaderLength,
  parseSafetensorsHeader,
  parseSafetensorsIndex,
  safetensorsHeaderLength,
} from './safetensors';
import type { GgufValue, ModelFile } from './types';

/** First prefix read for a GGUF header; most headers (tokenizer included) fit in a few MiB. */
const GGUF_FIRST_READ_BYTES = 1024 * 1024;
/** The most a GGUF header may take here (the largest tokenizers take tens of MiB). */
export const GGUF_MAX_HEADER_BYTES = 256 * 1024 * 1024;

/** Signatures of files people drop by mistake, for a clear sentence. */
const KNOWN_SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (a PyTorch .bin/.pt checkpoint is one; convert it to safetensors or GGUF)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x80, 0x02], what: 'a Python pickle (an old PyTorch checkpoint)' },
  { bytes: [0x47, 0x47, 0x4d, 0x4c], what: 'a GGML file (the format before GGUF)' },
  { bytes: [0x67, 0x67, 0x6a, 0x74], what: 'a GGJT file (the format before GGUF)' },
];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) return byte;
  }
  return undefined;
}

function bitsPerWeight(weightBytes: number, parameterCount: number): number {
  return parameterCount > 0 ? (weightBytes * 8) / parameterCount : 0;
}

async function readGguf(file: Blob): Promise<ModelFile> {
  const parsed = await parseGrowingPrefix(file, { initialBytes: GGUF_FIRST_READ_BYTES, maximumBytes: GGUF_MAX_HEADER_BYTES, label: 'GGUF header' }, parseGguf);
  if (parsed.tensors.length === 0) {
    throw new ConfigError('this GGUF file holds no tensors (a vocabulary-only or metadata-only file), so there is no model to size', 'tensor_count');
  }
  let parameterCount = 0;
  let weightBytes = 0;
  for (const tensor of parsed.tensors) {
    parameterCount += tensor.elements;
    weightBytes += tensor.bytes;
  }
  const { arch, note, config } = architectureFromGguf(parsed.metadata, parsed.tensors);
  const architecture = parsed.metadata['general.architecture'];
  return {
    format: 'gguf',
    tensors: parsed.tensors.map((tensor) => ({ name: tensor.name, dtype: tensor.type.name, shape: tensor.shape, bytes: tensor.bytes })),
    parameterCount,
    parameterCountExact: true,
    weightBytes,
    bitsPerWeight: bitsPerWeight(weightBytes, parameterCount),
    arch,
    archNote: note,
    archConfig: config,
    fileBytes: parsed.fileSize,
    headerBytes: parsed.dataOffset,
    gguf: {
      version: parsed.version,
      alignment: parsed.alignment,
      dataOffset: parsed.dataOffset,
      architecture: typeof architecture === 'string' ? architecture : null,
      metadata: parsed.metadata,
      truncatedKeys: parsed.truncatedKeys,
      split: splitOf(parsed.metadata),
    },
  };
}

function splitOf(metadata: Readonly<Record<string, GgufValue>>): { index: number; count: number } | null {
  const count = metadata['split.count'];
  const index = metadata['split.no'];
  if (typeof count !== 'number' || count <= 1) return null;
  return { index: typeof index === 'number' ? index : 0, count };
}

async function readSafetensors(file: Blob, prefix: Uint8Array): Promise<ModelFile> {
  const length = checkSafetensorsHeaderLength(safetensorsHeaderLength(prefix), file.size);
  const header = new Uint8Array(await file.slice(8, 8 + length).arrayBuffer());
  const parsed = parseSafetensorsHeader(header, file.size);
  if (parsed.tensors.length === 0) throw new ConfigError('this safetensors file holds no tensors, so there is no model to size', 'header');
  const note = 'a safetensors header lists tensors, not the model\'s configuration: add the model\'s config.json to size its KV cache and speed';
  return {
    format: 'safetensors',
    tensors: parsed.tensors,
    parameterCount: parsed.elements,
    parameterCountExact: true,
    weightBytes: parsed.dataBytes,
    bitsPerWeight: bitsPerWeight(parsed.dataBytes, parsed.elements),
    arch: null,
    archNote: note,
    fileBytes: parsed.fileSize,
    headerBytes: 8 + length,
    safetensors: { metadata: parsed.metadata, trailingBytes: parsed.trailingBytes },
  };
}

async function readIndex(file: Blob): Promise<ModelFile> {
  if (file.size > SAFETENSORS_INDEX_MAX_BYTES) {
    throw new ConfigError(`this JSON file is ${file.size} bytes, too large for a model.safetensors.index.json (at most 64 MiB here)`, null);
  }
  const parsed = parseSafetensorsIndex(new Uint8Array(await file.arrayBuffer()));
  if (parsed.tensors.length === 0) throw new ConfigError('the index file\'s weight_map is empty, so there is no model to size', 'weight_map');
  const exact = parsed.totalParameters !== null;
  // Without total_parameters only bytes are known: assume 2 bytes per parameter (BF16/FP16),
  // the dtype of nearly every published checkpoint, and say it is an estimate.
  const parameterCount = parsed.totalParameters ?? Math.round(parsed.totalSize / 2);
  return {
    format: 'safetensors-index',
    tensors: parsed.tensors,
    parameterCount,
    parameterCountExact: exact,
    weightBytes: parsed.totalSize,
    bitsPerWeight: bitsPerWeight(parsed.totalSize, parameterCount),
    arch: null,
    archNote:
      'an index names tensors and shards only: add the model\'s config.json for its architecture' +
      (exact ? '' : '; the parameter count assumes 16-bit weights (total_size / 2) because the index does not state it'),
    fileBytes: file.size,
    headerBytes: file.size,
    index: { shards: parsed.shards, totalSize: parsed.totalSize, totalParameters: parsed.totalParameters },
  };
}

/**
 * Reads the header of a local model file and returns its tensors, exact parameter count and
 * bytes, and (GGUF) its architecture.
 *   GGUF: every tensor's bytes from its ggml type (block sizes, scales included), so mixed
 *     per-tensor types count exactly (a Q4_0 file keeps its output matrix at Q6_K).
 *   safetensors: elements × dtype bits / 8 for each tensor, checked against data_offsets.
 *   index: weightBytes = metadata.total_size; parameterCount = metadata.total_parameters, or
 *     total_size / 2 with parameterCountExact = false.
 *   bitsPerWeight = weightBytes × 8 / parameterCount.
 * Reads only the header with `Blob.slice` (never the whole file; the file never leaves the
 * machine). Throws {@link ConfigError} with a sentence for an empty, truncated, hostile or
 * non-model file; every count, length and offset is bounded and checked against the file size.
 * Units: parameters, bytes. Sources: ggml docs/gguf.md and ggml.c type traits; safetensors README.
 */
export async function readModelFile(file: Blob): Promise<ModelFile> {
  if (typeof Blob === 'undefined' || !(file instanceof Blob)) throw new ConfigError('readModelFile needs a File or Blob', null);
  if (file.size === 0) throw new ConfigError('the file is empty (0 bytes)', null);
  const prefix = new Uint8Array(await file.slice(0, Math.min(file.size, 16)).arrayBuffer());
  if (hasGgufMagic(prefix)) return readGguf(file);
  const jsonText = firstNonSpace(prefix) === 0x7b;
  if (prefix.length >= 9 && prefix[8] === 0x7b) {
    // JSON text read as a u64 is above 2^61, so a length that fits the file means safetensors;
    // a binary length with "{" after it is a safetensors file whose length is checked (and refused).
    const length = safetensorsHeaderLength(prefix);
    if (length <= file.size - 8 || !jsonText) return readSafetensors(file, prefix);
  }
  if (jsonText) return readIndex(file);
  if (file.size < 4 && [...prefix].every((byte, index) => byte === 'GGUF'.charCodeAt(index))) {
    throw new ConfigError(`the file is cut short: it has only ${file.size} bytes of a GGUF header`, null);
  }
  const known = KNOWN_SIGNATURES.find((signature) => startsWith(prefix, signature.bytes));
  if (known) throw new ConfigError(`this is ${known.what}, not a model file (.gguf, .safetensors or model.safetensors.index.json)`, null);
  const hex = [...prefix.subarray(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
  throw new ConfigError(`this is not a GGUF, safetensors or safetensors-index file (it starts with bytes ${hex})`, null);
}
