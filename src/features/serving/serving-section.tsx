import { memo } from 'react';
import { Stat } from '../../components/ui/stat';
import { SourceList } from '../../components/ui/source-list';
import { FeatureSection } from '../../view/feature-section';
import { useChartView } from '../../view/use-chart-view';
import { cite, gpuLabel } from '../../view/labels';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, formatCount, formatDuration, formatNumber, formatPercent, formatUsd, type UnitSystem } from '../../i18n/format';
import type { Estimate } from '../../core';
import type { Scenario } from '../../scenario/scenario';
import { useScenarioState } from '../../store/store-context';
import type { ScenarioState } from '../../store/scenario-store';
import { MESSAGES } from './messages';
import { nearestPatch, servingData, type ServingProblem, type ServingView } from './serving.data';
import { ServingControls } from './serving-controls';
import { ServingFrontierChart } from './serving-chart';
import { LocalRun } from './local-run';
import './serving.css';

type Messages = (typeof MESSAGES)['en'];

const selectUpdate = (state: ScenarioState) => state.update;

/** The nearest setting in words. */
function nearestText(problem: ServingProblem, m: Messages, lang: Lang): string | null {
  const near = problem.nearest;
  const n = (value: unknown) => (typeof value === 'number' ? formatNumber(value, lang, 6) : String(value));
  if (near.tp !== undefined) return fill(m.nearest_tp, { n: n(near.tp) });
  if (near.ep !== undefined) return fill(m.nearest_ep, { n: n(near.ep) });
  if (near.concurrency !== undefined) return fill(m.nearest_concurrency, { n: n(near.concurrency) });
  if (near.inputTokens !== undefined) return fill(m.nearest_inputTokens, { n: formatCount(Number(near.inputTokens), lang) });
  const slo = near.slo as { ttftSeconds?: number; tpotSeconds?: number } | undefined;
  if (slo) return fill(m.nearest_slo, { ttft: formatDuration(slo.ttftSeconds ?? 0, lang), tpot: formatDuration(slo.tpotSeconds ?? 0, lang) });
  return null;
}

/** The refusal in words: what cannot run and why. */
export function problemSentence(problem: ServingProblem, view: ServingView, estimate: Estimate, m: Messages, lang: Lang): string {
  const slo = problem.nearest.slo as { ttftSeconds?: number; tpotSeconds?: number } | undefined;
  switch (problem.field) {
    case 'tp':
      return /exceeds the \d+ GPUs present/.test(problem.message)
        ? fill(m.problem_tp_gpus, { tp: view.tp, available: formatNumber(view.gpusAvailable, lang, 7) })
        : fill(m.problem_tp, { tp: view.tp });
    case 'ep':
      return fill(m.problem_ep, { ep: view.ep });
    case 'slo':
      return fill(m.problem_slo, { ttft: formatDuration(slo?.ttftSeconds ?? 0, lang), tpot: formatDuration(slo?.tpotSeconds ?? 0, lang) });
    case 'concurrency':
      return fill(m.problem_concurrency, { n: formatNumber(view.point?.concurrency ?? 0, lang, 6) });
    case 'inputTokens':
    case 'contextTokens':
      return fill(m.problem_inputTokens, { context: formatCount(estimate.model.arch.contextLength, lang) });
    default:
      return fill(m.problem_other, { message: problem.message });
  }
}

