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
  return (
    <fieldset data-testid="precision-group">
      <legend>{m.precision}</legend>
      <PrecisionSelect field="weightPrecision" />
      <PrecisionSelect field="kvPrecision" />
      <PrecisionSelect field="trainPrecision" />
    </fieldset>
  );
});
