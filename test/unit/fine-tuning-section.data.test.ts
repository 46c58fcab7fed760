/**
 * The fine-tuning section's shapers against the QLoRA and LoRA papers' figures (quoted in
 * test/fixtures/fine-tuning.ts), through the scenario as the page builds it.
 */
import '../load-estimate'; // the store's estimate() loads on demand (src/store/estimate-code.ts)
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/core';
import { HARDWARE, getAccelerator } from '../../src/data/hardware';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/scenario/scenario';
import { decodeScenario, encodeScenario } from '../../src/scenario/url-codec';
import { applyPatch } from '../../src/scenario/validate';
import { fineTuningData, fineTuningFitTable, fineTuningOptions } from '../../src/features/fine-tuning/fine-tuning.data';
import { QLORA_65B_ON_48GB } from '../../src/features/fine-tuning/fine-tuning.scenarios';
import { LLAMA_V1, LORA_PAPER, QLORA_PAPER } from '../fixtures/fine-tuning';

/** The one-click scenario as the store applies it (useConfig, then the patch). */
function qloraScenario(): Scenario {
  const withConfig = applyPatch(DEFAULT_SCENARIO, { model: 'custom', customConfig: QLORA_65B_ON_48GB.config, overrides: {}, modelFile: null });
  return applyPatch(withConfig, QLORA_65B_ON_48GB.patch);
}

describe('the one-click QLoRA scenario (a 65B model on one 48 GB GPU)', () => {
  const scenario = qloraScenario();
  const result = estimate(scenario);
  const data = fineTuningData(result.model.arch, scenario, result.hardware);
  const byMethod = Object.fromEntries(data.bars.map((bar) => [bar.method, bar]));

  it('is LLaMA-65B (65,285,660,672 parameters) on a 48 GB accelerator', () => {
    expect(result.model.counts.total).toBe(LLAMA_V1['65b'].parameters);
    expect(result.hardware.memoryBytes).toBe(QLORA_PAPER.gpuBytes['65b']);
  });

  it(`QLoRA fits the GPU, 16-bit LoRA does not, full fine-tuning needs more than 780 GB (${QLORA_PAPER.abstract})`, () => {
    expect(byMethod.qlora?.fitsOneGpu).toBe(true);
    expect(byMethod.qlora?.resident).toBeLessThanOrEqual(QLORA_PAPER.gpuBytes['65b']);
    expect(byMethod.lora?.fitsOneGpu).toBe(false);
    expect(byMethod.full?.total).toBeGreaterThan(QLORA_PAPER.fullFinetuningBytes);
    // The run: QLoRA on one GPU, LoRA and full fine-tuning on several.
    expect(data.runs.find((run) => run.method === 'qlora')?.gpus).toBe(1);
    expect(data.runs.find((run) => run.method === 'lora')?.gpus).toBeGreaterThan(1);
  });

  it('the stacked parts add up to each bar’s total, and only QLoRA pages', () => {
    for (const bar of data.bars) {
      expect(bar.weights + bar.trainable + bar.activations + bar.workspace + bar.paged).toBeCloseTo(bar.total, 0);
      expect(bar.total - bar.paged).toBeCloseTo(bar.resident, 0);
    }
    expect(byMethod.full?.paged).toBe(0);
    expect(byMethod.lora?.paged).toBe(0);
    expect(byMethod.qlora?.paged).toBeGreaterThan(0);
  });

  it('survives a link: the same scenario, the same memory', () => {
    const decoded = decodeScenario(encodeScenario(scenario));
    expect(decoded.ignored).toEqual([]);
    const again = estimate(decoded.scenario);
    expect(fineTuningData(again.model.arch, decoded.scenario, again.hardware).bars).toEqual(data.bars);
  });
});

