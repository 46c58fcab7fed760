import { memo, type ReactNode } from 'react';
import { Stat } from '../../components/ui/stat';
import { SourceList } from '../../components/ui/source-list';
import { FeatureSection } from '../../view/feature-section';
import { useChartView } from '../../view/use-chart-view';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatEnergy,
  formatFlopsRate,
  formatNumber,
  formatPercent,
  formatPower,
  formatScientific,
  formatUsd,
  type UnitSystem,
} from '../../i18n/format';
import type { Estimate } from '../../core';
import type { Scenario } from '../../scenario/scenario';
import { MESSAGES } from './messages';
import { cite, gpuCountText, gpuLabel, gpuMemoryText, priceWhat } from '../../view/labels';
import { trainingFacts, trainingWarnings } from './training.data';
import { TrainingMemoryChart } from './training-memory-chart';
import { CostVsScaleChart } from './cost-vs-scale-chart';
import { LayoutProblemNote, PredictedStepStat, UncertaintyBand, gpuHoursNote } from './predicted-step';
import { PLANNER_MESSAGES } from './planner-messages';

type Messages = (typeof MESSAGES)['en'];

export function recomputeWord(m: Messages, mode: Scenario['recompute']): string {
  return mode === 'none' ? m.recompute_none : mode === 'selective' ? m.recompute_selective : m.recompute_full;
}

function formatName(format: string): string {
  return format === 'custom' ? '' : format.toUpperCase();
}

function priceNote(estimate: Estimate, m: Messages, lang: Lang): string {
  const price = formatUsd(estimate.hardware.usdPerGpuHour, lang);
  switch (estimate.hardware.priceSource) {
    case 'scenario':
      return fill(m.statCostUser, { price });
    case 'custom':
      return fill(m.statCostCustom, { price });
    case 'fallback':
      return fill(m.statCostFallback, { price });
    case 'purchase': {
      const purchase = estimate.hardware.accelerator?.purchase;
      return fill(m.statCostPurchase, { price, purchase: formatUsd(purchase?.usd ?? 0, lang), date: purchase?.date ?? '' });
    }
    case 'accelerator': {
      const point = estimate.hardware.accelerator?.price;
      const what = point ? priceWhat(estimate.hardware.id, point.what, lang) : '';
      return fill(m.statCostPreset, { price, what, date: point?.date ?? '' });
    }
  }
}

