import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchForFile, openPage, setLayoutViewport } from './browser';
import { CHART_IDS, TABLE_IDS, pageProblems, settle, waitForAllCharts } from './page-helpers';

let browser: Browser;
launchForFile((launched) => {
  browser = launched;
});

/** A layout viewport 12,000 px tall on an ordinary screen (`setLayoutViewport`): every section draws at once. */
const TALL = { width: 1440, height: 12000 };

describe('sharing', () => {
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

  it('the single-file build works from file:// with no network', async () => {
    const file = `file://${resolve('dist-single/index.html')}?lang=en&m=mixtral-8x7b`;
    const context = await browser.newContext({ viewport: { width: TALL.width, height: 900 }, offline: true });
    const page = await context.newPage();
    await setLayoutViewport(page, TALL.width, TALL.height);
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
