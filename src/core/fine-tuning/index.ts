/** Fine-tuning: full, LoRA and QLoRA — adapters, memory per GPU, compute, time, fit. */
export {
  LORA_MODULES,
  LORA_ATTENTION_QV,
  LORA_ALL_LINEAR,
  loraTrainableParameters,
  loraTargetMatrices,
  largestLinearMatrix,
  type LoraModule,
  type LoraOptions,
  type LoraParameterCount,
  type ExpertAdaptation,
} from './lora';
export {
  FINE_TUNING_METHODS,
  NF4_DOUBLE_QUANT_BITS_PER_WEIGHT,
  DEFAULT_LORA,
  fineTuningMemoryPerGpu,
  fineTuningActivationBytes,
  qloraBaseWeightBytes,
  type FineTuningMethod,
  type FineTuningOptions,
  type FineTuningMemory,
} from './memory';
export { fineTuningFlops, fineTuningTime, type FineTuningFlops, type FineTuningComputeOptions, type FineTuningTimeOptions, type FineTuningTime } from './compute';
export { fineTuningFits, type FineTuningFitCell, type FineTuningFitRow, type FineTuningFitOptions } from './fit';
