import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, type WatchedPage } from './browser';
import { CHART_IDS, SECTION_IDS, TABLE_IDS, chartMarkup, fitViewportToPage, navigateInPage, openFullPage, pageProblems, settle } from './page-helpers';
import { describeViolations, runAxe } from './a11y-axe';
import { OPTIONAL_CHART_IDS, WORKER_CHART_IDS } from '../fixtures/ui-contract';
import { strayEnglish } from '../fixtures/zh-latin';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CHINESE = /[\u4e00-\u9fff]/;
const NO_CHINESE = /^[^\u4e00-\u9fff]+$/;

/**
 * The text a Chinese reader sees or hears (text nodes, aria-label, title, placeholder) outside
 * what is marked as English (`lang="en"`: references) or code (`code`, `kbd`, `samp`).
 */
function readableTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = 'script,style,code,kbd,samp,noscript,[lang="en"],[lang^="en-"]';
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = (node.textContent ?? '').trim();
      if (parent && text && !parent.closest(skip)) texts.push(text);
    }
    for (const element of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
      if (element.closest(skip)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}


/**
 * The text of every section, numbers included — except how long this browser took to plan
 * (`[data-measured-time]`: the planner's own search time, which no link can reproduce).
 */
function sectionTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    (ids) => {
      for (const element of document.querySelectorAll<HTMLElement>('[data-measured-time]')) element.style.display = 'none';
      const texts = Object.fromEntries(ids.map((id) => [id, (document.getElementById(id) as HTMLElement | null)?.innerText ?? '']));
      for (const element of document.querySelectorAll<HTMLElement>('[data-measured-time]')) element.style.display = '';
      return texts;
    },
    [...SECTION_IDS],
  );
}

/** What a fresh full page must show in its language: every section, chart and table, nothing broken. */
async function expectWholePage(watched: WatchedPage, htmlLang: string, script: RegExp, title: RegExp): Promise<void> {
  const { page, errors, foreignRequests } = watched;
  const sections = await page.$$eval('main section', (nodes) => nodes.map((node) => node.id));
  expect(sections).toEqual([...SECTION_IDS]);
  for (const id of TABLE_IDS) expect(await page.$(`[data-table="${id}"] table tbody tr`), `table ${id}`).not.toBeNull();
  expect(await pageProblems(page)).toEqual([]);
  expect(await page.getAttribute('html', 'lang')).toBe(htmlLang);
  // Every section heading and every chart title is in the page's language.
  const headings = await page.$$eval('main section h2, figure figcaption .chart__title', (nodes) => nodes.map((n) => n.textContent ?? ''));
  expect(headings).toHaveLength(SECTION_IDS.length + CHART_IDS.length + OPTIONAL_CHART_IDS.length + WORKER_CHART_IDS.length);
  for (const heading of headings) expect(heading, heading).toMatch(script);
  expect(await page.title()).toMatch(title);
  expect(errors).toEqual([]);
  expect(foreignRequests).toEqual([]);
}

// Every preset × precision × accelerator is walked in Node (test/walk); here the real browser
// shows every section once per language, with a viewport as tall as the page. Each language's
// full page is loaded once and every check that needs a whole page runs on it, in order (a full
// page costs seconds of layout and paint on this machine): what it shows, the downloads, a
// slider step shared as a link, in-page navigation, and last axe (it opens every table).
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

  it('a slider move changes the URL, and that URL reproduces every number in a fresh page', async () => {
    const { page, errors } = english;
    const before = page.url();
    const slider = page.locator('aside input[type="range"]').first();
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((old) => location.href !== old, before, { timeout: 5000 });
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
      { timeout: 10_000, polling: 100 },
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

  it('has no WCAG 2.2 AA violations (axe-core) at 1440 px, light and dark, with every data table open', { timeout: 240_000 }, async () => {
    // Last: it opens every table and switches the theme. Back to the page as it loads first.
    const { page } = english;
    await navigateInPage(page, '?lang=en');
    // Every chart's data table open, so axe checks them too.
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
  });
});

describe('the explorer in Chinese', () => {
  let chinese: WatchedPage;
  beforeAll(async () => {
    chinese = await openFullPage(browser, `${inject('baseUrl')}?lang=zh`);
  });
  afterAll(async () => {
    await chinese?.page.context().close();
  });

  it('renders every section, chart and table with no console error', async () => {
    await expectWholePage(chinese, 'zh-CN', CHINESE, /大模型/);
  });

  it('shows no English beyond product names, units, code and marked references', async () => {
    const stray = new Map<string, string>();
    for (const text of await readableTexts(chinese.page)) {
      for (const run of strayEnglish(text)) if (!stray.has(run)) stray.set(run, text.slice(0, 120));
    }
    expect([...stray.entries()]).toEqual([]);
    expect(chinese.errors).toEqual([]);
  });
});
