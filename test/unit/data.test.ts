import { describe, expect, it } from 'vitest';
import { DECODE_MEASUREMENTS } from '../../src/data/decode-measurements';
import { HARDWARE, HARDWARE_BY_ID, denseFlopsFor, getAccelerator } from '../../src/data/hardware';
import { MODELS, MODELS_BY_ID, getModelPreset } from '../../src/data/models';
import { PRECISIONS, PRECISION_IDS, bytesPerWeight } from '../../src/data/precisions';
import { TRAINING_RUNS } from '../../src/data/training-runs';
import type { ComputeFormat, PrecisionId } from '../../src/data/types';
import { TRAINING_FRAMEWORKS } from '../../src/data/training-frameworks';
import { TRAINING_FRAMEWORK_TRAITS } from '../../src/data/training-framework-traits';

/** kebab-case; dots allowed inside version numbers (llama-3.1-70b, qwen2.5-7b, pythia-1.4b). */
const KEBAB = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

function expectUniqueKebabIds(ids: readonly string[]): void {
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id, id).toMatch(KEBAB);
}

function expectPositiveFinite(value: number, what: string): void {
  expect(Number.isFinite(value), what).toBe(true);
  expect(value, what).toBeGreaterThan(0);
}

describe('PRECISIONS', () => {
  it('stores the bits per weight of the spec, block scales included', () => {
    const expected: Record<PrecisionId, number> = {
      fp32: 32,
      bf16: 16,
      fp16: 16,
      fp8: 8,
      int8: 8,
      int4: 4,
      nf4: 4.5, // 4 + 32/64 (QLoRA §3, bitsandbytes default: no double quantization)
      mxfp4: 4.25, // 4 + 8/32 (OCP MX v1.0)
      nvfp4: 4.5, // 4 + 8/16 (FP8 scale per 16)
      q8_0: 8.5, // 34 bytes per 32 weights
      q4_0: 4.5, // 18 bytes per 32 weights
      q4_k_m: 4.85, // llama.cpp quantize README, ≈ 4.84 on Llama 2 7B
    };
    for (const [id, bits] of Object.entries(expected) as [PrecisionId, number][]) {
      expect(PRECISIONS[id].bitsPerWeight, id).toBe(bits);
      expect(PRECISIONS[id].id).toBe(id);
      expect(PRECISIONS[id].source.length, id).toBeGreaterThan(10);
    }
    expect(Object.keys(PRECISIONS).sort()).toEqual(Object.keys(expected).sort());
    expect(bytesPerWeight('q4_0')).toBe(18 / 32);
    expect(bytesPerWeight('q8_0')).toBe(34 / 32);
  });

  it('lists every precision once, widest first', () => {
    expect([...PRECISION_IDS].sort()).toEqual(Object.keys(PRECISIONS).sort());
    expect(PRECISION_IDS[0]).toBe('fp32');
    for (let i = 1; i < PRECISION_IDS.length; i++) {
      const previous = PRECISIONS[PRECISION_IDS[i - 1] as PrecisionId].bitsPerWeight;
      expect(PRECISIONS[PRECISION_IDS[i] as PrecisionId].bitsPerWeight).toBeLessThanOrEqual(previous);
    }
  });

  it('maps each format to the throughput that applies', () => {
    const compute: Record<PrecisionId, ComputeFormat> = {
      fp32: 'fp32',
      bf16: 'bf16',
      fp16: 'fp16',
      fp8: 'fp8',
      int8: 'int8',
      int4: 'bf16',
      nf4: 'bf16',
      mxfp4: 'fp4',
      nvfp4: 'fp4',
      q8_0: 'bf16',
      q4_0: 'bf16',
      q4_k_m: 'bf16',
    };
    for (const id of PRECISION_IDS) expect(PRECISIONS[id].computeFormat, id).toBe(compute[id]);
    const kv = PRECISION_IDS.filter((id) => PRECISIONS[id].kvCapable).sort();
    expect(kv).toEqual(['bf16', 'fp16', 'fp32', 'fp8', 'int4', 'int8', 'q4_0', 'q8_0']);
    const trainable = PRECISION_IDS.filter((id) => PRECISIONS[id].trainable).sort();
    expect(trainable).toEqual(['bf16', 'fp16', 'fp32', 'fp8']);
  });
});

