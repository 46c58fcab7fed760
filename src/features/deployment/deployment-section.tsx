import { memo } from 'react';
import { Stat } from '../../components/ui/stat';
import { SourceList } from '../../components/ui/source-list';
import { FeatureSection } from '../../view/feature-section';
import { useChartView } from '../../view/use-chart-view';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatDuration, formatEnergy, formatNumber, formatPercent, formatPower, formatUsd } from '../../i18n/format';
import type { Estimate } from '../../core';
import type { Scenario } from '../../scenario/scenario';
import { MESSAGES } from './messages';
import { cite, gpuCountText, gpuLabel } from '../../view/labels';
import { articleComparison } from './deployment.data';
import { DeploymentChart } from './deployment-chart';

type Messages = (typeof MESSAGES)['en'];

const DeploymentStats = memo(function DeploymentStats(props: { estimate: Estimate; scenario: Scenario; lang: Lang; m: Messages }) {
  const { estimate, scenario, lang, m } = props;
  const d = estimate.deployment;
  const inf = estimate.inference;
  const gpu = gpuLabel(estimate, lang);
  const article = articleComparison(estimate);
  const count = (value: number) => formatNumber(value, lang, 7);
  const rps = formatNumber(d.requestsPerSecond, lang, 3);
  return (
    <div className="stats">
      <Stat
        label={m.statLoad}
        value={fill(m.statLoadValue, { rps })}
        note={fill(m.statLoadNote, {
          prompt: formatCount(inf.promptTokens, lang),
          output: formatCount(inf.outputTokens, lang),
          tokens: formatCount(d.outputTokensPerSecond, lang),
        })}
        testId="deployment-load"
      />
      {inf.fits ? (
        <Stat
          label={m.statReplica}
          value={fill(m.statReplicaValue, { gpus: count(d.gpusPerReplica), gpu })}
          note={
            fill(m.statReplicaNote, {
              batch: count(inf.batch),
              capacity: formatNumber(d.replicaRequestsPerSecond, lang, 3),
              prefill: formatDuration(inf.timeToFirstTokenSeconds, lang),
              output: formatCount(inf.outputTokens, lang),
              step: formatDuration(inf.decodeStepSeconds, lang),
            }) + (inf.decodeCommunicationSeconds > 0 ? fill(m.statReplicaComm, { comm: formatDuration(inf.decodeCommunicationSeconds, lang), gpus: count(inf.gpus) }) : '')
          }
          testId="deployment-replica"
        />
      ) : (
        <Stat label={m.statReplica} value={m.statReplicaNever} bad note={m.statReplicaNeverNote} testId="deployment-replica" />
      )}
      <Stat
        label={m.statReplicas}
        value={count(d.replicas)}
        note={fill(m.statReplicasNote, { utilisation: formatPercent(d.utilisation, lang) })}
        testId="deployment-replicas"
      />
      <Stat
        label={m.statGpus}
        value={count(d.totalGpus)}
        note={fill(m.statGpusNote, { replicas: count(d.replicas), nGpus: gpuCountText(d.gpusPerReplica, lang) })}
        testId="deployment-gpus"
      />
      <Stat
        label={m.statPower}
        value={formatPower(d.powerKw * 1000, lang)}
        note={fill(m.statPowerNote, {
          gpus: count(d.totalGpus),
          tdp: formatPower(estimate.hardware.tdpWatts, lang),
          pue: formatNumber(scenario.pue, lang, 3),
        })}
        testId="deployment-power"
      />
      <Stat
        label={m.statCost}
        value={formatUsd(d.monthlyGpuCostUsd, lang)}
        note={fill(m.statCostNote, {
          nGpus: gpuCountText(d.totalGpus, lang),
          price: formatUsd(estimate.hardware.usdPerGpuHour, lang),
          source: m[`source_${estimate.hardware.priceSource}`],
        })}
        testId="deployment-cost"
      />
      <Stat
        label={m.statEnergy}
        value={formatEnergy(d.monthlyEnergyKwh * 3.6e6, lang)}
        note={fill(m.statEnergyNote, { cost: formatUsd(d.monthlyEnergyCostUsd, lang), price: formatUsd(scenario.usdPerKwh, lang) })}
        testId="deployment-energy"
      />
      <Stat label={m.statLatency} value={formatDuration(d.requestLatencySeconds, lang)} note={m.statLatencyNote} testId="deployment-latency" />
      <Stat
        label={m.statArticle}
        value={fill(m.statArticleValue, { gpus: formatNumber(article.gpus, lang, 2) })}
        bad
        note={fill(m.statArticleNote, {
          params: formatCount(estimate.model.counts.total, lang),
          rps,
          power: formatPower(article.powerKw * 1000, lang),
          cost: formatUsd(article.monthlyCostUsd, lang),
          ratio: formatNumber(article.ratio, lang, 3),
          weightGpus: count(article.gpusForFp16Weights),
          gpu,
        })}
        testId="deployment-article"
      />
    </div>
  );
});

function DeploymentBody() {
  const { scenario, estimate } = useChartView();
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  return (
    <>
      <DeploymentStats estimate={estimate} scenario={scenario} lang={lang} m={m} />
      <div className="charts">
        <DeploymentChart />
      </div>
    </>
  );
}

export function DeploymentSection() {
  const m = useMessages(MESSAGES);
  const { lang } = useViewSettings();
  const zh = lang === 'zh';
  const sources = [
    cite('kwon2023', zh ? '§4（连续批处理）' : '§4 (continuous batching)', lang),
    cite('pope2022', '§2', lang),
    cite('patterson2021', zh ? '§2（PUE）' : '§2 (PUE)', lang),
  ];
  return (
    <FeatureSection
      id="deployment"
      title={m.title}
      lead={[m.lead1, m.lead2]}
      sources={<SourceList label={m.sources} items={sources} />}
    >
      <DeploymentBody />
    </FeatureSection>
  );
}
