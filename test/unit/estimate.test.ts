import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimate, resolveModel, resolveScenarioModel, sameModelInput, FALLBACK_USD_PER_GPU_HOUR } from '../../src/core/estimate';
import { ConfigError } from '../../src/core/errors';
import { DEFAULT_SCENARIO } from '../../src/scenario/scenario';
import { MODELS } from '../../src/data/models';
import { HARDWARE } from '../../src/data/hardware';
import { PRECISION_IDS } from '../../src/data/precisions';
import { badNumbers } from '../fixtures/walk';
import { estimateScenarioArbitrary, scenarioWith } from '../fixtures/estimate-scenarios';
import { scenarioArbitrary } from '../fixtures/arbitraries';
import { LLAMA31_405B_TRAINING } from '../fixtures/published';

/** Log-uniform scenarios with invalid references, and the URL codec's linear-uniform valid ones. */
const anyScenario = fc.oneof(estimateScenarioArbitrary, scenarioArbitrary);

describe('estimate(DEFAULT_SCENARIO)', () => {
  const e = estimate(DEFAULT_SCENARIO);
  it('resolves Llama 3.1 70B on H100 SXM at its indicative price', () => {
    expect(e.model.id).toBe('llama-3.1-70b');
    expect(e.model.counts.total).toBeGreaterThan(70e9);
    expect(e.hardware.id).toBe('h100-sxm');
    expect(e.hardware.priceSource).toBe('accelerator');
    expect(e.training.peakFlopsPerGpu).toBe(989.5e12);
    expect(e.training.computeFormat).toBe('bf16');
  });
  it('Llama 3.1 70B, 20 tokens per parameter, 1024 H100 at a pinned 40% MFU: figures worked by hand', () => {
    const t = estimate({ ...DEFAULT_SCENARIO, mfu: 0.4 }).training;
    expect(t.mfuSource).toBe('pinned');
    // 80 layers × 855,654,400 (q, k, v, o 150,994,944 + SwiGLU 704,643,072 + 2 norms 16,384)
    // + untied embedding and head 2 × 128,256 × 8,192 + final norm 8,192 = 70,553,706,496
    // (the Llama 3.1 70B checkpoint's parameter count).
    expect(e.model.counts.total).toBe(70_553_706_496);
    expect(t.tokens).toBe(1_411_074_129_920); // 20 × N
    // 6 × N × D = 5.97339e23 FLOPs; ÷ (989.5e12 × 0.4 × 3600) = 419,220.6 GPU-hours; ÷ 1024 ÷ 24 = 17.058 days.
    expect(Math.abs(t.flops / 5.973390600388455e23 - 1)).toBeLessThan(1e-12);
    expect(t.gpuHours).toBeCloseTo(419_220.608, 2);
    expect(t.days).toBeCloseTo(17.05813, 4);
    expect(t.dataParallel).toBe(128); // 1024 / (TP 8 × PP 1)
    expect(e.weights.selected.bytes).toBe(141_107_412_992); // 2 bytes × N
    expect(e.weights.byPrecision.map((w) => w.id)).toEqual([...PRECISION_IDS]);
    expect(e.kv.bytesPerToken).toBe(327_680);
    expect(e.scaling.compute).toBe(t.denseFlops);
    expect(e.deployment.gpusPerReplica).toBe(e.inference.gpus);
  });
  it('serves on the smallest power-of-two group that holds weights + KV: 2 × H100 for 141 GB of BF16 weights', () => {
    expect(e.inference.gpus).toBe(2);
    expect(e.inference.totalBytes).toBeLessThanOrEqual(2 * 80e9);
    expect(e.inference.bound).toBe('memory');
    expect(e.warnings).toContain('weights-exceed-one-gpu');
  });
});

