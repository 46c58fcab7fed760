/**
 * `published-runs`: each published training run with its reported GPU-hours, the planner's
 * prediction from its published hardware and layout, the error, and what the reported hours cover.
 */
import { memo, useMemo } from 'react';
import { DataTable, type TableColumn } from '../../components/ui/data-table';
import type { PublishedRunPrediction } from '../../core';
import { TRAINING_RUNS } from '../../data/training-runs';
import { getAccelerator } from '../../data/hardware';
import { acceleratorName } from '../../view/labels';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatDuration, formatNumber, formatPercent } from '../../i18n/format';
import { MESSAGES } from './messages';
import { usePublishedRuns } from './use-published-runs';

type Messages = (typeof MESSAGES)['en'];

const RUN_NAMES = new Map(TRAINING_RUNS.map((run) => [run.id, run.model]));

/** The accelerator's name in the page's language (its id when the table does not know it). */
function hardwareName(id: string, lang: Lang): string {
  const row = getAccelerator(id);
  return row ? acceleratorName(id, row.name, lang) : id;
}

function signedPercent(value: number, lang: Lang): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatPercent(Math.abs(value), lang, 2)}`;
}

function columns(m: Messages, lang: Lang): TableColumn<PublishedRunPrediction>[] {
  return [
    { id: 'run', header: m.runsRun, cell: (row) => RUN_NAMES.get(row.runId) ?? row.runId, value: (row) => row.runId },
    { id: 'hardware', header: m.runsHardware, cell: (row) => `${formatNumber(row.gpus, lang, 9)} × ${hardwareName(row.hardwareId, lang)}`, value: (row) => row.gpus },
    { id: 'reported', header: m.runsReported, csvHeader: `${m.runsReported} (h)`, cell: (row) => formatCount(row.reportedGpuHours, lang), value: (row) => row.reportedGpuHours },
    { id: 'predicted', header: m.runsPredicted, csvHeader: `${m.runsPredicted} (h)`, cell: (row) => (row.predictedGpuHours === null ? m.runsNone : formatCount(row.predictedGpuHours, lang)), value: (row) => row.predictedGpuHours },
    { id: 'error', header: m.runsError, cell: (row) => (row.error === null ? '—' : signedPercent(row.error, lang)), value: (row) => row.error },
    { id: 'compared', header: m.runsCompared, cell: (row) => m[`compared_${row.comparison}`], value: (row) => row.comparison },
    { id: 'mfu', header: m.runsMfu, cell: (row) => (row.mfu === null ? '—' : formatPercent(row.mfu, lang)), value: (row) => row.mfu },
    { id: 'layout', header: m.runsLayout, cell: (row) => row.layout ?? '—', value: (row) => row.layout, hidden: true },
    // What the reported hours cover: the sources' own words, quoted in English (marked so, WCAG 3.1.2).
    { id: 'covers', header: m.runsCovers, wrap: true, cell: (row) => row.hoursCover, value: (row) => row.hoursCover, cellLang: () => 'en' },
  ];
}

const getRowId = (row: PublishedRunPrediction) => row.runId;

export const PublishedRunsTable = memo(function PublishedRunsTable() {
  const state = usePublishedRuns();
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const table = useMemo(() => columns(m, lang), [m, lang]);
  return (
    // Busy while the worker prices the runs, as the layouts table is while it plans: assistive
    // technology (and anything waiting for the page to settle) knows the rows are still coming.
    <div className="published-runs" data-testid="published-runs" aria-busy={state.status === 'loading'}>
      <h3>{m.runsTitle}</h3>
      {state.status === 'ready' ? (
        <>
          <DataTable id="published-runs" caption={m.runsCaption} rows={state.rows} columns={table} getRowId={getRowId} chooseColumns />
          <p className="muted" data-measured-time>{fill(m.runsStatus, { n: formatCount(state.rows.length, lang), ms: formatDuration(state.ms / 1000, lang) })}</p>
        </>
      ) : state.status === 'loading' ? (
        <p className="muted" role="status">{m.runsPlanning}</p>
      ) : state.status === 'unavailable' ? (
        <p className="muted" role="status">{m.unavailable}</p>
      ) : (
        <p className="layout-problem" role="status">{fill(m.failed, { message: state.message })}</p>
      )}
    </div>
  );
});
