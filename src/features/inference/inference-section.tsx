import { memo } from 'react';
import { Stat } from '../../components/ui/stat';
import { TableScroll } from '../../components/ui/table-scroll';
import { SourceList } from '../../components/ui/source-list';
import { FeatureSection } from '../../view/feature-section';
import { useChartView } from '../../view/use-chart-view';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import {
  DASH,
  formatBytes,
  formatCount,
  formatDuration,
  formatFlopsRate,
  formatNumber,
  formatPercent,
  formatScientific,
  formatUsd,
  type UnitSystem,
} from '../../i18n/format';
import type { Estimate } from '../../core';
import { MESSAGES } from './messages';
import { cite, dataLabel, gpuCountText, gpuLabel } from '../../view/labels';
import { decodeRatioData, inferenceWarnings, kvFacts, type DecodeRatioRow, type KvFacts } from './inference.data';
import { InferenceMemoryChart } from './inference-memory-chart';
import { InferenceThroughputChart } from './inference-throughput-chart';

type Messages = (typeof MESSAGES)['en'];

/** The context cap of `largestContextThatFits` (the explorer's range). */
const CONTEXT_CAP = 1e7;
const CAPTION = { textAlign: 'left', padding: '4px 8px', captionSide: 'top' } as const;

function kvNote(kv: KvFacts, m: Messages, lang: Lang, units: UnitSystem, context: number): string {
  const bytes = (value: number) => formatBytes(value, lang, units);
  const values = {
    heads: kv.heads,
    kvHeads: kv.kvHeads,
    layers: kv.layers,
    reduction: formatNumber(kv.reduction, lang, 3),
    mha: bytes(kv.mhaBytesPerToken),
    latent: kv.mlaLatent ?? 0,
    rope: kv.mlaRope ?? 0,
  };
  const parts = [fill(m[`kind_${kv.kind}`], values)];
  if (kv.window !== null) {
    parts.push(
      fill(m.kvWindow, {
        windowLayers: kv.windowLayers,
        layers: kv.layers,
        window: formatCount(kv.window, lang),
        average: bytes(kv.averageBytesPerTokenAtContext),
        context: formatCount(context, lang),
      }),
    );
  }
  if (kv.bytesPerToken > 0) {
    parts.push(fill(m.kvArticle, { article: bytes(kv.articleBytesPerToken), ratio: formatCount(kv.articleBytesPerToken / kv.bytesPerToken, lang) }));
  }
  return parts.join('; ');
}