describe('training against published figures (via estimate)', () => {
  it('Llama 3.1 405B on 16,384 H100 at 41% MFU: 6ND ≈ 3.8e25 and ≈ 26M GPU-hours (card: 30.84M incl. overheads)', () => {
    const e = estimate(scenarioWith({ model: 'llama-3.1-405b', tokens: 15.6e12, mfu: 0.41, gpuCount: 16_384, gpu: 'h100-sxm' }));
    expect(Math.abs(e.training.flops / LLAMA31_405B_TRAINING.publishedFlops - 1)).toBeLessThan(0.01);
    expect(Math.abs(e.training.gpuHours / LLAMA31_405B_TRAINING.derivedGpuHoursAt41Pct - 1)).toBeLessThan(0.01);
    expect(e.training.gpuHours / LLAMA31_405B_TRAINING.reportedGpuHours).toBeGreaterThan(0.83);
    expect(e.training.gpuHours / LLAMA31_405B_TRAINING.reportedGpuHours).toBeLessThan(0.86);
  });
});

describe('training memory per GPU: activations as a current stack keeps them', () => {
  // Llama 3's layout for 405B (Table 4: TP 8, PP 16, 8K tokens, no activation checkpointing).
  const base = { model: 'llama-3.1-405b', gpuCount: 8192, gpu: 'h100-sxm', tensorParallel: 8, pipelineParallel: 16, seqLen: 8192, microBatch: 1, sequenceParallel: true, zeroStage: 1 as const };
  const activations = (overrides: Record<string, unknown>) => estimate(scenarioWith({ ...base, ...overrides })).training.memoryPerGpu.activations;

  it('FlashAttention stores no s × s scores, so selective recomputation keeps as much as none (Dao et al. 2022 §3.1)', () => {
    const none = activations({ recompute: 'none', globalBatch: 2048 });
    const selective = activations({ recompute: 'selective', globalBatch: 2048 });
    const full = activations({ recompute: 'full', globalBatch: 2048 });
    expect(none).toBe(selective);
    // Korthikanti et al. 2022 Table 2 (unfused attention) puts none at 1 + 5as/34h = 10.4× selective here.
    expect(none / selective).toBeLessThan(1.5);
    expect(full).toBeLessThan(none / 5);
  });

  it('the first 1F1B stage holds min(p, m) micro-batches: 2,048 and 512 sequences over 64 replicas (Narayanan et al. 2021 §2.2.1)', () => {
    const sixteenInFlight = activations({ recompute: 'none', globalBatch: 2048 }); // m = 32 ≥ p = 16
    const eightInFlight = activations({ recompute: 'none', globalBatch: 512 }); // m = 8
    const stillSixteen = activations({ recompute: 'none', globalBatch: 1024 }); // m = 16
    expect(stillSixteen).toBe(sixteenInFlight);
    // Half the layer activations; the embedding's share on the first stage does not halve.
    expect(eightInFlight / sixteenInFlight).toBeGreaterThan(0.5);
    expect(eightInFlight / sixteenInFlight).toBeLessThan(0.52);
  });

  it('counts an MoE layer\'s routed copies as the planner\'s memory plan does: card and plan within 10 % on the same layout, dense and MoE', () => {
    // Korthikanti's GPT figure (34·s·b·h) put Mixtral, DeepSeek-V3 and Qwen3-235B at 55–65 % of the
    // planner's per-tensor count: the k routed copies of each token keep their own expert inputs.
    for (const model of ['gpt-3-175b', 'llama-3.1-70b', 'mixtral-8x7b', 'deepseek-v3', 'qwen3-235b-a22b']) {
      for (const [tensorParallel, pipelineParallel] of [[8, 1], [8, 4], [1, 1]] as const) {
        const e = estimate(scenarioWith({ model, gpuCount: 512, tensorParallel, pipelineParallel, zeroStage: 1, recompute: 'none', microBatch: 1, seqLen: 4096 }));
        const plan = e.training.step;
        expect(plan, `${model} tp ${tensorParallel} pp ${pipelineParallel}`).not.toBeNull();
        const ratio = e.training.memoryPerGpu.activations / plan!.memory.activations;
        expect(ratio, `${model} tp ${tensorParallel} pp ${pipelineParallel}`).toBeGreaterThan(0.9);
        expect(ratio, `${model} tp ${tensorParallel} pp ${pipelineParallel}`).toBeLessThan(1.1);
      }
    }
    // FP8 training keeps its linear inputs in 8 bits (Transformer Engine), in the card as in the plan.
    for (const model of ['llama-3.1-70b', 'mixtral-8x7b']) {
      const fp8 = estimate(scenarioWith({ model, gpu: 'h100-sxm', trainPrecision: 'fp8', gpuCount: 512, tensorParallel: 8, pipelineParallel: 1, zeroStage: 1, recompute: 'none', microBatch: 1, seqLen: 4096 }));
      const bf16 = estimate(scenarioWith({ model, gpu: 'h100-sxm', trainPrecision: 'bf16', gpuCount: 512, tensorParallel: 8, pipelineParallel: 1, zeroStage: 1, recompute: 'none', microBatch: 1, seqLen: 4096 }));
      const ratio = fp8.training.memoryPerGpu.activations / fp8.training.step!.memory.activations;
      expect(ratio, model).toBeGreaterThan(0.9);
      expect(ratio, model).toBeLessThan(1.1);
      expect(fp8.training.activationBytesPerLayer.none, model).toBeLessThan(bf16.training.activationBytesPerLayer.none);
    }
  });
});

