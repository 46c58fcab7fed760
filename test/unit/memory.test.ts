import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minimumGpusForInference } from '../../src/core/inference-fit';
import {
  activationBytesPerLayer,
  inferenceWorkingBreakdown,
  kvCacheBytes,
  kvCacheBytesPerToken,
  maxTokensForKvBytes,
  minimumGpusForTraining,
  modelStateBreakdownPerDevice,
  modelStateBytesPerDevice,
  trainingMemoryPerDevice,
  weightBytes,
  RUNTIME_OVERHEAD_BYTES_PER_GPU,
} from '../../src/core/memory';
import { GB, MiB } from '../../src/core/units';
import { architectureFromHfConfig } from '../../src/core/params';
import { MODELS_BY_ID } from '../../src/data/models';
import type { ZeroStage } from '../../src/scenario/scenario';
import {
  GEMMA2_9B,
  KV_PER_TOKEN_ROWS,
  MISTRAL_7B_V01,
  denseCount,
  makeArch,
} from '../fixtures/architectures';
import { KORTHIKANTI_TABLE_2, ZERO_FIGURE_1 } from '../fixtures/published';

const STAGES: ZeroStage[] = [0, 1, 2, 3];

describe('weightBytes', () => {
  it('is params × bits / 8 (70B at BF16 = 140 GB; 1T at FP32 = 4 TB as the article says)', () => {
    expect(weightBytes(70e9, 16)).toBe(140e9);
    expect(weightBytes(1e12, 32)).toBe(4e12);
    expect(weightBytes(7e9, 4.5)).toBeCloseTo(3.9375e9, 0);
  });
  it('fewer bits → fewer bytes; more params → more bytes (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e6, max: 1e15, noNaN: true }), fc.double({ min: 1, max: 32, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (params, bits, shrink) => {
        const bytes = weightBytes(params, bits);
        expect(Number.isFinite(bytes) && bytes > 0).toBe(true);
        expect(weightBytes(params, bits * shrink)).toBeLessThan(bytes);
        expect(weightBytes(params * 1.5, bits)).toBeGreaterThan(bytes);
      }),
    );
  });
  it('never NaN for bad input', () => {
    expect(weightBytes(Number.NaN, 16)).toBe(0);
    expect(weightBytes(-1, 16)).toBe(0);
    expect(weightBytes(Infinity, 16)).toBe(0);
  });
});

describe('kvCacheBytesPerToken — every row of hardware.json kv_cache_per_token', () => {
  for (const row of KV_PER_TOKEN_ROWS) {
    it(`${row.model}: ${row.bytesPerTokenFp16.toLocaleString('en')} bytes (${row.source})`, () => {
      expect(kvCacheBytesPerToken(row.arch, 2)).toBe(row.bytesPerTokenFp16);
    });
  }
  it('encoder-only models cache nothing', () => {
    expect(kvCacheBytesPerToken(makeArch({ hidden: 768, layers: 12, heads: 12, encoderOnly: true }), 2)).toBe(0);
  });
  it('scales with bytes per value (FP8 halves it)', () => {
    const arch = KV_PER_TOKEN_ROWS[5]!.arch;
    // Llama-2-70B: 327,680 bytes per token at FP16 (models.json), 163,840 at FP8.
    expect(kvCacheBytesPerToken(arch, 2)).toBe(327_680);
    expect(kvCacheBytesPerToken(arch, 1)).toBe(163_840);
  });
});