describe('HARDWARE', () => {
  const REQUIRED = [
    'v100-sxm2-32gb',
    'a100-sxm-40gb',
    'a100-sxm-80gb',
    'a100-pcie-40gb',
    'a100-pcie-80gb',
    'h100-sxm',
    'h100-pcie',
    'h100-nvl',
    'h200-sxm',
    'h800-sxm',
    'b200',
    'gb200',
    'l4',
    'l40s',
    'a10',
    't4',
    'rtx-3090',
    'rtx-4090',
    'rtx-5090',
    'mi250x',
    'mi300x',
    'mi325x',
    'mi355x',
    'tpu-v4',
    'tpu-v5e',
    'tpu-v5p',
    'tpu-v6e',
    'gaudi-2',
    'gaudi-3',
    'm2-ultra',
    'm3-max',
    'm4-max',
  ];

  it('has every required accelerator (≥ 20), with unique kebab-case ids', () => {
    expect(HARDWARE.length).toBeGreaterThanOrEqual(20);
    expect(HARDWARE.length).toBe(32);
    expectUniqueKebabIds(HARDWARE.map((a) => a.id));
    for (const id of REQUIRED) expect(HARDWARE_BY_ID.has(id), id).toBe(true);
    expect(HARDWARE_BY_ID.size).toBe(HARDWARE.length);
    expect(getAccelerator('h100-sxm')?.name).toMatch(/H100/);
    expect(getAccelerator('nope')).toBeUndefined();
  });

  it('carries a source and a date on every row and every price', () => {
    for (const a of HARDWARE) {
      expect(a.source.length, a.id).toBeGreaterThan(10);
      expect(a.sourceDate, a.id).toMatch(/^\d{4}/);
    }
    const prices = HARDWARE.flatMap((a) => (a.price ? [{ id: a.id, price: a.price }] : []));
    expect(prices.length).toBeGreaterThan(10);
    for (const { id, price } of prices) {
      expect(price.source.length, id).toBeGreaterThan(10);
      expect(price.date, id).toMatch(/^\d{4}/);
      expectPositiveFinite(price.usdPerHour, `${id} price`);
      expect(price.usdPerHour, id).toBeLessThan(50);
    }
  });

  it('stores finite, positive numbers in SI units', () => {
    for (const a of HARDWARE) {
      expectPositiveFinite(a.memoryBytes, `${a.id} memory`);
      expect(a.memoryBytes, a.id).toBeGreaterThanOrEqual(8e9);
      expect(a.memoryBytes, a.id).toBeLessThanOrEqual(300e9);
      expectPositiveFinite(a.bandwidthBytesPerSecond, `${a.id} bandwidth`);
      expect(a.bandwidthBytesPerSecond, a.id).toBeGreaterThanOrEqual(100e9);
      expect(a.bandwidthBytesPerSecond, a.id).toBeLessThanOrEqual(10e12);
      const rates = Object.entries(a.denseFlops);
      expect(rates.length, a.id).toBeGreaterThan(0);
      for (const [format, flops] of rates) {
        expectPositiveFinite(flops, `${a.id} ${format}`);
        expect(flops, `${a.id} ${format}`).toBeGreaterThan(1e12);
        expect(flops, `${a.id} ${format}`).toBeLessThan(2e16);
      }
      if (a.tdpWatts !== null) expectPositiveFinite(a.tdpWatts, `${a.id} tdp`);
      if (a.interconnectBytesPerSecond !== null) expectPositiveFinite(a.interconnectBytesPerSecond, `${a.id} link`);
      expect(a.year, a.id).toBeGreaterThanOrEqual(2017);
      expect(a.year, a.id).toBeLessThanOrEqual(2026);
    }
  });

  it('lists dense throughput, never the sparse marketing figure', () => {
    // Spot checks against the datasheets' dense columns.
    expect(getAccelerator('h100-sxm')?.denseFlops.bf16).toBe(989.5e12);
    expect(getAccelerator('h100-sxm')?.denseFlops.fp8).toBe(1979e12);
    expect(getAccelerator('a100-sxm-80gb')?.denseFlops.bf16).toBe(312e12);
    expect(getAccelerator('mi300x')?.denseFlops.bf16).toBe(1307.4e12);
    expect(getAccelerator('b200')?.denseFlops.fp4).toBe(9000e12);
    expect(getAccelerator('tpu-v5p')?.denseFlops.bf16).toBe(459e12);
    // Vendor "with sparsity" figures (datasheets; kept in notes): dense must be at most half.
    const sparse: [string, ComputeFormat, number][] = [
      ['a100-sxm-40gb', 'bf16', 624e12],
      ['a100-sxm-80gb', 'int8', 1248e12],
      ['h100-sxm', 'bf16', 1979e12],
      ['h100-sxm', 'fp8', 3958e12],
      ['h100-pcie', 'bf16', 1513e12],
      ['h100-nvl', 'fp8', 3341e12],
      ['h200-sxm', 'bf16', 1979e12],
      ['b200', 'fp8', 9000e12],
      ['b200', 'fp4', 18000e12],
      ['gb200', 'fp4', 20000e12],
      ['l4', 'fp8', 485e12],
      ['l40s', 'bf16', 733e12],
      ['a10', 'bf16', 250e12],
      ['rtx-4090', 'int8', 1321.2e12],
      ['rtx-5090', 'fp4', 3352e12],
      ['mi300x', 'fp8', 5229.8e12],
    ];
    for (const [id, format, sparseFlops] of sparse) {
      const dense = getAccelerator(id)?.denseFlops[format];
      expect(dense, `${id} ${format}`).toBeDefined();
      expect(dense ?? Infinity, `${id} ${format}`).toBeLessThanOrEqual((sparseFlops / 2) * 1.001);
    }
  });

  it('has the memory and bandwidth of the datasheets', () => {
    expect(getAccelerator('h100-sxm')?.memoryBytes).toBe(80e9);
    expect(getAccelerator('h100-sxm')?.bandwidthBytesPerSecond).toBe(3350e9);
    expect(getAccelerator('h200-sxm')?.memoryBytes).toBe(141e9);
    expect(getAccelerator('mi300x')?.memoryBytes).toBe(192e9);
    expect(getAccelerator('tpu-v4')?.memoryBytes).toBe(32 * 2 ** 30);
    expect(getAccelerator('rtx-4090')?.bandwidthBytesPerSecond).toBe(1008e9);
  });

  it('falls back to a listed format when a chip has no rate for the requested one', () => {
    const v100 = getAccelerator('v100-sxm2-32gb');
    const m2 = getAccelerator('m2-ultra');
    const h100 = getAccelerator('h100-sxm');
    if (!v100 || !m2 || !h100) throw new Error('missing preset');
    expect(denseFlopsFor(v100, 'bf16')).toEqual({ flops: 125e12, format: 'fp16' });
    expect(denseFlopsFor(v100, 'fp8')).toEqual({ flops: 125e12, format: 'fp16' });
    expect(denseFlopsFor(m2, 'bf16')).toEqual({ flops: 27.2e12, format: 'fp32' });
    expect(denseFlopsFor(h100, 'fp4')).toEqual({ flops: 1979e12, format: 'fp8' });
    expect(denseFlopsFor(h100, 'bf16')).toEqual({ flops: 989.5e12, format: 'bf16' });
    for (const a of HARDWARE) {
      for (const format of ['bf16', 'fp16', 'fp8', 'int8', 'fp4'] as const) {
        expect(denseFlopsFor(a, format), `${a.id} ${format}`).not.toBeNull();
      }
    }
    // FP32 never borrows a 16-bit rate: chips that publish no FP32 matrix rate have none.
    const noFp32 = HARDWARE.filter((a) => denseFlopsFor(a, 'fp32') === null).map((a) => a.id);
    expect(noFp32).toEqual(['mi355x', 'tpu-v4', 'tpu-v5e', 'tpu-v5p', 'tpu-v6e', 'gaudi-2', 'gaudi-3']);
  });
});

