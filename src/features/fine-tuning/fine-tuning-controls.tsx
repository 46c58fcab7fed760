import { memo, useCallback, useId, useMemo } from 'react';
import { SelectField } from '../../components/ui/select-field';
import { SliderField } from '../../components/ui/slider-field';
import { LORA_MODULES, type FineTuningMethod, type LoraModule } from '../../core';
import { formatCount, formatNumber } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/view-settings';
import { useScenarioState, useScenarioStore } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';
import { RANGES } from '../../scenario/scenario';
import { MESSAGES } from './messages';
import { QLORA_65B_ON_48GB } from './fine-tuning.scenarios';
import { withCode } from '../../view/with-code';

const selectUpdate = (state: ScenarioState) => state.update;
const selectMethod = (state: ScenarioState) => state.scenario.ftMethod;
const selectRank = (state: ScenarioState) => state.scenario.loraRank;
const selectModules = (state: ScenarioState) => state.scenario.loraModules;
const selectTokens = (state: ScenarioState) => state.scenario.ftTokens;
const selectSeqLen = (state: ScenarioState) => state.scenario.ftSeqLen;
const selectMicroBatch = (state: ScenarioState) => state.scenario.ftMicroBatch;
const selectCheckpointing = (state: ScenarioState) => state.scenario.ftCheckpointing;
const selectAdapterPrecision = (state: ScenarioState) => state.scenario.ftAdapterPrecision;

function isMethod(value: string): value is FineTuningMethod {
  return value === 'full' || value === 'lora' || value === 'qlora';
}

/** The fine-tuning inputs: each reads its own value from the live store (a step repaints only it). */
export const FineTuningControls = memo(function FineTuningControls() {
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const update = useScenarioState(selectUpdate);
  const store = useScenarioStore();
  const method = useScenarioState(selectMethod);
  const rank = useScenarioState(selectRank);
  const modules = useScenarioState(selectModules);
  const tokens = useScenarioState(selectTokens);
  const seqLen = useScenarioState(selectSeqLen);
  const microBatch = useScenarioState(selectMicroBatch);
  const checkpointing = useScenarioState(selectCheckpointing);
  const adapterPrecision = useScenarioState(selectAdapterPrecision);
  const checkboxId = useId();
  const methodOptions = useMemo(
    () => [
      { value: 'full', label: m.methodFull },
      { value: 'lora', label: m.methodLora },
      { value: 'qlora', label: m.methodQlora },
    ],
    [m],
  );
  const precisionOptions = useMemo(
    () => [
      { value: 'fp32', label: m.adapterFp32 },
      { value: 'bf16', label: m.adapterBf16 },
    ],
    [m],
  );
  const toggle = useCallback(
    (module: LoraModule, on: boolean) => {
      const next = on ? [...modules, module] : modules.filter((item) => item !== module);
      // At least one adapted matrix: the last one cannot be unticked.
      if (next.length > 0) update({ loraModules: next });
    },
    [modules, update],
  );
  const reproduce = useCallback(() => {
    const state = store.getState();
    state.useConfig(QLORA_65B_ON_48GB.config);
    state.update(QLORA_65B_ON_48GB.patch);
  }, [store]);
  return (
    <div className="fine-tuning__controls" data-testid="fine-tuning-controls">
      <SelectField label={m.method} value={method} options={methodOptions} onChange={(value) => isMethod(value) && update({ ftMethod: value })} testId="ft-method" />
      <SliderField label={m.rank} value={rank} min={1} max={1024} log integer format={(value) => String(value)} onChange={(value) => update({ loraRank: value })} testId="ft-rank" />
      <fieldset className="fine-tuning__modules" data-testid="ft-modules">
        <legend>{m.modules}</legend>
        {LORA_MODULES.map((module) => (
          <label key={module} htmlFor={`${checkboxId}-${module}`}>
            <input id={`${checkboxId}-${module}`} type="checkbox" checked={modules.includes(module)} onChange={(event) => toggle(module, event.target.checked)} />
            <code>{module}</code>
          </label>
        ))}
        <p className="slider-field__hint">{withCode(m.moduleNames)}</p>
      </fieldset>
      <SliderField
        label={m.tokens}
        value={tokens}
        min={1e5}
        max={RANGES.ftTokens[1]}
        log
        format={(value) => formatCount(value, lang)}
        onChange={(value) => update({ ftTokens: value })}
        testId="ft-tokens"
      />
      <SliderField label={m.seqLen} value={seqLen} min={128} max={131072} log integer format={(value) => formatNumber(value, lang, 7)} onChange={(value) => update({ ftSeqLen: value })} testId="ft-seq" />
      <SliderField label={m.microBatch} value={microBatch} min={1} max={64} integer format={(value) => String(value)} onChange={(value) => update({ ftMicroBatch: value })} testId="ft-batch" />
      <label className="fine-tuning__check" htmlFor={`${checkboxId}-checkpointing`}>
        <input id={`${checkboxId}-checkpointing`} type="checkbox" checked={checkpointing} onChange={(event) => update({ ftCheckpointing: event.target.checked })} data-testid="ft-checkpointing" />
        {m.checkpointing}
      </label>
      <SelectField
        label={m.adapterPrecision}
        value={adapterPrecision}
        options={precisionOptions}
        onChange={(value) => (value === 'fp32' || value === 'bf16') && update({ ftAdapterPrecision: value })}
        testId="ft-adapter-precision"
      />
      <div className="fine-tuning__reproduce">
        <button type="button" onClick={reproduce} data-testid="ft-reproduce-qlora">
          {m.reproduce}
        </button>
        <p className="slider-field__hint">{m.reproduceNote}</p>
      </div>
    </div>
  );
});
