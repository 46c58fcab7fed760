import { memo, useDeferredValue, useMemo } from 'react';
import { DataTable, type TableColumn } from '../../components/ui/data-table';
import { Stat } from '../../components/ui/stat';
import { CiteList } from '../../components/ui/cite';
import { DEFAULT_PREFILL_MFU, SOURCES } from '../../core';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, formatCount, formatDuration, formatNumber, formatPercent, formatUsd, type UnitSystem } from '../../i18n/format';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { FeatureSection } from '../../view/feature-section';
import { useChartView } from '../../view/use-chart-view';
import { acceleratorName, gpuLabel, gpuMemoryText, modelLabel } from '../../view/labels';
import { FineTuningControls } from './fine-tuning-controls';
import { FineTuningMemoryChart, methodName } from './fine-tuning-chart';
import { fineTuningSectionData, fineTuningTableData } from './fine-tuning.view';
import type { FitTableRow } from './fine-tuning.data';
import { MESSAGES, type FineTuningMessages } from './messages';
import './fine-tuning.css';

const SECTION_SOURCES = [SOURCES.rajbhandari2020, SOURCES.korthikanti2022];

function gpusText(value: number | null, m: FineTuningMessages, lang: Lang): string {
  if (value === null) return m.never;
  return value === 1 ? m.alone : fill(m.gpusNeeded, { n: formatNumber(value, lang, 7) });
}

function fitColumns(m: FineTuningMessages, lang: Lang, units: UnitSystem): TableColumn<FitTableRow>[] {
  const method = (key: 'full' | 'lora' | 'qlora'): TableColumn<FitTableRow> => ({
    id: key,
    header: methodName(key, m),
    cell: (row) => gpusText(row[key], m, lang),
    // Sort and CSV: the GPU count, an empty cell beyond 1,024.
    value: (row) => row[key],
    csvHeader: `${methodName(key, m)} (GPUs)`,
  });
  return [
    { id: 'name', header: m.colAccelerator, cell: (row) => acceleratorName(row.id, row.name, lang), value: (row) => row.name },
    { id: 'memory', header: m.colMemory, cell: (row) => formatBytes(row.memoryBytes, lang, units), value: (row) => row.memoryBytes, csvHeader: `${m.colMemory} (bytes)` },
    method('full'),
    method('lora'),
    method('qlora'),
  ];
}

const getRowId = (row: FitTableRow) => row.id;
const INITIAL_SORT = [{ id: 'memory', desc: false }];

/** `fine-tuning-fit`: GPUs each method needs on every listed accelerator. */
export const FineTuningFitTable = memo(function FineTuningFitTable() {
  const { scenario, estimate, select } = useChartView();
  const m = useMessages(MESSAGES);
  const { lang, units } = useViewSettings();
  // ~30 ms for the whole table: it follows after the controls and the chart have painted.
  const deferred = useDeferredValue(scenario);
  const data = select.derived(fineTuningTableData, deferred);
  const columns = useMemo(() => fitColumns(m, lang, units), [m, lang, units]);
  const selectedId = estimate.hardware.id;
  const isCurrent = useMemo(() => (row: FitTableRow) => row.id === selectedId, [selectedId]);
  return (
    <div className="fine-tuning__table">
      <p className="fine-tuning__summary" data-testid="ft-fit-summary">
        {fill(m.summaryFits, { full: data.fitsAlone.full, lora: data.fitsAlone.lora, qlora: data.fitsAlone.qlora, count: data.rows.length })}
      </p>
      <DataTable
        id="fine-tuning-fit"
        caption={fill(m.tableCaption, { model: modelLabel(estimate, lang) })}
        rows={data.rows}
        columns={columns}
        getRowId={getRowId}
        isCurrent={isCurrent}
        initialSort={INITIAL_SORT}
      />
    </div>
  );
});

const FineTuningStats = memo(function FineTuningStats() {
  const { scenario, estimate, derive } = useChartView();
  const m = useMessages(MESSAGES);
  const { lang, units } = useViewSettings();
  const data = derive(fineTuningSectionData);
  const index = data.bars.findIndex((item) => item.method === scenario.ftMethod);
  const bar = data.bars[index] ?? data.bars[0];
  const run = data.runs[index] ?? data.runs[0];
  if (!bar || !run) return null;
  const method = methodName(bar.method, m);
  const gpu = gpuLabel(estimate, lang);
  const memory = gpuMemoryText(estimate, lang, units);
  const total = estimate.model.counts.total;
  return (
    <div className="stats" data-testid="ft-stats">
      <Stat
        label={fill(m.statTrainable, { method })}
        value={formatCount(bar.trainableParameters, lang)}
        note={fill(m.statTrainableNote, { share: formatPercent(bar.trainableParameters / total, lang, 3), total: formatCount(total, lang) })}
        testId="ft-trainable"
      />
      <Stat
        label={fill(m.statMemory, { method, gpu })}
        value={`${formatBytes(bar.resident, lang, units)} · ${bar.fitsOneGpu ? m.fits : m.doesNotFit}`}
        bad={!bar.fitsOneGpu}
        note={
          bar.paged > 0
            ? fill(m.statMemoryPaged, { resident: formatBytes(bar.resident, lang, units), memory, paged: formatBytes(bar.paged, lang, units) })
            : fill(m.statMemoryNote, { resident: formatBytes(bar.resident, lang, units), memory })
        }
        testId="ft-memory"
      />
      <Stat
        label={fill(m.statTime, { tokens: formatCount(scenario.ftTokens, lang) })}
        value={run.seconds === null ? '—' : formatDuration(run.seconds, lang)}
        bad={run.seconds === null}
        note={
          run.seconds === null || run.gpus === null
            ? m.statTimeNone
            : fill(m.statTimeNote, {
                gpus: formatNumber(run.gpus, lang, 7),
                gpu,
                mfu: formatPercent(scenario.mfu ?? DEFAULT_PREFILL_MFU, lang, 2),
                gpuHours: formatNumber(run.gpuHours, lang, 3),
                cost: formatUsd(run.costUsd, lang),
              })
        }
        testId="ft-time"
      />
    </div>
  );
});

export function FineTuningSection() {
  const m = useMessages(MESSAGES);
  return (
    <FeatureSection
      id="fine-tuning"
      title={m.title}
      lead={[m.lead1, m.lead2]}
      sources={
        <>
          <CiteList label={m.sources} sources={SECTION_SOURCES} />
          <p>{m.sourcesNote}</p>
        </>
      }
    >
      <FineTuningControls />
      <FineTuningStats />
      <div className="charts">
        <FineTuningMemoryChart />
      </div>
      <FineTuningFitTable />
    </FeatureSection>
  );
}
