import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type CDPSession, type ConsoleMessage, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this workplace needs (no background networking). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/**
 * One Chromium for the calling test file: launched before its first test (handed to `use`), closed
 * after its last. Call it at the file's top level.
 */
export function launchForFile(use: (browser: Browser) => void): void {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchBrowser();
    use(launched);
  });
  afterAll(async () => {
    await launched?.close();
  });
}

export interface WatchedPage {
  page: Page;
  errors: string[];
  /** Requests to any origin other than the page's own. */
  foreignRequests: string[];
}

/**
 * Sets the page's layout viewport (`innerWidth` × `innerHeight`, what IntersectionObserver,
 * `content-visibility` and media queries see) without resizing the browser's view of it: the
 * DevTools protocol's device-metrics override with `dontSetVisibleSize`. Every section then lays
 * out, renders and follows changes as on a screen that tall, while Chromium rasters and composites
 * only the view Playwright opened (1440 × 900). Resizing the view itself (`page.setViewportSize`)
 * made the browser process tile and colour-analyse its window at the full height: 8–10 CPU-seconds
 * per whole page here, against under 1 (docs/performance.md, "Test time").
 */
export async function setLayoutViewport(page: Page, width: number, height: number): Promise<void> {
  // One session per page, kept open: an override ends with the session that set it.
  let session = emulationSessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    emulationSessions.set(page, session);
  }
  await session.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false, dontSetVisibleSize: true });
}
const emulationSessions = new WeakMap<Page, CDPSession>();

/**
 * A page that records console errors, page errors and requests leaving the origin. The browser's
 * view is `width` × `height`; `layoutHeight` makes the layout viewport taller than that from the
 * first paint on (`setLayoutViewport`).
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: { width?: number; height?: number; layoutHeight?: number; locale?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  if (options.layoutHeight) await setLayoutViewport(page, options.width ?? 1440, options.layoutHeight);
  // Scripts run through tsx (esbuild keepNames) wrap functions passed to page.evaluate in __name().
  await page.addInitScript('globalThis.__name = globalThis.__name || ((target) => target);');
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(url).origin;
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const target = request.url();
    if (target.startsWith('data:') || target.startsWith('blob:')) return;
    if (new URL(target).origin !== origin) foreignRequests.push(target);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, foreignRequests };
}

/** Text of the page that a person reads, for NaN / undefined / Infinity checks. */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}
