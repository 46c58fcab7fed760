import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createScenarioStore, type ScenarioStore } from '../store/scenario-store';
import { ScenarioStoreProvider } from '../store/store-context';
import { startUrlSync, writeViewParams, type UrlSync } from '../store/url-sync';
import { ViewSettingsProvider, type ViewSettings } from '../i18n/view-settings';
import type { Lang } from '../i18n/i18n';
import type { UnitSystem } from '../i18n/format';
import { ShareContext, type Share } from '../components/ui/share-context';
import { encodeScenario } from '../scenario/url-codec';
import type { Scenario } from '../scenario/scenario';
import type { UrlChange } from '../scenario/url-codec';
import { readBoot, type Boot, type Theme } from './boot';
import { App } from './app';
import { Embed } from './embed';
import { EMBEDDABLE } from './registry';
import { APP_MESSAGES } from './messages';
import { UrlSyncContext } from '../store/url-sync-context';

function pageUrl(scenario: Scenario, view: { lang: Lang; units: UnitSystem; theme: Theme }, embed: string | null): string {
  const params = new URLSearchParams(encodeScenario(scenario));
  params.set('lang', view.lang);
  if (view.units !== 'si') params.set('units', view.units);
  if (view.theme !== 'auto') params.set('theme', view.theme);
  if (embed) params.set('embed', embed);
  return `${location.href.split(/[?#]/)[0]}?${params.toString()}`;
}

/** Reads the URL once, creates the page's store, and renders the explorer or one embedded chart. */
export function Root() {
  const [boot] = useState<Boot>(() => readBoot(location.search, navigator.languages));
  const [store] = useState<ScenarioStore>(() => createScenarioStore(boot.scenario));
  const [lang, setLang] = useState<Lang>(boot.lang);
  const [units, setUnits] = useState<UnitSystem>(boot.units);
  const embedId = boot.embed !== null && Object.hasOwn(EMBEDDABLE, boot.embed) ? boot.embed : null;
  const unknownEmbed = boot.embed !== null && embedId === null ? boot.embed : null;
  const theme = boot.theme;
  const [changes, setChanges] = useState<readonly UrlChange[]>(boot.changes);
  const syncRef = useRef<UrlSync | null>(null);
  // A stable facade: features call openScenario; before sync starts (or in an embed) it only replaces.
  const [sync] = useState<UrlSync>(() => ({
    openScenario: (scenario) =>
      syncRef.current ? syncRef.current.openScenario(scenario) : store.getState().replace(scenario),
    stop: () => syncRef.current?.stop(),
  }));

  // Test hook: how many charts that follow the store do not yet show its scenario (0 = settled).
  // The browser tests and `npm run bench:ui` wait on it; it reads this page's store.
  useEffect(() => {
    const hook = globalThis as { __explorerPendingRenders?: () => number };
    hook.__explorerPendingRenders = store.charts.pending;
    return () => {
      if (hook.__explorerPendingRenders === store.charts.pending) delete hook.__explorerPendingRenders;
    };
  }, [store]);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = APP_MESSAGES[lang].title + (lang === 'zh' ? ' · LLM Scale Explorer' : '');
  }, [lang]);

  // `?theme=light|dark` sets the colours; `auto` (the default) follows prefers-color-scheme.
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);

  // A link the page could not show as written is rewritten in the address bar to what is shown
  // (the notice lists each change); an embed never writes the URL.
  useEffect(() => {
    if (!embedId && boot.changes.length > 0) writeViewParams(store.getState().scenario, { lang: boot.lang, units: boot.units, theme });
  }, [boot, store, embedId, theme]);

  useEffect(() => {
    if (embedId) return undefined; // an embed reads the URL and never writes it
    const started = startUrlSync(store, () => ({ lang, units, theme }), { onNavigate: (_ignored, next) => setChanges(next) });
    syncRef.current = started;
    return () => {
      started.stop();
      syncRef.current = null;
    };
  }, [store, embedId, lang, units, theme]);

  const changeLang = useCallback(
    (next: Lang) => {
      setLang(next);
      if (!embedId) writeViewParams(store.getState().scenario, { lang: next, units, theme });
    },
    [store, embedId, units, theme],
  );
  const changeUnits = useCallback(
    (next: UnitSystem) => {
      setUnits(next);
      if (!embedId) writeViewParams(store.getState().scenario, { lang, units: next, theme });
    },
    [store, embedId, lang, theme],
  );
  const view = useMemo<ViewSettings>(
    () => ({ lang, units, setLang: changeLang, setUnits: changeUnits }),
    [lang, units, changeLang, changeUnits],
  );
  const share = useMemo<Share>(
    () => ({
      linkFor: (id) => pageUrl(store.getState().scenario, { lang, units, theme }, id),
      embedded: embedId !== null,
    }),
    [store, lang, units, theme, embedId],
  );

  return (
    <ScenarioStoreProvider store={store}>
      <ViewSettingsProvider value={view}>
        <ShareContext.Provider value={share}>
          <UrlSyncContext.Provider value={embedId ? null : sync}>
            {embedId ? (
              <Embed id={embedId} fullLink={pageUrl(store.getState().scenario, { lang, units, theme }, null)} changes={changes} onDismissNotice={() => setChanges([])} />
            ) : (
              <App changes={changes} unknownEmbed={unknownEmbed} onDismissNotice={() => setChanges([])} />
            )}
          </UrlSyncContext.Provider>
        </ShareContext.Provider>
      </ViewSettingsProvider>
    </ScenarioStoreProvider>
  );
}
