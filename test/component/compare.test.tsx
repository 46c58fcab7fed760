import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ScenarioStoreProvider } from '../../src/store/store-context';
import { createScenarioStore, type ScenarioStore } from '../../src/store/scenario-store';
import { ViewSettingsProvider, type ViewSettings } from '../../src/i18n/view-settings';
import { DEFAULT_SCENARIO } from '../../src/scenario/scenario';
import { encodeScenario } from '../../src/scenario/url-codec';
import { MODELS } from '../../src/data/models';
import { ARTICLE_CALCULATORS } from '../../src/core/article';
import { charts as compareCharts, Section as CompareSection } from '../../src/features/compare';
import { charts as articleCharts, Section as ArticleSection } from '../../src/features/article';
import { charts as sourcesCharts } from '../../src/features/sources';
import { PINS_STORAGE_KEY, presetRows, writePins } from '../../src/features/compare/compare.data';
import { getArticleCheckRows } from '../../src/features/article/article.data';
import { validationRows } from '../../src/features/sources/sources.data';
import { tableCsv } from '../../src/components/ui/data-table';

const CompareTable = compareCharts.compare!;
const ArticleCheckTable = articleCharts['article-check']!;
const ValidationTable = sourcesCharts.validation!;

const SETTINGS: ViewSettings = { lang: 'en', units: 'si', setLang: () => undefined, setUnits: () => undefined };

function renderWith(node: ReactNode, store: ScenarioStore = createScenarioStore()) {
  const view = render(
    <ViewSettingsProvider value={SETTINGS}>
      <ScenarioStoreProvider store={store}>{node}</ScenarioStoreProvider>
    </ViewSettingsProvider>,
  );
  return { ...view, store };
}

function table(id: string): HTMLElement {
  const block = document.querySelector<HTMLElement>(`[data-table="${id}"]`);
  if (!block) throw new Error(`no table ${id}`);
  return block;
}

function rowIds(id = 'compare'): string[] {
  return Array.from(table(id).querySelectorAll('tbody tr')).map((tr) => tr.getAttribute('data-row-id') ?? '');
}

function headers(id = 'compare'): string[] {
  return Array.from(table(id).querySelectorAll('thead th')).map((th) => (th.textContent ?? '').replace(/[▲▼]/g, '').trim());
}

function sortButton(name: string, id = 'compare'): HTMLElement {
  const button = within(table(id))
    .getAllByRole('button')
    .find((b) => b.closest('th') && (b.textContent ?? '').replace(/[▲▼]/g, '').trim() === name);
  if (!button) throw new Error(`no header ${name}`);
  return button;
}

