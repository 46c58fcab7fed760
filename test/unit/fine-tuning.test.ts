/**
 * Fine-tuning memory, adapters and compute against the LoRA and QLoRA papers and the PEFT README
 * (figures quoted in test/fixtures/fine-tuning.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors';
import {
  LORA_ALL_LINEAR,
  LORA_ATTENTION_QV,
  NF4_DOUBLE_QUANT_BITS_PER_WEIGHT,
  fineTuningFits,
  fineTuningFlops,
  fineTuningMemoryPerGpu,
  fineTuningTime,
  loraTrainableParameters,
  qloraBaseWeightBytes,
  type FineTuningOptions,
} from '../../src/core/fine-tuning';
import { trainingFlops, attentionTrainingFlops } from '../../src/core/training';
import { architectureFromHfConfig, architectureFromParams, countParameters } from '../../src/core/params';
import { getAccelerator } from '../../src/data/hardware';
import { getModelPreset } from '../../src/data/models';
import { LLAMA_V1, LORA_PAPER, PEFT_README, QLORA_PAPER } from '../fixtures/fine-tuning';
import { QWEN3_30B_A3B } from '../fixtures/hf-configs';

const gpt3 = architectureFromHfConfig(getModelPreset('gpt-3-175b')?.config);
const llama65 = architectureFromHfConfig(LLAMA_V1['65b'].config);
const llama33 = architectureFromHfConfig(LLAMA_V1['33b'].config);
const millions = (parameters: number) => Math.round(parameters / 1e5) / 10;

/** The QLoRA paper's setting (Figure 6: batch 1, sequence 512; App. B.2 recipe). */
const QLORA_SETTING: FineTuningOptions = {
  method: 'qlora',
  seqLen: 512,
  microBatch: 1,
  gradientCheckpointing: true,
  lora: { rank: 64, modules: LORA_ALL_LINEAR },
  adapterPrecision: 'bf16',
  pagedOptimizer: true,
};

describe('LoRA trainable parameters (Hu et al. 2021)', () => {
  it('GPT-3 175B with Wq and Wv: 4.7M at r = 1 and 37.7M at r = 8 (Table 4, App. D.4)', () => {
    for (const row of LORA_PAPER.gpt3.rows) {
      expect(millions(loraTrainableParameters(gpt3, { rank: row.rank, modules: LORA_ATTENTION_QV }).total)).toBe(row.millions);
    }
  });

  it('the 18M budget of §7.1 / Table 5: r = 8 on one matrix type, 4 on two, 2 on all four are the same size', () => {
    const one = loraTrainableParameters(gpt3, { rank: 8, modules: ['q'] }).total;
    expect(loraTrainableParameters(gpt3, { rank: 4, modules: ['q', 'v'] }).total).toBe(one);
    expect(loraTrainableParameters(gpt3, { rank: 2, modules: ['q', 'k', 'v', 'o'] }).total).toBe(one);
    expect(Math.floor(one / 1e6)).toBe(LORA_PAPER.gpt3.budget18M.millions);
  });

  it('RoBERTa base and large with r_q = r_v = 8: 0.3M and 0.8M (Table 2)', () => {
    const base = architectureFromHfConfig(LORA_PAPER.roberta.base.config);
    const large = architectureFromHfConfig(LORA_PAPER.roberta.large.config);
    expect(millions(loraTrainableParameters(base, { rank: 8, modules: LORA_ATTENTION_QV }).total)).toBe(LORA_PAPER.roberta.base.millions);
    expect(millions(loraTrainableParameters(large, { rank: 8, modules: LORA_ATTENTION_QV }).total)).toBe(LORA_PAPER.roberta.large.millions);
  });

  it('k and v adapters are narrower under grouped-query attention (Qwen3-30B-A3B: 4 KV heads of 32)', () => {
    const arch = architectureFromHfConfig(QWEN3_30B_A3B.config);
    const count = loraTrainableParameters(arch, { rank: 16, modules: ['q', 'k', 'v'] });
    // q: 2048 → 32·128 = 4096; k, v: 2048 → 4·128 = 512, per layer, 48 layers.
    expect(count.byModule.q).toBe(48 * 16 * (2048 + 4096));
    expect(count.byModule.k).toBe(48 * 16 * (2048 + 512));
    expect(count.byModule.v).toBe(count.byModule.k);
  });

  it('MoE: adapters on every routed expert, of which a token uses top-k; or on the dense part only', () => {
    const arch = architectureFromHfConfig(QWEN3_30B_A3B.config);
    const everyExpert = loraTrainableParameters(arch, { rank: 8, modules: ['gate', 'up', 'down'] });
    // 48 layers × 128 experts × 3 matrices × 8 × (2048 + 768); top-8 of 128 per token.
    expect(everyExpert.total).toBe(48 * 128 * 3 * 8 * (2048 + 768));
    expect(everyExpert.active).toBe(48 * 8 * 3 * 8 * (2048 + 768));
    expect(loraTrainableParameters(arch, { rank: 8, modules: ['gate', 'up', 'down'], experts: 'shared-only' }).total).toBe(0);
  });

  it('rejects a rank below 1, no modules, or an unknown module', () => {
    expect(() => loraTrainableParameters(gpt3, { rank: 0, modules: ['q'] })).toThrow(ConfigError);
    expect(() => loraTrainableParameters(gpt3, { rank: 8, modules: [] })).toThrow(/at least one module/);
    expect(() => loraTrainableParameters(gpt3, { rank: 8, modules: ['qkv' as never] })).toThrow(/not a LoRA module/);
  });
});

