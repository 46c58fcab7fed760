import { describe, expect, it, beforeAll, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ControlsPanel } from '../../src/features/controls';
import { createScenarioStore, type ScenarioStore } from '../../src/store/scenario-store';
import { DEFAULT_SCENARIO } from '../../src/scenario/scenario';
import { ScenarioStoreProvider } from '../../src/store/store-context';
import { ViewSettingsProvider, type ViewSettings } from '../../src/i18n/view-settings';
import type { Lang } from '../../src/i18n/i18n';
import type { UnitSystem } from '../../src/i18n/format';
import { MODELS } from '../../src/data/models';
import { TRAINING_FRAMEWORKS } from '../../src/data/training-frameworks';
import { LLAMA_3_2_1B } from '../fixtures/hf-configs';
import { filterPresets } from '../../src/features/controls/model-picker';
import { virtualStageCounts } from '../../src/features/controls/layout-fields';

// Typing into a 40-option combobox in jsdom takes seconds on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });


function renderPanel(setup: { lang?: Lang; units?: UnitSystem; store?: ScenarioStore } = {}) {
  const store = setup.store ?? createScenarioStore();
  const view: ViewSettings = { lang: setup.lang ?? 'en', units: setup.units ?? 'si', setLang: () => undefined, setUnits: () => undefined };
  const user = userEvent.setup({ delay: null });
  const utils = render(
    <ScenarioStoreProvider store={store}>
      <ViewSettingsProvider value={view}>
        <ControlsPanel />
      </ViewSettingsProvider>
    </ScenarioStoreProvider>,
  );
  return { store, user, ...utils };
}

/**
 * jsdom has no default action for keys on `<input type="range">`; this does what Chromium does
 * (value ± step, snapped to the step grid from min, clamped; `input`, then `change` with the
 * value as re-rendered, snapped again — which once undid a CountField step in Chromium).
 */
beforeAll(() => {
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'range' || event.defaultPrevented) return;
    const min = Number(target.min);
    const max = Number(target.max);
    const step = Number(target.step) || 1;
    const value = Number(target.value);
    const delta: Record<string, number> = { ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step, PageUp: 10 * step, PageDown: -10 * step };
    let next: number;
    if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    else if (event.key in delta) next = value + (delta[event.key] ?? 0);
    else return;
    const snap = (v: number) => Math.min(max, Math.max(min, min + Math.round((v - min) / step) * step));
    fireEvent.input(target, { target: { value: String(snap(next)) } });
    // Chromium then fires `change`, reading the value React has set back, snapped to the step grid.
    fireEvent.change(target, { target: { value: String(snap(Number(target.value))) } });
  });
});

/** The picker's options (a DOM query: role queries over 40 options are slow in jsdom). */
function options(): HTMLElement[] {
  return [...screen.getByTestId('model-list').querySelectorAll<HTMLElement>('[role="option"]')];
}

function slider(testId: string): HTMLInputElement {
  return within(screen.getByTestId(testId)).getByRole('slider');
}
function exactField(testId: string): HTMLInputElement {
  return within(screen.getByTestId(testId)).getByRole('textbox');
}