const TrainingStats = memo(function TrainingStats(props: { estimate: Estimate; scenario: Scenario; lang: Lang; units: UnitSystem; m: Messages }) {
  const { estimate, scenario, lang, units, m } = props;
  const planner = useMessages(PLANNER_MESSAGES);
  const t = estimate.training;
  // A layout that cannot run gets no time, cost or energy (unless the user pinned the MFU: then
  // the numbers are the pinned MFU's, and the problem note says the layout itself cannot run).
  const showRun = t.mfuSource !== 'assumed';
  const facts = trainingFacts(estimate);
  const gpu = gpuLabel(estimate, lang);
  const counts = estimate.model.counts;
  const memory = gpuMemoryText(estimate, lang, units);
  const per = t.memoryPerGpu;
  const parts = {
    w: formatBytes(per.weights, lang, units),
    g: formatBytes(per.gradients, lang, units),
    o: formatBytes(per.optimizer, lang, units),
    a: formatBytes(per.activations, lang, units),
  };
  const layout = fill(m.statMemoryLayout, {
    zero: scenario.zeroStage,
    tp: t.tensorParallel,
    pp: t.pipelineParallel,
    dp: t.dataParallel,
    recompute: recomputeWord(m, scenario.recompute),
  });
  const flopsNote = facts.isMoe
    ? fill(m.statFlopsNoteMoe, { active: formatCount(counts.active, lang), total: formatCount(counts.total, lang), tokens: formatCount(t.tokens, lang) })
    : fill(m.statFlopsNote, { active: formatCount(counts.active, lang), tokens: formatCount(t.tokens, lang) });
  const attention = fill(scenario.attentionFlops ? m.statFlopsAttnOn : m.statFlopsAttnOff, {
    seq: formatNumber(scenario.seqLen, lang, 7),
    share: formatPercent(facts.attentionShare, lang, 2),
  });
  let minGpus: ReactNode;
  if (t.minGpus === null) {
    minGpus = (
      <Stat
        label={m.statMinGpus}
        value={m.statMinGpusNever}
        bad
        note={fill(m.statMinGpusNeverNote, { zero: scenario.zeroStage, recompute: recomputeWord(m, scenario.recompute) })}
        testId="training-min-gpus"
      />
    );
  } else {
    const fit = t.minGpus;
    minGpus = (
      <Stat
        label={m.statMinGpus}
        value={fill(m.statMinGpusValue, { gpus: gpuCountText(fit.gpus, lang) })}
        bad={facts.belowMinimum}
        note={
          <>
            {fill(m.statMinGpusNote, {
              tp: fit.tensorParallel,
              pp: fit.pipelineParallel,
              dp: formatNumber(fit.dataParallel, lang, 7),
              bytes: formatBytes(fit.bytesPerGpu, lang, units),
              capacity: formatBytes(estimate.hardware.deviceMemoryBytes, lang, units),
            })}
            {facts.belowMinimum ? (
              <>
                <br />
                {fill(m.statMinGpusBelow, { gpus: gpuCountText(t.gpus, lang) })}
              </>
            ) : null}
          </>
        }
        testId="training-min-gpus"
      />
    );
  }
  return (
    <div className="stats">
      <Stat
        label={m.statTokens}
        value={formatCount(t.tokens, lang)}
        note={fill(m.statTokensNote, { tpp: formatNumber(t.tokensPerParam, lang, 3) })}
        testId="training-tokens"
      />
      <Stat
        label={m.statFlops}
        value={`${formatScientific(t.flops)} FLOPs`}
        note={
          <>
            {flopsNote}
            <br />
            {attention}
          </>
        }
        testId="training-flops"
      />
      <PredictedStepStat estimate={estimate} lang={lang} units={units} />
      {showRun ? (
        <>
          <Stat
            label={m.statGpuHours}
            value={formatCount(t.gpuHours, lang)}
            note={gpuHoursNote(estimate, lang, planner, formatFlopsRate(t.peakFlopsPerGpu, lang), formatName(t.computeFormat))}
            testId="training-gpu-hours"
          />
          <Stat
            label={m.statDays}
            value={formatDuration(t.days * 86_400, lang)}
            note={fill(m.statDaysNote, { gpus: gpuCountText(t.gpus, lang), tp: t.layout.tp, pp: t.layout.pp, dp: formatNumber(t.layout.dp, lang, 7) })}
            testId="training-days"
          />
          <Stat label={m.statCost} value={formatUsd(t.costUsd, lang)} note={priceNote(estimate, m, lang)} testId="training-cost" />
          <Stat
            label={m.statEnergy}
            value={formatEnergy(t.energyJoules, lang)}
            note={fill(m.statEnergyNote, { tdp: formatPower(estimate.hardware.tdpWatts, lang), pue: formatNumber(scenario.pue, lang, 3) })}
            testId="training-energy"
          />
          <Stat
            label={m.statEnergyCost}
            value={formatUsd(t.energyCostUsd, lang)}
            note={fill(m.statEnergyCostNote, { price: formatUsd(scenario.usdPerKwh, lang) })}
            testId="training-energy-cost"
          />
        </>
      ) : null}
      <Stat
        label={m.statMemory}
        value={formatBytes(per.total, lang, units)}
        bad={!t.fitsPerGpu}
        note={
          <>
            {t.fitsPerGpu
              ? fill(m.statMemoryFits, { gpu, memory, ...parts })
              : fill(m.statMemoryNoFit, { gpu, memory, excess: formatBytes(facts.excessBytes, lang, units), ...parts })}
            <br />
            {layout}
            {t.step !== null ? (
              <>
                <br />
                <span data-testid="training-memory-planner">
                  {fill(m.statMemoryPlanner, {
                    total: formatBytes(t.step.memory.total, lang, units),
                    w: formatBytes(t.step.memory.weights, lang, units),
                    g: formatBytes(t.step.memory.gradients, lang, units),
                    o: formatBytes(t.step.memory.optimizer, lang, units),
                    a: formatBytes(t.step.memory.activations, lang, units),
                    r: formatBytes(t.step.memory.reserve, lang, units),
                    fits: t.step.fits ? planner.fitsYes : planner.fitsNo,
                  })}
                </span>
                {t.step.layout.offloadLayers > 0 ? (
                  <>
                    <br />
                    {fill(m.statMemoryOffload, { n: t.step.layout.offloadLayers, bytes: formatBytes(t.step.memory.offloaded, lang, units) })}
                  </>
                ) : null}
              </>
            ) : null}
          </>
        }
        testId="training-memory"
      />
      {minGpus}
    </div>
  );
});