describe('KV cache of real presets through their config.json (models.json kv_bytes_per_token_fp16)', () => {
  it.each([
    ['gpt-2', 36_864],
    ['llama-2-70b', 327_680],
    ['mistral-7b', 131_072],
    ['mixtral-8x7b', 131_072],
    ['gemma-2-9b', 344_064],
    ['deepseek-v3', 70_272],
  ] as const)('%s: %i bytes per token at BF16', (model, bytes) => {
    expect(estimate(scenarioWith({ model })).kv.bytesPerToken).toBe(bytes);
  });
  it('Mistral-7B-v0.1 at a 32k context caches 4096 tokens per sequence (sliding window on every layer)', () => {
    const e = estimate(scenarioWith({ model: 'mistral-7b', promptTokens: 32_000, outputTokens: 768, batch: 2 }));
    // 2 sequences × a 4096-token window × 131,072 bytes per token.
    expect(e.inference.kvBytes).toBe(1_073_741_824);
  });
  it('Gemma-2-9B at 8192 tokens: half the layers stop at 4096', () => {
    const e = estimate(scenarioWith({ model: 'gemma-2-9b', promptTokens: 8000, outputTokens: 192, batch: 1 }));
    // 8,192 bytes per layer-token (344,064 / 42) × (21 global layers × 8192 + 21 windowed × 4096).
    expect(e.inference.kvBytes).toBe(2_113_929_216);
  });
});

