import { memo, useMemo } from 'react';
import { Stat } from '../../components/ui/stat';
import { DataTable, type TableColumn } from '../../components/ui/data-table';
import { CiteList } from '../../components/ui/cite';
import { PRECISIONS, SOURCES } from '../../core';
import { FeatureSection } from '../../view/feature-section';
import { useChartView } from '../../view/use-chart-view';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, formatCount, formatFlopsRate, formatNumber, formatPower, formatUsd, type UnitSystem } from '../../i18n/format';
import { largestServableParams, specRowsData, TRAINING_BYTES_PER_PARAM, type SpecRow } from './hardware.data';
import { HardwareTimelineChart } from './hardware-timeline-chart';
import { MESSAGES } from './messages';
import { acceleratorName, priceWhat } from '../../view/labels';

const SECTION_SOURCES = [SOURCES.rajbhandari2020, SOURCES.pope2022];

/** Table columns per language, byte units and weight precision. */
function specColumns(lang: Lang, units: UnitSystem, precisionLabel: string): TableColumn<SpecRow>[] {
  const m = MESSAGES[lang];
  const rate = (value: number | null) => (value === null ? m.noRate : formatFlopsRate(value, lang));
  const columns: TableColumn<SpecRow>[] = [
    { id: 'name', header: m.colName, cell: (row) => acceleratorName(row.id, row.name, lang), value: (row) => row.name },
    { id: 'year', header: m.colYear, cell: (row) => String(row.year), value: (row) => row.year },
    { id: 'memory', header: m.colMemory, cell: (row) => formatBytes(row.memoryBytes, lang, units), value: (row) => row.memoryBytes, csvHeader: `${m.colMemory} (bytes)` },
    {
      id: 'bandwidth',
      header: m.colBandwidth,
      cell: (row) => `${formatBytes(row.bandwidthBytesPerSecond, lang, units)}/s`,
      value: (row) => row.bandwidthBytesPerSecond,
      csvHeader: `${m.colBandwidth} (bytes/s)`,
    },
    { id: 'bf16', header: m.colBf16, cell: (row) => rate(row.bf16Flops), value: (row) => row.bf16Flops, csvHeader: `${m.colBf16} (FLOP/s)` },
    { id: 'fp8', header: m.colFp8, cell: (row) => rate(row.fp8Flops), value: (row) => row.fp8Flops, csvHeader: `${m.colFp8} (FLOP/s)` },
    { id: 'tdp', header: m.colTdp, cell: (row) => (row.tdpWatts === null ? '—' : formatPower(row.tdpWatts, lang)), value: (row) => row.tdpWatts, csvHeader: `${m.colTdp} (W)` },
    { id: 'price', header: m.colPrice, cell: (row) => (row.usdPerHour === null ? '—' : formatUsd(row.usdPerHour, lang)), value: (row) => row.usdPerHour, csvHeader: `${m.colPrice} (USD)` },
    { id: 'priceDate', header: m.colPriceDate, cell: (row) => row.priceDate ?? '—', value: (row) => row.priceDate },
    {
      id: 'serves',
      header: fill(m.colServes, { precision: precisionLabel }),
      cell: (row) => (row.servableParams > 0 ? formatCount(row.servableParams, lang) : '—'),
      value: (row) => row.servableParams,
      csvHeader: `${fill(m.colServes, { precision: precisionLabel })} (parameters)`,
    },
    { id: 'trains', header: m.colTrains, cell: (row) => formatCount(row.trainableParams, lang), value: (row) => row.trainableParams, csvHeader: `${m.colTrains} (parameters)` },
    {
      id: 'priceSource',
      header: m.colPriceSource,
      cell: (row) => (row.priceWhat ? `${priceWhat(row.id, row.priceWhat, lang)} — ${row.priceSource ?? ''}` : '—'),
      value: (row) => (row.priceWhat ? `${row.priceWhat} — ${row.priceSource ?? ''}` : null),
      hidden: true,
      wrap: true,
    },
    { id: 'source', header: m.colSource, cell: (row) => row.source, value: (row) => row.source, hidden: true, wrap: true },
  ];
  return columns;
}

const getRowId = (row: SpecRow) => row.id;
const INITIAL_SORT = [{ id: 'year', desc: false }];

