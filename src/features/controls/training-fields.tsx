import { memo, useCallback, useId, useMemo } from 'react';
import { SliderField } from '../../components/ui/slider-field';
import { SelectField, type SelectOption } from '../../components/ui/select-field';
import { RANGES, type RecomputeMode, type ZeroStage } from '../../scenario/scenario';
import { fill } from '../../i18n/i18n';
import { formatCount, formatNumber } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/view-settings';
import { useScenarioState } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';
import { CONTROLS_MESSAGES } from './messages';
import { modelTotal, useModelValueLater } from './model-view';
import { formatCountWords, formatInteger, plural } from './controls-format';
import { CountField, FieldNote, ToggleField } from './fields';
import { parseCount } from './parse-count';
import { DegreeSelect, FrameworkField, GlobalBatchField, OffloadField } from './layout-fields';
import { LAYOUT_MESSAGES } from './layout-messages';
import { scenarioGlobalBatch } from '../../core';

const selectUpdate = (state: ScenarioState) => state.update;
const selectTokens = (state: ScenarioState) => state.scenario.tokens;
const selectTokensPerParam = (state: ScenarioState) => state.scenario.tokensPerParam;
const selectAttention = (state: ScenarioState) => state.scenario.attentionFlops;
const selectZero = (state: ScenarioState) => state.scenario.zeroStage;
const selectTensorParallel = (state: ScenarioState) => state.scenario.tensorParallel;
const selectPipelineParallel = (state: ScenarioState) => state.scenario.pipelineParallel;
const selectGpuCount = (state: ScenarioState) => state.scenario.gpuCount;
const selectMicroBatch = (state: ScenarioState) => state.scenario.microBatch;
const selectSeqLen = (state: ScenarioState) => state.scenario.seqLen;
const selectRecompute = (state: ScenarioState) => state.scenario.recompute;
const selectSequenceParallel = (state: ScenarioState) => state.scenario.sequenceParallel;
const selectContextParallel = (state: ScenarioState) => state.scenario.contextParallel;

function clamp(value: number, [low, high]: readonly [number, number]): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * Training tokens: a fixed count, or tokens per parameter (`tokens: null`, resolved by the core
 * as tokensPerParam × total parameters). Switching keeps the same number of tokens.
 */
const TokensField = memo(function TokensField() {
  const m = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  const tokens = useScenarioState(selectTokens);
  const tokensPerParam = useScenarioState(selectTokensPerParam);
  // Only the hints show it: they follow a size drag in the background, after the slider paints.
  const total = useModelValueLater(modelTotal);
  const update = useScenarioState(selectUpdate);
  const name = useId();
  const perParam = tokens === null;
  const formatTokens = useCallback((v: number) => fill(m.unitTokens, { n: formatCountWords(v, lang) }), [m, lang]);
  const formatRatio = useCallback((v: number) => fill(m.unitTokensPerParam, { n: formatNumber(v, lang, 3) }), [m, lang]);
  const onTokens = useCallback((v: number) => update({ tokens: Math.round(v) }), [update]);
  const onRatio = useCallback((v: number) => update({ tokensPerParam: Number(v.toPrecision(4)) }), [update]);
  const choose = (nextPerParam: boolean) => {
    if (nextPerParam === perParam) return;
    if (nextPerParam) {
      const ratio = tokens !== null && Number.isFinite(total) && total > 0 ? Number((tokens / total).toPrecision(4)) : tokensPerParam;
      update({ tokens: null, tokensPerParam: clamp(ratio, RANGES.tokensPerParam) });
    } else {
      const count = Number.isFinite(total) ? Math.round(tokensPerParam * total) : RANGES.tokens[0];
      update({ tokens: clamp(count, RANGES.tokens) });
    }
  };
  return (
    <div className="tokens-field" data-testid="tokens">
      <fieldset className="controls-radios">
        <legend>{m.tokensMode}</legend>
        <label>
          <input type="radio" name={name} checked={!perParam} onChange={() => choose(false)} data-testid="tokens-fixed" />
          {m.tokensFixed}
        </label>
        <label>
          <input type="radio" name={name} checked={perParam} onChange={() => choose(true)} data-testid="tokens-per-param" />
          {m.tokensPerParamMode}
        </label>
      </fieldset>
      {perParam ? (
        <SliderField
          label={m.tokensPerParam}
          value={tokensPerParam}
          min={RANGES.tokensPerParam[0]}
          max={RANGES.tokensPerParam[1]}
          log
          format={formatRatio}
          parse={parseCount}
          onChange={onRatio}
          hint={Number.isFinite(total) ? fill(m.tokensEquals, { value: formatCount(tokensPerParam * total, lang) }) : undefined}
          testId="tokens-per-param-slider"
        />
      ) : (
        <SliderField
          label={m.tokens}
          value={tokens}
          min={RANGES.tokens[0]}
          max={RANGES.tokens[1]}
          log
          format={formatTokens}
          parse={parseCount}
          onChange={onTokens}
          hint={Number.isFinite(total) && total > 0 ? fill(m.tokensPerParamEquals, { value: formatNumber(tokens / total, lang, 3) }) : undefined}
          testId="tokens-slider"
        />
      )}
    </div>
  );
});

