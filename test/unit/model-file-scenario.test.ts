/**
 * A model file as the scenario's model: the summary the controls keep (exact bytes by type and
 * kind, the architecture as a compact config), the estimate's weights at the file's exact bytes,
 * and a link that reproduces the numbers without the file. Real-size sparse files (fs.openAsBlob,
 * like a browser File); figures compared are published ones, quoted in test/fixtures/model-files.ts.
 */
import '../load-estimate'; // the store's estimate() loads on demand (src/store/estimate-code.ts)
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimate } from '../../src/core';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/scenario/scenario';
import { decodeScenario, encodeScenario } from '../../src/scenario/url-codec';
import { validateScenario } from '../../src/scenario/validate';
import { sanitizeConfig } from '../../src/scenario/fields';
import { checkModelFile, MAX_GROUP_ROWS } from '../../src/scenario/model-file-field';
import { addConfigToModelFile, isModelFileName, nearestPrecision, openModelFile } from '../../src/features/controls/model-file.data';
import { fileTables } from '../../src/features/model-file/model-file.data';
import { buildGguf, writeSparseFile } from '../fixtures/gguf-writer';
import { buildSafetensors } from '../fixtures/safetensors-writer';
import { LLAMA_31_8B_Q4_K_M, LLAMA_32_1B_SAFETENSORS, llama31_8bQ4KmMetadata, llama31_8bQ4KmTensors, llama32_1bSafetensors } from '../fixtures/model-files';
import { LLAMA_3_2_1B } from '../fixtures/hf-configs';

const GiB = 2 ** 30;
let directory = '';
let ggufPath = '';
let safetensorsPath = '';

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'model-file-scenario-'));
  const gguf = buildGguf({ kv: llama31_8bQ4KmMetadata(), tensors: llama31_8bQ4KmTensors() });
  ggufPath = join(directory, LLAMA_31_8B_Q4_K_M.file);
  writeSparseFile(ggufPath, gguf.header, gguf.fileSize);
  const safetensors = buildSafetensors(llama32_1bSafetensors());
  safetensorsPath = join(directory, 'model.safetensors');
  writeSparseFile(safetensorsPath, safetensors.header, safetensors.fileSize);
});

afterAll(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
});

async function openGguf() {
  const opened = await openModelFile(await openAsBlob(ggufPath), LLAMA_31_8B_Q4_K_M.file);
  if (!opened.ok) throw new Error(opened.message);
  return opened;
}

function fileScenario(summary: NonNullable<Scenario['modelFile']>, weightPrecision: Scenario['weightPrecision']): Scenario {
  return { ...DEFAULT_SCENARIO, model: 'file', modelFile: summary, fileWeights: true, weightPrecision, gpu: 'rtx-4090', batch: 1 };
}

