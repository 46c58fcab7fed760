/**
 * The pieces of the training planner against published or independently computed figures:
 * the FLOP convention (NeMo's printed TFLOP/s ÷ tokens/s), activation memory (Korthikanti et al.
 * 2022 Table 2), collectives (ring identities), the layout rules (ConfigError), the clusters,
 * and the run arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors';
import { layoutLayerCosts, prepareModel, trainingStep } from '../../src/core/planner/step';
import { resolveLayout } from '../../src/core/planner/layout';
import { computeRates } from '../../src/core/planner/hardware';
import { modelFlopsPerToken, layerShapes } from '../../src/core/planner/shape';
import { activationBytesPerToken } from '../../src/core/planner/memory-plan';
import { collectiveSeconds, placeGroup } from '../../src/core/planner/collectives';
import { resolveCluster } from '../../src/core/planner/hardware';
import { trainingRunTime } from '../../src/core/planner/run';
import { planTraining } from '../../src/core/planner/plan';
import { CLUSTERS, ACCELERATOR_TRAINING_DEFAULTS, COLLECTIVE_BASE_SECONDS } from '../../src/data/clusters';
import { getAccelerator } from '../../src/data/hardware';
import { NEMO_ROWS, megatronGptArch, nemoArch } from '../fixtures/training-throughput';
import { CUDNN_H100_128, FA2_A100_CAUSAL_128 } from '../fixtures/gemm-throughput';
import type { TrainingStepInput } from '../../src/core/planner/types';

function accelerator(id: string) {
  const row = getAccelerator(id);
  if (!row) throw new Error(id);
  return row;
}

describe('modelFlopsPerToken: the Megatron-LM / NeMo convention', () => {
  // NeMo prints model TFLOP/s per GPU and tokens/s per GPU for each row: their ratio is NeMo's
  // FLOPs per token (full-square attention, output head, no input embedding).
  it.each(NEMO_ROWS.filter((row) => row.release === '24.09' || row.model === 'Mixtral-8x7B').map((row) => [`${row.model} at ${row.seqLen}`, row] as const))(
    '%s matches NeMo\'s printed TFLOP/s ÷ tokens/s within 0.5 %',
    (_name, row) => {
      const printed = (row.modelTflopsPerGpu * 1e12) / row.tokensPerSecondPerGpu;
      expect(modelFlopsPerToken(nemoArch(row), row.seqLen) / printed - 1).toBeCloseTo(0, 2);
      expect(Math.abs(modelFlopsPerToken(nemoArch(row), row.seqLen) / printed - 1)).toBeLessThan(0.005);
    },
  );

  it('matches the Megatron-Core README: 1.7B at 408.8 TFLOP/s is 41 % of 989 (MFU as printed)', () => {
    const arch = megatronGptArch({ hidden: 2048, layers: 24, heads: 16, vocab: 131072, seqLen: 4096 });
    const step = trainingStep({ arch, accelerator: accelerator('h100-sxm'), precision: 'bf16', layout: { tp: 1, pp: 1, dp: 48, microBatch: 1 }, globalBatch: 192, seqLen: 4096, recompute: 'none' });
    expect(step.mfu).toBeCloseTo(step.modelFlops / step.seconds / 48 / 989.5e12, 10);
    expect(step.hfu).toBe(step.mfu);
  });
});

describe('activation memory: Korthikanti et al. 2022 Table 2 (GPT-3 175B layer, s 2048, b 1, t 8)', () => {
  const MiB = 2 ** 20;
  const shapes = layerShapes(megatronGptArch({ hidden: 12288, layers: 96, heads: 96, vocab: 51200, seqLen: 2048 }));
  const perLayer = (tp: number, sequenceParallel: boolean, recompute: 'none' | 'selective' | 'full') =>
    (activationBytesPerToken(shapes, false, tp, sequenceParallel, recompute) * 2048) / MiB;
  // FlashAttention never stores the s² scores, so 'none' here is the table's "selective" column.
  it('tensor parallel without SP, scores not stored: 312 MiB', () => expect(perLayer(8, false, 'none')).toBeCloseTo(312, -0.5));
  it('tensor + sequence parallel, scores not stored: 102 MiB', () => expect(perLayer(8, true, 'none')).toBeCloseTo(102, -0.5));
  it('full recompute keeps the layer input: 48 MiB (2sbh)', () => expect(perLayer(8, false, 'full')).toBeCloseTo(48, 1));
  it('selective keeps as much as none under FlashAttention', () => expect(perLayer(8, true, 'selective')).toBe(perLayer(8, true, 'none')));
  // Unfused attention (Megatron-LM 2019–22) stores the scores: Table 2's baseline
  // sbh(10 + 24/t + 5as/(ht)) = 2048·12288·(13 + 10) bytes = 552 MiB; selective drops the 5as/(ht) term.
  const unfused = (recompute: 'none' | 'selective') => (activationBytesPerToken(shapes, false, 8, false, recompute, 2, 2048) * 2048) / MiB;
  it('unfused attention, tensor parallel baseline: 552 MiB (Table 2, 5as/ht term included)', () => expect(unfused('none')).toBeCloseTo(552, -0.5));
  it('unfused attention with selective recompute: back to 312 MiB (Table 2: sbh(10 + 24/t))', () => expect(unfused('selective')).toBeCloseTo(312, -0.5));
});

describe('training frameworks', () => {
  const arch = megatronGptArch({ hidden: 12288, layers: 96, heads: 96, vocab: 51200, seqLen: 2048 });
  const input: TrainingStepInput = { arch, accelerator: accelerator('a100-sxm-80gb'), precision: 'bf16', layout: { tp: 8, pp: 8, dp: 1, vp: 3, microBatch: 1 }, globalBatch: 64, seqLen: 2048, recompute: 'selective' };
  it('rejects an unknown framework and interleaving where the pipeline engine has none', () => {
    expect(() => trainingStep({ ...input, framework: 'jax-2030' })).toThrow(/framework must be one of/);
    expect(() => trainingStep({ ...input, framework: 'megatron-deepspeed-2021' })).toThrow(ConfigError);
  });
  it('prices 2022 Megatron (unfused attention, backward-only TP overlap, unoverlapped DP) slower than Megatron-Core on the same A100 layout', () => {
    const modern = trainingStep({ ...input, framework: 'megatron-core' });
    const old = trainingStep({ ...input, framework: 'megatron-lm-2022' });
    expect(old.framework).toBe('megatron-lm-2022');
    expect(old.seconds).toBeGreaterThan(modern.seconds);
    // Under unfused attention, selective recomputation saves the stored scores (Korthikanti §5).
    expect(trainingStep({ ...input, framework: 'megatron-lm-2022', recompute: 'none' }).memoryPerGpu).toBeGreaterThan(old.memoryPerGpu);
  });
  it('defaults to the Megatron generation of the GPU: 2022 Megatron-LM on A100, Megatron-Core on H100', () => {
    expect(trainingStep(input).framework).toBe('megatron-lm-2022');
    expect(trainingStep({ ...input, accelerator: accelerator('h100-sxm') }).framework).toBe('megatron-core');
  });
});

/**
 * Korthikanti et al. 2022, Table 4 (p. 9): one transformer layer of the 22B model (hidden 6144,
 * 64 heads, s 2048, micro-batch 4, tensor parallel 8 on A100 80GB), forward / backward ms as
 * printed: baseline 7.7 / 11.9, sequence parallelism 7.2 / 11.8, selective recompute backward 13.2
 * (the recomputed attention core adds 1.3 ms). A component measurement: it checks the byte counts
 * of the memory-bound ops (what sequence parallelism saves is the replicated norms, dropouts and
 * residual adds), the unfused attention core (what selective recomputation repeats) and the GEMMs,
 * not an end-to-end step.
 */
