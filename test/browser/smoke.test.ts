import { describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchForFile, openPage, visibleText } from './browser';

let browser: Browser;
launchForFile((launched) => {
  browser = launched;
});

describe('production build in headless Chromium', () => {
  it('loads from a sub-path, shows the explorer and core results, with no console error', async () => {
    const { page, errors, foreignRequests } = await openPage(browser, inject('baseUrl'));
    await page.waitForSelector('main section', { timeout: 20_000 });
    const title = await page.title();
    expect(title).toContain('LLM Scale Explorer');
    const text = await visibleText(page);
    expect(text).toMatch(/70\.6\s?B|705亿|706亿/);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.context().close();
  });
});