describe('compute-format fallbacks and warnings', () => {
  it('FP8 training on A100 runs at the BF16 rate and says so', () => {
    const e = estimate(scenarioWith({ gpu: 'a100-sxm-80gb', trainPrecision: 'fp8' }));
    expect(e.training.peakFlopsPerGpu).toBe(312e12);
    expect(e.training.computeFormat).toBe('bf16');
    expect(e.warnings).toContain('fp8-unsupported');
  });
  it('BF16 on V100 falls back to FP16 tensor cores (125 TFLOP/s)', () => {
    const e = estimate(scenarioWith({ gpu: 'v100-sxm2-32gb' }));
    expect(e.training.peakFlopsPerGpu).toBe(125e12);
    expect(e.warnings).toContain('bf16-unsupported');
  });
  it('FP8 on H100 uses the FP8 rate, no warning', () => {
    const e = estimate(scenarioWith({ trainPrecision: 'fp8' }));
    expect(e.training.peakFlopsPerGpu).toBe(1979e12);
    expect(e.warnings).not.toContain('fp8-unsupported');
  });
  it('a custom GPU uses its own figures and price', () => {
    const e = estimate(scenarioWith({ gpu: 'custom' }));
    expect(e.hardware.id).toBe('custom');
    expect(e.training.peakFlopsPerGpu).toBe(DEFAULT_SCENARIO.customGpu.flops);
    expect(e.hardware.usdPerGpuHour).toBe(DEFAULT_SCENARIO.customGpu.usdPerHour);
  });
  it('no price → documented fallback; scenario price wins', () => {
    const apple = estimate(scenarioWith({ gpu: 'm2-ultra' }));
    expect(apple.hardware.usdPerGpuHour).toBe(FALLBACK_USD_PER_GPU_HOUR);
    expect(apple.warnings).toEqual(expect.arrayContaining(['price-fallback', 'tdp-fallback']));
    expect(estimate(scenarioWith({ usdPerGpuHour: 1.5 })).hardware.usdPerGpuHour).toBe(1.5);
  });
  it('training that does not fit per GPU is flagged', () => {
    const e = estimate(scenarioWith({ model: 'llama-3.1-405b', gpuCount: 8, tensorParallel: 8, zeroStage: 0 }));
    expect(e.training.fitsPerGpu).toBe(false);
    expect(e.warnings).toContain('does-not-fit');
    // The fewest-GPU layout fits in what the driver gives an H100 (nvidia-smi: 81,559 MiB).
    expect(e.hardware.deviceMemoryBytes).toBe(81_559 * 2 ** 20);
    expect(e.training.minGpus!.bytesPerGpu).toBeLessThanOrEqual(e.hardware.deviceMemoryBytes);
  });
  it('MoE: active < total, decode reads the experts the batch touches', () => {
    const e = estimate(scenarioWith({ model: 'mixtral-8x7b', batch: 1 }));
    expect(e.moe).not.toBeNull();
    expect(e.model.counts.active).toBeLessThan(e.model.counts.total);
    // One token reads the active weights less the input embedding table, which is looked up, not
    // streamed (Mixtral: vocab 32,000 × hidden 4,096 × 2 bytes = 262,144,000 bytes).
    expect(e.inference.decodeWeightBytesPerStep).toBeCloseTo(e.weights.activeBytes - 32_000 * 4_096 * 2, -3);
    expect(e.warnings).toContain('moe-scaling-law');
  });
  it('unconfirmed and derived models are flagged', () => {
    expect(estimate(scenarioWith({ model: 'gpt-4-estimate' })).warnings).toContain('unconfirmed-model');
    expect(estimate(scenarioWith({ model: 'article-1t' })).warnings).toEqual(expect.arrayContaining(['unconfirmed-model', 'derived-architecture']));
    expect(estimate(scenarioWith({ model: 'size', params: 3e9 })).warnings).toContain('derived-architecture');
  });
});