describe('ControlsPanel: model', () => {
  it('shows the current model with its exact total in a tooltip', () => {
    renderPanel();
    expect(screen.getByTestId('model-name').textContent).toBe('Llama 3.1 70B');
    const total = screen.getByTestId('model-total');
    expect(total.textContent).toBe('70.6B');
    expect(total.getAttribute('title')).toBe('70,553,706,496 parameters');
  });

  it('the search filters presets by name, organisation and year', async () => {
    const { user } = renderPanel();
    const search = screen.getByRole('combobox', { name: 'Find a model' });
    await user.click(search);
    expect(options()).toHaveLength(MODELS.length);
    await user.type(search, 'qwen');
    const qwen = options();
    expect(qwen.length).toBe(MODELS.filter((model) => /qwen/i.test(model.name)).length);
    for (const option of qwen) expect(option.textContent).toMatch(/Qwen/);
    await user.clear(search);
    await user.type(search, 'mistral 2024');
    const names = within(screen.getByTestId('model-list'))
      .getAllByRole('option')
      .map((option) => option.getAttribute('data-model-id'));
    expect(names).toEqual(['mixtral-8x22b']);
    await user.clear(search);
    await user.type(search, 'zzzz');
    expect(options()).toHaveLength(0);
    expect(screen.getByText('No preset matches “zzzz”.')).toBeTruthy();
  });

  it('picking a preset updates the store and clears the overrides (mouse and keyboard)', async () => {
    const store = createScenarioStore();
    store.getState().setOverride('layers', 40);
    const { user } = renderPanel({ store });
    const search = screen.getByRole('combobox', { name: 'Find a model' });
    await user.click(search);
    await user.type(search, 'mixtral 8x22');
    await user.click(options().find((option) => option.getAttribute('data-model-id') === 'mixtral-8x22b') as HTMLElement);
    expect(store.getState().scenario.model).toBe('mixtral-8x22b');
    expect(store.getState().scenario.overrides).toEqual({});
    expect(screen.getByTestId('model-name').textContent).toBe('Mixtral 8x22B');
    expect(screen.getByTestId('model-active')).toBeTruthy(); // an MoE shows active parameters

    store.getState().setOverride('hidden', 1024);
    await user.click(search);
    await user.type(search, 'llama 3.1');
    const matches = filterPresets('llama 3.1').map((model) => model.id);
    expect(matches.length).toBeGreaterThanOrEqual(3);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}{ArrowDown}{Enter}');
    expect(store.getState().scenario.model).toBe(matches[2]);
    expect(store.getState().scenario.overrides).toEqual({});
    expect(screen.getByTestId('model-list').hidden).toBe(true);
  });

  it('Escape closes the list, ArrowDown opens it at the current model', async () => {
    const { user } = renderPanel();
    const search = screen.getByRole('combobox', { name: 'Find a model' });
    await user.click(search);
    expect(search.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');
    expect(search.getAttribute('aria-expanded')).toBe('false');
    await user.keyboard('{ArrowDown}');
    expect(search.getAttribute('aria-expanded')).toBe('true');
    const active = document.getElementById(search.getAttribute('aria-activedescendant') ?? '');
    expect(active?.getAttribute('data-model-id')).toBe('llama-3.1-70b');
    expect(active?.getAttribute('aria-selected')).toBe('true');
  });

  it('shows GPT-4 and the article models with a badge', async () => {
    const { user, store } = renderPanel();
    const search = screen.getByRole('combobox', { name: 'Find a model' });
    await user.click(search);
    await user.type(search, 'gpt-4');
    const option = options().find((element) => element.getAttribute('data-model-id') === 'gpt-4-estimate') as HTMLElement;
    expect(option.textContent).toContain('unconfirmed estimate');
    await user.click(option);
    expect(store.getState().scenario.model).toBe('gpt-4-estimate');
    expect(within(screen.getByTestId('model-summary')).getByText('unconfirmed estimate')).toBeTruthy();
    await user.click(search);
    await user.type(search, 'article');
    const articles = options();
    expect(articles).toHaveLength(3);
    for (const article of articles) expect(article.textContent).toContain('hypothetical');
  });
});

