import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { CHART_IDS, SECTION_IDS, TABLE_IDS, chartMarkup, navigateInPage, openFullPage, pageProblems } from './page-helpers';
import { OPTIONAL_CHART_IDS, WORKER_CHART_IDS } from '../fixtures/ui-contract';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CHINESE = /[\u4e00-\u9fff]/;
const NO_CHINESE = /^[^\u4e00-\u9fff]+$/;

// Every preset × precision × accelerator is walked in Node (test/walk); here the real browser
// shows every section once per language, with a viewport as tall as the page.
describe('the explorer, fresh load', () => {
  it.each([
    ['en', 'en', NO_CHINESE, /LLM Scale Explorer/],
    ['zh', 'zh-CN', CHINESE, /大模型/],
  ] as const)('renders every section, chart and table with no console error (%s)', async (lang, htmlLang, script, title) => {
    const { page, errors, foreignRequests } = await openFullPage(browser, `${inject('baseUrl')}?lang=${lang}`);
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
    await page.context().close();
  });

  it('moving the size, the precision and the GPU changes the charts that depend on them', async () => {
    const { page, errors } = await openFullPage(browser, `${inject('baseUrl')}?lang=en`);
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
    await page.context().close();
  });
});
