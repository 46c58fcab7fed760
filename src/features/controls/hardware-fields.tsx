import { memo, useCallback, useId } from 'react';
import { SliderField } from '../../components/ui/slider-field';
import { ACCELERATOR_TRAINING_DEFAULTS, FALLBACK_USD_PER_GPU_HOUR, decodeEfficiency, deviceHourlyCost } from '../../core';
import { denseFlopsFor } from '../../data/hardware';
import { ALL_DEVICES, DEVICES_BY_ID as HARDWARE_BY_ID } from '../../data/local-devices';
import type { Accelerator, AcceleratorKind } from '../../data/types';
import { RANGES, type CustomGpu } from '../../scenario/scenario';
import { fill } from '../../i18n/i18n';
import { byteUnit, formatBytes, formatFlopsRate, formatNumber, formatPercent, formatPower, formatUsd } from '../../i18n/format';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { useScenarioState, useScenarioStore } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';
import { CONTROLS_MESSAGES, type ControlsMessages } from './messages';
import { acceleratorName, priceWhat } from '../../view/labels';
import { formatInteger, plural } from './controls-format';
import { CountField, FieldNote, ToggleField } from './fields';
import { parseCount, parseDecimal, parsePercent } from './parse-count';
import { ClusterFields, GoodputField, MfuField } from './layout-fields';

const KINDS: readonly AcceleratorKind[] = ['datacenter', 'consumer', 'apple', 'tpu'];
const KIND_LABEL: Readonly<Record<AcceleratorKind, (m: ControlsMessages) => string>> = {
  datacenter: (m) => m.kindDatacenter,
  consumer: (m) => m.kindConsumer,
  apple: (m) => m.kindApple,
  tpu: (m) => m.kindTpu,
};
const BY_KIND: ReadonlyMap<AcceleratorKind, readonly Accelerator[]> = new Map(
  KINDS.map((kind) => [kind, ALL_DEVICES.filter((accelerator) => accelerator.kind === kind)]),
);

const selectGpu = (state: ScenarioState) => state.scenario.gpu;

/** The price an option shows: rental per hour, purchase list price, or "no price". */
function priceLabel(accelerator: Accelerator, m: ControlsMessages, lang: ReturnType<typeof useLang>): string {
  if (accelerator.price) return fill(m.unitPerGpuHour, { n: formatUsd(accelerator.price.usdPerHour, lang) });
  if (accelerator.purchase) return fill(m.optionPurchase, { price: formatUsd(accelerator.purchase.usd, lang) });
  return m.optionNoPrice;
}
const selectUpdate = (state: ScenarioState) => state.update;

const GpuSelect = memo(function GpuSelect() {
  const m = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  const gpu = useScenarioState(selectGpu);
  const update = useScenarioState(selectUpdate);
  const id = useId();
  return (
    <div className="select-field" data-testid="gpu-select">
      <label htmlFor={id}>{m.accelerator}</label>
      <select id={id} value={gpu} onChange={(event) => update({ gpu: event.target.value })}>
        {KINDS.map((kind) => (
          <optgroup key={kind} label={KIND_LABEL[kind](m)}>
            {(BY_KIND.get(kind) ?? []).map((accelerator) => (
              <option key={accelerator.id} value={accelerator.id}>
                {`${acceleratorName(accelerator.id, accelerator.name, lang)} · ${priceLabel(accelerator, m, lang)}`}
              </option>
            ))}
          </optgroup>
        ))}
        <option value="custom">{m.customGpu}</option>
      </select>
    </div>
  );
});

