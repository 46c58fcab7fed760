import { memo, useCallback } from 'react';
import { SliderField } from '../../components/ui/slider-field';
import { RANGES } from '../../scenario/scenario';
import { fill } from '../../i18n/i18n';
import { useLang, useMessages } from '../../i18n/view-settings';
import { useScenarioState } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';
import { CONTROLS_MESSAGES } from './messages';
import { modelTotal, useModelValue } from './model-view';
import type { ModelResolution } from '../../store/selectors';
import { formatCountWords, formatInteger } from './controls-format';
import { countParseMessage, parseCount } from './parse-count';

const selectModelId = (state: ScenarioState) => state.scenario.model;
const selectParams = (state: ScenarioState) => state.scenario.params;
const selectChooseSize = (state: ScenarioState) => state.chooseSize;
/** "hidden×layers×heads" of the current shape-rule model, as one primitive. */
const pickShape = (resolution: ModelResolution, state: ScenarioState): string => {
  if (state.scenario.model !== 'size' || resolution.error !== null) return '';
  const arch = resolution.model.arch;
  return `${arch.hidden}|${arch.layers}|${arch.heads}`;
};

/**
 * The size slider (1M–100T, log). Its thumb sits at the requested size for a shape-rule model
 * (so every arrow step moves it, even where the rule's total is flat) and at the model's total
 * otherwise; the text beside it is always the current model's total.
 */
export const SizeSlider = memo(function SizeSlider() {
  const m = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  const model = useScenarioState(selectModelId);
  const params = useScenarioState(selectParams);
  const total = useModelValue(modelTotal);
  const shape = useModelValue(pickShape);
  const chooseSize = useScenarioState(selectChooseSize);
  const [min, max] = RANGES.params;
  const value = model === 'size' || !Number.isFinite(total) ? params : total;
  const invalidMessage = useCallback((text: string) => countParseMessage(text, lang), [lang]);
  const format = useCallback(
    () => fill(m.unitParameters, { n: formatCountWords(Number.isFinite(total) ? total : params, lang) }),
    [m, lang, total, params],
  );
  let hint = m.sizeHintPreset;
  if (shape) {
    const [hidden = '', layers = '', heads = ''] = shape.split('|');
    hint = fill(m.sizeHintSize, {
      hidden: formatInteger(Number(hidden), lang),
      layers: formatInteger(Number(layers), lang),
      heads: formatInteger(Number(heads), lang),
    });
  }
  return (
    <SliderField
      label={m.size}
      value={value}
      min={min}
      max={max}
      log
      step={0.01}
      format={format}
      onChange={chooseSize}
      parse={parseCount}
      invalidMessage={invalidMessage}
      hint={hint}
      testId="size-slider"
    />
  );
});
