import { lazy, Suspense, useEffect, useRef, useState, type ComponentType } from 'react';
import { useApproached } from '../components/ui/use-visible';
import { useMessages, useViewSettings } from '../i18n/view-settings';
import { fill } from '../i18n/i18n';
import { FEATURES, FIRST_SECTION, SECTION_IDS, type SectionId } from './registry';
import { APP_MESSAGES } from './messages';
import type { UrlChange } from '../scenario/url-codec';
import { LinkNotice } from './link-notice';
import { ShareButton } from './share-button';
import { loadedSection, usePrintRequested } from './print';
import { useDrawer } from './use-drawer';

const LAZY_SECTIONS = Object.fromEntries(
  SECTION_IDS.map((id) => [id, lazy(() => sectionModule(id))]),
) as unknown as Record<SectionId, ComponentType>;

/**
 * A section's module for React.lazy. When its code was already loaded (preloaded for printing),
 * a thenable that resolves synchronously: React.lazy then renders the section in the same pass
 * (inside the print handler's flushSync) instead of suspending for a microtask.
 */
function sectionModule(id: SectionId): Promise<{ default: ComponentType }> {
  const loaded = loadedSection(id);
  if (loaded) {
    const module = { default: loaded };
    const resolved = { then: (onFulfilled: (value: typeof module) => unknown) => onFulfilled(module) };
    return resolved as unknown as Promise<{ default: ComponentType }>;
  }
  return FEATURES[id]().then((module) => ({ default: module.Section }));
}

/**
 * The controls' code (every field, the model picker, the file and config import: about a fifth of
 * the page's first JavaScript) is requested once the first chart has painted, and the panel shows
 * when it arrives — a moment later on a desktop, and on a phone the controls sit in a closed
 * drawer anyway. The first chart does not wait for it.
 */
let controlsModule: Promise<typeof import('../features/controls')> | null = null;
const loadControls = () => (controlsModule ??= import('../features/controls'));
const ControlsPanel = lazy(() => loadControls().then((module) => ({ default: module.ControlsPanel })));

function ControlsPlaceholder() {
  return <div className="controls-panel controls-panel--loading" aria-busy="true" />;
}

/** False until the frame after the first one has begun (the first paint is then on screen). */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        void loadControls();
        setPainted(true);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted;
}

function SectionPlaceholder({ id }: { id: string }) {
  return <section id={id} className="section" aria-busy="true" style={{ minHeight: 420 }} />;
}

/**
 * A section whose code loads when the reader approaches it (1.5 screens ahead), so the first
 * chart does not wait for the JavaScript of twelve sections below the fold.
 */
function DeferredSection({ id, printing }: { id: SectionId; printing: boolean }) {
  const ref = useRef<HTMLElement>(null);
  const approached = useApproached(ref);
  if (!approached && !printing) {
    return <section id={id} ref={ref} className="section" aria-busy="true" style={{ minHeight: 420 }} />;
  }
  const Section = LAZY_SECTIONS[id];
  return (
    <Suspense fallback={<SectionPlaceholder id={id} />}>
      <Section />
    </Suspense>
  );
}

export function App(props: { changes: readonly UrlChange[]; unknownEmbed: string | null; onDismissNotice: () => void }) {
  const m = useMessages(APP_MESSAGES);
  const { lang, units, setLang, setUnits } = useViewSettings();
  const { open: drawerOpen, narrow, toggle: toggleDrawer, close: closeDrawer, toggleRef, drawerRef } = useDrawer();
  const [embedNoticeOpen, setEmbedNoticeOpen] = useState(props.unknownEmbed !== null);
  const printing = usePrintRequested();
  const controlsShown = useAfterFirstPaint();
  return (
    <>
      <a className="skip-link" href="#main" inert={drawerOpen}>
        {m.skip}
      </a>
      <header className="app-header" inert={drawerOpen}>
        <div>
          <h1>{m.title}</h1>
          <p>{m.tagline}</p>
        </div>
        <div className="app-header__settings">
          <button ref={toggleRef} type="button" className="drawer-toggle" aria-expanded={drawerOpen} aria-controls="controls" onClick={toggleDrawer}>
            ☰ {m.openControls}
          </button>
          <ShareButton />
          <span>
            <label htmlFor="lang-select">{m.language}</label>
            <select id="lang-select" value={lang} onChange={(event) => setLang(event.target.value === 'zh' ? 'zh' : 'en')}>
              <option value="zh">中文</option>
              <option value="en">English</option>
            </select>
          </span>
          <span>
            <label htmlFor="units-select">{m.units}</label>
            <select id="units-select" value={units} onChange={(event) => setUnits(event.target.value === 'iec' ? 'iec' : 'si')}>
              <option value="si">{m.unitsSi}</option>
              <option value="iec">{m.unitsIec}</option>
            </select>
          </span>
        </div>
      </header>
      <div inert={drawerOpen}>
        <LinkNotice changes={props.changes} onDismiss={props.onDismissNotice} />
      </div>
      {embedNoticeOpen && props.unknownEmbed ? (
        <div className="notice" role="status" data-testid="embed-notice" inert={drawerOpen}>
          <p>{fill(m.unknownEmbed, { id: props.unknownEmbed })}</p>
          <button type="button" onClick={() => setEmbedNoticeOpen(false)}>
            {m.dismiss}
          </button>
        </div>
      ) : null}
      <div className="layout">
        <aside
          id="controls"
          ref={drawerRef}
          className="controls"
          aria-label={m.controls}
          data-open={drawerOpen}
          role={drawerOpen ? 'dialog' : undefined}
          aria-modal={drawerOpen || undefined}
          inert={narrow && !drawerOpen}
        >
          <div className="drawer-toggle" style={{ textAlign: 'right' }}>
            <button type="button" onClick={closeDrawer}>
              {m.closeControls}
            </button>
          </div>
          {controlsShown ? (
            <Suspense fallback={<ControlsPlaceholder />}>
              <ControlsPanel />
            </Suspense>
          ) : (
            <ControlsPlaceholder />
          )}
        </aside>
        <main id="main" tabIndex={-1} inert={drawerOpen}>
          <FIRST_SECTION.Section />
          {SECTION_IDS.filter((id) => id !== FIRST_SECTION.id).map((id) => (
            <DeferredSection key={id} id={id} printing={printing} />
          ))}
          <footer className="footer">{m.footer}</footer>
        </main>
      </div>
    </>
  );
}
