import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchForFile, type WatchedPage } from './browser';
import { CHART_IDS, SECTION_IDS, chartMarkup, fitViewportToPage, navigateInPage, openFullPage, pageProblems, settle } from './page-helpers';
import { describeViolations, runAxe } from './a11y-axe';
import { NO_CHINESE, expectWholePage, sectionTexts } from './whole-page';

let browser: Browser;
launchForFile((launched) => {
  browser = launched;
});

// Every preset × precision × accelerator is walked in Node (test/walk); here the real browser
// shows every section once per language, with a viewport as tall as the page. Each language's
// full page is loaded once and every check that needs a whole page runs on it, in order (a full
// page, and each change of its viewport's size, costs seconds of Chromium here): what it shows,
// the downloads, axe (on the page as loaded, so nothing has to take it back there), a slider step
// shared as a link, in-page navigation.
describe('the explorer in English', () => {
  let english: WatchedPage;
  beforeAll(async () => {
    english = await openFullPage(browser, `${inject('baseUrl')}?lang=en`);
  });
  afterAll(async () => {
    await english?.page.context().close();
  });

  it('renders every section, chart and table with no console error', async () => {
    await expectWholePage(english, 'en', NO_CHINESE, /LLM Scale Explorer/);
  });

  it('downloads real PNG and SVG images of a chart and a CSV of a table', async () => {
    const { page, errors } = english;
    const figure = page.locator('figure[data-chart="memory-precision"]');
    await figure.locator('.chart-menu > button').click();
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), figure.locator('[data-action="svg"]').click()]);
    const svg = await readFile((await svgDownload.path()) ?? '', 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect((svg.match(/<path|<rect/g) ?? []).length).toBeGreaterThan(5);

    // A chart with a legend: the file carries the title, the curves and the legend's names.
    const scaling = page.locator('figure[data-chart="scaling-law"]');
    await scaling.locator('.chart-menu > button').click();
    const [scalingDownload] = await Promise.all([page.waitForEvent('download'), scaling.locator('[data-action="svg"]').click()]);
    const scalingSvg = await readFile((await scalingDownload.path()) ?? '', 'utf8');
    expect(scalingSvg).toContain('Loss vs training compute');
    expect(scalingSvg).toContain('Hoffmann 2022 · this size');
    expect((scalingSvg.match(/<path[^>]*class="chart-mark"/g) ?? []).length).toBe(6);
    expect(scalingSvg).not.toMatch(/NaN|Infinity/);

    // Choosing an item closed the menu (APG menu button): one click opens it again.
    await figure.locator('.chart-menu > button').click();
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), figure.locator('[data-action="png"]').click()]);
    const png = await readFile((await pngDownload.path()) ?? '');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(200);
    expect(png.length).toBeGreaterThan(5000);

    const table = page.locator('[data-table="compare"]');
    const rowCount = await table.locator('tbody tr').count();
    const headerCount = await table.locator('thead th').count();
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), table.locator('[data-action="csv"]').click()]);
    const csv = (await readFile((await csvDownload.path()) ?? '', 'utf8')).trimEnd().split('\r\n');
    expect(csv).toHaveLength(rowCount + 1);
    expect(csv[0]?.split(',').length).toBe(headerCount);
    expect(errors).toEqual([]);
  });

  it('has no WCAG 2.2 AA violations (axe-core) at 1440 px, light and dark, with every data table open', { timeout: 240_000 }, async () => {
    // On the page as it loads first (the tests after this one move it). Every chart's data table
    // open, so axe checks them too; closed again and the light theme back at the end.
    const { page } = english;
    await page.$$eval('details.chart__data > summary', (toggles) => toggles.forEach((toggle) => (toggle as HTMLElement).click()));
    await page.waitForFunction(() => document.querySelectorAll('details.chart__data table').length === document.querySelectorAll('details.chart__data').length);
    // The page grew: every section on screen again (content-visibility skips the others, and axe
    // cannot judge the contrast of what is not rendered).
    await fitViewportToPage(page, 1440);
    await settle(page);
    const reports: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      // The dark run checks contrast (the theme changes colours only), the light run everything.
      const violations = await runAxe(page, colorScheme === 'dark' ? ['color-contrast'] : undefined);
      if (violations.length > 0) reports.push(describeViolations(`[1440 en ${colorScheme}]`, violations));
    }
    if (reports.length > 0) console.log(reports.join('\n'));
    expect(reports).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.$$eval('details.chart__data[open] > summary', (toggles) => toggles.forEach((toggle) => (toggle as HTMLElement).click()));
    await page.waitForFunction(() => document.querySelectorAll('details.chart__data[open]').length === 0);
    await settle(page);
  });

  it('a slider move changes the URL, and that URL reproduces every number in a fresh page', async () => {
    const { page, errors } = english;
    const before = page.url();
    const slider = page.locator('aside input[type="range"]').first();
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    // Every section of the page follows the five steps before the idle write (alone here about
    // 1–2 s; with lint, type-check and both test workers on two cores it once took over 5 s): the
    // limit catches a URL that never follows, not a slow one.
    await page.waitForFunction((old) => location.href !== old, before, { timeout: 30_000 });
    await settle(page);
    // The address bar follows the store 250 ms after the last change, when the page is idle: wait
    // until it has stayed the same for a second, so it holds the last step, not an earlier one.
    await page.waitForFunction(
      () => {
        const state = globalThis as unknown as { __lastHref?: string; __hrefSince?: number };
        if (state.__lastHref !== location.href) {
          state.__lastHref = location.href;
          state.__hrefSince = performance.now();
        }
        return performance.now() - (state.__hrefSince ?? 0) > 1000;
      },
      undefined,
      { timeout: 30_000, polling: 100 },
    );
    const url = page.url();
    expect(url).not.toBe(before);
    expect(new URL(url).searchParams.get('v')).toBe('1');
    const historyLength = await page.evaluate(() => history.length);
    expect(historyLength).toBeLessThanOrEqual(2); // replaceState while dragging: no flood
    // The page is as tall as the viewport, so every section followed the change.
    await fitViewportToPage(page);
    await settle(page);
    const texts = await sectionTexts(page);

    const fresh = await openFullPage(browser, url);
    const freshTexts = await sectionTexts(fresh.page);
    for (const id of SECTION_IDS) expect(freshTexts[id], `section ${id}`).toBe(texts[id]);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await fresh.page.context().close();
  });


  it('moving the size, the precision and the GPU changes the charts that depend on them', async () => {
    const { page, errors } = english;
    const markup = async () => Object.fromEntries(await Promise.all(CHART_IDS.map(async (id) => [id, await chartMarkup(page, id)])));
    const before = await markup();

    await navigateInPage(page, '?lang=en&m=size&p=1e12');
    const afterSize = await markup();
    for (const id of ['param-breakdown', 'memory-precision', 'cost-vs-scale', 'scaling-law', 'inference-memory', 'training-memory']) {
      expect(afterSize[id], `${id} after size`).not.toBe(before[id]);
    }

    await navigateInPage(page, '?lang=en&m=size&p=1e12&w=int4');
    const afterPrecision = await markup();
    for (const id of ['memory-precision', 'inference-memory', 'compression', 'hardware-timeline']) {
      expect(afterPrecision[id], `${id} after precision`).not.toBe(afterSize[id]);
    }

    await navigateInPage(page, '?lang=en&m=size&p=1e12&w=int4&gpu=mi300x');
    const afterGpu = await markup();
    for (const id of ['memory-precision', 'inference-memory', 'inference-throughput', 'training-memory', 'deployment']) {
      expect(afterGpu[id], `${id} after GPU`).not.toBe(afterPrecision[id]);
    }
    expect(await pageProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