describe('MODELS', () => {
  const REQUIRED = [
    'gpt-2',
    'gpt-2-xl',
    'bert-base',
    'gpt-3-175b',
    'llama-3.1-70b',
    'llama-3.1-405b',
    'llama-2-7b',
    'llama-2-70b',
    'mixtral-8x7b',
    'deepseek-v3',
    'bloom-176b',
    'falcon-40b',
    'opt-66b',
    'pythia-1.4b',
    'mistral-7b',
    'qwen2.5-7b',
    'gemma-2-9b',
    'article-100b',
    'article-1t',
    'article-10t',
    'gpt-4-estimate',
    // further presets the brief asks for
    'llama-3.1-8b',
    'llama-3.2-1b',
    'llama-3.2-3b',
    'qwen2.5-72b',
    'qwen2.5-0.5b',
    'qwen3-8b',
    'qwen3-235b-a22b',
    'qwen3-30b-a3b',
    'gemma-2-27b',
    'gemma-2-2b',
    'phi-3-mini-4k',
    'mixtral-8x22b',
    'deepseek-v2',
    'deepseek-v2-lite',
    'falcon-7b',
    'falcon-180b',
    'bert-large',
    'gpt-2-medium',
    'llama-3-8b',
  ];

  it('has ≥ 30 presets, every required id, unique kebab-case ids', () => {
    expect(MODELS.length).toBeGreaterThanOrEqual(30);
    expectUniqueKebabIds(MODELS.map((m) => m.id));
    for (const id of REQUIRED) expect(MODELS_BY_ID.has(id), id).toBe(true);
    expect(MODELS_BY_ID.size).toBe(MODELS.length);
    expect(getModelPreset('llama-3.1-70b')?.name).toBe('Llama 3.1 70B');
  });

  it('carries a source and a date on every row', () => {
    for (const m of MODELS) {
      expect(m.source.length, m.id).toBeGreaterThan(10);
      expect(m.sourceDate, m.id).toMatch(/^\d{4}/);
      expect(m.name.length, m.id).toBeGreaterThan(0);
      expect(m.org.length, m.id).toBeGreaterThan(0);
      expect(m.publishedParamsLabel.length, m.id).toBeGreaterThan(0);
      expect(m.year, m.id).toBeGreaterThanOrEqual(2018);
      expect(m.year, m.id).toBeLessThanOrEqual(2026);
    }
  });

  it('has a config with a model_type, or a parameter count for the shape rule', () => {
    const withConfig = MODELS.filter((m) => m.config !== undefined);
    const shapeRule = MODELS.filter((m) => m.config === undefined);
    expect(withConfig.length).toBeGreaterThan(20);
    expect(shapeRule.length).toBeGreaterThan(1);
    for (const m of withConfig) {
      expect(typeof m.config?.model_type, m.id).toBe('string');
      expect(m.params, m.id).toBeUndefined();
    }
    for (const m of shapeRule) expectPositiveFinite(m.params ?? 0, `${m.id} params`);
    const published = MODELS.flatMap((m) => (m.publishedParams !== null ? [[m.id, m.publishedParams] as const] : []));
    const tokens = MODELS.flatMap((m) => (m.trainingTokens !== null ? [[m.id, m.trainingTokens] as const] : []));
    expect(published.length).toBeGreaterThan(10);
    expect(tokens.length).toBeGreaterThan(10);
    for (const [id, value] of published) expectPositiveFinite(value, `${id} publishedParams`);
    for (const [id, value] of tokens) expectPositiveFinite(value, `${id} tokens`);
    expect(getModelPreset('article-1t')?.params).toBe(1e12);
    expect(getModelPreset('article-10t')?.params).toBe(1e13);
  });

  it('flags the hypothetical and estimated models as unconfirmed, and only those', () => {
    const unconfirmed = MODELS.filter((m) => !m.confirmed).map((m) => m.id).sort();
    expect(unconfirmed).toEqual(['article-100b', 'article-10t', 'article-1t', 'gpt-4-estimate']);
  });

  it('keeps the published configs verbatim (spot checks)', () => {
    expect(getModelPreset('gpt-2')?.config).toMatchObject({ model_type: 'gpt2', n_embd: 768, n_layer: 12, vocab_size: 50257 });
    expect(getModelPreset('llama-3.1-70b')?.config).toMatchObject({
      model_type: 'llama',
      hidden_size: 8192,
      intermediate_size: 28672,
      num_hidden_layers: 80,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      vocab_size: 128256,
      tie_word_embeddings: false,
    });
    expect(getModelPreset('deepseek-v3')?.config).toMatchObject({
      model_type: 'deepseek_v3',
      n_routed_experts: 256,
      num_experts_per_tok: 8,
      kv_lora_rank: 512,
      qk_rope_head_dim: 64,
      num_nextn_predict_layers: 1,
    });
    expect(getModelPreset('gemma-2-9b')?.config).toMatchObject({ model_type: 'gemma2', head_dim: 256, hidden_size: 3584 });
    expect(getModelPreset('qwen3-235b-a22b')?.config).toMatchObject({
      model_type: 'qwen3_moe',
      num_experts: 128,
      num_experts_per_tok: 8,
      moe_intermediate_size: 1536,
      num_hidden_layers: 94,
    });
    expect(getModelPreset('falcon-7b')?.config).toMatchObject({ multi_query: true, new_decoder_architecture: false });
    expect(getModelPreset('deepseek-v2-lite')?.config).toMatchObject({ q_lora_rank: null, n_routed_experts: 64 });
    expect(getModelPreset('bloom-176b')?.publishedParams).toBe(176247271424);
    expect(getModelPreset('pythia-1.4b')?.publishedParams).toBe(1414647808);
  });

  it('builds the article\'s "100B" as GPT-3-sized gpt2 config', () => {
    expect(getModelPreset('article-100b')?.config).toMatchObject({
      model_type: 'gpt2',
      n_embd: 12288,
      n_layer: 96,
      n_head: 96,
      vocab_size: 100000,
      n_inner: null,
    });
  });

  it('sizes the GPT-4 estimate at ≈ 1.8T total and ≈ 280B active (Mixtral-style count)', () => {
    const c = getModelPreset('gpt-4-estimate')?.config as Record<string, number>;
    const h = c.hidden_size ?? 0;
    const layers = c.num_hidden_layers ?? 0;
    const heads = c.num_attention_heads ?? 0;
    const kvHeads = c.num_key_value_heads ?? 0;
    const headDim = h / heads;
    const experts = c.num_local_experts ?? 0;
    const topK = c.num_experts_per_tok ?? 0;
    const expert = 3 * h * (c.intermediate_size ?? 0);
    const attention = 2 * h * heads * headDim + 2 * h * kvHeads * headDim;
    const perLayerShared = attention + 2 * h + h * experts;
    const embeddings = 2 * (c.vocab_size ?? 0) * h;
    const total = embeddings + layers * (perLayerShared + experts * expert) + h;
    const active = embeddings + layers * (perLayerShared + topK * expert) + h;
    expect(total / 1.8e12).toBeGreaterThan(0.97);
    expect(total / 1.8e12).toBeLessThan(1.05);
    expect(active / 280e9).toBeGreaterThan(0.95);
    expect(active / 280e9).toBeLessThan(1.05);
    expect(experts).toBe(16);
    expect(topK).toBe(2);
    expect(layers).toBe(120);
  });
});

