/**
 * UI benchmark (prints numbers; not a pass/fail test). Builds the production bundle, serves it,
 * and drives the size slider in headless Chromium with trusted keyboard steps and a pointer drag,
 * with the page scrolled to three places (the charts on screen differ).
 *
 *   npm run bench:ui            (3 runs × 30 steps per position, at 1× and 4× CPU throttling)
 *   npx tsx scripts/bench-ui.ts --no-build --runs 3 --steps 30
 *   npx tsx scripts/bench-ui.ts --dist /tmp/other-build   (measure another build as it is)
 *   npx tsx scripts/bench-ui.ts --throttle 4               (only 4× throttled: a mid-range phone)
 *   npx tsx scripts/bench-ui.ts --positions top,training   (only these scroll positions)
 *   npx tsx scripts/bench-ui.ts --json /tmp/after.json     (also write the per-run figures)
 *   npx tsx scripts/bench-ui.ts --cpu 20                   (also 20 traced steps per position: CPU time)
 *   npx tsx scripts/bench-ui.ts --cpu 8 --frames --events  (and print each key's events and its frame's parts)
 *
 * CPU throttling is Chromium's own (DevTools protocol `Emulation.setCPUThrottlingRate`): the main
 * thread runs `rate` times slower, from navigation on, so first load is throttled too.
 *
 * Figures (targets of the performance issue):
 *  1. input → next paint: Event Timing `duration` of the slider's keydown / input / keyup events
 *     (keyboard) and its input events (pointer drag), p50 / p95 / max;
 *  2. charts settled: from the input event until no chart on screen waits for its update and a
 *     frame has painted (p50 / p95 / max);
 *  3. JavaScript loaded before the first chart (gzip KB) and the first chart's paint time;
 *  4. long tasks (> 50 ms) during the steps;
 *  5. with `--cpu N`: main-thread CPU time (thread time from a Chromium trace, so a loaded machine
 *     inflates it far less than wall time) of N more keyboard steps: the key's own task, the
 *     rendering of the frame that paints it, and everything else until the next step (charts).
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startStaticServer } from '../test/browser/static-server';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/browser/browser';
import { hasFlag, numberFlag, textFlag, throttleRates } from './cli-args';

const RUNS = numberFlag('--runs', 3);
const STEPS = numberFlag('--steps', 30);
const distFlag = textFlag('--dist');
/** A build to measure instead of building `dist` (e.g. to compare two builds). */
const DIST = distFlag ?? 'dist';
/** CPU throttling rates to measure, each a full set of runs (1 = none). */
const RATES = throttleRates();
const ONLY = textFlag('--positions')?.split(',');
const JSON_OUT = textFlag('--json');
/** Print each keyboard event's Event Timing duration (which of keydown / keyup is slow). */
const SHOW_EVENTS = hasFlag('--events');
/** With `--cpu`: print each traced key's frame by trace event (layout roots included). */
const SHOW_FRAMES = hasFlag('--frames');
/** Traced keyboard steps per position for CPU time (0: none). */
const CPU_STEPS = numberFlag('--cpu', 0);

if (!hasFlag('--no-build') && distFlag === undefined) execSync('npx vite build', { stdio: 'ignore' });

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[at] ?? NaN;
}
const median = (values: number[]) => quantile(values, 0.5);
const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');

const server = await startStaticServer(DIST, '/explorer/');
const browser = await launchBrowser();

/** Where the page is scrolled while the slider moves: the charts in view differ. */
const ALL_POSITIONS = [
  { name: 'top (anatomy)', selector: null },
  { name: 'memory', selector: '#memory' },
  { name: 'training', selector: '#training' },
  { name: 'scaling', selector: '#scaling' },
  { name: 'inference', selector: '#inference' },
  { name: 'moe (Recharts)', selector: '#moe' },
  { name: 'timeline', selector: '#timeline' },
  { name: 'compression', selector: '#compression' },
  { name: 'hardware (bottom panel Recharts)', selector: '#hardware' },
  { name: 'deployment', selector: '#deployment' },
] as const;
const POSITIONS = ALL_POSITIONS.filter((position) => !ONLY || ONLY.some((name) => position.name.startsWith(name)));

interface PositionResult {
  keyboardPaint: number[];
  keyboardSettled: number[];
  pointerPaint: number[];
  pointerSettled: number[];
  longTasks: number;
  /** Charts on screen while the slider moved (data-chart ids). */
  onScreen: string[];
  /** `--cpu`: thread time per traced step, ms: the key's task, the frame painting it, the rest. */
  cpu?: { keyTask: number[]; keyFrame: number[]; after: number[] };
}