describe('ControlsPanel: size slider', () => {
  it('its number field accepts 1T and sets a shape-rule model of 1e12 parameters', async () => {
    const { user, store } = renderPanel();
    const field = exactField('size-slider');
    await user.clear(field);
    await user.type(field, '1T{Enter}');
    expect(store.getState().scenario.model).toBe('size');
    expect(store.getState().scenario.params).toBe(1e12);
    expect(store.getState().scenario.overrides).toEqual({});
  });

  it('accepts 1万亿 in Chinese, and 7000亿', async () => {
    const { user, store } = renderPanel({ lang: 'zh' });
    const field = exactField('size-slider');
    await user.clear(field);
    await user.type(field, '1万亿{Enter}');
    expect(store.getState().scenario).toMatchObject({ model: 'size', params: 1e12 });
    await user.clear(field);
    await user.type(field, '7000亿{Enter}');
    expect(store.getState().scenario.params).toBe(7e11);
  });

  it('rejects text it cannot read and keeps the scenario', async () => {
    const { user, store } = renderPanel();
    const before = store.getState().scenario;
    const field = exactField('size-slider');
    await user.clear(field);
    await user.type(field, 'lots{Enter}');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(store.getState().scenario).toBe(before);
  });

  it('aria-valuetext carries units, in English and Chinese', () => {
    // A pinned MFU shows its slider (the default, null, is predicted by the planner).
    const first = renderPanel({ store: createScenarioStore({ ...DEFAULT_SCENARIO, mfu: 0.4 }) });
    expect(slider('size-slider').getAttribute('aria-valuetext')).toBe('70.6 billion parameters');
    expect(slider('gpu-count').getAttribute('aria-valuetext')).toBe('1,024 GPUs');
    expect(slider('mfu').getAttribute('aria-valuetext')).toBe('40%');
    expect(slider('prompt-tokens').getAttribute('aria-valuetext')).toBe('1,000 tokens');
    first.unmount();
    renderPanel({ lang: 'zh' });
    expect(slider('size-slider').getAttribute('aria-valuetext')).toBe('706亿参数');
    expect(slider('gpu-count').getAttribute('aria-valuetext')).toBe('1,024 张 GPU');
  });

  it('ArrowRight on a slider changes the store (size, GPU count, and a small integer)', async () => {
    const { user, store } = renderPanel();
    slider('size-slider').focus();
    await user.keyboard('{ArrowRight}');
    const afterSize = store.getState().scenario;
    expect(afterSize.model).toBe('size');
    expect(afterSize.params).toBeGreaterThan(70e9);
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(store.getState().scenario.params).toBeGreaterThan(afterSize.params);

    slider('gpu-count').focus();
    await user.keyboard('{ArrowRight}');
    expect(store.getState().scenario.gpuCount).toBeGreaterThan(1024);

    // A log slider at 1: one step (×1.02) would round back to 1; it moves to 2 instead.
    act(() => store.getState().update({ microBatch: 1 }));
    slider('micro-batch').focus();
    await user.keyboard('{ArrowRight}');
    expect(store.getState().scenario.microBatch).toBe(2);
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().scenario.microBatch).toBe(1);
  });
});

describe('ControlsPanel: architecture', () => {
  it('shows the resolved architecture, writes overrides and resets them', async () => {
    const { user, store } = renderPanel();
    await user.click(screen.getByText('Architecture'));
    expect(exactField('arch-hidden').value).toBe('8192');
    expect(exactField('arch-layers').value).toBe('80');
    const layers = exactField('arch-layers');
    await user.clear(layers);
    await user.type(layers, '40{Enter}');
    expect(store.getState().scenario.overrides).toEqual({ layers: 40 });
    expect(within(screen.getByTestId('arch-layers')).getByText('changed · the model has 80')).toBeTruthy();
    // KV heads: the core clamps to a divisor of the 64 heads; the field shows the core's value.
    const kv = exactField('arch-kvHeads');
    await user.clear(kv);
    await user.type(kv, '5{Enter}');
    expect(store.getState().scenario.overrides.kvHeads).toBe(5);
    expect(exactField('arch-kvHeads').value).toBe('4');
    await user.click(screen.getByTestId('reset-architecture'));
    expect(store.getState().scenario.overrides).toEqual({});
    expect(exactField('arch-layers').value).toBe('80');
  });

  it('an override the core rejects is shown with its message and ignored', async () => {
    const { user, store } = renderPanel();
    await user.click(screen.getByText('Architecture'));
    const heads = exactField('arch-heads');
    await user.clear(heads);
    await user.type(heads, '60{Enter}');
    expect(store.getState().scenario.overrides.heads).toBe(60);
    expect(screen.getByRole('alert').textContent).toMatch(/hidden \(8192\) must be divisible by heads \(60\)/);
    expect(screen.getByTestId('model-total').textContent).toBe('70.6B');
  });
});

