/**
 * The training plan section and the planner's controls in jsdom. jsdom has no Worker: the tests
 * inject runners through the section's contexts — one that runs the real planner after a task
 * (as the worker answers), one that fails, and none (no Worker) — and check what a reader sees.
 */
import { describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createScenarioStore, type ScenarioStore } from '../../src/store/scenario-store';
import { ScenarioStoreProvider } from '../../src/store/store-context';
import { ViewSettingsProvider, type ViewSettings } from '../../src/i18n/view-settings';
import type { Lang } from '../../src/i18n/i18n';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/scenario/scenario';
import { TrainingPlanSection } from '../../src/features/training-plan/training-plan-section';
import { TrainingSection } from '../../src/features/training/training-section';
import { ControlsPanel } from '../../src/features/controls';
import { FRAMEWORK_EVIDENCE, MOE_EVIDENCE, STEP_TIME_SPREAD_COVERAGE } from '../../src/core';
import { runPlan, runScaling } from '../../src/features/training-plan/plan-job';
import { PlanRunnerContext, type PlanRunnerFactory } from '../../src/features/training-plan/use-plan';
import { PublishedRunsContext, type RunsLoader, type RunsReply } from '../../src/features/training-plan/use-published-runs';

vi.setConfig({ testTimeout: 60_000 });

/** Answers like the worker: the plan, then the sweep, each after a task. Counts the jobs it ran. */
function inlineRunner(jobs: number[]): PlanRunnerFactory {
  return (onReply) => ({
    post: (job) => {
      jobs.push(job.id);
      setTimeout(() => {
        onReply({ id: job.id, kind: 'plan', outcome: runPlan(job.request) });
        setTimeout(() => onReply({ id: job.id, kind: 'scaling', outcome: runScaling(job.request) }), 0);
      }, 0);
    },
    dispose: () => undefined,
  });
}
const failingRunner: PlanRunnerFactory = (_onReply, onFail) => ({ post: () => setTimeout(() => onFail('worker crashed'), 0), dispose: () => undefined });
const noRunner: PlanRunnerFactory = () => null;
const noRuns: RunsLoader = () => null;

function renderWith(children: ReactNode, options: { scenario?: Partial<Scenario>; runner?: PlanRunnerFactory; runs?: RunsLoader; lang?: Lang; store?: ScenarioStore } = {}) {
  const store = options.store ?? createScenarioStore({ ...DEFAULT_SCENARIO, ...options.scenario });
  const view: ViewSettings = { lang: options.lang ?? 'en', units: 'si', setLang: () => undefined, setUnits: () => undefined };
  const utils = render(
    <ScenarioStoreProvider store={store}>
      <ViewSettingsProvider value={view}>
        <PlanRunnerContext.Provider value={options.runner ?? noRunner}>
          <PublishedRunsContext.Provider value={options.runs ?? noRuns}>{children}</PublishedRunsContext.Provider>
        </PlanRunnerContext.Provider>
      </ViewSettingsProvider>
    </ScenarioStoreProvider>,
  );
  return { store, ...utils };
}

const SMALL: Partial<Scenario> = { model: 'llama-3-8b', gpuCount: 8, seqLen: 8192, globalBatch: 128, tensorParallel: 1 };

