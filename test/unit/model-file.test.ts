/**
 * readModelFile on real-size files of real models: sparse files written with the tensor lists
 * llama.cpp and safetensors write (test/fixtures/model-files.ts), read through Node's
 * fs.openAsBlob like a browser File. Figures compared are published ones (quoted in the fixture).
 */
import { mkdtempSync, openAsBlob, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GGML_TYPES,
  architectureForModelFile,
  bytesByTensorKind,
  bytesByTensorType,
  ggmlBitsPerWeight,
  readModelFile,
  tensorKind,
  type ModelFile,
} from '../../src/core/model-file';
import { countParameters } from '../../src/core/params';
import { PRECISIONS } from '../../src/data/precisions';
import { buildGguf, writeSparseFile, GGML, type KvValue, type TensorSpec } from '../fixtures/gguf-writer';
import { buildSafetensors } from '../fixtures/safetensors-writer';
import {
  LLAMA_31_70B_Q4_K_M,
  LLAMA_31_8B_Q4_K_M,
  LLAMA_32_1B_SAFETENSORS,
  QWEN3_30B_A3B_Q4_0,
  llama31_70bQ4KmMetadata,
  llama31_70bQ4KmTensors,
  llama31_8bQ4KmMetadata,
  llama31_8bQ4KmTensors,
  llama32_1bSafetensors,
  qwen3_30bA3bQ40Metadata,
  qwen3_30bA3bQ40Tensors,
} from '../fixtures/model-files';
import { LLAMA_3_2_1B, QWEN3_30B_A3B } from '../fixtures/hf-configs';

const GiB = 2 ** 30;
let directory = '';

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'model-file-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Writes a real-size sparse GGUF and returns its path and expected size. */
function sparseGguf(name: string, kv: [string, KvValue][], tensors: TensorSpec[], version = 3): { path: string; size: number; tensorBytes: number[] } {
  const build = buildGguf({ kv, tensors, version });
  const path = join(directory, name);
  writeSparseFile(path, build.header, build.fileSize);
  return { path, size: build.fileSize, tensorBytes: build.tensorBytes };
}

/** Blob that records every read, to prove only the header is read. */
class RecordingBlob extends Blob {
  readonly reads: number[] = [];
  private readonly inner: Blob;
  private readonly trueSize: number;
  constructor(inner: Blob, trueSize: number) {
    super([]);
    this.inner = inner;
    this.trueSize = trueSize;
  }
  override get size(): number {
    return this.trueSize;
  }
  override slice(start?: number, end?: number): Blob {
    this.reads.push((end ?? this.trueSize) - (start ?? 0));
    return this.inner.slice(start, end);
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    this.reads.push(this.trueSize);
    return this.inner.arrayBuffer();
  }
}

async function timedRead(path: string): Promise<{ file: ModelFile; milliseconds: number }> {
  const blob = await openAsBlob(path);
  const start = performance.now();
  const file = await readModelFile(blob);
  return { file, milliseconds: performance.now() - start };
}

function typeCounts(file: ModelFile): Record<string, number> {
  return Object.fromEntries(bytesByTensorType(file).map((row) => [row.key, row.tensors]));
}