describe('one 22B layer against Korthikanti et al. 2022 Table 4 (A100, tp 8)', () => {
  const arch = megatronGptArch({ hidden: 6144, layers: 48, heads: 64, vocab: 51200, seqLen: 2048, tiedEmbeddings: true });
  const a100 = accelerator('a100-sxm-80gb');
  const layer = (sequenceParallel: boolean) => {
    const model = prepareModel({ arch, accelerator: a100, precision: 'bf16', seqLen: 2048, globalBatch: 4, framework: 'megatron-lm-2022' });
    const layout = resolveLayout(arch, { tp: 8, pp: 1, dp: 1, microBatch: 4, sequenceParallel }, 4, 2048);
    const { forward, backward } = layoutLayerCosts(model, layout).dense;
    // 2022 Megatron: forward TP collectives exposed, backward ones under half the backward GEMMs.
    return {
      forward: forward.gemm + forward.attention + forward.memory + forward.tp,
      backward: backward.gemm + backward.attention + backward.memory + Math.max(0, backward.tp - backward.gemm / 2),
      attentionForward: forward.attention,
    };
  };
  const baseline = layer(false);
  const sequenceParallel = layer(true);
  it('forward 7.7 ms and backward 11.9 ms without sequence parallelism, each within ±10 %', () => {
    expect(baseline.forward / 7.7e-3 - 1).toBeGreaterThan(-0.1);
    expect(baseline.forward / 7.7e-3 - 1).toBeLessThan(0.1);
    expect(baseline.backward / 11.9e-3 - 1).toBeGreaterThan(-0.1);
    expect(baseline.backward / 11.9e-3 - 1).toBeLessThan(0.1);
  });
  it('sequence parallelism saves the forward 0.5 ms of replicated elementwise work (7.7 → 7.2), within 0.2 ms', () => {
    expect(baseline.forward - sequenceParallel.forward).toBeGreaterThan(0.3e-3);
    expect(baseline.forward - sequenceParallel.forward).toBeLessThan(0.7e-3);
    expect(sequenceParallel.backward / 11.8e-3 - 1).toBeGreaterThan(-0.1);
  });
  it('selective recomputation repeats an unfused attention core of 1.3 ms (11.9 → 13.2 ms backward), within ±25 %', () => {
    expect(baseline.attentionForward / 1.3e-3 - 1).toBeGreaterThan(-0.25);
    expect(baseline.attentionForward / 1.3e-3 - 1).toBeLessThan(0.25);
  });
});