describe('training plan section', () => {
  it('searches with the chosen software: the caption names it and the band adds what its checks found', async () => {
    const { container } = renderWith(<TrainingPlanSection />, { scenario: { ...SMALL, trainingFramework: 'fsdp-xformers-2023', goodput: 0.9 }, runner: inlineRunner([]) });
    await waitFor(() => expect(container.querySelector('[data-table="training-plan-layouts"] tbody tr')).not.toBeNull(), { timeout: 20_000 });
    expect(container.querySelector('[data-table="training-plan-layouts"] caption')?.textContent).toContain('priced with PyTorch FSDP + xformers attention (Meta 2023)');
    expect(screen.getByTestId('plan-band-software').textContent).toMatch(/^For PyTorch FSDP \+ xformers attention \(Meta 2023\), the checks cover \d+ published runs/);
    // The charts say it too, so an embedded chart carries its assumption.
    await waitFor(() => expect(container.textContent).toContain('and the planner’s best'), { timeout: 20_000 });
    expect(container.textContent).toMatch(/and the planner’s best \([^)]*\), priced with PyTorch FSDP \+ xformers attention \(Meta 2023\)\./);
    expect(container.textContent).toContain('tokens), BF16, priced with PyTorch FSDP + xformers attention (Meta 2023): MFU (left)');
    // … and the days it counts: the goodput chosen in the controls, in the band and the strong-scaling caption.
    expect(screen.getByTestId('plan-band').textContent).toContain('of GPU time, ÷ goodput 90%.');
    await waitFor(() => expect(container.textContent).toContain('(right, ÷ goodput 90%)'), { timeout: 20_000 });
  });

  it('shows planning…, then the fastest layouts; “Use” puts a layout into the scenario', async () => {
    const jobs: number[] = [];
    const { store, container } = renderWith(<TrainingPlanSection />, { scenario: SMALL, runner: inlineRunner(jobs) });
    expect(screen.getAllByTestId('plan-status')[0]!.dataset.status).toBe('planning');
    await waitFor(() => expect(container.querySelector('[data-table="training-plan-layouts"] tbody tr')).not.toBeNull(), { timeout: 20_000 });
    const rows = container.querySelectorAll('[data-table="training-plan-layouts"] tbody tr');
    expect(rows.length).toBeGreaterThan(3);
    expect(container.textContent).not.toMatch(/\bNaN\b|\bundefined\b|Infinity/);
    expect(screen.getByTestId('plan-band').textContent).toMatch(/±10%/);
    // What the band covers is the measured count (test/unit/planner-band.test.ts keeps it true).
    expect(screen.getByTestId('plan-band').textContent).toContain(`${STEP_TIME_SPREAD_COVERAGE.within} of the ${STEP_TIME_SPREAD_COVERAGE.checked} published layouts`);
    // Adopt the second row's layout.
    const second = rows[1]!;
    const button = within(second as HTMLElement).queryByRole('button');
    const cells = [...second.querySelectorAll('td')].map((cell) => cell.textContent);
    if (button === null) throw new Error(`row 2 has no Use button: ${cells.join(' | ')}`);
    await userEvent.setup({ delay: null }).click(button);
    const scenario = store.getState().scenario;
    expect(scenario.tensorParallel * scenario.pipelineParallel * scenario.contextParallel).toBeLessThanOrEqual(8);
    const header = [...container.querySelectorAll('[data-table="training-plan-layouts"] thead th')].map((cell) => cell.textContent ?? '');
    expect(String(scenario.tensorParallel)).toBe(cells[header.findIndex((text) => text.startsWith('TP'))]);
    // One job for the first request: nothing else was asked while nothing changed.
    expect(jobs.length).toBe(1);
  });

  it('on GB200 the table shows layouts that offload activations, and Use takes the offload too', async () => {
    const planOnly: PlanRunnerFactory = (onReply) => ({ post: (job) => setTimeout(() => onReply({ id: job.id, kind: 'plan', outcome: runPlan(job.request) }), 0), dispose: () => undefined });
    const gb200: Partial<Scenario> = { gpu: 'gb200', gpuCount: 64, model: 'llama-3.1-70b', trainPrecision: 'fp8', seqLen: 8192, globalBatch: 256, tensorParallel: 8, recompute: 'selective' };
    const { store, container } = renderWith(<TrainingPlanSection />, { scenario: gb200, runner: planOnly });
    await waitFor(() => expect(container.querySelector('[data-table="training-plan-layouts"] tbody tr')).not.toBeNull(), { timeout: 20_000 });
    const header = [...container.querySelectorAll('[data-table="training-plan-layouts"] thead th')].map((cell) => cell.textContent ?? '');
    const column = header.findIndex((text) => text.startsWith('Offload'));
    expect(column).toBeGreaterThan(0);
    const rows = [...container.querySelectorAll('[data-table="training-plan-layouts"] tbody tr')];
    const offloaded = rows.find((row) => /^\d+$/.test(row.querySelectorAll('td')[column]?.textContent ?? ''));
    if (!offloaded) throw new Error('no layout with offload among the rows shown');
    const layers = Number(offloaded.querySelectorAll('td')[column]!.textContent);
    await userEvent.setup({ delay: null }).click(within(offloaded as HTMLElement).getByRole('button'));
    const scenario = store.getState().scenario;
    expect(scenario.offloadLayers).toBe(layers);
    expect(scenario.pipelineParallel).toBe(1);
    expect(scenario.recompute).toBe('none');
    expect(container.textContent).not.toMatch(/\bNaN\b|\bundefined\b/);
  });

  it('a drag sends only the request it rests on; answers to older jobs are dropped', async () => {
    const jobs: number[] = [];
    const { store } = renderWith(<TrainingPlanSection />, { scenario: SMALL, runner: inlineRunner(jobs) });
    act(() => store.getState().update({ gpuCount: 16 }));
    act(() => store.getState().update({ gpuCount: 32 }));
    act(() => store.getState().update({ gpuCount: 64 }));
    await waitFor(() => expect(screen.getAllByTestId('plan-status')[0]!.dataset.status).toBe('ready'), { timeout: 20_000 });
    expect(jobs.length).toBe(1);
    expect(screen.getByText(/on 64 GPUs/)).toBeTruthy();
  });

  it('the strong-scaling chart is marked busy from the plan until its sweep arrives', async () => {
    let sendSweep: () => void = () => undefined;
    const heldSweep: PlanRunnerFactory = (onReply) => ({
      post: (job) => {
        setTimeout(() => onReply({ id: job.id, kind: 'plan', outcome: runPlan(job.request) }), 0);
        sendSweep = () => onReply({ id: job.id, kind: 'scaling', outcome: runScaling(job.request) });
      },
      dispose: () => undefined,
    });
    const { container } = renderWith(<TrainingPlanSection />, { scenario: SMALL, runner: heldSweep });
    await waitFor(() => expect(container.querySelector('[data-table="training-plan-layouts"] tbody tr')).not.toBeNull(), { timeout: 20_000 });
    const figure = container.querySelector('figure[data-chart="strong-scaling"]')!;
    expect(figure.getAttribute('aria-busy')).toBe('true');
    await act(async () => sendSweep());
    expect(figure.hasAttribute('aria-busy')).toBe(false);
    expect(figure.querySelectorAll('.chart-mark').length).toBeGreaterThan(1);
  });

  it('the published runs are marked busy until the worker has priced them', async () => {
    let answer: (reply: RunsReply) => void = () => undefined;
    const runs: RunsLoader = () => new Promise<RunsReply>((resolve) => (answer = resolve));
    renderWith(<TrainingPlanSection />, { scenario: SMALL, runs });
    const table = screen.getByTestId('published-runs');
    expect(table.getAttribute('aria-busy')).toBe('true');
    await act(async () => answer({ ok: true, rows: [], ms: 12 }));
    expect(table.getAttribute('aria-busy')).toBe('false');
    expect(table.querySelector('[data-table="published-runs"]')).not.toBeNull();
  });

  it('a failed worker shows its message, never a blank', async () => {
    renderWith(<TrainingPlanSection />, { scenario: SMALL, runner: failingRunner });
    await waitFor(() => expect(screen.getAllByTestId('plan-status')[0]!.textContent).toMatch(/The planner failed: worker crashed/));
  });

  it('without a Worker it says so, in Chinese too', () => {
    renderWith(<TrainingPlanSection />, { scenario: SMALL, lang: 'zh' });
    expect(screen.getAllByTestId('plan-status')[0]!.textContent).toMatch(/Web Worker/);
    expect(screen.getAllByTestId('plan-status')[0]!.textContent).toMatch(/不支持/);
  });
});

