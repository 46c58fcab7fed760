/**
 * The serving section's controls and "can I run it": each control writes its scenario field (and
 * "none" / "default" write null, so the link stays short), bad typed values never reach the store,
 * the local answer follows the machine picked.
 */
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { createScenarioStore, type ScenarioStore } from '../../src/store/scenario-store';
import { ScenarioStoreProvider } from '../../src/store/store-context';
import { ViewSettingsProvider, type ViewSettings } from '../../src/i18n/view-settings';
import type { Lang } from '../../src/i18n/i18n';
import { ServingControls } from '../../src/features/serving/serving-controls';
import { LocalRun } from '../../src/features/serving/local-run';
import { ServingFrontierChart } from '../../src/features/serving/serving-chart';

vi.setConfig({ testTimeout: 30_000 });

function renderWith(children: React.ReactNode, lang: Lang = 'en', store: ScenarioStore = createScenarioStore()) {
  const view: ViewSettings = { lang, units: 'si', setLang: () => undefined, setUnits: () => undefined };
  const utils = render(
    <ScenarioStoreProvider store={store}>
      <ViewSettingsProvider value={view}>{children}</ViewSettingsProvider>
    </ScenarioStoreProvider>,
  );
  return { store, ...utils };
}

const checkbox = (testId: string) => within(screen.getByTestId(testId)).getByRole('checkbox') as HTMLInputElement;

describe('serving controls', () => {
  it('targets: unticking "no target" sets one, ticking it again clears it to null', () => {
    const { store } = renderWith(<ServingControls autoTp={2} moe={false} experts={1} />);
    expect(store.getState().scenario.tpotTarget).toBeNull();
    fireEvent.click(checkbox('serving-tpotTarget-none'));
    expect(store.getState().scenario.tpotTarget).toBe(0.05);
    fireEvent.click(checkbox('serving-tpotTarget-none'));
    expect(store.getState().scenario.tpotTarget).toBeNull();
  });
  it('concurrency: "most the targets allow" ↔ a fixed number', () => {
    const { store } = renderWith(<ServingControls autoTp={2} moe={false} experts={1} />);
    fireEvent.click(checkbox('serving-concurrency-max'));
    expect(store.getState().scenario.servingConcurrency).toBe(16);
    fireEvent.click(checkbox('serving-concurrency-max'));
    expect(store.getState().scenario.servingConcurrency).toBeNull();
  });
  it('GPUs per replica: a number, or back to the smallest group that fits (null)', () => {
    const { store } = renderWith(<ServingControls autoTp={2} moe={false} experts={1} />);
    const select = within(screen.getByTestId('serving-tp')).getByRole('combobox');
    fireEvent.change(select, { target: { value: '8' } });
    expect(store.getState().scenario.servingTp).toBe(8);
    fireEvent.change(select, { target: { value: 'auto' } });
    expect(store.getState().scenario.servingTp).toBeNull();
  });
  it('the automatic group names its size, or says none fits instead of a group of 1', () => {
    const { unmount } = renderWith(<ServingControls autoTp={2} moe={false} experts={1} />);
    const option = () => within(screen.getByTestId('serving-tp')).getByRole('option', { name: /Smallest group that fits/ }).textContent;
    expect(option()).toBe('Smallest group that fits (2)');
    unmount();
    renderWith(<ServingControls autoTp={null} moe={false} experts={1} />);
    expect(option()).toBe('Smallest group that fits (none does)');
  });
  it('prompt tokens typed in the serving controls write the scenario the inference section reads', () => {
    const { store } = renderWith(<ServingControls autoTp={2} moe={false} experts={1} />);
    const input = within(screen.getByTestId('serving-promptTokens')).getByRole('textbox', { hidden: true }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '2000' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.blur(input);
    expect(store.getState().scenario.promptTokens).toBe(2000);
  });
  it('EP is offered for a mixture-of-experts model only', () => {
    renderWith(<ServingControls autoTp={2} moe={false} experts={1} />);
    expect(screen.queryByTestId('serving-ep')).toBeNull();
  });
  it('typed garbage in a target field does not reach the store', () => {
    const { store } = renderWith(<ServingControls autoTp={2} moe={false} experts={1} />);
    fireEvent.click(checkbox('serving-ttftTarget-none'));
    const input = within(screen.getByTestId('serving-ttftTarget')).getByRole('textbox', { hidden: true }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'NaN' } });
    fireEvent.blur(input);
    const value = store.getState().scenario.ttftTarget;
    expect(value === null || Number.isFinite(value)).toBe(true);
  });
});

describe('can I run it', () => {
  it('answers in one sentence and follows the machine picked', async () => {
    const store = createScenarioStore();
    act(() => store.getState().update({ model: 'llama-2-7b', localDevice: 'apple-m4-16gb' }));
    renderWith(<LocalRun />, 'en', store);
    expect(screen.getByTestId('local-answer').textContent).toMatch(/runs on the Apple M4.*Q8_0/);
    const select = within(screen.getByTestId('local-device')).getByRole('combobox');
    act(() => {
      fireEvent.change(select, { target: { value: 'apple-m3-ultra-512gb' } });
    });
    expect(store.getState().scenario.localDevice).toBe('apple-m3-ultra-512gb');
    expect(await screen.findByText(/runs on the .*M3 Ultra.* at FP16/)).toBeTruthy();
  });
  it('in Chinese too, with the table of precisions', () => {
    const store = createScenarioStore();
    act(() => store.getState().update({ model: 'llama-3.1-70b', localDevice: 'rtx-4090' }));
    const { container } = renderWith(<LocalRun />, 'zh', store);
    expect(screen.getByTestId('local-answer').textContent).toMatch(/放不进.*系统内存/);
    expect(container.querySelectorAll('[data-table="can-i-run"] tbody tr')).toHaveLength(4);
  });
});

describe('frontier chart', () => {
  it('renders a curve and the operating point for the default scenario, with finite geometry', () => {
    const { container } = renderWith(<ServingFrontierChart />);
    const figure = container.querySelector('figure[data-chart="serving-frontier"]')!;
    expect(figure).not.toBeNull();
    expect(figure.innerHTML).not.toMatch(/NaN|Infinity/);
  });
});
