/**
 * The training planner on published layouts it was NOT fitted on (test/fixtures/training-heldout.ts:
 * Narayanan 2021 Tables 1–2, Korthikanti 2022, Llama 3 Table 4, MT-NLG, the NeMo Blackwell rows not in
 * the calibration set), and whether `planTraining`
 * rediscovers the published layouts of the calibration set.
 */
import { describe, expect, it } from 'vitest';
import { trainingStep } from '../../src/core/planner/step';
import { planTraining } from '../../src/core/planner/plan';
import { heldOutCases, MT_NLG, MT_NLG_INFERRED_MICRO_BATCH, narayananFlops, specInput } from '../fixtures/training-heldout';
import { calibrationCases } from '../fixtures/training-throughput';

/**
 * Two predictions per row: as an outside check calls `trainingStep` — the spec's input only
 * (layout, recompute, precision, accelerator, cluster), so the DEFAULT framework for the
 * accelerator (step.ts DEFAULT_FRAMEWORK_BY_GENERATION) and default gradient bytes — and with the
 * row's own era framework and published settings (the fixture's full input).
 */
const heldOut = heldOutCases().map((entry) => {
  const asChecked = trainingStep(specInput(entry.input));
  const era = trainingStep(entry.input);
  return {
    name: entry.name,
    publishedSeconds: entry.publishedSeconds,
    defaultSeconds: asChecked.seconds,
    eraSeconds: era.seconds,
    defaultError: entry.publishedSeconds / asChecked.seconds - 1,
    eraError: entry.publishedSeconds / era.seconds - 1,
    fits: era.fits,
    framework: asChecked.framework,
  };
});

/** Rows outside ±10 % with the default framework, and why (docs/training-planner.md). */
const KNOWN_MISSES_DEFAULT: Readonly<Record<string, string>> = {
  'Korthikanti 2022 1T full recompute, no SP (512 A100)':
    '−10.5 %: 12 % of the step is the non-interleaved pipeline bubble of 64 stages; the model adds the replicated (no-SP) elementwise work and exposed forward TP traffic of a recomputed forward on top, just past the goal',
  'Llama 3 405B, 8,192 H100':
    '+19 %: the published step is right (Meta\'s MFU counts PaLM\'s 6N + 12·L·H·Q·T, the planner\'s convention: tests below); Meta\'s stack is not Megatron-Core — with its own framework row (no TP overlap, FP32 reduction) +21 %. The same ~20 % shows on Meta\'s LLaMA 1/2 runs (planner-runs): not a component the model prices',
  'Llama 3 405B, 16,384 H100': '+21 %: as the 8,192-GPU row',
  'Llama 3 405B, 16,384 H100, 131K context':
    '+25 %: as the 8,192-GPU row (with Meta\'s exposed all-gather context parallelism, its own framework row: +20 %); the full-square FLOP count is the one that makes the 131K row consistent with the 8K rows (tests below)',
  'NeMo 25.02 Nemotron-15B (64 b200)':
    '+13 %: NeMo 25.02 on B200 ran Nemotron-4 15B / 340B (and Mixtral, planner-calibration) 12–18 % below the model, while the same model predicts the GB200 25.04 runs of the same models within 3 %: a 25.02 / B200 cost the model does not have',
  'NeMo 25.02 Nemotron-340B (128 b200)': '+12 %: as the B200 Nemotron-15B row',
};

/** Rows outside ±10 % with their era framework: the same rows and causes. (MT-NLG on 2,240 GPUs, +10.03 % with the default framework until NCCL's ring latency entered the model, is +9.9 % now; +3.9 % on DeepSpeed's engine.) */
const KNOWN_MISSES_ERA: Readonly<Record<string, string>> = KNOWN_MISSES_DEFAULT;

function meanAbsolute(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + Math.abs(value), 0) / values.length;
}