describe('resolveScenarioModel: the one resolver, with fallbacks and messages', () => {
  it('a preset without overrides: the model is its own base, no messages', () => {
    const resolution = resolveScenarioModel(scenarioWith({ model: 'llama-3.1-8b' }));
    expect(resolution.model.id).toBe('llama-3.1-8b');
    // Llama 3.1 8B: 8,030,261,248 parameters (the checkpoint's count, 8.03B on the model card).
    expect(resolution.model.counts.total).toBe(8_030_261_248);
    expect(resolution.base).toBe(resolution.model);
    expect(resolution.error).toBeNull();
    expect(resolution.overridesError).toBeNull();
    expect(resolution.warnings).toEqual([]);
  });
  it('valid overrides: the model changes, the base does not', () => {
    const resolution = resolveScenarioModel(scenarioWith({ model: 'llama-3.1-8b', overrides: { layers: 16 } }));
    expect(resolution.model.arch.layers).toBe(16);
    expect(resolution.base?.arch.layers).toBe(32);
    expect(resolution.overridesError).toBeNull();
  });
  it('overrides that break the model are dropped with the core\'s message', () => {
    const resolution = resolveScenarioModel(scenarioWith({ model: 'llama-3.1-8b', overrides: { heads: 7 } }));
    expect(resolution.model).toBe(resolution.base);
    expect(resolution.model.arch.heads).toBe(32);
    expect(resolution.overridesError).toBe('hidden (4096) must be divisible by heads (7) for this model');
    expect(resolution.warnings).toContain('invalid-overrides');
    expect(resolution.error).toBeNull();
  });
  it('an unknown id or a broken config: the default model, the message, no base', () => {
    const unknown = resolveScenarioModel(scenarioWith({ model: 'no-such-model', overrides: { layers: 3 } }));
    expect(unknown.model.id).toBe(DEFAULT_SCENARIO.model);
    expect(unknown.base).toBeNull();
    expect(unknown.error).toContain('no-such-model');
    expect(unknown.warnings[0]).toBe('unknown-model');
    const broken = resolveScenarioModel(scenarioWith({ model: 'custom', customConfig: { model_type: 'llama' } }));
    expect(broken.model.id).toBe(DEFAULT_SCENARIO.model);
    expect(broken.error).not.toBeNull();
    expect(broken.warnings[0]).toBe('invalid-config');
  });
  it('sameModelInput: only the inputs that shape the model count', () => {
    const a = scenarioWith({ model: 'size', params: 1e9, overrides: { layers: 12 } });
    expect(sameModelInput(a, { ...a, overrides: { layers: 12 } })).toBe(true);
    expect(sameModelInput(a, scenarioWith({ model: 'size', params: 1e9, gpuCount: 7, overrides: { layers: 12 } }))).toBe(true);
    expect(sameModelInput(a, { ...a, params: 2e9 })).toBe(false);
    expect(sameModelInput(a, { ...a, overrides: { layers: 13 } })).toBe(false);
    const preset = scenarioWith({ model: 'llama-3.1-8b' });
    expect(sameModelInput(preset, { ...preset, params: 5e9 })).toBe(true);
    const config = { model_type: 'llama', hidden_size: 64, num_hidden_layers: 2, num_attention_heads: 4, intermediate_size: 128, vocab_size: 100 };
    const custom = scenarioWith({ model: 'custom', customConfig: config });
    expect(sameModelInput(custom, { ...custom, customConfig: { ...config } })).toBe(false);
    expect(sameModelInput(custom, { ...custom })).toBe(true);
  });
});

describe('model resolution', () => {
  it('resolveModel throws ConfigError for an unknown id, a missing or broken config', () => {
    expect(() => resolveModel(scenarioWith({ model: 'no-such-model' }))).toThrow(ConfigError);
    expect(() => resolveModel(scenarioWith({ model: 'custom', customConfig: null }))).toThrow(ConfigError);
    expect(() => resolveModel(scenarioWith({ model: 'custom', customConfig: { model_type: 'llama', hidden_size: 4096, num_attention_heads: 32, num_key_value_heads: 5 } }))).toThrow(ConfigError);
  });
  it('estimate never throws: unknown id → default model + warning; broken config → default + warning', () => {
    const unknown = estimate(scenarioWith({ model: 'no-such-model' }));
    expect(unknown.model.id).toBe(DEFAULT_SCENARIO.model);
    expect(unknown.warnings).toContain('unknown-model');
    const broken = estimate(scenarioWith({ model: 'custom', customConfig: { model_type: 'llama' } }));
    expect(broken.model.id).toBe(DEFAULT_SCENARIO.model);
    expect(broken.warnings).toContain('invalid-config');
  });
  it('invalid overrides are ignored with a warning; valid ones apply', () => {
    const bad = estimate(scenarioWith({ overrides: { hidden: 8190 } })); // 8190 is not divisible by 64 heads
    expect(bad.warnings).toContain('invalid-overrides');
    expect(bad.model.arch.hidden).toBe(8192);
    const good = estimate(scenarioWith({ overrides: { layers: 40 } }));
    expect(good.model.arch.layers).toBe(40);
    expect(good.model.counts.total).toBeLessThan(estimate(DEFAULT_SCENARIO).model.counts.total);
  });
  it('an unknown GPU id falls back to the default accelerator', () => {
    const e = estimate(scenarioWith({ gpu: 'no-such-gpu' }));
    expect(e.hardware.id).toBe(DEFAULT_SCENARIO.gpu);
    expect(e.warnings).toContain('unknown-gpu');
  });
  it('uses a given model resolution as-is (the store memoizes it), and keeps no cache of its own', () => {
    const resolution = resolveScenarioModel(DEFAULT_SCENARIO);
    const a = estimate(scenarioWith({ batch: 3 }), resolution);
    const b = estimate(scenarioWith({ batch: 4, gpuCount: 77 }), resolution);
    expect(a.model.arch).toBe(resolution.model.arch);
    expect(b.model.counts).toBe(resolution.model.counts);
    const fresh = estimate(scenarioWith({ batch: 4, gpuCount: 77 }));
    const again = estimate(scenarioWith({ batch: 4, gpuCount: 77 }));
    expect(again.model.arch).not.toBe(fresh.model.arch);
    expect(again).toEqual(fresh);
    expect(b).toEqual(fresh);
    const c = estimate(scenarioWith({ model: 'size', params: 2e9 }));
    const d = estimate(scenarioWith({ model: 'size', params: 3e9 }));
    expect(d.model.counts.total).toBeGreaterThan(c.model.counts.total);
  });
  it('every preset × a few accelerators: no throw, every number finite and non-negative', () => {
    for (const model of MODELS) {
      for (const gpu of ['h100-sxm', 'rtx-4090', 'm2-ultra', 'tpu-v5e']) {
        const e = estimate(scenarioWith({ model: model.id, gpu }));
        expect(badNumbers(e, { nonNegative: true }), `${model.id} on ${gpu}`).toEqual([]);
      }
    }
  });
});

