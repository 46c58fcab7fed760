/**
 * Training chart sweeps: cost against model size, and memory per GPU for each ZeRO stage and
 * recompute mode. Units: parameters, tokens, FLOPs, GPU-hours, days, US dollars, joules, bytes.
 */
import type { EstimateInput, RecomputeMode, ZeroStage } from '../input';
import type { Estimate } from '../estimate';
import { modelStateBreakdownPerDevice, trainingActivationBytesPerDevice, type TrainingMemoryBreakdown } from '../memory';
import { trainingFlops, trainingRunTotals, type TrainingRunOptions } from '../training';
import { nonNegative } from '../units';
import { SCALE_PARAMS } from './grids';

export interface CostVsScaleRow {
  params: number;
  tokens: number;
  flops: number;
  gpuHours: number;
  days: number;
  costUsd: number;
  energyJoules: number;
  energyCostUsd: number;
}

export interface CostVsScaleSeries {
  /** Dense models of 1e8–1e13 parameters at the scenario's tokens per parameter and hardware. */
  rows: CostVsScaleRow[];
  /** The scenario's model (active parameters for FLOPs, its actual tokens). */
  current: CostVsScaleRow;
}

export interface TrainingStrategyRow extends TrainingMemoryBreakdown {
  zeroStage: ZeroStage;
  recompute: RecomputeMode;
  fits: boolean;
  /** The scenario's own ZeRO stage and recompute mode. */
  current: boolean;
}

export interface TrainingMemoryByStrategySeries {
  rows: TrainingStrategyRow[];
  memoryBytesPerGpu: number;
}

const ZERO_STAGES: readonly ZeroStage[] = [0, 1, 2, 3];
const RECOMPUTE_MODES: readonly RecomputeMode[] = ['none', 'selective', 'full'];

function costRow(params: number, active: number, tokens: number, run: TrainingRunOptions): CostVsScaleRow {
  const flops = trainingFlops(active, tokens);
  const totals = trainingRunTotals(flops, run);
  return {
    params,
    tokens,
    flops,
    gpuHours: totals.gpuHours,
    days: totals.days,
    costUsd: totals.costUsd,
    energyJoules: totals.energyJoules,
    energyCostUsd: totals.energyCostUsd,
  };
}

/**
 * Training cost of dense models from 1e8 to 1e13 parameters at the run's effective tokens per
 * parameter (the scenario's ratio, or its fixed token count ÷ the model's parameters, so the
 * current model sits on the curve), with the run's own GPU, GPU count, MFU, PUE and prices
 * (`estimate.training.run`, through the same `trainingRunTotals` as the estimate; 6·N·D FLOPs).
 * The input is read through the estimate; the parameter stays for the call's shape.
 */
export function costVsScale(_input: EstimateInput, estimate: Estimate): CostVsScaleSeries {
  const run = estimate.training.run;
  const tokensPerParam = nonNegative(estimate.training.tokensPerParam);
  const rows = SCALE_PARAMS.map((params) => costRow(params, params, params * tokensPerParam, run));
  const counts = estimate.model.counts;
  const current = costRow(counts.total, counts.active, estimate.training.tokens, run);
  return { rows, current };
}

/** Training memory per GPU for ZeRO 0–3 × recompute none / selective / full at the scenario's layout. */
export function trainingMemoryByStrategy(input: EstimateInput, estimate: Estimate): TrainingMemoryByStrategySeries {
  const { arch, counts } = estimate.model;
  const training = estimate.training;
  // Activations depend only on the recompute mode, model states only on the ZeRO stage; both as
  // the estimate counts them (FlashAttention, the step's micro-batches in flight).
  // The estimate's per-layer figures at the scenario's TP (counted once there).
  const perLayerActivationBytes = (_tensorParallel: number, recompute: RecomputeMode) => training.activationBytesPerLayer[recompute];
  const activations = RECOMPUTE_MODES.map((recompute) =>
    trainingActivationBytesPerDevice(arch, {
      recompute,
      tensorParallel: training.tensorParallel,
      pipelineParallel: training.pipelineParallel,
      microBatch: input.microBatch,
      seqLen: input.seqLen,
      sequenceParallel: input.sequenceParallel,
      flashAttention: true,
      microBatchesPerStep: training.microBatchesPerStep,
      perLayerActivationBytes,
      offloadLayers: input.offloadLayers,
    }),
  );
  const rows: TrainingStrategyRow[] = [];
  for (const zeroStage of ZERO_STAGES) {
    const states = modelStateBreakdownPerDevice({
      params: counts.total,
      zeroStage,
      dataParallel: training.dataParallel,
      tensorParallel: training.tensorParallel,
      pipelineParallel: training.pipelineParallel,
      bytesPerWeight: training.bytesPerParam.weights,
      bytesPerGradient: training.bytesPerParam.gradients,
      optimizerBytesPerParam: training.bytesPerParam.optimizer,
    });
    RECOMPUTE_MODES.forEach((recompute, i) => {
      const total = states.total + activations[i]!;
      rows.push({
        weights: states.weights,
        gradients: states.gradients,
        optimizer: states.optimizer,
        activations: activations[i]!,
        total,
        zeroStage,
        recompute,
        fits: total <= estimate.hardware.deviceMemoryBytes,
        current: zeroStage === input.zeroStage && recompute === input.recompute,
      });
    });
  }
  return { rows, memoryBytesPerGpu: estimate.hardware.deviceMemoryBytes };
}