describe('trainingStep on held-out published layouts (no refit)', () => {
  it('prints the held-out table', () => {
    console.table(
      heldOut.map((row) => ({
        row: row.name,
        'published s': Number(row.publishedSeconds.toFixed(2)),
        'default s': Number(row.defaultSeconds.toFixed(2)),
        'default error': `${(row.defaultError * 100).toFixed(1)} %`,
        'era s': Number(row.eraSeconds.toFixed(2)),
        'era error': `${(row.eraError * 100).toFixed(1)} %`,
        'default framework': row.framework,
        fits: row.fits,
      })),
    );
    for (const kind of ['default', 'era'] as const) {
      const errors = heldOut.map((row) => (kind === 'default' ? row.defaultError : row.eraError));
      console.log(`held-out ${kind}: mean ${(meanAbsolute(errors) * 100).toFixed(2)} %, max ${(Math.max(...errors.map(Math.abs)) * 100).toFixed(2)} %`);
    }
    expect(heldOut.length).toBe(38);
  });

  it('lists only held-out rows as known misses', () => {
    for (const name of [...Object.keys(KNOWN_MISSES_DEFAULT), ...Object.keys(KNOWN_MISSES_ERA)]) expect(heldOut.map((row) => row.name), name).toContain(name);
  });

  // The goal for rows held back from the fit: each within ±10 %, mean ≤ 5 %.
  it.each(heldOut.filter((row) => !(row.name in KNOWN_MISSES_DEFAULT)).map((row) => [row.name, row] as const))(
    '%s is within ±10 % of the published step time with the default framework (as an outside check calls it)',
    (_name, row) => {
      expect(Math.abs(row.defaultError)).toBeLessThanOrEqual(0.1);
    },
  );
  it.each(heldOut.filter((row) => row.name in KNOWN_MISSES_DEFAULT).map((row) => [row.name, row] as const))(
    '%s is still a known miss with the default framework',
    (_name, row) => {
      expect(Math.abs(row.defaultError)).toBeGreaterThan(0.1);
    },
  );
  it.each(heldOut.filter((row) => !(row.name in KNOWN_MISSES_ERA)).map((row) => [row.name, row] as const))(
    '%s is within ±10 % of the published step time with its era framework',
    (_name, row) => {
      expect(Math.abs(row.eraError)).toBeLessThanOrEqual(0.1);
    },
  );
  it.each(heldOut.filter((row) => row.name in KNOWN_MISSES_ERA).map((row) => [row.name, row] as const))(
    '%s is still a known miss with its era framework',
    (_name, row) => {
      expect(Math.abs(row.eraError)).toBeGreaterThan(0.1);
    },
  );

  // The overall means (default 5.7 %, era 5.5 %) miss the 5 % goal because of the listed rows;
  // over every other row the goal holds, with either framework.
  it('has a mean error of at most 5 % over the rows not listed as known misses, with either framework', () => {
    expect(meanAbsolute(heldOut.filter((row) => !(row.name in KNOWN_MISSES_DEFAULT)).map((row) => row.defaultError))).toBeLessThanOrEqual(0.05);
    expect(meanAbsolute(heldOut.filter((row) => !(row.name in KNOWN_MISSES_ERA)).map((row) => row.eraError))).toBeLessThanOrEqual(0.05);
  });

  it('prices the A100 rows with Megatron-LM 2022, the BF16 H100 rows with Megatron-Core and the FP8 Blackwell rows with the NeMo recipes when no framework is given', () => {
    expect(heldOut.find((row) => row.name.startsWith('Narayanan'))?.framework).toBe('megatron-lm-2022');
    expect(heldOut.find((row) => row.name.startsWith('Llama 3'))?.framework).toBe('megatron-core');
    expect(heldOut.find((row) => row.name.startsWith('NeMo'))?.framework).toBe('nemo-2');
  });

  /**
   * What Meta's Table 4 "TFLOPs/GPU" counts. §3.3.2 calls its 38–43 % "BF16 Model FLOPs Utilization
   * (MFU; Chowdhery et al. (2023))": PaLM's Appendix B count, 6N + 12·L·H·Q·T per token — attention
   * over the full T × T square, no causal discount (torchtitan, Meta's PyTorch trainer, states the
   * same: "we follow the convention and do not account for sparsity in causal attention",
   * torchtitan/utils.py get_num_flop_per_token, 2024). The fixture turns the printed TFLOP/s into a
   * step time with that count.
   */
  describe('the Llama 3 rows\' FLOP convention', () => {
    const llama = heldOutCases().filter((entry) => entry.name.startsWith('Llama 3'));
    const [eightK, eightKWide, longContext] = llama;
    if (!eightK || !eightKWide || !longContext) throw new Error('Llama 3 rows');
    // Llama 3.1 405B (Table 3): 126 layers, model dimension 16,384, FFN 53,248, 128 heads of 128, 8 KV heads; vocabulary 128,256.
    const layers = 126;
    const hidden = 16384;
    const heads = 128;
    const headDim = 128;
    const matmulParameters = layers * (2 * hidden * hidden + 2 * hidden * 8 * headDim + 3 * hidden * 53248) + 128256 * hidden;
    const conventions = {
      fullSquare: (tokens: number) => 6 * matmulParameters + 12 * layers * heads * headDim * tokens,
      causalHalf: (tokens: number) => 6 * matmulParameters + 6 * layers * heads * headDim * tokens,
      sixNOnly: () => 6 * matmulParameters,
    };
    const tokensPerStep = 16 * 2 ** 20;
    const printedStep = (perToken: number, tflops: number): number => (perToken * tokensPerStep) / (16384 * tflops * 1e12);
    const specSeconds = (entry: typeof eightK): number => {
      const { framework: _framework, gradientReduceBytes: _bytes, ...input } = entry.input;
      return trainingStep(input).seconds;
    };
    const modelRatio = specSeconds(longContext) / specSeconds(eightKWide);
    const printedRatio = (perToken: (tokens: number) => number): number => printedStep(perToken(131072), 380) / printedStep(perToken(8192), 400);

    it('the fixture\'s step time counts 6N + 12·L·H·Q·T (N: the matmul weights, output head in, input embedding out)', () => {
      expect(longContext.publishedSeconds / printedStep(conventions.fullSquare(131072), 380)).toBeCloseTo(1, 3);
      expect(eightKWide.publishedSeconds / printedStep(conventions.fullSquare(8192), 400)).toBeCloseTo(1, 3);
    });

    it('only the full-square count makes the 131K row consistent with the 8K row on the same 16,384 GPUs (step ratio within 5 % of the kernels\'; causal half or 6N only > 20 % off)', () => {
      expect(Math.abs(printedRatio(conventions.fullSquare) / modelRatio - 1)).toBeLessThan(0.05);
      expect(Math.abs(printedRatio(conventions.causalHalf) / modelRatio - 1)).toBeGreaterThan(0.2);
      expect(Math.abs(printedRatio(conventions.sixNOnly) / modelRatio - 1)).toBeGreaterThan(0.2);
    });
  });

  /**
   * Korthikanti Table 5's full-without-SP over selective-with-SP ratios (1.29, 1.32, 1.30, 1.32);
   * the 22B pair is listed: the model's ratio is 1.41 because it predicts the 22B selective row
   * 9 % fast while the full row is exact (at layer level, Table 4's 27.2 / 20.3 ms = 1.34, the
   * model 28.3 / 19.7 ms = 1.44: the no-SP replicated work and TP traffic of the recomputed forward).
   */
  const RATIO_MISSES = new Set([
    'Korthikanti 2022 22B selective + SP (8 A100)',
    // 1.402: the full row priced 6.5 % slow — its six no-SP TP all-reduces per layer at NCCL's in-node ring latency (docs: seventh pass)
    'Korthikanti 2022 175B selective + SP (64 A100)',
  ]);
  it('puts full recomputation without SP 25–40 % behind selective recomputation with SP, as Korthikanti et al. measured (Table 5: 1.29–1.32×)', () => {
    const pairs = heldOut.filter((row) => row.name.startsWith('Korthikanti') && !row.name.includes('data parallel'));
    expect(pairs).toHaveLength(8);
    for (let index = 0; index < pairs.length; index += 2) {
      const selective = pairs[index];
      const full = pairs[index + 1];
      if (!selective || !full) throw new Error('pairs');
      const ratio = full.eraSeconds / selective.eraSeconds;
      expect(ratio, selective.name).toBeGreaterThan(1.25);
      const inWindow = ratio < 1.4;
      expect(inWindow, `${selective.name}: ${ratio.toFixed(3)}`).toBe(!RATIO_MISSES.has(selective.name));
    }
  });

  it('speeds MT-NLG up with more nodes less than linearly, as its iteration times do (60.1 → 44.4 s for 1.5× the nodes)', () => {
    const rows = heldOut.filter((row) => row.name.startsWith('MT-NLG'));
    const speedup = (rows[0]?.eraSeconds ?? 0) / (rows[2]?.eraSeconds ?? 1);
    expect(speedup).toBeGreaterThan(1.2);
    expect(speedup).toBeLessThan(1.5);
  });
});

