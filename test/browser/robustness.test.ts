import { describe, expect, inject, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchForFile, setLayoutViewport } from './browser';
import { SECTION_IDS, navigateInPage, pageProblems, settle, waitForAllCharts } from './page-helpers';
import { INJECTION_PAYLOADS, TEN_KB } from '../fixtures/hostile';
import { decodeScenario, encodeScenario } from '../../src/scenario/url-codec';

let browser: Browser;
launchForFile((launched) => {
  browser = launched;
});

/** The browser's view: an ordinary screen. The page boots with its first sections only (the rest load on scroll). */
const SCREEN = { width: 1440, height: 900 };
/** A layout viewport 12,000 px tall (`setLayoutViewport`): every section loads and draws at once. */
const TALL = { width: 1440, height: 12000 };

/** Payloads that would set `window.__pwned` if any of them ever ran as script or markup. */
const PWN = [
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  'javascript:window.__pwned=1',
  '<script>window.__pwned=1</script>',
];

/** Where the comparison keeps its pins (compare.data.ts). */
const PINS_KEY = 'llm-scale-explorer:pins:v1';

const URL_KEYS = [
  'm', 'p', 'cfg', 'arch', 'w', 'kv', 'tw', 'gpu', 'cg', 'n', 'mfu', 'bwe', 'price', 'pue', 'kwh', 'tok', 'tpp',
  'attn', 'zero', 'tp', 'pp', 'mb', 'seq', 'rc', 'sp', 'cp', 'ep', 'vp', 'gb', 'cl', 'cc', 'in', 'out', 'b', 'rps', 'v', 'lang', 'units', 'embed',
];

interface Watched {
  page: Page;
  errors: string[];
  dialogs: string[];
  foreign: string[];
}

/** A page on an ordinary screen, with a layout viewport as tall as TALL unless `tall` is false. */
async function watchedPage(options: { init?: string; tall?: boolean } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: SCREEN, locale: 'en-US' });
  const page = await context.newPage();
  if (options.tall ?? true) await setLayoutViewport(page, TALL.width, TALL.height);
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

/** Pages booted at once, each in its own iframe of one tab (a tab per payload costs more). */
const BOOT_BATCH = 11;

async function pwned(page: Page | Frame): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