/** The preset's datasheet figures in small print, with the price quote's date and every source. */
const GpuSpec = memo(function GpuSpec() {
  const m = useMessages(CONTROLS_MESSAGES);
  const { lang, units } = useViewSettings();
  const gpu = useScenarioState(selectGpu);
  const accelerator = HARDWARE_BY_ID.get(gpu);
  if (!accelerator) return null;
  const bf16 = denseFlopsFor(accelerator, 'bf16');
  const price = accelerator.price;
  return (
    <dl className="gpu-spec" data-testid="gpu-spec">
      <div>
        <dt>{m.specMemory}</dt>
        <dd>{formatBytes(accelerator.memoryBytes, lang, units)}</dd>
      </div>
      <div>
        <dt>{m.specBandwidth}</dt>
        <dd>{fill(m.unitBandwidth, { n: formatBytes(accelerator.bandwidthBytesPerSecond, lang, units) })}</dd>
      </div>
      <div>
        <dt>{m.specBf16}</dt>
        <dd>
          {bf16 ? formatFlopsRate(bf16.flops, lang) : '—'}
          {bf16 && bf16.format !== 'bf16' ? ` (${bf16.format.toUpperCase()})` : ''}
        </dd>
      </div>
      <div>
        <dt>{m.specTdp}</dt>
        <dd>{accelerator.tdpWatts !== null ? formatPower(accelerator.tdpWatts, lang) : m.specNoTdp}</dd>
      </div>
      <div className="gpu-spec__wide">
        <dt>{m.specPrice}</dt>
        <dd>
          {price
            ? fill(m.specPriceValue, { price: formatUsd(price.usdPerHour, lang), what: priceWhat(accelerator.id, price.what, lang), date: price.date })
            : accelerator.purchase
              ? fill(m.specPurchaseValue, {
                  price: formatUsd(accelerator.purchase.usd, lang),
                  date: accelerator.purchase.date,
                  hourly: formatUsd(deviceHourlyCost(accelerator).usdPerHour ?? FALLBACK_USD_PER_GPU_HOUR, lang),
                })
              : fill(m.specNoPrice, { price: formatUsd(FALLBACK_USD_PER_GPU_HOUR, lang) })}
        </dd>
      </div>
      <div className="gpu-spec__wide gpu-spec__source">
        <dd>
          {/* The datasheet and the price list are references in English: marked so (WCAG 3.1.2). */}
          {fill(m.specSource.split('{source}')[0] ?? '', { date: accelerator.sourceDate })}
          <span lang="en">{accelerator.source}</span>
        </dd>
        {price ? (
          <dd>
            <span lang="en">{price.source}</span>
          </dd>
        ) : accelerator.purchase ? (
          <dd>
            <span lang="en">{accelerator.purchase.source}</span>
          </dd>
        ) : null}
      </div>
    </dl>
  );
});

type CustomKey = keyof CustomGpu;

/** One custom-accelerator figure, shown in a readable unit and written back in SI units. */
const CustomGpuField = memo(function CustomGpuField(props: {
  field: CustomKey;
  label: string;
  scale: number;
  min: number;
  format: (value: number) => string;
  parse: (text: string) => number | undefined;
}) {
  const { field, scale } = props;
  const store = useScenarioStore();
  const raw = useScenarioState(useCallback((state: ScenarioState) => state.scenario.customGpu[field], [field]));
  const onChange = useCallback(
    (value: number) => {
      const state = store.getState();
      state.update({ customGpu: { ...state.scenario.customGpu, [field]: value * scale } });
    },
    [store, field, scale],
  );
  const max = RANGES[field][1] / scale;
  return (
    <SliderField
      label={props.label}
      value={raw / scale}
      min={props.min}
      max={max}
      log
      format={props.format}
      parse={props.parse}
      onChange={onChange}
      testId={`custom-${field}`}
    />
  );
});

