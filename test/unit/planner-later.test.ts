/**
 * The training planner on NVIDIA's later software (Megatron-Bridge performance summaries 25.09,
 * 25.11, 26.02: test/fixtures/training-heldout.ts MEGATRON_BRIDGE_LATER), never fitted. The
 * calibration set stops at NeMo 25.04; these rows run the same models on the same systems a year
 * later, so they separate what the model says about hardware and layouts from what a software
 * release changed. Priced as an outside check calls `trainingStep` (no framework given).
 */
import { describe, expect, it } from 'vitest';
import { trainingStep } from '../../src/core/planner/step';
import { laterReleaseCases, specInput } from '../fixtures/training-heldout';

const rows = laterReleaseCases().map((entry) => {
  const step = trainingStep(specInput(entry.input));
  return { name: entry.name, input: entry.input, publishedSeconds: entry.publishedSeconds, seconds: step.seconds, error: entry.publishedSeconds / step.seconds - 1, fits: step.fits, framework: step.framework };
});

function row(name: string) {
  const found = rows.find((entry) => entry.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
}

const isSmall = (name: string): boolean => name.includes('Llama3-8B');

/** Rows of 70B and more outside ±10 %, and why (docs/training-planner.md, "Later releases"). */
const KNOWN_MISSES_LARGE: Readonly<Record<string, string>> = {
  'NeMo 25.11 Llama3.1-405B (256 gb200)':
    '−10.1 %: 256 GB200 at TP 4 × PP 16, the only 405B layout of these releases without context parallelism; the 26.02 run of the same recipe (793 tokens/s/GPU against 813) is −7.8 %',
};

function meanAbsolute(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + Math.abs(value), 0) / values.length;
}

describe('trainingStep on later NeMo releases (software the calibration set did not see)', () => {
  it('prints the table', () => {
    console.table(rows.map((entry) => ({ row: entry.name, 'published s': Number(entry.publishedSeconds.toFixed(2)), 'predicted s': Number(entry.seconds.toFixed(2)), error: `${(entry.error * 100).toFixed(1)} %`, fits: entry.fits })));
    const large = rows.filter((entry) => !isSmall(entry.name)).map((entry) => entry.error);
    console.log(`70B and 405B: mean ${(meanAbsolute(large) * 100).toFixed(2)} %, max ${(Math.max(...large.map(Math.abs)) * 100).toFixed(2)} %`);
    expect(rows).toHaveLength(14);
  });

  it('prices them with the NeMo recipes and says every layout fits', () => {
    for (const entry of rows) {
      expect(entry.framework, entry.name).toBe('nemo-2');
      expect(entry.fits, entry.name).toBe(true);
    }
  });

  it.each(rows.filter((entry) => !isSmall(entry.name) && !(entry.name in KNOWN_MISSES_LARGE)).map((entry) => [entry.name, entry] as const))(
    '%s (70B and up) is within ±10 % of the published step time',
    (_name, entry) => {
      expect(Math.abs(entry.error)).toBeLessThanOrEqual(0.1);
    },
  );

  it('lists only rows that still miss, and the 70B / 405B rows not listed meet the 5 % mean goal', () => {
    for (const name of Object.keys(KNOWN_MISSES_LARGE)) expect(Math.abs(row(name).error), name).toBeGreaterThan(0.1);
    const kept = rows.filter((entry) => !isSmall(entry.name) && !(entry.name in KNOWN_MISSES_LARGE));
    expect(kept).toHaveLength(9);
    expect(meanAbsolute(kept.map((entry) => entry.error))).toBeLessThanOrEqual(0.05);
  });

  /**
   * The Llama-3-8B recipe (8 GPUs, TP 1, micro-batch 2, 8K) is where the releases moved: on B200 it
   * printed 26,006 tokens/s/GPU in 25.02 (the calibration row, priced −4 %) and 29,994 / 30,624 in
   * 25.09 / 25.11 — 15–18 % more on the same hardware and layout, with CUDA graphs over the whole
   * iteration in the later recipes. The model, fitted on the earlier releases, stays where 25.02 was.
   */
  it('prices the later Llama-3-8B runs 14–19 % slow: the software gain since the calibration rows, not a hardware term', () => {
    const small = rows.filter((entry) => isSmall(entry.name));
    expect(small).toHaveLength(4);
    for (const entry of small) {
      // error = published / predicted step time − 1: negative when the release ran faster than priced
      expect(entry.error, entry.name).toBeLessThan(-0.1);
      expect(entry.error, entry.name).toBeGreaterThan(-0.25);
    }
  });

  /**
   * With the release held fixed the hardware ratio is what the model's peaks, MAMF and links say.
   * GB200 / B200 on the Llama-3-8B recipe: 1.045 (25.09) and 1.029 (25.11) published, against the
   * 1.27 the calibration set's cross-release pair (GB200 25.04 33,099 / B200 25.02 26,006) implies.
   */
  it('gives the GB200 / B200 ratio of one release within 5 %', () => {
    const modelled = row('NeMo 25.09 Llama3-8B (8 b200)').seconds / row('NeMo 25.09 Llama3-8B (8 gb200)').seconds;
    for (const release of ['25.09', '25.11']) {
      const published = row(`NeMo ${release} Llama3-8B (8 b200)`).publishedSeconds / row(`NeMo ${release} Llama3-8B (8 gb200)`).publishedSeconds;
      expect(published, release).toBeLessThan(1.06);
      expect(Math.abs(modelled / published - 1), release).toBeLessThanOrEqual(0.05);
    }
  });

  it('gives the B200 / H100 throughput ratio of the 405B recipes of one release within 10 %', () => {
    for (const release of ['25.09', '25.11']) {
      const b200 = row(`NeMo ${release} Llama3.1-405B (128 b200)`);
      const h100 = row(`NeMo ${release} Llama3.1-405B (1024 h100-sxm)`);
      const tokensPerGpuSecond = (entry: typeof b200, seconds: number): number =>
        (entry.input.globalBatch * entry.input.seqLen) / (seconds * entry.input.layout.tp * entry.input.layout.pp * entry.input.layout.dp * (entry.input.layout.cp ?? 1));
      const published = tokensPerGpuSecond(b200, b200.publishedSeconds) / tokensPerGpuSecond(h100, h100.publishedSeconds);
      const modelled = tokensPerGpuSecond(b200, b200.seconds) / tokensPerGpuSecond(h100, h100.seconds);
      expect(Math.abs(modelled / published - 1), release).toBeLessThanOrEqual(0.1);
    }
  });
});
