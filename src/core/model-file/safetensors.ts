/**
 * safetensors headers and `model.safetensors.index.json` files.
 *
 * Format (huggingface/safetensors README, "Format", and safetensors/src/tensor.rs at 24b0b285):
 * 8 bytes N (u64, little-endian), then N bytes of UTF-8 JSON that begins with `{` and may be
 * padded with spaces: `{ "TENSOR": { "dtype", "shape", "data_offsets": [BEGIN, END] }, …,
 * "__metadata__": { string: string } }`; then the byte buffer. Offsets are relative to the
 * buffer; END − BEGIN must equal elements × bits / 8; the buffer "needs to be entirely indexed,
 * and cannot contain holes" (no gaps, no overlaps, starting at 0). The library bounds N at
 * 100,000,000 (`MAX_HEADER_SIZE`) and we do the same; the data must end inside the file.
 *
 * Index files: transformers' `save_pretrained` writes `{ "metadata": { "total_size",
 * "total_parameters" (recent versions) }, "weight_map": { tensor: shard file } }`.
 */
import { ConfigError } from '../errors';
import { describeBytes, describeCount, resolvedFileSize } from './byte-cursor';
import { safetensorsDtypeBits } from './safetensors-dtypes';
import type { ModelFileTensor, SafetensorsIndexDetails } from './types';

/** safetensors' own bound on the JSON header (tensor.rs `MAX_HEADER_SIZE`). */
export const SAFETENSORS_MAX_HEADER_BYTES = 100_000_000;
/** The most this reader accepts for a `model.safetensors.index.json` (DeepSeek-V3's is ~9 MB). */
export const SAFETENSORS_INDEX_MAX_BYTES = 64 * 1024 * 1024;
/** Dimensions a safetensors tensor may have here (PyTorch allows 64). */
const MAXIMUM_RANK = 64;

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function shortName(name: string): string {
  return name.length > 80 ? `${name.slice(0, 80)}…` : name;
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  let text: string;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    throw new ConfigError(`the ${what} is not valid UTF-8 text`, null);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`the ${what} is not valid JSON (${detail.slice(0, 120)})`, null);
  }
}

/** The 8-byte header length of a safetensors file (the caller has checked the file has 8 bytes). */
export function safetensorsHeaderLength(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  const low = view.getUint32(0, true);
  const high = view.getUint32(4, true);
  return high * 2 ** 32 + low;
}

/** Checks the 8-byte length prefix against the file and the format's bound; returns N. */
export function checkSafetensorsHeaderLength(length: number, fileSize: number): number {
  if (length === 0) throw new ConfigError('the safetensors header is empty (its length field is 0)', 'header');
  if (length > SAFETENSORS_MAX_HEADER_BYTES) {
    throw new ConfigError(
      `the safetensors header claims ${describeCount(length)} bytes, more than the format's limit of ${describeBytes(SAFETENSORS_MAX_HEADER_BYTES)}`,
      'header',
    );
  }
  if (8 + length > fileSize) {
    throw new ConfigError(
      `the safetensors header claims ${describeCount(length)} bytes but the file has only ${fileSize} bytes: the file is cut short or not safetensors`,
      'header',
    );
  }
  return length;
}

export interface ParsedSafetensors {
  tensors: ModelFileTensor[];
  metadata: Record<string, string>;
  elements: number;
  dataBytes: number;
  trailingBytes: number;
  /** The file's size (corrected when the Blob reported it modulo 4 GiB). */
  fileSize: number;
}

function readTensor(name: string, entry: unknown): { tensor: ModelFileTensor; begin: number; end: number; elements: number } {
  const label = `tensor ${shortName(name)}`;
  if (!isPlainObject(entry)) throw new ConfigError(`the safetensors header is not valid: ${label} is not an object`, name);
  const { dtype, shape, data_offsets: offsets } = entry;
  if (typeof dtype !== 'string') throw new ConfigError(`the safetensors header is not valid: ${label} has no dtype`, name);
  const bits = safetensorsDtypeBits(dtype);
  if (bits === undefined) throw new ConfigError(`${label} has dtype "${dtype.slice(0, 20)}", which safetensors does not define`, name);
  if (!Array.isArray(shape) || shape.length > MAXIMUM_RANK || !shape.every(isCount)) {
    throw new ConfigError(`the safetensors header is not valid: ${label} has a shape that is not a list of whole numbers`, name);
  }
  let elements = 1;
  for (const size of shape as number[]) {
    elements *= size;
    if (elements > Number.MAX_SAFE_INTEGER) throw new ConfigError(`the safetensors header is not valid: ${label} would hold more than 2^53 elements`, name);
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !isCount(offsets[0]) || !isCount(offsets[1]) || offsets[1] < offsets[0]) {
    throw new ConfigError(`the safetensors header is not valid: ${label} has data_offsets that are not [begin, end] with begin ≤ end`, name);
  }
  const begin = offsets[0];
  const end = offsets[1];
  const bitCount = elements * bits;
  if (bitCount % 8 !== 0) throw new ConfigError(`the safetensors header is not valid: ${label} does not fill whole bytes (${dtype} × ${elements})`, name);
  const bytes = bitCount / 8;
  if (end - begin !== bytes) {
    throw new ConfigError(
      `the safetensors header is not valid: ${label} is ${dtype} of shape [${(shape as number[]).join(', ')}] = ${bytes} bytes, ` +
        `but its data_offsets span ${end - begin} bytes`,
      name,
    );
  }
  return { tensor: { name, dtype, shape: [...(shape as number[])], bytes }, begin, end, elements };
}

