/**
 * The inference section in jsdom: a setup that does not fit shows no time or cost (as the training
 * section shows none for a layout that cannot run), and one that fits shows them.
 */
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { createScenarioStore } from '../../src/store/scenario-store';
import { ScenarioStoreProvider } from '../../src/store/store-context';
import { ViewSettingsProvider, type ViewSettings } from '../../src/i18n/view-settings';
import type { Lang } from '../../src/i18n/i18n';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/scenario/scenario';
import { InferenceSection } from '../../src/features/inference/inference-section';

function renderWith(scenario: Partial<Scenario>, lang: Lang = 'en') {
  const view: ViewSettings = { lang, units: 'si', setLang: () => undefined, setUnits: () => undefined };
  return render(
    <ScenarioStoreProvider store={createScenarioStore({ ...DEFAULT_SCENARIO, ...scenario })}>
      <ViewSettingsProvider value={view}>
        <InferenceSection />
      </ViewSettingsProvider>
    </ScenarioStoreProvider>,
  );
}

const TIME_AND_COST = ['inference-ttft', 'inference-decode', 'inference-aggregate', 'inference-cost', 'inference-request'];

describe('inference section', () => {
  it('DeepSeek-V3 with a million-token prompt on one RTX 4090 does not fit: no time or cost, a reason instead', () => {
    renderWith({ model: 'deepseek-v3', gpu: 'rtx-4090', gpuCount: 1, promptTokens: 1_000_000, outputTokens: 100_000 });
    expect(screen.getByTestId('inference-gpus').textContent).toContain('DOES NOT FIT');
    for (const id of TIME_AND_COST) {
      const text = screen.getByTestId(id).textContent ?? '';
      expect(text, id).toContain('—');
      expect(text, id).toContain('Not shown: the weights and KV cache do not fit');
      expect(text, id).not.toMatch(/\d+(\.\d+)? (ms|s|min|h|days|tokens\/s)|\$\d/);
    }
  });

  it('the default (Llama 3.1 70B on H100) fits and shows them, in Chinese too', () => {
    renderWith({}, 'zh');
    for (const id of TIME_AND_COST) expect(screen.getByTestId(id).textContent, id).not.toContain('不显示');
    expect(screen.getByTestId('inference-cost').textContent).toMatch(/\d/);
  });
});