describe('kvCacheBytes with sliding windows', () => {
  it('Mistral-7B-v0.1 at 32k context holds 4096 tokens worth (rolling buffer, Jiang et al. 2023 §2)', () => {
    // 131,072 bytes per token (models.json): a 4096-token window is 536,870,912 bytes; 3 × 1000 tokens 393,216,000.
    expect(kvCacheBytesPerToken(MISTRAL_7B_V01, 2)).toBe(131_072);
    expect(kvCacheBytes(MISTRAL_7B_V01, { tokens: 32768, batch: 1, bytesPerValue: 2 })).toBe(536_870_912);
    expect(kvCacheBytes(MISTRAL_7B_V01, { tokens: 1000, batch: 3, bytesPerValue: 2 })).toBe(393_216_000);
  });
  it('Gemma-2-9B beyond 4096 tokens: only half the layers keep growing', () => {
    const perToken = kvCacheBytesPerToken(GEMMA2_9B, 2); // 344,064 (models.json)
    expect(perToken).toBe(344_064);
    // 8,192 bytes per layer-token × (21 global layers × 8192 + 21 windowed × 4096) = 2,113,929,216;
    // up to the window every layer grows: 344,064 × 4096 = 1,409,286,144.
    expect(kvCacheBytes(GEMMA2_9B, { tokens: 8192, batch: 1, bytesPerValue: 2 })).toBe(2_113_929_216);
    expect(kvCacheBytes(GEMMA2_9B, { tokens: 4096, batch: 1, bytesPerValue: 2 })).toBe(1_409_286_144);
  });
  it('no window: linear in tokens and batch (Llama-2-70B 8k context = 2.5 GiB, hardware.json)', () => {
    const arch = KV_PER_TOKEN_ROWS[5]!.arch;
    expect(kvCacheBytes(arch, { tokens: 8192, batch: 1, bytesPerValue: 2 })).toBe(2.5 * 2 ** 30);
  });
  it('longer context → at least as much KV; inverse round-trips (property)', () => {
    const archs = [KV_PER_TOKEN_ROWS[5]!.arch, MISTRAL_7B_V01, GEMMA2_9B, KV_PER_TOKEN_ROWS[11]!.arch];
    fc.assert(
      fc.property(fc.constantFrom(...archs), fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 1, max: 1e5 }), (arch, tokens, batch) => {
        const kv = kvCacheBytes(arch, { tokens, batch, bytesPerValue: 2 });
        expect(Number.isFinite(kv) && kv >= 0).toBe(true);
        expect(kvCacheBytes(arch, { tokens: tokens * 2, batch, bytesPerValue: 2 })).toBeGreaterThanOrEqual(kv);
        const back = maxTokensForKvBytes(arch, kv, batch, 2);
        expect(kvCacheBytes(arch, { tokens: back, batch, bytesPerValue: 2 })).toBeLessThanOrEqual(kv * (1 + 1e-12));
        expect(back).toBeLessThanOrEqual(1e7);
      }),
    );
  });
  it('maxTokensForKvBytes: an all-windowed model fits any context once the window fits', () => {
    const window = kvCacheBytes(MISTRAL_7B_V01, { tokens: 4096, batch: 1, bytesPerValue: 2 });
    expect(maxTokensForKvBytes(MISTRAL_7B_V01, window, 1, 2)).toBe(1e7);
    expect(maxTokensForKvBytes(MISTRAL_7B_V01, window / 2, 1, 2)).toBe(2048);
    expect(maxTokensForKvBytes(GEMMA2_9B, kvCacheBytes(GEMMA2_9B, { tokens: 100_000, batch: 2, bytesPerValue: 2 }), 2, 2)).toBe(100_000);
  });
});

describe('kvCacheBytes with linear-attention layers (Qwen3-Next-80B-A3B)', () => {
  const arch = architectureFromHfConfig(MODELS_BY_ID.get('qwen3-next-80b-a3b')?.config);
  it('only the 12 full-attention layers of 48 keep a per-token cache', () => {
    // config.json: 48 layers, full_attention_interval 4, 2 KV heads × head_dim 256:
    // 12 × 2 (K, V) × 2 × 256 × 2 bytes = 24,576 bytes per token (a 48-layer count would say 98,304).
    expect(kvCacheBytesPerToken(arch, 2)).toBe(24_576);
  });
  it('the 36 Gated DeltaNet layers add a fixed state per sequence, whatever its length', () => {
    // config.json: 32 value heads × 128 × 128 state, conv over 2·16·128 + 32·128 channels × (4 − 1):
    // 36 × (524,288 + 24,576) × 2 bytes = 39,518,208 bytes per sequence.
    const state = 39_518_208;
    expect(kvCacheBytes(arch, { tokens: 1, batch: 1, bytesPerValue: 2 })).toBe(24_576 + state);
    expect(kvCacheBytes(arch, { tokens: 1000, batch: 3, bytesPerValue: 2 })).toBe(3 * (24_576_000 + state));
    expect(maxTokensForKvBytes(arch, 3 * (24_576_000 + state), 3, 2)).toBe(1000);
  });
});

