/**
 * The multi-token-prediction (MTP) module in the training planner (src/core/planner/mtp.ts),
 * against the published DeepSeek-V3 checkpoint and against what the planner itself charges for an
 * ordinary extra layer and a longer output head — never against the MTP formula itself.
 */
import { describe, expect, it } from 'vitest';
import { architectureFromHfConfig } from '../../src/core/params';
import { trainingStep } from '../../src/core/planner/step';
import { getAccelerator } from '../../src/data/hardware';
import { getModelPreset } from '../../src/data/models';
import type { Architecture } from '../../src/core/types';
import type { TrainingStep } from '../../src/core/planner/types';

function preset(id: string): Architecture {
  const config = getModelPreset(id)?.config;
  if (!config) throw new Error(`preset ${id} missing`);
  return architectureFromHfConfig(config);
}

const h800 = getAccelerator('h800-sxm');
if (!h800) throw new Error('h800-sxm missing');
const deepseek = preset('deepseek-v3');

/** The whole model on one GPU (tp = pp = dp = 1, ZeRO 0): every parameter is on it, no communication. */
function oneGpu(arch: Architecture, precision: 'fp8' | 'bf16' = 'fp8'): TrainingStep {
  return trainingStep({
    arch,
    accelerator: h800 as NonNullable<typeof h800>,
    precision,
    layout: { tp: 1, pp: 1, dp: 1, microBatch: 1, zeroStage: 0 },
    globalBatch: 1,
    seqLen: 4096,
    recompute: 'none',
    framework: 'megatron-core',
  });
}

/** Seconds of kernel work per step (forward, backward, recompute), the part the MTP module adds to on one GPU. */
const work = (step: TrainingStep): number => step.breakdown.compute + step.breakdown.recompute;

describe('DeepSeek-V3 MTP parameters against the published checkpoint', () => {
  // deepseek-ai/DeepSeek-V3 README: "The total size of DeepSeek-V3 models on Hugging Face is 685B,
  // which includes 671B of the Main Model weights and 14B of the Multi-Token Prediction (MTP) Module
  // weights"; the safetensors index sums to 684,531,386,000 values (src/data/models.ts, deepseek-v3
  // note). Of these, the MTP layer stores its own copies of embed_tokens and shared_head.head
  // (2 × 129,280 × 7,168 = 1,853,358,080), which training shares with the main model (arXiv:2412.19437
  // §2.2: "shared embedding layer" and "shared output head"), and the FP8 checkpoint stores
  // 41,540,496 block scales (one FP32 per 128 × 128 block) that are not parameters.
  const trainedParameters = 684_531_386_000 - 2 * 129_280 * 7_168 - 41_540_496;

  it('mtpLayers is read from the config (num_nextn_predict_layers = 1)', () => {
    expect(deepseek.mtpLayers).toBe(1);
  });
  it('the memory plan of a one-GPU layout holds the checkpoint\'s trained parameters within 0.05 % (weights and Adam states)', () => {
    const step = oneGpu(deepseek);
    // 2 bytes of weights and 12 bytes of Adam states per parameter (memory-plan.ts WEIGHT_BYTES, OPTIMIZER_BYTES).
    expect(Math.abs(step.memory.weights / 2 / trainedParameters - 1)).toBeLessThan(5e-4);
    expect(Math.abs(step.memory.optimizer / 12 / trainedParameters - 1)).toBeLessThan(5e-4);
  });
  it('without the MTP module the same plan misses the checkpoint by more than 1.5 % (the 671B main model alone)', () => {
    const step = oneGpu({ ...deepseek, mtpLayers: 0 });
    expect(step.memory.weights / 2 / trainedParameters - 1).toBeLessThan(-0.015);
  });
});

describe('the MTP module costs one more layer of the model\'s kind plus a second output-head pass', () => {
  // DeepSeek-V3 §2.2: each MTP module is the shared embedding, a 2h → h projection, one Transformer
  // block and the shared output head, with a loss on every token. So on one GPU its added work must
  // be what the planner charges for one more ordinary layer of the same kind (a 62nd MoE layer; a
  // 33rd dense layer for a dense model) plus what it charges for doubling the vocabulary (one more
  // pass of the same head GEMMs and cross-entropy), with the projection and three norms on top: a
  // 2h² GEMM against a layer's ~0.6B active weights, so at most a few per cent more.
  const cases: [string, Architecture, (arch: Architecture) => Architecture][] = [
    [
      'DeepSeek-V3 (MoE: the MTP block is an MoE block)',
      deepseek,
      (arch) => ({ ...arch, layers: arch.layers + 1, moe: arch.moe ? { ...arch.moe, moeLayers: arch.moe.moeLayers + 1 } : null }),
    ],
    ['Llama-3-8B with one MTP module (dense: the MTP block is a dense block)', { ...preset('llama-3-8b'), mtpLayers: 1 }, (arch) => ({ ...arch, layers: arch.layers + 1 })],
  ];
  it.each(cases)('%s', (_name, arch, oneMoreLayer) => {
    const without = { ...arch, mtpLayers: 0 };
    const precision = arch.moe ? 'fp8' : 'bf16';
    const base = work(oneGpu(without, precision));
    const addedByMtp = work(oneGpu(arch, precision)) - base;
    const addedByLayer = work(oneGpu(oneMoreLayer(without), precision)) - base;
    const addedByHead = work(oneGpu({ ...without, vocab: 2 * without.vocab }, precision)) - base;
    expect(addedByLayer).toBeGreaterThan(0);
    expect(addedByHead).toBeGreaterThan(0);
    const ratio = addedByMtp / (addedByLayer + addedByHead);
    expect(ratio).toBeGreaterThanOrEqual(1);
    expect(ratio).toBeLessThan(1.08);
  });
});

