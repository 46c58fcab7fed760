/**
 * Hostile, broken and foreign files: each must throw ConfigError with a sentence saying what is
 * wrong, in well under a second, reading no more than the bounded header. (Tried by the issue:
 * a small parser accepted a file whose data was cut short and took seconds on an absurd string
 * length.) Cases follow docs/gguf.md, ggml's gguf.cpp checks and the safetensors README.
 */
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors';
import { readModelFile } from '../../src/core/model-file';
import { ByteWriter, GGML, buildGguf, writeKv, writeSparseFile, type KvValue } from '../fixtures/gguf-writer';
import { buildSafetensors, frameHeader } from '../fixtures/safetensors-writer';
import { llama31_8bQ4KmMetadata, llama31_8bQ4KmTensors } from '../fixtures/model-files';

let directory = '';
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'model-file-hostile-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Blob that records the largest read. */
class RecordingBlob extends Blob {
  largestRead = 0;
  private readonly inner: Blob;
  private readonly trueSize: number;
  constructor(inner: Blob, trueSize = inner.size) {
    super([]);
    this.inner = inner;
    this.trueSize = trueSize;
  }
  override get size(): number {
    return this.trueSize;
  }
  override slice(start = 0, end = this.trueSize): Blob {
    this.largestRead = Math.max(this.largestRead, end - start);
    return this.inner.slice(start, end);
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    this.largestRead = Math.max(this.largestRead, this.trueSize);
    return this.inner.arrayBuffer();
  }
}

/** Reads `blob`, expecting ConfigError matching `pattern` within a second; returns the blob's largest read. */
async function rejects(blob: Blob, pattern: RegExp): Promise<number> {
  const recording = blob instanceof RecordingBlob ? blob : new RecordingBlob(blob);
  const start = performance.now();
  const error = await readModelFile(recording).then(
    () => null,
    (caught: unknown) => caught,
  );
  const milliseconds = performance.now() - start;
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as Error).message).toMatch(pattern);
  expect(milliseconds).toBeLessThan(1000);
  return recording.largestRead;
}

function bytesBlob(...parts: Uint8Array[]): Blob {
  return new Blob(parts.map((part) => new Uint8Array(part)));
}

/** A GGUF prefix: magic, version, tensor count, key count. */
function ggufStart(tensors: number | bigint, keys: number | bigint, version = 3): ByteWriter {
  return new ByteWriter().bytes(new Uint8Array([0x47, 0x47, 0x55, 0x46])).u32(version).u64(tensors).u64(keys);
}

/** One tensor info: name, dims, type, offset. */
function tensorInfo(writer: ByteWriter, name: string, shape: (number | bigint)[], type: number, offset: number | bigint): ByteWriter {
  writer.string(name).u32(shape.length);
  for (const size of shape) writer.u64(size);
  return writer.u32(type).u64(offset);
}

/** A valid one-tensor GGUF (F32 [8, 4], 128 bytes of data), to be broken one field at a time. */
function oneTensor(options: { kv?: [string, KvValue][]; shape?: (number | bigint)[]; type?: number; offset?: number | bigint; name?: string } = {}): Uint8Array {
  const kv = options.kv ?? [];
  const writer = ggufStart(1, kv.length);
  for (const [key, value] of kv) writeKv(writer, key, value);
  tensorInfo(writer, options.name ?? 'token_embd.weight', options.shape ?? [8, 4], options.type ?? GGML.F32, options.offset ?? 0);
  return writer.pad(32).bytes(new Uint8Array(128)).result();
}