const TrainingWarnings = memo(function TrainingWarnings(props: { estimate: Estimate; lang: Lang; m: Messages }) {
  const { estimate, lang, m } = props;
  const { codes, formatFallback } = trainingWarnings(estimate);
  if (codes.length === 0 && formatFallback === null) return null;
  return (
    <div className="muted" role="note" aria-label={m.warningsTitle}>
      <ul>
        {formatFallback ? (
          <li>
            {fill(m.warnFormatFallback, {
              gpu: gpuLabel(estimate, lang),
              requested: formatFallback.requested.toUpperCase(),
              used: formatFallback.used.toUpperCase(),
            })}
          </li>
        ) : null}
        {codes.map((code) => (
          <li key={code}>{m[`warn_${code}`]}</li>
        ))}
      </ul>
    </div>
  );
});

function TrainingBody() {
  const { scenario, estimate } = useChartView();
  const { lang, units } = useViewSettings();
  const m = useMessages(MESSAGES);
  return (
    <>
      <LayoutProblemNote estimate={estimate} lang={lang} />
      <TrainingStats estimate={estimate} scenario={scenario} lang={lang} units={units} m={m} />
      <UncertaintyBand estimate={estimate} lang={lang} />
      <TrainingWarnings estimate={estimate} lang={lang} m={m} />
      <div className="section__lead">
        <p>{m.lead3}</p>
        <p>{m.lead4}</p>
      </div>
      <div className="charts">
        <TrainingMemoryChart />
        <CostVsScaleChart />
      </div>
    </>
  );
}

export function TrainingSection() {
  const m = useMessages(MESSAGES);
  const { lang } = useViewSettings();
  const sources = [
    cite('kaplan2020', lang === 'zh' ? '§2.1、表 1' : '§2.1, Table 1', lang),
    cite('hoffmann2022', lang === 'zh' ? '附录 F' : 'App. F', lang),
    cite('chowdhery2022', lang === 'zh' ? '附录 B（MFU）' : 'App. B (MFU)', lang),
    cite('llama3', lang === 'zh' ? '表 4' : 'Table 4', lang),
    cite('rajbhandari2020', lang === 'zh' ? '§3.1、图 1' : '§3.1, Fig. 1', lang),
    cite('korthikanti2022', lang === 'zh' ? '表 2、§4.3、§5' : 'Table 2, §4.3, §5', lang),
    cite('narayanan2021', '§2.2.1', lang),
    cite('dao2022', lang === 'zh' ? '§3.1（不保存注意力矩阵）' : '§3.1 (no attention matrix stored)', lang),
    cite('patterson2021', lang === 'zh' ? '§2' : '§2', lang),
    cite('deepseek2024v3', lang === 'zh' ? '表 1' : 'Table 1', lang),
  ];
  return (
    <FeatureSection
      id="training"
      title={m.title}
      lead={[m.lead1, m.lead2]}
      sources={<SourceList label={m.sources} items={sources} />}
    >
      <TrainingBody />
    </FeatureSection>
  );
}
