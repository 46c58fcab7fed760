/**
 * Communication on real links: all-reduce and all-to-all times against the measurements the
 * constants come from, and tensor parallelism across nodes (DeepSeek-V3 over 16 GPUs) paying for it.
 */
import { describe, expect, it } from 'vitest';
import { architectureFromHfConfig } from '../../src/core/params';
import { allReduceSeconds, allToAllSeconds, replicaLinks } from '../../src/core/serving/links';
import { servingCapacity } from '../../src/core/serving/capacity';
import { getDevice } from '../../src/data/local-devices';
import { MODELS_BY_ID } from '../../src/data/models';

const h100 = replicaLinks(getDevice('h100-sxm')!);

describe('all-reduce on 8 × H100 (NVLink, 450 GB/s per direction)', () => {
  // sglang PR #2904 (custom all-reduce, TP 8): 512 B → 5.9 µs, 1 MB → 33.8 µs.
  // ByteDance-Seed/Triton-distributed #57 (NCCL, 8 × H100): 4 MB → 59.4 µs, 16 MB → 135.7 µs.
  it.each([
    [512, 5.9e-6],
    [1_048_576, 33.8e-6],
    [4_194_304, 59.4e-6],
    [16_777_216, 135.7e-6],
  ])('%i bytes within ±25% of the measured %f s', (bytes, measured) => {
    expect(allReduceSeconds(bytes, 8, h100) / measured).toBeGreaterThan(0.75);
    expect(allReduceSeconds(bytes, 8, h100) / measured).toBeLessThan(1.25);
  });

  it('is free on one GPU and costs more once it crosses nodes', () => {
    expect(allReduceSeconds(1e6, 1, h100)).toBe(0);
    expect(allReduceSeconds(4e6, 16, h100)).toBeGreaterThan(allReduceSeconds(4e6, 8, h100));
    expect(allToAllSeconds(4e6, 16, h100)).toBeGreaterThan(allToAllSeconds(4e6, 8, h100));
  });
});

describe('DeepSeek-V3 with TP over 16 H100 (two 8-GPU nodes)', () => {
  const arch = architectureFromHfConfig(MODELS_BY_ID.get('deepseek-v3')!.config!);
  const base = { arch, accelerator: getDevice('h100-sxm')!, tp: 16, weightPrecision: 'fp8' as const, kvPrecision: 'fp8' as const, inputTokens: 1000, outputTokens: 1000 };

  it('pays for the all-reduces across nodes: slower per user than one 16-GPU NVLink domain at the same concurrency', () => {
    const twoNodes = servingCapacity({ ...base, concurrency: 32 });
    const oneDomain = servingCapacity({ ...base, concurrency: 32, cluster: { gpusPerNode: 16 } });
    expect(twoNodes.breakdown.communication).toBeGreaterThan(0);
    expect(twoNodes.breakdown.communication).toBeGreaterThan(oneDomain.breakdown.communication * 1.5);
    expect(twoNodes.outputTokensPerSecondPerUser).toBeLessThan(oneDomain.outputTokensPerSecondPerUser);
  });

  it('copies the MLA latent cache on every TP rank, so attention data parallelism (ep) holds more sequences', () => {
    const tensorParallel = servingCapacity(base);
    const dataParallelAttention = servingCapacity({ ...base, ep: 16 });
    expect(dataParallelAttention.maxConcurrency).toBeGreaterThan(tensorParallel.maxConcurrency * 4);
  });
});
