import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChartFrame, type ChartTable } from '../../src/components/ui/chart-frame';
import { nextItem } from '../../src/components/ui/chart-menu';
import { SettledStatus } from '../../src/components/ui/settled-status';
import { SvgBars } from '../../src/components/ui/svg-bars';
import { csvBlob, toCsv } from '../../src/components/ui/csv';
import { ViewSettingsProvider, type ViewSettings } from '../../src/i18n/view-settings';
import type { Lang } from '../../src/i18n/i18n';

const TABLE: ChartTable = {
  columns: ['Precision', 'Weights'],
  rows: [
    ['BF16', '141 GB'],
    ['Q4_K_M', '42.5 GB'],
  ],
};

function renderFrame(lang: Lang = 'en', table: () => ChartTable = () => TABLE) {
  const view: ViewSettings = { lang, units: 'si', setLang: () => undefined, setUnits: () => undefined };
  const outside = render(
    <ViewSettingsProvider value={view}>
      <button type="button">outside</button>
      <ChartFrame id="memory-precision" title="Weights at each precision" summary="Weights of Llama 3.1 70B take 141 GB at BF16 and 42.5 GB at Q4_K_M." table={table}>
        <SvgBars rows={[{ key: 'a', name: 'a', text: 'a', value: 1, color: '#000', opacity: 1, title: 'a' }]} axis={{ domain: [0, 1], ticks: [0, 1], format: String, label: 'GB' }} label="GB (axis)" />
      </ChartFrame>
    </ViewSettingsProvider>,
  );
  return { ...outside, user: userEvent.setup({ delay: null }) };
}

describe('ChartFrame: name, summary and data table', () => {
  it('names the figure by its title and describes it by the summary, not by an axis label', () => {
    renderFrame();
    const figure = screen.getByRole('figure', { name: 'Weights at each precision' });
    expect(figure.getAttribute('data-chart')).toBe('memory-precision');
    const describedBy = figure.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Weights of Llama 3.1 70B take 141 GB at BF16 and 42.5 GB at Q4_K_M.');
    // The plot's svg is one image named by the title and the summary (its own label was the axis's).
    const image = within(figure).getByRole('img');
    expect(image.getAttribute('aria-label')).toBeNull();
    const names = (image.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(names).toEqual(['Weights at each precision', 'Weights of Llama 3.1 70B take 141 GB at BF16 and 42.5 GB at Q4_K_M.']);
  });

  it('builds the table only when opened, as a real table with caption and header scopes, reachable by keyboard', async () => {
    const build = vi.fn(() => TABLE);
    const { user } = renderFrame('zh', build);
    expect(build).not.toHaveBeenCalled();
    const toggle = screen.getByText('数据表');
    expect(toggle.tagName).toBe('SUMMARY');
    // Keyboard: Tab reaches the chart menu button, then the disclosure; Enter opens it.
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(toggle);
    // (jsdom does not turn Enter on a <summary> into a click as browsers do; the browser test does.)
    await user.click(toggle);
    const table = await screen.findByRole('table', { name: 'Weights at each precision' });
    expect(build).toHaveBeenCalled();
    expect(within(table).getAllByRole('columnheader').map((cell) => [cell.textContent, cell.getAttribute('scope')])).toEqual([
      ['Precision', 'col'],
      ['Weights', 'col'],
    ]);
    expect(within(table).getAllByRole('rowheader').map((cell) => [cell.textContent, cell.getAttribute('scope')])).toEqual([
      ['BF16', 'row'],
      ['Q4_K_M', 'row'],
    ]);
    expect(within(table).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['141 GB', '42.5 GB']);
    // The scroll box around it takes focus (a wide table scrolls sideways by keyboard on a phone).
    const region = table.closest('[role="region"]');
    expect(region?.getAttribute('tabindex')).toBe('0');
  });
});

describe('chart menu: a WAI-ARIA menu button', () => {
  it('opens with focus on the first item, arrows and Home/End move, Escape closes and returns focus', async () => {
    const { user } = renderFrame();
    const button = screen.getByRole('button', { name: /Share or download: Weights at each precision/ });
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const menu = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(menu?.getAttribute('role')).toBe('menu');
    expect(menu?.hidden).toBe(true);

    button.focus();
    await user.keyboard('{Enter}');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const items = within(menu!).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual(['Copy link', 'Copy embed code', 'Download PNG', 'Download SVG']);
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(items[3]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(items[3]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{Escape}');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);

    // ArrowUp on the button opens on the last item; Tab closes the menu.
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(items[3]);
    await user.tab();
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on a click outside and gives focus back to the button', async () => {
    const { user } = renderFrame();
    const button = screen.getByRole('button', { name: /Share or download/ });
    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await user.click(document.body);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(document.activeElement).toBe(button);
  });

  it('moves between items the APG way', () => {
    expect([nextItem('ArrowDown', 3, 4), nextItem('ArrowUp', 0, 4), nextItem('Home', 2, 4), nextItem('End', 0, 4), nextItem('a', 0, 4)]).toEqual([0, 3, 0, 3, null]);
  });
});

describe('SettledStatus: one announcement per rest, none on load', () => {
  it('stays empty on mount and speaks only the value the drag ended on', () => {
    vi.useFakeTimers();
    try {
      const { rerender } = render(<SettledStatus text="70B" />);
      const status = screen.getByRole('status');
      expect(status.textContent).toBe('');
      const observer = new MutationObserver(() => undefined);
      observer.observe(status, { childList: true, characterData: true, subtree: true });
      for (let step = 1; step <= 30; step++) {
        rerender(<SettledStatus text={`${70 + step}B`} />);
        act(() => vi.advanceTimersByTime(30));
      }
      expect(status.textContent).toBe('');
      act(() => vi.advanceTimersByTime(600));
      // One change of the live region (React writes the text once), with the final value.
      const records = observer.takeRecords();
      observer.disconnect();
      expect(status.textContent).toBe('100B');
      expect(records.length).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('CSV files', () => {
  it('start with a UTF-8 byte-order mark so spreadsheet apps read Chinese text', async () => {
    const bytes = new Uint8Array(await csvBlob(toCsv(['模型'], [['深度求索']])).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe('模型\r\n深度求索\r\n');
  });
});