const CustomGpuFields = memo(function CustomGpuFields() {
  const m = useMessages(CONTROLS_MESSAGES);
  const { lang, units } = useViewSettings();
  const { divisor, label } = byteUnit(units);
  const formatMemory = useCallback((value: number) => `${formatNumber(value, lang, 4)} ${label}`, [lang, label]);
  const formatBandwidth = useCallback((value: number) => `${formatNumber(value, lang, 4)} ${label}/s`, [lang, label]);
  const formatTflops = useCallback((value: number) => fill(m.unitTflops, { n: formatNumber(value, lang, 4) }), [m, lang]);
  const formatTdp = useCallback((value: number) => fill(m.unitWatts, { n: formatInteger(value, lang) }), [m, lang]);
  const formatPrice = useCallback((value: number) => fill(m.unitPerHour, { n: formatUsd(value, lang) }), [m, lang]);
  return (
    <div className="custom-gpu" data-testid="custom-gpu">
      <CustomGpuField
        field="memoryBytes"
        label={fill(m.customMemory, { unit: label })}
        scale={divisor}
        min={RANGES.memoryBytes[0] / divisor}
        format={formatMemory}
        parse={parseDecimal}
      />
      <CustomGpuField
        field="bandwidthBytesPerSecond"
        label={fill(m.customBandwidth, { unit: label })}
        scale={divisor}
        min={RANGES.bandwidthBytesPerSecond[0] / divisor}
        format={formatBandwidth}
        parse={parseDecimal}
      />
      <CustomGpuField field="flops" label={m.customFlops} scale={1e12} min={RANGES.flops[0] / 1e12} format={formatTflops} parse={parseDecimal} />
      <CustomGpuField field="tdpWatts" label={m.customTdp} scale={1} min={RANGES.tdpWatts[0]} format={formatTdp} parse={parseDecimal} />
      <CustomGpuField field="usdPerHour" label={m.customPrice} scale={1} min={0.01} format={formatPrice} parse={parseDecimal} />
    </div>
  );
});

const selectGpuCount = (state: ScenarioState) => state.scenario.gpuCount;
const selectBandwidthEfficiency = (state: ScenarioState) => state.scenario.bandwidthEfficiency;
const selectWeightPrecision = (state: ScenarioState) => state.scenario.weightPrecision;
const selectPrice = (state: ScenarioState) => state.scenario.usdPerGpuHour;
const selectCustomPrice = (state: ScenarioState) => state.scenario.customGpu.usdPerHour;
const selectPue = (state: ScenarioState) => state.scenario.pue;
const selectKwh = (state: ScenarioState) => state.scenario.usdPerKwh;

const GpuCountField = memo(function GpuCountField() {
  const m = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(selectGpuCount);
  const update = useScenarioState(selectUpdate);
  const format = useCallback((v: number) => plural(v, m.unitGpu, m.unitGpus, formatInteger(v, lang)), [m, lang]);
  const onChange = useCallback((v: number) => update({ gpuCount: v }), [update]);
  const [min, max] = RANGES.gpuCount;
  return <CountField label={m.gpuCount} value={value} min={min} max={max} format={format} onChange={onChange} parse={parseCount} testId="gpu-count" />;
});

/**
 * Decode bandwidth efficiency: the serving model's default for the device kind × weight format
 * (null in the scenario) unless the reader pins a value; old links keep theirs.
 */
const BandwidthEfficiencyField = memo(function BandwidthEfficiencyField() {
  const m = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(selectBandwidthEfficiency);
  const gpu = useScenarioState(selectGpu);
  const weightPrecision = useScenarioState(selectWeightPrecision);
  const update = useScenarioState(selectUpdate);
  const accelerator = HARDWARE_BY_ID.get(gpu);
  const fraction = decodeEfficiency({ kind: accelerator?.kind ?? 'datacenter' }, weightPrecision).bandwidthFraction;
  return (
    <div className="price-field" data-testid="bandwidth-efficiency-field">
      <ToggleField
        label={m.useDefaultEfficiency}
        checked={value === null}
        onChange={(checked) => update({ bandwidthEfficiency: checked ? null : Math.round(fraction * 1000) / 1000 })}
        testId="use-default-efficiency"
      />
      {value === null ? (
        <FieldNote>{fill(m.defaultEfficiencyNote, { fraction: formatPercent(fraction, lang), kind: KIND_LABEL[accelerator?.kind ?? 'datacenter'](m) })}</FieldNote>
      ) : (
        <PercentField field="bandwidthEfficiency" label={m.bandwidthEfficiency} testId="bandwidth-efficiency" />
      )}
    </div>
  );
});

/** A 0.01–1 fraction edited in percent (1–100 %). */
const PercentField = memo(function PercentField(props: { field: 'bandwidthEfficiency'; label: string; testId: string }) {
  const lang = useLang();
  const value = useScenarioState(selectBandwidthEfficiency) ?? 0.5;
  const update = useScenarioState(selectUpdate);
  const { field } = props;
  const format = useCallback((percent: number) => formatPercent(percent / 100, lang), [lang]);
  const onChange = useCallback((percent: number) => update({ [field]: Math.round(percent * 100) / 10000 }), [update, field]);
  const [min, max] = RANGES[field];
  return (
    <SliderField
      label={props.label}
      value={value * 100}
      min={min * 100}
      max={max * 100}
      step={0.5}
      format={format}
      parse={parsePercent}
      onChange={onChange}
      testId={props.testId}
    />
  );
});