describe('LoRA memory (Hu et al. 2021 §4.2)', () => {
  it('GPT-3 175B with r = 4 on Wq, Wv keeps about 350 GB of model state (the frozen 16-bit base)', () => {
    const memory = fineTuningMemoryPerGpu(gpt3, { method: 'lora', seqLen: 2048, microBatch: 1, lora: { rank: 4, modules: LORA_ATTENTION_QV } });
    const modelState = memory.baseWeights + memory.adapterWeights + memory.gradients + memory.optimizer;
    expect(Math.abs(modelState / LORA_PAPER.gpt3.loraTrainingBytes.value - 1)).toBeLessThan(0.01);
  });
});

describe('QLoRA (Dettmers et al. 2023)', () => {
  it('NF4 with double quantization stores 4.127 bits per weight (§3)', () => {
    expect(NF4_DOUBLE_QUANT_BITS_PER_WEIGHT - 4).toBeCloseTo(0.127, 3);
  });

  it('LLaMA configs count the published parameters', () => {
    expect(countParameters(llama65).total).toBe(LLAMA_V1['65b'].parameters);
    expect(countParameters(llama33).total).toBe(LLAMA_V1['33b'].parameters);
  });

  it('65B: full 16-bit fine-tuning needs more than 780 GB (§1); QLoRA fits one 48 GB GPU (abstract)', () => {
    const full = fineTuningMemoryPerGpu(llama65, { ...QLORA_SETTING, method: 'full' });
    expect(full.total).toBeGreaterThan(QLORA_PAPER.fullFinetuningBytes);
    const qlora = fineTuningMemoryPerGpu(llama65, QLORA_SETTING);
    expect(qlora.resident).toBeLessThanOrEqual(QLORA_PAPER.gpuBytes['65b']);
    // 16-bit LoRA of the same model does not come close: the frozen base alone is 130 GB.
    expect(fineTuningMemoryPerGpu(llama65, { ...QLORA_SETTING, method: 'lora' }).resident).toBeGreaterThan(2 * QLORA_PAPER.gpuBytes['65b']);
  });

  it('33B fits one 24 GB GPU, and only because the paged optimizer may leave the GPU (§4)', () => {
    const qlora = fineTuningMemoryPerGpu(llama33, QLORA_SETTING);
    expect(qlora.resident).toBeLessThanOrEqual(QLORA_PAPER.gpuBytes['33b']);
    expect(qlora.total).toBeGreaterThan(QLORA_PAPER.gpuBytes['33b']);
    expect(fineTuningMemoryPerGpu(llama33, { ...QLORA_SETTING, pagedOptimizer: false }).resident).toBeGreaterThan(QLORA_PAPER.gpuBytes['33b']);
  });

  it('the fit table: LLaMA-65B QLoRA on an L40S (48 GB) and H100, not on an RTX 4090; full fine-tuning on no single GPU', () => {
    const accelerators = ['rtx-4090', 'l40s', 'h100-sxm'].map((id) => getAccelerator(id)!);
    // pagedOptimizer left to its default (QLoRA only), as the comparison table shows it.
    const { pagedOptimizer: _paged, ...setting } = QLORA_SETTING;
    const rows = fineTuningFits(llama65, accelerators, { ...setting, maximumGpus: 256 });
    const cell = (id: string, method: string) => rows.find((row) => row.acceleratorId === id)?.cells.find((entry) => entry.method === method);
    expect(cell('l40s', 'qlora')?.fitsOneGpu).toBe(true);
    expect(cell('h100-sxm', 'qlora')?.fitsOneGpu).toBe(true);
    expect(cell('rtx-4090', 'qlora')?.fitsOneGpu).toBe(false);
    expect(rows.every((row) => cell(row.acceleratorId, 'full')?.fitsOneGpu === false)).toBe(true);
    // ZeRO-3 over n GPUs: 16 bytes × 65.3B / n + activations ≤ the 81,559 MiB = 85.5 GB an H100
    // gives CUDA (nvidia-smi) needs n ≥ 13 (12: 87 GB of states alone); the marketed 80 GB would need 14.
    expect(cell('h100-sxm', 'full')?.minimumGpus).toBe(13);
  });

  it('QLoRA base weights: 4.127-bit linear layers, 16-bit embeddings and head', () => {
    const count = countParameters(llama65);
    const sixteenBit = count.embedding + count.outputHead + count.norms;
    expect(qloraBaseWeightBytes(llama65)).toBeCloseTo(((count.total - sixteenBit) * 4.127) / 8 + 2 * sixteenBit, -8);
  });
});

