import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { WatchedPage } from './browser';
import { CHART_IDS, SECTION_IDS, TABLE_IDS, pageProblems } from './page-helpers';
import { OPTIONAL_CHART_IDS, WORKER_CHART_IDS } from '../fixtures/ui-contract';

// The checks a whole page gets in each language: explorer.test.ts loads the English page,
// chinese-page.test.ts the Chinese one (at phone width, where axe also runs on it).

export const CHINESE = /[\u4e00-\u9fff]/;
export const NO_CHINESE = /^[^\u4e00-\u9fff]+$/;

/**
 * The text a Chinese reader sees or hears (text nodes, aria-label, title, placeholder) outside
 * what is marked as English (`lang="en"`: references) or code (`code`, `kbd`, `samp`).
 */
export function readableTexts(page: Page): Promise<string[]> {
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
export function sectionTexts(page: Page): Promise<Record<string, string>> {
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
export async function expectWholePage(watched: WatchedPage, htmlLang: string, script: RegExp, title: RegExp): Promise<void> {
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