interface RunResult {
  positions: PositionResult[];
  firstChartMs: number;
  jsBeforeFirstChartGzip: number;
  chunks: { name: string; gzip: number }[];
}

const resetCounters = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__events = [];
    w.__longTasks = 0;
  });
const readEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { __events: { name: string; duration: number }[] }).__events);
const readLongTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);

/**
 * From the input event until no chart on screen waits for its update and the frame with the last
 * chart's commit has been produced. (`'view'` is for builds before the render queue was removed,
 * whose hook took a priority; the current hook ignores it.)
 */
const settleAfter = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = (window as unknown as { __lastInput: number }).__lastInput || performance.now();
        const pending = (globalThis as unknown as { __explorerPendingRenders: (priority?: string) => number }).__explorerPendingRenders;
        // Poll every task; once nothing on screen waits, the next frame paints the last commit:
        // stop the clock in the task right after that frame.
        const poll = () => {
          if (pending('view') === 0) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
          else setTimeout(poll, 0);
        };
        poll();
      }),
  );

/**
 * Scrolls a section into view. A section that has not loaded yet is a placeholder, replaced when
 * its code arrives: scroll again until the loaded section is in place.
 */
async function scrollToSection(page: Page, selector: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      await page.locator(selector).first().scrollIntoViewIfNeeded({ timeout: 5_000 });
      const loaded = await page.evaluate((sel) => document.querySelector(sel)?.getAttribute('aria-busy') !== 'true', selector);
      if (loaded) {
        await page.waitForTimeout(300);
        await page.locator(selector).first().scrollIntoViewIfNeeded({ timeout: 5_000 });
        return;
      }
    } catch {
      // detached while scrolling: the placeholder was replaced; try again
    }
    await page.waitForTimeout(300);
  }
  throw new Error(`could not scroll to ${selector}`);
}

async function drive(page: Page, selector: string | null): Promise<PositionResult> {
  if (selector) await scrollToSection(page, selector);
  else await page.evaluate(() => scrollTo(0, 0));
  // Let the sections near the new position load, mount and catch up before measuring.
  await page.waitForFunction(() => (globalThis as unknown as { __explorerPendingRenders: () => number }).__explorerPendingRenders() === 0, undefined, { timeout: 30_000 });
  await page.waitForTimeout(1500);
  const onScreen = await page.evaluate(() =>
    [...document.querySelectorAll('figure[data-chart]')]
      .filter((figure) => {
        const box = figure.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      })
      .map((figure) => figure.getAttribute('data-chart') ?? ''),
  );
  const slider = page.locator('aside input[type="range"]').first();
  await slider.focus();
  await resetCounters(page);

  const keyboardSettled: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    await page.keyboard.press(i % 20 < 10 ? 'ArrowRight' : 'ArrowLeft');
    keyboardSettled.push(await settleAfter(page));
  }
  // keydown, input and keyup of each step. Event Timing only reports events of 16 ms or more;
  // shorter ones count as 16 ms (one frame) for the quantiles.
  const keyEvents = (await readEvents(page)).filter((e) => /^key|^input$|^beforeinput$/.test(e.name));
  if (SHOW_EVENTS) console.log(selector, keyEvents.map((e) => `${e.name}:${e.duration}`).join(' '));
  const keyboardPaint = keyEvents.map((e) => e.duration);
  while (keyboardPaint.length < STEPS * 3) keyboardPaint.push(16);
  const longTasksKeyboard = await readLongTasks(page);

  await resetCounters(page);
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
      pointerSettled.push(await settleAfter(page));
    }
    await page.mouse.up();
  }
  // pointermove is not an Event Timing type; the range's `input` event (one per move) is.
  const pointerPaint = (await readEvents(page)).filter((e) => /pointer|mouse|^input$/.test(e.name)).map((e) => e.duration);
  while (pointerPaint.length < STEPS) pointerPaint.push(16);
  const longTasksPointer = await readLongTasks(page);
  const cpu = CPU_STEPS > 0 ? await traceSteps(page, slider) : undefined;
  return { keyboardPaint, keyboardSettled, pointerPaint, pointerSettled, longTasks: longTasksKeyboard + longTasksPointer, onScreen, cpu };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string } };
}