describe('inferenceWorkingBreakdown (documented estimate)', () => {
  it('Llama-2-70B at batch 16 on 1 GPU: activations ≈ 0.34 GB, logits 2 MB, runtime 1 GB', () => {
    const arch = makeArch({ hidden: 8192, layers: 80, heads: 64, kvHeads: 8, ffn: 28672 });
    const w = inferenceWorkingBreakdown({ arch, batch: 16 });
    // 2048-token prefill chunk × (2·8192 + (64 + 16)·128 + 2·28672 = 83,968 values) × 2 bytes.
    expect(w.activations).toBe(343_932_928);
    // 16 sequences × 32,000 vocabulary × 4 bytes (FP32 logits).
    expect(w.logits).toBe(2_048_000);
    expect(w.runtime).toBe(RUNTIME_OVERHEAD_BYTES_PER_GPU);
    expect(w.total).toBe(w.activations + w.logits + w.runtime);
  });
});

describe('modelStateBytesPerDevice — ZeRO Figure 1', () => {
  it.each(STAGES)('stage %i: 7.5B on 64 GPUs matches Figure 1 (120 / 31.4 / 16.6 / 1.9 GB)', (stage) => {
    const bytes = modelStateBytesPerDevice({
      params: ZERO_FIGURE_1.params,
      zeroStage: stage,
      dataParallel: ZERO_FIGURE_1.dataParallel,
      tensorParallel: 1,
      pipelineParallel: 1,
    });
    expect(bytes / GB).toBeCloseTo(ZERO_FIGURE_1.exactGb[stage], 2);
    // The printed figure, rounded to its one decimal.
    expect(Math.round((bytes / GB) * 10) / 10).toBeCloseTo(ZERO_FIGURE_1.publishedGb[stage], 5);
  });
  it('breakdown: stage 1 shards only the optimizer; tensor × pipeline divide first', () => {
    const b = modelStateBreakdownPerDevice({ params: 8e9, zeroStage: 1, dataParallel: 4, tensorParallel: 2, pipelineParallel: 2 });
    expect(b).toEqual({ weights: 4e9, gradients: 4e9, optimizer: 6e9, total: 14e9 });
  });
  it('more params → more memory; more data parallel → never more (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e6, max: 1e15, noNaN: true }),
        fc.constantFrom(...STAGES),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1024 }),
        (params, zeroStage, dataParallel, tensorParallel) => {
          const base = { params, zeroStage, dataParallel, tensorParallel, pipelineParallel: 1 };
          const bytes = modelStateBytesPerDevice(base);
          expect(Number.isFinite(bytes) && bytes > 0).toBe(true);
          expect(modelStateBytesPerDevice({ ...base, params: params * 2 })).toBeGreaterThan(bytes);
          expect(modelStateBytesPerDevice({ ...base, dataParallel: dataParallel * 2 })).toBeLessThanOrEqual(bytes);
        },
      ),
    );
  });
});

