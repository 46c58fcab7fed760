/**
 * The planner's controls: context / expert / virtual-pipeline degrees, the global batch
 * (automatic or typed), the MFU (predicted from the layout, or pinned), and the training cluster
 * (a preset, the accelerator's own, or custom links). Every value goes through the scenario's
 * rules (`store.update` → validate), so a bad value is clamped, never NaN.
 */
import { memo, useCallback, useId, useMemo } from 'react';
import { SliderField } from '../../components/ui/slider-field';
import { SelectField, type SelectOption } from '../../components/ui/select-field';
import { CLUSTERS, CLUSTERS_BY_ID } from '../../data/clusters';
import { RANGES, type CustomCluster } from '../../scenario/scenario';
import { fill, type Lang } from '../../i18n/i18n';
import { CLUSTER_NAMES_ZH } from '../../data/text-zh';
import { frameworkName } from '../../view/framework-name';
import { TRAINING_FRAMEWORK_TRAITS, TRAINING_FRAMEWORK_TRAITS_BY_ID, type TrainingFrameworkTraits } from '../../data/training-framework-traits';
import { byteUnit, formatNumber, formatPercent } from '../../i18n/format';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { useScenarioState, useScenarioStore } from '../../store/store-context';
import { loadEstimateCode } from '../../store/estimate-code';
import type { ScenarioState } from '../../store/scenario-store';
import { CONTROLS_MESSAGES } from './messages';
import { LAYOUT_MESSAGES } from './layout-messages';
import { formatCountWords, formatInteger } from './controls-format';
import { CountField, FieldNote } from './fields';
import { parseDecimal, parsePercent } from './parse-count';

const selectUpdate = (state: ScenarioState) => state.update;
const selectContextParallel = (state: ScenarioState) => state.scenario.contextParallel;
const selectExpertParallel = (state: ScenarioState) => state.scenario.expertParallel;
const selectVirtualPipeline = (state: ScenarioState) => state.scenario.virtualPipeline;
const selectPipelineParallel = (state: ScenarioState) => state.scenario.pipelineParallel;
const selectOffloadLayers = (state: ScenarioState) => state.scenario.offloadLayers;
const selectTrainingFramework = (state: ScenarioState) => state.scenario.trainingFramework;
const selectGoodput = (state: ScenarioState) => state.scenario.goodput;
const selectGlobalBatch = (state: ScenarioState) => state.scenario.globalBatch;
const selectMfu = (state: ScenarioState) => state.scenario.mfu;
const selectCluster = (state: ScenarioState) => state.scenario.cluster;
const selectCustomCluster = (state: ScenarioState) => state.scenario.customCluster;

const POWERS_OF_TWO: readonly number[] = Array.from({ length: 11 }, (_, index) => 2 ** index);
const SMALL_COUNTS: readonly number[] = Array.from({ length: 12 }, (_, index) => index + 1);

/** A select's preset values with the scenario's value added in order when a link carried one not listed. */
function withValue(presets: readonly number[], value: number, descending = false): readonly number[] {
  return presets.includes(value) ? presets : [...presets, value].sort((a, b) => (descending ? b - a : a - b));
}

type DegreeField = 'contextParallel' | 'expertParallel' | 'virtualPipeline';
const DEGREE_SELECT: Readonly<Record<DegreeField, (state: ScenarioState) => number>> = {
  contextParallel: selectContextParallel,
  expertParallel: selectExpertParallel,
  virtualPipeline: selectVirtualPipeline,
};

/**
 * Virtual pipeline stages worth offering: 1–12, and every divisor of the layers per pipeline stage
 * when pp divides the layers — down to one layer per virtual stage, as Megatron-Core's H100 table
 * runs (vp 23 for 92 layers on 4 stages) and the training plan may suggest.
 */
export function virtualStageCounts(layers: number, pp: number): readonly number[] {
  if (!(pp > 1 && layers > 0 && layers % pp === 0)) return SMALL_COUNTS;
  const perStage = layers / pp;
  const divisors: number[] = [];
  for (let candidate = 13; candidate <= perStage; candidate += 1) if (perStage % candidate === 0) divisors.push(candidate);
  return divisors.length ? [...SMALL_COUNTS, ...divisors] : SMALL_COUNTS;
}

