/**
 * The planner's prediction in the training section: the step the scenario's layout takes (or the
 * rule it breaks, in words, with no numbers), and the uncertainty band of the run's totals.
 */
import { memo } from 'react';
import { Stat } from '../../components/ui/stat';
import { STEP_TIME_SPREAD, STEP_TIME_SPREAD_COVERAGE, type Estimate } from '../../core';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, formatCount, formatDuration, formatNumber, formatPercent, formatUsd, type UnitSystem } from '../../i18n/format';
import { useMessages } from '../../i18n/view-settings';
import { PLANNER_MESSAGES } from './planner-messages';
import './training.css';
import { layoutProblemValues, predictedClusterFigures } from './predicted-step.data';
import { frameworkName } from '../../view/framework-name';
import { BandNotes } from '../../view/band-notes';
import { plannerAccuracyValues } from '../../view/planner-accuracy';

/** Why the scenario's layout cannot run: the rule in plain words with the fields the controls show. */
export const LayoutProblemNote = memo(function LayoutProblemNote(props: { estimate: Estimate; lang: Lang }) {
  const m = useMessages(PLANNER_MESSAGES);
  const problem = props.estimate.training.layoutProblem;
  if (problem === null) return null;
  const values = layoutProblemValues(props.estimate, props.lang);
  return (
    <div className="layout-problem" role="note" data-testid="training-layout-problem" data-rule={problem.rule}>
      <strong>{m.problemTitle}</strong>
      <p>{fill(m[`rule_${problem.rule}`], values)}</p>
      {/* The core's own words are English: the Chinese page shows them only when no rule above explains the problem. */}
      {props.lang === 'en' || problem.rule === 'other' ? <p className="muted">{fill(m.plannerSays, { message: problem.message })}</p> : null}
      <p>{m.problemNoNumbers}</p>
    </div>
  );
});

/** The predicted step at the scenario's layout: seconds, MFU, tokens/s/GPU, memory, the layout and cluster priced. */
export const PredictedStepStat = memo(function PredictedStepStat(props: { estimate: Estimate; lang: Lang; units: UnitSystem }) {
  const m = useMessages(PLANNER_MESSAGES);
  const { estimate, lang, units } = props;
  const t = estimate.training;
  const step = t.step;
  if (step === null) return null;
  const layout = t.layout;
  const cluster = predictedClusterFigures(step);
  return (
    <Stat
      label={m.stepTitle}
      value={fill(m.stepValue, { seconds: formatDuration(step.seconds, lang) })}
      bad={!step.fits}
      note={
        <>
          {fill(m.stepNote, {
            mfu: formatPercent(step.mfu, lang),
            convention: m.convention,
            tokens: formatNumber(step.tokensPerSecondPerGpu, lang, 4),
            steps: formatCount(t.steps, lang),
            memory: formatBytes(step.memoryPerGpu, lang, units),
            fits: step.fits ? m.fitsYes : m.fitsNo,
          })}
          <br />
          {fill(m.layoutLine, {
            tp: layout.tp,
            pp: layout.pp,
            cp: layout.cp,
            dp: formatNumber(layout.dp, lang, 7),
            ep: layout.ep,
            vp: layout.vp,
            mb: layout.microBatch,
            gb: formatNumber(layout.globalBatch, lang, 9),
            auto:
              (layout.globalBatchAuto ? m.autoBatch : '') +
              (layout.unevenStages ? fill(m.unevenStages, { first: layout.unevenStages.first, middle: layout.unevenStages.middle, last: layout.unevenStages.last }) : '') +
              (step.layout.offloadLayers > 0 ? fill(m.offloadPart, { n: step.layout.offloadLayers }) : ''),
            cluster: fill(m.clusterOf, {
              node: formatNumber(cluster.gpusPerNode, lang, 6),
              up: `${formatBytes(cluster.scaleUpBytesPerSecond, lang, units)}/s`,
              out: `${formatBytes(cluster.scaleOutBytesPerSecondPerGpu, lang, units)}/s`,
            }),
          })}
          {t.framework ? (
            <>
              <br />
              <span data-testid="training-step-software">{fill(m.softwareLine, { name: frameworkName(t.framework, lang), auto: t.frameworkAuto ? m.softwareAuto : '' })}</span>
            </>
          ) : null}
        </>
      }
      testId="training-step"
    />
  );
});

/** The run's band from the planner's spread, in words (only when the MFU is predicted). */
export const UncertaintyBand = memo(function UncertaintyBand(props: { estimate: Estimate; lang: Lang }) {
  const m = useMessages(PLANNER_MESSAGES);
  const { estimate, lang } = props;
  const band = estimate.training.band;
  if (band === null) return null;
  return (
    <p className="muted" data-testid="training-band">
      {fill(m.band, {
        low: formatCount(band.gpuHoursLow, lang),
        high: formatCount(band.gpuHoursHigh, lang),
        daysLow: formatDuration(band.daysLow * 86_400, lang),
        daysHigh: formatDuration(band.daysHigh * 86_400, lang),
        costLow: formatUsd(band.costLowUsd, lang),
        costHigh: formatUsd(band.costHighUsd, lang),
        spread: formatPercent(STEP_TIME_SPREAD, lang),
        within: String(STEP_TIME_SPREAD_COVERAGE.within),
        checked: String(STEP_TIME_SPREAD_COVERAGE.checked),
        ...plannerAccuracyValues(lang),
      })}
      <BandNotes estimate={estimate} lang={lang} testIdPrefix="training-band" />
    </p>
  );
});

/** The GPU-hours note: predicted (steps × step time) or pinned (with the prediction beside it). */
export function gpuHoursNote(estimate: Estimate, lang: Lang, m: (typeof PLANNER_MESSAGES)['en'], peak: string, format: string): string {
  const t = estimate.training;
  const goodput = t.run.goodput ?? 1;
  const share = formatPercent(goodput, lang);
  if (t.mfuSource === 'predicted') return fill(goodput < 1 ? m.gpuHoursPredictedGoodput : m.gpuHoursPredicted, { mfu: formatPercent(t.mfu, lang), format, goodput: share });
  const lost = goodput < 1 ? fill(m.goodputPart, { goodput: share }) : '';
  if (t.predictedMfu === null) return fill(m.gpuHoursPinnedNoPrediction, { mfu: formatPercent(t.mfu, lang), peak, format }) + lost;
  return fill(m.gpuHoursPinned, { mfu: formatPercent(t.mfu, lang), peak, format, predicted: formatPercent(t.predictedMfu, lang) }) + lost;
}