const POWERS_OF_TWO: readonly number[] = Array.from({ length: 11 }, (_, index) => 2 ** index);

/** Tensor / pipeline parallel: powers of two 1–1024 (a value from a link that is not one is kept). */
const ParallelSelect = memo(function ParallelSelect(props: { field: 'tensorParallel' | 'pipelineParallel'; label: string }) {
  const lang = useLang();
  const { field } = props;
  const value = useScenarioState(field === 'tensorParallel' ? selectTensorParallel : selectPipelineParallel);
  const update = useScenarioState(selectUpdate);
  const options = useMemo<SelectOption[]>(() => {
    const values = POWERS_OF_TWO.includes(value) ? POWERS_OF_TWO : [...POWERS_OF_TWO, value].sort((a, b) => a - b);
    return values.map((v) => ({ value: String(v), label: formatInteger(v, lang) }));
  }, [value, lang]);
  const onChange = useCallback((next: string) => update({ [field]: Number(next) }), [update, field]);
  return <SelectField label={props.label} value={String(value)} options={options} onChange={onChange} testId={field} />;
});

/** data parallel = ⌊GPUs ÷ (TP × PP × CP)⌋, at least 1 — the same rule as the core's planner layout. */
const DataParallel = memo(function DataParallel() {
  const m = useMessages(CONTROLS_MESSAGES);
  const layoutText = useMessages(LAYOUT_MESSAGES);
  const lang = useLang();
  const gpus = useScenarioState(selectGpuCount);
  const tp = useScenarioState(selectTensorParallel);
  const pp = useScenarioState(selectPipelineParallel);
  const cp = useScenarioState(selectContextParallel);
  const modelParallel = tp * pp * cp;
  const dp = Math.max(1, Math.floor(gpus / modelParallel));
  const idle = gpus - dp * modelParallel;
  return (
    <div className="data-parallel" data-testid="data-parallel">
      <div className="controls-derived">
        <span>{m.dataParallel}</span>
        <span>
          {fill(cp > 1 ? layoutText.dataParallelValueCp : m.dataParallelValue, {
            dp: formatInteger(dp, lang),
            gpus: formatInteger(gpus, lang),
            tp: formatInteger(tp, lang),
            pp: formatInteger(pp, lang),
            cp: formatInteger(cp, lang),
          })}
        </span>
      </div>
      {modelParallel > gpus ? <FieldNote warn>{m.dataParallelExceeds}</FieldNote> : null}
      {modelParallel <= gpus && idle > 0 ? <FieldNote warn>{plural(idle, m.dataParallelIdleOne, m.dataParallelIdle, formatInteger(idle, lang))}</FieldNote> : null}
    </div>
  );
});