describe('GGUF: Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf (4.9 GB, sparse)', () => {
  let file: ModelFile;
  let written: { path: string; size: number; tensorBytes: number[] };
  let milliseconds = 0;
  beforeAll(async () => {
    written = sparseGguf(LLAMA_31_8B_Q4_K_M.file, llama31_8bQ4KmMetadata(), llama31_8bQ4KmTensors());
    ({ file, milliseconds } = await timedRead(written.path));
  }, 60_000);

  it('counts every parameter the file stores: 8,030,261,248 + 64 rope_freqs', () => {
    expect(file.parameterCount).toBe(LLAMA_31_8B_Q4_K_M.parameters.value);
    expect(file.parameterCountExact).toBe(true);
    expect(file.tensors).toHaveLength(LLAMA_31_8B_Q4_K_M.tensorCount.value);
  });

  it('has the published mix of types (f32 66, q4_K 193, q6_K 33)', () => {
    expect(typeCounts(file)).toEqual(LLAMA_31_8B_Q4_K_M.typeCounts.value);
  });

  it('has the published size, 4.58 GiB at 4.89 bits per weight, from per-tensor block sizes', () => {
    expect((file.weightBytes / GiB).toFixed(2)).toBe(LLAMA_31_8B_Q4_K_M.sizeGiB.value.toFixed(2));
    expect(file.bitsPerWeight.toFixed(2)).toBe(LLAMA_31_8B_Q4_K_M.bitsPerWeight.value.toFixed(2));
    // and to the byte, against the fixture writer's own block table
    expect(file.weightBytes).toBe(written.tensorBytes.reduce((sum, bytes) => sum + bytes, 0));
  });

  it('reads the architecture from the metadata, exactly (it counts what the tensors hold)', () => {
    expect(file.archNote).toBeNull();
    expect(file.arch).toMatchObject({ family: 'llama', approximate: false, hidden: 4096, layers: 32, heads: 32, kvHeads: 8, headDim: 128, ffn: 14336, vocab: 128256, contextLength: 131072 });
    expect(file.arch?.details.tiedEmbeddings).toBe(false);
    expect(countParameters(file.arch!).total).toBe(8_030_261_248);
  });

  it('knows the true size of a file above 4 GiB when the Blob reports it modulo 2^32 (Node 20 fs.openAsBlob does)', async () => {
    expect(statSync(written.path).size).toBe(written.size);
    expect(file.fileBytes).toBe(written.size);
    const wrapped = new RecordingBlob(await openAsBlob(written.path), written.size % 2 ** 32);
    expect((await readModelFile(wrapped)).fileBytes).toBe(written.size);
  });

  it('keeps metadata scalars and short arrays, summarises the 128,256-token vocabulary without materialising it', () => {
    expect(file.gguf?.metadata['general.name']).toBe('Meta Llama 3.1 8B Instruct');
    expect(file.gguf?.metadata['llama.rope.freq_base']).toBe(500000);
    expect(file.gguf?.metadata['tokenizer.ggml.tokens']).toEqual({ kind: 'array', elementType: 'string', length: 128256, values: null });
    expect(file.gguf?.metadata['general.languages']).toMatchObject({ length: 8, values: ['en', 'de', 'fr', 'it', 'pt', 'hi', 'es', 'th'] });
    expect(file.gguf?.truncatedKeys).toEqual(['tokenizer.chat_template']);
    expect(file.gguf).toMatchObject({ version: 3, alignment: 32, architecture: 'llama', split: null });
    expect(file.headerBytes).toBeGreaterThan(4 * 2 ** 20);
  });

  it('opens in well under a second (header of 6 MB, read in growing slices)', () => {
    expect(milliseconds).toBeLessThan(1000);
  });
});

describe('GGUF: Meta-Llama-3.1-70B-Instruct-Q4_K_M.gguf (42.5 GB, sparse)', () => {
  it('opens in well under a second and matches the published 39.59 GiB and 70.55 B', async () => {
    const written = sparseGguf(LLAMA_31_70B_Q4_K_M.file, llama31_70bQ4KmMetadata(), llama31_70bQ4KmTensors());
    expect(written.size).toBeGreaterThan(40e9);
    const { file, milliseconds } = await timedRead(written.path);
    expect(milliseconds).toBeLessThan(1000);
    expect(file.parameterCount).toBe(LLAMA_31_70B_Q4_K_M.parameters.value);
    expect((file.weightBytes / GiB).toFixed(2)).toBe(LLAMA_31_70B_Q4_K_M.sizeGiB.value.toFixed(2));
    expect(file.fileBytes).toBe(written.size);
    expect(file.arch).toMatchObject({ family: 'llama', layers: 80, heads: 64, kvHeads: 8, approximate: false });
  }, 60_000);
});

