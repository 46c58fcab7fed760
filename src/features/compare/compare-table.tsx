import { memo, startTransition, useEffect, useId, useMemo, useState } from 'react';
import { PRECISIONS, type Estimate } from '../../core';
import { HARDWARE_BY_ID } from '../../data/hardware';
import { DataTable } from '../../components/ui/data-table';
import { fill, type Lang } from '../../i18n/i18n';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { useScopeScenario, useTrackShown } from '../../store/scenario-scope';
import { useScenarioStore, useSelectors } from '../../store/store-context';
import { useUrlSync } from '../../store/url-sync-context';
import type { Scenario } from '../../scenario/scenario';
import { cleanPinName, compareRows, currentRow, MAX_PINS, pinRow, presetRowsData, type CompareRow } from './compare.data';
import { CompareActionsContext, compareColumns, modelDisplay, type CompareActions } from './compare-columns';
import { COMPARE_MESSAGES } from './messages';
import { usePins } from './use-pins';
import './compare.css';
import { acceleratorName } from '../../view/labels';
import { useShare } from '../../components/ui/share-context';

/** `value` once it has stopped changing for `delay` ms (the first value at once), as a transition. */
function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return undefined;
    const timer = setTimeout(() => startTransition(() => setSettled(value)), delay);
    return () => clearTimeout(timer);
  }, [value, settled, delay]);
  return settled;
}

/** How long the scenario must rest before the 40 preset rows are recomputed and redrawn. */
export const COMPARE_SETTLE_MS = 200;

export interface CompareView {
  scenario: Scenario;
  estimate: Estimate;
  current: CompareRow;
  presets: CompareRow[];
}

/**
 * What the compare section shows: its section's scenario (deferred, followed while on screen)
 * once it has rested for COMPARE_SETTLE_MS — 40 preset estimates and a 600-cell table are too
 * much for every step of a drag — rendered as a transition, so it never holds up a control.
 * The preset rows come from the store's memo (`presetRowsData`).
 */
export function useCompareView(): CompareView {
  const { scenario: followed, following } = useScopeScenario();
  const scenario = useSettled(followed, COMPARE_SETTLE_MS);
  useTrackShown(scenario, following);
  const select = useSelectors();
  const result = select.estimate(scenario);
  const current = useMemo(() => currentRow(scenario, result), [scenario, result]);
  return { scenario, estimate: result, current, presets: select.derived(presetRowsData, scenario) };
}

const getRowId = (row: CompareRow) => row.id;
const isCurrent = (row: CompareRow) => row.kind === 'current';

function precisionLabel(scenario: Scenario): string {
  return PRECISIONS[scenario.weightPrecision]?.label ?? scenario.weightPrecision;
}

function suggestedPinName(row: CompareRow | undefined, lang: Lang): string {
  if (!row) return 'pin';
  const gpu = row.scenario.gpu === 'custom' ? COMPARE_MESSAGES[lang].customGpu : acceleratorName(row.scenario.gpu, HARDWARE_BY_ID.get(row.scenario.gpu)?.name ?? row.scenario.gpu, lang);
  return cleanPinName(`${modelDisplay(row, lang)} · ${precisionLabel(row.scenario)} · ${gpu}`);
}

/** Table `compare`: every preset under the current settings, the current scenario first, and the user's pins. */
export const CompareTable = memo(function CompareTable() {
  const m = useMessages(COMPARE_MESSAGES);
  const { lang, units } = useViewSettings();
  const embedded = useShare().embedded;
  const { scenario, current, presets } = useCompareView();
  const select = useSelectors();
  const store = useScenarioStore();
  const urlSync = useUrlSync();
  const pins = usePins();
  const { add, remove } = pins;
  const [name, setName] = useState('');
  const inputId = useId();

  const pinRows = useMemo(() => pins.pins.map((pin, index) => pinRow(pin, index, select.estimate(pin.scenario))), [pins.pins, select]);
  const rows = useMemo(() => compareRows(current, pinRows, presets), [current, pinRows, presets]);
  const precision = precisionLabel(scenario);
  const columns = useMemo(() => compareColumns(lang, units, precision), [lang, units, precision]);
  const actions = useMemo<CompareActions>(
    () => ({
      chooseModel: (id) => store.getState().chooseModel(id),
      openPin: (row) => (urlSync ? urlSync.openScenario(row.scenario) : store.getState().replace(row.scenario)),
      removePin: (index) => remove(index),
    }),
    [store, urlSync, remove],
  );
  const suggested = suggestedPinName(rows[0], lang);
  const pinCurrent = () => {
    add(name.trim() === '' ? suggested : name, store.getState().scenario);
    setName('');
  };
  const notice = pins.unreadable
    ? m.noticeUnreadable
    : pins.dropped > 0
      ? fill(m.noticeDropped, { count: pins.dropped })
      : pins.saveFailed
        ? m.noticeSaveFailed
        : null;

  return (
    <div className="compare">
      {/* An embed (a slide) shows the table only: pinning belongs to the explorer. */}
      {embedded ? null : (
        <form
          className="compare-pin"
          onSubmit={(event) => {
            event.preventDefault();
            pinCurrent();
          }}
        >
          <label htmlFor={inputId}>{m.pinName}</label>
          <input
            id={inputId}
            type="text"
            value={name}
            maxLength={80}
            placeholder={suggested}
            onChange={(event) => setName(event.target.value)}
            data-testid="pin-name"
          />
          <button type="submit" disabled={pins.full} data-action="pin">
            {m.pinButton}
          </button>
          {pins.full ? <span className="muted">{fill(m.pinsFull, { max: MAX_PINS })}</span> : null}
          {pins.extra.length > 0 ? (
            <span className="muted" data-testid="pins-extra">
              {fill(m.pinsWaiting, { count: pins.extra.length, max: MAX_PINS })}
            </span>
          ) : null}
        </form>
      )}
      {notice ? (
        <div className="notice" role="status" data-testid="pins-notice" style={{ margin: '8px 0' }}>
          <p>{notice}</p>
          <button type="button" onClick={pins.dismiss}>
            {m.dismiss}
          </button>
        </div>
      ) : null}
      <CompareActionsContext.Provider value={actions}>
        <DataTable
          id="compare"
          caption={m.caption}
          rows={rows}
          columns={columns}
          getRowId={getRowId}
          pinTop={isCurrent}
          isCurrent={isCurrent}
          chooseColumns
        />
      </CompareActionsContext.Provider>
    </div>
  );
});
