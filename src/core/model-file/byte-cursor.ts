/**
 * Bounded little-endian reading of a file header held in a prefix of the file.
 *
 * The header is parsed from a prefix `bytes` of a file of `fileSize` bytes. A read that would
 * pass the end of the file is a truncated or hostile file ({@link ConfigError}); a read that
 * stays inside the file but passes the prefix raises {@link NeedMoreBytes}, and
 * {@link parseGrowingPrefix} re-reads a longer prefix (never longer than its bound) and parses
 * again. Nothing is allocated from a length field before it has been checked against what the
 * file and the bound can hold.
 */
import { ConfigError } from '../errors';

/** Raised (never escapes readModelFile) when the parse needs more of the file than was read. */
export class NeedMoreBytes {
  readonly needed: number;
  constructor(needed: number) {
    this.needed = needed;
  }
}

const TWO_POW_32 = 2 ** 32;
/** High 32-bit word at or above which a u64 exceeds 2^53 and doubles lose whole numbers. */
const SAFE_HIGH_WORD = 2 ** 21;

/** "4.61e+18" for huge values, plain digits otherwise. */
export function describeCount(value: number): string {
  return value >= 1e15 ? value.toExponential(2) : String(value);
}

/** How many bytes, in words (`12.4 MB`). */
export function describeBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

/**
 * The file's true size when a Blob reports it modulo 2^32: Node 20's `fs.openAsBlob` returns a
 * Blob whose `size` wraps at 4 GiB (a 4.9 GB file reports 624 MB), while browsers report File
 * sizes correctly. When the header says the data ends at `requiredEnd` and the reported size
 * plus a whole number of 2^32 lands within `slack` bytes after it (the padding a GGUF writer adds
 * after the last tensor; 0 for safetensors), that sum is the size; otherwise the reported size
 * stands and a too-short file is a truncated one. A truncated download that misses exactly a
 * multiple of 4 GiB (to the byte, and with some data present) would be taken for whole; no
 * other truncation is. A negative `slack` turns the correction off, and so does a reported size
 * that ends before the data starts (`dataStart`).
 * Units: bytes.
 */
export function resolvedFileSize(reported: number, requiredEnd: number, slack: number, dataStart: number): number {
  if (requiredEnd <= reported) return reported;
  // A file that reports no data at all is a header whose data is missing, not a wrapped size.
  if (reported <= dataStart) return reported;
  const wraps = Math.ceil((requiredEnd - reported) / TWO_POW_32);
  const candidate = reported + wraps * TWO_POW_32;
  return candidate - requiredEnd <= slack ? candidate : reported;
}

export class ByteCursor {
  readonly bytes: Uint8Array;
  readonly fileSize: number;
  /** What the file is, for messages ("GGUF header"). */
  readonly label: string;
  position = 0;
  readonly view: DataView;