describe('ControlsPanel: config.json import', () => {
  async function openImport(user: ReturnType<typeof userEvent.setup>) {
    await user.click(screen.getByText('Open a model file (.gguf, .safetensors) or a config.json'));
    return screen.getByTestId('config-text') as HTMLTextAreaElement;
  }

  it('a real config (Llama-3.2-1B) fills the architecture', async () => {
    const { user, store } = renderPanel();
    const text = await openImport(user);
    await user.click(text);
    await user.paste(JSON.stringify(LLAMA_3_2_1B.config, null, 2));
    await user.click(screen.getByTestId('config-import-button'));
    const scenario = store.getState().scenario;
    expect(scenario.model).toBe('custom');
    expect(scenario.customConfig).toMatchObject({ hidden_size: 2048, num_key_value_heads: 8, model_type: 'llama' });
    expect(scenario.overrides).toEqual({});
    expect(screen.getByTestId('import-message').textContent).toMatch(/Imported .*1\.24B parameters/);
    expect(screen.getByTestId('model-total').getAttribute('title')).toBe('1,235,814,400 parameters');
    await user.click(screen.getByText('Architecture'));
    expect(exactField('arch-hidden').value).toBe('2048');
    expect(exactField('arch-layers').value).toBe('16');
    expect(exactField('arch-kvHeads').value).toBe('8');
  });

  it('broken JSON shows where, and leaves the scenario identical', async () => {
    const { user, store } = renderPanel();
    const before = store.getState().scenario;
    const text = await openImport(user);
    await user.click(text);
    await user.paste('{\n  "model_type": "llama",\n  "hidden_size": 2048,\n}');
    await user.click(screen.getByTestId('config-import-button'));
    const message = screen.getByTestId('import-message');
    expect(message.getAttribute('role')).toBe('alert');
    expect(message.textContent).toMatch(/Not valid JSON at line 4, column 1/);
    expect(store.getState().scenario).toBe(before);
  });

  it('num_key_value_heads 5 with 32 heads names the field, and leaves the scenario identical', async () => {
    const { user, store } = renderPanel();
    const before = store.getState().scenario;
    const text = await openImport(user);
    await user.click(text);
    await user.paste(JSON.stringify({ ...LLAMA_3_2_1B.config, num_key_value_heads: 5, num_attention_heads: 32 }));
    await user.click(screen.getByTestId('config-import-button'));
    const message = screen.getByTestId('import-message').textContent ?? '';
    expect(message).toContain('num_key_value_heads');
    expect(message).toMatch(/must divide num_attention_heads \(32\)/);
    expect(store.getState().scenario).toBe(before);
  });

  it('markup in a config is shown as text, never as HTML', async () => {
    const { user, container } = renderPanel();
    const text = await openImport(user);
    await user.click(text);
    await user.paste(JSON.stringify({ ...LLAMA_3_2_1B.config, _name_or_path: '<img src=x onerror="window.pwned=1">' }));
    await user.click(screen.getByTestId('config-import-button'));
    expect(screen.getByTestId('import-message').textContent).toContain('<img src=x');
    expect(container.querySelector('img')).toBeNull();
  });

  it('dragging a file over the closed import group opens it', () => {
    renderPanel();
    const details = screen.getByTestId('config-import') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    fireEvent.dragOver(screen.getByText('Open a model file (.gguf, .safetensors) or a config.json'), { dataTransfer: { files: [], getData: () => '' } });
    expect(details.open).toBe(true);
    expect(screen.getByText('Release to import')).toBeTruthy();
  });

  it('reads a dropped file and a chosen file; refuses a file over 1 MB', async () => {
    const { user, store } = renderPanel();
    await openImport(user);
    const json = JSON.stringify(LLAMA_3_2_1B.config);
    const dropped = new File([json], 'config.json', { type: 'application/json' });
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [dropped], getData: () => '' } });
    await waitFor(() => expect(store.getState().scenario.model).toBe('custom'));
    expect((screen.getByTestId('config-text') as HTMLTextAreaElement).value).toBe(json);

    act(() => store.getState().chooseModel('gpt-2'));
    await user.upload(screen.getByTestId('config-file'), new File([json], 'config.json', { type: 'application/json' }));
    await waitFor(() => expect(store.getState().scenario.model).toBe('custom'));

    const before = store.getState().scenario;
    const huge = new File(['{"a": "' + 'x'.repeat(1_100_000) + '"}'], 'huge.json', { type: 'application/json' });
    await user.upload(screen.getByTestId('config-file'), huge);
    await waitFor(() => expect(screen.getByTestId('import-message').textContent).toMatch(/limit is 1 MB/));
    expect(store.getState().scenario).toBe(before);
  });
});