describe('hostile input in the browser', () => {
  it('garbled URLs render the page with a notice naming the ignored keys', async () => {
    // Booted on an ordinary screen (the notice and the sections' frames are at the top); the last
    // one is then shown whole, every chart drawn.
    const { page, errors, dialogs, foreign } = await watchedPage({ tall: false });
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
    await setLayoutViewport(page, TALL.width, TALL.height);
    await waitForAllCharts(page);
    await settle(page);
    expect(await pageProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('injection payloads in every URL key never run and never break the page', async () => {
    // A lone surrogate cannot be put in a URL at all (encodeURIComponent throws): skip those.
    const encodable = (text: string) => {
      try {
        encodeURIComponent(text);
        return true;
      } catch {
        return false;
      }
    };
    // A 10 kB payload × 33 keys would exceed any server's header limit (the garbled-URL test sends
    // 10 kB in one key), so the long payloads are left to that test.
    const payloads = [...PWN, ...INJECTION_PAYLOADS].filter((p) => encodable(p) && p.length <= 1000);
    const everyKey = (payload: string, keys: readonly string[]) => keys.map((key) => `${key}=${encodeURIComponent(payload)}`).join('&');

    // 1. The page boots with the payload in every key at once, `embed` included (no payload is a
    //    chart id, so the full explorer opens): a batch of pages at a time, each in its iframe.
    const boot = await watchedPage({ tall: false });
    for (let start = 0; start < payloads.length; start += BOOT_BATCH) {
      const batch = payloads.slice(start, start + BOOT_BATCH);
      const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      // setContent, not a navigation: the first blank page may load the local server in a frame.
      await boot.page.setContent(
        batch
          .map((payload, index) => `<iframe name="boot-${index}" width="800" height="300" src="${attribute(`${inject('baseUrl')}?${everyKey(payload, URL_KEYS)}`)}"></iframe>`)
          .join(''),
      );
      for (const [index, payload] of batch.entries()) {
        const frame = await (await boot.page.waitForSelector(`iframe[name="boot-${index}"]`)).contentFrame();
        if (!frame) throw new Error(`no frame for ${payload}`);
        await frame.waitForSelector('main section#anatomy', { timeout: 20_000 });
        expect(await pwned(frame), payload).toBeUndefined();
        expect(await frame.$$('main section'), payload).toHaveLength(SECTION_IDS.length);
        expect(await frame.$('[data-testid="ignored-notice"]'), payload).not.toBeNull();
      }
      expect(await pwned(boot.page)).toBeUndefined();
    }

    // 2. Every scenario those URLs decode to (defaults, clamped values), with every section drawn:
    //    one page moved from one to the next as Back/Forward moves it.
    const scenarioKeys = URL_KEYS.filter((key) => key !== 'embed');
    const byScenario = new Map(
      payloads.map((payload) => {
        const query = `?${everyKey(payload, scenarioKeys)}`;
        return [encodeScenario(decodeScenario(query).scenario), query] as const;
      }),
    );
    expect(byScenario.size).toBeGreaterThan(1);
    const full = await watchedPage();
    await full.page.goto(`${inject('baseUrl')}?lang=en`);
    await waitForAllCharts(full.page);
    for (const query of byScenario.values()) {
      await navigateInPage(full.page, query);
      await waitForAllCharts(full.page);
      expect(await pwned(full.page), query).toBeUndefined();
      expect(await pageProblems(full.page), query).toEqual([]);
    }

    for (const { page, errors, dialogs, foreign } of [boot, full]) {
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(foreign).toEqual([]);
      await page.context().close();
    }
  });

  it('a config.json with injection payloads is shown as text only', async () => {
    // The import and the slider are controls: an ordinary screen (a tall one drew every section for nothing).
    const { page, errors, dialogs } = await watchedPage({ tall: false });
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
    expect(page.url()).toBe(before);
    // The scenario is untouched: the next real change writes a URL with no custom config in it.
    await page.focus('aside input[type="range"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((old) => location.href !== old, before, { timeout: 30_000 });
    const after = new URL(page.url()).searchParams;
    expect(after.get('m')).not.toBe('custom');
    expect(after.has('cfg')).toBe(false);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('a pinned scenario named with a payload renders as text; corrupt storage is survived with a notice', async () => {
    // One page, reloaded with each stored value (a new browser context per value costs a cold start).
    const { page, errors, dialogs } = await watchedPage({ tall: false });
    await page.goto(`${inject('baseUrl')}?lang=en`);
    const reloadWithPins = async (stored: string) => {
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [PINS_KEY, stored] as const);
      await page.reload();
      // Scroll to the comparison until it has loaded (sections above it grow as they load).
      await page.waitForFunction(
        () => {
          document.getElementById('compare')?.scrollIntoView();
          return document.querySelector('[data-table="compare"] tbody tr') !== null;
        },
        undefined,
        { timeout: 20_000, polling: 100 },
      );
    };

    await reloadWithPins(JSON.stringify({ version: 1, pins: PWN.map((name) => ({ name, query: 'v=1&m=gpt-2' })) }));
    // Every pin is a row of the comparison, its name shown as text.
    await page.waitForFunction((count) => document.querySelectorAll('[data-table="compare"] tbody tr[data-row-id^="pin-"]').length === count, PWN.length, { timeout: 20_000 });
    const compareText = await page.textContent('[data-table="compare"]');
    for (const name of PWN) expect(compareText).toContain(name);
    expect(await page.$('[data-table="compare"] img')).toBeNull();
    expect(await pwned(page)).toBeUndefined();
    expect(await page.$('[data-testid="pins-notice"]')).toBeNull();

    for (const corrupt of ['{not json', '{"version":99,"pins":[]}', '{"version":1,"pins":[{"name":{"x":1},"query":7}]}', 'null']) {
      await reloadWithPins(corrupt);
      expect(await page.textContent('[data-testid="pins-notice"]'), corrupt).toBeTruthy();
      expect(await page.$$('main section')).toHaveLength(SECTION_IDS.length);
      expect(errors, corrupt).toEqual([]);
    }
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('a forced render error in one section leaves the others working and the scenario intact', async () => {
    const { page, errors } = await watchedPage({ init: "globalThis.__explorerFailSection = 'training';" });
    await page.goto(`${inject('baseUrl')}?lang=en&m=gpt-3-175b`);
    await page.waitForSelector('#training [role="alert"]', { timeout: 20_000 });
    // Every other section has loaded (the viewport reaches them all) before it is looked at.
    await page.waitForFunction(() => document.querySelector('main [aria-busy="true"]') === null, undefined, { timeout: 30_000 });
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