  constructor(bytes: Uint8Array, fileSize: number, label: string) {
    this.bytes = bytes;
    this.fileSize = fileSize;
    this.label = label;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Bytes of the file after the current position. */
  remainingInFile(): number {
    return this.fileSize - this.position;
  }

  /** Checks that `count` bytes at the current position exist in the file and in the prefix. */
  ensure(count: number, what: string): void {
    const end = this.position + count;
    if (end > this.fileSize) {
      throw new ConfigError(
        `the ${this.label} is cut short: ${what} needs ${describeCount(count)} bytes at offset ${this.position}, ` +
          `but the file ends at ${this.fileSize} bytes (a truncated or damaged file)`,
        what,
      );
    }
    if (end > this.bytes.length) throw new NeedMoreBytes(end);
  }

  skip(count: number, what: string): void {
    this.ensure(count, what);
    this.position += count;
  }

  u8(what: string): number {
    this.ensure(1, what);
    const value = this.view.getUint8(this.position);
    this.position += 1;
    return value;
  }

  u32(what: string): number {
    this.ensure(4, what);
    const value = this.view.getUint32(this.position, true);
    this.position += 4;
    return value;
  }

  /** An unsigned 64-bit count; throws when it exceeds 2^53 (no model needs such a count). */
  u64(what: string): number {
    this.ensure(8, what);
    const low = this.view.getUint32(this.position, true);
    const high = this.view.getUint32(this.position + 4, true);
    this.position += 8;
    const value = high * TWO_POW_32 + low;
    if (high >= SAFE_HIGH_WORD) {
      throw new ConfigError(`the ${this.label} is not valid: ${what} is ${describeCount(value)}, more than any real file can hold`, what);
    }
    return value;
  }

  /** A signed 64-bit value as a double (metadata only; may round beyond 2^53). */
  i64Approximate(what: string): number {
    this.ensure(8, what);
    const value = Number(this.view.getBigInt64(this.position, true));
    this.position += 8;
    return value;
  }

  /** An unsigned 64-bit value as a double (metadata only; may round beyond 2^53). */
  u64Approximate(what: string): number {
    this.ensure(8, what);
    const value = Number(this.view.getBigUint64(this.position, true));
    this.position += 8;
    return value;
  }

  /** Reads a scalar of `size` bytes with `read`, after the bounds check. */
  scalar(size: number, what: string, read: (view: DataView, offset: number) => number): number {
    this.ensure(size, what);
    const value = read(this.view, this.position);
    this.position += size;
    return value;
  }

  /** `count` raw bytes as a view into the prefix (no copy). */
  slice(count: number, what: string): Uint8Array {
    this.ensure(count, what);
    const view = this.bytes.subarray(this.position, this.position + count);
    this.position += count;
    return view;
  }
}

export interface GrowingPrefixOptions {
  /** First prefix length to read. */
  initialBytes: number;
  /** The most the header may take; a header that needs more is rejected. */
  maximumBytes: number;
  /** What the file is, for the message when the bound is passed ("GGUF header"). */
  label: string;
}

/**
 * Parses a header from growing prefixes of `file`: reads `initialBytes` (or the whole file if
 * smaller), parses, and on {@link NeedMoreBytes} extends the prefix to twice its length (or a
 * quarter more than the parse asked for, whichever is more), reading only the new part, never
 * past `maximumBytes` nor the file's size. A header that needs more than `maximumBytes` throws
 * {@link ConfigError}. Units: bytes. Reads with `Blob.slice`, so only the prefix is ever loaded.
 */
export async function parseGrowingPrefix<T>(
  file: Blob,
  options: GrowingPrefixOptions,
  parse: (bytes: Uint8Array, fileSize: number) => T,
): Promise<T> {
  const fileSize = file.size;
  let bytes = new Uint8Array(await file.slice(0, Math.min(fileSize, options.initialBytes, options.maximumBytes)).arrayBuffer());
  for (;;) {
    try {
      return parse(bytes, fileSize);
    } catch (signal) {
      if (!(signal instanceof NeedMoreBytes)) throw signal;
      if (signal.needed > options.maximumBytes || bytes.length >= options.maximumBytes) {
        throw new ConfigError(
          `the ${options.label} is larger than ${describeBytes(options.maximumBytes)}, the most this reader accepts ` +
            `(it asks for ${describeBytes(signal.needed)}): not a model file this explorer can open`,
          null,
        );
      }
      const length = Math.min(fileSize, options.maximumBytes, Math.max(Math.ceil(signal.needed * 1.25), bytes.length * 2));
      const extension = new Uint8Array(await file.slice(bytes.length, length).arrayBuffer());
      if (extension.length === 0) {
        throw new ConfigError(`the ${options.label} could not be read past byte ${bytes.length} (the file reports ${fileSize} bytes)`, null);
      }
      const grown = new Uint8Array(bytes.length + extension.length);
      grown.set(bytes);
      grown.set(extension, bytes.length);
      bytes = grown;
    }
  }
}