/** Captures what the CSV button downloads. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const urlApi = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
  const originalCreate = urlApi.createObjectURL;
  const originalRevoke = urlApi.revokeObjectURL;
  urlApi.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:test';
  });
  urlApi.revokeObjectURL = vi.fn();
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return {
    blobs,
    restore() {
      urlApi.createObjectURL = originalCreate;
      urlApi.revokeObjectURL = originalRevoke;
      click.mockRestore();
    },
  };
}

async function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

const totals = new Map(presetRows(DEFAULT_SCENARIO).map((row) => [row.id, row.values.totalParams ?? 0]));

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('compare table', { timeout: 30_000 }, () => {
  it('has the current scenario first, then one row per preset', () => {
    renderWith(<CompareTable />);
    const ids = rowIds();
    expect(ids[0]).toBe('current');
    expect(ids).toHaveLength(1 + MODELS.length);
    expect(table('compare').querySelector('tbody tr')?.className).toContain('is-current');
  });

  it('follows the scenario once it settles', async () => {
    const { store } = renderWith(<CompareTable />);
    const currentText = () => table('compare').querySelector('tr[data-row-id="current"]')?.textContent ?? '';
    const before = currentText();
    act(() => store.getState().chooseModel('gpt-2'));
    // A transition re-renders ~60 rows; on a loaded 2-core machine that can take seconds.
    await waitFor(() => expect(currentText()).toContain('GPT-2 (124M)'), { timeout: 15_000 });
    expect(currentText()).not.toBe(before);
  }, 20_000);

  it('sorts by a numeric column ascending then descending, the current scenario staying first', () => {
    renderWith(<CompareTable />);
    const direction = () => table('compare').querySelector('th[aria-sort="ascending"], th[aria-sort="descending"]');
    const ordered = (ids: string[], ascending: boolean) => {
      const values = ids.slice(1).map((id) => totals.get(id) ?? NaN);
      return values.every((v, i) => i === 0 || (ascending ? v >= (values[i - 1] ?? -Infinity) : v <= (values[i - 1] ?? Infinity)));
    };
    const seen = new Set<string>();
    for (let click = 0; click < 2; click++) {
      fireEvent.click(sortButton('Total parameters'));
      const th = direction();
      expect(th?.textContent).toContain('Total parameters');
      const ascending = th?.getAttribute('aria-sort') === 'ascending';
      seen.add(ascending ? 'asc' : 'desc');
      const ids = rowIds();
      expect(ids[0]).toBe('current');
      expect(ids).toHaveLength(1 + MODELS.length);
      expect(ordered(ids, ascending)).toBe(true);
      expect(ordered(ids, !ascending)).toBe(false);
    }
    expect(seen).toEqual(new Set(['asc', 'desc']));
  });

  it('hides and shows a column with the column chooser', () => {
    renderWith(<CompareTable />);
    expect(headers()).toContain('Training cost');
    expect(headers()).not.toContain('Year');
    const chooser = within(table('compare')).getByRole('group', { name: 'Columns' });
    fireEvent.click(within(chooser).getByRole('checkbox', { name: 'Training cost' }));
    expect(headers()).not.toContain('Training cost');
    fireEvent.click(within(chooser).getByRole('checkbox', { name: 'Year' }));
    expect(headers()).toContain('Year');
    fireEvent.click(within(chooser).getByRole('checkbox', { name: 'Training cost' }));
    expect(headers()).toContain('Training cost');
  });

  it('downloads a CSV of the visible columns, one line per row, in SI units', async () => {
    const downloads = captureDownloads();
    try {
      renderWith(<CompareTable />);
      const chooser = within(table('compare')).getByRole('group', { name: 'Columns' });
      fireEvent.click(within(chooser).getByRole('checkbox', { name: 'Training cost' }));
      fireEvent.click(within(table('compare')).getByRole('button', { name: 'Download CSV' }));
      expect(downloads.blobs).toHaveLength(1);
      const text = await blobText(downloads.blobs[0]!);
      const lines = text.trimEnd().split('\r\n');
      expect(lines).toHaveLength(1 + 1 + MODELS.length);
      const header = lines[0]!.split(',');
      expect(header[0]).toBe('model');
      expect(header).toContain('total parameters');
      expect(header).toContain('weight bytes (BF16)');
      expect(header).not.toContain('training cost (USD)');
      expect(header).not.toContain('year');
      expect(header).toHaveLength(headers().length);
      // The current scenario first; numbers in SI base units (bytes, not GB).
      expect(lines[1]).toMatch(/^Your scenario: Llama 3\.1 70B,/);
      const weightsIndex = header.indexOf('weight bytes (BF16)');
      expect(Number(lines[1]!.split(',')[weightsIndex])).toBeGreaterThan(1e11);
    } finally {
      downloads.restore();
    }
  });

  it('pins the current scenario: a new row, persisted to localStorage', async () => {
    const { store } = renderWith(<CompareTable />);
    act(() => store.getState().update({ gpuCount: 64 }));
    fireEvent.change(screen.getByTestId('pin-name'), { target: { value: 'my  run\u0007 on 64' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pin current scenario' }));
    await waitFor(() => expect(rowIds()).toContain('pin-0'));
    expect(rowIds()[0]).toBe('current');
    const stored = JSON.parse(localStorage.getItem(PINS_STORAGE_KEY) ?? 'null') as { version: number; pins: { name: string; query: string }[] };
    expect(stored.version).toBe(1);
    expect(stored.pins).toEqual([{ name: 'my run on 64', query: encodeScenario({ ...DEFAULT_SCENARIO, gpuCount: 64 }) }]);
    const row = table('compare').querySelector('tr[data-row-id="pin-0"]')!;
    expect(row.textContent).toContain('my run on 64');

    // Removing it clears the row and the store.
    fireEvent.click(within(row as HTMLElement).getByRole('button', { name: 'Remove the pin “my run on 64”' }));
    await waitFor(() => expect(rowIds()).not.toContain('pin-0'));
    expect(JSON.parse(localStorage.getItem(PINS_STORAGE_KEY) ?? 'null')).toEqual({ version: 1, pins: [] });
  });

  it('reads stored pins back and opens one', async () => {
    localStorage.setItem(PINS_STORAGE_KEY, writePins([{ name: 'small', query: encodeScenario({ ...DEFAULT_SCENARIO, model: 'gpt-2' }) }]));
    const { store } = renderWith(<CompareTable />);
    expect(rowIds()).toContain('pin-0');
    expect(screen.queryByTestId('pins-notice')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open the pinned scenario “small”' }));
    expect(store.getState().scenario.model).toBe('gpt-2');
  });

  it('shows a notice and does not crash on a corrupt localStorage entry', () => {
    localStorage.setItem(PINS_STORAGE_KEY, '{"version":1,"pins":[{"name":');
    renderWith(<CompareTable />);
    expect(screen.getByTestId('pins-notice').textContent).toMatch(/could not be read/);
    expect(rowIds()).toHaveLength(1 + MODELS.length);
    fireEvent.click(within(screen.getByTestId('pins-notice')).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('pins-notice')).toBeNull();
  });

  it('drops unreadable pins one by one and keeps the good ones', () => {
    localStorage.setItem(
      PINS_STORAGE_KEY,
      JSON.stringify({
        version: 1,
        pins: [
          { name: 'good', query: encodeScenario({ ...DEFAULT_SCENARIO, model: 'gpt-2' }) },
          { name: 42, query: 'v=1' },
          { name: '<b>x</b>\u202e', query: 'v=1' },
          { name: 'bad query', query: 'v=1&n=lots' },
          { name: 'x'.repeat(81), query: 'v=1' },
          'not an object',
        ],
      }),
    );
    renderWith(<CompareTable />);
    expect(screen.getByTestId('pins-notice').textContent).toContain('5 saved pin(s)');
    expect(rowIds().filter((id) => id.startsWith('pin-'))).toEqual(['pin-0']);
    // The store was cleaned, so the notice does not come back.
    const cleaned = JSON.parse(localStorage.getItem(PINS_STORAGE_KEY) ?? 'null') as { pins: unknown[] };
    expect(cleaned.pins).toHaveLength(1);
  });

  it('opens a preset with the current settings when its name is clicked', () => {
    const store = createScenarioStore({ ...DEFAULT_SCENARIO, gpu: 'a100-sxm-80gb', overrides: { layers: 10 } });
    renderWith(<CompareTable />, store);
    fireEvent.click(within(table('compare')).getByRole('button', { name: 'Mixtral 8x7B' }));
    expect(store.getState().scenario.model).toBe('mixtral-8x7b');
    expect(store.getState().scenario.gpu).toBe('a100-sxm-80gb');
    expect(store.getState().scenario.overrides).toEqual({});
  });

  it('renders the section with its stats and no NaN', () => {
    renderWith(<CompareSection />);
    const section = document.getElementById('compare')!;
    expect(section).not.toBeNull();
    expect(section.textContent).not.toMatch(/NaN|undefined|Infinity/);
    expect(section.querySelectorAll('.stat').length).toBeGreaterThanOrEqual(3);
  });
});

describe('tableCsv', () => {
  it('writes the headers (with units) and one line per row', () => {
    const columns = [
      { id: 'a', header: 'A', csvHeader: 'a (bytes)', cell: (r: { a: number }) => String(r.a), value: (r: { a: number }) => r.a },
      { id: 'b', header: 'B', cell: () => 'x', value: () => '=SUM(1)' },
    ];
    expect(tableCsv(columns, [{ a: 1 }, { a: 2e9 }])).toBe("a (bytes),B\r\n1,'=SUM(1)\r\n2000000000,'=SUM(1)\r\n");
  });
});

describe('article and validation tables', { timeout: 30_000 }, () => {
  it('article-check has one row per calculator result, with no NaN on screen', () => {
    renderWith(<ArticleCheckTable />);
    expect(table('article-check').querySelectorAll('tbody tr')).toHaveLength(getArticleCheckRows().length);
    expect(table('article-check').textContent).not.toMatch(/NaN|undefined|Infinity/);
    expect(table('article-check').textContent).toContain('FP32存储需求: 372.5 GB');
  });

  it('the article section opens each calculator as a scenario', () => {
    const { store } = renderWith(<ArticleSection />);
    const buttons = screen.getAllByRole('button', { name: /^Open as a scenario: / });
    expect(buttons).toHaveLength(ARTICLE_CALCULATORS.length);
    const index = ARTICLE_CALCULATORS.findIndex((c) => c.id === 'training-cost');
    fireEvent.click(buttons[index]!);
    expect(store.getState().scenario.model).toBe('gpt-3-175b');
    expect(store.getState().scenario.tokens).toBe(300e9);
    expect(store.getState().scenario.weightPrecision).toBe(DEFAULT_SCENARIO.weightPrecision);
    expect(screen.getByRole('status').textContent).toContain('Training cost');
  });

  it('validation is sorted by the size of the error', () => {
    renderWith(<ValidationTable />);
    const rows = Array.from(table('validation').querySelectorAll('tbody tr'));
    expect(rows).toHaveLength(validationRows().length);
    const column = headers('validation').indexOf('|Error|');
    expect(column).toBeGreaterThan(0);
    const errors = rows.map((tr) => Number.parseFloat(tr.querySelectorAll('td')[column]?.textContent ?? ''));
    expect(errors.every((e) => Number.isFinite(e))).toBe(true);
    expect(errors.every((e, i) => i === 0 || e <= (errors[i - 1] ?? Infinity))).toBe(true);
    expect(table('validation').textContent).not.toMatch(/NaN|undefined|Infinity/);
  });
});
