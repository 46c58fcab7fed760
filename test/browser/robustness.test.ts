import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { SECTION_IDS, pageProblems, settle, waitForAllCharts } from './page-helpers';
import { INJECTION_PAYLOADS, TEN_KB } from '../fixtures/hostile';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TALL = { width: 1440, height: 12000 };

/** Payloads that would set `window.__pwned` if any of them ever ran as script or markup. */
const PWN = [
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  'javascript:window.__pwned=1',
  '<script>window.__pwned=1</script>',
];

const URL_KEYS = [
  'm', 'p', 'cfg', 'arch', 'w', 'kv', 'tw', 'gpu', 'cg', 'n', 'mfu', 'bwe', 'price', 'pue', 'kwh', 'tok', 'tpp',
  'attn', 'zero', 'tp', 'pp', 'mb', 'seq', 'rc', 'sp', 'in', 'out', 'b', 'rps', 'v', 'lang', 'units', 'embed',
];

interface Watched {
  page: Page;
  errors: string[];
  dialogs: string[];
  foreign: string[];
}

async function watchedPage(options: { init?: string } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: TALL, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(inject('baseUrl')).origin;
  if (options.init) await page.addInitScript(options.init);
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) foreign.push(url);
  });
  return { page, errors, dialogs, foreign };
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