describe('activationBytesPerLayer — Korthikanti et al. 2022 Table 2', () => {
  const k = KORTHIKANTI_TABLE_2;
  const base = { seqLen: k.seqLen, microBatch: k.microBatch, hidden: k.hidden, heads: k.heads };
  const mib = (x: number) => x / MiB;
  it('no parallelism, no recompute: s·b·h·(34 + 5as/h) = 2736 MiB', () => {
    expect(mib(activationBytesPerLayer({ ...base, tensorParallel: 1, sequenceParallel: false, recompute: 'none' }))).toBe(k.mib.none);
  });
  it('tensor parallel t = 8: 552 MiB', () => {
    expect(mib(activationBytesPerLayer({ ...base, tensorParallel: 8, sequenceParallel: false, recompute: 'none' }))).toBe(k.mib.tp);
  });
  it('tensor + sequence parallel: 342 MiB', () => {
    expect(mib(activationBytesPerLayer({ ...base, tensorParallel: 8, sequenceParallel: true, recompute: 'none' }))).toBe(k.mib.tpSp);
  });
  it('tensor parallel + selective recompute: 312 MiB', () => {
    expect(mib(activationBytesPerLayer({ ...base, tensorParallel: 8, sequenceParallel: false, recompute: 'selective' }))).toBe(k.mib.tpSelective);
  });
  it('tensor + sequence parallel + selective recompute: 102 MiB', () => {
    expect(mib(activationBytesPerLayer({ ...base, tensorParallel: 8, sequenceParallel: true, recompute: 'selective' }))).toBe(k.mib.tpSpSelective);
  });
  it('full recompute keeps the layer input 2sbh = 48 MiB (split by t under sequence parallelism: 6 MiB)', () => {
    expect(mib(activationBytesPerLayer({ ...base, tensorParallel: 8, sequenceParallel: false, recompute: 'full' }))).toBe(k.mib.full);
    expect(mib(activationBytesPerLayer({ ...base, tensorParallel: 8, sequenceParallel: true, recompute: 'full' }))).toBe(6);
  });
  it('recompute never increases memory; finite up to 10M-token sequences (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1e4 }),
        fc.integer({ min: 1, max: 1024 }),
        fc.boolean(),
        (seqLen, microBatch, hidden, heads, tensorParallel, sequenceParallel) => {
          const o = { seqLen, microBatch, hidden, heads, tensorParallel, sequenceParallel };
          const none = activationBytesPerLayer({ ...o, recompute: 'none' });
          const selective = activationBytesPerLayer({ ...o, recompute: 'selective' });
          const full = activationBytesPerLayer({ ...o, recompute: 'full' });
          for (const x of [none, selective, full]) expect(Number.isFinite(x) && x > 0).toBe(true);
          expect(selective).toBeLessThanOrEqual(none);
          expect(full).toBeLessThanOrEqual(selective);
        },
      ),
    );
  });
});

describe('trainingMemoryPerDevice', () => {
  const gpt3 = makeArch({ hidden: 12288, layers: 96, heads: 96, headDim: 128, vocab: 50257 });
  const count = denseCount(175e9);
  const options = {
    zeroStage: 1 as ZeroStage,
    dataParallel: 8,
    tensorParallel: 8,
    pipelineParallel: 8,
    microBatch: 1,
    seqLen: 2048,
    recompute: 'selective' as const,
    sequenceParallel: true,
  };
  it('model states follow ZeRO; activations = per-layer × layers per stage × p in flight + extras', () => {
    const m = trainingMemoryPerDevice(gpt3, count, options);
    // 175e9 / 64 (TP 8 × PP 8) = 2,734,375,000 parameters per GPU: 2 bytes of weights, 2 of gradients,
    // and 12 of optimizer states sharded over DP 8 (ZeRO-1).
    expect(m.weights).toBeCloseTo(5_468_750_000, 0);
    expect(m.gradients).toBeCloseTo(5_468_750_000, 0);
    expect(m.optimizer).toBeCloseTo(4_101_562_500, 0);
    // 102 MiB per layer (Korthikanti Table 2, tp + sp + selective) × 12 layers × 8 micro-batches in
    // flight = 10,267,656,192, + the embedding's dropout mask s·b·h·p / t = 25,165,824.
    expect(m.activations).toBeCloseTo(10_292_822_016, 0);
    expect(m.total).toBeCloseTo(m.weights + m.gradients + m.optimizer + m.activations, 0);
  });
  it('with p = 1 the single stage holds every layer and both extras', () => {
    const m = trainingMemoryPerDevice(gpt3, count, { ...options, pipelineParallel: 1 });
    // 102 MiB × 96 layers = 10,267,656,192, + the embedding dropout mask s·b·h / t = 3,145,728, + the
    // output layer 4·s·b·h / t × (1 + v / h) = 64,046,080 (Korthikanti §4.1).
    expect(m.activations).toBeCloseTo(10_334_848_000, 0);
  });
});

