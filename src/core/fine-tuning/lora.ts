/**
 * LoRA adapters: which projection matrices an adapter of rank r sits on, and how many trainable
 * parameters that adds. Units: parameters.
 *
 * Source: Hu et al. 2021, "LoRA: Low-Rank Adaptation of Large Language Models" (arXiv:2106.09685),
 * §4.1 (W0 + BA with B ∈ R^{d×r}, A ∈ R^{r×k}: r·(d + k) trainable parameters per adapted matrix)
 * and §5.1 (|Θ| = 2 × L̂_LoRA × d_model × r for square d_model × d_model matrices).
 */
import { ConfigError } from '../errors';
import type { Architecture } from '../types';

/** The projections LoRA can adapt, by their Llama / PEFT names (q_proj … down_proj). */
export type LoraModule = 'q' | 'k' | 'v' | 'o' | 'gate' | 'up' | 'down';

export const LORA_MODULES: readonly LoraModule[] = Object.freeze(['q', 'k', 'v', 'o', 'gate', 'up', 'down']);
/** The LoRA paper's default (§4.2, §7.1): query and value projections. */
export const LORA_ATTENTION_QV: readonly LoraModule[] = Object.freeze(['q', 'v']);
/** QLoRA's recipe (Dettmers et al. 2023 §4): every linear layer of the transformer blocks. */
export const LORA_ALL_LINEAR: readonly LoraModule[] = LORA_MODULES;

/**
 * How routed experts of a mixture-of-experts layer are adapted.
 * `each-expert`: every routed expert's gate/up/down gets its own adapter (PEFT target_modules
 * matching the experts' projections, as on Qwen-MoE and DeepSeek checkpoints).
 * `shared-only`: only dense layers' MLPs and the shared experts are adapted.
 */
export type ExpertAdaptation = 'each-expert' | 'shared-only';

export interface LoraOptions {
  /** Rank r of every adapter. */
  rank: number;
  modules: readonly LoraModule[];
  /** Default `each-expert`. The router is never adapted. */
  experts?: ExpertAdaptation;
}

export interface LoraParameterCount {
  /** Trainable adapter parameters stored. */
  total: number;
  /** Adapter parameters one token runs through (routed experts: top-k of n). */
  active: number;
  /** Stored adapter parameters by projection. */
  byModule: Record<LoraModule, number>;
}

/** One adapted matrix in → out repeated `copies` times, `activeCopies` of them used per token. */
interface AdaptedMatrix {
  module: LoraModule;
  input: number;
  output: number;
  copies: number;
  activeCopies: number;
}

/** The linear projections of the model, grouped by LoRA module, with their shapes. */
export function loraTargetMatrices(arch: Architecture, experts: ExpertAdaptation = 'each-expert'): AdaptedMatrix[] {
  const { hidden, heads, kvHeads, headDim, layers, mla, moe, details } = arch;
  const every = (module: LoraModule, input: number, output: number, copies = layers, activeCopies = copies): AdaptedMatrix => ({
    module,
    input,
    output,
    copies,
    activeCopies,
  });
  const matrices: AdaptedMatrix[] = [];
  if (mla) {
    // MLA: q adapts q_proj (or q_a_proj and q_b_proj), k adapts kv_a_proj_with_mqa, v adapts kv_b_proj.
    const queryWidth = heads * (mla.qkNopeHeadDim + mla.qkRopeHeadDim);
    if (mla.qLoraRank === null) matrices.push(every('q', hidden, queryWidth));
    else matrices.push(every('q', hidden, mla.qLoraRank), every('q', mla.qLoraRank, queryWidth));
    matrices.push(
      every('k', hidden, mla.kvLoraRank + mla.qkRopeHeadDim),
      every('v', mla.kvLoraRank, heads * (mla.qkNopeHeadDim + mla.vHeadDim)),
      every('o', heads * mla.vHeadDim, hidden),
    );
  } else {
    matrices.push(
      every('q', hidden, heads * headDim),
      every('k', hidden, kvHeads * headDim),
      every('v', hidden, kvHeads * headDim),
      every('o', heads * headDim, hidden),
    );
  }
  const mlp = (width: number, copies: number, activeCopies: number) => {
    if (details.gatedMlp) matrices.push(every('gate', hidden, width, copies, activeCopies));
    matrices.push(every('up', hidden, width, copies, activeCopies), every('down', width, hidden, copies, activeCopies));
  };
  const moeLayers = moe ? moe.moeLayers : 0;
  if (layers - moeLayers > 0) mlp(arch.ffn, layers - moeLayers, layers - moeLayers);
  if (moe && moeLayers > 0) {
    if (experts === 'each-expert') mlp(moe.expertFfn, moeLayers * moe.experts, moeLayers * moe.expertsPerToken);
    // Shared experts form one MLP of sharedExperts × sharedExpertFfn (DeepSeek's merged shared MLP, Qwen-MoE's shared_expert).
    if (moe.sharedExperts > 0 && moe.sharedExpertFfn > 0) mlp(moe.sharedExperts * moe.sharedExpertFfn, moeLayers, moeLayers);
  }
  return matrices;
}