describe('ControlsPanel: precision, hardware, training, inference', () => {
  it('precision options carry bits per weight; KV and training lists are filtered', async () => {
    const { user, store } = renderPanel();
    const weights = within(screen.getByTestId('precision-weightPrecision')).getByRole('combobox');
    const optionLabels = within(weights).getAllByRole('option').map((option) => option.textContent);
    expect(optionLabels).toContain('Q4_K_M (GGUF) · 4.85 bits');
    const kvLabels = within(within(screen.getByTestId('precision-kvPrecision')).getByRole('combobox'))
      .getAllByRole('option')
      .map((option) => option.getAttribute('value'));
    expect(kvLabels).not.toContain('q4_k_m');
    const trainLabels = within(within(screen.getByTestId('precision-trainPrecision')).getByRole('combobox'))
      .getAllByRole('option')
      .map((option) => option.getAttribute('value'));
    expect(trainLabels).not.toContain('int4');
    await user.selectOptions(weights, 'int4');
    expect(store.getState().scenario.weightPrecision).toBe('int4');
  });

  it('accelerators are grouped; a preset shows its specs, custom writes SI units (GiB when asked)', async () => {
    const { user, store } = renderPanel({ units: 'iec' });
    const select = within(screen.getByTestId('gpu-select')).getByRole('combobox');
    expect(select.querySelectorAll('optgroup')).toHaveLength(4);
    expect(screen.getByTestId('gpu-spec').textContent).toMatch(/74\.5 GiB/); // H100 80 GB in GiB
    await user.selectOptions(select, 'custom');
    expect(store.getState().scenario.gpu).toBe('custom');
    const memory = exactField('custom-memoryBytes');
    expect(within(screen.getByTestId('custom-memoryBytes')).getByText('Memory (GiB)')).toBeTruthy();
    await user.clear(memory);
    await user.type(memory, '96{Enter}');
    expect(store.getState().scenario.customGpu.memoryBytes).toBe(96 * 2 ** 30);
    const tflops = exactField('custom-flops');
    await user.clear(tflops);
    await user.type(tflops, '2000{Enter}');
    expect(store.getState().scenario.customGpu.flops).toBe(2e15);
  });

  it('MFU in percent, price null ↔ a number, PUE and electricity', async () => {
    const { user, store } = renderPanel({ store: createScenarioStore({ ...DEFAULT_SCENARIO, mfu: 0.4 }) });
    const mfu = exactField('mfu');
    expect(mfu.value).toBe('40');
    await user.clear(mfu);
    await user.type(mfu, '35%{Enter}');
    expect(store.getState().scenario.mfu).toBe(0.35);
    expect(store.getState().scenario.usdPerGpuHour).toBeNull();
    await user.click(within(screen.getByTestId('use-preset-price')).getByRole('checkbox'));
    expect(store.getState().scenario.usdPerGpuHour).toBeGreaterThan(0);
    await user.click(within(screen.getByTestId('use-preset-price')).getByRole('checkbox'));
    expect(store.getState().scenario.usdPerGpuHour).toBeNull();
    const pue = exactField('pue');
    await user.clear(pue);
    await user.type(pue, '1.3{Enter}');
    expect(store.getState().scenario.pue).toBe(1.3);
  });

  it('tokens switch between per-parameter and a fixed count; data parallel is derived', async () => {
    const { user, store } = renderPanel();
    expect(store.getState().scenario.tokens).toBeNull();
    await user.click(screen.getByTestId('tokens-fixed'));
    expect(store.getState().scenario.tokens).toBe(Math.round(20 * 70_553_706_496));
    const tokens = exactField('tokens-slider');
    await user.clear(tokens);
    await user.type(tokens, '15T{Enter}');
    expect(store.getState().scenario.tokens).toBe(15e12);
    await user.click(screen.getByTestId('tokens-per-param'));
    expect(store.getState().scenario.tokens).toBeNull();
    expect(store.getState().scenario.tokensPerParam).toBeCloseTo(15e12 / 70_553_706_496, 1);

    expect(screen.getByTestId('data-parallel').textContent).toContain('128 = ⌊1,024 ÷ (8 × 1)⌋');
    await user.selectOptions(within(screen.getByTestId('pipelineParallel')).getByRole('combobox'), '4');
    expect(store.getState().scenario.pipelineParallel).toBe(4);
    expect(screen.getByTestId('data-parallel').textContent).toContain('32 = ⌊1,024 ÷ (8 × 4)⌋');
    // A GPU count the layout does not divide: the leftover GPUs, and that the layout cannot run (as the training section says).
    act(() => store.getState().update({ gpuCount: 1000 }));
    expect(screen.getByTestId('training-group').textContent).toContain('8 GPUs left over: the GPU count is not a multiple of tensor × pipeline × context parallel, so this layout cannot run.');
    act(() => store.getState().update({ gpuCount: 1024 }));
    // VP offers 1–12 and the deeper divisors of the 80 layers' 20 per stage (one layer per virtual stage).
    const virtual = within(screen.getByTestId('virtualPipeline')).getByRole('combobox');
    const offered = within(virtual).getAllByRole('option').map((option) => Number((option as HTMLOptionElement).value));
    expect(offered).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20]);
    await user.selectOptions(virtual, '20');
    expect(store.getState().scenario.virtualPipeline).toBe(20);
    await user.selectOptions(virtual, '1');
    await user.selectOptions(within(screen.getByTestId('zero-stage')).getByRole('combobox'), '3');
    expect(store.getState().scenario.zeroStage).toBe(3);
    await user.selectOptions(within(screen.getByTestId('recompute')).getByRole('combobox'), 'full');
    expect(store.getState().scenario.recompute).toBe('full');
    await user.click(within(screen.getByTestId('sequence-parallel')).getByRole('checkbox'));
    expect(store.getState().scenario.sequenceParallel).toBe(false);
    // Activation offload: none by default; a count writes the field and says what it needs.
    const offload = screen.getByTestId('offloadLayers');
    expect(within(offload).getByRole('combobox')).toHaveProperty('value', '0');
    expect(offload.parentElement?.textContent).not.toContain('Needs pipeline parallel 1');
    await user.selectOptions(within(offload).getByRole('combobox'), '40');
    expect(store.getState().scenario.offloadLayers).toBe(40);
    expect(screen.getByTestId('training-group').textContent).toContain('Needs pipeline parallel 1 and no recomputation');
    // Training software: automatic (NVIDIA's per generation) by default; a choice writes its id and says what it models.
    const software = within(screen.getByTestId('training-framework')).getByRole('combobox');
    expect(software).toHaveProperty('value', 'auto');
    expect(within(software).getAllByRole('option')).toHaveLength(TRAINING_FRAMEWORKS.length + 1);
    expect(screen.getByTestId('training-framework-note').textContent).toContain('Megatron-LM 2022 on A100');
    await user.selectOptions(software, 'fsdp-xformers-2023');
    expect(store.getState().scenario.trainingFramework).toBe('fsdp-xformers-2023');
    expect(screen.getByTestId('training-framework-note').textContent).toBe(
      'FlashAttention; tensor-parallel traffic hidden in the backward pass only; gradients reduced in 16 bits during the backward pass; no interleaved pipeline schedule; kernels at 75.3% of the modelled rates.',
    );
    await user.selectOptions(software, 'megatron-lm-2021');
    expect(screen.getByTestId('training-framework-note').textContent).toContain('unfused attention');
    expect(screen.getByTestId('training-framework-note').textContent).toContain('gradients reduced in 16 bits after the backward pass');
    // Megatron-Core and NeMo's recipes read apart: FP32 gradients, against 16-bit ones and FP8 weight gathers.
    await user.selectOptions(software, 'megatron-core');
    expect(screen.getByTestId('training-framework-note').textContent).toContain('gradients reduced in FP32 during the backward pass.');
    await user.selectOptions(software, 'nemo-2');
    expect(screen.getByTestId('training-framework-note').textContent).toContain('gradients reduced in 16 bits during the backward pass; weights gathered in FP8 when the matmuls run in FP8.');
  });

  it('inference fields write prompt, output, batch and load', async () => {
    const { user, store } = renderPanel();
    for (const [id, text, key, expected] of [
      ['prompt-tokens', '8k', 'promptTokens', 8000],
      ['output-tokens', '256', 'outputTokens', 256],
      ['batch', '64', 'batch', 64],
      ['requests-per-second', '1000', 'requestsPerSecond', 1000],
    ] as const) {
      const field = exactField(id);
      await user.clear(field);
      await user.type(field, `${text}{Enter}`);
      expect(store.getState().scenario[key]).toBe(expected);
    }
  });
});

