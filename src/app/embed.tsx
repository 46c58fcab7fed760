import { lazy, Suspense, useEffect, useRef, useState, type ComponentType, type LazyExoticComponent, type RefObject } from 'react';
import { fill } from '../i18n/i18n';
import { useMessages } from '../i18n/view-settings';
import type { UrlChange } from '../scenario/url-codec';
import { FEATURES, EMBEDDABLE } from './registry';
import { APP_MESSAGES } from './messages';
import { LinkNotice } from './link-notice';

const LAZY_CHARTS: Readonly<Record<string, LazyExoticComponent<ComponentType>>> = Object.fromEntries(
  Object.entries(EMBEDDABLE).map(([id, section]) => [
    id,
    lazy(async () => {
      const feature = await FEATURES[section]();
      return { default: feature.charts[id] ?? (() => null) };
    }),
  ]),
);

function Nothing() {
  return null;
}

/**
 * A table in an embed shows its top rows only, as many as fit the frame (a 960×540 slide): rows
 * that would overflow are hidden, and a line says how many more the explorer has. Re-fitted when
 * the table's rows arrive or change and when the frame is resized. Returns the hidden count.
 */
function useFitTable(main: RefObject<HTMLElement | null>): number {
  const [hidden, setHidden] = useState(0);
  useEffect(() => {
    const element = main.current;
    if (!element) return undefined;
    let frame = 0;
    const fit = () => {
      frame = 0;
      const rows = [...element.querySelectorAll<HTMLTableRowElement>('[data-table] tbody tr')];
      if (rows.length === 0) {
        setHidden(0);
        return;
      }
      for (const row of rows) row.hidden = false;
      let shown = rows.length;
      // Hide from the bottom until the page no longer scrolls (always keep one row).
      while (shown > 1 && document.documentElement.scrollHeight > window.innerHeight) {
        shown -= 1;
        const row = rows[shown];
        if (row) row.hidden = true;
      }
      setHidden(rows.length - shown);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(fit);
    };
    const observer = new MutationObserver((records) => {
      // Our own `hidden` toggles are attribute changes: only new or removed rows re-fit.
      if (records.some((record) => record.type === 'childList')) schedule();
    });
    observer.observe(element, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [main]);
  return hidden;
}

/**
 * `?embed=<id>`: one chart or table alone, filling the viewport, with a link to the full explorer,
 * and the same notice as the page when the link's scenario was clamped or repaired.
 */
export function Embed(props: { id: string; fullLink: string; changes: readonly UrlChange[]; onDismissNotice: () => void }) {
  const { id, fullLink } = props;
  const m = useMessages(APP_MESSAGES);
  const main = useRef<HTMLElement>(null);
  const Chart = Object.hasOwn(LAZY_CHARTS, id) ? (LAZY_CHARTS[id] ?? Nothing) : Nothing;
  const safeLink = /^https?:|^file:/.test(fullLink) ? fullLink : '#';
  const hiddenRows = useFitTable(main);
  return (
    <main className="embed" data-embed={id} ref={main}>
      <LinkNotice changes={props.changes} onDismiss={props.onDismissNotice} />
      <Suspense fallback={null}>
        <Chart />
      </Suspense>
      <p className="embed__link">
        {hiddenRows > 0 ? (
          <span className="embed__more" data-testid="embed-more">
            {fill(m.moreRows, { n: hiddenRows })} ·{' '}
          </span>
        ) : null}
        <a href={safeLink} target="_blank" rel="noopener noreferrer">
          {m.openFull} ↗
        </a>
      </p>
    </main>
  );
}
