/**
 * The floor under issue #12's keyboard budget (prints numbers; not a test). Measures keyboard →
 * next paint, exactly as `bench-ui.ts` does (Event Timing `duration` of each arrow key's keydown,
 * input and keyup; events under 16 ms are not reported and count as 16), on reference pages that
 * do less and less of what the explorer does, and on the explorer itself, in the same browser
 * and the same minutes:
 *
 *   bare   (index.html) one range input and a text span, a native `input` listener (no framework);
 *   react  React 19: one controlled range input and its value (`useState`), nothing else;
 *   store  the same slider through a Zustand store, 40 more subscribers that do not change and
 *          2,000 static text nodes: the shape of the explorer's controls without its work;
 *   app    the explorer's production build at the top of the page (size slider, anatomy chart).
 *
 *   npx tsx scripts/bench-floor.ts                 (3 runs × 30 keys, at 1× and 4×)
 *   npx tsx scripts/bench-floor.ts --runs 5 --throttle 4
 *   npx tsx scripts/bench-floor.ts --no-build      (use the existing `dist` for `app`)
 *   npx tsx scripts/bench-floor.ts --only 'react|store|app (top)'   (only these pages, by name)
 *
 * Also the CPU time the renderer's main thread spends per key (task + frame, from
 * `Performance.getMetrics`' TaskDuration over the run), so a page's own cost can be told from the
 * wait for the next frame.
 */
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import type { Page } from 'playwright-core';
import { startStaticServer } from '../test/browser/static-server';
import { launchBrowser } from '../test/browser/browser';
import { hasFlag, numberFlag, textFlag, throttleRates } from './cli-args';

const RUNS = numberFlag('--runs', 3);
const STEPS = numberFlag('--steps', 30);
const RATES = throttleRates();

const FLOOR_OUT = resolve('node_modules/.cache/bench-floor');
await build({
  configFile: false,
  logLevel: 'warn',
  root: resolve('scripts/floor'),
  base: './',
  plugins: [react()],
  build: {
    outDir: FLOOR_OUT,
    emptyOutDir: true,
    rollupOptions: { input: { bare: resolve('scripts/floor/index.html'), react: resolve('scripts/floor/react.html'), store: resolve('scripts/floor/store.html') } },
  },
});
if (!hasFlag('--no-build')) execSync('npx vite build', { stdio: 'ignore' });

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

const floorServer = await startStaticServer(FLOOR_OUT, '/');
const appServer = await startStaticServer('dist', '/explorer/');
const browser = await launchBrowser();

const ONLY = textFlag('--only')?.split('|') ?? null;
const ALL_PAGES = [
  { name: 'bare', url: `${floorServer.url}index.html`, slider: '#s' },
  { name: 'react', url: `${floorServer.url}react.html`, slider: '#s' },
  { name: 'store', url: `${floorServer.url}store.html`, slider: '#s' },
  { name: 'store, no static text', url: `${floorServer.url}store.html?static=0`, slider: '#s' },
  { name: 'store, slider alone', url: `${floorServer.url}store.html?static=0&subs=0`, slider: '#s' },
  { name: 'store, no subscribers', url: `${floorServer.url}store.html?subs=0`, slider: '#s' },
  { name: 'store, slider contained', url: `${floorServer.url}store.html?contain=1`, slider: '#s' },
  { name: 'store, text contained', url: `${floorServer.url}store.html?static=contained`, slider: '#s' },
  { name: 'store, text content-visibility', url: `${floorServer.url}store.html?static=skipped`, slider: '#s' },
  { name: 'app (top)', url: `${appServer.url}?lang=en`, slider: 'aside input[type="range"]' },
] as const;
const PAGES = ALL_PAGES.filter((target) => !ONLY || ONLY.includes(target.name));

interface Result {
  durations: number[];
  /** Renderer main-thread CPU per key, ms (TaskDuration over the steps / steps). */
  cpuPerKey: number;
}

const quiet = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => {
        const pending = (globalThis as unknown as { __explorerPendingRenders?: () => number }).__explorerPendingRenders;
        const poll = () => {
          if (!pending || pending() === 0) requestAnimationFrame(() => setTimeout(done, 0));
          else setTimeout(poll, 0);
        };
        poll();
      }),
  );

async function measure(url: string, selector: string, rate: number): Promise<Result> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Performance.enable');
  // tsx (esbuild keepNames) wraps functions passed to the page in __name().
  await page.addInitScript('globalThis.__name = globalThis.__name || ((target) => target);');
  await page.addInitScript(() => {
    const w = window as unknown as { __events: number[] };
    w.__events = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (/^key|^input$/.test(entry.name)) w.__events.push(entry.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
  await page.goto(url);
  const slider = page.locator(selector).first();
  await slider.waitFor({ timeout: 30_000 });
  await quiet(page);
  await page.waitForTimeout(1500);
  await slider.focus();
  await page.evaluate(() => {
    (window as unknown as { __events: number[] }).__events = [];
  });
  const taskSeconds = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);
  const before = await taskSeconds();
  for (let i = 0; i < STEPS; i++) {
    await page.keyboard.press(i % 20 < 10 ? 'ArrowRight' : 'ArrowLeft');
    await quiet(page);
    await page.waitForTimeout(50);
  }
  const after = await taskSeconds();
  const durations = await page.evaluate(() => (window as unknown as { __events: number[] }).__events);
  await context.close();
  while (durations.length < STEPS * 3) durations.push(16);
  return { durations, cpuPerKey: ((after - before) * 1000) / STEPS };
}

const results = new Map<string, Result[]>();
try {
  for (let run = 0; run < RUNS; run++) {
    for (const rate of RATES) {
      for (const target of PAGES) {
        const key = `${rate}|${target.name}`;
        const list = results.get(key) ?? [];
        list.push(await measure(target.url, target.slider, rate));
        results.set(key, list);
      }
    }
  }
} finally {
  await browser.close();
  await floorServer.close();
  await appServer.close();
}

const median = (values: number[]) => quantile(values, 0.5);
console.log(`\nkeyboard → next paint, ${RUNS} runs × ${STEPS} arrow keys (keydown, input, keyup each), medians of the per-run figures`);
console.log('| page | throttle | p50 | p95 | max | share of events over 16 ms | main-thread CPU per key (ms, incl. the wait for quiet) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const rate of RATES) {
  for (const target of PAGES) {
    const runs = results.get(`${rate}|${target.name}`) ?? [];
    const per = (q: number) => median(runs.map((r) => quantile(r.durations, q)));
    const over = median(runs.map((r) => r.durations.filter((d) => d > 16).length / r.durations.length));
    console.log(
      `| ${target.name} | ${rate}× | ${per(0.5)} | ${per(0.95)} | ${per(1)} | ${(over * 100).toFixed(0)} % | ${median(runs.map((r) => r.cpuPerKey)).toFixed(1)} |`,
    );
  }
}