describe('files that are not model files', () => {
  it('an empty file', async () => {
    await rejects(new Blob([]), /empty \(0 bytes\)/);
  });
  it('a PNG renamed to .gguf', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await rejects(bytesBlob(png, new Uint8Array(2000)), /PNG image, not a model file/);
  });
  it('a PyTorch .bin (a ZIP archive)', async () => {
    await rejects(bytesBlob(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), new Uint8Array(100)), /ZIP archive/);
  });
  it('random bytes', async () => {
    await rejects(bytesBlob(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])), /not a GGUF, safetensors or safetensors-index file/);
  });
  it('files that hold no tensors: a vocabulary-only GGUF, an empty safetensors header, an empty weight_map', async () => {
    const vocabulary = ggufStart(0, 1);
    writeKv(vocabulary, 'tokenizer.ggml.model', { type: 'string', value: 'gpt2' });
    await rejects(bytesBlob(vocabulary.result()), /holds no tensors/);
    await rejects(bytesBlob(frameHeader('{"__metadata__":{"format":"pt"}}')), /holds no tensors/);
    await rejects(new Blob(['{"metadata": {"total_size": 0}, "weight_map": {}}']), /weight_map is empty/);
  });
  it('a file of three bytes that starts like GGUF, and one of exactly the magic', async () => {
    await rejects(bytesBlob(new Uint8Array([0x47, 0x47, 0x55])), /cut short/);
    await rejects(bytesBlob(new Uint8Array([0x47, 0x47, 0x55, 0x46])), /cut short/);
  });
});

describe('GGUF: truncated files', () => {
  it('a header cut in the middle of the tokenizer', async () => {
    const build = buildGguf({ kv: llama31_8bQ4KmMetadata(), tensors: llama31_8bQ4KmTensors() });
    await rejects(bytesBlob(build.header.subarray(0, 300_000)), /cut short/);
  });
  it('a whole header whose tensor data is cut short (half a download of an 8B model)', async () => {
    const build = buildGguf({ kv: llama31_8bQ4KmMetadata(), tensors: llama31_8bQ4KmTensors() });
    const path = join(directory, 'half.gguf');
    writeSparseFile(path, build.header, Math.floor(build.fileSize / 2));
    await rejects(await openAsBlob(path), /past the end of the file .*truncated/);
  });
  it('a tensor whose offset points past the end of the file', async () => {
    await rejects(bytesBlob(oneTensor({ offset: 2 ** 40 })), /past the end of the file/);
  });
});

