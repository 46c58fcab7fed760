import { expect, vi } from 'vitest';
import { setImmediate as realMacrotask } from 'node:timers/promises';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { ComponentType } from 'react';
import { FEATURES } from '../../src/app/registry';
import { createScenarioStore, type ScenarioStore } from '../../src/store/scenario-store';
import { ScenarioStoreProvider } from '../../src/store/store-context';
import { ViewSettingsProvider, type ViewSettings } from '../../src/i18n/view-settings';
import { decodeScenario } from '../../src/scenario/url-codec';
import type { Scenario } from '../../src/scenario/scenario';
import type { Lang } from '../../src/i18n/i18n';
import { BAD_MARKUP, BAD_TEXT, BAD_WORD, CHART_IDS, MARK_CLASSES, SECTION_IDS, TABLE_IDS } from '../fixtures/ui-contract';

export interface PageSection {
  id: string;
  Section: ComponentType;
}

/** Every section of the page in the page's order, imported directly (the page loads them lazily). */
export async function loadSections(): Promise<PageSection[]> {
  const ids = Object.keys(FEATURES) as (keyof typeof FEATURES)[];
  const modules = await Promise.all(ids.map((id) => FEATURES[id]()));
  return ids.map((id, index) => ({ id, Section: modules[index]!.Section }));
}

/** The scenario of a URL query, read the way the page reads it; every key must be understood. */
export function scenarioOf(query: string): Scenario {
  const { scenario, ignored } = decodeScenario(query);
  expect(ignored, query).toEqual([]);
  return scenario;
}

/**
 * Runs every pending timer, frame and scheduler task (fake timers, see setup.ts) until none is
 * left, letting real macrotasks (e.g. a MessageChannel) run in between: the page has then
 * finished every update it started.
 */
export async function settle(): Promise<void> {
  for (let round = 0; round < 50; round++) {
    await vi.runAllTimersAsync();
    await realMacrotask();
    if (vi.getTimerCount() === 0) return;
  }
  throw new Error(`the page never settled: ${vi.getTimerCount()} timers still pending`);
}

export interface MountedPage {
  container: HTMLElement;
  store: ScenarioStore;
  /** Console errors and warnings since the last `pageProblems`. */
  logged: string[];
  unmount: () => void;
}

/**
 * Renders every section for `scenario` under the page's providers, with a store created for that
 * scenario, and lets it settle. Console errors and warnings are recorded until `unmount`.
 */
export async function mountPage(sections: readonly PageSection[], scenario: Scenario, lang: Lang = 'en'): Promise<MountedPage> {
  const logged: string[] = [];
  const record = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  const spies = [vi.spyOn(console, 'error').mockImplementation(record), vi.spyOn(console, 'warn').mockImplementation(record)];
  const view: ViewSettings = { lang, units: 'si', setLang: () => undefined, setUnits: () => undefined };
  const store = createScenarioStore(scenario);
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  flushSync(() =>
    root.render(
      <ScenarioStoreProvider store={store}>
        <ViewSettingsProvider value={view}>
          <main>
            {sections.map(({ id, Section }) => (
              <Section key={id} />
            ))}
          </main>
        </ViewSettingsProvider>
      </ScenarioStoreProvider>,
    ),
  );
  await settle();
  return {
    container,
    store,
    logged,
    unmount: () => {
      flushSync(() => root.unmount());
      container.remove();
      for (const spy of spies) spy.mockRestore();
    },
  };
}

/** Moves the mounted page to another scenario the way URL navigation does (`replace`), and settles. */
export async function showScenario(page: MountedPage, scenario: Scenario): Promise<void> {
  page.store.getState().replace(scenario);
  await settle();
}

interface Where {
  section: string;
  chart: string | null;
  table: string | null;
  /** Inside an `<svg>` of a chart. */
  plot: boolean;
  /** Inside a `<tbody>`. */
  body: boolean;
}