describe('training section with the planner', () => {
  it('a layout that cannot run: the rule in words, no GPU-hours, days or cost', () => {
    renderWith(<TrainingSection />, { scenario: { tensorParallel: 16 } });
    const note = screen.getByTestId('training-layout-problem');
    expect(note.dataset.rule).toBe('tp-across-nodes');
    expect(note.textContent).toMatch(/Tensor parallel \(16\) is larger than a node of the cluster \(8 GPUs\)/);
    expect(screen.queryByTestId('training-gpu-hours')).toBeNull();
    expect(screen.queryByTestId('training-days')).toBeNull();
    expect(screen.queryByTestId('training-cost')).toBeNull();
  });

  it('the same in Chinese, naming the field as the controls do', () => {
    renderWith(<TrainingSection />, { scenario: { gpuCount: 1000, pipelineParallel: 3 }, lang: 'zh' });
    const note = screen.getByTestId('training-layout-problem');
    expect(note.dataset.rule).toBe('gpus');
    expect(note.textContent).toMatch(/GPU 数量（1,000）必须是 张量并行 × 流水线并行 × 上下文并行/);
  });

  it('an interleaved pipeline with fewer micro-batches than stages cannot run (Megatron-Core), in both languages', () => {
    // 1,024 GPUs at TP 8 · PP 16: dp 8, so 16 sequences give 2 micro-batches for 16 stages.
    const scenario = { tensorParallel: 8, pipelineParallel: 16, virtualPipeline: 5, globalBatch: 16 };
    const { unmount } = renderWith(<TrainingSection />, { scenario });
    let note = screen.getByTestId('training-layout-problem');
    expect(note.dataset.rule).toBe('micro-batches');
    expect(note.textContent).toContain('needs at least Pipeline parallel (16) micro-batches per step');
    expect(note.textContent).toContain('the global batch gives 2 (16 ÷ (8 × 1))');
    expect(note.textContent).toMatch(/Planner: the interleaved schedule/);
    expect(screen.queryByTestId('training-gpu-hours')).toBeNull();
    unmount();
    renderWith(<TrainingSection />, { scenario, lang: 'zh' });
    note = screen.getByTestId('training-layout-problem');
    expect(note.textContent).toContain('每步至少需要 流水线并行（16）个微批次');
    // The core's English words are left out of the Chinese page when the rule above explains it.
    expect(note.textContent).not.toMatch(/[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}/);
  });

  it('predicted by default: the step and the band; pinned: the pin and the prediction beside it', () => {
    const { store } = renderWith(<TrainingSection />);
    expect(screen.getByTestId('training-step').textContent).toMatch(/per step/);
    expect(screen.getByTestId('training-band').textContent).toMatch(/±10%/);
    expect(screen.getByTestId('training-band').textContent).toContain(`${STEP_TIME_SPREAD_COVERAGE.within} of the ${STEP_TIME_SPREAD_COVERAGE.checked} published layouts`);
    act(() => store.getState().update({ mfu: 0.5 }));
    expect(screen.getByTestId('training-gpu-hours').textContent).toMatch(/your pinned MFU 50%.*the planner predicts \d/);
  });
  it('memory per GPU: the ZeRO accounting and, beside it, what the predicted step holds on the same layout', () => {
    renderWith(<TrainingSection />);
    const card = screen.getByTestId('training-memory').textContent ?? '';
    const planner = screen.getByTestId('training-memory-planner').textContent ?? '';
    const step = screen.getByTestId('training-step').textContent ?? '';
    const gigabytes = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1]);
    // The predicted step's card and the planner's line name the same total.
    const stepTotal = gigabytes(step, /memory ([\d.]+) GB per GPU/);
    expect(gigabytes(planner, /holds ([\d.]+) GB on this layout/)).toBe(stepTotal);
    // Megatron-Core (the H100 default) keeps main gradients in FP32: 4 bytes where the ZeRO
    // paper counts 2 (Rajbhandari et al. 2020 §3.1), at ZeRO 1 neither is sharded.
    const cardGradients = gigabytes(card, /gradients ([\d.]+) GB/);
    const plannerGradients = gigabytes(planner, /gradients ([\d.]+) GB/);
    expect(plannerGradients / cardGradients).toBeCloseTo(2, 1);
    expect(planner).toMatch(/of CUDA and NCCL buffers \(fits\)/);
    expect(card).not.toMatch(/offloaded/);
    // The fewest GPUs that fit are judged against what the driver gives CUDA (81,559 MiB on an H100), which the note names.
    expect(screen.getByTestId('training-min-gpus').textContent).toMatch(/within the 85\.5 GB the driver gives CUDA/);
  });

  it('for a mixture of experts the band adds what the MoE checks found; a dense model gets no such line', () => {
    renderWith(<TrainingSection />);
    expect(screen.queryByTestId('training-band-moe')).toBeNull();
    cleanup();
    renderWith(<TrainingSection />, { scenario: { model: 'mixtral-8x7b', tensorParallel: 1, expertParallel: 8 } });
    const moe = screen.getByTestId('training-band-moe').textContent ?? '';
    expect(moe).toContain(`took ${MOE_EVIDENCE.fineGrained[0]}%–${MOE_EVIDENCE.fineGrained[1]}% longer than predicted`);
    expect(moe).toContain('optimistic');
  });

  it('with activation offload the step and the memory card say how many layers went to host memory', () => {
    renderWith(<TrainingSection />, { scenario: { gpu: 'gb200', gpuCount: 64, tensorParallel: 1, zeroStage: 3, recompute: 'none', microBatch: 2, seqLen: 8192, globalBatch: 128, offloadLayers: 40 } });
    expect(screen.getByTestId('training-step').textContent).toContain('40 layers’ activations offloaded to host memory');
    expect(screen.getByTestId('training-memory').textContent).toMatch(/leave out the activations of 40 layers, offloaded to host memory \([\d.]+ GB there\)/);
  });
});