describe('TRAINING_RUNS', () => {
  it('has unique kebab-case ids, sources, and links that resolve', () => {
    expect(TRAINING_RUNS.length).toBe(27);
    expectUniqueKebabIds(TRAINING_RUNS.map((r) => r.id));
    for (const r of TRAINING_RUNS) {
      expect(r.source.length, r.id).toBeGreaterThan(10);
      expectPositiveFinite(r.paramsTotal, `${r.id} params`);
      expectPositiveFinite(r.paramsActive, `${r.id} active`);
      expect(r.paramsActive, r.id).toBeLessThanOrEqual(r.paramsTotal);
    }
    const hardwareLinks = TRAINING_RUNS.flatMap((r) => (r.hardwareId !== null ? [[r.id, r.hardwareId] as const] : []));
    const modelLinks = TRAINING_RUNS.flatMap((r) => (r.modelPresetId !== null ? [[r.id, r.modelPresetId] as const] : []));
    expect(hardwareLinks.length).toBeGreaterThan(10);
    expect(modelLinks.length).toBeGreaterThan(10);
    for (const [id, hardwareId] of hardwareLinks) expect(HARDWARE_BY_ID.has(hardwareId), id).toBe(true);
    for (const [id, modelId] of modelLinks) expect(MODELS_BY_ID.has(modelId), id).toBe(true);
    const figures = TRAINING_RUNS.flatMap((r) =>
      [r.tokens, r.reportedFlops, r.gpus, r.gpuHours, r.energyMwh, r.costUsd].flatMap((value) => (value !== null ? [[r.id, value] as const] : [])),
    );
    expect(figures.length).toBeGreaterThan(50);
    for (const [id, value] of figures) expectPositiveFinite(value, id);
    const mfus = TRAINING_RUNS.flatMap((r) => (r.reportedMfu !== null ? [[r.id, r.reportedMfu] as const] : []));
    expect(mfus.length).toBeGreaterThanOrEqual(3);
    for (const [id, mfu] of mfus) {
      expect(mfu, id).toBeGreaterThan(0);
      expect(mfu, id).toBeLessThan(1);
    }
  });

  it('keeps the published figures (spot checks)', () => {
    const byId = new Map(TRAINING_RUNS.map((r) => [r.id, r]));
    expect(byId.get('gpt3-175b')?.reportedFlops).toBe(3.14e23);
    expect(byId.get('llama31-405b')).toMatchObject({ gpus: 16384, gpuHours: 30.84e6, reportedFlops: 3.8e25, hardwareId: 'h100-sxm' });
    expect(byId.get('deepseek-v3')).toMatchObject({ gpuHours: 2.788e6, costUsd: 5.576e6, hardwareId: 'h800-sxm', paramsActive: 37e9 });
    expect(byId.get('palm-540b')?.reportedMfu).toBe(0.462);
    expect(byId.get('gpt-4-estimate')?.confirmed).toBe(false);
    expect(TRAINING_RUNS.filter((r) => !r.confirmed)).toHaveLength(1);
  });
});

