/**
 * UI benchmark (prints numbers; not a pass/fail test). Builds the production bundle, serves it,
 * and drives the size slider in headless Chromium with trusted keyboard steps and a pointer drag.
 *
 *   npm run bench:ui            (3 runs × 40 keyboard steps + a 40-step pointer drag)
 *   npx tsx scripts/bench-ui.ts --no-build --runs 3 --steps 40
 *
 * Figures (targets of the performance issue):
 *  1. input → next paint: Event Timing `duration` of the slider's keydown/pointer events (p50/p95/max);
 *  2. charts settled: from the input event until every chart near the viewport has followed
 *     (the render queue is empty) and a frame has painted (p50/p95/max);
 *  3. JavaScript loaded before the first chart (gzip KB) and the first chart's paint time;
 *  4. long tasks (> 50 ms) during the steps.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startStaticServer } from '../test/browser/static-server';
import { launchBrowser } from '../test/browser/browser';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const RUNS = flag('--runs', 3);
const STEPS = flag('--steps', 40);

if (!args.includes('--no-build')) execSync('npx vite build', { stdio: 'ignore' });

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[at] ?? NaN;
}
const median = (values: number[]) => quantile(values, 0.5);
const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');

interface RunResult {
  keyboardPaint: number[];
  keyboardSettled: number[];
  pointerPaint: number[];
  pointerSettled: number[];
  longTasks: number;
  firstChartMs: number;
  jsBeforeFirstChartGzip: number;
  chunks: { name: string; gzip: number }[];
}

const server = await startStaticServer('dist', '/explorer/');
const browser = await launchBrowser();

async function run(): Promise<RunResult> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  // tsx (esbuild keepNames) wraps functions passed to the page in __name().
  await page.addInitScript('globalThis.__name = globalThis.__name || ((target) => target);');
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__events = [] as { name: string; start: number; duration: number }[];
    w.__longTasks = 0;
    w.__firstChart = 0;
    w.__lastInput = 0;
    for (const type of ['keydown', 'pointermove']) {
      addEventListener(type, (event) => {
        w.__lastInput = event.timeStamp;
      }, { capture: true });
    }
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (w.__events as unknown[]).push({ name: entry.name, start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    new PerformanceObserver((list) => {
      w.__longTasks = (w.__longTasks as number) + list.getEntries().length;
    }).observe({ type: 'longtask', buffered: true });
    const check = () => {
      if (document.querySelector('figure[data-chart] svg .recharts-layer, figure[data-chart] svg path')) {
        w.__firstChart = performance.now();
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  await page.goto(`${server.url}?lang=en`);
  await page.waitForFunction(() => (window as unknown as { __firstChart: number }).__firstChart > 0, undefined, { timeout: 30_000 });
  const firstChartMs = await page.evaluate(() => (window as unknown as { __firstChart: number }).__firstChart);
  const resources = await page.evaluate((limit) =>
    performance
      .getEntriesByType('resource')
      .filter((r) => r.name.endsWith('.js') && r.startTime <= limit)
      .map((r) => new URL(r.name).pathname),
  firstChartMs);
  const chunks = resources.map((path) => {
    const file = join('dist', path.replace(/^\/explorer\//, ''));
    return { name: path.split('/').pop() ?? path, gzip: gzipSync(readFileSync(file)).length };
  });
  const entry = join('dist', 'index.html');
  const entryScripts = [...readFileSync(entry, 'utf8').matchAll(/src="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  for (const script of entryScripts) {
    if (!chunks.some((c) => c.name === script.split('/').pop())) {
      chunks.push({ name: script.split('/').pop() ?? script, gzip: gzipSync(readFileSync(join('dist', script))).length });
    }
  }
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__events = [];
    w.__longTasks = 0;
  });

  const slider = page.locator('aside input[type="range"]').first();
  await slider.scrollIntoViewIfNeeded();
  await slider.focus();

  const settleAfter = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const start = (window as unknown as { __lastInput: number }).__lastInput || performance.now();
          const pending = (globalThis as unknown as { __explorerPendingRenders: () => number }).__explorerPendingRenders;
          const poll = () => {
            requestAnimationFrame(() => {
              if (pending() === 0) {
                // one more frame so the last chart's commit is painted
                requestAnimationFrame(() => resolve(performance.now() - start));
              } else setTimeout(poll, 0);
            });
          };
          poll();
        }),
    );

  const keyboardSettled: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    await page.keyboard.press(i % 20 < 10 ? 'ArrowRight' : 'ArrowLeft');
    keyboardSettled.push(await settleAfter());
  }
  const keyboardEvents = await page.evaluate(() => (window as unknown as { __events: { name: string; duration: number }[] }).__events);
  const keyboardPaint = keyboardEvents.filter((e) => e.name === 'keydown' || e.name === 'keyup').map((e) => e.duration);
  // Event Timing only reports events ≥ 16 ms; shorter ones count as 16 (one frame) for the quantiles.
  const keyEventsExpected = STEPS * 2;
  while (keyboardPaint.length < keyEventsExpected) keyboardPaint.push(16);
  const longTasksKeyboard = await page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);

  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__events = [];
    w.__longTasks = 0;
  });
  const box = await slider.boundingBox();
  const pointerSettled: number[] = [];
  if (box) {
    const y = box.y + box.height / 2;
    let x = box.x + box.width * 0.5;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 0; i < STEPS; i++) {
      x += (i % 20 < 10 ? 1 : -1) * (box.width / 60);
      await page.mouse.move(x, y);
      pointerSettled.push(await settleAfter());
    }
    await page.mouse.up();
  }
  const pointerEvents = await page.evaluate(() => (window as unknown as { __events: { name: string; duration: number }[] }).__events);
  const pointerPaint = pointerEvents.filter((e) => /pointer|mouse/.test(e.name)).map((e) => e.duration);
  while (pointerPaint.length < STEPS) pointerPaint.push(16);
  const longTasksPointer = await page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);
  await context.close();
  return {
    keyboardPaint,
    keyboardSettled,
    pointerPaint,
    pointerSettled,
    longTasks: longTasksKeyboard + longTasksPointer,
    firstChartMs,
    jsBeforeFirstChartGzip: chunks.reduce((sum, c) => sum + c.gzip, 0),
    chunks,
  };
}

const results: RunResult[] = [];
try {
  for (let i = 0; i < RUNS; i++) results.push(await run());
} finally {
  await browser.close();
  await server.close();
}

const perRun = (pick: (r: RunResult) => number[], q: number) => results.map((r) => quantile(pick(r), q));
const line = (label: string, pick: (r: RunResult) => number[]) =>
  console.log(
    `${label.padEnd(34)} p50 ${fmt(median(perRun(pick, 0.5)))} ms   p95 ${fmt(median(perRun(pick, 0.95)))} ms   max ${fmt(
      median(perRun(pick, 1)),
    )} ms   (median of ${results.length} runs; per-run p95: ${perRun(pick, 0.95).map(fmt).join(', ')})`,
  );
console.log(`UI benchmark: ${RUNS} runs × ${STEPS} steps, production build, headless Chromium, 1440×900`);
line('keyboard input → next paint', (r) => r.keyboardPaint);
line('keyboard step → charts settled', (r) => r.keyboardSettled);
line('pointer drag → next paint', (r) => r.pointerPaint);
line('pointer step → charts settled', (r) => r.pointerSettled);
console.log(`long tasks during the steps          median ${median(results.map((r) => r.longTasks))} per run (${results.map((r) => r.longTasks).join(', ')})`);
console.log(`first chart painted after navigation median ${fmt(median(results.map((r) => r.firstChartMs)))} ms (${results.map((r) => fmt(r.firstChartMs)).join(', ')})`);
console.log(`JS loaded before the first chart     ${(median(results.map((r) => r.jsBeforeFirstChartGzip)) / 1024).toFixed(1)} KB gzip`);
for (const chunk of results[0]?.chunks ?? []) console.log(`  ${chunk.name.padEnd(40)} ${(chunk.gzip / 1024).toFixed(1)} KB gzip`);
