/**
 * Activation offload (src/core/planner/offload.ts): Megatron-Core's rules, the memory it frees, the
 * copies it costs, the planner offering it, and NVIDIA's GB200 Megatron-FSDP rows that use it
 * (test/fixtures/training-heldout.ts MEGATRON_BRIDGE_OFFLOAD; never fitted).
 */
import { describe, expect, it } from 'vitest';
import { trainingStep } from '../../src/core/planner/step';
import { planTraining } from '../../src/core/planner/plan';
import { ConfigError } from '../../src/core/errors';
import { deviceMemoryBytes, getAccelerator } from '../../src/data/hardware';
import { nemoArch } from '../fixtures/training-throughput';
import { offloadReleaseCases, specInput } from '../fixtures/training-heldout';
import type { TrainingStepInput } from '../../src/core/planner/types';
import { scenarioCluster } from '../../src/core/estimate/training-step';
import { DEFAULT_SCENARIO } from '../../src/scenario/scenario';

const gb200 = getAccelerator('gb200')!;
const h100 = getAccelerator('h100-sxm')!;
const llama70b = nemoArch({ model: 'Llama3-70B', preset: 'llama-3.1-70b' });

function fsdp70b(offloadLayers: number, accelerator = gb200): TrainingStepInput {
  return {
    arch: llama70b,
    accelerator,
    precision: 'fp8',
    seqLen: 8192,
    globalBatch: 128,
    recompute: 'none',
    layout: { tp: 1, pp: 1, dp: 64, microBatch: 2, zeroStage: 3, offloadLayers },
  };
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no ConfigError');
}

describe('activation offload: Megatron-Core rules, each a ConfigError naming the field', () => {
  it('needs pp = 1, no recomputation, fewer layers than the model, and a cluster with a host link', () => {
    expect(configError(() => trainingStep({ ...fsdp70b(10), layout: { ...fsdp70b(10).layout, pp: 2, dp: 32 } })).message).toMatch(/pp = 1/);
    expect(configError(() => trainingStep({ ...fsdp70b(10), recompute: 'full' })).message).toMatch(/recompute 'none'/);
    expect(configError(() => trainingStep(fsdp70b(80))).field).toBe('layout.offloadLayers');
    expect(configError(() => trainingStep(fsdp70b(2.5))).field).toBe('layout.offloadLayers');
    const tpu = getAccelerator('tpu-v5p')!;
    expect(configError(() => trainingStep({ ...fsdp70b(10, tpu), precision: 'bf16' })).message).toMatch(/host link/);
    expect(trainingStep(fsdp70b(0)).layout.offloadLayers).toBe(0);
  });
});

describe('activation offload: memory and time', () => {
  const none = trainingStep(fsdp70b(0));
  const forty = trainingStep(fsdp70b(40));

  it('moves the offloaded layers to host memory, keeping the one in transit', () => {
    const layer = none.memory.layerActivations;
    expect(layer).toBeGreaterThan(1e9);
    expect(none.memory.offloaded).toBe(0);
    expect(forty.memory.offloaded).toBeCloseTo(40 * layer, -3);
    expect(none.memory.activations - forty.memory.activations).toBeCloseTo(39 * layer, -3);
    expect(forty.memory.weights).toBe(none.memory.weights);
  });

  it('costs only what outlasts a layer: little over GB200 NVLink-C2C, much more over an H100 PCIe link', () => {
    expect(none.breakdown.offload).toBe(0);
    expect(forty.breakdown.offload).toBeGreaterThanOrEqual(0);
    expect(forty.breakdown.offload / forty.seconds).toBeLessThan(0.05);
    const pcie = trainingStep({ ...fsdp70b(40, h100), globalBatch: 64, layout: { ...fsdp70b(40, h100).layout, microBatch: 1 } });
    // 1.9 GB per layer over 64 GB/s PCIe Gen5 (×0.8) is ~38 ms each way, longer than an H100 layer's forward.
    expect(pcie.breakdown.offload / pcie.seconds).toBeGreaterThan(0.1);
    const sum = Object.values(forty.breakdown).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(forty.seconds, 9);
  });

  it('does not fit when the host memory cannot hold what is offloaded', () => {
    const huge = trainingStep({ ...fsdp70b(79), layout: { ...fsdp70b(79).layout, microBatch: 8 }, globalBatch: 512 });
    expect(huge.memory.offloaded).toBeGreaterThan(huge.cluster.hostMemoryBytesPerGpu);
    expect(huge.fits).toBe(false);
  });
});

