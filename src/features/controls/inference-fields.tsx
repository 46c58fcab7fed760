import { memo, useCallback } from 'react';
import { SliderField } from '../../components/ui/slider-field';
import { RANGES } from '../../scenario/scenario';
import { fill } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/view-settings';
import { useScenarioState } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';
import { CONTROLS_MESSAGES } from './messages';
import { formatInteger, plural } from './controls-format';
import { CountField } from './fields';
import { parseCount } from './parse-count';

const selectUpdate = (state: ScenarioState) => state.update;
const selectPrompt = (state: ScenarioState) => state.scenario.promptTokens;
const selectOutput = (state: ScenarioState) => state.scenario.outputTokens;
const selectBatch = (state: ScenarioState) => state.scenario.batch;
const selectRps = (state: ScenarioState) => state.scenario.requestsPerSecond;

type TokenField = 'promptTokens' | 'outputTokens';

/** Prompt or output tokens on a log slider from 1 (a prompt of 0 tokens can come from a link). */
const TokenCountField = memo(function TokenCountField({ field }: { field: TokenField }) {
  const m = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(field === 'promptTokens' ? selectPrompt : selectOutput);
  const update = useScenarioState(selectUpdate);
  const format = useCallback((v: number) => fill(m.unitTokens, { n: formatInteger(v, lang) }), [m, lang]);
  const onChange = useCallback((v: number) => update({ [field]: v }), [update, field]);
  return (
    <CountField
      label={m[field]}
      value={value}
      min={Math.max(1, RANGES[field][0])}
      max={RANGES[field][1]}
      format={format}
      onChange={onChange}
      testId={field === 'promptTokens' ? 'prompt-tokens' : 'output-tokens'}
    />
  );
});

const BatchField = memo(function BatchField() {
  const m = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(selectBatch);
  const update = useScenarioState(selectUpdate);
  const format = useCallback((v: number) => plural(v, m.unitSequence, m.unitSequences, formatInteger(v, lang)), [m, lang]);
  const onChange = useCallback((v: number) => update({ batch: v }), [update]);
  return <CountField label={m.batch} value={value} min={RANGES.batch[0]} max={RANGES.batch[1]} format={format} onChange={onChange} testId="batch" />;
});

const RequestsField = memo(function RequestsField() {
  const m = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(selectRps);
  const update = useScenarioState(selectUpdate);
  const format = useCallback((v: number) => fill(m.unitRequestsPerSecond, { n: formatNumber(v, lang, 3) }), [m, lang]);
  const onChange = useCallback((v: number) => update({ requestsPerSecond: Number(v.toPrecision(4)) }), [update]);
  return (
    <SliderField
      label={m.requestsPerSecond}
      value={value}
      min={RANGES.requestsPerSecond[0]}
      max={RANGES.requestsPerSecond[1]}
      log
      format={format}
      parse={parseCount}
      onChange={onChange}
      testId="requests-per-second"
    />
  );
});

export const InferenceGroup = memo(function InferenceGroup() {
  const m = useMessages(CONTROLS_MESSAGES);
  return (
    <fieldset data-testid="inference-group">
      <legend>{m.inference}</legend>
      <TokenCountField field="promptTokens" />
      <TokenCountField field="outputTokens" />
      <BatchField />
      <RequestsField />
    </fieldset>
  );
});
