/**
 * Scaling laws: predicted loss L(N, D) and the compute-optimal split of a FLOP budget between
 * parameters N and tokens D. Units: parameters, tokens, FLOPs; loss in nats per token (each law
 * on its own dataset and tokenizer — losses of different families are not comparable).
 */
import { PETAFLOP_DAY, nonNegative } from './units';

/** Laws with a parametric loss L(N, D). */
export type LossLaw = 'hoffmann2022' | 'besiroglu2024' | 'kaplan2020';
/** Laws (and rules) that split a compute budget. */
export type OptimalLaw = 'hoffmann2022' | 'besiroglu2024' | 'tokens20' | 'kaplan2020';

export const LOSS_LAWS: readonly LossLaw[] = ['hoffmann2022', 'besiroglu2024', 'kaplan2020'];
export const OPTIMAL_LAWS: readonly OptimalLaw[] = ['hoffmann2022', 'besiroglu2024', 'tokens20', 'kaplan2020'];

/** Chinchilla's functional form L(N, D) = E + A / N^α + B / D^β. */
export interface ChinchillaFit {
  E: number;
  A: number;
  B: number;
  alpha: number;
  beta: number;
  /** `SOURCES` id. */
  source: 'hoffmann2022' | 'besiroglu2024';
  where: string;
}

/** Kaplan et al. 2020: the joint L(N, D) fit and the compute-efficient allocation. */
export interface KaplanFit {
  /** Eq. 1.5 / Table 2: L(N, D) = [(N_c / N)^(α_N / α_D) + D_c / D]^α_D, N = non-embedding params. */
  alphaN: number;
  alphaD: number;
  Nc: number;
  Dc: number;
  /** Table 6 / Eq. 1.7: N_opt = N_e × C_min^p_N, D_opt = D_e × C_min^p_D, C_min in PF-days. */
  Ne: number;
  pN: number;
  De: number;
  pD: number;
  /** C_min = C / (1 + B / B_crit) = C / 2 when training at the critical batch (Eq. 5.5). */
  cMinFraction: number;
  source: 'kaplan2020';
  where: string;
}

export const SCALING_LAWS = {
  hoffmann2022: {
    E: 1.69,
    A: 406.4,
    B: 410.7,
    alpha: 0.34,
    beta: 0.28,
    source: 'hoffmann2022',
    where: 'Approach 3, App. D.2 Eq. 10, constants as printed (rounded); N includes embeddings',
  },
  besiroglu2024: {
    E: 1.8172,
    A: 482.01,
    B: 2085.43,
    alpha: 0.3478,
    beta: 0.3658,
    source: 'besiroglu2024',
    where: 'Table 1 / §3, refit of Chinchilla approach 3 on data digitised from Hoffmann Fig. 4',
  },
  kaplan2020: {
    alphaN: 0.076,
    alphaD: 0.103,
    Nc: 6.4e13,
    Dc: 1.8e13,
    Ne: 1.3e9,
    pN: 0.73,
    De: 2e10,
    pD: 0.27,
    cMinFraction: 0.5,
    source: 'kaplan2020',
    where: 'Eq. 1.5 with Table 2 constants; Table 6 allocation with C_min = C/2 (reproduces Hoffmann App. D.4: 4.68B at 1e21)',
  },
  tokens20: {
    tokensPerParam: 20,
    source: 'hoffmann2022',
    where: 'Table 3 ratios and Chinchilla itself (70B on 1.4T tokens); not a rule the paper states',
  },
} as const satisfies {
  hoffmann2022: ChinchillaFit;
  besiroglu2024: ChinchillaFit;
  kaplan2020: KaplanFit;
  tokens20: { tokensPerParam: number; source: string; where: string };
};

/** Parameter and token counts floored at 1 so power laws never divide by zero. */
function atLeastOne(x: number): number {
  const value = nonNegative(x);
  return value < 1 ? 1 : value;
}

/**
 * Chinchilla parametric loss.  L(N, D) = E + A / N^α + B / D^β
 * Units: nats per token on MassiveText. N = total parameters including embeddings (App. F).
 * Sources: hoffmann2022 Eq. 2 and App. D.2; besiroglu2024 Table 1.
 * Example: 70e9 params, 1.4e12 tokens → 1.93665 (hoffmann2022 as printed), 1.97388 (besiroglu2024).
 */
export function chinchillaLoss(fit: ChinchillaFit, params: number, tokens: number): number {
  const n = atLeastOne(params);
  const d = atLeastOne(tokens);
  return nonNegative(fit.E + fit.A / n ** fit.alpha + fit.B / d ** fit.beta);
}

/**
 * Kaplan et al. 2020 joint loss.  L(N, D) = [(N_c / N)^(α_N / α_D) + D_c / D]^α_D
 * Units: nats per token on WebText2 (GPT-2 BPE). N should be NON-embedding parameters; passing the
 * total is an approximation (small for large models) that we accept and document.
 * Source: kaplan2020 Eq. 1.5 and Table 2 (α_N 0.076, α_D 0.103, N_c 6.4e13, D_c 1.8e13).
 */
