import { memo, useCallback, useId } from 'react';
import { SliderField } from '../../components/ui/slider-field';
import { TableScroll } from '../../components/ui/table-scroll';
import { withCode } from '../../view/with-code';
import { useChartView } from '../../view/use-chart-view';
import { deviceName, shortModelLabel } from '../../view/labels';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, formatCount, formatNumber, formatPercent, formatUsd, type UnitSystem } from '../../i18n/format';
import { PRECISIONS } from '../../data/precisions';
import { RANGES } from '../../scenario/scenario';
import { useScenarioState } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';
import { defaultGpuMemoryFraction, type Estimate } from '../../core';
import { MESSAGES } from './messages';
import { LOCAL_CHOICES, localRunData, type LocalRunView } from './local.data';
import './serving.css';

type Messages = (typeof MESSAGES)['en'];

const selectUpdate = (state: ScenarioState) => state.update;
const selectDevice = (state: ScenarioState) => state.scenario.localDevice;
const selectFraction = (state: ScenarioState) => state.scenario.usableMemoryFraction;
const selectHost = (state: ScenarioState) => state.scenario.hostMemoryBytes;

const CONSUMER = LOCAL_CHOICES.filter((device) => device.kind === 'consumer');
const APPLE = LOCAL_CHOICES.filter((device) => device.kind === 'apple');

function priceText(view: LocalRunView, m: Messages, lang: Lang): string {
  const purchase = view.device.purchase;
  return purchase ? fill(m.localPrice, { price: formatUsd(purchase.usd, lang) }) : fill(m.localPrice, { price: m.localNoPrice });
}

function precisionName(id: string): string {
  return PRECISIONS[id as keyof typeof PRECISIONS]?.label ?? id.toUpperCase();
}

/** The one sentence of the answer. */
export function localSentence(view: LocalRunView, estimate: Estimate, m: Messages, lang: Lang, units: UnitSystem): string {
  const answer = view.answer;
  if (!answer) return fill(m.localProblem, { message: view.problem ?? '' });
  const model = shortModelLabel(estimate, lang);
  const device = deviceName(view.device.name, lang);
  const bytes = (value: number) => formatBytes(value, lang, units);
  const rate = (value: number) => formatNumber(value, lang, 3);
  if (answer.answer === 'runs' && answer.precision) {
    return fill(m.localRuns, {
      model,
      device,
      precision: precisionName(answer.precision),
      context: formatCount(answer.maxContextTokens, lang),
      limit: answer.maxContextLimitedBy === 'model' ? m.limitModel : m.limitMemory,
      decode: rate(answer.decodeTokensPerSecond),
      prefill: rate(answer.prefillTokensPerSecond),
      reference: formatCount(answer.referenceContextTokens, lang),
    });
  }
  if (answer.answer === 'runs-with-offload' && answer.precision && answer.offload) {
    return fill(m.localRunsOffload, {
      model,
      device,
      usable: bytes(view.usableBytes),
      precision: precisionName(answer.precision),
      cpu: answer.offload.cpuLayers,
      layers: view.layers,
      decode: rate(answer.decodeTokensPerSecond),
      gpuBandwidth: bytes(view.device.bandwidthBytesPerSecond),
      ramBandwidth: bytes(view.host?.bandwidthBytesPerSecond ?? 0),
    });
  }
  const smallest = view.rows[view.rows.length - 1];
  return fill(m.localNoFit, {
    model,
    device,
    usable: bytes(view.usableBytes),
    precision: smallest ? precisionName(smallest.precision) : '—',
    weights: bytes(smallest?.weightBytes ?? 0),
    offload: view.host ? fill(m.localNoFitOffload, { ram: bytes(view.host.memoryBytes) }) : '',
  });
}

