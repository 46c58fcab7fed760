import { memo, useState } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { DataTable, type TableColumn } from '../../components/ui/data-table';
import { useSectionVisible } from '../../components/ui/section';
import { fill, type Lang } from '../../i18n/i18n';
import { formatCount, formatNumber, formatScientific } from '../../i18n/format';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { useSelectors } from '../../store/store-context';
import { validationData, type ValidationQuantity, type ValidationRow } from './sources.data';
import { SOURCES_MESSAGES } from './messages';
import { dataLabel } from '../../view/labels';

type Messages = (typeof SOURCES_MESSAGES)['en'];

const QUANTITY_KEYS = {
  params: 'qParams',
  trainingFlops: 'qTrainingFlops',
  gpuHours: 'qGpuHours',
  decode: 'qDecode',
} as const satisfies Record<ValidationQuantity, keyof Messages>;

export function quantityName(quantity: ValidationQuantity, lang: Lang): string {
  return SOURCES_MESSAGES[lang][QUANTITY_KEYS[quantity]];
}

function formatValue(row: ValidationRow, value: number, lang: Lang, m: Messages): string {
  switch (row.unit) {
    case 'params':
      return formatCount(value, lang, 4);
    case 'flops':
      return fill(m.flops, { n: formatScientific(value, 3) });
    case 'gpu_hours':
      return fill(m.gpuHoursUnit, { n: formatCount(value, lang, 3) });
    case 'tokens_per_s':
      return fill(m.tokensPerS, { n: formatNumber(value, lang, 3) });
  }
}

/** An error as a signed percentage with one decimal (two below 0.1%): +6.4%, −0.04%. */
export function formatSignedPercent(error: number | null): string {
  if (error === null || !Number.isFinite(error)) return '—';
  const percent = Math.abs(error) * 100;
  const text = percent.toFixed(percent < 0.1 ? 2 : 1);
  if (Number(text) === 0) return '0%';
  return `${error < 0 ? '−' : '+'}${text}%`;
}

function noteText(row: ValidationRow, lang: Lang, m: Messages): string {
  const parts: string[] = [];
  if (row.nSource === 'ours') parts.push(m.nOurs);
  if (row.nSource === 'published') parts.push(m.nPublished);
  if (row.efficiency !== null) parts.push(fill(m.efficiency, { efficiency: formatNumber(row.efficiency, lang, 2) }));
  if (row.before) parts.push(fill(m.decodeBefore, { before: formatValue(row, row.before.value, lang, m), error: formatSignedPercent(row.before.error) }));
  if (row.lowerBound) parts.push(m.lowerBound);
  if (row.quantity === 'gpuHours') parts.push(m.hoursNote);
  return parts.join('; ');
}

function build(lang: Lang): TableColumn<ValidationRow>[] {
  const m = SOURCES_MESSAGES[lang];
  return [
    {
      id: 'quantity',
      header: m.colQuantity,
      csvHeader: m.csvQuantity,
      value: (row) => quantityName(row.quantity, lang),
      cell: (row) => quantityName(row.quantity, lang),
      wrap: true,
    },
    { id: 'subject', header: m.colSubject, csvHeader: m.csvSubject, value: (row) => row.subject, cell: (row) => dataLabel(row.subject, lang), wrap: true },
    { id: 'published', header: m.colPublished, csvHeader: m.csvPublished, value: (row) => row.published, cell: (row) => formatValue(row, row.published, lang, m) },
    { id: 'ours', header: m.colOurs, csvHeader: m.csvOurs, value: (row) => row.ours, cell: (row) => formatValue(row, row.ours, lang, m) },
    { id: 'error', header: m.colError, csvHeader: m.csvError, value: (row) => row.error, cell: (row) => formatSignedPercent(row.error) },
    {
      id: 'absError',
      header: m.colAbsError,
      csvHeader: m.csvAbsError,
      value: (row) => Math.abs(row.error),
      cell: (row) => formatSignedPercent(Math.abs(row.error)).replace('+', ''),
    },
    {
      id: 'roofline',
      header: m.colRoofline,
      csvHeader: m.csvRoofline,
      value: (row) => row.rooflineRatio,
      cell: (row) => (row.rooflineRatio === null ? '' : formatNumber(row.rooflineRatio, lang, 2)),
    },
    { id: 'note', header: m.colNote, csvHeader: m.csvNote, value: (row) => noteText(row, lang, m), cell: (row) => noteText(row, lang, m), wrap: true },
    {
      id: 'source',
      header: m.colSource,
      csvHeader: m.csvSource,
      value: (row) => row.source,
      cell: (row) => row.source,
      // The published reference, in the language of the work.
      cellLang: (row) => (lang === 'zh' && !/[\u3400-\u9fff]/.test(row.source) ? 'en' : undefined),
      wrap: true,
    },
  ];
}

const COLUMNS = { en: build('en'), zh: build('zh') } as const;
const INITIAL_SORT: SortingState = [{ id: 'absError', desc: true }];
const EMPTY: ValidationRow[] = [];
const getRowId = (row: ValidationRow) => row.id;

/**
 * The validation rows once the section has come near the viewport (about 60 estimates, computed
 * once per store and kept); until then an empty list, so the page load does not pay for them.
 */
export function useValidationRows(): ValidationRow[] {
  const visible = useSectionVisible();
  const select = useSelectors();
  const [seen, setSeen] = useState(visible);
  if (visible && !seen) setSeen(true);
  return seen ? select.constant(validationData) : EMPTY;
}

/** Table `validation`: our estimator against published parameter counts, compute, GPU-hours and decode speeds. */
export const ValidationTable = memo(function ValidationTable() {
  const m = useMessages(SOURCES_MESSAGES);
  const { lang } = useViewSettings();
  const rows = useValidationRows();
  return (
    <DataTable
      id="validation"
      caption={m.caption}
      rows={rows}
      columns={COLUMNS[lang]}
      getRowId={getRowId}
      initialSort={INITIAL_SORT}
      chooseColumns
    />
  );
});