describe('PEFT README memory table (single A100 80GB)', () => {
  it('bloomz-7b1: full fine-tuning is out of memory, LoRA fits', () => {
    const arch = architectureFromHfConfig(PEFT_README.bloomz7b1.config);
    expect(countParameters(arch).total).toBe(PEFT_README.bloomz7b1.parameters);
    const a100 = getAccelerator('a100-sxm-80gb')!;
    const setting = { seqLen: 64, microBatch: 8, lora: { rank: 8, modules: LORA_ATTENTION_QV } } as const;
    expect(fineTuningMemoryPerGpu(arch, { ...setting, method: 'full' }).resident).toBeGreaterThan(a100.memoryBytes);
    expect(fineTuningMemoryPerGpu(arch, { ...setting, method: 'lora' }).resident).toBeLessThan(a100.memoryBytes);
  });
});

describe('fine-tuning memory: structure', () => {
  it('ZeRO-3 over 8 GPUs divides full fine-tuning states by 8 (ZeRO Figure 1), activations unchanged', () => {
    const one = fineTuningMemoryPerGpu(llama65, { method: 'full', seqLen: 2048, microBatch: 1 });
    const eight = fineTuningMemoryPerGpu(llama65, { method: 'full', seqLen: 2048, microBatch: 1, gpus: 8 });
    expect(eight.baseWeights + eight.gradients + eight.optimizer).toBeCloseTo((one.baseWeights + one.gradients + one.optimizer) / 8, -3);
    expect(eight.activations).toBe(one.activations);
    expect(one.optimizer).toBe(12 * countParameters(llama65).total);
  });

  it('gradient checkpointing keeps only layer inputs: 2·s·b·h per layer plus one layer being recomputed', () => {
    const withCheckpoints = fineTuningMemoryPerGpu(llama33, { ...QLORA_SETTING });
    const without = fineTuningMemoryPerGpu(llama33, { ...QLORA_SETTING, gradientCheckpointing: false });
    expect(without.activations).toBeGreaterThan(10 * withCheckpoints.activations);
    expect(withCheckpoints.activations).toBeGreaterThan(60 * 2 * 512 * 6656);
  });

  it('rejects a non-positive sequence length, batch or GPU count', () => {
    expect(() => fineTuningMemoryPerGpu(llama33, { ...QLORA_SETTING, seqLen: 0 })).toThrow(/seqLen/);
    expect(() => fineTuningMemoryPerGpu(llama33, { ...QLORA_SETTING, microBatch: 1.5 })).toThrow(/microBatch/);
    expect(() => fineTuningMemoryPerGpu(llama33, { ...QLORA_SETTING, gpus: -1 })).toThrow(/gpus/);
    expect(() => fineTuningMemoryPerGpu(llama33, { ...QLORA_SETTING, overheadBytes: Number.NaN })).toThrow(/overheadBytes/);
    expect(() => fineTuningMemoryPerGpu(llama33, { ...QLORA_SETTING, zeroStage: 4 as never })).toThrow(/zeroStage/);
  });
});

