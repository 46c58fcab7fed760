import { memo, useMemo } from 'react';
import { FeatureSection } from '../../view/feature-section';
import { Stat } from '../../components/ui/stat';
import { fill } from '../../i18n/i18n';
import { formatCount, formatNumber, formatPercent } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/view-settings';
import { CompareTable, useCompareView } from './compare-table';
import { modelDisplay } from './compare-columns';
import { COMPARE_MESSAGES } from './messages';
import { acceleratorName } from '../../view/labels';

const CompareStats = memo(function CompareStats() {
  const m = useMessages(COMPARE_MESSAGES);
  const lang = useLang();
  const { estimate: result, current, presets } = useCompareView();
  const summary = useMemo(() => {
    const servedByOne = presets.filter((row) => row.values.servingGpus === 1).length;
    const ownCost = current.values.trainingCostUsd;
    const cheaper = ownCost === null ? 0 : presets.filter((row) => row.values.trainingCostUsd !== null && row.values.trainingCostUsd < ownCost).length;
    let largestOnOne: (typeof presets)[number] | null = null;
    for (const row of presets) {
      if (row.values.servingGpus === 1 && (row.values.totalParams ?? 0) > (largestOnOne?.values.totalParams ?? 0)) largestOnOne = row;
    }
    return { result, presets: presets.length, servedByOne, cheaper, largestOnOne };
  }, [result, current, presets]);
  const gpu = summary.result.hardware.id === 'custom' ? m.customGpu : acceleratorName(summary.result.hardware.id, summary.result.hardware.name, lang);
  return (
    <div className="stats">
      <Stat
        label={fill(m.statServedOne, { gpu })}
        value={fill(m.ofCount, { count: summary.servedByOne, total: summary.presets })}
        note={m.statServedOneNote}
      />
      <Stat
        label={m.statCheaper}
        value={fill(m.ofCount, { count: summary.cheaper, total: summary.presets })}
        note={fill(m.statCheaperNote, {
          gpus: formatNumber(summary.result.training.gpus, lang, 6),
          gpu,
          mfu: formatPercent(summary.result.training.mfu, lang),
        })}
      />
      <Stat
        label={fill(m.statLargestOnOne, { gpu })}
        value={summary.largestOnOne ? formatCount(summary.largestOnOne.values.totalParams, lang) : m.none}
        note={summary.largestOnOne ? modelDisplay(summary.largestOnOne, lang) : undefined}
        bad={summary.largestOnOne === null}
      />
    </div>
  );
});

export function Section() {
  const m = useMessages(COMPARE_MESSAGES);
  return (
    <FeatureSection
      id="compare"
      title={m.title}
      lead={[m.lead1, m.lead2, m.lead3]}
      sources={<p>{m.sources}</p>}
    >
      <CompareStats />
      <CompareTable />
    </FeatureSection>
  );
}