const Problem = memo(function Problem(props: { problem: ServingProblem; view: ServingView; estimate: Estimate; scenario: Scenario; m: Messages; lang: Lang }) {
  const { problem, view, estimate, scenario, m, lang } = props;
  const update = useScenarioState(selectUpdate);
  const near = nearestText(problem, m, lang);
  const patch = nearestPatch(problem, scenario);
  return (
    <div className="serving-problem" role="status" data-testid="serving-problem">
      <strong>{m.problemTitle}. </strong>
      {problemSentence(problem, view, estimate, m, lang)}
      {near ? (
        <>
          {' '}
          {fill(m.nearest, { nearest: near })}{' '}
          {patch ? (
            <button type="button" onClick={() => update(patch)} data-testid="serving-use-nearest">
              {m.useNearest}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
});

function costBasis(view: ServingView, estimate: Estimate, scenario: Scenario, m: Messages, lang: Lang): string {
  const cost = view.cost;
  if (!cost) return '';
  if (cost.basis === 'purchase') {
    return fill(m.basis_purchase, {
      purchase: formatUsd(estimate.hardware.accelerator?.purchase?.usd ?? 0, lang),
      energy: formatUsd(cost.energyUsdPerHour, lang),
    });
  }
  return scenario.usdPerGpuHour !== null || estimate.hardware.accelerator === null ? m.basis_scenario : m.basis_rental;
}

const ServingStats = memo(function ServingStats(props: { view: ServingView; estimate: Estimate; scenario: Scenario; lang: Lang; units: UnitSystem; m: Messages }) {
  const { view, estimate, scenario, lang, units, m } = props;
  const point = view.point;
  if (!point) return null;
  const gpu = gpuLabel(estimate, lang);
  const rate = (value: number) => formatNumber(value, lang, 3);
  const bytes = (value: number) => formatBytes(value, lang, units);
  const time = (value: number) => formatDuration(value, lang);
  const fleet = view.fleet;
  const cost = view.cost;
  const b = point.breakdown;
  return (
    <div className="stats">
      <Stat
        label={m.statPoint}
        value={fill(m.statPointValue, { perGpu: rate(point.outputTokensPerSecondPerGpu) })}
        note={fill(m.statPointNote, {
          concurrency: formatNumber(point.concurrency, lang, 6),
          gpus: point.gpus,
          gpu,
          perUser: rate(point.outputTokensPerSecondPerUser),
          ttft: time(point.ttftSeconds),
          tpot: time(point.tpotSeconds),
          limit: m[`limit_${point.limitedBy}`],
        })}
        testId="serving-point-stat"
      />
      {fleet ? (
        <Stat
          label={fill(m.statFleet, { rps: formatNumber(fleet.requestsPerSecond, lang, 3) })}
          value={fill(m.statFleetValue, { gpus: formatNumber(fleet.gpus, lang, 7) })}
          bad={view.fleetExceedsGpus}
          note={
            fill(m.statFleetNote, {
              replicas: formatNumber(fleet.replicas, lang, 7),
              tp: `${point.gpus} × ${gpu}`,
              capacity: formatNumber(point.requestsPerSecond, lang, 3),
              utilisation: formatPercent(fleet.utilisation, lang),
            }) + (view.fleetExceedsGpus ? ` ${fill(m.statFleetOver, { available: formatNumber(view.gpusAvailable, lang, 7) })}` : '')
          }
          testId="serving-fleet"
        />
      ) : null}
      {cost && cost.usdPerMillionOutputTokens !== null && cost.usdPerHour !== null ? (
        <Stat
          label={m.statCost}
          value={formatUsd(cost.usdPerMillionOutputTokens, lang)}
          note={
            <>
              {fill(m.statCostNote, { price: formatUsd(cost.usdPerHour, lang), basis: costBasis(view, estimate, scenario, m, lang) })}
              {cost.flags.includes('no-power') ? ` (${m.costNoPower})` : ''}
              {fleet && fleet.cost.usdPerMillionOutputTokens !== null && fleet.cost.usdPerHourFleet !== null
                ? ` ${fill(m.statCostFleet, { fleet: formatUsd(fleet.cost.usdPerMillionOutputTokens, lang), hourly: formatUsd(fleet.cost.usdPerHourFleet, lang) })}`
                : ''}
            </>
          }
          testId="serving-cost"
        />
      ) : (
        <Stat label={m.statCost} value={m.costNoPrice} note={fill(m.costNoPriceNote, { gpu })} testId="serving-cost" />
      )}
      <Stat
        label={m.statStep}
        value={time(point.stepSeconds)}
        note={fill(m.statStepNote, {
          weights: time(b.weights),
          attention: time(b.attention),
          communication: time(b.communication),
          other: time(b.activations + b.overhead),
        })}
        testId="serving-step"
      />
      <Stat
        label={m.statMemory}
        value={bytes(point.memoryPerGpu.weights + point.memoryPerGpu.kvCache + point.memoryPerGpu.working)}
        note={fill(m.statMemoryNote, {
          weights: bytes(point.memoryPerGpu.weights),
          kv: bytes(point.memoryPerGpu.kvCache),
          working: bytes(point.memoryPerGpu.working),
          usable: bytes(point.memoryPerGpu.usable),
        })}
        testId="serving-memory"
      />
    </div>
  );
});

function ServingBody() {
  const { scenario, estimate, derive } = useChartView();
  const { lang, units } = useViewSettings();
  const m = useMessages(MESSAGES);
  const view = derive(servingData);
  const experts = estimate.model.arch.moe?.experts ?? 1;
  return (
    <>
      <ServingControls autoTp={estimate.inference.fits ? estimate.inference.gpus : null} moe={view.moe} experts={experts} />
      <p className="muted">
        {fill(m.promptNote, {
          prompt: formatCount(estimate.inference.promptTokens, lang),
          output: formatCount(estimate.inference.outputTokens, lang),
          rps: formatNumber(scenario.requestsPerSecond, lang, 3),
        })}
      </p>
      {!view.generates ? <p className="muted">{m.encoderOnly}</p> : null}
      {view.problem ? <Problem problem={view.problem} view={view} estimate={estimate} scenario={scenario} m={m} lang={lang} /> : null}
      <ServingStats view={view} estimate={estimate} scenario={scenario} lang={lang} units={units} m={m} />
      <div className="charts">
        <ServingFrontierChart />
      </div>
      <LocalRun />
    </>
  );
}

export function ServingSection() {
  const m = useMessages(MESSAGES);
  const { lang } = useViewSettings();
  const zh = lang === 'zh';
  const sources = [
    cite('kwon2023', zh ? '§4（连续批处理、分页 KV）' : '§4 (continuous batching, paged KV)', lang),
    cite('pope2022', zh ? '§2、§3.1' : '§2, §3.1', lang),
    cite('databricks2023', 'MBU', lang),
    cite('xiongjiedai2024', 'README', lang),
  ];
  return (
    <FeatureSection id="serving" title={m.title} lead={[m.lead1, m.lead2]} sources={<SourceList label={m.sources} items={sources} />}>
      <ServingBody />
    </FeatureSection>
  );
}