export function kaplanLoss(params: number, tokens: number): number {
  const k = SCALING_LAWS.kaplan2020;
  const n = atLeastOne(params);
  const d = atLeastOne(tokens);
  return nonNegative(((k.Nc / n) ** (k.alphaN / k.alphaD) + k.Dc / d) ** k.alphaD);
}

/**
 * Predicted pre-training loss of a model of `params` parameters trained on `tokens` tokens
 * under `law`: `hoffmann2022` and `besiroglu2024` use the Chinchilla form, `kaplan2020` its joint
 * L(N, D) (see `chinchillaLoss`, `kaplanLoss`). Units: nats per token.
 * Sources: hoffmann2022; besiroglu2024; kaplan2020.
 */
export function predictLoss(law: LossLaw, params: number, tokens: number): number {
  if (law === 'kaplan2020') return kaplanLoss(params, tokens);
  return chinchillaLoss(SCALING_LAWS[law], params, tokens);
}

export interface ComputeOptimalPoint {
  params: number;
  tokens: number;
}

/**
 * Compute-optimal split of a FLOP budget C, in closed form.
 *   hoffmann2022, besiroglu2024 (Hoffmann Eq. 4): N = G·(C/6)^a, D = (C/6)^b / G,
 *     G = (α·A / (β·B))^(1/(α+β)), a = β/(α+β), b = α/(α+β)   (so 6·N·D = C; E plays no part)
 *   tokens20: D = 20·N with C = 6·N·D, so N = √(C/120), D = 20·N
 *   kaplan2020 (Table 6): C_min = C/2 in PF-days (training at the critical batch, Eq. 5.5),
 *     N = 1.3e9 · C_min^0.73 (non-embedding), D = 2e10 · C_min^0.27 — separate fits, so 6·N·D ≠ C
 * Units: parameters, tokens. Sources: hoffmann2022 Eq. 4 and Table 3; besiroglu2024; kaplan2020 Table 6.
 * Example: C = 5.76e23 → hoffmann2022 N 32.19e9, D 2.9823e12; besiroglu2024 N 72.249e9; tokens20 N 69.282e9.
 */
export function computeOptimal(law: OptimalLaw, flops: number): ComputeOptimalPoint {
  const c = nonNegative(flops);
  if (c === 0) return { params: 0, tokens: 0 };
  if (law === 'tokens20') {
    const ratio = SCALING_LAWS.tokens20.tokensPerParam;
    const params = Math.sqrt(c / (6 * ratio));
    return { params: nonNegative(params), tokens: nonNegative(ratio * params) };
  }
  if (law === 'kaplan2020') {
    const k = SCALING_LAWS.kaplan2020;
    const cMin = (c * k.cMinFraction) / PETAFLOP_DAY;
    return { params: nonNegative(k.Ne * cMin ** k.pN), tokens: nonNegative(k.De * cMin ** k.pD) };
  }
  const fit: ChinchillaFit = SCALING_LAWS[law];
  const sum = fit.alpha + fit.beta;
  const g = ((fit.alpha * fit.A) / (fit.beta * fit.B)) ** (1 / sum);
  const a = fit.beta / sum;
  const b = fit.alpha / sum;
  const base = c / 6;
  return { params: nonNegative(g * base ** a), tokens: nonNegative(base ** b / g) };
}

/**
 * The loss a law predicts at its own compute-optimal point for budget C (tokens20 has no loss
 * of its own and uses the Hoffmann fit). Units: nats per token.
 */
export function lossAtComputeOptimal(law: OptimalLaw, flops: number): number {
  const point = computeOptimal(law, flops);
  const lossLaw: LossLaw = law === 'tokens20' ? 'hoffmann2022' : law;
  return predictLoss(lossLaw, point.params, point.tokens);
}

/**
 * `predictLoss(law, params, tokens)` for one model size over many token counts, with the
 * parameter term computed once (the iso-size curves of the scaling chart):
 *   Chinchilla: L = (E + A / N^α) + B / D^β;  Kaplan: L = [(N_c / N)^(α_N / α_D) + D_c / D]^α_D
 * Units: nats per token, one per entry of `tokens`. Same results as `predictLoss`.
 */
export function lossAlongTokens(law: LossLaw, params: number, tokens: readonly number[]): number[] {
  const n = atLeastOne(params);
  const out = new Array<number>(tokens.length);
  if (law === 'kaplan2020') {
    const k = SCALING_LAWS.kaplan2020;
    const nTerm = (k.Nc / n) ** (k.alphaN / k.alphaD);
    for (let i = 0; i < tokens.length; i++) out[i] = nonNegative((nTerm + k.Dc / atLeastOne(tokens[i]!)) ** k.alphaD);
    return out;
  }
  const fit: ChinchillaFit = SCALING_LAWS[law];
  const nTerm = fit.E + fit.A / n ** fit.alpha;
  for (let i = 0; i < tokens.length; i++) out[i] = nonNegative(nTerm + fit.B / atLeastOne(tokens[i]!) ** fit.beta);
  return out;
}