const PriceField = memo(function PriceField() {
  const m = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  const price = useScenarioState(selectPrice);
  const gpu = useScenarioState(selectGpu);
  const customPrice = useScenarioState(selectCustomPrice);
  const update = useScenarioState(selectUpdate);
  const accelerator = HARDWARE_BY_ID.get(gpu);
  // The estimate's own rule (resolveHardware): rental price, else purchase amortised with energy, else the flagged fallback.
  const devicePrice = accelerator ? (accelerator.price?.usdPerHour ?? (accelerator.purchase ? deviceHourlyCost(accelerator).usdPerHour : null)) : null;
  const presetPrice = gpu === 'custom' ? customPrice : (devicePrice ?? FALLBACK_USD_PER_GPU_HOUR);
  const format = useCallback((v: number) => fill(m.unitPerGpuHour, { n: formatUsd(v, lang) }), [m, lang]);
  const onChange = useCallback((v: number) => update({ usdPerGpuHour: v }), [update]);
  return (
    <div className="price-field" data-testid="price">
      <ToggleField
        label={m.usePresetPrice}
        checked={price === null}
        onChange={(checked) => update({ usdPerGpuHour: checked ? null : Math.max(0.01, presetPrice) })}
        testId="use-preset-price"
      />
      {price === null ? (
        <FieldNote>{format(presetPrice)}</FieldNote>
      ) : (
        <SliderField label={m.price} value={price} min={0.01} max={RANGES.usdPerGpuHour[1]} log format={format} parse={parseDecimal} onChange={onChange} />
      )}
    </div>
  );
});

const PueField = memo(function PueField() {
  const m = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(selectPue);
  const update = useScenarioState(selectUpdate);
  const format = useCallback((v: number) => fill(m.unitPue, { n: formatNumber(v, lang, 3) }), [m, lang]);
  const onChange = useCallback((v: number) => update({ pue: Math.round(v * 1000) / 1000 }), [update]);
  const [min, max] = RANGES.pue;
  return <SliderField label={m.pue} value={value} min={min} max={max} step={0.01} format={format} parse={parseDecimal} onChange={onChange} testId="pue" />;
});

const ElectricityField = memo(function ElectricityField() {
  const m = useMessages(CONTROLS_MESSAGES);
  const lang = useLang();
  const value = useScenarioState(selectKwh);
  const update = useScenarioState(selectUpdate);
  const format = useCallback((v: number) => fill(m.unitPerKwh, { n: formatUsd(v, lang) }), [m, lang]);
  const onChange = useCallback((v: number) => update({ usdPerKwh: Math.round(v * 10000) / 10000 }), [update]);
  // Log scale from $0.001: typical prices ($0.03–0.30) get most of the track.
  return (
    <SliderField
      label={m.electricity}
      value={value}
      min={0.001}
      max={RANGES.usdPerKwh[1]}
      log
      format={format}
      parse={parseDecimal}
      onChange={onChange}
      testId="electricity"
    />
  );
});

export const HardwareGroup = memo(function HardwareGroup() {
  const m = useMessages(CONTROLS_MESSAGES);
  const custom = useScenarioState(useCallback((state: ScenarioState) => state.scenario.gpu === 'custom', []));
  const gpu = useScenarioState(selectGpu);
  const defaultClusterId = ACCELERATOR_TRAINING_DEFAULTS[gpu]?.clusterId;
  return (
    <fieldset data-testid="hardware-group">
      <legend>{m.hardware}</legend>
      <GpuSelect />
      {custom ? <CustomGpuFields /> : <GpuSpec />}
      <GpuCountField />
      <ClusterFields defaultClusterId={defaultClusterId} />
      <MfuField />
      <GoodputField />
      <BandwidthEfficiencyField />
      <PriceField />
      <PueField />
      <ElectricityField />
    </fieldset>
  );
});