describe('minimumGpusForTraining', () => {
  const llama70 = makeArch({ hidden: 8192, layers: 80, heads: 64, kvHeads: 8, ffn: 28672 });
  const count = denseCount(70e9);
  const base = { zeroStage: 1 as ZeroStage, microBatch: 1, seqLen: 4096, recompute: 'selective' as const, sequenceParallel: true };
  it('finds a layout that fits in 80 GB and no smaller power-of-two layout fits', () => {
    const fit = minimumGpusForTraining(llama70, count, { ...base, memoryBytesPerGpu: 80e9 });
    expect(fit).not.toBeNull();
    expect(fit!.bytesPerGpu).toBeLessThanOrEqual(80e9);
    expect(fit!.gpus).toBe(fit!.tensorParallel * fit!.pipelineParallel * fit!.dataParallel);
    // 70B × 16 B = 1.12 TB of model states: at least 14 GPUs of 80 GB.
    expect(fit!.gpus).toBeGreaterThanOrEqual(14);
    const check = trainingMemoryPerDevice(llama70, count, { ...base, ...fit! });
    expect(check.total).toBeLessThanOrEqual(80e9);
    expect(check.total).toBeCloseTo(fit!.bytesPerGpu, 0);
    // ZeRO-1 shards the optimizer states over data parallelism, and one fewer rank would not fit.
    expect(fit!.dataParallel).toBeGreaterThan(1);
    expect(trainingMemoryPerDevice(llama70, count, { ...base, ...fit!, dataParallel: fit!.dataParallel - 1 }).total).toBeGreaterThan(80e9);
  });
  it('ZeRO-3 needs no more GPUs than ZeRO-0', () => {
    const z0 = minimumGpusForTraining(llama70, count, { ...base, zeroStage: 0, memoryBytesPerGpu: 80e9 });
    const z3 = minimumGpusForTraining(llama70, count, { ...base, zeroStage: 3, memoryBytesPerGpu: 80e9 });
    expect(z3!.gpus).toBeLessThanOrEqual(z0!.gpus);
  });
  it('returns null when nothing fits', () => {
    expect(minimumGpusForTraining(llama70, count, { ...base, memoryBytesPerGpu: 1e6 })).toBeNull();
  });
});

describe('minimumGpusForInference', () => {
  it('Llama-2-70B BF16 (138 GB) on 80 GB GPUs: 2 GPUs; with 40 GB GPUs: 4', () => {
    expect(minimumGpusForInference({ weightBytes: 138e9, kvBytes: 5e9, sharedWorkingBytes: 0.5e9, memoryBytesPerGpu: 80e9 })).toEqual({ gpus: 2, tensorParallelGpus: 2 });
    expect(minimumGpusForInference({ weightBytes: 138e9, kvBytes: 5e9, sharedWorkingBytes: 0.5e9, memoryBytesPerGpu: 40e9 })).toEqual({ gpus: 4, tensorParallelGpus: 4 });
  });
  it('rounds to a power of two for tensor parallelism', () => {
    expect(minimumGpusForInference({ weightBytes: 405e9 * 2, kvBytes: 0, sharedWorkingBytes: 0, memoryBytesPerGpu: 80e9 })).toEqual({ gpus: 11, tensorParallelGpus: 16 });
  });
  it('null when a GPU cannot hold the runtime overhead', () => {
    expect(minimumGpusForInference({ weightBytes: 1, kvBytes: 0, sharedWorkingBytes: 0, memoryBytesPerGpu: 0.5e9 })).toBeNull();
  });
});
