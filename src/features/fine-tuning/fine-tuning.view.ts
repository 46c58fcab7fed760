/**
 * The section's derivations, memoized per store on the inputs they read, so a drag of any other
 * slider reuses them: the chart and stats (the model, the fine-tuning fields, the accelerator,
 * its price, the utilization) and the accelerator table (the model and the memory inputs only;
 * about 30 ms for 32 accelerators × 3 methods, so the table follows a deferred scenario).
 */
import type { Scenario } from '../../scenario/scenario';
import { derivation } from '../../store/selectors';
import { fineTuningData, fineTuningFitTable } from './fine-tuning.data';

const modelKey = (scenario: Scenario): unknown[] => [scenario.model, scenario.params, scenario.customConfig, scenario.overrides, scenario.modelFile];
const memoryKey = (scenario: Scenario): unknown[] => [
  scenario.ftSeqLen,
  scenario.ftMicroBatch,
  scenario.ftCheckpointing,
  scenario.ftAdapterPrecision,
  scenario.loraRank,
  scenario.loraModules,
];

export const fineTuningSectionData = derivation(
  (scenario, select) => {
    const estimate = select.estimate(scenario);
    return fineTuningData(estimate.model.arch, scenario, estimate.hardware);
  },
  {
    key: (scenario) => [
      ...modelKey(scenario),
      ...memoryKey(scenario),
      scenario.gpu,
      scenario.customGpu,
      scenario.usdPerGpuHour,
      scenario.mfu,
      scenario.ftTokens,
    ],
  },
);

export const fineTuningTableData = derivation((scenario, select) => fineTuningFitTable(select.model(scenario).model.arch, scenario), {
  key: (scenario) => [...modelKey(scenario), ...memoryKey(scenario)],
});