describe('hostile input in the browser', () => {
  it('garbled URLs render the page with a notice naming the ignored keys', async () => {
    const { page, errors, dialogs, foreign } = await watchedPage();
    const garbled = [
      '?m=%E0%A4%A&n=-5&w=<b>&zzz=1',
      `?p=${TEN_KB}&arch=hidden:1e999,layers:NaN&cg=mem:x`,
      '?cfg=eyJtb2RlbF90eXBlIjoi&m=custom',
      '?v=999&lang=xx&units=furlongs&embed=../../etc',
      '?%%%&&&===&m=&gpu=h100-sxm%00',
    ];
    for (const query of garbled) {
      await page.goto(`${inject('baseUrl')}${query}`);
      await page.waitForSelector('main section#anatomy', { timeout: 20_000 });
      const notice = await page.textContent('[data-testid="ignored-notice"]');
      expect(notice, query).toBeTruthy();
      await page.click('[data-testid="ignored-notice"] button');
      expect(await page.$('[data-testid="ignored-notice"]')).toBeNull();
      expect(await page.$$('main section')).toHaveLength(SECTION_IDS.length);
    }
    await waitForAllCharts(page);
    await settle(page);
    expect(await pageProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('injection payloads in every URL key never run and never break the page', async () => {
    const { page, errors, dialogs, foreign } = await watchedPage();
    // A lone surrogate cannot be put in a URL at all (encodeURIComponent throws): skip those.
    const encodable = (text: string) => {
      try {
        encodeURIComponent(text);
        return true;
      } catch {
        return false;
      }
    };
    // Every key at once: a 10 kB payload × 33 keys would exceed any server's header limit (the
    // garbled-URL test sends 10 kB in one key), so the long payloads are left to that test.
    const payloads = [...PWN, ...INJECTION_PAYLOADS].filter((p) => encodable(p) && p.length <= 1000);
    for (const payload of payloads) {
      // Every key of the URL carries the payload at once (embed last, so the full page renders).
      const query = URL_KEYS.filter((key) => key !== 'embed')
        .map((key) => `${key}=${encodeURIComponent(payload)}`)
        .join('&');
      await page.goto(`${inject('baseUrl')}?${query}`);
      await page.waitForSelector('main section#anatomy', { timeout: 20_000 });
      expect(await pwned(page), payload).toBeUndefined();
      expect(await page.$$('main section'), payload).toHaveLength(SECTION_IDS.length);
      await page.goto(`${inject('baseUrl')}?embed=${encodeURIComponent(payload)}&m=${encodeURIComponent(payload)}`);
      await page.waitForSelector('main section#anatomy', { timeout: 20_000 });
      expect(await pwned(page), `embed=${payload}`).toBeUndefined();
    }
    await waitForAllCharts(page);
    await settle(page);
    expect(await pageProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('a config.json with injection payloads is shown as text only', async () => {
    const { page, errors, dialogs } = await watchedPage();
    await page.goto(`${inject('baseUrl')}?lang=en`);
    await page.waitForSelector('[data-testid="config-import"]');
    const before = page.url();
    await page.click('[data-testid="config-import"] summary');
    const hostileConfig = JSON.stringify({
      model_type: PWN[0],
      hidden_size: PWN[1],
      num_hidden_layers: 2,
      num_attention_heads: 4,
      intermediate_size: 64,
      vocab_size: 100,
    });
    await page.fill('[data-testid="config-text"]', hostileConfig);
    await page.click('[data-testid="config-import-button"]');
    const message = await page.textContent('[data-testid="import-message"]');
    expect(message).toMatch(/hidden_size/);
    expect(await page.$('[data-testid="import-message"] img, [data-testid="import-message"] svg')).toBeNull();
    expect(await pwned(page)).toBeUndefined();
    await page.waitForTimeout(600);
    expect(page.url()).toBe(before);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('a pinned scenario named with a payload renders as text; corrupt storage is survived with a notice', async () => {
    const pins = JSON.stringify({ version: 1, pins: PWN.map((name) => ({ name, query: 'v=1&m=gpt-2' })) });
    const good = await watchedPage({ init: `localStorage.setItem('llm-scale-explorer:pins:v1', ${JSON.stringify(pins)});` });
    await good.page.goto(`${inject('baseUrl')}?lang=en`);
    await good.page.waitForSelector('[data-table="compare"] tbody tr');
    await settle(good.page);
    const compareText = await good.page.textContent('[data-table="compare"]');
    expect(compareText).toContain('<img src=x onerror=');
    expect(await good.page.$('[data-table="compare"] img')).toBeNull();
    expect(await pwned(good.page)).toBeUndefined();
    expect(good.errors).toEqual([]);
    expect(good.dialogs).toEqual([]);
    await good.page.context().close();

    for (const corrupt of ['{not json', '{"version":99,"pins":[]}', '{"version":1,"pins":[{"name":{"x":1},"query":7}]}', 'null']) {
      const bad = await watchedPage({ init: `localStorage.setItem('llm-scale-explorer:pins:v1', ${JSON.stringify(corrupt)});` });
      await bad.page.goto(`${inject('baseUrl')}?lang=en`);
      await bad.page.waitForSelector('[data-table="compare"] tbody tr');
      expect(await bad.page.textContent('[data-testid="pins-notice"]'), corrupt).toBeTruthy();
      expect(await bad.page.$$('main section')).toHaveLength(SECTION_IDS.length);
      expect(bad.errors, corrupt).toEqual([]);
      await bad.page.context().close();
    }
  });

  it('a forced render error in one section leaves the others working and the scenario intact', async () => {
    const { page, errors } = await watchedPage({ init: "globalThis.__explorerFailSection = 'training';" });
    await page.goto(`${inject('baseUrl')}?lang=en&m=gpt-3-175b`);
    await page.waitForSelector('#training [role="alert"]', { timeout: 20_000 });
    for (const id of SECTION_IDS.filter((s) => s !== 'training')) {
      expect(await page.$(`#${id} [role="alert"]`), id).toBeNull();
    }
    await page.waitForSelector('figure[data-chart="scaling-law"] svg');
    expect(await page.$('figure[data-chart="training-memory"]')).toBeNull();
    expect(new URL(page.url()).searchParams.get('m')).toBe('gpt-3-175b');
    // The only errors are React's report of the forced failure.
    expect(errors.filter((e) => !e.includes('forced failure of section training'))).toEqual([]);
    await page.context().close();
  });
});
