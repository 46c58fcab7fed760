import { memo, useCallback, useId } from 'react';
import { SliderField } from '../../components/ui/slider-field';
import { fill } from '../../i18n/i18n';
import { formatDuration, formatNumber } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/view-settings';
import { RANGES, type Scenario } from '../../scenario/scenario';
import { useScenarioState } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';
import { MESSAGES } from './messages';

const selectUpdate = (state: ScenarioState) => state.update;
const selectConcurrency = (state: ScenarioState) => state.scenario.servingConcurrency;
const selectTtft = (state: ScenarioState) => state.scenario.ttftTarget;
const selectTpot = (state: ScenarioState) => state.scenario.tpotTarget;
const selectTp = (state: ScenarioState) => state.scenario.servingTp;
const selectEp = (state: ScenarioState) => state.scenario.servingEp;
const selectPrompt = (state: ScenarioState) => state.scenario.promptTokens;
const selectOutput = (state: ScenarioState) => state.scenario.outputTokens;

/** GPUs per replica offered: the powers of two engines use. */
const TP_CHOICES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] as const;

function Toggle(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; testId: string }) {
  const id = useId();
  return (
    <div className="toggle-field" data-testid={props.testId}>
      <input id={id} type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

function parseNumber(text: string): number | undefined {
  const value = Number(text.trim().replace(/[,_\s]/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/** Parses "200 ms", "0.2 s", "0.2" (seconds). */
function parseSeconds(text: string): number | undefined {
  const match = /^\s*([\d.eE+-]+)\s*(ms|毫秒|s|秒)?\s*$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  if (!Number.isFinite(value)) return undefined;
  return match[2] === 'ms' || match[2] === '毫秒' ? value / 1000 : value;
}

const ConcurrencyField = memo(function ConcurrencyField() {
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const value = useScenarioState(selectConcurrency);
  const update = useScenarioState(selectUpdate);
  const format = useCallback((n: number) => fill(m.concurrencyValue, { n: formatNumber(n, lang, 6) }), [m, lang]);
  const onChange = useCallback((n: number) => update({ servingConcurrency: Math.round(n) }), [update]);
  return (
    <div className="serving-field">
      <Toggle label={m.concurrencyMax} checked={value === null} onChange={(checked) => update({ servingConcurrency: checked ? null : 16 })} testId="serving-concurrency-max" />
      {value !== null ? (
        <SliderField
          label={m.concurrency}
          value={value}
          min={RANGES.servingConcurrency[0]}
          max={4096}
          log
          step={0.01}
          integer
          format={format}
          parse={parseNumber}
          onChange={onChange}
          testId="serving-concurrency"
        />
      ) : null}
    </div>
  );
});

const TargetField = memo(function TargetField(props: { field: 'ttftTarget' | 'tpotTarget'; label: string; initial: number; min: number; max: number }) {
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const value = useScenarioState(props.field === 'ttftTarget' ? selectTtft : selectTpot);
  const update = useScenarioState(selectUpdate);
  const { field } = props;
  const format = useCallback((seconds: number) => formatDuration(seconds, lang), [lang]);
  const onChange = useCallback((seconds: number) => update({ [field]: Number(seconds.toPrecision(3)) } as Partial<Scenario>), [update, field]);
  return (
    <div className="serving-field">
      <Toggle
        label={`${props.label}: ${m.noTarget}`}
        checked={value === null}
        onChange={(checked) => update({ [field]: checked ? null : props.initial } as Partial<Scenario>)}
        testId={`serving-${field}-none`}
      />
      {value !== null ? (
        <SliderField label={props.label} value={value} min={props.min} max={props.max} log step={0.01} format={format} parse={parseSeconds} onChange={onChange} testId={`serving-${field}`} />
      ) : null}
    </div>
  );
});

/** `autoTp`: the smallest tensor-parallel group that holds the model, or null when none does. */
const LayoutFields = memo(function LayoutFields(props: { autoTp: number | null; moe: boolean; experts: number }) {
  const m = useMessages(MESSAGES);
  const tp = useScenarioState(selectTp);
  const ep = useScenarioState(selectEp);
  const update = useScenarioState(selectUpdate);
  const tpId = useId();
  const epId = useId();
  const epChoices = TP_CHOICES.filter((n) => n <= Math.max(1, props.experts));
  return (
    <>
      <div className="select-field" data-testid="serving-tp">
        <label htmlFor={tpId}>{m.tp}</label>
        <select id={tpId} value={tp === null ? 'auto' : String(tp)} onChange={(event) => update({ servingTp: event.target.value === 'auto' ? null : Number(event.target.value) })}>
          <option value="auto">{props.autoTp === null ? m.tpAutoNone : fill(m.tpAuto, { n: props.autoTp })}</option>
          {TP_CHOICES.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
          {tp !== null && !(TP_CHOICES as readonly number[]).includes(tp) ? <option value={String(tp)}>{tp}</option> : null}
        </select>
      </div>
      {props.moe || ep > 1 ? (
        <div className="select-field" data-testid="serving-ep">
          <label htmlFor={epId}>{m.ep}</label>
          <select id={epId} value={String(ep)} onChange={(event) => update({ servingEp: Number(event.target.value) })}>
            {epChoices.map((n) => (
              <option key={n} value={String(n)}>
                {fill(m.epValue, { n })}
              </option>
            ))}
            {!(epChoices as readonly number[]).includes(ep) ? <option value={String(ep)}>{fill(m.epValue, { n: ep })}</option> : null}
          </select>
        </div>
      ) : null}
    </>
  );
});

/** Prompt or output tokens per request: the same scenario fields as the inference controls. */
const TokensField = memo(function TokensField(props: { field: 'promptTokens' | 'outputTokens'; label: string }) {
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const value = useScenarioState(props.field === 'promptTokens' ? selectPrompt : selectOutput);
  const update = useScenarioState(selectUpdate);
  const { field } = props;
  const format = useCallback((n: number) => fill(m.tokensValue, { n: formatNumber(n, lang, 6) }), [m, lang]);
  const onChange = useCallback((n: number) => update({ [field]: Math.max(1, Math.round(n)) } as Partial<Scenario>), [update, field]);
  return (
    <SliderField
      label={props.label}
      value={Math.max(1, value)}
      min={1}
      max={1e6}
      log
      step={0.01}
      integer
      format={format}
      parse={parseNumber}
      onChange={onChange}
      testId={`serving-${field}`}
    />
  );
});

/** The serving section's own controls (part of the one scenario: they share in the URL). */
export const ServingControls = memo(function ServingControls(props: { autoTp: number | null; moe: boolean; experts: number }) {
  const m = useMessages(MESSAGES);
  return (
    <fieldset className="serving-controls" data-testid="serving-controls">
      <legend>{m.controls}</legend>
      <TokensField field="promptTokens" label={m.promptTokens} />
      <TokensField field="outputTokens" label={m.outputTokens} />
      <ConcurrencyField />
      <TargetField field="ttftTarget" label={m.ttft} initial={2} min={RANGES.ttftTarget[0]} max={60} />
      <TargetField field="tpotTarget" label={m.tpot} initial={0.05} min={RANGES.tpotTarget[0]} max={1} />
      <LayoutFields autoTp={props.autoTp} moe={props.moe} experts={props.experts} />
    </fieldset>
  );
});