function checkOptions(options: LoraOptions): void {
  if (!Number.isSafeInteger(options.rank) || options.rank < 1) {
    throw new ConfigError(`LoRA rank must be a whole number of at least 1, got ${String(options.rank)}`, 'rank');
  }
  if (!Array.isArray(options.modules) || options.modules.length === 0) {
    throw new ConfigError('LoRA needs at least one module to adapt (q, k, v, o, gate, up, down)', 'modules');
  }
  for (const module of options.modules) {
    if (!LORA_MODULES.includes(module)) throw new ConfigError(`"${String(module)}" is not a LoRA module (q, k, v, o, gate, up, down)`, 'modules');
  }
}

/**
 * Trainable parameters of LoRA adapters of rank r on the chosen projections.
 *   per adapted matrix of shape in → out: r × (in + out)   (A: r × in, B: out × r)
 *   q: hidden → heads·headDim; k, v: hidden → kvHeads·headDim (narrower under GQA);
 *   o: heads·headDim → hidden; gate, up: hidden → ffn; down: ffn → hidden (gate only for
 *   gated MLPs); each per layer. MoE layers: per routed expert (expertFfn wide) when
 *   `experts` is `each-expert`, plus the shared-expert MLP; the router is never adapted.
 *   active = the same with top-k routed experts instead of all.
 * Units: parameters. Source: Hu et al. 2021 §4.1 and §5.1 (GPT-3 175B, r = 1 and 8 on Wq, Wv:
 * 4.7M and 37.7M trainable parameters, Table 4 and App. D.4).
 */
export function loraTrainableParameters(arch: Architecture, options: LoraOptions): LoraParameterCount {
  checkOptions(options);
  const wanted = new Set(options.modules);
  const byModule: Record<LoraModule, number> = { q: 0, k: 0, v: 0, o: 0, gate: 0, up: 0, down: 0 };
  let total = 0;
  let active = 0;
  for (const matrix of loraTargetMatrices(arch, options.experts ?? 'each-expert')) {
    if (!wanted.has(matrix.module)) continue;
    const perCopy = options.rank * (matrix.input + matrix.output);
    byModule[matrix.module] += perCopy * matrix.copies;
    total += perCopy * matrix.copies;
    active += perCopy * matrix.activeCopies;
  }
  return { total, active, byModule };
}

/** Largest linear weight of the model (elements), the matrix QLoRA dequantizes at a time. */
export function largestLinearMatrix(arch: Architecture): number {
  let largest = 0;
  for (const matrix of loraTargetMatrices(arch, 'each-expert')) largest = Math.max(largest, matrix.input * matrix.output);
  return largest;
}