describe('33B with QLoRA on a 24 GB GPU (QLoRA §4: paged optimizers make it fit)', () => {
  it('fits an RTX 4090 alone with the paged optimizer', () => {
    const scenario = applyPatch(qloraScenario(), { customConfig: LLAMA_V1['33b'].config, gpu: 'rtx-4090' });
    const result = estimate(scenario);
    expect(result.model.counts.total).toBe(LLAMA_V1['33b'].parameters);
    expect(result.hardware.memoryBytes).toBe(QLORA_PAPER.gpuBytes['33b']);
    const qlora = fineTuningData(result.model.arch, scenario, result.hardware).bars.find((bar) => bar.method === 'qlora');
    expect(qlora?.fitsOneGpu).toBe(true);
    expect(qlora?.total).toBeGreaterThan(QLORA_PAPER.gpuBytes['33b'] * 0.9);
  });
});

describe('trainable parameters through the scenario (LoRA paper, GPT-3 175B, Wq and Wv)', () => {
  it('r = 8 on q and v gives 37.7M (Table 4)', () => {
    const scenario = applyPatch(DEFAULT_SCENARIO, { model: 'gpt-3-175b', loraRank: 8, loraModules: ['q', 'v'], ftMethod: 'lora' });
    const result = estimate(scenario);
    const lora = fineTuningData(result.model.arch, scenario, result.hardware).bars.find((bar) => bar.method === 'lora');
    const row = LORA_PAPER.gpt3.rows.find((entry) => entry.rank === 8);
    expect(Math.round((lora?.trainableParameters ?? 0) / 1e5) / 10).toBe(row?.millions);
  });
});

describe('the accelerator table', () => {
  const scenario = qloraScenario();
  const arch = estimate(scenario).model.arch;
  const table = fineTuningFitTable(arch, scenario);

  it('has one row per listed accelerator, QLoRA never needs more GPUs than LoRA, LoRA never more than full', () => {
    expect(table.rows).toHaveLength(HARDWARE.length);
    for (const row of table.rows) {
      const order = (value: number | null) => (value === null ? Number.POSITIVE_INFINITY : value);
      expect(order(row.qlora)).toBeLessThanOrEqual(order(row.lora));
      expect(order(row.lora)).toBeLessThanOrEqual(order(row.full));
    }
    expect(table.rows.find((row) => row.id === 'l40s')?.qlora).toBe(1);
    expect(table.fitsAlone.full).toBe(0);
    expect(table.fitsAlone.qlora).toBeGreaterThan(0);
  });

  it('follows the scenario’s fine-tuning options', () => {
    expect(fineTuningOptions(scenario, 'qlora')).toMatchObject({ seqLen: 512, microBatch: 1, gradientCheckpointing: true, adapterPrecision: 'bf16', lora: { rank: 64 } });
    expect(getAccelerator('l40s')?.memoryBytes).toBe(48e9);
  });
});

describe('custom accelerator and tiny models', () => {
  it('gives finite numbers for a custom GPU and for GPT-2 at the smallest settings', () => {
    const extremes: Partial<Scenario>[] = [
      { gpu: 'custom' },
      { model: 'gpt-2', ftSeqLen: 1, ftMicroBatch: 1, loraRank: 1, loraModules: ['q'] },
      { model: 'deepseek-v3', ftSeqLen: 1e6, ftMicroBatch: 4096, loraRank: 65536, ftTokens: 1e13, ftCheckpointing: false },
      { model: 'bert-base', loraModules: ['gate'] },
    ];
    for (const patch of extremes) {
      const scenario = applyPatch(DEFAULT_SCENARIO, patch);
      const result = estimate(scenario);
      const data = fineTuningData(result.model.arch, scenario, result.hardware);
      for (const bar of data.bars) expect(Number.isFinite(bar.total) && bar.total > 0).toBe(true);
      for (const row of fineTuningFitTable(result.model.arch, scenario).rows) expect([row.full, row.lora, row.qlora].every((gpus) => gpus === null || (Number.isInteger(gpus) && gpus >= 1))).toBe(true);
      for (const run of data.runs) expect(run.seconds === null || (Number.isFinite(run.seconds) && run.seconds > 0)).toBe(true);
      expect(Number.isFinite(data.yMax)).toBe(true);
    }
  });
});
