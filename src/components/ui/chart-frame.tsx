import { useId, useState, type ReactNode } from 'react';
import { defineMessages } from '../../i18n/i18n';
import { useMessages } from '../../i18n/view-settings';
import { ChartMenu } from './chart-menu';
import { TableScroll } from './table-scroll';
import { ChartNameContext } from './chart-name';

const MESSAGES = defineMessages({
  en: { dataTable: 'Data table' },
  zh: { dataTable: '数据表' },
});

/**
 * A chart's data as text: the alternative to the picture for a screen reader, a keyboard user or
 * anyone who wants the numbers. Cells are already formatted for the reader's language, with units
 * ("141 GB", "1750亿"); the first cell of each row names the row and becomes its `<th scope="row">`.
 */
export interface ChartTable {
  /** Column headers, with units where the cells have none ("Memory (GB)"); one per cell of a row. */
  columns: readonly string[];
  /** One array of formatted cells per row, as many as `columns`. */
  rows: readonly (readonly string[])[];
}

export interface ChartFrameProps {
  /** `figure[data-chart=id]`: the chart id of ui.md (links, embeds, tests). */
  id: string;
  /** The chart's name: shown as its title and naming the `<figure>` (`aria-labelledby`). */
  title: string;
  /**
   * ONE sentence, in the reader's language, saying what the chart shows for the CURRENT scenario,
   * with its key numbers: "Weights of Llama 3.1 70B take 141 GB at BF16 and 35 GB at 4-bit." It is
   * shown under the title and is the text alternative of the picture (the plot's `<svg role="img">`
   * is labelled by title + summary). Not a description of the axes, not the same for every scenario.
   */
  summary: string;
  /**
   * The chart's data as a table, built only when a reader opens "Data table" (a function, so a
   * slider drag does not format rows nobody reads). It is rendered as a real `<table>` with the
   * title as its `<caption>`, `<th scope="col">` headers and `<th scope="row">` row names, in a
   * keyboard-reachable disclosure (`<details>`) and a focusable scroll region.
   */
  table: () => ChartTable;
  /** Further explanation under the summary (assumptions, sources). */
  caption?: ReactNode;
  /** Height of the plot in px (fixed, so a re-render never shifts the page). */
  height?: number;
  /** The chart's data is still being computed elsewhere (a worker): the figure is `aria-busy`. */
  busy?: boolean;
  children: ReactNode;
}

/**
 * `<figure data-chart="id">` named by its title, with a one-sentence summary, the chart menu (link,
 * embed, PNG, SVG), the plot as one image (the kit's `<svg role="img">` named by title and summary
 * through `ChartNameContext`: axis ticks and marks are not read one by one) and its data as a table
 * behind a "Data table" disclosure.
 * `summary` and `table` are required: a chart cannot ship without a text alternative.
 */
export function ChartFrame(props: ChartFrameProps) {
  const m = useMessages(MESSAGES);
  const titleId = useId();
  const summaryId = useId();
  const captionId = useId();
  const [tableOpen, setTableOpen] = useState(false);
  return (
    <figure className="chart" data-chart={props.id} aria-labelledby={titleId} aria-describedby={summaryId} aria-busy={props.busy || undefined}>
      <figcaption className="chart__caption">
        <span className="chart__title" id={titleId}>
          {props.title}
        </span>
        <ChartMenu chartId={props.id} title={props.title} />
        <span className="chart__summary" id={summaryId}>
          {props.summary}
        </span>
        {props.caption ? <span className="chart__note">{props.caption}</span> : null}
      </figcaption>
      <div className="chart__body" style={{ height: props.height ?? 320 }}>
        <ChartNameContext.Provider value={`${titleId} ${summaryId}`}>{props.children}</ChartNameContext.Provider>
      </div>
      <details className="chart__data" onToggle={(event) => setTableOpen(event.currentTarget.open)}>
        <summary>{m.dataTable}</summary>
        {tableOpen ? <ChartDataTable table={props.table()} title={props.title} captionId={captionId} /> : null}
      </details>
    </figure>
  );
}

function ChartDataTable({ table, title, captionId }: { table: ChartTable; title: string; captionId: string }) {
  return (
    <TableScroll labelledBy={captionId}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {title}
        </caption>
        <thead>
          <tr>
            {table.columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
