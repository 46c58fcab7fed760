import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchForFile, type WatchedPage } from './browser';
import { openFullPage } from './page-helpers';
import { describeViolations, runAxe } from './a11y-axe';
import { CHINESE, expectWholePage, readableTexts } from './whole-page';
import { strayEnglish } from '../fixtures/zh-latin';

let browser: Browser;
launchForFile((launched) => {
  browser = launched;
});

// The Chinese whole page, loaded once at phone width (390 px), carries every whole-page check of
// that language and axe's phone-width run. (It was loaded twice, at 1440 px for the text checks
// and at 390 px for axe; a whole page costs 15–20 s of Chromium here, and nothing the text checks
// read depends on the width.) The English page at 1440 px is explorer.test.ts's.
describe('the explorer in Chinese, at 390 px', () => {
  let chinese: WatchedPage;
  beforeAll(async () => {
    chinese = await openFullPage(browser, `${inject('baseUrl')}?lang=zh`, { width: 390 });
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

  it('has no WCAG 2.2 AA violations (axe-core) at 390 px', { timeout: 240_000 }, async () => {
    const violations = await runAxe(chinese.page);
    if (violations.length > 0) console.log(describeViolations('[390 zh light]', violations));
    expect(violations.map((violation) => violation.id)).toEqual([]);
  });
});