const HardwareStats = memo(function HardwareStats() {
  const { estimate } = useChartView();
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const hardware = estimate.hardware;
  const selected = estimate.weights.selected;
  const precisionLabel = PRECISIONS[selected.id]?.label ?? selected.id;
  const kv = estimate.inference.kvBytesPerSequence;
  const servable = largestServableParams(hardware.memoryBytes, selected.bitsPerWeight, kv);
  const memoryText = formatBytes(hardware.memoryBytes, lang, units);
  // The page's one fit verdict on one card (weights + KV + working memory + runtime reserve vs
  // usable memory), the same field the inference section reads; encoder-only models: weights alone.
  const verdict = estimate.inference.fitOneGpu;
  const fits = verdict ? verdict.fits : selected.bytes <= hardware.memoryBytes;
  const bytes = (value: number) => formatBytes(value, lang, units);
  let thisNote: string;
  if (!verdict) {
    thisNote = fits
      ? fill(m.statThisFitsNote, { weights: bytes(selected.bytes), memory: memoryText })
      : fill(m.statThisNoNote, { weights: bytes(selected.bytes), memory: memoryText, times: formatNumber(selected.bytes / hardware.memoryBytes, lang, 2) });
  } else {
    const parts = {
      required: bytes(verdict.requiredBytes),
      usable: bytes(verdict.usableBytes),
      weights: bytes(verdict.breakdown.weights),
      kv: bytes(verdict.breakdown.kvCache),
      work: bytes(verdict.breakdown.activations + verdict.breakdown.runtimeReserve),
      batch: formatNumber(estimate.inference.batch, lang, 7),
      context: formatNumber(estimate.inference.contextTokens, lang),
      maxContext: formatNumber(verdict.largestContextTokens, lang),
      maxBatch: formatNumber(verdict.largestBatch, lang, 7),
    };
    thisNote = fits ? fill(m.statThisVerdictFits, parts) : verdict.reason === 'weights' ? fill(m.statThisVerdictWeights, parts) : fill(m.statThisVerdictKv, parts);
  }
  return (
    <div className="stats">
      <Stat
        label={m.statSelected}
        value={hardware.accelerator ? acceleratorName(hardware.id, hardware.name, lang) : m.customGpu}
        note={fill(m.statSelectedNote, {
          memory: memoryText,
          bandwidth: `${formatBytes(hardware.bandwidthBytesPerSecond, lang, units)}/s`,
          year: hardware.year ?? '—',
        })}
      />
      <Stat
        label={m.statServe}
        value={servable > 0 ? formatCount(servable, lang) : m.statServeNone}
        bad={servable <= 0}
        note={fill(m.statServeNote, {
          precision: precisionLabel,
          context: formatNumber(estimate.inference.contextTokens, lang),
          kv: formatBytes(kv, lang, units),
        })}
      />
      <Stat
        label={m.statTrain}
        value={formatCount(hardware.memoryBytes / TRAINING_BYTES_PER_PARAM, lang)}
        note={fill(m.statTrainNote, { memory: memoryText })}
      />
      <Stat
        label={m.statThis}
        value={fits ? m.statThisFits : m.statThisNo}
        bad={!fits}
        note={thisNote}
        testId="hardware-fit"
      />
    </div>
  );
});

const HardwareTable = memo(function HardwareTable() {
  const { estimate, derive } = useChartView();
  const m = useMessages(MESSAGES);
  const lang = useLang();
  const { units } = useViewSettings();
  const selected = estimate.weights.selected;
  const precisionLabel = PRECISIONS[selected.id]?.label ?? selected.id;
  const rows = derive(specRowsData);
  // Rebuilt only when the language, byte units or weight precision change.
  const columns = useMemo(() => specColumns(lang, units, precisionLabel), [lang, units, precisionLabel]);
  const selectedId = estimate.hardware.id;
  const isCurrent = useMemo(() => (row: SpecRow) => row.id === selectedId, [selectedId]);
  return (
    <DataTable
      id="hardware-specs"
      caption={m.tableCaption}
      rows={rows}
      columns={columns}
      getRowId={getRowId}
      isCurrent={isCurrent}
      chooseColumns
      initialSort={INITIAL_SORT}
    />
  );
});

export function HardwareSection() {
  const m = useMessages(MESSAGES);
  return (
    <FeatureSection
      id="hardware"
      title={m.title}
      lead={[m.lead1, m.lead2, m.lead3]}
      sources={
        <>
          <CiteList label={m.sources} sources={SECTION_SOURCES} />
          <p>{m.sourcesNote}</p>
        </>
      }
    >
      <HardwareStats />
      <div className="charts">
        <HardwareTimelineChart />
      </div>
      <HardwareTable />
    </FeatureSection>
  );
}
