import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Lang, MessageTable, Messages } from './i18n';
import type { UnitSystem } from './format';

/** View settings every feature reads: language and byte units. Not part of the scenario. */
export interface ViewSettings {
  lang: Lang;
  units: UnitSystem;
  setLang: (lang: Lang) => void;
  setUnits: (units: UnitSystem) => void;
}

const ViewSettingsContext = createContext<ViewSettings>({
  lang: 'en',
  units: 'si',
  setLang: () => undefined,
  setUnits: () => undefined,
});

export function ViewSettingsProvider({ value, children }: { value: ViewSettings; children: ReactNode }) {
  const memo = useMemo(() => value, [value]);
  return <ViewSettingsContext.Provider value={memo}>{children}</ViewSettingsContext.Provider>;
}

export function useViewSettings(): ViewSettings {
  return useContext(ViewSettingsContext);
}

export function useLang(): Lang {
  return useContext(ViewSettingsContext).lang;
}

/** The messages of a feature's table in the current language. */
export function useMessages<K extends string>(table: MessageTable<K>): Messages<K> {
  return table[useContext(ViewSettingsContext).lang];
}
