import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ControlsPanel } from '../../src/features/controls';
import { createScenarioStore } from '../../src/store/scenario-store';
import { ScenarioStoreProvider } from '../../src/store/store-context';
import { ViewSettingsProvider, type ViewSettings } from '../../src/i18n/view-settings';
import type { Lang } from '../../src/i18n/i18n';

vi.setConfig({ testTimeout: 30_000 });

function renderPanel(lang: Lang) {
  const store = createScenarioStore();
  const view: ViewSettings = { lang, units: 'si', setLang: () => undefined, setUnits: () => undefined };
  render(
    <ScenarioStoreProvider store={store}>
      <ViewSettingsProvider value={view}>
        <ControlsPanel />
      </ViewSettingsProvider>
    </ScenarioStoreProvider>,
  );
  return { store, user: userEvent.setup({ delay: null }) };
}

describe('a typed size is the size the page shows', () => {
  it('"100B" shows 100 billion parameters (the shape rule used to show 100.64B)', async () => {
    const { store, user } = renderPanel('en');
    const box = within(screen.getByTestId('size-slider'));
    const field = box.getByRole('textbox');
    await user.clear(field);
    await user.type(field, '100B{Enter}');
    expect(store.getState().scenario.params).toBe(1e11);
    expect(box.getByRole('slider').getAttribute('aria-valuetext')).toBe('100 billion parameters');
  });

  it('千亿 in Chinese is 1e11 and shows 1000亿', async () => {
    const { store, user } = renderPanel('zh');
    const box = within(screen.getByTestId('size-slider'));
    const field = box.getByRole('textbox');
    await user.clear(field);
    await user.type(field, '千亿{Enter}');
    expect(store.getState().scenario).toMatchObject({ model: 'size', params: 1e11 });
    expect(box.getByRole('slider').getAttribute('aria-valuetext')).toBe('1000亿参数');
  });
});

describe('a typed size that does not parse says why, next to the field', () => {
  it('"70 gigaparams" names the unknown unit (en); "1,5B" names the comma rule; the scenario is unchanged', async () => {
    const { store, user } = renderPanel('en');
    const before = store.getState().scenario;
    const box = within(screen.getByTestId('size-slider'));
    const field = box.getByRole('textbox');
    await user.clear(field);
    await user.type(field, '70 gigaparams{Enter}');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const alert = box.getByRole('alert');
    expect(alert.textContent).toBe('Unknown unit: use k, M, B, T (or thousand, million, billion, trillion) or 万, 亿.');
    expect(field.getAttribute('aria-describedby')).toBe(alert.id);
    await user.clear(field);
    await user.type(field, '1,5B{Enter}');
    expect(box.getByRole('alert').textContent).toMatch(/^Commas separate thousands only/);
    expect(store.getState().scenario).toBe(before);
    // A valid value clears the message.
    await user.clear(field);
    await user.type(field, '7B{Enter}');
    expect(box.queryByRole('alert')).toBeNull();
  });

  it('in Chinese the reason is Chinese, and a value beyond 100T becomes 100T, said in words', async () => {
    const { user } = renderPanel('zh');
    const box = within(screen.getByTestId('size-slider'));
    const field = box.getByRole('textbox');
    await user.clear(field);
    await user.type(field, '-5亿{Enter}');
    expect(box.getByRole('alert').textContent).toBe('数量不能为负。');
    await user.clear(field);
    await user.type(field, '1000T{Enter}');
    expect(box.queryByRole('alert')).toBeNull();
    expect(box.getByTestId('size-slider-note').textContent).toMatch(/原为 .+；最大只能是 .+。$/);
  });
});