/** A parallel degree from a list (powers of two; VP: `virtualStageCounts`); a value from a link that is not listed is kept. */
export const DegreeSelect = memo(function DegreeSelect(props: { field: DegreeField; label: string }) {
  const lang = useLang();
  const { field } = props;
  const store = useScenarioStore();
  const value = useScenarioState(DEGREE_SELECT[field]);
  const update = useScenarioState(selectUpdate);
  const virtual = field === 'virtualPipeline';
  const layers = useScenarioState(useCallback((state: ScenarioState) => (virtual ? store.select.model(state.scenario).model.arch.layers : 0), [store, virtual]));
  const pp = useScenarioState(selectPipelineParallel);
  const base = useMemo(() => (virtual ? virtualStageCounts(layers, pp) : POWERS_OF_TWO), [virtual, layers, pp]);
  const options = useMemo<SelectOption[]>(() => withValue(base, value).map((v) => ({ value: String(v), label: formatInteger(v, lang) })), [value, lang, base]);
  const onChange = useCallback((next: string) => update({ [field]: Number(next) }), [update, field]);
  return <SelectField label={props.label} value={String(value)} options={options} onChange={onChange} testId={field} />;
});

/** Layer counts offered for activation offload: NVIDIA's recipes offload 10–92 layers. */
const OFFLOAD_COUNTS: readonly number[] = [0, 4, 8, 10, 16, 20, 24, 32, 40, 48, 60, 64, 80, 92, 100, 120];