/**
 * MT-NLG (Smith et al. 2022): the fixture's conversion and its micro-batch, by arithmetic on the
 * printed figures alone (no planner). Global batch 1920, TP 8 × PP 35, 280 / 350 / 420 nodes.
 */
describe('MT-NLG 530B: the printed iteration times', () => {
  const pipelineStages = 35;
  const globalBatch = 1920;
  const rows = MT_NLG.map((row) => ({ dp: row.nodes / 35, gpus: row.nodes * 8, seconds: row.seconds }));
  const [first, middle, last] = rows;
  if (!first || !middle || !last) throw new Error('three MT-NLG rows');

  it('are the printed 126 / 121 / 113 TFLOP/s per GPU under Narayanan\'s Eq. 3, which counts the recomputed forward', () => {
    const flops = narayananFlops(globalBatch, 2048, 105, 20480, 51200);
    const printedTflops = [126, 121, 113];
    rows.forEach((row, index) => {
      const tflops = flops / row.gpus / row.seconds / 1e12;
      expect(Math.abs(tflops / (printedTflops[index] ?? 0) - 1)).toBeLessThan(0.006);
    });
  });

  // Under 1F1B, T(dp) = c·(globalBatch/dp + (pp − 1)·mb): c, the seconds per sequence through a stage,
  // shrinks with more replicas; the fill and drain of (pp − 1) micro-batches does not.
  it('say the micro-batch is 2: the step has a fixed part of (pp − 1) × 1.95 sequences', () => {
    const perSequence = (first.seconds - last.seconds) / (globalBatch / first.dp - globalBatch / last.dp);
    const fixedSeconds = first.seconds - perSequence * (globalBatch / first.dp);
    expect(fixedSeconds).toBeCloseTo(13.0, 1);
    const microBatch = fixedSeconds / perSequence / (pipelineStages - 1);
    expect(microBatch).toBeGreaterThan(1.9);
    expect(microBatch).toBeLessThan(2.0);
    expect(MT_NLG_INFERRED_MICRO_BATCH).toBe(Math.round(microBatch));
  });

  it('are predicted from the 280-node row within 1.1 % at micro-batch 2, but 4 % off at 1 and 6 % off at 4', () => {
    const worstError = (microBatch: number): number => {
      const perSequence = first.seconds / (globalBatch / first.dp + (pipelineStages - 1) * microBatch);
      return Math.max(
        ...[middle, last].map((row) => Math.abs((perSequence * (globalBatch / row.dp + (pipelineStages - 1) * microBatch)) / row.seconds - 1)),
      );
    };
    expect(worstError(2)).toBeLessThan(0.011);
    expect(worstError(1)).toBeGreaterThan(0.04);
    expect(worstError(4)).toBeGreaterThan(0.06);
  });

  it('the model agrees on DeepSpeed\'s engine: micro-batch 1 misses by more than 15 %, micro-batch 2 is within ±5 %', () => {
    for (const entry of heldOutCases().filter((candidate) => candidate.name.startsWith('MT-NLG'))) {
      const at = (microBatch: number): number =>
        entry.publishedSeconds / trainingStep({ ...entry.input, layout: { ...entry.input.layout, microBatch } }).seconds - 1;
      expect(Math.abs(at(1)), entry.name).toBeGreaterThan(0.15);
      expect(Math.abs(at(2)), entry.name).toBeLessThanOrEqual(0.05);
    }
  });
});

