/**
 * GGUF header parser (versions 2 and 3, little-endian): metadata key–value pairs, tensor infos,
 * alignment and the start of the data section, every count, length and offset bounded and
 * checked against the file's size.
 *
 * Format: ggml-org/ggml docs/gguf.md ("File Structure": magic `GGUF`, u32 version, u64
 * tensor_count, u64 metadata_kv_count, key–value pairs (u64-length strings, u32 value type,
 * arrays of u32 element type + u64 count, nestable), tensor infos (name, u32 n_dims, u64 dims,
 * u32 ggml type, u64 offset relative to the data section), padding to `general.alignment`
 * (default 32), then the data). Checks follow ggml's own reader, src/gguf.cpp
 * `gguf_init_from_file_impl` (d99724f2): version 1 and byte-swapped files rejected, duplicate
 * keys and tensor names rejected, `general.alignment` a u32 power of two, names shorter than
 * GGML_MAX_NAME (64), at most GGML_MAX_DIMS (4) dimensions, non-negative dims, a known type whose
 * block size divides the row length. Where gguf.cpp trusts the offsets (it requires them packed
 * in order) this reader requires only what makes a file readable: aligned, non-overlapping
 * tensors that end inside the file.
 */
import { ConfigError } from '../errors';
import { ByteCursor, NeedMoreBytes, describeBytes, describeCount, resolvedFileSize } from './byte-cursor';
import { ggmlTensorBytes, ggmlType, removedGgmlTypeName, type GgmlType } from './ggml-types';
import type { GgufArraySummary, GgufScalar, GgufValue } from './types';

/** The four bytes every GGUF file starts with. */
export const GGUF_MAGIC = [0x47, 0x47, 0x55, 0x46] as const;
/** Default alignment of the data section (docs/gguf.md, `general.alignment`). */
export const GGUF_DEFAULT_ALIGNMENT = 32;
/** Bounds this reader applies (far above any published model, far below what breaks it). */
export const GGUF_LIMITS = Object.freeze({
  tensors: 1_000_000,
  keys: 1_000_000,
  /** gguf.md: a key is at most 65535 bytes. */
  keyBytes: 65_535,
  /** ggml: GGML_MAX_NAME = 64 including the terminating NUL. */
  tensorNameBytes: 63,
  /** ggml: GGML_MAX_DIMS. */
  dimensions: 4,
  arrayDepth: 8,
  alignment: 2 ** 30,
});

/** Arrays up to this length keep their values; strings keep this many characters. */
const KEPT_ARRAY_VALUES = 1024;
const KEPT_STRING_CHARACTERS = 1024;
/** Smallest encodings: tensor info (u64 name length, u32 n_dims, u32 type, u64 offset), KV (u64 key length, u32 type, 1-byte value). */
const MINIMUM_TENSOR_INFO_BYTES = 24;
const MINIMUM_KV_BYTES = 13;