describe('ControlsPanel: Chinese', () => {
  // Terms that stay in Latin letters in Chinese technical writing, and units.
  // File names and extensions are not translated (model.safetensors.index.json, .gguf).
  const ALLOWED = /\b(NVIDIA|Megatron-Core|Megatron-LM|NeMo|Blackwell|GPT|GPU|FFN|KV|ZeRO|MFU|PUE|BF16|TFLOP\/s|FLOPs|token|config\.json|JSON|Apple|TPU|GB|GiB|W|N|D|USD|model_type|Llama|GGUF|model\.safetensors\.index\.json|gguf|safetensors)\b/g;

  it('labels, legends and buttons have no English left', async () => {
    const { user, container } = renderPanel({ lang: 'zh' });
    await user.click(screen.getByText('架构'));
    await user.click(screen.getByText('打开模型文件（.gguf、.safetensors）或 config.json'));
    const texts = [...container.querySelectorAll('label, legend, summary, h2, dt, button, .slider-field__hint, .controls-note, [role="combobox"]')]
      .map((element) => element.textContent ?? '')
      .concat([...container.querySelectorAll('input[placeholder]')].map((element) => element.getAttribute('placeholder') ?? ''));
    expect(texts.length).toBeGreaterThan(40);
    const leftovers = texts
      .filter((text) => !text.startsWith('{')) // the JSON placeholder is JSON
      .map((text) => text.replace(ALLOWED, ''))
      .filter((text) => /[A-Za-z]{3,}/.test(text));
    expect(leftovers).toEqual([]);
    expect(screen.getByText('模型')).toBeTruthy();
    expect(screen.getByText('隐藏维度')).toBeTruthy();
    expect(screen.getByText('训练（混合精度）')).toBeTruthy();
    const zero = within(within(screen.getByTestId('zero-stage')).getByRole('combobox')).getAllByRole('option');
    expect(zero.map((option) => option.textContent)).toEqual(['0 — 不切分', '1 — 切分优化器状态', '2 — 再切分梯度', '3 — 再切分权重']);
  });

  it('names the article models in Chinese', async () => {
    const { user } = renderPanel({ lang: 'zh' });
    const search = screen.getByRole('combobox', { name: '查找模型' });
    await user.click(search);
    await user.type(search, '原文');
    const found = options();
    expect(found.map((option) => option.textContent)).toEqual([
      expect.stringContaining('原文的“千亿”模型'),
      expect.stringContaining('原文的万亿模型'),
      expect.stringContaining('原文的 10 万亿模型'),
    ]);
    for (const option of found) expect(option.textContent).toContain('假想');
  });
});