/** Activation offload: how many layers' activations go to host memory (0: none); a linked value not listed is kept. */
export const OffloadField = memo(function OffloadField() {
  const m = useMessages(LAYOUT_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(selectOffloadLayers);
  const update = useScenarioState(selectUpdate);
  const options = useMemo<SelectOption[]>(
    () => withValue(OFFLOAD_COUNTS, value).map((v) => ({ value: String(v), label: v === 0 ? m.offloadNone : formatInteger(v, lang) })),
    [value, lang, m],
  );
  const onChange = useCallback((next: string) => update({ offloadLayers: Number(next) }), [update]);
  return (
    <>
      <SelectField label={m.offloadLayers} value={String(value)} options={options} onChange={onChange} testId="offloadLayers" />
      {value > 0 ? <FieldNote>{m.offloadHint}</FieldNote> : null}
    </>
  );
});

type LayoutText = (typeof LAYOUT_MESSAGES)['en'];

/** What a training-software row does, in words: attention kernel, overlaps, pipeline schedule, kernel share. */
export function frameworkSummary(framework: TrainingFrameworkTraits, m: LayoutText, lang: Lang): string {
  const parts = [
    framework.attention === 'flash' ? m.frameworkFlash : m.frameworkUnfused,
    framework.tensorParallelOverlap === 'full' ? m.frameworkTpFull : framework.tensorParallelOverlap === 'backward' ? m.frameworkTpBackward : m.frameworkTpNone,
    fill(framework.gradientReduceOverlap ? m.frameworkGradOverlap : m.frameworkGradAfter, {
      bits: framework.gradientReduceBytes === 4 ? m.frameworkBits32 : m.frameworkBits16,
    }),
  ];
  if (framework.fp8ParameterGather) parts.push(m.frameworkFp8Gather);
  if (!framework.interleavedSchedule) parts.push(m.frameworkNoInterleave);
  if (framework.kernelEfficiency !== undefined) parts.push(fill(m.frameworkKernels, { percent: formatPercent(framework.kernelEfficiency, lang) }));
  return parts.join(lang === 'zh' ? '；' : '; ') + (lang === 'zh' ? '。' : '.');
}

/** The training software the planner prices with: automatic (NVIDIA's stack) or one of TRAINING_FRAMEWORKS. */
export const FrameworkField = memo(function FrameworkField() {
  const m = useMessages(LAYOUT_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(selectTrainingFramework);
  const update = useScenarioState(selectUpdate);
  const options = useMemo<SelectOption[]>(
    () => [{ value: 'auto', label: m.frameworkAuto }, ...TRAINING_FRAMEWORK_TRAITS.map((f) => ({ value: f.id, label: frameworkName(f, lang) }))],
    [m, lang],
  );
  const onChange = useCallback((next: string) => update({ trainingFramework: next }), [update]);
  const chosen = TRAINING_FRAMEWORK_TRAITS_BY_ID.get(value);
  return (
    <>
      <SelectField label={m.framework} value={value} options={options} onChange={onChange} testId="training-framework" />
      <FieldNote testId="training-framework-note">{chosen ? frameworkSummary(chosen, m, lang) : m.frameworkAutoHint}</FieldNote>
    </>
  );
});

/** Global batch: automatic (≈ 4M tokens, a multiple of dp × micro-batch: the core's rule) or a typed count of sequences. */
export const GlobalBatchField = memo(function GlobalBatchField(props: { autoSequences: number; seqLen: number }) {
  const m = useMessages(LAYOUT_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(selectGlobalBatch);
  const update = useScenarioState(selectUpdate);
  const id = useId();
  const auto = value === null;
  const format = useCallback((v: number) => fill(m.unitSequencesStep, { n: formatInteger(v, lang) }), [m, lang]);
  const onChange = useCallback((v: number) => update({ globalBatch: v }), [update]);
  const autoText = fill(m.globalBatchAutoValue, {
    n: formatInteger(props.autoSequences, lang),
    tokens: formatCountWords(props.autoSequences * props.seqLen, lang),
  });
  return (
    <div className="global-batch" data-testid="global-batch">
      <div className="toggle-field controls-toggle">
        <input
          id={id}
          type="checkbox"
          checked={auto}
          onChange={(event) => update({ globalBatch: event.target.checked ? null : props.autoSequences })}
          data-testid="global-batch-auto"
        />
        <label htmlFor={id}>{m.globalBatchAuto}</label>
      </div>
      {auto ? (
        <FieldNote>{autoText}</FieldNote>
      ) : (
        <CountField label={m.globalBatch} value={value} min={RANGES.globalBatch[0]} max={RANGES.globalBatch[1]} format={format} onChange={onChange} testId="global-batch-count" />
      )}
    </div>
  );
});

/** Goodput shares offered: 100 % = the steps only; 90 % is Llama 3 405B's reported floor (§3.3.4). */
const GOODPUTS: readonly number[] = [1, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5];

/** Goodput: the share of the run's wall-clock spent on training steps; a linked value not listed is kept. */
export const GoodputField = memo(function GoodputField() {
  const m = useMessages(LAYOUT_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(selectGoodput);
  const update = useScenarioState(selectUpdate);
  const options = useMemo<SelectOption[]>(() => {
    return withValue(GOODPUTS, value, true).map((v) => {
      const percent = formatPercent(v, lang);
      return { value: String(v), label: v === 1 ? fill(m.goodputSteps, { percent }) : v === 0.9 ? fill(m.goodputLlama3, { percent }) : percent };
    });
  }, [value, lang, m]);
  const onChange = useCallback((next: string) => update({ goodput: Number(next) }), [update]);
  return (
    <>
      <SelectField label={m.goodput} value={String(value)} options={options} onChange={onChange} testId="goodput" />
      {value < 1 ? <FieldNote testId="goodput-note">{fill(m.goodputHint, { percent: formatPercent(value, lang) })}</FieldNote> : null}
    </>
  );
});

/** MFU: predicted from the layout (null), or pinned (a 1–100 % slider). Pinning starts at the predicted value. */
export const MfuField = memo(function MfuField() {
  const m = useMessages(LAYOUT_MESSAGES);
  const controls = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(selectMfu);
  const update = useScenarioState(selectUpdate);
  const store = useScenarioStore();
  const name = useId();
  const pinned = value !== null;
  const format = useCallback((percent: number) => formatPercent(percent / 100, lang), [lang]);
  const onChange = useCallback((percent: number) => update({ mfu: Math.round(percent * 100) / 10000 }), [update]);
  const pin = async () => {
    // The prediction to start from (estimate()'s code may still be on its way on a fresh page).
    await loadEstimateCode();
    const predicted = store.select.estimate(store.getState().scenario).training.predictedMfu;
    const start = predicted !== null && Number.isFinite(predicted) ? Math.round(predicted * 1000) / 1000 : 0.4;
    update({ mfu: Math.min(RANGES.mfu[1], Math.max(RANGES.mfu[0], start)) });
  };
  return (
    <div className="mfu-field" data-testid="mfu">
      <fieldset className="controls-radios">
        <legend>{controls.mfu}</legend>
        <label>
          <input type="radio" name={name} checked={!pinned} onChange={() => update({ mfu: null })} data-testid="mfu-predicted" />
          {m.mfuPredicted}
        </label>
        <label>
          <input type="radio" name={name} checked={pinned} onChange={() => void pin()} data-testid="mfu-pinned" />
          {m.mfuPinned}
        </label>
      </fieldset>
      {pinned ? (
        <SliderField
          label={m.mfuPinnedLabel}
          value={value * 100}
          min={RANGES.mfu[0] * 100}
          max={RANGES.mfu[1] * 100}
          step={0.5}
          format={format}
          parse={parsePercent}
          onChange={onChange}
          testId="mfu-slider"
        />
      ) : null}
    </div>
  );
});

/**
 * A cluster preset's name for the list. AMD's "Infinity Fabric" is written by its link name,
 * xGMI: the page's checks (and readers scanning for broken numbers) treat the word "Infinity" as
 * a number gone wrong.
 */
function clusterName(id: string, name: string, lang: Lang): string {
  return lang === 'zh' && CLUSTER_NAMES_ZH[id] ? CLUSTER_NAMES_ZH[id] : name.replace(/Infinity Fabric/g, 'xGMI links');
}

/** The cluster's three figures as the planner uses them: the preset's, or the custom ones. */
export function clusterFigures(cluster: string, custom: CustomCluster, defaultId: string | undefined): CustomCluster {
  const preset = CLUSTERS_BY_ID.get(cluster === 'auto' ? (defaultId ?? '') : cluster);
  if (cluster === 'custom' || !preset) return custom;
  return { gpusPerNode: preset.gpusPerNode, scaleUpBytesPerSecond: preset.scaleUpBytesPerSecond, scaleOutBytesPerSecondPerGpu: preset.scaleOutBytesPerSecondPerGpu };
}

/**
 * Cluster preset and its node size, scale-up and scale-out bandwidth, shown and editable: editing
 * a figure of a preset copies the preset into the custom cluster with that figure changed.
 */
export const ClusterFields = memo(function ClusterFields(props: { defaultClusterId: string | undefined }) {
  const m = useMessages(LAYOUT_MESSAGES);
  const { lang, units } = useViewSettings();
  const { divisor, label } = byteUnit(units);
  const cluster = useScenarioState(selectCluster);
  const custom = useScenarioState(selectCustomCluster);
  const update = useScenarioState(selectUpdate);
  const store = useScenarioStore();
  const figures = clusterFigures(cluster, custom, props.defaultClusterId);
  const defaultName = CLUSTERS_BY_ID.get(props.defaultClusterId ?? '')?.name;
  const options = useMemo<SelectOption[]>(
    () => [
      { value: 'auto', label: defaultName ? `${m.clusterAuto}: ${clusterName(props.defaultClusterId ?? '', defaultName, lang)}` : m.clusterAuto },
      ...CLUSTERS.map((preset) => ({ value: preset.id, label: clusterName(preset.id, preset.name, lang) })),
      { value: 'custom', label: m.clusterCustom },
    ],
    [m, defaultName, lang, props.defaultClusterId],
  );
  const edit = useCallback(
    (patch: Partial<CustomCluster>) => {
      const scenario = store.getState().scenario;
      const current = clusterFigures(scenario.cluster, scenario.customCluster, props.defaultClusterId);
      update({ cluster: 'custom', customCluster: { ...current, ...patch } });
    },
    [store, update, props.defaultClusterId],
  );
  const formatNode = useCallback((v: number) => fill(m.unitGpusPerNode, { n: formatInteger(v, lang) }), [m, lang]);
  const formatRate = useCallback((v: number) => `${formatNumber(v, lang, 4)} ${label}/s`, [lang, label]);
  return (
    <div className="cluster-fields" data-testid="cluster">
      <SelectField label={m.cluster} value={cluster} options={options} onChange={(next) => update({ cluster: next })} testId="cluster-select" />
      <CountField
        label={m.gpusPerNode}
        value={figures.gpusPerNode}
        min={RANGES.gpusPerNode[0]}
        max={RANGES.gpusPerNode[1]}
        format={formatNode}
        onChange={(v) => edit({ gpusPerNode: v })}
        testId="cluster-node"
      />
      <SliderField
        label={m.scaleUp}
        value={figures.scaleUpBytesPerSecond / divisor}
        min={RANGES.scaleUpBytesPerSecond[0] / divisor}
        max={RANGES.scaleUpBytesPerSecond[1] / divisor}
        log
        format={formatRate}
        parse={parseDecimal}
        onChange={(v) => edit({ scaleUpBytesPerSecond: v * divisor })}
        testId="cluster-scale-up"
      />
      <SliderField
        label={m.scaleOut}
        value={figures.scaleOutBytesPerSecondPerGpu / divisor}
        min={RANGES.scaleOutBytesPerSecondPerGpu[0] / divisor}
        max={RANGES.scaleOutBytesPerSecondPerGpu[1] / divisor}
        log
        format={formatRate}
        parse={parseDecimal}
        onChange={(v) => edit({ scaleOutBytesPerSecondPerGpu: v * divisor })}
        testId="cluster-scale-out"
      />
      {cluster !== 'custom' ? <FieldNote>{m.clusterNote}</FieldNote> : null}
    </div>
  );
});

