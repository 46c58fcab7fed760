import { useEffect, useState, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { FEATURES, SECTION_IDS, type SectionId } from './registry';

/**
 * Printing the whole page. A browser's print dialog lays the page out right after its
 * `beforeprint` handlers return: sections still waiting for their code would print as empty
 * placeholders. So the sections' code is fetched ahead, when the page is idle after loading
 * (`preloadSections`), and on `beforeprint` (or `matchMedia('print')` turning true, as when a test
 * emulates print media) every section renders at once, synchronously (`flushSync`), from the
 * modules already loaded. If a section's code is not there yet it is loaded then and renders as
 * soon as it arrives (in time for a PDF printer that waits, not for every dialog).
 */
const loadedSections = new Map<SectionId, ComponentType>();
let preloading: Promise<void> | null = null;

/** A section whose code is loaded: rendered directly, without a Suspense round trip. */
export function loadedSection(id: SectionId): ComponentType | undefined {
  return loadedSections.get(id);
}

/** Loads every section's code (not rendering it); once, shared by every caller. */
export function preloadSections(): Promise<void> {
  preloading ??= Promise.all(
    SECTION_IDS.map((id) =>
      FEATURES[id]().then((module) => {
        loadedSections.set(id, module.Section);
      }),
    ),
  ).then(() => {
    // Test hook: the browser test prints synchronously once every section's code is here.
    (globalThis as { __explorerSectionsPreloaded?: boolean }).__explorerSectionsPreloaded = true;
  });
  return preloading;
}

/** Calls `run` when the page is idle (or after `timeoutMs` at the latest). */
function whenIdle(run: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, timeoutMs);
  return () => clearTimeout(handle);
}

/**
 * True once printing was requested: every section then renders, in view or not. Also fetches all
 * sections' code when the page is first idle, so a print request can render them synchronously.
 */
export function usePrintRequested(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (printing) return undefined;
    const cancelIdle = whenIdle(() => void preloadSections(), 4000);
    const request = () => {
      // Synchronously: the print layout is taken right after this handler returns.
      flushSync(() => setPrinting(true));
      // Whatever was not loaded yet renders when it arrives.
      void preloadSections().then(() => setPrinting(true));
    };
    const media = typeof matchMedia === 'function' ? matchMedia('print') : null;
    const onMedia = (event: MediaQueryListEvent) => {
      if (event.matches) request();
    };
    addEventListener('beforeprint', request);
    media?.addEventListener('change', onMedia);
    return () => {
      cancelIdle();
      removeEventListener('beforeprint', request);
      media?.removeEventListener('change', onMedia);
    };
  }, [printing]);
  return printing;
}