describe('attention kernel curves against the FlashAttention papers\' figures', () => {
  const curve = (id: string, keys: number) => {
    const rates = computeRates(accelerator(id), 'bf16');
    return (rates.attention.efficiency * keys) / (keys + rates.attention.halfKeys);
  };
  it.each(FA2_A100_CAUSAL_128.map(([keys, teraflops]) => [keys, teraflops] as const))(
    'A100 FlashAttention-2 forward + backward at %i keys: %f TFLOP/s (Dao 2023 Fig. 4d) within ±5 %',
    (keys, teraflops) => {
      expect(Math.abs((curve('a100-sxm-80gb', keys) * 312) / teraflops - 1)).toBeLessThanOrEqual(0.05);
    },
  );
  it.each(CUDNN_H100_128.sequenceLengths.map((keys, index) => [keys, index] as const))(
    'H100 cuDNN forward + backward at %i keys (Shah et al. 2024 forward and backward figures) within ±5 %',
    (keys, index) => {
      const forward = CUDNN_H100_128.forwardCausal[index] ?? 0;
      const backward = CUDNN_H100_128.backward[index] ?? 0;
      const combined = 3.5 / (1 / forward + 2.5 / backward);
      expect(Math.abs((curve('h100-sxm', keys) * 989.5) / combined - 1)).toBeLessThanOrEqual(0.05);
    },
  );
});

