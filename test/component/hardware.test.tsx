/** The hardware chart's one-sentence summary, when some card serves the model and when none can. */
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { createScenarioStore } from '../../src/store/scenario-store';
import { ScenarioStoreProvider } from '../../src/store/store-context';
import { ViewSettingsProvider, type ViewSettings } from '../../src/i18n/view-settings';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/scenario/scenario';
import { HardwareTimelineChart } from '../../src/features/hardware/hardware-timeline-chart';

function summaryOf(scenario: Partial<Scenario>): string {
  const view: ViewSettings = { lang: 'en', units: 'si', setLang: () => undefined, setUnits: () => undefined };
  const { container, unmount } = render(
    <ScenarioStoreProvider store={createScenarioStore({ ...DEFAULT_SCENARIO, ...scenario })}>
      <ViewSettingsProvider value={view}>
        <HardwareTimelineChart />
      </ViewSettingsProvider>
    </ScenarioStoreProvider>,
  );
  const text = container.textContent ?? '';
  unmount();
  return text;
}

describe('hardware chart summary', () => {
  it('names the largest model one card serves', () => {
    expect(summaryOf({})).toMatch(/the largest model one card serves at BF16 is [\d.]+B \(/);
  });
  it('with a million-token sequence of Llama 3.1 405B no card serves anything, and it says so instead of "0 (—)"', () => {
    const text = summaryOf({ model: 'llama-3.1-405b', promptTokens: 1_000_000 });
    expect(text).toContain('no card serves any model with one sequence this long');
    expect(text).not.toContain('(—)');
  });
});