export const TrainingGroup = memo(function TrainingGroup() {
  const m = useMessages(CONTROLS_MESSAGES);
  const layoutText = useMessages(LAYOUT_MESSAGES);
  const gpus = useScenarioState(selectGpuCount);
  const tp = useScenarioState(selectTensorParallel);
  const pp = useScenarioState(selectPipelineParallel);
  const cp = useScenarioState(selectContextParallel);
  const lang = useLang();
  const update = useScenarioState(selectUpdate);
  const attention = useScenarioState(selectAttention);
  const zero = useScenarioState(selectZero);
  const microBatch = useScenarioState(selectMicroBatch);
  const seqLen = useScenarioState(selectSeqLen);
  const recompute = useScenarioState(selectRecompute);
  const sequenceParallel = useScenarioState(selectSequenceParallel);

  const zeroOptions = useMemo<SelectOption[]>(
    () => [
      { value: '0', label: m.zero0 },
      { value: '1', label: m.zero1 },
      { value: '2', label: m.zero2 },
      { value: '3', label: m.zero3 },
    ],
    [m],
  );
  const recomputeOptions = useMemo<SelectOption[]>(
    () => [
      { value: 'none', label: m.recomputeNone },
      { value: 'selective', label: m.recomputeSelective },
      { value: 'full', label: m.recomputeFull },
    ],
    [m],
  );
  const formatSequences = useCallback((v: number) => plural(v, m.unitSequence, m.unitSequences, formatInteger(v, lang)), [m, lang]);
  const formatSeqLen = useCallback((v: number) => fill(m.unitTokens, { n: formatInteger(v, lang) }), [m, lang]);
  const onAttention = useCallback((checked: boolean) => update({ attentionFlops: checked }), [update]);
  const onZero = useCallback((value: string) => update({ zeroStage: Number(value) as ZeroStage }), [update]);
  const onMicroBatch = useCallback((value: number) => update({ microBatch: value }), [update]);
  const onSeqLen = useCallback((value: number) => update({ seqLen: value }), [update]);
  const onRecompute = useCallback((value: string) => update({ recompute: value as RecomputeMode }), [update]);
  const onSequenceParallel = useCallback((checked: boolean) => update({ sequenceParallel: checked }), [update]);

  return (
    <fieldset data-testid="training-group">
      <legend>{m.training}</legend>
      <TokensField />
      <ToggleField label={m.attentionFlops} checked={attention} onChange={onAttention} testId="attention-flops" />
      <SelectField label={m.zeroStage} value={String(zero)} options={zeroOptions} onChange={onZero} testId="zero-stage" />
      <div className="controls-pair">
        <ParallelSelect field="tensorParallel" label={m.tensorParallel} />
        <ParallelSelect field="pipelineParallel" label={m.pipelineParallel} />
      </div>
      <div className="controls-pair">
        <DegreeSelect field="contextParallel" label={layoutText.contextParallel} />
        <DegreeSelect field="expertParallel" label={layoutText.expertParallel} />
      </div>
      <DegreeSelect field="virtualPipeline" label={layoutText.virtualPipeline} />
      <OffloadField />
      <DataParallel />
      <CountField
        label={m.microBatch}
        value={microBatch}
        min={RANGES.microBatch[0]}
        max={RANGES.microBatch[1]}
        format={formatSequences}
        onChange={onMicroBatch}
        testId="micro-batch"
      />
      <GlobalBatchField autoSequences={scenarioGlobalBatch(seqLen, gpus, tp * pp * cp, microBatch)} seqLen={seqLen} />
      <CountField
        label={m.seqLen}
        value={seqLen}
        min={RANGES.seqLen[0]}
        max={RANGES.seqLen[1]}
        format={formatSeqLen}
        onChange={onSeqLen}
        testId="seq-len"
      />
      <SelectField label={m.recompute} value={recompute} options={recomputeOptions} onChange={onRecompute} testId="recompute" />
      <ToggleField label={m.sequenceParallel} checked={sequenceParallel} onChange={onSequenceParallel} testId="sequence-parallel" />
      <FrameworkField />
    </fieldset>
  );
});