/**
 * Parses the JSON header of a safetensors file (the N bytes after the length prefix) and checks
 * every tensor's data against its dtype and shape, the buffer for holes and overlaps, and its
 * end against the file's size. Throws {@link ConfigError} naming the tensor and the rule.
 * Units: bytes, elements. Source: see the module comment.
 */
export function parseSafetensorsHeader(headerBytes: Uint8Array, fileSize: number): ParsedSafetensors {
  if (headerBytes[0] !== 0x7b) throw new ConfigError('the safetensors header does not begin with "{"', 'header');
  const json = parseJson(headerBytes, 'safetensors header');
  if (!isPlainObject(json)) throw new ConfigError('the safetensors header is not a JSON object', 'header');
  let metadata: Record<string, string> = {};
  const entries: { tensor: ModelFileTensor; begin: number; end: number; elements: number }[] = [];
  for (const [name, entry] of Object.entries(json)) {
    if (name === '__metadata__') {
      if (!isPlainObject(entry) || !Object.values(entry).every((value) => typeof value === 'string')) {
        throw new ConfigError('the safetensors header is not valid: __metadata__ must map strings to strings', '__metadata__');
      }
      metadata = Object.fromEntries(Object.entries(entry as Record<string, string>));
      continue;
    }
    entries.push(readTensor(name, entry));
  }
  entries.sort((left, right) => left.begin - right.begin || left.end - right.end);
  let expected = 0;
  let elements = 0;
  for (const entry of entries) {
    if (entry.begin !== expected) {
      throw new ConfigError(
        entry.begin > expected
          ? `the safetensors header is not valid: the data has a hole before tensor ${shortName(entry.tensor.name)} (bytes ${expected}–${entry.begin} belong to no tensor)`
          : `the safetensors header is not valid: the data of tensor ${shortName(entry.tensor.name)} overlaps the tensor before it`,
        entry.tensor.name,
      );
    }
    expected = entry.end;
    elements += entry.elements;
  }
  const dataStart = 8 + headerBytes.length;
  const size = resolvedFileSize(fileSize, dataStart + expected, 0, dataStart);
  if (dataStart + expected > size) {
    throw new ConfigError(
      `the safetensors data ends at byte ${dataStart + expected}, past the end of the file at ${fileSize}: the file is truncated (an incomplete download?)`,
      'data_offsets',
    );
  }
  return {
    tensors: entries.map((entry) => entry.tensor),
    metadata,
    elements,
    dataBytes: expected,
    trailingBytes: size - dataStart - expected,
    fileSize: size,
  };
}

export interface ParsedIndex extends SafetensorsIndexDetails {
  tensors: ModelFileTensor[];
}

/**
 * Parses a `model.safetensors.index.json`: tensor names and the shard that holds each,
 * `metadata.total_size` (required: data bytes of all shards) and `metadata.total_parameters`
 * when present. Throws {@link ConfigError} for anything else.
 */
export function parseSafetensorsIndex(bytes: Uint8Array): ParsedIndex {
  const json = parseJson(bytes, 'index file');
  if (!isPlainObject(json) || !isPlainObject(json.weight_map)) {
    throw new ConfigError('this JSON file is not a model.safetensors.index.json (it has no "weight_map" object)', 'weight_map');
  }
  const metadata = isPlainObject(json.metadata) ? json.metadata : {};
  const totalSize = metadata.total_size;
  if (!isCount(totalSize)) {
    throw new ConfigError('the index file has no metadata.total_size (a whole number of bytes), so the weights\' size is unknown', 'total_size');
  }
  const totalParameters = isCount(metadata.total_parameters) ? metadata.total_parameters : null;
  const shards = new Set<string>();
  const tensors: ModelFileTensor[] = [];
  for (const [name, shard] of Object.entries(json.weight_map)) {
    if (typeof shard !== 'string' || shard.length === 0) {
      throw new ConfigError(`the index file is not valid: weight_map["${shortName(name)}"] is not a file name`, 'weight_map');
    }
    shards.add(shard);
    tensors.push({ name, dtype: 'unknown', shape: [], bytes: 0, shard });
  }
  return { tensors, shards: [...shards].sort(), totalSize, totalParameters };
}