describe('models without MTP are priced as before', () => {
  it('mtpLayers 0 and mtpLayers absent give the same step to the last bit', () => {
    const { mtpLayers: _mtp, ...absent } = deepseek;
    const zero = oneGpu({ ...deepseek, mtpLayers: 0 });
    const none = oneGpu(absent);
    expect(zero.seconds).toBe(none.seconds);
    expect(zero.modelFlops).toBe(none.modelFlops);
    expect(zero.memoryPerGpu).toBe(none.memoryPerGpu);
  });
});

describe('model FLOPs count the MTP module, as Megatron-LM does', () => {
  // megatron/training/training.py `num_floating_point_operations` (NVIDIA/Megatron-LM): MTP blocks
  // as more layers of the last layer's kind, "MTP norms and proj" and the logits × (mtp_num_layers + 1).
  // Independent count: the activated weights a token passes in the MTP module (count.ts: the module
  // less its inactive routed experts and its router, which no FLOP count includes) plus one more
  // output head, 6 FLOPs each, plus one more layer's full-square attention 6·s·heads·(192 + 128).
  it('DeepSeek-V3: the MTP share of model FLOPs per token matches the parameter count', () => {
    const step = oneGpu(deepseek);
    const plain = oneGpu({ ...deepseek, mtpLayers: 0 });
    const tokens = 4096;
    const expertParams = 3 * 7168 * 2048;
    // count.ts's mtp (11,610,067,968) less the idle experts, the router and the norms (5 × 7168 + q/kv latent 1536 + 512)
    const mtpActive = 11_610_067_968 - (256 - 8) * expertParams - 7168 * 256 - (5 * 7168 + 1536 + 512);
    const head = 129_280 * 7168;
    const attention = 6 * 4096 * 128 * (192 + 128);
    const expected = 6 * (mtpActive + head) + attention;
    expect((step.modelFlops - plain.modelFlops) / tokens / expected).toBeCloseTo(1, 3);
  });
});

describe('DualPipe holds the first and the last stage on the same rank', () => {
  // deepseek-ai/DualPipe examples/example_dualpipe.py: rank r builds
  // nn.Sequential(full_modules[rank], full_modules[pp_size - 1 - rank]) and each end feeds half the
  // micro-batches; DeepSeek-V3 §3.2.3 puts "the shallowest layers (including the embedding layer) and
  // deepest layers (including the output head)" on one rank. So on DeepSeek-V3's published pipeline
  // (pp 16, ep 64, dp 128) moving a layer between the first and the last stage cannot change the
  // steady-state work per step under DualPipe; under 1F1B (Megatron-Core) the stage with the head and
  // the MTP module is the slowest and a layer more there costs a layer more per micro-batch.
  const step = (framework: string, first: number, last: number): TrainingStep =>
    trainingStep({
      arch: deepseek,
      accelerator: h800 as NonNullable<typeof h800>,
      precision: 'fp8',
      layout: { tp: 1, pp: 16, dp: 128, ep: 64, microBatch: 1, zeroStage: 2, firstStageLayers: first, lastStageLayers: last },
      globalBatch: 15360,
      seqLen: 4096,
      recompute: 'none',
      framework,
    });
  it('dualpipe-2024: 3 + 14 × 4 + 2 and 2 + 14 × 4 + 3 do the same work per step', () => {
    expect(work(step('dualpipe-2024', 2, 3)) / work(step('dualpipe-2024', 3, 2))).toBeCloseTo(1, 9);
  });
  it('megatron-core: the same move adds a layer to the slowest (the head\'s) stage', () => {
    expect(work(step('megatron-core', 2, 3)) / work(step('megatron-core', 3, 2))).toBeGreaterThan(1.05);
  });
});