describe('a GGUF file as the scenario model (Llama-3.1-8B-Instruct Q4_K_M, 4.9 GB sparse)', () => {
  it('summarises the file with the published tensor types and size', async () => {
    const { summary } = await openGguf();
    const tensors = Object.fromEntries(summary.byType.map((row) => [row.key, row.tensors]));
    expect(tensors).toEqual(LLAMA_31_8B_Q4_K_M.typeCounts.value);
    expect(summary.parameterCount).toBe(LLAMA_31_8B_Q4_K_M.parameters.value);
    expect(summary.weightBytes / GiB).toBeCloseTo(LLAMA_31_8B_Q4_K_M.sizeGiB.value, 2);
    expect(summary.config).not.toBeNull();
    // by kind adds up to the same file
    expect(summary.byKind.reduce((sum, row) => sum + row.bytes, 0)).toBe(summary.weightBytes);
    expect(summary.byKind.reduce((sum, row) => sum + row.parameters, 0)).toBe(summary.parameterCount);
  });

  it('weights take the file’s exact bytes, not one format’s bits', async () => {
    const { summary, precision } = await openGguf();
    // 4.89 BPW is nearest Q4_K_M's 4.85 in the precision table.
    expect(precision).toBe('q4_k_m');
    const result = estimate(fileScenario(summary, precision));
    expect(result.model.kind).toBe('file');
    expect(result.model.counts.total).toBe(8_030_261_248);
    expect(result.weights.selected.bytes).toBeCloseTo(summary.weightBytes, 0);
    expect(result.weights.selected.bytes / GiB).toBeCloseTo(LLAMA_31_8B_Q4_K_M.sizeGiB.value, 2);
    // Switching back to a listed precision: 8,030,261,248 × 4.85 / 8 bytes.
    const back = estimate({ ...fileScenario(summary, precision), fileWeights: false });
    expect(back.weights.selected.bytes).toBeCloseTo((8_030_261_248 * 4.85) / 8, 0);
    // KV cache from the file's architecture: 2 × 32 layers × 8 KV heads × 128 × 2 bytes (BF16) = 131,072 bytes per token.
    expect(result.kv.bytesPerToken).toBe(131_072);
  });

  it('a link reproduces the numbers without the file, within a bounded length', async () => {
    const { summary, precision } = await openGguf();
    const scenario = fileScenario(summary, precision);
    const query = encodeScenario(scenario);
    expect(query.length).toBeLessThan(3000);
    const decoded = decodeScenario(query);
    expect(decoded.ignored).toEqual([]);
    expect(decoded.scenario.model).toBe('file');
    expect(decoded.scenario.modelFile).toEqual(summary);
    const original = estimate(scenario);
    const reloaded = estimate(decoded.scenario);
    expect(reloaded.weights.selected.bytes).toBe(original.weights.selected.bytes);
    expect(reloaded.model.counts).toEqual(original.model.counts);
    expect(reloaded.inference.decodeStepSeconds).toBe(original.inference.decodeStepSeconds);
    expect(fileTables(decoded.scenario)).toEqual(fileTables(scenario));
  });

  it('choosing another model drops the file from the link', async () => {
    const { summary, precision } = await openGguf();
    const query = encodeScenario({ ...fileScenario(summary, precision), model: 'llama-3.1-8b' });
    expect(query).not.toContain('mf=');
  });
});

describe('a safetensors file without config', () => {
  it('says it has no architecture, and a config.json added to it is checked against the tensors', async () => {
    const opened = await openModelFile(await openAsBlob(safetensorsPath), 'model.safetensors');
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.summary.config).toBeNull();
    expect(opened.summary.parameterCount).toBe(LLAMA_32_1B_SAFETENSORS.parameters.value);
    expect(opened.precision).toBe('bf16');
    const without = estimate(fileScenario(opened.summary, opened.precision));
    expect(without.model.approximate).toBe(true);
    // Weights are the file's bytes even without an architecture: 2 bytes × 1,235,814,400.
    expect(without.weights.selected.bytes).toBeCloseTo(2 * LLAMA_32_1B_SAFETENSORS.parameters.value, 0);
    const added = addConfigToModelFile(opened.summary, LLAMA_3_2_1B.config);
    if (!added.ok) throw new Error(added.message);
    expect(added.matches).toBe(true);
    expect(added.summary.note).toBeNull();
    const withConfig = estimate(fileScenario(added.summary, opened.precision));
    expect(withConfig.model.approximate).toBe(false);
    expect(withConfig.model.counts.total).toBe(LLAMA_32_1B_SAFETENSORS.parameters.value);
    // Llama 3.2 1B: 16 layers × 8 KV heads × 64 head dim × 2 (K and V) × 2 bytes = 32,768 bytes per token.
    expect(withConfig.kv.bytesPerToken).toBe(32_768);
  });

  it('a config.json of another size is kept with the mismatch in words', async () => {
    const opened = await openModelFile(await openAsBlob(safetensorsPath), 'model.safetensors');
    if (!opened.ok) throw new Error(opened.message);
    const bigger = { ...LLAMA_3_2_1B.config, num_hidden_layers: 32 };
    const added = addConfigToModelFile(opened.summary, bigger);
    if (!added.ok) throw new Error(added.message);
    expect(added.matches).toBe(false);
    expect(added.summary.note).toMatch(/the file holds 1,235,814,400/);
    expect(estimate(fileScenario(added.summary, 'bf16')).model.approximate).toBe(true);
  });
});

