/**
 * singleStreamEstimate — the one batch-1 function estimate() calls (fit verdict, TTFT, decode speed)
 * — against published single-request measurements, and its agreement with the serving model:
 * - NVIDIA NIM 1.8.0, Llama-3.3-70B FP8, 2 × H100, 5000 / 500 tokens, concurrency 1: TTFT 406.77 ms,
 *   inter-token latency 18.58 ms (docs.nvidia.com/nim/benchmarking/llm/1.0.0/performance);
 * - vLLM with FlashInfer's TensorRT-LLM MoE backend, Llama 4 Scout NVFP4 on one B200, batch 1,
 *   2048 in / 100 out: mean TPOT 7.60 ms (flashinfer-ai/flashinfer issue #1734, a MoE model);
 * - partial offload: llama.cpp -ngl speeds from two bandwidths (the fit verdict's split).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { architectureFromHfConfig } from '../../src/core/params';
import { servingCapacity } from '../../src/core/serving/capacity';
import { canIRun } from '../../src/core/serving/local';
import { DEFAULT_HOST, singleStreamEstimate } from '../../src/core/serving/single-stream';
import { ConfigError } from '../../src/core/errors';
import { getDevice } from '../../src/data/local-devices';
import { MODELS_BY_ID } from '../../src/data/models';

const arch = (id: string) => architectureFromHfConfig(MODELS_BY_ID.get(id)!.config!);

describe('published single-request figures', () => {
  const nim = singleStreamEstimate({
    arch: arch('llama-3.1-70b'),
    accelerator: getDevice('h100-sxm')!,
    gpus: 2,
    weightPrecision: 'fp8',
    kvPrecision: 'fp8',
    promptTokens: 5000,
    outputTokens: 500,
  });

  it('NIM, Llama-3.3-70B FP8 on 2 × H100 at concurrency 1: TTFT within ±25% of 406.77 ms, time per token within ±25% of 18.58 ms', () => {
    expect(nim.fit.fits).toBe(true);
    expect(Math.abs(nim.ttftSeconds / 0.40677 - 1)).toBeLessThanOrEqual(0.25);
    expect(Math.abs(nim.decode.secondsPerToken / 0.01858 - 1)).toBeLessThanOrEqual(0.25);
  });

  it('a MoE model: Llama 4 Scout NVFP4 on one B200 at batch 1, time per token within ±25% of 7.60 ms, reading only the expert a token picks', () => {
    const scout = singleStreamEstimate({
      arch: arch('llama-4-scout'),
      accelerator: getDevice('b200')!,
      weightPrecision: 'nvfp4',
      kvPrecision: 'fp8',
      promptTokens: 2048,
      outputTokens: 100,
    });
    expect(Math.abs(scout.decode.secondsPerToken / 0.0076 - 1)).toBeLessThanOrEqual(0.25);
    // 17B active of 109B total (Meta's model card): a token streams well under a quarter of the weights.
    expect(scout.decode.weightBytesRead).toBeLessThan(0.25 * scout.fit.breakdown.weights);
  });
});

describe('the page and the serving model agree', () => {
  it('TTFT of one request equals the serving model\'s at concurrency 1 (same kernels, same chunks)', () => {
    const base = { arch: arch('llama-3.1-70b'), accelerator: getDevice('h100-sxm')!, weightPrecision: 'fp8' as const, kvPrecision: 'fp8' as const };
    const single = singleStreamEstimate({ ...base, gpus: 2, promptTokens: 5000, outputTokens: 500 });
    const serving = servingCapacity({ ...base, tp: 2, inputTokens: 5000, outputTokens: 500, concurrency: 1 });
    expect(single.ttftSeconds).toBeCloseTo(serving.ttftSeconds, 9);
  });

  it('the fit verdict is the serving model\'s: a model that does not fit has no speed', () => {
    const none = singleStreamEstimate({ arch: arch('llama-3.1-70b'), accelerator: getDevice('rtx-4090')!, weightPrecision: 'fp16', kvPrecision: 'fp16', promptTokens: 512 });
    expect(none.runs).toBe(false);
    expect(none.fit.reason).toBe('weights');
    expect(none.decode.tokensPerSecond).toBe(0);
    expect(none.ttftSeconds).toBe(0);
  });

  it('canIRun reports the decode and prefill speeds of singleStreamEstimate', () => {
    const accelerator = getDevice('rtx-4090')!;
    const answer = canIRun({ arch: arch('llama-3.1-8b'), accelerator, minimumContextTokens: 4096 });
    const estimate = singleStreamEstimate({ arch: arch('llama-3.1-8b'), accelerator, weightPrecision: answer.precision!, kvPrecision: answer.kvPrecision, promptTokens: 4096, outputTokens: 0 });
    expect(answer.decodeTokensPerSecond).toBe(estimate.decode.tokensPerSecond);
    expect(answer.prefillTokensPerSecond).toBe(estimate.prefillTokensPerSecond);
  });
});

describe('offload and bad input', () => {
  it('with system RAM a 70B Q4 model runs on a 24 GB card, slower than on the card alone would be and faster than on the CPU alone', () => {
    const accelerator = getDevice('rtx-4090')!;
    const offloaded = singleStreamEstimate({ arch: arch('llama-3.1-70b'), accelerator, weightPrecision: 'q4_k_m', kvPrecision: 'fp16', promptTokens: 2048, outputTokens: 128, host: DEFAULT_HOST });
    expect(offloaded.runs).toBe(true);
    expect(offloaded.fit.fits).toBe(false);
    expect(offloaded.gpuLayerShare).toBeGreaterThan(0.3);
    expect(offloaded.gpuLayerShare).toBeLessThan(1);
    // Bounds from the two bandwidths alone: 42 GB of Q4_K_M weights at the card's 1008 GB/s and at 89.6 GB/s × 0.42.
    const bytes = offloaded.decode.weightBytesRead;
    expect(offloaded.decode.secondsPerToken).toBeGreaterThan(bytes / 1008e9);
    expect(offloaded.decode.secondsPerToken).toBeLessThan(bytes / (89.6e9 * 0.42));
  });

  it('an output length beyond the context throws ConfigError naming the field', () => {
    const llama = arch('llama-2-7b');
    expect(() => singleStreamEstimate({ arch: llama, accelerator: getDevice('rtx-4090')!, weightPrecision: 'q4_0', kvPrecision: 'fp16', promptTokens: 4000, outputTokens: 1000 })).toThrow(ConfigError);
  });
});

describe('hostile and random input', () => {
  const models = ['llama-3.1-8b', 'qwen3-30b-a3b', 'mixtral-8x7b', 'deepseek-v2-lite', 'llama-4-scout', 'gemma-2-9b'];
  const devices = ['h100-sxm', 'b200', 'rtx-4090', 'rtx-3060-12gb', 'apple-m4-16gb', 'tpu-v5p', 'mi300x'];
  const architectures = new Map(models.map((id) => [id, arch(id)]));

  it('returns finite non-negative numbers or throws ConfigError, for any model, device, format and length', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.constantFrom(...devices),
        fc.constantFrom('bf16' as const, 'fp8' as const, 'nvfp4' as const, 'int4' as const, 'q4_k_m' as const, 'q8_0' as const),
        fc.oneof(fc.integer({ min: -5, max: 200_000 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0.5)),
        fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.constant(Number.NaN)),
        fc.constantFrom(1, 2, 3, 8),
        fc.boolean(),
        (model, device, weightPrecision, promptTokens, outputTokens, gpus, withHost) => {
          try {
            const estimate = singleStreamEstimate({
              arch: architectures.get(model)!,
              accelerator: getDevice(device)!,
              weightPrecision,
              kvPrecision: 'fp16',
              promptTokens,
              outputTokens,
              gpus,
              host: withHost ? DEFAULT_HOST : undefined,
            });
            const numbers = [estimate.ttftSeconds, estimate.prefillTokensPerSecond, estimate.requestSeconds, estimate.gpuLayerShare, ...Object.values(estimate.decode)];
            expect(numbers.every((value) => Number.isFinite(value) && value >= 0)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(ConfigError);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
