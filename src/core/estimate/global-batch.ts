/**
 * The default global batch, apart from the planner's step model: the training controls read it
 * on first load, before the rest of the estimate's code has arrived.
 */
import { DEFAULT_BATCH_TOKENS } from '../input';

/** A degree or count as a whole number ≥ 1 (anything else: 1). */
export function whole(value: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 1;
}

/**
 * The global batch when the scenario gives none: about DEFAULT_BATCH_TOKENS (4M) tokens of
 * `seqLen`, rounded to a multiple of dp × micro-batch (at least one micro-batch per
 * data-parallel rank), so the default never breaks the batch rule.
 *   sequences = max(1, round(4,194,304 / seqLen)); unit = dp × microBatch;
 *   globalBatch = max(unit, round(sequences / unit) × unit)
 */
export function defaultGlobalBatch(seqLen: number, dataParallel: number, microBatch: number): number {
  const sequences = Math.max(1, Math.round(DEFAULT_BATCH_TOKENS / whole(seqLen)));
  const unit = whole(dataParallel) * whole(microBatch);
  return Math.max(unit, Math.round(sequences / unit) * unit);
}

/**
 * The automatic global batch of a scenario's layout: `defaultGlobalBatch` at its data-parallel
 * degree, GPUs ÷ (tp × pp × cp). A layout that does not divide the GPUs has no such degree (it
 * cannot run, and the page says why): the batch is then the default alone, rounded to the
 * micro-batch, so the training plan still searches a batch the GPU count can split (1,024
 * sequences at 4K, not the 1,023 that ⌊1,024 ÷ 3⌋ = 341 replicas would round to).
 */
export function scenarioGlobalBatch(seqLen: number, gpus: number, modelParallel: number, microBatch: number): number {
  const count = whole(gpus);
  const unit = whole(modelParallel);
  return defaultGlobalBatch(seqLen, count % unit === 0 ? count / unit : 1, microBatch);
}