describe('GGUF: Qwen3-30B-A3B-Q4_0.gguf (17.4 GB, sparse; MoE with stacked experts)', () => {
  let file: ModelFile;
  beforeAll(async () => {
    const written = sparseGguf(QWEN3_30B_A3B_Q4_0.file, qwen3_30bA3bQ40Metadata(), qwen3_30bA3bQ40Tensors());
    ({ file } = await timedRead(written.path));
  }, 60_000);

  it('counts 30,532,122,624 parameters in 579 tensors, 241 of them F32', () => {
    expect(file.parameterCount).toBe(QWEN3_30B_A3B_Q4_0.parameters.value);
    expect(file.tensors).toHaveLength(QWEN3_30B_A3B_Q4_0.tensorCount.value);
    expect(typeCounts(file).F32).toBe(QWEN3_30B_A3B_Q4_0.f32Tensors.value);
  });

  it('has the published 16.18 GiB: per-tensor types, not one bits-per-weight (output Q6_K, six Q4_1 down projections)', () => {
    expect((file.weightBytes / GiB).toFixed(2)).toBe(QWEN3_30B_A3B_Q4_0.sizeGiB.value.toFixed(2));
    expect(file.tensors.find((tensor) => tensor.name === 'output.weight')?.dtype).toBe('Q6_K');
    expect(typeCounts(file).Q4_1).toBe(6);
    // One bits-per-weight for the whole file (Q4_0's 4.5) would miss the Q6_K head and the Q4_1 layers.
    const uniform = (file.parameterCount * 4.5) / 8;
    expect(file.weightBytes).toBeGreaterThan(uniform);
  });

  it('reads a Qwen3-MoE architecture whose counts match the model card and the tensors', () => {
    expect(file.archNote).toBeNull();
    expect(file.arch).toMatchObject({ family: 'qwen3_moe', approximate: false, hidden: 2048, layers: 48, heads: 32, kvHeads: 4, headDim: 128, vocab: 151936 });
    expect(file.arch?.moe).toMatchObject({ experts: 128, expertsPerToken: 8, expertFfn: 768, moeLayers: 48 });
    const count = countParameters(file.arch!);
    expect(count.total).toBe(QWEN3_30B_A3B.published?.total);
    expect(count.active).toBe(QWEN3_30B_A3B.publishedActive?.active);
  });

  it('groups bytes by layer kind: experts hold most of the file; the groups add up to the whole', () => {
    const kinds = bytesByTensorKind(file);
    expect(kinds[0]?.key).toBe('experts');
    expect(kinds.reduce((sum, row) => sum + row.bytes, 0)).toBe(file.weightBytes);
    expect(kinds.reduce((sum, row) => sum + row.parameters, 0)).toBe(file.parameterCount);
    expect(kinds.find((row) => row.key === 'router')?.tensors).toBe(48);
  });
});

