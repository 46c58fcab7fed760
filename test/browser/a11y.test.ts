import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchForFile, openPage } from './browser';
import { CHART_IDS, settle } from './page-helpers';
import { MARK_SELECTOR } from '../fixtures/ui-contract';
import { describeViolations, runAxe } from './a11y-axe';

let browser: Browser;
launchForFile((launched) => {
  browser = launched;
});

// Each axe run over the whole page takes tens of seconds here, so the matrix covers each dimension
// once rather than every combination: the width changes the layout (target sizes, reflow,
// overlap), the language changes only the words (names, labels, `lang`), and the theme only the
// colours (contrast). The desktop page runs in English with every data table open, in both
// themes (explorer.test.ts, on the English page it loads anyway); the phone page in Chinese
// (chinese-page.test.ts, on the Chinese page it loads anyway); a Chinese embed in both themes here.
describe('WCAG 2.2 AA (axe-core)', () => {
  it('has no violations in a Chinese embed, light and dark', async () => {
    const { page } = await openPage(browser, `${inject('baseUrl')}?lang=zh&embed=memory-precision`, { width: 960, height: 540 });
    await page.waitForSelector(`figure[data-chart="memory-precision"] ${MARK_SELECTOR.split(', ')[0]}`);
    await settle(page);
    const reports: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const violations = await runAxe(page);
      if (violations.length > 0) reports.push(describeViolations(`[embed zh ${colorScheme}]`, violations));
    }
    await page.context().close();
    if (reports.length > 0) console.log(reports.join('\n'));
    expect(reports).toEqual([]);
  });
});

/** Counts changes inside live regions (what a screen reader would announce) from now on. */
async function countAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const live = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"], output';
    const record = globalThis as unknown as { __announcements: string[] };
    record.__announcements = [];
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        const target = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
        const region = target?.closest(live);
        if (region) record.__announcements.push(region.textContent ?? '');
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const announcements = (page: Page) => page.evaluate(() => (globalThis as unknown as { __announcements: string[] }).__announcements.splice(0));