describe('planTraining offers offload where nothing else runs without recomputation', () => {
  const plan = planTraining({ arch: llama70b, accelerator: gb200, precision: 'fp8', gpus: 64, seqLen: 8192, globalBatch: 256, limit: 2000 });
  const offloaded = plan.layouts.filter((layout) => layout.layout.offloadLayers > 0);

  it('offloads on GB200, only with pp = 1 and no recomputation, and only as many layers as it takes', () => {
    expect(offloaded.length).toBeGreaterThan(0);
    for (const candidate of offloaded) {
      expect(candidate.layout.pp).toBe(1);
      expect(candidate.recompute).toBe('none');
      expect(candidate.fits).toBe(true);
      const fewer = trainingStep({ arch: llama70b, accelerator: gb200, precision: 'fp8', seqLen: 8192, globalBatch: 256, recompute: 'none', layout: { ...candidate.layout, offloadLayers: candidate.layout.offloadLayers - 1 } });
      expect(fewer.memoryPerGpu).toBeGreaterThan(deviceMemoryBytes(gb200));
    }
  });
});

describe('planTraining proposes offload only over NVLink-C2C (where NVIDIA\'s recipes use it)', () => {
  it('prices PCIe offload when a layout asks for it, but does not propose it on H100', () => {
    const plan = planTraining({ arch: llama70b, accelerator: h100, precision: 'fp8', gpus: 64, seqLen: 8192, globalBatch: 256, limit: 5000 });
    expect(plan.layouts.length).toBeGreaterThan(0);
    expect(plan.layouts.every((layout) => layout.layout.offloadLayers === 0)).toBe(true);
    expect(trainingStep(fsdp70b(40, h100)).cluster.hostCoherent).toBe(false);
    expect(trainingStep(fsdp70b(40)).cluster.hostCoherent).toBe(true);
  });

  it('a cluster preset brings its host link with it (the scenario\'s cluster choice), the custom cluster the accelerator\'s', () => {
    const b200 = getAccelerator('b200')!;
    const onNvl72 = trainingStep({ ...fsdp70b(40, b200), cluster: scenarioCluster({ cluster: 'gb200-nvl72', customCluster: DEFAULT_SCENARIO.customCluster }) });
    expect(onNvl72.cluster.hostCoherent).toBe(true);
    expect(onNvl72.cluster.hostBytesPerSecond).toBe(225e9);
    const custom = trainingStep({ ...fsdp70b(40, b200), cluster: scenarioCluster({ cluster: 'custom', customCluster: DEFAULT_SCENARIO.customCluster }) });
    expect(custom.cluster.hostBytesPerSecond).toBe(64e9);
  });
});

describe('NVIDIA GB200 Megatron-FSDP rows with offload (Megatron-Bridge 25.09–26.02; never fitted)', () => {
  const rows = offloadReleaseCases().map((entry) => {
    const step = trainingStep(specInput(entry.input));
    return { name: entry.name, error: entry.publishedSeconds / step.seconds - 1, step, input: entry.input };
  });

  it('prints the table', () => {
    console.table(rows.map((row) => ({ row: row.name, error: `${(row.error * 100).toFixed(1)} %`, 'GB per GPU': Number((row.step.memoryPerGpu / 1e9).toFixed(1)), 'GB offloaded': Number((row.step.memory.offloaded / 1e9).toFixed(1)), fits: row.step.fits })));
    expect(rows).toHaveLength(4);
  });

  it('prices each within ±15 % of the printed step time, with a mean under 10 %', () => {
    for (const row of rows) expect(Math.abs(row.error), row.name).toBeLessThanOrEqual(0.15);
    expect(rows.reduce((sum, row) => sum + Math.abs(row.error), 0) / rows.length).toBeLessThan(0.1);
  });

  it('puts the recipes within 5 % of the 186 GB they ran in, which they exceed by far without offload', () => {
    const capacity = deviceMemoryBytes(gb200);
    for (const row of rows) {
      expect(row.step.memoryPerGpu / capacity, row.name).toBeLessThan(1.05);
      const without = trainingStep({ ...specInput(row.input), layout: { ...row.input.layout, offloadLayers: 0 } });
      expect(without.memoryPerGpu / capacity, row.name).toBeGreaterThan(1.4);
    }
  });
});