describe('the training software in the results', () => {
  it('the step names the software it priced (automatic or chosen), and a slower software gives a longer step', () => {
    renderWith(<TrainingSection />);
    const auto = screen.getByTestId('training-step-software').textContent ?? '';
    expect(auto).toBe('Software priced: Megatron-Core / NeMo (2024–25) (automatic)');
    const seconds = () => Number(/([\d.]+) s per step/.exec(screen.getByTestId('training-step').textContent ?? '')?.[1]);
    const autoSeconds = seconds();
    cleanup();
    renderWith(<TrainingSection />, { scenario: { trainingFramework: 'megatron-lm-2021' } });
    expect(screen.getByTestId('training-step-software').textContent).toBe('Software priced: Megatron-LM 2021 (PTD-P)');
    expect(seconds()).toBeGreaterThan(autoSeconds);
    cleanup();
    renderWith(<TrainingSection />, { scenario: { trainingFramework: 'fsdp-xformers-2023' }, lang: 'zh' });
    expect(screen.getByTestId('training-step-software').textContent).toBe('所估软件：PyTorch FSDP + xformers 注意力（Meta 2023）');
  });

  it('beside the band, a chosen software gets what its own checks found; automatic gets none', () => {
    renderWith(<TrainingSection />);
    expect(screen.queryByTestId('training-band-software')).toBeNull();
    cleanup();
    renderWith(<TrainingSection />, { scenario: { trainingFramework: 'meta-llama3-2024' } });
    const meta = FRAMEWORK_EVIDENCE['meta-llama3-2024']!;
    expect(meta.bias).toBeGreaterThan(5);
    expect(screen.getByTestId('training-band-software').textContent).toBe(
      `For Meta Llama 3 stack (2024: FSDP + TP/CP/PP, FlashAttention), the checks cover ${meta.runs} published runs: ${meta.within} within ±10%, mean error ${meta.meanError}%, worst ${meta.worstError}%. They ran ${meta.bias}% slower than predicted on average: read these times as optimistic.`,
    );
    cleanup();
    renderWith(<TrainingSection />, { scenario: { trainingFramework: 'megatron-lm-2021' }, lang: 'zh' });
    const old = FRAMEWORK_EVIDENCE['megatron-lm-2021']!;
    expect(Math.abs(old.bias)).toBeLessThan(5);
    expect(screen.getByTestId('training-band-software').textContent).toBe(
      `对 Megatron-LM 2021（PTD-P），核对覆盖 ${old.runs} 次公开训练：${old.within} 次落在 ±10% 以内，平均误差 ${old.meanError}%，最大 ${old.worstError}%。`,
    );
  });
});

