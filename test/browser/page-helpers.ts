import type { Browser, Frame, Page } from 'playwright-core';
import { BAD_TEXT, CHART_IDS, MARK_SELECTOR, SECTION_IDS } from '../fixtures/ui-contract';
import { openPage, setLayoutViewport, type WatchedPage } from './browser';

export { CHART_IDS, SECTION_IDS, TABLE_IDS } from '../fixtures/ui-contract';

/**
 * Waits until every chart has followed the latest scenario: the render queue is empty and the page
 * has not changed for `quietMs` (Recharts finishes some updates in effects after the commit).
 */
export async function settle(page: Page | Frame, timeout = 30_000, quietMs = 200): Promise<void> {
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

/**
 * Problems a person would see: NaN / Infinity / undefined / null / [object Object] in the text, a
 * section showing its error message, a missing or empty chart, NaN / Infinity in a chart's SVG.
 */
export async function pageProblems(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ chartIds, badText, markSelector }) => {
      const problems: string[] = [];
      const text = document.body.innerText;
      for (const match of text.matchAll(new RegExp(badText, 'g'))) problems.push(`text: ${match[0]}`);
      for (const alert of document.querySelectorAll('main section [role="alert"]')) problems.push(`error in section ${alert.closest('section')?.id}`);
      for (const id of chartIds) {
        const figure = document.querySelector(`figure[data-chart="${id}"]`);
        if (!figure) {
          problems.push(`missing chart ${id}`);
          continue;
        }
        if (figure.querySelectorAll(markSelector).length === 0) problems.push(`empty chart ${id}`);
        const markup = [...figure.querySelectorAll('svg')].map((svg) => svg.outerHTML).join('');
        if (/NaN|Infinity/.test(markup)) problems.push(`NaN in chart ${id}`);
      }
      return problems;
    },
    { chartIds: [...CHART_IDS], badText: BAD_TEXT.source, markSelector: MARK_SELECTOR },
  );
}

/**
 * Makes the layout viewport as tall as the page (`setLayoutViewport`), so every section is on
 * screen: every section's code loads and every chart follows every change at once (nothing waits
 * for a scroll). Repeats until the height holds, as sections that load make the page taller.
 */
export async function fitViewportToPage(page: Page, width = 1440): Promise<number> {
  let height = await page.evaluate(() => innerHeight);
  const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight);
  for (let round = 0; round < 10; round++) {
    // Every placeholder on screen first, so each section loads, then wait for them to load.
    const measured = await pageHeight();
    if (measured > height) {
      height = measured;
      await setLayoutViewport(page, width, height);
    }
    await page.waitForFunction(() => document.querySelector('main [aria-busy="true"]') === null, undefined, { timeout: 30_000, polling: 50 });
    if ((await pageHeight()) <= height) return height;
  }
  throw new Error(`the page kept growing (${height} px)`);
}

/**
 * Waits until every section is mounted with its content: each loads when it comes near the
 * viewport, and until its code has arrived a placeholder with the same id (and `aria-busy`, no
 * text) stands in for it — so the id alone does not say the section is there.
 */
export async function waitForAllSections(page: Page): Promise<void> {
  await page.waitForFunction(
    (ids) => ids.every((id) => {
      const section = document.getElementById(id);
      return section !== null && section.getAttribute('aria-busy') !== 'true';
    }),
    [...SECTION_IDS],
    { timeout: 60_000, polling: 100 },
  );
}

/**
 * A watched page (see `openPage`) with every section loaded, every chart drawn and settled, 1440 px
 * wide unless `width` says otherwise. Its layout viewport is 12,000 px tall (within 1.5 screens of
 * it every section's code loads at once), and with `fit` as tall as the page: then every chart is
 * on screen and follows a change at once (`setLayoutViewport`: the browser's view stays 900 px).
 */
export async function openFullPage(browser: Browser, url: string, options: { fit?: boolean; locale?: string; width?: number } = {}): Promise<WatchedPage> {
  const width = options.width ?? 1440;
  const watched = await openPage(browser, url, { width, layoutHeight: 12_000, ...(options.locale ? { locale: options.locale } : {}) });
  if (options.fit ?? true) {
    await fitViewportToPage(watched.page, width);
    await waitForAllSections(watched.page);
  }
  await waitForAllCharts(watched.page);
  await settle(watched.page);
  return watched;
}