const InferenceStats = memo(function InferenceStats(props: { estimate: Estimate; lang: Lang; units: UnitSystem; m: Messages }) {
  const { estimate, lang, units, m } = props;
  const inf = estimate.inference;
  const bytes = (value: number) => formatBytes(value, lang, units);
  const gpu = gpuLabel(estimate, lang);
  const memory = bytes(estimate.hardware.memoryBytes);
  const kv = kvFacts(estimate);
  const gpus = formatNumber(inf.gpus, lang, 7);
  const nGpus = gpuCountText(inf.gpus, lang);
  // Time and cost are shown only for a setup that runs (as the training section does for a layout).
  const runs = inf.fits;
  let serving;
  if (!inf.fits) {
    const one = inf.fitOneGpu;
    const note =
      one && one.reason === 'kv-cache'
        ? fill(m.statServingKvNote, {
            gpu,
            required: bytes(one.requiredBytes),
            usable: bytes(one.usableBytes),
            maxContext: formatCount(one.largestContextTokens, lang),
            maxBatch: formatNumber(one.largestBatch, lang, 7),
          })
        : fill(m.statServingNeverNote, { gpu });
    serving = <Stat label={m.statServing} value={m.statServingNever} bad note={note} testId="inference-gpus" />;
  } else {
    const note = inf.fitsOneGpu
      ? fill(m.statServingOne, { gpu, memory, perGpu: bytes(inf.bytesPerGpu) })
      : fill(m.statServingMany, { gpu, memory, min: formatNumber(inf.minGpus?.gpus ?? inf.gpus, lang, 7), gpus, perGpu: bytes(inf.bytesPerGpu) });
    serving = <Stat label={m.statServing} value={fill(m.statServingValue, { gpus, gpu })} note={note} testId="inference-gpus" />;
  }
  const decodeNote =
    inf.bound === 'memory'
      ? fill(m.statDecodeMemory, {
          bytes: bytes(inf.decodeBytesPerStep),
          bandwidth: `${formatBytes(estimate.hardware.bandwidthBytesPerSecond * inf.gpus, lang, units)}/s`,
          efficiency: formatPercent(inf.bandwidthEfficiency, lang),
        })
      : fill(m.statDecodeCompute, {
          flops: formatScientific(inf.decodeFlopsPerStep),
          peak: formatFlopsRate(inf.peakFlopsPerGpu * inf.gpus, lang),
          mfu: formatPercent(inf.mfu, lang),
        });
  const maxContext =
    inf.maxContextAtBatch <= 0
      ? m.statMaxContextNone
      : inf.maxContextAtBatch >= CONTEXT_CAP
        ? fill(m.statMaxContextCap, { value: formatCount(CONTEXT_CAP, lang) })
        : fill(m.tokens, { value: formatCount(inf.maxContextAtBatch, lang) });
  return (
    <div className="stats">
      <Stat
        label={m.statMemory}
        value={bytes(inf.totalBytes)}
        bad={!inf.fits}
        note={fill(m.statMemoryNote, {
          w: bytes(inf.weightBytes),
          kv: bytes(inf.kvBytes),
          batch: formatNumber(inf.batch, lang, 7),
          context: formatCount(inf.contextTokens, lang),
          work: bytes(inf.working.total),
        })}
        testId="inference-memory"
      />
      {serving}
      <Stat label={m.statKv} value={bytes(kv.bytesPerToken)} note={kvNote(kv, m, lang, units, inf.contextTokens)} testId="inference-kv" />
      <Stat
        label={m.statTtft}
        value={runs ? formatDuration(inf.timeToFirstTokenSeconds, lang) : DASH}
        note={!runs ? m.statNoRun : fill(m.statTtftNote, {
          prompt: formatCount(inf.promptTokens, lang),
          active: formatCount(estimate.model.counts.active, lang),
          mfu: formatPercent(inf.mfu, lang),
          nGpus,
        })}
        testId="inference-ttft"
      />
      <Stat
        label={m.statDecode}
        value={runs ? fill(m.tokensPerSecond, { value: formatNumber(inf.tokensPerSecondPerSequence, lang, 3) }) : DASH}
        note={runs ? decodeNote : m.statNoRun}
        testId="inference-decode"
      />
      <Stat
        label={m.statAggregate}
        value={runs ? fill(m.tokensPerSecond, { value: formatNumber(inf.tokensPerSecondAggregate, lang, 3) }) : DASH}
        note={!runs ? m.statNoRun : fill(m.statAggregateNote, {
          batch: formatNumber(inf.batch, lang, 7),
          effective: formatNumber(inf.effectiveOutputTokensPerSecond, lang, 3),
        })}
        testId="inference-aggregate"
      />
      <Stat
        label={m.statCost}
        value={runs ? formatUsd(inf.costPerMillionOutputTokensUsd, lang) : DASH}
        note={!runs ? m.statNoRun : fill(m.statCostNote, { nGpus, price: formatUsd(estimate.hardware.usdPerGpuHour, lang) })}
        testId="inference-cost"
      />
      <Stat
        label={m.statRequest}
        value={runs ? formatDuration(inf.requestSeconds, lang) : DASH}
        note={!runs ? m.statNoRun : fill(m.statRequestNote, { output: formatCount(inf.outputTokens, lang), step: formatDuration(inf.decodeStepSeconds, lang) })}
        testId="inference-request"
      />
      <Stat
        label={m.statMaxContext}
        value={maxContext}
        bad={inf.maxContextAtBatch < inf.contextTokens}
        note={fill(m.statMaxContextNote, { batch: formatNumber(inf.batch, lang, 7), nGpus, model: formatCount(inf.modelContextLength, lang) })}
        testId="inference-max-context"
      />
      <Stat
        label={m.statMaxBatch}
        value={fill(m.sequences, { value: formatNumber(Math.max(0, inf.maxBatchAtContext), lang, 7) })}
        bad={inf.maxBatchAtContext < inf.batch}
        note={fill(m.statMaxBatchNote, { context: formatCount(inf.contextTokens, lang), nGpus })}
        testId="inference-max-batch"
      />
    </div>
  );
});

