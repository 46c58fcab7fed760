/**
 * One fit verdict (fitVerdict), the GPU share of Apple unified memory, partial offload, and
 * "can I run it" — against published figures: llama.cpp's KV log line, Metal's
 * recommendedMaxWorkingSetSize as printed by llama.cpp, Apple's own claim for the 512 GB Mac Studio.
 */
import { describe, expect, it } from 'vitest';
import { architectureFromHfConfig } from '../../src/core/params';
import { fitVerdict } from '../../src/core/serving/fit';
import { canIRun, singleStreamDecode } from '../../src/core/serving/local';
import { gpuUsableMemoryBytes } from '../../src/core/serving/usable-memory';
import { getDevice } from '../../src/data/local-devices';
import type { Accelerator } from '../../src/data/types';
import { MODELS_BY_ID } from '../../src/data/models';
import { ConfigError } from '../../src/core/errors';

const arch = (id: string) => architectureFromHfConfig(MODELS_BY_ID.get(id)!.config!);
const MiB = 2 ** 20;
const GiB = 2 ** 30;
const mac = (gib: number): Accelerator => ({ ...getDevice('apple-m4-16gb')!, memoryBytes: gib * GiB });

describe('Apple unified memory: the GPU share macOS allows', () => {
  // recommendedMaxWorkingSetSize printed by llama.cpp's ggml_metal_init (values in MiB):
  it('16 GB Mac → 10,922.67 MiB (M1 16 GB log, abetlen/llama-cpp-python#687)', () => {
    expect(gpuUsableMemoryBytes(mac(16)) / MiB).toBeCloseTo(10922.67, 1);
  });
  it('32 GB M2 Pro → 21,845.34 MiB', () => {
    expect(gpuUsableMemoryBytes(mac(32)) / MiB).toBeCloseTo(21845.33, 1);
  });
  it('64 GB M3 Max → 49,152 MiB; 128 GB M2 Ultra → 98,304 MiB', () => {
    expect(gpuUsableMemoryBytes(mac(64)) / MiB).toBeCloseTo(49152, 3);
    expect(gpuUsableMemoryBytes(mac(128)) / MiB).toBeCloseTo(98304, 3);
  });
  it('is adjustable (iogpu.wired_limit_mb), and a discrete GPU keeps all of its memory', () => {
    expect(gpuUsableMemoryBytes(mac(64), 0.9)).toBeCloseTo(0.9 * 64 * GiB, 0);
    expect(gpuUsableMemoryBytes(getDevice('rtx-4090')!)).toBe(24e9);
    expect(() => gpuUsableMemoryBytes(mac(64), 1.2)).toThrow(ConfigError);
  });
});

describe('fitVerdict', () => {
  it('KV cache of Llama-2-7B at 4,096 tokens in F16 = 2,048 MiB, as llama.cpp logs "KV self size = 2048.00 MiB"', () => {
    const verdict = fitVerdict({ arch: arch('llama-2-7b'), accelerator: getDevice('rtx-4090')!, weightPrecision: 'q4_0', kvPrecision: 'fp16', contextTokens: 4096 });
    expect(verdict.breakdown.kvCache / MiB).toBe(2048);
    expect(verdict.fits).toBe(true);
  });

  it('Llama 3.1 70B in BF16 (141 GB of weights) does not fit one 80 GB H100, for the weights alone', () => {
    const verdict = fitVerdict({ arch: arch('llama-3.1-70b'), accelerator: getDevice('h100-sxm')!, weightPrecision: 'bf16', kvPrecision: 'bf16', contextTokens: 4096 });
    expect(verdict.fits).toBe(false);
    expect(verdict.reason).toBe('weights');
    expect(verdict.largestContextTokens).toBe(0);
    expect(verdict.largestBatch).toBe(0);
  });

  it('the largest context and batch it reports do fit, one more does not', () => {
    const input = { arch: arch('llama-3.1-8b'), accelerator: getDevice('rtx-4090')!, weightPrecision: 'fp16' as const, kvPrecision: 'fp16' as const, contextTokens: 8192 };
    const verdict = fitVerdict(input);
    expect(fitVerdict({ ...input, contextTokens: verdict.largestContextTokens }).fits).toBe(true);
    expect(fitVerdict({ ...input, contextTokens: verdict.largestContextTokens + 1 }).fits).toBe(false);
    expect(fitVerdict({ ...input, batch: verdict.largestBatch }).fits).toBe(true);
    expect(fitVerdict({ ...input, batch: verdict.largestBatch + 1 }).fits).toBe(false);
  });

  it('reports the model limit when memory allows more context than the model was trained for', () => {
    const verdict = fitVerdict({ arch: arch('llama-2-7b'), accelerator: getDevice('h200-sxm')!, weightPrecision: 'bf16', kvPrecision: 'bf16', contextTokens: 4096 });
    expect(verdict.largestContextTokens).toBe(4096);
    expect(verdict.largestContextLimitedBy).toBe('model');
  });

  it('offload: layers that do not fit the GPU move to system RAM; GPU + CPU layers = all layers', () => {
    const verdict = fitVerdict({
      arch: arch('llama-3.1-70b'),
      accelerator: getDevice('rtx-4090')!,
      weightPrecision: 'q4_k_m',
      kvPrecision: 'fp16',
      contextTokens: 4096,
      host: { memoryBytes: 64e9, bandwidthBytesPerSecond: 89.6e9 },
    });
    expect(verdict.fits).toBe(false);
    expect(verdict.fitsWithOffload).toBe(true);
    expect(verdict.offload!.gpuLayers + verdict.offload!.cpuLayers).toBe(80);
    // 70B at 4.85 bits is ≈ 42.8 GB: about half the 80 layers fit a 24 GB card.
    expect(verdict.offload!.gpuLayers).toBeGreaterThan(30);
    expect(verdict.offload!.gpuLayers).toBeLessThan(50);
  });
});