describe('GGUF: absurd counts and lengths', () => {
  it('a tensor count of 2^62', async () => {
    await rejects(bytesBlob(ggufStart(2n ** 62n, 0).result(), new Uint8Array(64)), /tensor count is 4\.61e\+18/);
  });
  it('a metadata key count of 2^62', async () => {
    await rejects(bytesBlob(ggufStart(0, 2n ** 62n).result(), new Uint8Array(64)), /metadata key count is 4\.61e\+18/);
  });
  it('ten million tensors, and a hundred thousand in a 1 kB file', async () => {
    await rejects(bytesBlob(ggufStart(10_000_000, 0).result(), new Uint8Array(64)), /10000000 tensors/);
    await rejects(bytesBlob(ggufStart(100_000, 0).result(), new Uint8Array(1000)), /cannot fit in a file/);
  });
  it('a key length of 2^62 and of 2^50 (below 2^53: must not be trusted either)', async () => {
    await rejects(bytesBlob(ggufStart(0, 1).u64(2n ** 62n).result(), new Uint8Array(64)), /length of metadata key #0 is 4\.61e\+18/);
    await rejects(bytesBlob(ggufStart(0, 1).u64(2 ** 50).result(), new Uint8Array(64)), /claims 1\.13e\+15 bytes but only/);
  });
  it('a string value longer than the file', async () => {
    const header = ggufStart(0, 1).string('general.name').u32(8).u64(2 ** 40).result();
    await rejects(bytesBlob(header, new Uint8Array(2000)), /value of metadata general\.name claims .* bytes but only/);
  });
  it('a 300 MB string inside a 40 GB file: refused at the 256 MiB bound without reading it', async () => {
    const header = ggufStart(0, 1).string('tokenizer.huggingface.json').u32(8).u64(300_000_000).result();
    const path = join(directory, 'huge-string.gguf');
    writeSparseFile(path, header, 40e9);
    const largest = await rejects(new RecordingBlob(await openAsBlob(path), 40e9), /larger than 268\.4 MB, the most this reader accepts/);
    expect(largest).toBeLessThanOrEqual(1024 * 1024);
  });
  it('arrays that claim more elements than the file holds (2^52 bytes, 2^40 strings)', async () => {
    const bytesArray = ggufStart(0, 1).string('a.b').u32(9).u32(0).u64(2 ** 52).result();
    await rejects(bytesBlob(bytesArray, new Uint8Array(100)), /claims 4\.50e\+15 elements of uint8/);
    const strings = ggufStart(0, 1).string('tokenizer.ggml.tokens').u32(9).u32(8).u64(2 ** 40).result();
    await rejects(bytesBlob(strings, new Uint8Array(100)), /1099511627776 elements of string/);
  });
  it('an array element string longer than the file', async () => {
    const header = ggufStart(0, 1).string('tokenizer.ggml.tokens').u32(9).u32(8).u64(3).string('a').u64(2 ** 45).result();
    await rejects(bytesBlob(header, new Uint8Array(100)), /element 1 of metadata tokenizer\.ggml\.tokens claims/);
  });
  it('arrays nested nine deep', async () => {
    const writer = ggufStart(0, 1).string('a.nested').u32(9);
    for (let depth = 0; depth < 9; depth += 1) writer.u32(9).u64(1);
    await rejects(bytesBlob(writer.result(), new Uint8Array(200)), /nests arrays more than 8 deep/);
  });
});

describe('GGUF: invalid values', () => {
  it('an unknown value type, and an array of one', async () => {
    await rejects(bytesBlob(ggufStart(0, 1).string('a.b').u32(13).result(), new Uint8Array(16)), /value type 13/);
    await rejects(bytesBlob(ggufStart(0, 1).string('a.b').u32(9).u32(13).u64(1).result(), new Uint8Array(16)), /array of value type 13/);
  });
  it('a boolean stored as 2', async () => {
    await rejects(bytesBlob(ggufStart(0, 1).string('a.flag').u32(7).u8(2).result(), new Uint8Array(16)), /boolean stored as 2/);
  });
  it('a key that appears twice, and an empty key', async () => {
    const twice = ggufStart(0, 2);
    writeKv(twice, 'general.name', { type: 'string', value: 'x' });
    writeKv(twice, 'general.name', { type: 'string', value: 'y' });
    await rejects(bytesBlob(twice.result()), /general\.name appears twice/);
    await rejects(bytesBlob(ggufStart(0, 1).string('').u32(4).u32(1).result()), /key #0 is empty/);
  });
  it('an alignment that is not a power of two, or not a uint32', async () => {
    await rejects(bytesBlob(oneTensor({ kv: [['general.alignment', { type: 'uint32', value: 48 }]] })), /general\.alignment must be a uint32 power of two, got 48/);
    await rejects(bytesBlob(oneTensor({ kv: [['general.alignment', { type: 'uint64', value: 32 }]] })), /general\.alignment must be a uint32 power of two/);
    await rejects(bytesBlob(oneTensor({ kv: [['general.alignment', { type: 'uint32', value: 0 }]] })), /power of two, got 0/);
  });
  it('version 1, version 4 and a byte-swapped (big-endian) file', async () => {
    await rejects(bytesBlob(ggufStart(0, 0, 1).result()), /version 1 file/);
    await rejects(bytesBlob(ggufStart(0, 0, 4).result()), /version is 4/);
    await rejects(bytesBlob(ggufStart(0, 0, 0x03000000).result()), /big-endian/);
  });
});

describe('GGUF: invalid tensor infos', () => {
  it('five dimensions', async () => {
    await rejects(bytesBlob(oneTensor({ shape: [2, 2, 2, 2, 2] })), /5 dimensions; GGUF allows at most 4/);
  });
  it('a dimension of 2^62, and dimensions whose product passes 2^53', async () => {
    await rejects(bytesBlob(oneTensor({ shape: [2n ** 62n] })), /dimension 0 of tensor token_embd\.weight is 4\.61e\+18/);
    await rejects(bytesBlob(oneTensor({ shape: [2 ** 30, 2 ** 30] })), /more than 2\^53 elements/);
  });
  it('an unknown ggml type id, and a removed one', async () => {
    await rejects(bytesBlob(oneTensor({ type: 99 })), /ggml type id 99, which ggml does not define/);
    await rejects(bytesBlob(oneTensor({ type: 31, shape: [32, 4] })), /Q4_0_4_4 \(id 31\), which ggml removed/);
  });
  it('rows that are not whole blocks', async () => {
    await rejects(bytesBlob(oneTensor({ type: GGML.Q4_K, shape: [100, 4] })), /rows of 100 elements, not a multiple of the Q4_K block of 256/);
  });
  it('an offset that is not aligned', async () => {
    await rejects(bytesBlob(oneTensor({ offset: 7 })), /offset 7, not a multiple of the alignment 32/);
  });
  it('two tensors whose data overlap', async () => {
    const writer = ggufStart(2, 0);
    tensorInfo(writer, 'a.weight', [8, 4], GGML.F32, 0);
    tensorInfo(writer, 'b.weight', [8, 4], GGML.F32, 64);
    await rejects(bytesBlob(writer.pad(32).bytes(new Uint8Array(256)).result()), /a\.weight and b\.weight overlap/);
  });
  it('two tensors with one name, a name longer than 63 bytes, an empty name', async () => {
    const writer = ggufStart(2, 0);
    tensorInfo(writer, 'a.weight', [8], GGML.F32, 0);
    tensorInfo(writer, 'a.weight', [8], GGML.F32, 32);
    await rejects(bytesBlob(writer.pad(32).bytes(new Uint8Array(64)).result()), /two tensors are named "a\.weight"/);
    await rejects(bytesBlob(oneTensor({ name: 'x'.repeat(64) })), /64 bytes long, more than the 63 allowed/);
    await rejects(bytesBlob(oneTensor({ name: '' })), /empty name/);
  });
});

describe('safetensors: hostile headers', () => {
  const framed = (json: string, dataBytes: number) => bytesBlob(frameHeader(json), new Uint8Array(dataBytes));
  const lengthThen = (length: bigint, rest: string) => {
    const prefix = new ByteWriter().u64(length).result();
    return bytesBlob(prefix, new TextEncoder().encode(rest));
  };

  it('a header length of 2^62, one longer than the file, and 0', async () => {
    await rejects(lengthThen(2n ** 62n, '{"a":1}'), /claims 4\.61e\+18 bytes, more than the format's limit of 100\.0 MB/);
    await rejects(lengthThen(5000n, '{"a":1}'), /claims 5000 bytes but the file has only 15 bytes/);
    await rejects(lengthThen(0n, '{}'), /header is empty/);
  });
  it('a 150 MB header inside a 10 GB file: refused by the 100 MB limit without reading it', async () => {
    const path = join(directory, 'big-header.safetensors');
    writeSparseFile(path, new Uint8Array([...new ByteWriter().u64(150_000_000).result(), 0x7b]), 10e9);
    const largest = await rejects(new RecordingBlob(await openAsBlob(path), 10e9), /limit of 100\.0 MB/);
    expect(largest).toBeLessThanOrEqual(16);
  });
  it('JSON that does not parse, that is not UTF-8, or whose __metadata__ is not strings', async () => {
    await rejects(framed('{"a": [1, 2', 0), /not valid JSON/);
    const invalid = frameHeader('{"a":"xx"}');
    invalid[13] = 0xff;
    await rejects(bytesBlob(invalid), /not valid UTF-8/);
    await rejects(framed('{"__metadata__":{"format":1}}', 0), /__metadata__ must map strings to strings/);
  });
  it('an unknown dtype, a bad shape, 2^53 elements', async () => {
    await rejects(framed('{"w":{"dtype":"Q9","shape":[2],"data_offsets":[0,2]}}', 2), /dtype "Q9", which safetensors does not define/);
    await rejects(framed('{"w":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}', 8), /shape that is not a list of whole numbers/);
    await rejects(framed('{"w":{"dtype":"F32","shape":[1073741824,1073741824,1073741824],"data_offsets":[0,8]}}', 8), /more than 2\^53 elements/);
  });
  it('offsets that disagree with shape × dtype, a hole, an overlap', async () => {
    await rejects(framed('{"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,8]}}', 8), /= 16 bytes, but its data_offsets span 8 bytes/);
    await rejects(framed('{"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},"b":{"dtype":"U8","shape":[4],"data_offsets":[8,12]}}', 12), /hole before tensor b/);
    await rejects(framed('{"a":{"dtype":"U8","shape":[8],"data_offsets":[0,8]},"b":{"dtype":"U8","shape":[4],"data_offsets":[4,8]}}', 8), /overlaps/);
    await rejects(framed('{"a":{"dtype":"U8","shape":[4],"data_offsets":[4,0]}}', 4), /begin ≤ end/);
  });
  it('a header whose data (exactly 4 GiB, 1 TiB) is missing altogether: not mistaken for a 4 GiB-wrapped Blob size', async () => {
    await rejects(framed('{"w":{"dtype":"U8","shape":[4294967296],"data_offsets":[0,4294967296]}}', 0), /past the end of the file/);
    await rejects(framed('{"w":{"dtype":"U8","shape":[1099511627776],"data_offsets":[0,1099511627776]}}', 0), /past the end of the file/);
    await rejects(bytesBlob(oneTensor({ shape: [2 ** 30], type: GGML.F32 }).subarray(0, 96)), /past the end of the file/);
  });
  it('tensor data cut short (half a download of Llama-3.2-1B)', async () => {
    const build = buildSafetensors([{ name: 'model.embed_tokens.weight', dtype: 'BF16', shape: [128256, 2048] }]);
    const path = join(directory, 'half.safetensors');
    writeSparseFile(path, build.header, Math.floor(build.fileSize / 2));
    await rejects(await openAsBlob(path), /past the end of the file .*truncated/);
  });
});

describe('safetensors index files that are not', () => {
  it('JSON without weight_map or total_size, malformed JSON, a non-string shard', async () => {
    await rejects(new Blob(['{"model_type": "llama"}']), /no "weight_map" object/);
    await rejects(new Blob(['{"weight_map": {"a": "x.safetensors"}}']), /no metadata\.total_size/);
    await rejects(new Blob(['{"weight_map": {']), /not valid JSON/);
    await rejects(new Blob(['{"metadata": {"total_size": 8}, "weight_map": {"a": 3}}']), /weight_map\["a"\] is not a file name/);
  });
  it('a 100 MB "index" is refused without reading it', async () => {
    const path = join(directory, 'huge.index.json');
    writeSparseFile(path, new TextEncoder().encode('{"weight_map": {'), 100e6);
    const largest = await rejects(new RecordingBlob(await openAsBlob(path), 100e6), /too large for a model\.safetensors\.index\.json/);
    expect(largest).toBeLessThanOrEqual(16);
  });
});

describe('fuzz: damaged headers never crash', () => {
  const valid = buildGguf({
    kv: [
      ['general.architecture', { type: 'string', value: 'llama' }],
      ['llama.block_count', { type: 'uint32', value: 1 }],
      ['tokenizer.ggml.tokens', { type: 'array', elementType: 'string', values: ['a', 'bb', 'ccc'] }],
    ],
    tensors: [
      { name: 'token_embd.weight', shape: [32, 3], type: GGML.Q8_0 },
      { name: 'blk.0.attn_norm.weight', shape: [32], type: GGML.F32 },
    ],
  });
  const file = new Uint8Array(valid.fileSize);
  file.set(valid.header);

  it('any byte of a valid GGUF header changed: the result is a model file or a ConfigError, fast', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: valid.header.length - 1 }), fc.integer({ min: 0, max: 255 }), async (position, value) => {
        const damaged = file.slice();
        damaged[position] = value;
        const start = performance.now();
        const outcome = await readModelFile(new Blob([damaged])).then(
          (read) => read.format,
          (error: unknown) => (error instanceof ConfigError ? 'ConfigError' : String(error)),
        );
        expect(['gguf', 'ConfigError']).toContain(outcome);
        expect(performance.now() - start).toBeLessThan(1000);
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes after the magic: always a ConfigError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 400 }), async (tail) => {
        const outcome = await readModelFile(new Blob([new Uint8Array([0x47, 0x47, 0x55, 0x46]), tail])).then(
          (read) => read.format,
          (error: unknown) => (error instanceof ConfigError ? 'ConfigError' : String(error)),
        );
        expect(['gguf', 'ConfigError']).toContain(outcome);
      }),
      { numRuns: 300 },
    );
  });
});