describe('safetensors: meta-llama/Llama-3.2-1B model.safetensors (2.47 GB, sparse)', () => {
  let file: ModelFile;
  let path = '';
  beforeAll(async () => {
    const build = buildSafetensors(llama32_1bSafetensors());
    path = join(directory, 'model.safetensors');
    writeSparseFile(path, build.header, build.fileSize);
    ({ file } = await timedRead(path));
  }, 60_000);

  it('reproduces the published file size to the byte (header layout as safetensors writes it)', () => {
    expect(file.fileBytes).toBe(LLAMA_32_1B_SAFETENSORS.fileBytes.value);
    expect(file.safetensors).toEqual({ metadata: { format: 'pt' }, trailingBytes: 0 });
  });

  it('counts 1,235,814,400 BF16 parameters, 2 bytes each', () => {
    expect(file.parameterCount).toBe(LLAMA_32_1B_SAFETENSORS.parameters.value);
    expect(file.weightBytes).toBe(2 * LLAMA_32_1B_SAFETENSORS.parameters.value);
    expect(file.bitsPerWeight).toBe(16);
    expect(file.tensors).toHaveLength(146);
  });

  it('has no architecture of its own and says why; with its config.json the counts match exactly', () => {
    expect(file.arch).toBeNull();
    expect(file.archNote).toMatch(/config\.json/);
    const check = architectureForModelFile(file, LLAMA_3_2_1B.config);
    expect(check.matches).toBe(true);
    expect(check.relativeDifference).toBe(0);
    const wrong = architectureForModelFile(file, QWEN3_30B_A3B.config);
    expect(wrong.matches).toBe(false);
    expect(wrong.relativeDifference).toBeGreaterThan(10);
  });

  it('reads only the header: two small slices, never the whole file', async () => {
    const recording = new RecordingBlob(await openAsBlob(path), LLAMA_32_1B_SAFETENSORS.fileBytes.value);
    await readModelFile(recording);
    expect(Math.max(...recording.reads)).toBeLessThanOrEqual(16_800);
  });
});

describe('GGUF headers are read in bounded slices', () => {
  it('reads at most about twice the header in all (growing slices, each byte once), never the whole file', async () => {
    const written = sparseGguf('qwen-read.gguf', qwen3_30bA3bQ40Metadata(), qwen3_30bA3bQ40Tensors());
    const recording = new RecordingBlob(await openAsBlob(written.path), written.size);
    const file = await readModelFile(recording);
    const total = recording.reads.reduce((sum, bytes) => sum + bytes, 0);
    expect(total).toBeLessThanOrEqual(2 * file.headerBytes + 2 ** 20);
    expect(total).toBeLessThan(written.size / 1000);
  }, 60_000);

  it('reads GGUF version 2 files the same way', async () => {
    const tensors: TensorSpec[] = [{ name: 'token_embd.weight', shape: [64, 100], type: GGML.Q8_0 }];
    const written = sparseGguf('v2.gguf', [['general.architecture', { type: 'string', value: 'llama' }]], tensors, 2);
    const file = await readModelFile(await openAsBlob(written.path));
    expect(file.gguf?.version).toBe(2);
    expect(file.weightBytes).toBe((6400 / 32) * 34);
    expect(file.arch).toBeNull();
    expect(file.archNote).toMatch(/hidden_size is missing/);
  });
});

describe('safetensors index files', () => {
  const weightMap = Object.fromEntries(
    llama32_1bSafetensors().map((tensor, index) => [tensor.name, `model-0000${1 + (index % 2)}-of-00002.safetensors`]),
  );

  it('reports total_size and the shards; without total_parameters the count is an estimate and says so', async () => {
    const path = join(directory, 'model.safetensors.index.json');
    writeFileSync(path, JSON.stringify({ metadata: { total_size: 2_471_628_800 }, weight_map: weightMap }, null, 2));
    const file = await readModelFile(await openAsBlob(path));
    expect(file.format).toBe('safetensors-index');
    expect(file.weightBytes).toBe(2_471_628_800);
    expect(file.parameterCountExact).toBe(false);
    expect(file.parameterCount).toBe(1_235_814_400);
    expect(file.archNote).toMatch(/assumes 16-bit/);
    expect(file.index?.shards).toEqual(['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors']);
    expect(file.tensors[0]).toEqual({ name: 'model.embed_tokens.weight', dtype: 'unknown', shape: [], bytes: 0, shard: 'model-00001-of-00002.safetensors' });
  });

  it('uses metadata.total_parameters when transformers wrote it (exact)', async () => {
    const blob = new Blob([JSON.stringify({ metadata: { total_parameters: 1_235_814_400, total_size: 4_943_257_600 }, weight_map: weightMap })]);
    const file = await readModelFile(blob);
    expect(file.parameterCountExact).toBe(true);
    expect(file.parameterCount).toBe(1_235_814_400);
    expect(file.bitsPerWeight).toBe(32);
  });
});

