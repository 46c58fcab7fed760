import { describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchForFile, openPage } from './browser';

/**
 * Issue #16 in a real browser: out-of-range links rewritten with a notice, table embeds that fit a
 * 960×540 slide, and the theme parameter, on small pages. (The Chinese page's scan for stray English
 * runs on the full Chinese page that explorer.test.ts loads anyway.)
 */
let browser: Browser;
launchForFile((launched) => {
  browser = launched;
});

describe('honest links', () => {
  it('an out-of-range link is rewritten in the address bar, and a notice names each change', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}?lang=en&n=0&mfu=7&m=size&p=1e15`, { width: 1440, height: 900 });
    const notice = await page.waitForSelector('[data-testid="ignored-notice"]');
    const lines = await notice.$$eval('li', (items) => items.map((item) => item.textContent ?? ''));
    expect(lines).toEqual([
      'Model size was 1,000T; the largest is 100T. (link key p)',
      'GPUs was 0; the smallest is 1. (link key n)',
      'MFU (share of peak compute used) was 700%; the largest is 100%. (link key mfu)',
    ]);
    const search = new URLSearchParams(new URL(page.url()).search);
    expect([search.get('p'), search.get('n'), search.get('mfu'), search.get('lang')]).toEqual(['1e14', '1', '1', 'en']);
    // Dismissed, it goes; the page works on.
    await page.click('[data-testid="ignored-notice"] button');
    expect(await page.$('[data-testid="ignored-notice"]')).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an embed shows the same notice (in Chinese) and never writes the URL', async () => {
    const url = `${inject('baseUrl')}?lang=zh&embed=memory-precision&n=0`;
    const { page, errors } = await openPage(browser, url, { width: 960, height: 540 });
    const notice = await page.waitForSelector('[data-testid="ignored-notice"]');
    expect(await notice.textContent()).toContain('GPU 数量原为 0；最小只能是 1。');
    expect(page.url()).toBe(url);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('embeds for slides', () => {
  for (const table of ['article-check', 'compare', 'validation']) {
    it(`?embed=${table} fits 960×540 without scrolling: top rows and a link to the rest`, async () => {
      const { page, errors } = await openPage(browser, `${inject('baseUrl')}?lang=zh&embed=${table}`, { width: 960, height: 540 });
      await page.waitForSelector(`[data-table="${table}"] tbody tr`, { timeout: 20_000 });
      await page.waitForSelector('[data-testid="embed-more"]', { timeout: 20_000 });
      const fit = await page.evaluate(() => ({
        scroll: document.documentElement.scrollHeight,
        height: innerHeight,
        shown: document.querySelectorAll('[data-table] tbody tr:not([hidden])').length,
        more: document.querySelector('[data-testid="embed-more"]')?.textContent ?? '',
        link: document.querySelector('.embed__link a')?.getBoundingClientRect().bottom ?? Infinity,
      }));
      expect(fit.scroll).toBeLessThanOrEqual(fit.height);
      expect(fit.shown).toBeGreaterThan(0);
      expect(fit.more).toMatch(/^另有 \d+ 行/);
      expect(fit.link).toBeLessThanOrEqual(540);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('?theme=dark and ?theme=light override the reader’s setting; auto follows it', async () => {
    const background = async (query: string, colorScheme: 'light' | 'dark') => {
      const { page } = await openPage(browser, `${inject('baseUrl')}${query}`, { width: 800, height: 500, colorScheme });
      await page.waitForSelector('main');
      const value = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      await page.context().close();
      return value;
    };
    const light = 'rgb(255, 255, 255)'; // --bg of the light theme, #ffffff
    const dark = 'rgb(18, 22, 27)'; // --bg of the dark theme, #12161b
    expect(await background('?embed=memory-precision&theme=dark', 'light')).toBe(dark);
    expect(await background('?embed=memory-precision&theme=light', 'dark')).toBe(light);
    expect(await background('?embed=memory-precision&theme=auto', 'dark')).toBe(dark);
    expect(await background('?embed=memory-precision', 'light')).toBe(light);
  });
});
