import { useCallback, useEffect, useState } from 'react';
import type { Scenario } from '../../scenario/scenario';
import { decodeScenario, encodeScenario } from '../../scenario/url-codec';
import { MAX_PINS, PINS_STORAGE_KEY, cleanPinName, readPins, writePins, type Pin } from './compare.data';

export interface PinsState {
  pins: Pin[];
  /** Saved pins beyond MAX_PINS: kept in storage (never deleted), shown as others are removed. */
  extra: Pin[];
  /** Stored entries dropped on the last read (shown as a notice until dismissed). */
  dropped: number;
  /** The stored value as a whole could not be read. */
  unreadable: boolean;
  /** Writing to localStorage failed (private mode, quota): pins last until the page closes. */
  saveFailed: boolean;
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function load(): PinsState {
  let raw: string | null;
  try {
    raw = storage()?.getItem(PINS_STORAGE_KEY) ?? null;
  } catch {
    raw = null;
  }
  const read = readPins(raw);
  return { pins: read.pins, extra: read.extra, dropped: read.dropped, unreadable: read.unreadable, saveFailed: false };
}

function save(pins: readonly Pin[]): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(PINS_STORAGE_KEY, writePins(pins));
    return true;
  } catch {
    return false;
  }
}

/**
 * The user's pinned scenarios, kept in localStorage under a versioned key and validated on every
 * read; a corrupt entry is dropped (and reported), never trusted. Follows other tabs.
 */
export function usePins() {
  const [state, setState] = useState<PinsState>(load);
  const needsCleanup = state.unreadable || state.dropped > 0;
  const { pins, extra } = state;

  // Rewrite a store that held corrupt entries, so the notice does not come back on every visit
  // (the pins beyond the limit are written back too: they are never deleted).
  useEffect(() => {
    if (needsCleanup) save([...pins, ...extra]);
  }, [needsCleanup, pins, extra]);

  useEffect(() => {
    if (typeof window === 'undefined') return undefined;
    const onStorage = (event: StorageEvent) => {
      if (event.key === PINS_STORAGE_KEY || event.key === null) setState(load());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const add = useCallback(
    (name: string, scenario: Scenario) => {
      if (pins.length >= MAX_PINS) return;
      const query = encodeScenario(scenario);
      const pin: Pin = { name: cleanPinName(name) || 'pin', query, scenario: decodeScenario(query).scenario };
      const next = [...pins, pin];
      const saved = save([...next, ...extra]);
      setState((previous) => ({ ...previous, pins: next, saveFailed: !saved }));
    },
    [pins, extra],
  );

  const remove = useCallback(
    (index: number) => {
      // A pin waiting beyond the limit takes the freed place.
      const all = [...pins.filter((_, i) => i !== index), ...extra];
      const saved = save(all);
      setState((previous) => ({ ...previous, pins: all.slice(0, MAX_PINS), extra: all.slice(MAX_PINS), saveFailed: !saved }));
    },
    [pins, extra],
  );

  const dismiss = useCallback(() => setState((previous) => ({ ...previous, dropped: 0, unreadable: false, saveFailed: false })), []);

  return { ...state, add, remove, dismiss, full: pins.length >= MAX_PINS };
}
