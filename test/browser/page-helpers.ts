import type { Page } from 'playwright-core';

/** Section ids, chart ids and table ids of ui.md (the contract, copied here on purpose). */
export const SECTION_IDS = [
  'anatomy', 'timeline', 'memory', 'training', 'scaling', 'inference', 'moe', 'compression',
  'hardware', 'deployment', 'compare', 'article', 'sources',
] as const;
export const CHART_IDS = [
  'param-breakdown', 'timeline', 'memory-precision', 'training-memory', 'cost-vs-scale', 'scaling-law',
  'compute-optimal', 'inference-memory', 'inference-throughput', 'moe', 'compression', 'hardware-timeline',
  'deployment',
] as const;
export const TABLE_IDS = ['compare', 'article-check', 'validation'] as const;

/**
 * Waits until every chart has followed the latest scenario: the render queue is empty and the page
 * has not changed for `quietMs` (Recharts finishes some updates in effects after the commit).
 */
export async function settle(page: Page, timeout = 30_000, quietMs = 200): Promise<void> {
  await page.evaluate(
    ({ timeout, quietMs }) =>
      new Promise<void>((resolve, reject) => {
        const pending = (globalThis as unknown as { __explorerPendingRenders?: () => number }).__explorerPendingRenders;
        let last = performance.now();
        const observer = new MutationObserver(() => {
          last = performance.now();
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const started = performance.now();
        const check = () => {
          const now = performance.now();
          const busy = (pending?.() ?? 0) > 0 || document.querySelector('[aria-busy="true"]') !== null;
          if (busy) last = now;
          if (!busy && now - last >= quietMs) {
            observer.disconnect();
            resolve();
          } else if (now - started > timeout) {
            observer.disconnect();
            reject(new Error('page did not settle'));
          } else setTimeout(check, 25);
        };
        check();
      }),
    { timeout, quietMs },
  );
}

/** Waits until every section and every chart of the page is on the page with a drawn SVG. */
export async function waitForAllCharts(page: Page): Promise<void> {
  await page.waitForFunction(
    (ids) => ids.every((id) => document.querySelector(`figure[data-chart="${id}"] svg .recharts-layer, figure[data-chart="${id}"] svg path, figure[data-chart="${id}"] svg rect`)),
    [...CHART_IDS],
    { timeout: 30_000, polling: 100 },
  );
}

/** Markup of one chart's SVG (to see whether a control changed it). */
export function chartMarkup(page: Page, id: string): Promise<string> {
  // Every plot of the figure (legend icons are svgs too, and come first in Recharts 3); plain-SVG
  // charts mark theirs `svg.svg-plot`.
  return page.$eval(`figure[data-chart="${id}"]`, (figure) =>
    [...figure.querySelectorAll('.recharts-wrapper > svg, svg.svg-plot')].map((svg) => svg.outerHTML).join('\n'),
  );
}

/** Jump to another scenario in-page, the way Back/Forward does (popstate), without reloading. */
export async function navigateInPage(page: Page, query: string): Promise<void> {
  await page.evaluate((q) => {
    history.pushState(null, '', `${location.pathname}${q}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, query);
  await settle(page);
}

/** Problems a person would see: NaN / Infinity / undefined in text, empty charts. */
export async function pageProblems(page: Page): Promise<string[]> {
  return page.evaluate((chartIds) => {
    const problems: string[] = [];
    const text = document.body.innerText;
    for (const match of text.matchAll(/.{0,30}\b(NaN|Infinity|undefined|null)\b.{0,30}/g)) problems.push(`text: ${match[0]}`);
    for (const id of chartIds) {
      const figure = document.querySelector(`figure[data-chart="${id}"]`);
      if (!figure) {
        problems.push(`missing chart ${id}`);
        continue;
      }
      const marks = figure.querySelectorAll(
        'svg .chart-mark, svg .recharts-bar-rectangle, svg .recharts-line-curve, svg .recharts-area-area, svg .recharts-scatter-symbol, svg .recharts-rectangle, svg path.recharts-curve',
      );
      if (marks.length === 0) problems.push(`empty chart ${id}`);
      const markup = [...figure.querySelectorAll('svg')].map((svg) => svg.outerHTML).join('');
      if (/NaN|Infinity/.test(markup)) problems.push(`NaN in chart ${id}`);
    }
    return problems;
  }, [...CHART_IDS]);
}
