import { memo, useId, useMemo, useState, type ReactNode } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row as TanstackRow,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { defineMessages } from '../../i18n/i18n';
import { useMessages } from '../../i18n/view-settings';
import { csvBlob, toCsv } from './csv';
import { downloadBlob } from './export-chart';
import { TableScroll } from './table-scroll';

const MESSAGES = defineMessages({
  en: { columns: 'Columns', csv: 'Download CSV', sortBy: 'Sort by' },
  zh: { columns: '列', csv: '下载 CSV', sortBy: '排序:' },
});

/** What a column shows and how it exports: `csv` gives the raw value (SI units), not the formatted text. */
export interface TableColumn<Row> {
  id: string;
  header: string;
  /** Formatted cell text. */
  cell: (row: Row) => string;
  /** Value to sort by and to write to CSV (numbers in SI base units). */
  value: (row: Row) => string | number | null;
  /** Header for the CSV column (with its unit). */
  csvHeader?: string;
  /** Hidden until the user adds it. */
  hidden?: boolean;
  /** Text column that may wrap. */
  wrap?: boolean;
  /** On-screen content richer than text (a button); `cell` stays the plain text, `value` the CSV / sort value. */
  render?: (row: Row) => ReactNode;
  /** The language of a cell when it differs from the page's (an English reference on a Chinese page). */
  cellLang?: (row: Row) => string | undefined;
}

export interface DataTableProps<Row> {
  id: string;
  caption: string;
  rows: readonly Row[];
  columns: readonly TableColumn<Row>[];
  getRowId: (row: Row) => string;
  /** Rows kept above the others whatever the sort (the current scenario); also first in the CSV. */
  pinTop?: (row: Row) => boolean;
  /** Rows to highlight. */
  isCurrent?: (row: Row) => boolean;
  chooseColumns?: boolean;
  initialSort?: SortingState;
}

/**
 * The CSV of what a table shows: the visible columns' headers (with units) and one line per row in
 * display order, values in SI base units. Pure, so it can be tested without a DOM.
 */
export function tableCsv<Row>(columns: readonly TableColumn<Row>[], rows: readonly Row[]): string {
  return toCsv(
    columns.map((c) => c.csvHeader ?? c.header),
    rows.map((row) => columns.map((c) => c.value(row))),
  );
}

function ordered<Row>(rows: TanstackRow<Row>[], pinTop: ((row: Row) => boolean) | undefined): TanstackRow<Row>[] {
  if (!pinTop) return rows;
  const top: TanstackRow<Row>[] = [];
  const rest: TanstackRow<Row>[] = [];
  for (const row of rows) (pinTop(row.original) ? top : rest).push(row);
  return [...top, ...rest];
}

/**
 * `DataTable` (same markup, classes and CSV rules) with two additions: rows pinned above the sort
 * (`pinTop`) and columns that render a control (`render`). `div[data-table=id]` holds a real table.
 */
function DataTableInner<Row>(props: DataTableProps<Row>) {
  const m = useMessages(MESSAGES);
  const { columns, rows, getRowId, isCurrent, pinTop } = props;
  const captionId = useId();
  const [sorting, setSorting] = useState<SortingState>(props.initialSort ?? []);
  const [visibility, setVisibility] = useState<VisibilityState>(() =>
    Object.fromEntries(columns.filter((c) => c.hidden).map((c) => [c.id, false])),
  );
  const defs = useMemo<ColumnDef<Row>[]>(
    () =>
      columns.map((column) => ({
        id: column.id,
        header: column.header,
        accessorFn: (row: Row) => column.value(row) ?? '',
        cell: (info) => (column.render ? column.render(info.row.original) : column.cell(info.row.original)),
        sortUndefined: 'last',
        sortingFn: 'basic',
      })),
    [columns],
  );
  const data = useMemo(() => [...rows], [rows]);
  const table = useReactTable({
    data,
    columns: defs,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setVisibility,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => getRowId(row),
  });
  const visibleColumns = columns.filter((c) => visibility[c.id] !== false);
  const shownRows = ordered(table.getRowModel().rows, pinTop);
  const downloadCsv = () => {
    const csv = tableCsv(
      visibleColumns,
      shownRows.map((row) => row.original),
    );
    downloadBlob(csvBlob(csv), `${props.id}.csv`);
  };
  const wrapById = new Map(columns.map((c) => [c.id, c.wrap ?? false]));
  const langById = new Map(columns.map((c) => [c.id, c.cellLang]));
  return (
    <div className="data-table-block" data-table={props.id}>
      <div className="table-tools">
        {props.chooseColumns ? (
          <details>
            <summary>{m.columns}</summary>
            <div role="group" aria-label={m.columns}>
              {columns.map((column, index) =>
                index === 0 ? null : (
                  <label key={column.id} style={{ display: 'block' }}>
                    <input
                      type="checkbox"
                      checked={visibility[column.id] !== false}
                      onChange={(event) => setVisibility({ ...visibility, [column.id]: event.target.checked })}
                    />{' '}
                    {column.header}
                  </label>
                ),
              )}
            </div>
          </details>
        ) : null}
        <button type="button" onClick={downloadCsv} data-action="csv">
          {m.csv}
        </button>
      </div>
      <TableScroll labelledBy={captionId}>
        <table className="data-table">
          <caption id={captionId} className="muted" style={{ textAlign: 'left', padding: '4px 8px' }}>
            {props.caption}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        title={`${m.sortBy} ${String(header.column.columnDef.header)}`}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {shownRows.map((row) => (
              <tr
                key={row.id}
                data-row-id={row.id}
                className={isCurrent?.(row.original) ? 'is-current' : undefined}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={wrapById.get(cell.column.id) ? 'wrap' : undefined}
                    data-label={String(cell.column.columnDef.header)}
                    lang={langById.get(cell.column.id)?.(row.original)}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

export const DataTable = memo(DataTableInner) as typeof DataTableInner;
