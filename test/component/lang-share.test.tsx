import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ControlsPanel } from '../../src/features/controls';
import { createScenarioStore } from '../../src/store/scenario-store';
import { ScenarioStoreProvider } from '../../src/store/store-context';
import { ViewSettingsProvider, type ViewSettings } from '../../src/i18n/view-settings';
import type { Lang } from '../../src/i18n/i18n';
import { ShareContext, type Share } from '../../src/components/ui/share-context';
import { ShareButton } from '../../src/app/share-button';
import { usePins } from '../../src/features/compare/use-pins';
import { MAX_PINS, PINS_STORAGE_KEY, writePins } from '../../src/features/compare/compare.data';
import { encodeScenario } from '../../src/scenario/url-codec';
import { DEFAULT_SCENARIO } from '../../src/scenario/scenario';

vi.setConfig({ testTimeout: 30_000 });

function view(lang: Lang): ViewSettings {
  return { lang, units: 'si', setLang: () => undefined, setUnits: () => undefined };
}

function renderPanel(lang: Lang = 'en') {
  const store = createScenarioStore();
  const user = userEvent.setup({ delay: null });
  render(
    <ScenarioStoreProvider store={store}>
      <ViewSettingsProvider value={view(lang)}>
        <ControlsPanel />
      </ViewSettingsProvider>
    </ScenarioStoreProvider>,
  );
  return { store, user };
}

/** The exact-value text field of a slider, by its test id. */
function exactField(testId: string): HTMLInputElement {
  const field = screen.getByTestId(testId).querySelector<HTMLInputElement>('.slider-field__number');
  if (!field) throw new Error(`no number field in ${testId}`);
  return field;
}

describe('typed values outside a field’s range are clamped, with a note in words', () => {
  it('MFU typed as 700 (%) becomes 100 % and says so', async () => {
    const { store, user } = renderPanel();
    // MFU is predicted by the planner unless pinned: pin it to type one.
    await user.click(screen.getByTestId('mfu-pinned'));
    const field = exactField('mfu');
    await user.clear(field);
    await user.type(field, '700{Enter}');
    expect(store.getState().scenario.mfu).toBe(1);
    expect(screen.getByTestId('mfu-slider-note').textContent).toBe('Pinned MFU was 700%; the largest is 100%.');
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('GPUs typed as 0 become 1, in Chinese', async () => {
    const { store, user } = renderPanel('zh');
    const field = exactField('gpu-count');
    await user.clear(field);
    await user.type(field, '0{Enter}');
    expect(store.getState().scenario.gpuCount).toBe(1);
    const note = screen.getByTestId('gpu-count-note').textContent ?? '';
    expect(note).toMatch(/^GPU 数量（训练）原为 0.*；最小只能是 1.*。$/);
  });

  it('a value inside the range is used as typed, with no note', async () => {
    const { store, user } = renderPanel();
    // MFU is predicted by the planner unless pinned: pin it to type one.
    await user.click(screen.getByTestId('mfu-pinned'));
    const field = exactField('mfu');
    await user.clear(field);
    await user.type(field, '55{Enter}');
    expect(store.getState().scenario.mfu).toBeCloseTo(0.55, 10);
    expect(screen.queryByTestId('mfu-note')).toBeNull();
  });
});

describe('the page’s Share button', () => {
  const link = 'https://example.org/explorer/?v=1&m=gpt-3-175b&lang=en';
  const share: Share = { linkFor: (id) => (id === null ? link : `${link}&embed=${id}`), embedded: false };

  function renderShare(lang: Lang = 'en') {
    const user = userEvent.setup({ delay: null });
    render(
      <ViewSettingsProvider value={view(lang)}>
        <ShareContext.Provider value={share}>
          <ShareButton />
        </ShareContext.Provider>
      </ViewSettingsProvider>,
    );
    return user;
  }

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('copies the link of the current scenario and says so', async () => {
    const user = renderShare();
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByTestId('share'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Link to this scenario copied.'));
    expect(writeText).toHaveBeenCalledWith(link);
    expect(screen.queryByTestId('share-link')).toBeNull();
  });

  it('shows the link in a selected field when the clipboard is refused (Chinese)', async () => {
    const user = renderShare('zh');
    const writeText = vi.fn<(text: string) => Promise<void>>().mockRejectedValue(new Error('NotAllowedError'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: '分享' }));
    const field = await screen.findByTestId<HTMLInputElement>('share-link');
    expect(field.value).toBe(link);
    expect(field.readOnly).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('浏览器拒绝了复制：请手动复制下面的链接。');
  });
});

describe('pins beyond the limit are kept, never silently deleted', () => {
  afterEach(() => localStorage.clear());

  it('shows MAX_PINS, keeps the rest in storage, and moves one in when a pin is removed', () => {
    const query = encodeScenario({ ...DEFAULT_SCENARIO, gpuCount: 64 });
    localStorage.setItem(PINS_STORAGE_KEY, writePins(Array.from({ length: MAX_PINS + 3 }, (_, i) => ({ name: `p${i}`, query }))));
    const { result } = renderHook(() => usePins());
    expect(result.current.pins).toHaveLength(MAX_PINS);
    expect(result.current.extra).toHaveLength(3);
    expect(result.current.full).toBe(true);
    expect(result.current.dropped).toBe(0);
    act(() => result.current.remove(0));
    expect(result.current.pins.map((pin) => pin.name).at(-1)).toBe(`p${MAX_PINS}`);
    expect(result.current.extra).toHaveLength(2);
    const stored = JSON.parse(localStorage.getItem(PINS_STORAGE_KEY) ?? '{}') as { pins: unknown[] };
    expect(stored.pins).toHaveLength(MAX_PINS + 2);
  });
});