const LocalControls = memo(function LocalControls(props: { apple: boolean; defaultFraction: number }) {
  const m = useMessages(MESSAGES);
  const { lang, units } = useViewSettings();
  const device = useScenarioState(selectDevice);
  const fraction = useScenarioState(selectFraction);
  const host = useScenarioState(selectHost);
  const update = useScenarioState(selectUpdate);
  const id = useId();
  const formatFraction = useCallback((value: number) => formatPercent(value, lang), [lang]);
  const formatRam = useCallback((value: number) => (value > 0 ? formatBytes(value * 1e9, lang, units) : m.hostNone), [lang, units, m]);
  return (
    <div className="local-controls">
      <div className="select-field" data-testid="local-device">
        <label htmlFor={id}>{m.localDevice}</label>
        <select id={id} value={device} onChange={(event) => update({ localDevice: event.target.value })}>
          <optgroup label={m.groupApple}>
            {APPLE.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {deviceName(choice.name, lang)}
              </option>
            ))}
          </optgroup>
          <optgroup label={m.groupConsumer}>
            {CONSUMER.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {deviceName(choice.name, lang)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      {props.apple ? (
        <div className="serving-field">
          <div className="toggle-field" data-testid="local-fraction-default">
            <input
              id={`${id}-fraction`}
              type="checkbox"
              checked={fraction === null}
              onChange={(event) => update({ usableMemoryFraction: event.target.checked ? null : Math.round(props.defaultFraction * 100) / 100 })}
            />
            <label htmlFor={`${id}-fraction`}>{fill(m.usableDefault, { fraction: formatPercent(props.defaultFraction, lang) })}</label>
          </div>
          {fraction !== null ? (
            <SliderField
              label={m.usableFraction}
              value={fraction}
              min={RANGES.usableMemoryFraction[0]}
              max={RANGES.usableMemoryFraction[1]}
              step={0.01}
              format={formatFraction}
              onChange={(value) => update({ usableMemoryFraction: Math.round(value * 100) / 100 })}
              testId="local-fraction"
            />
          ) : null}
        </div>
      ) : (
        <SliderField
          label={m.hostMemory}
          value={host / 1e9}
          min={0}
          max={512}
          step={8}
          format={formatRam}
          onChange={(value) => update({ hostMemoryBytes: Math.round(value) * 1e9 })}
          testId="local-host-memory"
        />
      )}
    </div>
  );
});

const LocalTable = memo(function LocalTable({ view, m, lang, units, labelledBy }: { view: LocalRunView; m: Messages; lang: Lang; units: UnitSystem; labelledBy: string }) {
  return (
    <TableScroll labelledBy={labelledBy}>
      <table className="data-table" data-table="can-i-run">
        <thead>
          <tr>
            <th scope="col">{m.colPrecision}</th>
            <th scope="col">{m.colWeights}</th>
            <th scope="col">{m.colFit}</th>
            <th scope="col">{m.colContext}</th>
            <th scope="col">{m.colSpeed}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.precision} className={view.answer?.precision === row.precision ? 'is-current' : undefined}>
              <th scope="row">{precisionName(row.precision)}</th>
              <td>{formatBytes(row.weightBytes, lang, units)}</td>
              <td>{row.fits ? m.fitYes : row.fitsWithOffload && row.cpuLayers !== null ? fill(m.fitOffload, { cpu: row.cpuLayers }) : m.fitNo}</td>
              <td>{row.fits ? fill(m.tokens, { value: formatCount(row.maxContextTokens, lang) }) : '—'}</td>
              <td>{row.fits || row.fitsWithOffload ? fill(m.tokensPerSecond, { value: formatNumber(row.decodeTokensPerSecond, lang, 3) }) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
});

/** `can-i-run`: one sentence and a precision table for the scenario's model on a local machine. */
export const LocalRun = memo(function LocalRun() {
  const { estimate, derive } = useChartView();
  const { lang, units } = useViewSettings();
  const m = useMessages(MESSAGES);
  const view = derive(localRunData);
  const apple = view.device.kind === 'apple';
  const titleId = useId();
  return (
    <figure className="local-run" data-chart="can-i-run" id="can-i-run">
      <figcaption>
        <h3 id={titleId}>{m.localTitle}</h3>
        <p className="muted">{withCode(m.localLead)}</p>
      </figcaption>
      <LocalControls apple={apple} defaultFraction={apple ? defaultGpuMemoryFraction(view.device) : 1} />
      <p className="muted">
        {fill(m.localUsable, { usable: formatBytes(view.usableBytes, lang, units), memory: formatBytes(view.device.memoryBytes, lang, units) })} · {priceText(view, m, lang)}
      </p>
      <p className="local-run__answer" data-testid="local-answer">
        {localSentence(view, estimate, m, lang, units)}
      </p>
      {view.rows.length > 0 ? <LocalTable view={view} m={m} lang={lang} units={units} labelledBy={titleId} /> : null}
    </figure>
  );
});