describe('collectives', () => {
  const cluster = resolveCluster(accelerator('h100-sxm'));
  it('a ring all-reduce moves as much as a reduce-scatter plus an all-gather (bandwidth terms)', () => {
    const group = placeGroup(8, 1, 8);
    const bytes = 4e9;
    const allReduce = collectiveSeconds('all-reduce', bytes, group, cluster);
    const halves = collectiveSeconds('reduce-scatter', bytes, group, cluster) + collectiveSeconds('all-gather', bytes, group, cluster);
    expect(allReduce / halves).toBeCloseTo(1, 2);
  });
  it('an all-reduce of 1 GB over 8 NVLink-4 GPUs takes 2·7/8 GB at 80 % of 450 GB/s ≈ 4.9 ms', () => {
    expect(collectiveSeconds('all-reduce', 1e9, placeGroup(8, 1, 8), cluster)).toBeCloseTo((2 * 7) / 8 / 360, 3);
  });
  it('spanning nodes costs more with one member per node than with eight (NICs aggregate)', () => {
    const onePerNode = collectiveSeconds('reduce-scatter', 1e9, placeGroup(64, 8, 8), cluster);
    const eightPerNode = collectiveSeconds('reduce-scatter', 1e9, placeGroup(64, 1, 8), cluster);
    expect(onePerNode).toBeGreaterThan(5 * eightPerNode);
  });
  /**
   * NCCL's latency model (src/graph/tuning.cc): all-gather and reduce-scatter run as rings — n − 1
   * steps, nodes − 1 of them on the network — while all-reduce may take the tree,
   * 2·((n/nodes − 1)·intra + ⌊log2 nodes⌋·inter). One byte isolates the latency term.
   */
  it('prices latency hop by hop as NCCL does: rings for all-gather and reduce-scatter, a tree only for all-reduce', () => {
    const { scaleUpHopSeconds: intra, scaleOutHopSeconds: inter } = cluster;
    const group = placeGroup(768, 1, 8);
    const ring = COLLECTIVE_BASE_SECONDS + (767 - 95) * intra + 95 * inter;
    expect(collectiveSeconds('all-gather', 1, group, cluster)).toBeCloseTo(ring, 6);
    expect(collectiveSeconds('reduce-scatter', 1, group, cluster)).toBeCloseTo(ring, 6);
    expect(ring).toBeGreaterThan(3e-3);
    const tree = COLLECTIVE_BASE_SECONDS + 2 * (7 * intra + 6 * inter);
    expect(collectiveSeconds('all-reduce', 1, group, cluster)).toBeCloseTo(tree, 6);
    // Inside one node the all-reduce ring (14 NVLink hops) and tree (2 × 7) cost the same.
    expect(collectiveSeconds('all-reduce', 1, placeGroup(8, 1, 8), cluster)).toBeCloseTo(COLLECTIVE_BASE_SECONDS + 14 * intra, 7);
  });
  it('is free for a group of one and grows with the bytes', () => {
    expect(collectiveSeconds('all-gather', 1e9, placeGroup(1, 1, 8), cluster)).toBe(0);
    expect(collectiveSeconds('all-to-all', 2e9, placeGroup(16, 1, 8), cluster)).toBeGreaterThan(collectiveSeconds('all-to-all', 1e9, placeGroup(16, 1, 8), cluster));
  });
});

describe('clusters', () => {
  it('every default cluster row exists and is positive', () => {
    for (const [id, defaults] of Object.entries(ACCELERATOR_TRAINING_DEFAULTS)) {
      const row = CLUSTERS.find((cluster) => cluster.id === defaults.clusterId);
      expect(row, id).toBeDefined();
      expect(row?.scaleUpBytesPerSecond).toBeGreaterThan(0);
    }
  });
  it('a DGX H100 has 8 GPUs, 450 GB/s NVLink and 50 GB/s InfiniBand per GPU per direction (datasheet: 900 GB/s, 8 × 400 Gb/s)', () => {
    const cluster = resolveCluster(accelerator('h100-sxm'));
    expect([cluster.gpusPerNode, cluster.scaleUpBytesPerSecond, cluster.scaleOutBytesPerSecondPerGpu]).toEqual([8, 450e9, 50e9]);
  });
  it('GB200 sits in a 72-GPU NVLink domain', () => expect(resolveCluster(accelerator('gb200')).gpusPerNode).toBe(72));
  it('the cluster override wins field by field', () => {
    const cluster = resolveCluster(accelerator('h100-sxm'), { scaleOutBytesPerSecondPerGpu: 25e9 });
    expect(cluster.scaleOutBytesPerSecondPerGpu).toBe(25e9);
    expect(cluster.scaleUpBytesPerSecond).toBe(450e9);
  });
  it('a slower network makes a multi-node data-parallel step slower', () => {
    const arch = megatronGptArch({ hidden: 7168, layers: 48, heads: 56, vocab: 131072, seqLen: 4096 });
    const input: TrainingStepInput = { arch, accelerator: accelerator('h100-sxm'), precision: 'bf16', layout: { tp: 8, pp: 1, dp: 48, microBatch: 1 }, globalBatch: 192, seqLen: 4096, recompute: 'none' };
    expect(trainingStep({ ...input, cluster: { scaleOutBytesPerSecondPerGpu: 12.5e9 } }).seconds).toBeGreaterThan(trainingStep(input).seconds);
  });
});

