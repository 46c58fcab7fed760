import { lazy, Suspense, useMemo } from 'react';
import { useMessages } from '../i18n/view-settings';
import { FEATURES, EMBEDDABLE } from './registry';
import { APP_MESSAGES } from './messages';

/** `?embed=<id>`: one chart or table alone, filling the viewport, with a link to the full explorer. */
export function Embed({ id, fullLink }: { id: string; fullLink: string }) {
  const m = useMessages(APP_MESSAGES);
  const Chart = useMemo(
    () =>
      lazy(async () => {
        const feature = await FEATURES[EMBEDDABLE[id] ?? 'anatomy']();
        const Component = feature.charts[id];
        return { default: Component ?? (() => null) };
      }),
    [id],
  );
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