describe('keyboard, screen reader and print', () => {
  it('announces the size once after a 30-step key drag and once after a pointer drag', async () => {
    const { page } = await openPage(browser, `${inject('baseUrl')}?lang=en`, { width: 1440, height: 900 });
    // (Sections below the fold stay placeholders here, so `settle` would wait for them forever.)
    await page.waitForSelector(`figure[data-chart="param-breakdown"] ${MARK_SELECTOR.split(', ')[0]}`);
    await page.waitForTimeout(600);
    const slider = page.locator('[data-testid="size-slider"] input[type="range"]');
    await countAnnouncements(page);
    await slider.focus();
    for (let step = 0; step < 30; step++) await page.keyboard.press('ArrowRight', { delay: 10 });
    await page.waitForTimeout(900);
    const keyed = await announcements(page);
    console.log(`live-region changes, 30 arrow keys: ${keyed.length} ${JSON.stringify(keyed)}`);
    expect(keyed.length).toBeGreaterThanOrEqual(1);
    expect(keyed.length).toBeLessThanOrEqual(2);
    expect(keyed.at(-1)).toMatch(/^Size: /);

    const box = await slider.boundingBox();
    if (!box) throw new Error('no slider');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    for (let step = 1; step <= 40; step++) await page.mouse.move(box.x + box.width * (0.3 + step * 0.01), y);
    await page.mouse.up();
    await page.waitForTimeout(900);
    const dragged = await announcements(page);
    console.log(`live-region changes, pointer drag of 40 moves: ${dragged.length} ${JSON.stringify(dragged)}`);
    expect(dragged.length).toBeGreaterThanOrEqual(1);
    expect(dragged.length).toBeLessThanOrEqual(2);

    // The chart menu by keyboard (WAI-ARIA menu button).
    const button = page.locator('figure[data-chart="param-breakdown"] .chart-menu > button');
    await button.focus();
    await page.keyboard.press('Enter');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await focused()).toBe('Copy link');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Copy embed code');
    await page.keyboard.press('End');
    expect(await focused()).toBe('Download SVG');
    await page.keyboard.press('Home');
    expect(await focused()).toBe('Copy link');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Copy link');
    await page.mouse.click(5, 400);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await page.waitForFunction((element) => element === document.activeElement, await button.elementHandle());

    // The skip link is the first tab stop, shows when focused and moves focus to the main content.
    const first = await page.evaluate(() => document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')?.className);
    expect(first).toBe('skip-link');
    await page.focus('.skip-link');
    const shown = await page.$eval('.skip-link', (link) => link.getBoundingClientRect().left >= 0);
    expect(shown).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it('traps focus in the controls drawer on a phone and returns it on close', async () => {
    const { page } = await openPage(browser, `${inject('baseUrl')}?lang=zh`, { width: 390, height: 800 });
    await page.waitForSelector(`figure[data-chart="param-breakdown"] ${MARK_SELECTOR.split(', ')[0]}`);
    const inDrawer = () => page.evaluate(() => document.getElementById('controls')?.contains(document.activeElement) ?? false);
    // Closed: the off-screen controls are not tab stops.
    const toggle = page.locator('header .drawer-toggle');
    await toggle.focus();
    for (let step = 0; step < 5; step++) {
      await page.keyboard.press('Tab');
      expect(await inDrawer()).toBe(false);
    }
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.waitForFunction(() => document.getElementById('controls')?.contains(document.activeElement));
    for (let step = 0; step < 60; step++) {
      await page.keyboard.press(step % 7 === 6 ? 'Shift+Tab' : 'Tab');
      expect(await inDrawer()).toBe(true);
    }
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.waitForFunction(() => document.activeElement?.classList.contains('drawer-toggle'));
    await page.context().close();
  });

  it('prints every section and every chart of a fresh page', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}?lang=zh`, { width: 1440, height: 900 });
    // Print layout taken right after beforeprint: once the sections' code is preloaded (at idle),
    // the handler renders all of them synchronously.
    await page.waitForFunction(() => (globalThis as { __explorerSectionsPreloaded?: boolean }).__explorerSectionsPreloaded === true, undefined, { timeout: 20_000 });
    const drawnAtOnce = await page.evaluate(
      ({ ids, marks }) => {
        const before = ids.filter((id) => document.querySelector(`figure[data-chart="${id}"]`)).length;
        dispatchEvent(new Event('beforeprint'));
        const after = ids.filter((id) => document.querySelector(`figure[data-chart="${id}"]`)?.querySelector(marks));
        return { before, after: after.length };
      },
      { ids: [...CHART_IDS], marks: MARK_SELECTOR },
    );
    console.log(`charts on a fresh page: ${drawnAtOnce.before}; drawn synchronously in beforeprint: ${drawnAtOnce.after} of ${CHART_IDS.length}`);
    expect(drawnAtOnce.after).toBe(CHART_IDS.length);
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => ({
      controls: getComputedStyle(document.getElementById('controls')!).display,
      contentVisibility: [...document.querySelectorAll('main .section')].map((section) => getComputedStyle(section).contentVisibility),
      breaks: [...document.querySelectorAll('main .section')].slice(1).map((section) => getComputedStyle(section).breakBefore),
      sourceLink: (() => {
        const link = document.querySelector('main a[href^="http"]');
        return link ? getComputedStyle(link, '::after').content : '';
      })(),
    }));
    expect(layout.controls).toBe('none');
    expect(new Set(layout.contentVisibility)).toEqual(new Set(['visible']));
    expect(new Set(layout.breaks)).toEqual(new Set(['page']));
    expect(layout.sourceLink).toMatch(/http/);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('prints every chart when print media starts before any code is preloaded', async () => {
    const { page } = await openPage(browser, `${inject('baseUrl')}?lang=en`, { width: 1440, height: 900 });
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(
      ({ ids, marks }) => ids.every((id) => document.querySelector(`figure[data-chart="${id}"]`)?.querySelector(marks)),
      { ids: [...CHART_IDS], marks: MARK_SELECTOR },
      { timeout: 30_000, polling: 100 },
    );
    await page.context().close();
  });
});