describe('DECODE_MEASUREMENTS', () => {
  it('has unique ids, valid links, and speeds below the bandwidth roofline', () => {
    expect(DECODE_MEASUREMENTS.length).toBe(18);
    expectUniqueKebabIds(DECODE_MEASUREMENTS.map((d) => d.id));
    const onPresetHardware = DECODE_MEASUREMENTS.filter((d) => d.hardwareId !== null);
    expect(onPresetHardware.length).toBeGreaterThan(5);
    for (const d of onPresetHardware) {
      const accelerator = getAccelerator(d.hardwareId ?? '');
      expect(accelerator, d.id).toBeDefined();
      expect(d.bandwidthBytesPerSecond, d.id).toBe(accelerator?.bandwidthBytesPerSecond);
    }
    const ofPresetModels = DECODE_MEASUREMENTS.filter((d) => d.modelPresetId !== null);
    expect(ofPresetModels.length).toBeGreaterThan(5);
    for (const d of ofPresetModels) expect(MODELS_BY_ID.has(d.modelPresetId ?? ''), d.id).toBe(true);
    for (const d of DECODE_MEASUREMENTS) {
      expect(d.source.length, d.id).toBeGreaterThan(10);
      expect(PRECISIONS[d.precision], d.id).toBeDefined();
      expectPositiveFinite(d.weightBytes, d.id);
      expectPositiveFinite(d.measuredTokensPerSecond, d.id);
      const roofline = d.bandwidthBytesPerSecond / d.weightBytes;
      expect(d.measuredTokensPerSecond, d.id).toBeLessThan(roofline);
      expect(d.measuredTokensPerSecond / roofline, d.id).toBeGreaterThan(0.2);
    }
  });

  it('uses 4.5 bits per weight for Q4_0 (6.74B × 18/32 bytes)', () => {
    const q4 = DECODE_MEASUREMENTS.find((d) => d.id === 'llama-2-7b-q4-0-rtx-4090-llamacpp');
    expect(q4?.weightBytes).toBe(6.74e9 * bytesPerWeight('q4_0'));
    expect(q4?.measuredTokensPerSecond).toBe(149.37);
  });
});

describe('TRAINING_FRAMEWORKS and their light traits', () => {
  it('every software the scenario offers (the traits) is a full row the planner prices, in the same order, with the same traits', () => {
    expect(TRAINING_FRAMEWORKS.map((row) => row.id)).toEqual(TRAINING_FRAMEWORK_TRAITS.map((row) => row.id));
    for (const traits of TRAINING_FRAMEWORK_TRAITS) {
      const full = TRAINING_FRAMEWORKS.find((row) => row.id === traits.id)!;
      for (const [key, value] of Object.entries(traits)) expect(full[key as keyof typeof traits], `${traits.id}.${key}`).toBe(value);
      expect(full.source.length, traits.id).toBeGreaterThan(40);
      if (traits.kernelEfficiency !== undefined) expect(full.kernelEfficiencySource?.length ?? 0, traits.id).toBeGreaterThan(40);
    }
  });
});
