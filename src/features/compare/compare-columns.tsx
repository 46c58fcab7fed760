import { createContext, memo, useContext } from 'react';
import type { TableColumn } from '../../components/ui/data-table';
import { fill, type Lang } from '../../i18n/i18n';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatEnergy,
  formatNumber,
  formatScientific,
  formatUsd,
  type UnitSystem,
} from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/view-settings';
import type { CompareRow, CompareValues } from './compare.data';
import { COMPARE_MESSAGES } from './messages';
import { presetModelName } from '../../view/labels';

/** What a model cell can do: open a preset, open or remove a pin. */
export interface CompareActions {
  chooseModel: (id: string) => void;
  openPin: (row: CompareRow) => void;
  removePin: (index: number) => void;
}

export const CompareActionsContext = createContext<CompareActions | null>(null);

type Messages = (typeof COMPARE_MESSAGES)['en'];

/** The model's name as shown: the shape-rule model gets its parameter count. */
export function modelDisplay(row: CompareRow, lang: Lang): string {
  const m = COMPARE_MESSAGES[lang];
  if (row.modelKind === 'size') return fill(m.sizeModel, { params: formatCount(row.values.totalParams, lang) });
  return row.modelKind === 'preset' ? presetModelName(row.modelId, row.modelName, lang) : row.modelName;
}

/** The model cell as text (CSV, sorting). */
export function modelText(row: CompareRow, lang: Lang): string {
  const m = COMPARE_MESSAGES[lang];
  const display = modelDisplay(row, lang);
  if (row.kind === 'current') return `${m.current}: ${display}`;
  if (row.kind === 'pin') return `${row.label} (${display})`;
  return display;
}

const ModelCell = memo(function ModelCell({ row }: { row: CompareRow }) {
  const m = useMessages(COMPARE_MESSAGES);
  const lang = useLang();
  const actions = useContext(CompareActionsContext);
  const display = modelDisplay(row, lang);
  if (row.kind === 'current') {
    return (
      <span>
        <strong>{m.current}</strong>: {display}
      </span>
    );
  }
  if (row.kind === 'pin') {
    const index = row.pinIndex ?? -1;
    return (
      <span className="compare-cell">
        <button
          type="button"
          className="compare-link"
          onClick={() => actions?.openPin(row)}
          aria-label={fill(m.openPin, { name: row.label })}
          title={fill(m.openPin, { name: row.label })}
        >
          {row.label}
        </button>{' '}
        <span className="badge">{m.pinned}</span> <span className="muted">{display}</span>{' '}
        <button
          type="button"
          className="compare-remove"
          onClick={() => actions?.removePin(index)}
          aria-label={fill(m.removePinLabel, { name: row.label })}
          title={fill(m.removePinLabel, { name: row.label })}
        >
          × {m.removePin}
        </button>
      </span>
    );
  }
  return (
    <button
      type="button"
      className="compare-link"
      onClick={() => actions?.chooseModel(row.modelId)}
      title={fill(m.openModel, { name: display })}
    >
      {display}
    </button>
  );
});

function renderModel(row: CompareRow) {
  return <ModelCell row={row} />;
}

function numeric(
  id: string,
  key: keyof CompareValues,
  header: string,
  csvHeader: string,
  format: (value: number | null, row: CompareRow) => string,
  hidden = false,
): TableColumn<CompareRow> {
  return {
    id,
    header,
    csvHeader,
    hidden,
    value: (row) => row.values[key],
    cell: (row) => format(row.values[key], row),
  };
}

function build(lang: Lang, units: UnitSystem, precision: string, m: Messages): TableColumn<CompareRow>[] {
  return [
    {
      id: 'model',
      header: m.colModel,
      csvHeader: m.csvModel,
      value: (row) => modelText(row, lang),
      cell: (row) => modelText(row, lang),
      render: renderModel,
      wrap: true,
    },
    {
      id: 'year',
      header: m.colYear,
      csvHeader: m.csvYear,
      hidden: true,
      value: (row) => row.year,
      cell: (row) => (row.year === null ? '—' : String(row.year)),
    },
    numeric('totalParams', 'totalParams', m.colTotal, m.csvTotal, (v) => formatCount(v, lang)),
    numeric('activeParams', 'activeParams', m.colActive, m.csvActive, (v) => formatCount(v, lang)),
    numeric('weights', 'weightBytes', fill(m.colWeights, { precision }), fill(m.csvWeights, { precision }), (v) => formatBytes(v, lang, units)),
    numeric('kvPerToken', 'kvBytesPerToken', m.colKv, m.csvKv, (v) => (v === null ? m.noKv : formatBytes(v, lang, units)), true),
    numeric('trainingFlops', 'trainingFlops', m.colFlops, m.csvFlops, (v) => formatScientific(v)),
    numeric('gpuHours', 'gpuHours', m.colGpuHours, m.csvGpuHours, (v) => formatCount(v, lang), true),
    numeric('trainingTime', 'trainingSeconds', m.colDays, m.csvDays, (v) => formatDuration(v, lang)),
    numeric('trainingCost', 'trainingCostUsd', m.colCost, m.csvCost, (v) => formatUsd(v, lang)),
    numeric('trainingEnergy', 'trainingEnergyJoules', m.colEnergy, m.csvEnergy, (v) => formatEnergy(v, lang), true),
    numeric('servingGpus', 'servingGpus', m.colServing, m.csvServing, (v, row) => (row.fits ? formatNumber(v, lang, 6) : m.doesNotFit)),
    numeric('decode', 'decodeTokensPerSecond', m.colDecode, m.csvDecode, (v, row) => (!row.fits ? m.doesNotFit : row.encoderOnly ? m.encoderOnly : formatNumber(v, lang, 3))),
    numeric('usdPerMillion', 'usdPerMillionTokens', m.colUsdPerM, m.csvUsdPerM, (v, row) => (!row.fits ? m.doesNotFit : row.encoderOnly ? m.encoderOnly : formatUsd(v, lang))),
    numeric('loss', 'loss', m.colLoss, m.csvLoss, (v) => formatNumber(v, lang, 3)),
  ];
}

/** The compare table's columns for a language, unit system and weight precision (the table memoizes them). */
export function compareColumns(lang: Lang, units: UnitSystem, precision: string): TableColumn<CompareRow>[] {
  return build(lang, units, precision, COMPARE_MESSAGES[lang]);
}