/**
 * CPU (thread) time of `CPU_STEPS` keyboard steps, 200 ms apart (under the URL's 250 ms debounce,
 * so the URL write stays out): per step, the task that handles the key (React's render and commit
 * of the control included), the rendering of the first frame after it (style, layout, paint), and
 * every other main-thread task until the next key (the charts).
 */
async function traceSteps(page: Page, slider: ReturnType<Page['locator']>): Promise<NonNullable<PositionResult['cpu']>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (event) => {
    events.push(...(event.value as unknown as TraceEvent[]));
  });
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await slider.focus();
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  for (let i = 0; i < CPU_STEPS; i++) {
    await page.keyboard.press(i % 20 < 10 ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForTimeout(200);
  }
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const keys = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').sort((a, b) => a.ts - b.ts);
  const thread = keys[0];
  const main = events.filter((e) => thread && e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
  const tasks = main.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const paints = main.filter((e) => e.name === 'Paint');
  const cost = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const result: NonNullable<PositionResult['cpu']> = { keyTask: [], keyFrame: [], after: [] };
  keys.forEach((key, index) => {
    const next = keys[index + 1]?.ts ?? key.ts + 200_000;
    const task = tasks.find((t) => t.ts <= key.ts && t.ts + (t.dur ?? 0) >= key.ts);
    if (!task) return;
    const end = task.ts + (task.dur ?? 0);
    const frame = tasks.find((t) => t.ts >= end && paints.some((p) => p.ts >= t.ts && p.ts <= t.ts + (t.dur ?? 0)));
    const rest = tasks.filter((t) => t.ts >= end && t.ts < next && t !== frame);
    if (SHOW_FRAMES && frame) {
      const inside = main.filter((e) => e !== frame && e.ts >= frame.ts && e.ts <= frame.ts + (frame.dur ?? 0));
      const sums = new Map<string, number>();
      for (const e of inside) sums.set(e.name, (sums.get(e.name) ?? 0) + cost(e));
      for (const e of inside.filter((x) => x.name === 'Layout')) console.log('  layout', cost(e).toFixed(1), JSON.stringify(e.args).slice(0, 400));
      console.log(`frame ${cost(frame).toFixed(1)}: ` + [...sums].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, v]) => `${n} ${v.toFixed(1)}`).join(', '));
      const insideKey = main.filter((e) => e !== task && e.ts >= task.ts && e.ts <= end);
      const keySums = new Map<string, number>();
      for (const e of insideKey) keySums.set(e.name, (keySums.get(e.name) ?? 0) + cost(e));
      console.log(`  key ${cost(task).toFixed(1)}: ` + [...keySums].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([n, v]) => `${n} ${v.toFixed(1)}`).join(', '));
    }
    result.keyTask.push(cost(task));
    result.keyFrame.push(frame ? cost(frame) : 0);
    result.after.push(rest.reduce((sum, t) => sum + cost(t), 0));
  });
  return result;
}

