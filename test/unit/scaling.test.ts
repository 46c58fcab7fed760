import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LOSS_LAWS,
  OPTIMAL_LAWS,
  SCALING_LAWS,
  computeOptimal,
  lossAlongTokens,
  lossAtComputeOptimal,
  predictLoss,
} from '../../src/core/scaling';
import { SCALING_VECTORS } from '../fixtures/published';

/** Relative difference |a/b − 1|. */
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('SCALING_LAWS constants as printed', () => {
  it('Hoffmann et al. 2022 approach 3 (App. D.2): E 1.69, A 406.4, B 410.7, α 0.34, β 0.28', () => {
    expect(SCALING_LAWS.hoffmann2022).toMatchObject({ E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 });
  });
  it('Besiroglu et al. 2024 Table 1: E 1.8172, A 482.01, B 2085.43, α 0.3478, β 0.3658', () => {
    expect(SCALING_LAWS.besiroglu2024).toMatchObject({ E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 });
  });
  it('Kaplan et al. 2020 Table 2 and Table 6', () => {
    expect(SCALING_LAWS.kaplan2020).toMatchObject({ alphaN: 0.076, alphaD: 0.103, Nc: 6.4e13, Dc: 1.8e13, Ne: 1.3e9, pN: 0.73, De: 2e10, pD: 0.27, cMinFraction: 0.5 });
  });
});

describe('predictLoss — scaling.json worked_examples.predicted_loss_L_N_D', () => {
  for (const row of SCALING_VECTORS.losses) {
    it(`${row.name}: hoffmann ${row.hoffmann2022}, besiroglu ${row.besiroglu2024}, kaplan ${row.kaplan2020}`, () => {
      expect(predictLoss('hoffmann2022', row.params, row.tokens)).toBeCloseTo(row.hoffmann2022, 5);
      expect(predictLoss('besiroglu2024', row.params, row.tokens)).toBeCloseTo(row.besiroglu2024, 5);
      expect(predictLoss('kaplan2020', row.params, row.tokens)).toBeCloseTo(row.kaplan2020, 5);
    });
  }
  it('more params or more tokens → lower loss (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOSS_LAWS), fc.double({ min: 1e6, max: 1e15, noNaN: true }), fc.double({ min: 1e6, max: 1e15, noNaN: true }), (law, params, tokens) => {
        const loss = predictLoss(law, params, tokens);
        expect(Number.isFinite(loss) && loss > 0).toBe(true);
        expect(predictLoss(law, params * 2, tokens)).toBeLessThan(loss);
        expect(predictLoss(law, params, tokens * 2)).toBeLessThan(loss);
      }),
    );
  });
  it('the Chinchilla-form laws stay above their irreducible loss E (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('hoffmann2022', 'besiroglu2024' as const), fc.double({ min: 1e6, max: 1e15, noNaN: true }), fc.double({ min: 1e6, max: 1e15, noNaN: true }), (law, params, tokens) => {
        expect(predictLoss(law, params, tokens)).toBeGreaterThan(SCALING_LAWS[law].E);
      }),
    );
  });
  it('never NaN at zero', () => {
    for (const law of LOSS_LAWS) expect(Number.isFinite(predictLoss(law, 0, 0))).toBe(true);
  });
});

describe('computeOptimal — scaling.json worked_examples.compute_optimal_allocation', () => {
  const budgets = [SCALING_VECTORS.gopherBudget, SCALING_VECTORS.budget1e24, SCALING_VECTORS.budget1e25];
  for (const budget of budgets) {
    it(`C = ${budget.flops.toExponential(2)}: hoffmann, besiroglu, tokens20, kaplan (C_min = C/2)`, () => {
      for (const law of OPTIMAL_LAWS) {
        const got = computeOptimal(law, budget.flops);
        const want = budget[law];
        expect(rel(got.params, want.params)).toBeLessThan(5e-4);
        expect(rel(got.tokens, want.tokens)).toBeLessThan(5e-4);
      }
    });
  }
  it('Gopher budget 5.76e23: Hoffmann (rounded) N 32.19e9, D 2.9823e12; Besiroglu N 72.249e9; tokens20 N 69.282e9', () => {
    expect(computeOptimal('hoffmann2022', 5.76e23).params / 1e9).toBeCloseTo(32.19, 2);
    expect(computeOptimal('hoffmann2022', 5.76e23).tokens / 1e12).toBeCloseTo(2.9823, 3);
    expect(computeOptimal('besiroglu2024', 5.76e23).params / 1e9).toBeCloseTo(72.249, 2);
    expect(computeOptimal('tokens20', 5.76e23).params / 1e9).toBeCloseTo(69.282, 2);
  });
  it('loss at the optimum: hoffmann 1.9307, besiroglu 1.9744 (scaling.json loss_at_opt)', () => {
    expect(lossAtComputeOptimal('hoffmann2022', 5.76e23)).toBeCloseTo(SCALING_VECTORS.gopherBudget.hoffmann2022.lossAtOpt, 3);
    expect(lossAtComputeOptimal('besiroglu2024', 5.76e23)).toBeCloseTo(SCALING_VECTORS.gopherBudget.besiroglu2024.lossAtOpt, 3);
  });
  it('Kaplan allocation at 1e21 FLOPs = 4.68B params (Hoffmann et al. 2022 App. D.4, published), only with C_min = C/2', () => {
    const n = computeOptimal('kaplan2020', SCALING_VECTORS.kaplanD4.flops).params;
    expect(rel(n, SCALING_VECTORS.kaplanD4.withHalfCompute)).toBeLessThan(1e-4);
    expect(Math.round(n / 1e7) / 100).toBe(4.68);
  });
  it('Chinchilla-form optima spend the budget: 6·N·D = C; tokens20 gives D = 20·N (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e15, max: 1e30, noNaN: true }), (flops) => {
        for (const law of ['hoffmann2022', 'besiroglu2024', 'tokens20'] as const) {
          const { params, tokens } = computeOptimal(law, flops);
          expect(rel(6 * params * tokens, flops)).toBeLessThan(1e-9);
        }
        const t20 = computeOptimal('tokens20', flops);
        expect(t20.tokens / t20.params).toBeCloseTo(20, 9);
        for (const law of OPTIMAL_LAWS) {
          const a = computeOptimal(law, flops);
          const b = computeOptimal(law, flops * 10);
          expect(b.params).toBeGreaterThan(a.params);
          expect(b.tokens).toBeGreaterThan(a.tokens);
        }
      }),
    );
  });
  it('the optimum minimises the loss along the iso-FLOP curve (hoffmann2022 at 1e24)', () => {
    const c = 1e24;
    const opt = computeOptimal('hoffmann2022', c);
    const lossAt = (n: number) => predictLoss('hoffmann2022', n, c / (6 * n));
    expect(lossAt(opt.params)).toBeLessThan(lossAt(opt.params * 1.2));
    expect(lossAt(opt.params)).toBeLessThan(lossAt(opt.params / 1.2));
  });
  it('zero compute → zero model', () => {
    expect(computeOptimal('hoffmann2022', 0)).toEqual({ params: 0, tokens: 0 });
  });
});

describe('lossAlongTokens (the iso-size curve with the parameter term hoisted)', () => {
  it('equals predictLoss point by point for every law', () => {
    const tokens = [1, 1e6, 3e9, 1.4e12, 1e15];
    for (const law of LOSS_LAWS) {
      const curve = lossAlongTokens(law, 70e9, tokens);
      tokens.forEach((d, i) => expect(curve[i]).toBeCloseTo(predictLoss(law, 70e9, d), 12));
    }
  });
});