describe('hostile files and links', () => {
  it('a PNG renamed .gguf, an empty file and a truncated header give a sentence, never a throw', async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])]);
    const empty = new Blob([]);
    const gguf = buildGguf({ kv: llama31_8bQ4KmMetadata().slice(0, 12), tensors: llama31_8bQ4KmTensors() });
    const truncated = new Blob([gguf.header.slice(0, 200)]);
    for (const [blob, name] of [
      [png, 'x.gguf'],
      [empty, 'empty.gguf'],
      [truncated, 'cut.gguf'],
    ] as const) {
      const opened = await openModelFile(blob, name);
      expect(opened.ok).toBe(false);
      expect(opened.ok ? '' : opened.message.length).toBeGreaterThan(10);
    }
  });

  it('names model files by their extension', () => {
    expect(['a.gguf', 'B.SAFETENSORS', 'model.safetensors.index.json'].map(isModelFileName)).toEqual([true, true, true]);
    expect(['config.json', 'x.bin', 'gguf'].map(isModelFileName)).toEqual([false, false, false]);
  });

  it('rejects summaries with negative, fractional, huge or missing numbers, and too many rows', async () => {
    const { summary } = await openGguf();
    const bad: unknown[] = [
      { ...summary, weightBytes: -1 },
      { ...summary, parameterCount: 1.5 },
      { ...summary, parameterCount: 0 },
      { ...summary, weightBytes: 1e300 },
      { ...summary, format: 'pickle' },
      { ...summary, byType: Array.from({ length: MAX_GROUP_ROWS + 1 }, (_, index) => ({ key: `T${index}`, tensors: 1, parameters: 1, bytes: 1 })) },
      { ...summary, byKind: [{ key: 'mlp', tensors: 1, parameters: Number.NaN, bytes: 1 }] },
      { ...summary, config: 'not an object' },
      null,
      [summary],
    ];
    for (const value of bad) expect(checkModelFile(value, sanitizeConfig)).toBeUndefined();
    expect(checkModelFile(summary, sanitizeConfig)).toEqual(summary);
  });

  it('an unreadable mf link falls back to the default model and says so; model=file without a file too', () => {
    const broken = decodeScenario('v=1&m=file&mf=%%%not-base64');
    expect(broken.scenario.model).toBe(DEFAULT_SCENARIO.model);
    expect(broken.ignored).toContain('mf');
    const missing = decodeScenario('v=1&m=file');
    expect(missing.scenario.model).toBe(DEFAULT_SCENARIO.model);
    expect(missing.ignored).toContain('m');
    const validated = validateScenario({ model: 'file', modelFile: { format: 'gguf' } });
    expect(validated.scenario.model).toBe(DEFAULT_SCENARIO.model);
    expect(validated.issues.map((issue) => issue.field)).toContain('modelFile');
  });
});

describe('nearestPrecision', () => {
  it('names a mostly-BF16 file bf16 and a 4.5-bit Q4_0 file by bits', () => {
    expect(nearestPrecision(16, [{ key: 'BF16', tensors: 10, parameters: 100, bytes: 200 }])).toBe('bf16');
    expect(nearestPrecision(32, [{ key: 'F32', tensors: 1, parameters: 10, bytes: 40 }])).toBe('fp32');
    // Q8_0 stores 34 bytes per 32 weights = 8.5 bits (ggml-common.h block_q8_0).
    expect(nearestPrecision(8.5, [{ key: 'Q8_0', tensors: 1, parameters: 32, bytes: 34 }])).toBe('q8_0');
    // Q4_0: 18 bytes per 32 weights = 4.5 bits; a GGUF picks llama.cpp's format, not NF4 or NVFP4 (also 4.5).
    expect(nearestPrecision(4.55, [{ key: 'Q4_0', tensors: 1, parameters: 32, bytes: 18 }], 'gguf')).toBe('q4_0');
    // An 8-bit safetensors checkpoint (F8_E4M3) is nearest FP8, not Q8_0.
    expect(nearestPrecision(8, [{ key: 'F8_E4M3', tensors: 1, parameters: 8, bytes: 8 }], 'safetensors')).toBe('fp8');
  });
});
