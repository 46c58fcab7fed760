/**
 * The estimate's scaling laws: the loss each law predicts for the model and its tokens, and each
 * law's compute-optimal model at the run's dense compute.
 * Modelling choice: the losses use the total parameter count (Chinchilla's N includes the
 * embeddings) and the training tokens; the compute is 6 × active × tokens.
 * Units: parameters, tokens, FLOPs, nats per token.
 */
import { LOSS_LAWS, OPTIMAL_LAWS, computeOptimal, predictLoss, type LossLaw, type OptimalLaw } from '../scaling';
import { ratio } from '../units';

export interface OptimalAtCompute {
  params: number;
  tokens: number;
  tokensPerParam: number;
  /** Loss the law predicts there (tokens20 uses the Hoffmann fit). */
  loss: number;
}

export interface EstimateScaling {
  /** N used by the loss laws: total parameters. */
  params: number;
  tokens: number;
  /** C = 6 × active × tokens. */
  compute: number;
  tokensPerParam: number;
  loss: Record<LossLaw, number>;
  optimal: Record<OptimalLaw, OptimalAtCompute>;
}

/** Losses of the model and each law's compute-optimal split of its dense training compute. */
export function scalingEstimate(run: { params: number; tokens: number; denseFlops: number; tokensPerParam: number }): EstimateScaling {
  const loss = {} as Record<LossLaw, number>;
  for (const law of LOSS_LAWS) loss[law] = predictLoss(law, run.params, run.tokens);
  const optimal = {} as Record<OptimalLaw, OptimalAtCompute>;
  for (const law of OPTIMAL_LAWS) {
    const point = computeOptimal(law, run.denseFlops);
    optimal[law] = {
      params: point.params,
      tokens: point.tokens,
      tokensPerParam: ratio(point.tokens, point.params),
      loss: predictLoss(law === 'tokens20' ? 'hoffmann2022' : law, point.params, point.tokens),
    };
  }
  return { params: run.params, tokens: run.tokens, compute: run.denseFlops, tokensPerParam: run.tokensPerParam, loss, optimal };
}
