import { memo, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { estimate, PRECISIONS } from '../../core';
import { HARDWARE_BY_ID } from '../../data/hardware';
import { DataTable } from '../../components/ui/data-table';
import { useSectionVisible } from '../../components/ui/section';
import { fill, type Lang } from '../../i18n/i18n';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { memoizeLast } from '../../store/memoize';
import { useChartScenario, useScenarioStore } from '../../store/store-context';
import { useUrlSync } from '../../store/url-sync-context';
import type { Scenario } from '../../scenario/scenario';
import { cleanPinName, compareRows, MAX_PINS, type CompareRow } from './compare.data';
import { CompareActionsContext, compareColumns, modelDisplay, type CompareActions } from './compare-columns';
import { COMPARE_MESSAGES } from './messages';
import { usePins } from './use-pins';
import './compare.css';

/** Estimate of the compare table's (deferred) scenario; the store's own cache is keyed on the lagged one. */
export const estimateForCompare = memoizeLast(estimate);

/** `value` once it has stopped changing for `delay` ms (the first value at once). */
function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return undefined;
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, settled, delay]);
  return settled;
}

/** How long the scenario must rest before the 40 preset rows are recomputed and redrawn. */
export const COMPARE_SETTLE_MS = 200;

/**
 * The scenario the compare rows follow: the lagged chart scenario (only while the section is near
 * the viewport), once a drag pauses for COMPARE_SETTLE_MS, and deferred so the 40 preset
 * estimates and the 600-cell table render in the background — never on the path of a slider step.
 */
export function useCompareScenario(): Scenario {
  const lagged = useChartScenario(useSectionVisible());
  return useDeferredValue(useSettled(lagged, COMPARE_SETTLE_MS));
}

const getRowId = (row: CompareRow) => row.id;
const isCurrent = (row: CompareRow) => row.kind === 'current';

function precisionLabel(scenario: Scenario): string {
  return PRECISIONS[scenario.weightPrecision]?.label ?? scenario.weightPrecision;
}

function suggestedPinName(row: CompareRow | undefined, lang: Lang): string {
  if (!row) return 'pin';
  const gpu = row.scenario.gpu === 'custom' ? COMPARE_MESSAGES[lang].customGpu : (HARDWARE_BY_ID.get(row.scenario.gpu)?.name ?? row.scenario.gpu);
  return cleanPinName(`${modelDisplay(row, lang)} · ${precisionLabel(row.scenario)} · ${gpu}`);
}

/** Table `compare`: every preset under the current settings, the current scenario first, and the user's pins. */
export const CompareTable = memo(function CompareTable() {
  const m = useMessages(COMPARE_MESSAGES);
  const { lang, units } = useViewSettings();
  const scenario = useCompareScenario();
  const store = useScenarioStore();
  const urlSync = useUrlSync();
  const pins = usePins();
  const { add, remove } = pins;
  const [name, setName] = useState('');
  const inputId = useId();

  const rows = useMemo(() => compareRows(scenario, estimateForCompare(scenario), pins.pins), [scenario, pins.pins]);
  const columns = compareColumns(lang, units, precisionLabel(scenario));
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
      </form>
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