describe('planTraining rediscovers published layouts', () => {
  // Megatron-Core's H100 table interleaves one layer per virtual stage (vp 42, 23, 16 on 2, 4, 6
  // stages) and NeMo's Llama-2-70B runs vp 20: a search capped at a dozen virtual stages could not
  // price them, and ranked the 119B row's TP 8 · PP 4 51 % behind its best.
  it('holds every published layout: pinned to its tp, pp, cp and ep, the plan prices its vp and micro-batch as trainingStep does', () => {
    for (const entry of calibrationCases()) {
      const layout = entry.input.layout;
      const step = trainingStep(entry.input);
      const plan = planTraining({
        arch: entry.input.arch,
        accelerator: entry.input.accelerator,
        precision: entry.input.precision,
        gpus: step.gpus,
        seqLen: entry.input.seqLen,
        globalBatch: entry.input.globalBatch,
        limit: 100_000,
        parallelism: { tp: layout.tp, pp: layout.pp, cp: layout.cp ?? 1, ep: layout.ep ?? 1 },
        ...(entry.input.framework ? { framework: entry.input.framework } : {}),
        ...(entry.input.gradientReduceBytes ? { gradientReduceBytes: entry.input.gradientReduceBytes } : {}),
      });
      const same = plan.layouts.find(
        (candidate) =>
          candidate.layout.vp === step.layout.vp &&
          candidate.layout.microBatch === step.layout.microBatch &&
          candidate.layout.zeroStage === step.layout.zeroStage &&
          candidate.recompute === step.recompute,
      );
      expect(same, `${entry.name}: vp ${step.layout.vp}, micro-batch ${step.layout.microBatch}`).toBeDefined();
      expect(same?.seconds, entry.name).toBeCloseTo(step.seconds, 9);
    }
  });

  const results = calibrationCases().map((entry) => {
    const layout = entry.input.layout;
    const gpus = layout.tp * layout.pp * layout.dp * (layout.cp ?? 1);
    const plan = planTraining({
      arch: entry.input.arch,
      accelerator: entry.input.accelerator,
      precision: entry.input.precision,
      gpus,
      seqLen: entry.input.seqLen,
      globalBatch: entry.input.globalBatch,
      limit: 100_000,
    });
    const key = (tp: number, pp: number, cp: number, ep: number): string => `tp${tp} pp${pp} cp${cp} ep${ep}`;
    const published = key(layout.tp, layout.pp, layout.cp ?? 1, layout.ep ?? 1);
    const distinct: string[] = [];
    for (const candidate of plan.layouts) {
      const candidateKey = key(candidate.layout.tp, candidate.layout.pp, candidate.layout.cp, candidate.layout.ep);
      if (!distinct.includes(candidateKey)) distinct.push(candidateKey);
    }
    const best = plan.layouts[0];
    const bestOfPublished = plan.layouts.find((candidate) => key(candidate.layout.tp, candidate.layout.pp, candidate.layout.cp, candidate.layout.ep) === published);
    const rank = distinct.indexOf(published) + 1;
    const gap = best && bestOfPublished ? bestOfPublished.seconds / best.seconds - 1 : Infinity;
    return { name: entry.name, published, best: best ? distinct[0] : 'none', rank, gap, found: (rank >= 1 && rank <= 3) || gap <= 0.05 };
  });

  it('prints where each published layout ranks', () => {
    console.table(results.map((row) => ({ row: row.name, published: row.published, 'planner best': row.best, rank: row.rank, 'gap to best': `${(row.gap * 100).toFixed(1)} %`, found: row.found })));
    expect(results).toHaveLength(25);
  });

  it('finds most published layouts among the top 3 (tp, pp, cp, ep) choices or within 5 % of the best step time', () => {
    const found = results.filter((row) => row.found).length;
    expect(found / results.length).toBeGreaterThanOrEqual(0.6);
  });

  // Since the search tries every interleaving down to one layer per virtual stage (Megatron-Core's
  // own table runs that), TP 4 · PP 4 · VP 24 — a layout NeMo did not publish — comes out 2.7 %
  // ahead of TP 4 · PP 8 on 512 H100; on 128 H100 it is 2.6 % behind and NeMo's layout stays first.
  it('ranks the GPT-3 175B NeMo layout (TP 4, PP 8) first on 128 H100 and among the top 3 on 512', () => {
    const rows = results.filter((entry) => entry.name.includes('GPT3-175B') && entry.name.includes('h100'));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      if (row.name.includes('(128 ')) expect(row.rank, row.name).toBe(1);
      else expect(row.rank, row.name).toBeLessThanOrEqual(3);
    }
  });
});
