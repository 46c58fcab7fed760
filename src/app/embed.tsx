import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useMessages } from '../i18n/view-settings';
import { FEATURES, EMBEDDABLE } from './registry';
import { APP_MESSAGES } from './messages';

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

/** `?embed=<id>`: one chart or table alone, filling the viewport, with a link to the full explorer. */
export function Embed({ id, fullLink }: { id: string; fullLink: string }) {
  const m = useMessages(APP_MESSAGES);
  const Chart = Object.hasOwn(LAZY_CHARTS, id) ? (LAZY_CHARTS[id] ?? Nothing) : Nothing;
  const safeLink = /^https?:|^file:/.test(fullLink) ? fullLink : '#';
  return (
    <main className="embed" data-embed={id}>
      <Suspense fallback={null}>
        <Chart />
      </Suspense>
      <p className="embed__link">
        <a href={safeLink} target="_blank" rel="noopener noreferrer">
          {m.openFull} ↗
        </a>
      </p>
    </main>
  );
}