describe('planner controls', () => {
  it('goodput: 100% (steps only) by default; 90% writes the field, says what it covers, and the GPU-hours note divides by it', async () => {
    const user = userEvent.setup({ delay: null });
    const { store } = renderWith(
      <>
        <ControlsPanel />
        <TrainingSection />
      </>,
    );
    const select = within(screen.getByTestId('goodput')).getByRole('combobox');
    expect(select).toHaveProperty('value', '1');
    expect(screen.queryByTestId('goodput-note')).toBeNull();
    expect(screen.getByTestId('training-gpu-hours').textContent).toContain('steps only, no downtime');
    await user.selectOptions(select, '0.9');
    expect(store.getState().scenario.goodput).toBe(0.9);
    expect(screen.getByTestId('goodput-note').textContent).toMatch(/^Days, GPU-hours, cost and energy are divided by 90%/);
    expect(screen.getByTestId('training-gpu-hours').textContent).toContain('÷ goodput 90%');
  });

  it('MFU: predicted ↔ pinned (starts at the prediction), back to predicted', async () => {
    const user = userEvent.setup({ delay: null });
    const { store } = renderWith(<ControlsPanel />);
    expect(store.getState().scenario.mfu).toBeNull();
    await user.click(screen.getByTestId('mfu-pinned'));
    const pinned = store.getState().scenario.mfu;
    expect(pinned).not.toBeNull();
    expect(pinned).toBeCloseTo(store.select.estimate({ ...store.getState().scenario, mfu: null }).training.predictedMfu!, 3);
    await user.click(screen.getByTestId('mfu-predicted'));
    expect(store.getState().scenario.mfu).toBeNull();
  });

  it('cluster: a preset’s figures are shown; editing one switches to a custom copy; 0 B/s is refused', async () => {
    const user = userEvent.setup({ delay: null });
    const { store } = renderWith(<ControlsPanel />);
    const node = within(screen.getByTestId('cluster-node')).getByRole('textbox') as HTMLInputElement;
    expect(node.value).toBe('8');
    await user.clear(node);
    await user.type(node, '72{Enter}');
    expect(store.getState().scenario.cluster).toBe('custom');
    expect(store.getState().scenario.customCluster.gpusPerNode).toBe(72);
    expect(store.getState().scenario.customCluster.scaleUpBytesPerSecond).toBe(450e9);
    const up = within(screen.getByTestId('cluster-scale-up')).getByRole('textbox') as HTMLInputElement;
    await user.clear(up);
    await user.type(up, '0{Enter}');
    const after = store.getState().scenario.customCluster.scaleUpBytesPerSecond;
    expect(after).toBeGreaterThanOrEqual(1e8);
    expect(Number.isFinite(store.select.estimate(store.getState().scenario).training.gpuHours)).toBe(true);
  });

  it('global batch: automatic shows its value; unticking types it in', async () => {
    const user = userEvent.setup({ delay: null });
    const { store } = renderWith(<ControlsPanel />);
    expect(screen.getByTestId('global-batch').textContent).toMatch(/1,024 sequences/);
    await user.click(screen.getByTestId('global-batch-auto'));
    expect(store.getState().scenario.globalBatch).toBe(1024);
    await user.click(screen.getByTestId('global-batch-auto'));
    expect(store.getState().scenario.globalBatch).toBeNull();
  });
});
