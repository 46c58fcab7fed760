import { memo, useCallback, useMemo } from 'react';
import { SelectField, type SelectOption } from '../../components/ui/select-field';
import { PRECISIONS, PRECISION_IDS } from '../../data/precisions';
import type { Precision, PrecisionId } from '../../data/types';
import type { Lang } from '../../i18n/i18n';
import { fill } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/view-settings';
import { useScenarioState } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';
import { CONTROLS_MESSAGES, type ControlsMessages } from './messages';
import { MODEL_FILE_MESSAGES } from './model-file.messages';

type PrecisionField = 'weightPrecision' | 'kvPrecision' | 'trainPrecision';

const FILTERS: Readonly<Record<PrecisionField, (precision: Precision) => boolean>> = {
  weightPrecision: () => true,
  kvPrecision: (precision) => precision.kvCapable,
  trainPrecision: (precision) => precision.trainable,
};

function isPrecisionId(value: string): value is PrecisionId {
  return (PRECISION_IDS as readonly string[]).includes(value);
}

/** "Q4_K_M (GGUF) · 4.85 bits"; a current value outside the field's usual list is kept as an option. */
function precisionOptions(field: PrecisionField, current: PrecisionId, m: ControlsMessages, lang: Lang): SelectOption[] {
  return PRECISION_IDS.filter((id) => id === current || FILTERS[field](PRECISIONS[id])).map((id) => ({
    value: id,
    label: fill(m.bits, { label: PRECISIONS[id].label, bits: formatNumber(PRECISIONS[id].bitsPerWeight, lang, 4) }),
  }));
}

const selectUpdate = (state: ScenarioState) => state.update;

/** The option value of "as in the file" (never a precision id). */
const FILE_OPTION = 'file';

/** The open model file's own bits per weight while the file is the model, else null. */
const selectFileBits = (state: ScenarioState): number | null => {
  const { model, modelFile } = state.scenario;
  if (model !== 'file' || modelFile === null || modelFile.parameterCount <= 0) return null;
  return (modelFile.weightBytes * 8) / modelFile.parameterCount;
};
const selectFileWeights = (state: ScenarioState) => state.scenario.fileWeights;

/**
 * The weight precision while a model file is the model: "as in the file (4.89 bits/weight)" — the
 * file's exact bytes, mixed per-tensor types — first, and the listed formats to switch back to.
 */
const WeightPrecisionSelect = memo(function WeightPrecisionSelect({ fileBits }: { fileBits: number }) {
  const m = useMessages(CONTROLS_MESSAGES);
  const f = useMessages(MODEL_FILE_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(useCallback((state: ScenarioState) => state.scenario.weightPrecision, []));
  const fileWeights = useScenarioState(selectFileWeights);
  const update = useScenarioState(selectUpdate);
  const options = useMemo(
    () => [{ value: FILE_OPTION, label: fill(f.asInFile, { bits: formatNumber(fileBits, lang, 3) }) }, ...precisionOptions('weightPrecision', value, m, lang)],
    [f, fileBits, value, m, lang],
  );
  const onChange = useCallback(
    (next: string) => {
      if (next === FILE_OPTION) update({ fileWeights: true });
      else if (isPrecisionId(next)) update({ weightPrecision: next, fileWeights: false });
    },
    [update],
  );
  return <SelectField label={m.weightPrecision} value={fileWeights ? FILE_OPTION : value} options={options} onChange={onChange} testId="precision-weightPrecision" />;
});

const PrecisionSelect = memo(function PrecisionSelect({ field }: { field: PrecisionField }) {
  const m = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(useCallback((state: ScenarioState) => state.scenario[field], [field]));
  const update = useScenarioState(selectUpdate);
  const options = useMemo(() => precisionOptions(field, value, m, lang), [field, value, m, lang]);
  const onChange = useCallback(
    (next: string) => {
      if (isPrecisionId(next)) update({ [field]: next });
    },
    [update, field],
  );
  return <SelectField label={m[field]} value={value} options={options} onChange={onChange} testId={`precision-${field}`} />;
});

export const PrecisionGroup = memo(function PrecisionGroup() {
  const m = useMessages(CONTROLS_MESSAGES);
  const fileBits = useScenarioState(selectFileBits);
  return (
    <fieldset data-testid="precision-group">
      <legend>{m.precision}</legend>
      {fileBits === null ? <PrecisionSelect field="weightPrecision" /> : <WeightPrecisionSelect fileBits={fileBits} />}
      <PrecisionSelect field="kvPrecision" />
      <PrecisionSelect field="trainPrecision" />
    </fieldset>
  );
});