interface PageScan {
  /** Every text node on its own line (jsdom has no innerText; this keeps the word boundaries). */
  text: string[];
  sections: string[];
  /** Sections showing an error boundary's message (`role="alert"`). */
  alerts: string[];
  /** Chart id → how many `<figure data-chart>` and how many marks inside their SVGs. */
  charts: Map<string, { figures: number; marks: number }>;
  /** Table id → rows in its `<tbody>`. */
  tableRows: Map<string, number>;
  badAttributes: string[];
}

const MARK = new RegExp(`(^|\\s)(${MARK_CLASSES.join('|')})(\\s|$)`);

/**
 * One pass over the page noting what `pageProblems` needs and where. (A query per check costs more
 * than the rendering in jsdom, whose selector engine is slow; a live `getElementsByTagName('*')`
 * is quadratic.)
 */
function scanPage(container: Element): PageScan {
  const scan: PageScan = { text: [], sections: [], alerts: [], charts: new Map(), tableRows: new Map(), badAttributes: [] };
  const visit = (parent: Node, where: Where) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) {
        scan.text.push(node.nodeValue ?? '');
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const element = node as Element;
      const tag = element.localName;
      let inside = where;
      if (tag === 'section' && element.id) {
        scan.sections.push(element.id);
        inside = { ...inside, section: element.id };
      }
      if (tag === 'svg' && inside.chart !== null) inside = { ...inside, plot: true };
      if (tag === 'tbody') inside = { ...inside, body: true };
      for (const name of element.getAttributeNames()) {
        const value = element.getAttribute(name) ?? '';
        if (name === 'role' && value === 'alert') scan.alerts.push(inside.section);
        if (name === 'data-chart' && tag === 'figure') {
          const counts = scan.charts.get(value) ?? { figures: 0, marks: 0 };
          counts.figures += 1;
          scan.charts.set(value, counts);
          inside = { ...inside, chart: value };
        }
        if (name === 'data-table') inside = { ...inside, table: value };
        if (name === 'class' && where.plot && where.chart !== null && MARK.test(value)) scan.charts.get(where.chart)!.marks += 1;
        if (BAD_MARKUP.test(value)) {
          scan.badAttributes.push(`${inside.chart ?? inside.table ?? inside.section}: <${tag} ${name}="${value.slice(0, 80)}">`);
        }
      }
      if (tag === 'tr' && inside.body && inside.table !== null) scan.tableRows.set(inside.table, (scan.tableRows.get(inside.table) ?? 0) + 1);
      visit(element, inside);
    }
  };
  visit(container, { section: '(outside the sections)', chart: null, table: null, plot: false, body: false });
  return scan;
}

/**
 * What a reader would see go wrong, checked as the browser walk did: NaN / Infinity / undefined /
 * null / [object Object] in the text; a missing section, chart or table; a section showing its
 * error message; a chart without marks; a bad value in any attribute (SVG geometry included);
 * anything logged to the console since the last call.
 */
export function pageProblems(page: MountedPage): string[] {
  const scan = scanPage(page.container);
  const problems: string[] = [];
  const text = scan.text.join('\n');
  if (BAD_WORD.test(text)) {
    for (const match of text.matchAll(BAD_TEXT)) problems.push(`text: ${match[0].replace(/\n/g, ' ⏎ ')}`);
  }
  if (text.length < 1000) problems.push(`only ${text.length} characters of text`);
  for (const id of SECTION_IDS) if (!scan.sections.includes(id)) problems.push(`missing section ${id}`);
  for (const section of scan.alerts) problems.push(`section ${section} shows an error message`);
  for (const id of CHART_IDS) {
    const counts = scan.charts.get(id) ?? { figures: 0, marks: 0 };
    if (counts.figures !== 1) problems.push(`${counts.figures} charts ${id}`);
    else if (counts.marks === 0) problems.push(`empty chart ${id}`);
  }
  for (const id of TABLE_IDS) if (!scan.tableRows.get(id)) problems.push(`empty table ${id}`);
  problems.push(...scan.badAttributes);
  const pending = (globalThis as { __explorerPendingRenders?: () => number }).__explorerPendingRenders?.() ?? 0;
  if (pending > 0) problems.push(`${pending} charts not yet showing the scenario`);
  for (const message of page.logged.splice(0)) problems.push(`console: ${message.slice(0, 200)}`);
  return problems;
}
