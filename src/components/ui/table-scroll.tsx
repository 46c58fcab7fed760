import type { ReactNode } from 'react';

/**
 * The scrolling box around a wide table. It takes keyboard focus (tab stop) so a keyboard user can
 * scroll it sideways on a phone (WCAG 2.1.1; axe `scrollable-region-focusable`), and is a named
 * region: `labelledBy` is the id of the table's `<caption>`.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