describe('canIRun', () => {
  it('DeepSeek-V3 (671B) runs entirely in memory on the 512 GB Mac Studio — Apple: "LLMs with over 600 billion parameters entirely in memory" (newsroom, 2025-03-05)', () => {
    const answer = canIRun({ arch: arch('deepseek-v3'), accelerator: getDevice('apple-m3-ultra-512gb')! });
    expect(answer.answer).toBe('runs');
    expect(answer.offload).toBeNull();
    expect(['q4_k_m', 'q4_0']).toContain(answer.precision);
  });

  it('Llama 3.1 70B needs offload on a 24 GB RTX 4090 with 64 GB of RAM, and does not fit at all without RAM', () => {
    const host = { memoryBytes: 64e9, bandwidthBytesPerSecond: 89.6e9 };
    const withRam = canIRun({ arch: arch('llama-3.1-70b'), accelerator: getDevice('rtx-4090')!, host });
    expect(withRam.answer).toBe('runs-with-offload');
    expect(withRam.offload!.cpuLayers).toBeGreaterThan(0);
    // System RAM bandwidth bounds the speed: below 89.6 GB/s / 20 GB of CPU-side weights ≈ 4.5 tok/s.
    expect(withRam.decodeTokensPerSecond).toBeGreaterThan(0.5);
    expect(withRam.decodeTokensPerSecond).toBeLessThan(4.5);
    expect(canIRun({ arch: arch('llama-3.1-70b'), accelerator: getDevice('rtx-4090')! }).answer).toBe('does-not-fit');
  });

  it('picks the widest format that fits: Llama 3.1 8B at 16 bits on a 24 GB card, at 8 bits on a 16 GB Mac', () => {
    expect(canIRun({ arch: arch('llama-3.1-8b'), accelerator: getDevice('rtx-4090')! }).precision).toBe('fp16');
    const m4 = canIRun({ arch: arch('llama-3.1-8b'), accelerator: getDevice('apple-m4-16gb')! });
    expect(m4.precision).toBe('q8_0');
    expect(m4.maxContextTokens).toBeGreaterThanOrEqual(4096);
  });

  it('single-stream speed agrees with llama.cpp on the M4 (Llama-2-7B Q8_0: 13.54 tok/s in #4167) within 15%', () => {
    const answer = canIRun({ arch: arch('llama-2-7b'), accelerator: getDevice('apple-m4-16gb')!, minimumContextTokens: 128 });
    expect(answer.precision).toBe('q8_0');
    expect(answer.decodeTokensPerSecond / 13.54).toBeGreaterThan(0.85);
    expect(answer.decodeTokensPerSecond / 13.54).toBeLessThan(1.15);
  });
});

describe('singleStreamDecode (what estimate() will show)', () => {
  it('RTX 4090, Llama-2-7B FP16 at a short context: near the 60.78 tok/s llama.cpp measures (the page showed 36.8)', () => {
    const decode = singleStreamDecode({ arch: arch('llama-2-7b'), accelerator: getDevice('rtx-4090')!, weightPrecision: 'fp16', kvBytesPerValue: 2, contextTokens: 128 });
    expect(decode.tokensPerSecond / 60.78).toBeGreaterThan(0.9);
    expect(decode.tokensPerSecond / 60.78).toBeLessThan(1.1);
    expect(decode.bandwidthEfficiency).toBeGreaterThan(0.7);
    expect(decode.bandwidthEfficiency).toBeLessThan(0.85);
  });
});