describe('layout rules throw ConfigError naming the rule', () => {
  const arch = megatronGptArch({ hidden: 4096, layers: 30, heads: 32, vocab: 131072, seqLen: 4096 });
  const base: TrainingStepInput = { arch, accelerator: accelerator('h100-sxm'), precision: 'bf16', layout: { tp: 2, pp: 1, dp: 4, microBatch: 1 }, globalBatch: 64, seqLen: 4096, recompute: 'none' };
  const cases: [string, Partial<TrainingStepInput>, RegExp][] = [
    ['heads not divisible by tp', { layout: { tp: 3, pp: 1, dp: 4, microBatch: 1 } }, /heads \(32\) must be divisible by tp \(3\)/],
    ['layers not splitting over pp', { layout: { tp: 2, pp: 4, dp: 1, microBatch: 1 } }, /layers \(30\) must be divisible by pp/],
    ['batch not divisible by dp × microBatch', { globalBatch: 66 }, /globalBatch \(66\) must be divisible by dp × microBatch/],
    ['expert parallel on a dense model', { layout: { tp: 2, pp: 1, dp: 4, ep: 2, microBatch: 1 } }, /ep \(2\) > 1 needs a mixture-of-experts/],
    ['interleaving without a pipeline', { layout: { tp: 2, pp: 1, dp: 4, vp: 2, microBatch: 1 } }, /vp > 1/],
    // pp 3 · vp 5 splits the 30 layers; 8 sequences over dp 4 are 2 micro-batches for 3 stages.
    ['interleaving with fewer micro-batches than stages', { layout: { tp: 2, pp: 3, dp: 4, vp: 5, microBatch: 1 }, globalBatch: 8 }, /needs at least pp \(3\) micro-batches per step, got globalBatch \/ \(dp × microBatch\) = 2/],
    ['FP8 on an A100', { accelerator: accelerator('a100-sxm-80gb'), precision: 'fp8' }, /fp8 has no dense throughput/],
    ['non-integer degree', { layout: { tp: 1.5, pp: 1, dp: 4, microBatch: 1 } }, /layout\.tp must be an integer/],
    ['unknown recompute', { recompute: 'most' as never }, /recompute must be one of/],
  ];
  it.each(cases)('%s', (_name, change, message) => {
    expect(() => trainingStep({ ...base, ...change })).toThrow(ConfigError);
    expect(() => trainingStep({ ...base, ...change })).toThrow(message);
  });
  it('interleaves once there are pp micro-batches, and runs fewer without interleaving', () => {
    expect(trainingStep({ ...base, layout: { tp: 2, pp: 3, dp: 4, vp: 5, microBatch: 1 }, globalBatch: 12 }).layout.vp).toBe(5);
    expect(trainingStep({ ...base, layout: { tp: 2, pp: 3, dp: 4, vp: 1, microBatch: 1 }, globalBatch: 8 }).microBatches).toBe(2);
  });
  it('accepts an uneven pipeline that the given first/last stages make whole (Llama 3: 126 = 7 + 14 × 8 + 7)', () => {
    const arch126 = { ...arch, layers: 126 };
    const step = trainingStep({ ...base, arch: arch126, layout: { tp: 2, pp: 16, dp: 1, microBatch: 1, firstStageLayers: 7, lastStageLayers: 7 }, globalBatch: 32 });
    expect(step.layout.middleStageLayers).toBe(8);
  });
  it('prices TP across nodes on the network and flags it instead of refusing', () => {
    const step = trainingStep({ ...base, layout: { tp: 16, pp: 1, dp: 1, microBatch: 1 }, globalBatch: 4 });
    expect(step.tpCrossesNode).toBe(true);
    const inNode = trainingStep({ ...base, layout: { tp: 8, pp: 1, dp: 2, microBatch: 1 }, globalBatch: 4 });
    expect(step.breakdown.tp).toBeGreaterThan(inNode.breakdown.tp);
  });
});

