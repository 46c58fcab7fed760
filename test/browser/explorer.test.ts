import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { MODELS } from '../../src/data/models';
import { launchBrowser, openPage, visibleText } from './browser';
import { CHART_IDS, SECTION_IDS, TABLE_IDS, chartMarkup, navigateInPage, pageProblems, settle, waitForAllCharts } from './page-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A tall viewport puts every section near the viewport, so every chart follows every change. */
const TALL = { width: 1440, height: 12000 };

describe('the explorer, fresh load', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`renders every section, chart and table with no console error (${lang})`, async () => {
      const { page, errors, foreignRequests } = await openPage(browser, `${inject('baseUrl')}?lang=${lang}`, TALL);
      await waitForAllCharts(page);
      await settle(page);
      for (const id of SECTION_IDS) expect(await page.$(`main section#${id}`), `section ${id}`).not.toBeNull();
      for (const id of TABLE_IDS) expect(await page.$(`[data-table="${id}"] table tbody tr`), `table ${id}`).not.toBeNull();
      expect(await pageProblems(page)).toEqual([]);
      expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      if (lang === 'zh') {
        // Every section heading and every chart title is Chinese.
        const headings = await page.$$eval('main section h2, figure figcaption .chart__title', (nodes) => nodes.map((n) => n.textContent ?? ''));
        expect(headings.length).toBeGreaterThanOrEqual(SECTION_IDS.length + CHART_IDS.length);
        for (const heading of headings) expect(heading, heading).toMatch(/[\u4e00-\u9fff]/);
        expect(await page.title()).toMatch(/大模型/);
      }
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      await page.context().close();
    });
  }

  it('moving the size, the precision and the GPU changes the charts that depend on them', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}?lang=en`, TALL);
    await waitForAllCharts(page);
    await settle(page);
    const before = Object.fromEntries(await Promise.all(CHART_IDS.map(async (id) => [id, await chartMarkup(page, id)])));

    await navigateInPage(page, '?lang=en&m=size&p=1e12');
    const afterSize = Object.fromEntries(await Promise.all(CHART_IDS.map(async (id) => [id, await chartMarkup(page, id)])));
    for (const id of ['param-breakdown', 'memory-precision', 'cost-vs-scale', 'scaling-law', 'inference-memory', 'training-memory']) {
      expect(afterSize[id], `${id} after size`).not.toBe(before[id]);
    }

    await navigateInPage(page, '?lang=en&m=size&p=1e12&w=int4');
    const afterPrecision = Object.fromEntries(await Promise.all(CHART_IDS.map(async (id) => [id, await chartMarkup(page, id)])));
    for (const id of ['memory-precision', 'inference-memory', 'compression', 'hardware-timeline']) {
      expect(afterPrecision[id], `${id} after precision`).not.toBe(afterSize[id]);
    }

    await navigateInPage(page, '?lang=en&m=size&p=1e12&w=int4&gpu=mi300x');
    const afterGpu = Object.fromEntries(await Promise.all(CHART_IDS.map(async (id) => [id, await chartMarkup(page, id)])));
    for (const id of ['memory-precision', 'inference-memory', 'inference-throughput', 'training-memory', 'deployment']) {
      expect(afterGpu[id], `${id} after GPU`).not.toBe(afterPrecision[id]);
    }
    expect(await pageProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('walks every model preset × 3 precisions × 3 accelerators without NaN, Infinity, undefined or an empty chart', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}?lang=en`, TALL);
    await waitForAllCharts(page);
    const models = MODELS.map((model) => model.id);
    expect(models.length).toBeGreaterThanOrEqual(25);
    const failures: string[] = [];
    for (const model of models) {
      for (const precision of ['bf16', 'fp8', 'q4_k_m']) {
        for (const gpu of ['h100-sxm', 'rtx-4090', 'tpu-v5e']) {
          await navigateInPage(page, `?lang=en&m=${model}&w=${precision}&kv=${precision === 'q4_k_m' ? 'q8_0' : precision}&gpu=${gpu}`);
          const problems = await pageProblems(page);
          if (problems.length > 0) failures.push(`${model} ${precision} ${gpu}: ${problems.join('; ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
    const text = await visibleText(page);
    expect(text.length).toBeGreaterThan(1000);
    await page.context().close();
  }, 1_200_000);
});