describe('ggml type table', () => {
  it('has every type the brief and ggml.h name, with bits per weight matching the project\'s PRECISIONS rows', () => {
    const names = new Set(GGML_TYPES.map((type) => type.name));
    for (const name of ['F32', 'F16', 'BF16', 'Q4_0', 'Q4_1', 'Q5_0', 'Q5_1', 'Q8_0', 'Q8_1', 'Q2_K', 'Q3_K', 'Q4_K', 'Q5_K', 'Q6_K', 'Q8_K', 'IQ2_XXS', 'IQ2_XS', 'IQ3_XXS', 'IQ1_S', 'IQ4_NL', 'IQ3_S', 'IQ2_S', 'IQ4_XS', 'IQ1_M', 'TQ1_0', 'TQ2_0', 'MXFP4', 'I8', 'I16', 'I32', 'I64', 'F64']) {
      expect(names.has(name)).toBe(true);
    }
    const bits = (name: string) => ggmlBitsPerWeight(GGML_TYPES.find((type) => type.name === name)!);
    expect(bits('Q4_0')).toBe(PRECISIONS.q4_0.bitsPerWeight);
    expect(bits('Q8_0')).toBe(PRECISIONS.q8_0.bitsPerWeight);
    expect(bits('MXFP4')).toBe(PRECISIONS.mxfp4.bitsPerWeight);
    // llama.cpp tools/quantize/quantize.cpp QUANT_OPTIONS prints the bits of the single-type files, to 2 decimals:
    // "IQ2_XXS 2.06 bpw", "IQ2_XS 2.31", "IQ1_S 1.56", "IQ1_M 1.75", "TQ1_0 1.69 bpw ternarization",
    // "TQ2_0 2.06", "IQ3_XXS 3.06", "IQ3_S 3.44", "IQ4_NL 4.50", "IQ4_XS 4.25", "Q1_0 1.125", "Q2_0 2.25 (group 64)".
    const printed: Record<string, number> = { IQ2_XXS: 2.06, IQ2_XS: 2.31, IQ1_S: 1.56, IQ1_M: 1.75, TQ1_0: 1.69, TQ2_0: 2.06, IQ3_XXS: 3.06, IQ3_S: 3.44, IQ4_NL: 4.5, IQ4_XS: 4.25, Q1_0: 1.125, Q2_0: 2.25 };
    for (const [name, value] of Object.entries(printed)) expect(Math.abs(bits(name) - value)).toBeLessThanOrEqual(0.005);
    expect(new Set(GGML_TYPES.map((type) => type.id)).size).toBe(GGML_TYPES.length);
  });
});

describe('tensorKind', () => {
  it('sorts GGUF and Hugging Face tensor names into layer kinds', () => {
    expect(tensorKind('token_embd.weight')).toBe('embedding');
    expect(tensorKind('output.weight')).toBe('output');
    expect(tensorKind('blk.3.attn_q.weight')).toBe('attention');
    expect(tensorKind('blk.3.attn_q_norm.weight')).toBe('norm');
    expect(tensorKind('blk.3.ffn_gate_exps.weight')).toBe('experts');
    expect(tensorKind('blk.3.ffn_gate_inp.weight')).toBe('router');
    expect(tensorKind('blk.3.ffn_down.weight')).toBe('mlp');
    expect(tensorKind('model.layers.0.self_attn.k_proj.weight')).toBe('attention');
    expect(tensorKind('model.layers.0.mlp.experts.7.up_proj.weight')).toBe('experts');
    expect(tensorKind('model.layers.0.mlp.gate.weight')).toBe('router');
    expect(tensorKind('model.layers.0.post_attention_layernorm.weight')).toBe('norm');
    expect(tensorKind('lm_head.weight')).toBe('output');
    expect(tensorKind('model.embed_tokens.weight')).toBe('embedding');
    expect(tensorKind('rope_freqs.weight')).toBe('other');
  });
});
