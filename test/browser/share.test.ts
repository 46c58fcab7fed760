import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser';
import { CHART_IDS, SECTION_IDS, TABLE_IDS, fitViewportToPage, openFullPage, pageProblems, settle, waitForAllCharts, waitForAllSections } from './page-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TALL = { width: 1440, height: 12000 };

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

describe('sharing', () => {
  it('a slider move changes the URL, and that URL reproduces every number in a fresh page', async () => {
    const { page, errors } = await openFullPage(browser, `${inject('baseUrl')}?lang=en`, { fit: false });
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
    // Sections below the fold follow the store once they are on screen: show them all, then read.
    await fitViewportToPage(page);
    // Every section loaded (each mounts when it comes near the viewport), then caught up.
    await waitForAllSections(page);
    await settle(page);
    const texts = await sectionTexts(page);

    const fresh = await openFullPage(browser, url);
    const freshTexts = await sectionTexts(fresh.page);
    for (const id of SECTION_IDS) expect(freshTexts[id], `section ${id}`).toBe(texts[id]);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await page.context().close();
    await fresh.page.context().close();
  });

  it('each chart and table id embeds alone, reads the URL and never writes it', async () => {
    // Every embed at once, each in its iframe of one page (as a blog would show them).
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}?lang=en&m=gpt-3-175b&embed=timeline`);
    const ids = [...CHART_IDS, ...TABLE_IDS];
    const urlOf = (id: string) => `${inject('baseUrl')}?lang=en&m=gpt-3-175b&w=fp8&embed=${id}`;
    await page.setContent(ids.map((id) => `<iframe name="${id}" width="800" height="450" src="${urlOf(id).replace(/&/g, '&amp;')}"></iframe>`).join(''));
    const frames = await Promise.all(
      ids.map(async (id) => {
        const frame = await (await page.waitForSelector(`iframe[name="${id}"]`)).contentFrame();
        if (!frame) throw new Error(`no frame for ${id}`);
        const selector = (CHART_IDS as readonly string[]).includes(id) ? `figure[data-chart="${id}"] svg` : `[data-table="${id}"] table`;
        await frame.waitForSelector(selector, { timeout: 20_000 });
        await settle(frame);
        return [id, frame] as const;
      }),
    );
    for (const [id, frame] of frames) {
      expect(await frame.$$('main section'), `${id}: no sections`).toHaveLength(0);
      expect(await frame.$('aside'), `${id}: no controls`).toBeNull();
      const link = await frame.$eval('.embed__link a', (a) => (a as HTMLAnchorElement).href);
      expect(link).toContain('m=gpt-3-175b');
      expect(link).not.toContain('embed=');
      expect(frame.url()).toBe(urlOf(id));
    }
    expect(frames).toHaveLength(CHART_IDS.length + TABLE_IDS.length);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an embedded chart fills 16:9 and 4:3 iframes', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    for (const [width, height] of [
      [960, 540],
      [800, 600],
    ] as const) {
      const src = `${inject('baseUrl')}?lang=zh&embed=scaling-law`;
      await page.setContent(`<iframe src="${src}" width="${width}" height="${height}" style="border:0"></iframe>`);
      const frame = await (await page.waitForSelector('iframe')).contentFrame();
      if (!frame) throw new Error('no frame');
      const svg = await frame.waitForSelector('figure[data-chart="scaling-law"] svg.svg-plot', { timeout: 20_000 });
      const box = await svg.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(width * 0.85);
      expect(box?.height ?? 0).toBeGreaterThan(height * 0.5);
      expect(box?.height ?? 0).toBeLessThanOrEqual(height);
    }
    await context.close();
  });

  it('downloads real PNG and SVG images of a chart and a CSV of a table', async () => {
    const { page, errors } = await openFullPage(browser, `${inject('baseUrl')}?lang=en`, { fit: false });
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
    await page.context().close();
  });

  it('the single-file build works from file:// with no network', async () => {
    const file = `file://${resolve('dist-single/index.html')}?lang=en&m=mixtral-8x7b`;
    const context = await browser.newContext({ viewport: TALL, offline: true });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(file);
    await waitForAllCharts(page);
    await settle(page);
    expect(await pageProblems(page)).toEqual([]);
    expect(await page.textContent('#anatomy')).toMatch(/46\.7\s?B/);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