const InferenceWarnings = memo(function InferenceWarnings({ estimate, m }: { estimate: Estimate; m: Messages }) {
  const codes = inferenceWarnings(estimate);
  if (codes.length === 0) return null;
  return (
    <div className="muted" role="note" aria-label={m.warningsTitle}>
      <ul>
        {codes.map((code) => (
          <li key={code}>{m[`warn_${code}`]}</li>
        ))}
      </ul>
    </div>
  );
});

const RatiosTable = memo(function RatiosTable(props: { rows: DecodeRatioRow[]; estimate: Estimate; lang: Lang; m: Messages }) {
  const { rows, estimate, lang, m } = props;
  return (
    <details>
      <summary>{m.ratiosTitle}</summary>
      <TableScroll labelledBy="decode-ratios-caption">
        <table className="data-table" data-table="decode-ratios">
          <caption id="decode-ratios-caption" className="muted" style={CAPTION}>
            {fill(m.ratiosCaption, {
              used: formatNumber(estimate.inference.bandwidthEfficiency, lang, 2),
              how: estimate.inference.bandwidthEfficiencyOverridden
                ? m.efficiencyOverridden
                : fill(m.efficiencyDefault, { kind: m[`kind_${estimate.hardware.kind}`], format: estimate.inference.weightPrecision.toUpperCase() }),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{m.colModel}</th>
              <th scope="col">{m.colHardware}</th>
              <th scope="col">{m.colEngine}</th>
              <th scope="col">{m.colRoofline}</th>
              <th scope="col">{m.colMeasured}</th>
              <th scope="col">{m.colRatio}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={row.kind === estimate.hardware.kind ? 'is-current' : undefined}>
                <th scope="row">{`${dataLabel(row.model, lang)} (${row.precision.toUpperCase()})`}</th>
                <td>{dataLabel(row.hardware, lang)}</td>
                <td>{row.engine}</td>
                <td>{formatNumber(row.rooflineTokensPerSecond, lang, 4)}</td>
                <td>{`${row.lowerBound ? `${m.lowerBound} ` : ''}${formatNumber(row.measuredTokensPerSecond, lang, 4)}`}</td>
                <td>{`${row.lowerBound ? `${m.lowerBound} ` : ''}${formatNumber(row.ratio, lang, 2)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
});

function InferenceBody() {
  const { estimate, select } = useChartView();
  const { lang, units } = useViewSettings();
  const m = useMessages(MESSAGES);
  return (
    <>
      <InferenceStats estimate={estimate} lang={lang} units={units} m={m} />
      <InferenceWarnings estimate={estimate} m={m} />
      <div className="charts">
        <InferenceMemoryChart />
        <InferenceThroughputChart />
      </div>
      <div className="section__lead">
        <p>{m.lead3}</p>
      </div>
      <RatiosTable rows={select.constant(decodeRatioData)} estimate={estimate} lang={lang} m={m} />
    </>
  );
}

export function InferenceSection() {
  const m = useMessages(MESSAGES);
  const { lang } = useViewSettings();
  const zh = lang === 'zh';
  const sources = [
    cite('kwon2023', zh ? '§3、§4' : '§3, §4', lang),
    cite('deepseek2024v2', zh ? '§2.1、表 1' : '§2.1, Table 1', lang),
    cite('jiang2023', '§2', lang),
    cite('gemma2024', '§2', lang),
    cite('pope2022', zh ? '§2、§3.1' : '§2, §3.1', lang),
    cite('databricks2023', 'MBU', lang),
    cite('xiongjiedai2024', 'README', lang),
    cite('nemo2024', zh ? '性能表' : 'performance tables', lang),
    cite('kaplan2020', zh ? '表 1' : 'Table 1', lang),
  ];
  return (
    <FeatureSection
      id="inference"
      title={m.title}
      lead={[m.lead1, m.lead2]}
      sources={<SourceList label={m.sources} items={sources} />}
    >
      <InferenceBody />
    </FeatureSection>
  );
}