describe('fine-tuning compute and time', () => {
  const tokens = 1e9;
  it('full fine-tuning is 6·N·D plus attention (Kaplan et al. 2020), the same as pre-training', () => {
    const flops = fineTuningFlops(llama65, { method: 'full', tokens, seqLen: 2048, gradientCheckpointing: false });
    expect(flops.modelFlops).toBe(trainingFlops(countParameters(llama65).active, tokens) + attentionTrainingFlops(llama65, tokens, 2048));
    expect(flops.hardwareFlops).toBe(flops.modelFlops);
  });

  it('LoRA skips the weight gradients: at least the 25% speed-up LoRA reports on GPT-3 (§4.2)', () => {
    const options = { tokens, seqLen: 2048, lora: { rank: 4, modules: LORA_ATTENTION_QV } } as const;
    for (const gradientCheckpointing of [false, true]) {
      const full = fineTuningFlops(gpt3, { ...options, method: 'full', gradientCheckpointing });
      const lora = fineTuningFlops(gpt3, { ...options, method: 'lora', gradientCheckpointing });
      expect(lora.hardwareFlops / full.hardwareFlops).toBeLessThanOrEqual(1 / (1 + LORA_PAPER.gpt3.speedup.value));
      expect(lora.hardwareFlops / full.hardwareFlops).toBeGreaterThan(0.6);
    }
  });

  it('time and cost follow from the GPU peak and utilization; no price, no cost', () => {
    const h100 = getAccelerator('h100-sxm')!;
    const run = fineTuningTime(llama65, { method: 'qlora', tokens, seqLen: 512, accelerator: h100, gpus: 1, utilization: 0.5, usdPerGpuHour: 2 });
    expect(run.seconds).toBeCloseTo(run.hardwareFlops / (h100.denseFlops.bf16! * 0.5), 0);
    expect(run.costUsd).toBeCloseTo((run.seconds / 3600) * 2, 6);
    const unpriced = { ...h100, price: null };
    expect(fineTuningTime(llama65, { method: 'lora', tokens, seqLen: 512, accelerator: unpriced, gpus: 2 }).costUsd).toBeNull();
    expect(() => fineTuningTime(llama65, { method: 'lora', tokens, seqLen: 512, accelerator: h100, gpus: 0 })).toThrow(ConfigError);
    expect(() => fineTuningFlops(llama65, { method: 'lora', tokens: Number.NaN, seqLen: 512 })).toThrow(/tokens/);
  });
});

describe('fine-tuning: finite, non-negative over the ranges the UI offers (property)', () => {
  it('every memory field and FLOP count is finite and ≥ 0, and resident ≤ total', () => {
    const methods = ['full', 'lora', 'qlora'] as const;
    fc.assert(
      fc.property(
        fc.double({ min: 1e6, max: 1e15, noNaN: true }),
        fc.constantFrom(...methods),
        fc.integer({ min: 1, max: 1024 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.boolean(),
        (parameters, method, rank, seqLen, microBatch, gpus, gradientCheckpointing) => {
          const arch = architectureFromParams(parameters);
          const memory = fineTuningMemoryPerGpu(arch, { method, seqLen, microBatch, gpus, gradientCheckpointing, lora: { rank, modules: LORA_ALL_LINEAR } });
          const numbers = Object.values(memory).filter((value): value is number => typeof value === 'number');
          expect(numbers).toHaveLength(11);
          expect(numbers.every((value) => Number.isFinite(value) && value >= 0)).toBe(true);
          expect(memory.resident).toBeLessThanOrEqual(memory.total);
          const flops = fineTuningFlops(arch, { method, tokens: 1e12, seqLen, gradientCheckpointing, lora: { rank, modules: LORA_ALL_LINEAR } });
          expect(Number.isFinite(flops.hardwareFlops) && flops.hardwareFlops >= flops.modelFlops).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