describe('the step and the run', () => {
  const arch = megatronGptArch({ hidden: 12288, layers: 96, heads: 96, vocab: 51200, seqLen: 2048 });
  const input: TrainingStepInput = { arch, accelerator: accelerator('a100-sxm-80gb'), precision: 'bf16', layout: { tp: 8, pp: 8, dp: 4, microBatch: 1 }, globalBatch: 256, seqLen: 2048, recompute: 'selective' };
  const step = trainingStep(input);
  it('has a breakdown that sums to the step', () => {
    const sum = Object.values(step.breakdown).reduce((a, b) => a + b, 0);
    expect(sum / step.seconds).toBeCloseTo(1, 10);
  });
  it('has a pipeline bubble of (pp − 1)/(vp·m) of the work: 7/64 with 64 micro-batches', () => {
    const work = step.seconds - step.breakdown.ppBubble - step.breakdown.dp - step.breakdown.optimizer - step.breakdown.ppP2p;
    expect(step.breakdown.ppBubble / work).toBeCloseTo(7 / 64, 2);
    const interleaved = trainingStep({ ...input, layout: { ...input.layout, vp: 4 } });
    expect(interleaved.breakdown.ppBubble).toBeLessThan(step.breakdown.ppBubble / 3);
  });
  it('counts full recomputation as one extra forward: hardware FLOPs ≈ 4/3 of model FLOPs (Narayanan 2021 Eq. 3)', () => {
    const full = trainingStep({ ...input, recompute: 'full' });
    expect(full.hardwareFlops / full.modelFlops).toBeCloseTo(1 + (96 * 72 * 12288 ** 2 * (1 + 2048 / (6 * 12288))) / 3 / (96 * 72 * 12288 ** 2 * (1 + 2048 / (6 * 12288)) + 6 * 12288 * 51200), 3);
  });
  it('turns a step into a run: 300B tokens of GPT-3 at this step', () => {
    const run = trainingRunTime(step, 300e9, 256 * 2048);
    expect(run.steps).toBeCloseTo(300e9 / (256 * 2048), 6);
    expect(run.stepGpuHours).toBeCloseTo((run.steps * step.seconds * 256) / 3600, 3);
    // Llama 3 §3.3.4: "higher than 90% effective training time" — the default goodput.
    expect(run.goodput).toBe(0.9);
    expect(run.gpuHours).toBeCloseTo(run.stepGpuHours / 0.9, 3);
    expect(trainingRunTime(step, 300e9, 256 * 2048, { goodput: 1 }).gpuHours).toBeCloseTo(run.stepGpuHours, 3);
    expect(() => trainingRunTime(step, 300e9, 1, { goodput: 0 })).toThrow(ConfigError);
    expect(run.gpuHoursLow).toBeLessThan(run.gpuHours);
    expect(run.gpuHoursHigh).toBeGreaterThan(run.gpuHours);
    expect(() => trainingRunTime(step, Number.NaN, 1)).toThrow(ConfigError);
  });
  it('plans only layouts that fit and multiply out to the GPUs, fastest first', () => {
    const plan = planTraining({ arch, accelerator: accelerator('a100-sxm-80gb'), precision: 'bf16', gpus: 256, seqLen: 2048, globalBatch: 256, limit: 20 });
    expect(plan.layouts.length).toBeGreaterThan(0);
    for (const [index, layout] of plan.layouts.entries()) {
      expect(layout.fits).toBe(true);
      expect(layout.layout.tp * layout.layout.pp * layout.layout.dp * layout.layout.cp).toBe(256);
      if (index > 0) expect(layout.seconds).toBeGreaterThanOrEqual(plan.layouts[index - 1]?.seconds ?? 0);
    }
    expect(plan.rejected.oom).toBeGreaterThan(0);
  });
  it('searched within one published split (parallelism), finds exactly the variants the full search ranks for it', () => {
    const input = { arch, accelerator: accelerator('a100-sxm-80gb'), precision: 'bf16' as const, gpus: 256, seqLen: 2048, globalBatch: 256, limit: 1e6 };
    const split = { tp: 8, pp: 4, cp: 1, ep: 1 };
    const pinned = planTraining({ ...input, parallelism: split });
    const same = (candidate: { layout: { tp: number; pp: number; cp: number; ep: number } }) =>
      candidate.layout.tp === split.tp && candidate.layout.pp === split.pp && candidate.layout.cp === split.cp && candidate.layout.ep === split.ep;
    const full = planTraining(input).layouts.filter(same);
    expect(pinned.layouts.length).toBeGreaterThan(1);
    expect(pinned.layouts.every(same)).toBe(true);
    expect(pinned.layouts.map((step) => [step.seconds, step.layout.vp, step.layout.microBatch, step.layout.zeroStage, step.recompute])).toEqual(
      full.map((step) => [step.seconds, step.layout.vp, step.layout.microBatch, step.layout.zeroStage, step.recompute]),
    );
    expect(pinned.evaluated).toBeLessThan(planTraining(input).evaluated / 4);
  });
});
