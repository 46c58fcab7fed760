import { memo, useCallback, useState } from 'react';
import type { Architecture } from '../../core';
import { RANGES, type ArchOverrides } from '../../scenario/scenario';
import { fill } from '../../i18n/i18n';
import { useLang, useMessages } from '../../i18n/view-settings';
import { useScenarioState } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';
import { CONTROLS_MESSAGES, type ControlsMessages } from './messages';
import { useModelValue, useModelValueLater } from './model-view';
import type { ModelResolution } from '../../store/selectors';
import { formatInteger, plural } from './controls-format';
import { CountField } from './fields';

type ArchField = keyof ArchOverrides;

/** The architecture's value of an override field (a dense model has 1 expert, 1 per token). */
function archValue(arch: Architecture | undefined, field: ArchField): number {
  if (!arch) return Number.NaN;
  switch (field) {
    case 'experts':
      return arch.moe?.experts ?? 1;
    case 'expertsPerToken':
      return arch.moe?.expertsPerToken ?? 1;
    default:
      return arch[field];
  }
}

const UNITS: Readonly<Record<ArchField, (m: ControlsMessages) => readonly [string, string]>> = {
  hidden: (m) => [m.unitDimensions, m.unitDimensions],
  layers: (m) => [m.unitLayer, m.unitLayers],
  heads: (m) => [m.unitHead, m.unitHeads],
  kvHeads: (m) => [m.unitHead, m.unitHeads],
  ffn: (m) => [m.unitDimensions, m.unitDimensions],
  vocab: (m) => [m.unitTokens, m.unitTokens],
  experts: (m) => [m.unitExpert, m.unitExperts],
  expertsPerToken: (m) => [m.unitExpert, m.unitExperts],
  contextLength: (m) => [m.unitTokens, m.unitTokens],
};

export const ARCH_FIELDS: readonly ArchField[] = [
  'hidden',
  'layers',
  'heads',
  'kvHeads',
  'ffn',
  'vocab',
  'experts',
  'expertsPerToken',
  'contextLength',
];

const selectSetOverride = (state: ScenarioState) => state.setOverride;
const selectUpdate = (state: ScenarioState) => state.update;
const pickOverridesInvalid = (resolution: ModelResolution) => resolution.overridesError !== null;
const selectOverrideCount = (state: ScenarioState) => Object.keys(state.scenario.overrides).length;

/**
 * One architecture field: shows the core's resolved value (after its clamping, e.g. KV heads to
 * a divisor of the heads); while the overrides are invalid, the value the user asked for.
 */
const ArchitectureField = memo(function ArchitectureField({ field }: { field: ArchField }) {
  const m = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  // The model's own values change with the size slider: they follow in a transition, so a size
  // step paints the slider before these nine fields (usually in a closed group) re-render.
  const resolved = useModelValueLater(useCallback((resolution: ModelResolution) => archValue(resolution.error === null ? resolution.model.arch : undefined, field), [field]));
  const base = useModelValueLater(useCallback((resolution: ModelResolution) => archValue(resolution.base?.arch, field), [field]));
  const override = useScenarioState(useCallback((state: ScenarioState) => state.scenario.overrides[field], [field]));
  const invalid = useModelValue(pickOverridesInvalid);
  const setOverride = useScenarioState(selectSetOverride);
  const value = invalid && override !== undefined ? override : resolved;
  const [one, other] = UNITS[field](m);
  const format = useCallback((v: number) => plural(v, one, other, formatInteger(v, lang)), [one, other, lang]);
  const onChange = useCallback(
    (next: number) => setOverride(field, Number.isFinite(base) && next === base ? undefined : next),
    [setOverride, field, base],
  );
  const [min, max] = RANGES[field];
  return (
    <CountField
      label={m[field]}
      value={Number.isFinite(value) ? value : min}
      min={min}
      max={max}
      format={format}
      onChange={onChange}
      hint={override !== undefined && Number.isFinite(base) ? fill(m.overriddenHint, { value: formatInteger(base, lang) }) : undefined}
      testId={`arch-${field}`}
    />
  );
});

/**
 * The architecture fields, in a group closed by default. Its fields render only while it is open:
 * closed, they would re-render on every size step for nobody.
 */
export const ArchitectureGroup = memo(function ArchitectureGroup() {
  const m = useMessages(CONTROLS_MESSAGES);
  const count = useScenarioState(selectOverrideCount);
  const update = useScenarioState(selectUpdate);
  const [open, setOpen] = useState(false);
  return (
    <details className="controls-details" data-testid="architecture" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {m.architecture}
        {count > 0 ? <span className="controls-count">{count}</span> : null}
      </summary>
      <div className="controls-details__body">
        {open ? ARCH_FIELDS.map((field) => <ArchitectureField key={field} field={field} />) : null}
        <button type="button" disabled={count === 0} onClick={() => update({ overrides: {} })} data-testid="reset-architecture">
          {m.resetArchitecture}
        </button>
      </div>
    </details>
  );
});