describe('ControlsPanel: narrow subscriptions', () => {
  // The controls read the model through the store's memoized resolver: the same resolution object
  // means it was not resolved again.
  const resolution = (store: ScenarioStore) => store.select.model(store.getState().scenario);

  it('a GPU-count or MFU step does not resolve the model again', () => {
    const { store } = renderPanel();
    const before = resolution(store);
    act(() => store.getState().update({ gpuCount: 2048 }));
    act(() => store.getState().update({ mfu: 0.5 }));
    expect(resolution(store)).toBe(before);
    expect(screen.getByTestId('model-total').textContent).toBe('70.6B');
    act(() => store.getState().chooseSize(2e12));
    expect(resolution(store)).not.toBe(before);
    expect(screen.getByTestId('model-total').textContent).toBe('2T');
  });

  it('nor with an imported config and overrides', () => {
    const store = createScenarioStore();
    store.getState().useConfig({ ...LLAMA_3_2_1B.config });
    store.getState().setOverride('layers', 20);
    renderPanel({ store });
    const before = resolution(store);
    expect(before.model.arch.layers).toBe(20);
    act(() => store.getState().update({ gpuCount: 4096 }));
    act(() => store.getState().update({ batch: 3 }));
    expect(resolution(store)).toBe(before);
    expect(screen.getByTestId('model-summary').textContent).toContain('1 architecture field changed by hand.');
  });
});

describe('virtualStageCounts', () => {
  it('adds the divisors above 12 of the layers per stage, only when pp divides the layers', () => {
    expect(virtualStageCounts(92, 4)).toContain(23);
    expect(virtualStageCounts(84, 2).slice(12)).toEqual([14, 21, 42]);
    expect(virtualStageCounts(96, 8)).toHaveLength(12);
    expect(virtualStageCounts(126, 8)).toHaveLength(12);
    expect(virtualStageCounts(80, 1)).toHaveLength(12);
  });
});
