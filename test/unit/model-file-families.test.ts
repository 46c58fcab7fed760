/**
 * GGUF files of families whose metadata reads differently: Gemma 3 (tied, sliding 5:1, K-quant
 * fallbacks on 1152-wide rows) and DeepSeek-V2-Lite (deepseek2: MLA, dense first layer, shared
 * experts). Published figures are quoted in test/fixtures/model-files-families.ts.
 */
import { describe, expect, it } from 'vitest';
import { bytesByTensorType, readModelFile } from '../../src/core/model-file';
import { architectureFromHfConfig, countParameters } from '../../src/core/params';
import { buildGguf } from '../fixtures/gguf-writer';
import { DEEPSEEK_V2_LITE } from '../fixtures/hf-configs';
import {
  GEMMA_3_1B_Q4_K_M,
  deepseekV2LiteQ80Metadata,
  deepseekV2LiteQ80Tensors,
  gemma3_1bQ4KmMetadata,
  gemma3_1bQ4KmTensors,
} from '../fixtures/model-files-families';

/** A Blob of `size` bytes whose first bytes are `header` and the rest zeros, never materialised. */
class SizedBlob extends Blob {
  private readonly header: Uint8Array;
  private readonly length: number;
  constructor(header: Uint8Array, length: number) {
    super([]);
    this.header = header;
    this.length = length;
  }
  override get size(): number {
    return this.length;
  }
  override slice(start = 0, end = this.length): Blob {
    const from = Math.min(start, this.header.length);
    const to = Math.min(end, this.header.length);
    return new Blob([this.header.slice(from, to), new Uint8Array(Math.max(0, Math.min(end, this.length) - Math.max(start, this.header.length)))]);
  }
}

/** The file as a Blob of its full size (1–17 GB) whose data is never materialised. */
function fileBlob(header: Uint8Array, size: number): Blob {
  return new SizedBlob(header, size);
}

describe('GGUF: gemma-3-1b-it-Q4_K_M.gguf (Gemma 3, tied, sliding window)', () => {
  it('counts 999,885,952 parameters and the published 799,525,120 tensor bytes (K-quant fallbacks on 1152-wide rows)', async () => {
    const build = buildGguf({ kv: gemma3_1bQ4KmMetadata(), tensors: gemma3_1bQ4KmTensors() });
    const file = await readModelFile(fileBlob(build.header, build.fileSize));
    expect(file.parameterCount).toBe(GEMMA_3_1B_Q4_K_M.parameters.value);
    expect(file.weightBytes).toBe(GEMMA_3_1B_Q4_K_M.tensorBytes.value);
    const types = Object.fromEntries(bytesByTensorType(file).map((row) => [row.key, row.tensors]));
    expect(types).toEqual({ Q8_0: 14, Q5_0: 4 * 26 + 13, Q6_K: 13, Q4_K: 26 + 13, F32: 1 + 6 * 26 });
  });

  it('reads Gemma 3\'s shape: 1 KV head of 256, tied embeddings, 22 of 26 layers sliding over 512 tokens; says whether it is exact', async () => {
    const build = buildGguf({ kv: gemma3_1bQ4KmMetadata(), tensors: gemma3_1bQ4KmTensors() });
    const file = await readModelFile(fileBlob(build.header, build.fileSize));
    expect(file.arch).toMatchObject({ hidden: 1152, layers: 26, heads: 4, kvHeads: 1, headDim: 256, ffn: 6912, vocab: 262144, slidingWindow: 512, slidingWindowLayers: 22 });
    expect(file.arch?.details.tiedEmbeddings).toBe(true);
    // Exact only when the family reader counts what the tensors hold; otherwise marked and explained.
    expect(file.arch?.approximate).toBe(file.archNote !== null);
    expect(/tensors hold/.test(file.archNote ?? '')).toBe(countParameters(file.arch!).total !== file.parameterCount);
  });
});

describe('GGUF: DeepSeek-V2-Lite (deepseek2, MLA, shared experts)', () => {
  it('counts the checkpoint\'s 15,706,484,224 parameters and reads an exact DeepSeek-V2 architecture from the metadata', async () => {
    const build = buildGguf({ kv: deepseekV2LiteQ80Metadata(), tensors: deepseekV2LiteQ80Tensors() });
    const file = await readModelFile(fileBlob(build.header, build.fileSize));
    expect(file.parameterCount).toBe(DEEPSEEK_V2_LITE.published?.total);
    expect(file.archNote).toBeNull();
    expect(file.arch).toMatchObject({ family: 'deepseek_v2', approximate: false, layers: 27, hidden: 2048, heads: 16 });
    expect(file.arch?.mla).toEqual({ qLoraRank: null, kvLoraRank: 512, qkRopeHeadDim: 64, qkNopeHeadDim: 128, vHeadDim: 128 });
    expect(file.arch?.moe).toMatchObject({ experts: 64, expertsPerToken: 6, sharedExperts: 2, expertFfn: 1408, moeLayers: 26 });
    // The same as reading the published config.json.
    expect(countParameters(file.arch!)).toEqual(countParameters(architectureFromHfConfig(DEEPSEEK_V2_LITE.config)));
  });
});