describe('properties over random scenarios (RANGES)', () => {
  it('every number in the Estimate is finite and non-negative', () => {
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const e = estimate(scenario);
        expect(badNumbers(e, { nonNegative: true })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
  it('more GPUs → fewer training days; more params (size) → more weight memory', () => {
    fc.assert(
      fc.property(anyScenario, fc.integer({ min: 2, max: 16 }), (scenario, factor) => {
        const base = { ...scenario, gpuCount: Math.min(scenario.gpuCount, 5e4) };
        const a = estimate(base);
        const b = estimate({ ...base, gpuCount: base.gpuCount * factor });
        expect(b.training.days).toBeLessThanOrEqual(a.training.days);
        const small = estimate({ ...base, model: 'size', params: 1e9, overrides: {} });
        const large = estimate({ ...base, model: 'size', params: 1e11, overrides: {} });
        expect(large.weights.selected.bytes).toBeGreaterThan(small.weights.selected.bytes);
        expect(large.training.memoryPerGpu.total).toBeGreaterThan(small.training.memoryPerGpu.total);
      }),
      { numRuns: 100 },
    );
  });
  it('fewer bits → fewer weight bytes; longer context → more KV', () => {
    const e = estimate(DEFAULT_SCENARIO);
    const byBits = [...e.weights.byPrecision].sort((a, b) => a.bitsPerWeight - b.bitsPerWeight);
    expect(byBits.length).toBeGreaterThan(5);
    // Sorted by bits, the bytes rise exactly where the bits do (equal bits, equal bytes).
    for (let i = 1; i < byBits.length; i++) {
      const what = `${byBits[i - 1]!.id} → ${byBits[i]!.id}`;
      expect(Math.sign(byBits[i]!.bytes - byBits[i - 1]!.bytes), what).toBe(Math.sign(byBits[i]!.bitsPerWeight - byBits[i - 1]!.bitsPerWeight));
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5e6 }), (promptTokens) => {
        const a = estimate(scenarioWith({ promptTokens }));
        const b = estimate(scenarioWith({ promptTokens: promptTokens * 2 + 1 }));
        expect(b.inference.kvBytes).toBeGreaterThan(a.inference.kvBytes);
      }),
      { numRuns: 50 },
    );
  });
  it('every accelerator resolves', () => {
    for (const gpu of HARDWARE) expect(estimate(scenarioWith({ gpu: gpu.id })).hardware.id).toBe(gpu.id);
  });
});