const VALUE_TYPE_NAMES = ['uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'bool', 'string', 'array', 'uint64', 'int64', 'float64'] as const;
const STRING_TYPE = 8;
const ARRAY_TYPE = 9;
/** Bytes of each fixed-size value type (0 for string and array). */
const VALUE_TYPE_BYTES = [1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8] as const;
const UINT32_TYPE = 4;

const decoder = new TextDecoder('utf-8');

export interface GgufTensorInfo {
  name: string;
  type: GgmlType;
  /** ne[0] … ne[n-1]: ne[0] is the row length. */
  shape: number[];
  elements: number;
  bytes: number;
  /** Offset relative to the data section. */
  offset: number;
}

export interface ParsedGguf {
  version: 2 | 3;
  alignment: number;
  dataOffset: number;
  metadata: Record<string, GgufValue>;
  truncatedKeys: string[];
  tensors: GgufTensorInfo[];
  /** The file's size (corrected when the Blob reported it modulo 4 GiB). */
  fileSize: number;
}

/** True when the first bytes are the GGUF magic. */
export function hasGgufMagic(bytes: Uint8Array): boolean {
  return GGUF_MAGIC.every((byte, index) => bytes[index] === byte);
}

function typeName(type: number): string {
  return VALUE_TYPE_NAMES[type] ?? `type ${type}`;
}

function isPowerOfTwo(value: number): boolean {
  return Number.isInteger(value) && value > 0 && (value & (value - 1)) === 0 && value <= GGUF_LIMITS.alignment;
}

/** A u64-prefixed string, checked against the file and `maximumBytes`; kept up to `keep` characters. */
function readString(
  cursor: ByteCursor,
  what: string,
  maximumBytes: number,
  keep: number,
): { text: string; truncated: boolean; byteLength: number } {
  const length = cursor.u64(`the length of ${what}`);
  if (length > cursor.remainingInFile()) {
    throw new ConfigError(
      `the GGUF header is not valid: ${what} claims ${describeCount(length)} bytes but only ${cursor.remainingInFile()} bytes of the file are left (the file is cut short or damaged)`,
      what,
    );
  }
  if (length > maximumBytes) {
    throw new ConfigError(`the GGUF header is not valid: ${what} is ${describeCount(length)} bytes long, more than the ${maximumBytes} allowed`, what);
  }
  const raw = cursor.slice(length, what);
  const keepBytes = Math.min(raw.length, keep * 4);
  const text = decoder.decode(raw.subarray(0, keepBytes));
  const truncated = raw.length > keepBytes || text.length > keep;
  return { text: truncated ? text.slice(0, keep) : text, truncated, byteLength: raw.length };
}

function readScalar(cursor: ByteCursor, type: number, what: string): GgufScalar {
  switch (type) {
    case 0:
      return cursor.scalar(1, what, (view, at) => view.getUint8(at));
    case 1:
      return cursor.scalar(1, what, (view, at) => view.getInt8(at));
    case 2:
      return cursor.scalar(2, what, (view, at) => view.getUint16(at, true));
    case 3:
      return cursor.scalar(2, what, (view, at) => view.getInt16(at, true));
    case 4:
      return cursor.scalar(4, what, (view, at) => view.getUint32(at, true));
    case 5:
      return cursor.scalar(4, what, (view, at) => view.getInt32(at, true));
    case 6:
      return cursor.scalar(4, what, (view, at) => view.getFloat32(at, true));
    case 7: {
      const byte = cursor.u8(what);
      if (byte > 1) throw new ConfigError(`the GGUF header is not valid: ${what} is a boolean stored as ${byte} (must be 0 or 1)`, what);
      return byte === 1;
    }
    case 10:
      return cursor.u64Approximate(what);
    case 11:
      return cursor.i64Approximate(what);
    case 12:
      return cursor.scalar(8, what, (view, at) => view.getFloat64(at, true));
    default:
      throw new ConfigError(`the GGUF header is not valid: ${what} has value type ${type}, which GGUF does not define`, what);
  }
}

function readArray(cursor: ByteCursor, key: string, depth: number): GgufArraySummary {
  if (depth > GGUF_LIMITS.arrayDepth) {
    throw new ConfigError(`the GGUF header is not valid: metadata ${key} nests arrays more than ${GGUF_LIMITS.arrayDepth} deep`, key);
  }
  const elementType = cursor.u32(`the element type of metadata ${key}`);
  if (elementType >= VALUE_TYPE_NAMES.length) {
    throw new ConfigError(`the GGUF header is not valid: metadata ${key} is an array of value type ${elementType}, which GGUF does not define`, key);
  }
  const length = cursor.u64(`the length of metadata ${key}`);
  const fixed = VALUE_TYPE_BYTES[elementType] ?? 0;
  const minimum = fixed > 0 ? fixed : elementType === STRING_TYPE ? 8 : 12;
  if (length * minimum > cursor.remainingInFile()) {
    throw new ConfigError(
      `the GGUF header is not valid: metadata ${key} claims ${describeCount(length)} elements of ${typeName(elementType)}, ` +
        `which cannot fit in the ${cursor.remainingInFile()} bytes left in the file (the file is cut short or damaged)`,
      key,
    );
  }
  // The array needs at least this much of the file: ask for it at once rather than element by element.
  const minimumEnd = cursor.position + length * minimum;
  if (minimumEnd > cursor.bytes.length) throw new NeedMoreBytes(minimumEnd);
  const keep = length <= KEPT_ARRAY_VALUES && elementType !== ARRAY_TYPE;
  const values: GgufScalar[] | null = keep ? [] : null;
  if (fixed > 0 && !keep) {
    cursor.skip(length * fixed, `metadata ${key}`);
  } else {
    for (let index = 0; index < length; index += 1) {
      if (elementType === STRING_TYPE) {
        if (values) values.push(readString(cursor, `element ${index} of metadata ${key}`, cursor.fileSize, KEPT_STRING_CHARACTERS).text);
        else index = skipStrings(cursor, key, index, length) - 1;
      } else if (elementType === ARRAY_TYPE) {
        readArray(cursor, key, depth + 1);
      } else if (values) {
        values.push(readScalar(cursor, elementType, `element ${index} of metadata ${key}`));
      }
    }
  }
  return { kind: 'array', elementType: typeName(elementType), length, values };
}

/**
 * Skips the strings `from` … `count − 1` of a long string array (token lists, merges) without
 * decoding them: a tight loop over the length prefixes while they stay inside the prefix read
 * and below 2^32; anything else goes through {@link skipString} for its checks and message.
 * Returns the index after the last string skipped.
 */
function skipStrings(cursor: ByteCursor, key: string, from: number, count: number): number {
  const { view, bytes, fileSize } = cursor;
  const end = Math.min(bytes.length, fileSize);
  let position = cursor.position;
  let index = from;
  while (index < count && position + 8 <= end) {
    const low = view.getUint32(position, true);
    if (view.getUint32(position + 4, true) !== 0 || position + 8 + low > end) break;
    position += 8 + low;
    index += 1;
  }
  cursor.position = position;
  if (index < count) {
    skipString(cursor, key, index);
    index += 1;
  }
  return index;
}

/** Skips one string of a long string array (token lists) without decoding it. */
function skipString(cursor: ByteCursor, key: string, index: number): void {
  const length = cursor.u64(`the length of element ${index} of metadata ${key}`);
  if (length > cursor.remainingInFile()) {
    throw new ConfigError(
      `the GGUF header is not valid: element ${index} of metadata ${key} claims ${describeCount(length)} bytes but only ${cursor.remainingInFile()} bytes of the file are left (the file is cut short or damaged)`,
      key,
    );
  }
  cursor.skip(length, `element ${index} of metadata ${key}`);
}

function readVersion(cursor: ByteCursor): 2 | 3 {
  const version = cursor.u32('the GGUF version');
  if (version === 2 || version === 3) return version;
  if (version === 1) throw new ConfigError('this is a GGUF version 1 file, a 2023 format that llama.cpp no longer reads: convert it again', 'version');
  if (version !== 0 && (version & 0xffff) === 0) {
    throw new ConfigError('this GGUF file is big-endian (its version reads byte-swapped); only little-endian files are supported', 'version');
  }
  throw new ConfigError(`the GGUF version is ${version}; this reader knows versions 2 and 3`, 'version');
}

function readTensorInfo(cursor: ByteCursor, index: number, alignment: number, names: Set<string>): GgufTensorInfo {
  const read = readString(cursor, `the name of tensor #${index}`, GGUF_LIMITS.tensorNameBytes, GGUF_LIMITS.tensorNameBytes);
  const name = read.text;
  if (read.byteLength === 0) throw new ConfigError(`the GGUF header is not valid: tensor #${index} has an empty name`, 'tensor');
  if (read.byteLength > GGUF_LIMITS.tensorNameBytes) {
    throw new ConfigError(`the GGUF header is not valid: the name of tensor #${index} is longer than ${GGUF_LIMITS.tensorNameBytes} bytes`, 'tensor');
  }
  if (names.has(name)) throw new ConfigError(`the GGUF header is not valid: two tensors are named "${name}"`, name);
  names.add(name);
  const dimensions = cursor.u32(`the dimension count of tensor ${name}`);
  if (dimensions > GGUF_LIMITS.dimensions) {
    throw new ConfigError(`the GGUF header is not valid: tensor ${name} has ${describeCount(dimensions)} dimensions; GGUF allows at most ${GGUF_LIMITS.dimensions}`, name);
  }
  const shape: number[] = [];
  let elements = 1;
  for (let axis = 0; axis < dimensions; axis += 1) {
    const size = cursor.u64(`dimension ${axis} of tensor ${name}`);
    elements *= size;
    if (elements > Number.MAX_SAFE_INTEGER) {
      throw new ConfigError(`the GGUF header is not valid: tensor ${name} would hold more than 2^53 elements`, name);
    }
    shape.push(size);
  }
  const typeId = cursor.u32(`the type of tensor ${name}`);
  const type = ggmlType(typeId);
  if (!type) {
    const removed = removedGgmlTypeName(typeId);
    throw new ConfigError(
      removed
        ? `tensor ${name} uses the ggml type ${removed} (id ${typeId}), which ggml removed: re-quantize the file with a current llama.cpp`
        : `the GGUF header is not valid: tensor ${name} has ggml type id ${typeId}, which ggml does not define`,
      name,
    );
  }
  const rowLength = shape[0] ?? 1;
  if (rowLength % type.blockSize !== 0) {
    throw new ConfigError(`the GGUF header is not valid: tensor ${name} has rows of ${rowLength} elements, not a multiple of the ${type.name} block of ${type.blockSize}`, name);
  }
  const offset = cursor.u64(`the data offset of tensor ${name}`);
  if (offset % alignment !== 0) {
    throw new ConfigError(`the GGUF header is not valid: tensor ${name} starts at offset ${offset}, not a multiple of the alignment ${alignment}`, name);
  }
  return { name, type, shape, elements, bytes: ggmlTensorBytes(type, elements), offset };
}

/**
 * Every tensor's data lies inside the file and no two tensors overlap; returns the file's size
 * (the reported one, or the one a 4 GiB-wrapped Blob size stands for: see resolvedFileSize).
 */
function checkTensorData(tensors: readonly GgufTensorInfo[], dataOffset: number, reportedSize: number, alignment: number): number {
  const byOffset = [...tensors].sort((left, right) => left.offset - right.offset || left.bytes - right.bytes);
  let dataEnd = 0;
  let packedEnd = 0;
  for (const tensor of tensors) {
    dataEnd = Math.max(dataEnd, tensor.offset + tensor.bytes);
    packedEnd += Math.ceil(tensor.bytes / alignment) * alignment;
  }
  // A 4 GiB-wrapped size is only believed for data packed without gaps, as every GGUF writer
  // packs it; an offset far past the data (2^40, say) is a damaged or hostile header.
  const fileSize = resolvedFileSize(reportedSize, dataOffset + dataEnd, dataEnd <= packedEnd ? alignment : -1, dataOffset);
  let previous: GgufTensorInfo | null = null;
  for (const tensor of byOffset) {
    const end = dataOffset + tensor.offset + tensor.bytes;
    if (end > fileSize) {
      throw new ConfigError(
        `tensor ${tensor.name} (${describeBytes(tensor.bytes)}) ends at byte ${end}, past the end of the file at ${fileSize}: ` +
          `the file is truncated (an incomplete download?) or its offsets are wrong`,
        tensor.name,
      );
    }
    if (previous && tensor.offset < previous.offset + previous.bytes && tensor.bytes > 0 && previous.bytes > 0) {
      throw new ConfigError(`the GGUF header is not valid: the data of tensors ${previous.name} and ${tensor.name} overlap`, tensor.name);
    }
    if (tensor.bytes > 0) previous = tensor;
  }
  return fileSize;
}

/**
 * Parses a GGUF header from `bytes`, a prefix of a file of `fileSize` bytes.
 * Throws {@link ConfigError} for anything that is not a valid little-endian GGUF v2/v3 header
 * whose tensors lie inside the file, and NeedMoreBytes when the prefix is too short.
 * Units: bytes, elements. Source: see the module comment.
 */
export function parseGguf(bytes: Uint8Array, fileSize: number): ParsedGguf {
  const cursor = new ByteCursor(bytes, fileSize, 'GGUF header');
  cursor.ensure(4, 'the GGUF magic');
  if (!hasGgufMagic(bytes)) throw new ConfigError('the file does not start with the GGUF magic bytes', 'magic');
  cursor.position = 4;
  const version = readVersion(cursor);
  const tensorCount = cursor.u64('the tensor count');
  const keyCount = cursor.u64('the metadata key count');
  if (tensorCount > GGUF_LIMITS.tensors) {
    throw new ConfigError(`the GGUF header is not valid: it claims ${describeCount(tensorCount)} tensors (the largest models have a few thousand)`, 'tensor_count');
  }
  if (keyCount > GGUF_LIMITS.keys) {
    throw new ConfigError(`the GGUF header is not valid: it claims ${describeCount(keyCount)} metadata keys`, 'metadata_kv_count');
  }
  if (tensorCount * MINIMUM_TENSOR_INFO_BYTES + keyCount * MINIMUM_KV_BYTES > cursor.remainingInFile()) {
    throw new ConfigError(
      `the GGUF header is not valid: ${describeCount(tensorCount)} tensors and ${describeCount(keyCount)} metadata keys cannot fit in a file of ${fileSize} bytes`,
      'tensor_count',
    );
  }

  const metadata: Record<string, GgufValue> = {};
  const truncatedKeys: string[] = [];
  let alignment = GGUF_DEFAULT_ALIGNMENT;
  for (let index = 0; index < keyCount; index += 1) {
    const key = readString(cursor, `metadata key #${index}`, GGUF_LIMITS.keyBytes, GGUF_LIMITS.keyBytes).text;
    if (key.length === 0) throw new ConfigError(`the GGUF header is not valid: metadata key #${index} is empty`, 'metadata');
    if (Object.prototype.hasOwnProperty.call(metadata, key)) throw new ConfigError(`the GGUF header is not valid: metadata key ${key} appears twice`, key);
    const type = cursor.u32(`the value type of metadata ${key}`);
    let value: GgufValue;
    if (type === STRING_TYPE) {
      const read = readString(cursor, `the value of metadata ${key}`, cursor.fileSize, KEPT_STRING_CHARACTERS);
      if (read.truncated) truncatedKeys.push(key);
      value = read.text;
    } else if (type === ARRAY_TYPE) {
      value = readArray(cursor, key, 1);
    } else {
      value = readScalar(cursor, type, `the value of metadata ${key}`);
    }
    if (key === 'general.alignment') {
      if (type !== UINT32_TYPE || typeof value !== 'number' || !isPowerOfTwo(value)) {
        throw new ConfigError(`the GGUF header is not valid: general.alignment must be a uint32 power of two, got ${typeof value === 'number' ? value : typeName(type)}`, key);
      }
      alignment = value;
    }
    Object.defineProperty(metadata, key, { value, enumerable: true, writable: true, configurable: true });
  }

  const names = new Set<string>();
  const tensors: GgufTensorInfo[] = [];
  for (let index = 0; index < tensorCount; index += 1) tensors.push(readTensorInfo(cursor, index, alignment, names));
  const dataOffset = tensorCount > 0 ? Math.ceil(cursor.position / alignment) * alignment : cursor.position;
  if (tensorCount > 0 && dataOffset > fileSize) {
    throw new ConfigError(`the GGUF file is cut short: its data section would start at byte ${dataOffset}, after the end of the file at ${fileSize}`, 'data');
  }
  const size = checkTensorData(tensors, dataOffset, fileSize, alignment);
  return { version, alignment, dataOffset, metadata, truncatedKeys, tensors, fileSize: size };
}