async function run(rate: number): Promise<RunResult> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  if (rate > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
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
    // A chart counts once one of its marks (a bar, a line, a dot) is in the document; the frame
    // callback runs just before that frame paints.
    const check = () => {
      if (document.querySelector('figure[data-chart] svg .recharts-layer path, figure[data-chart] svg .chart-mark')) {
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
    const file = join(DIST, path.replace(/^\/explorer\//, ''));
    return { name: path.split('/').pop() ?? path, gzip: gzipSync(readFileSync(file)).length };
  });
  const entry = join(DIST, 'index.html');
  const entryScripts = [...readFileSync(entry, 'utf8').matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  for (const script of entryScripts) {
    if (!chunks.some((c) => c.name === script.split('/').pop())) {
      chunks.push({ name: script.split('/').pop() ?? script, gzip: gzipSync(readFileSync(join(DIST, script))).length });
    }
  }
  const positions: PositionResult[] = [];
  for (const position of POSITIONS) positions.push(await drive(page, position.selector));
  await context.close();
  return { positions, firstChartMs, jsBeforeFirstChartGzip: chunks.reduce((sum, c) => sum + c.gzip, 0), chunks };
}

const byRate = new Map<number, RunResult[]>();
try {
  // Rates interleaved run by run, so a burst of load on the shared machine hits both alike.
  for (let i = 0; i < RUNS; i++) {
    for (const rate of RATES) {
      const list = byRate.get(rate) ?? [];
      list.push(await run(rate));
      byRate.set(rate, list);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ dist: DIST, runs: RUNS, steps: STEPS, results: Object.fromEntries(byRate) }, null, 1));

for (const [rate, results] of byRate) report(rate, results);

function report(rate: number, results: RunResult[]): void {
  const perRun = (pick: (r: RunResult) => number[], q: number) => results.map((r) => quantile(pick(r), q));
  const line = (label: string, pick: (r: RunResult) => number[]) =>
    console.log(
      `  ${label.padEnd(32)} p50 ${fmt(median(perRun(pick, 0.5))).padStart(6)} ms   p95 ${fmt(median(perRun(pick, 0.95))).padStart(6)} ms   max ${fmt(
        median(perRun(pick, 1)),
      ).padStart(6)} ms   (per-run p95: ${perRun(pick, 0.95).map(fmt).join(', ')})`,
    );
  console.log(`\nUI benchmark at ${rate}× CPU throttling: ${RUNS} runs × ${STEPS} steps, production build, headless Chromium, 1440×900 (medians of the runs)`);
  POSITIONS.forEach((position, index) => {
    const at = (r: RunResult) => r.positions[index] as PositionResult;
    console.log(`scrolled to ${position.name}; on screen: ${results[0] ? at(results[0]).onScreen.join(', ') || 'no chart' : ''}`);
    line('keyboard input → next paint', (r) => at(r).keyboardPaint);
    line('keyboard step → charts settled', (r) => at(r).keyboardSettled);
    line('pointer drag → next paint', (r) => at(r).pointerPaint);
    line('pointer step → charts settled', (r) => at(r).pointerSettled);
    console.log(`  long tasks during the steps      median ${median(results.map((r) => at(r).longTasks))} per run (${results.map((r) => at(r).longTasks).join(', ')})`);
    if (CPU_STEPS > 0) {
      const cpu = (pick: (c: NonNullable<PositionResult['cpu']>) => number[]) => (r: RunResult) => pick(at(r).cpu ?? { keyTask: [], keyFrame: [], after: [] });
      line('CPU: the key\'s task', cpu((c) => c.keyTask));
      line('CPU: the frame painting it', cpu((c) => c.keyFrame));
      line('CPU: the rest until next step', cpu((c) => c.after));
    }
  });
  console.log(`first chart painted after navigation median ${fmt(median(results.map((r) => r.firstChartMs)))} ms (${results.map((r) => fmt(r.firstChartMs)).join(', ')})`);
  console.log(`JS loaded before the first chart     ${(median(results.map((r) => r.jsBeforeFirstChartGzip)) / 1024).toFixed(1)} KB gzip`);
  for (const chunk of results[0]?.chunks ?? []) console.log(`  ${chunk.name.padEnd(40)} ${(chunk.gzip / 1024).toFixed(1)} KB gzip`);
  // The same figures as one markdown table (docs/performance.md).
  const p = (pick: (r: RunResult) => number[], q: number) => fmt(median(perRun(pick, q)));
  const cpuHeader = CPU_STEPS > 0 ? ' CPU p50: key task / its frame / rest |' : '';
  console.log(`\n| ${rate}× position | keyboard → paint p95 | keyboard → settled p50 / p95 | pointer → settled p50 / p95 | long tasks |${cpuHeader}`);
  console.log(`|---|---:|---:|---:|---:|${CPU_STEPS > 0 ? '---:|' : ''}`);
  POSITIONS.forEach((position, index) => {
    const at = (r: RunResult) => r.positions[index] as PositionResult;
    const cpu = (pick: (c: NonNullable<PositionResult['cpu']>) => number[]) => p((r) => pick(at(r).cpu ?? { keyTask: [], keyFrame: [], after: [] }), 0.5);
    const cpuCell = CPU_STEPS > 0 ? ` ${cpu((c) => c.keyTask)} / ${cpu((c) => c.keyFrame)} / ${cpu((c) => c.after)} |` : '';
    console.log(
      `| ${position.name} | ${p((r) => at(r).keyboardPaint, 0.95)} | ${p((r) => at(r).keyboardSettled, 0.5)} / ${p((r) => at(r).keyboardSettled, 0.95)} | ${p((r) => at(r).pointerSettled, 0.5)} / ${p((r) => at(r).pointerSettled, 0.95)} | ${median(results.map((r) => at(r).longTasks))} |${cpuCell}`,
    );
  });
}
