import { memo, useCallback, useMemo, useState } from 'react';
import { DataTable, type TableColumn } from '../../components/ui/data-table';
import { useShare } from '../../components/ui/share-context';
import { useSectionVisible } from '../../components/ui/section';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, type UnitSystem } from '../../i18n/format';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { encodeScenario } from '../../scenario/url-codec';
import { useScenarioStore } from '../../store/store-context';
import { useUrlSync } from '../../store/url-sync-context';
import { getArticleCheckRows, type ArticleCheckRow } from './article.data';
import { formatQuantity, formatRatio, unitName } from './article-format';
import { ARTICLE_MESSAGES } from './messages';

type Messages = (typeof ARTICLE_MESSAGES)['en'];

function articleText(row: ArticleCheckRow, lang: Lang): string {
  // The article's own units: its "GB" label is kept, so its bytes are shown with SI labels.
  return row.articlePrinted ?? formatQuantity(row.article, row.articleUnit, lang, 'si');
}

function oursText(row: ArticleCheckRow, lang: Lang, units: UnitSystem, m: Messages): string {
  if (row.ours === null) return row.hint.startsWith('inference.') ? m.doesNotFit : m.notAvailable;
  const text = formatQuantity(row.ours, row.oursUnit, lang, units, row.oursPercent);
  const fit = row.trainingFit;
  if (!fit || fit.fits) return text;
  return `${text} · ${fill(m.trainingDoesNotFit, { need: formatBytes(fit.bytesPerGpu, lang, units), have: formatBytes(fit.memoryBytesPerGpu, lang, units) })}`;
}

/** What the article prints for a row (its own text, or its figure with SI labels). */
export function articleFigureText(row: ArticleCheckRow, lang: Lang): string {
  return articleText(row, lang);
}

/** Our figure for a row, as the table shows it. */
export function oursFigureText(row: ArticleCheckRow, lang: Lang, units: UnitSystem): string {
  return oursText(row, lang, units, ARTICLE_MESSAGES[lang]);
}

function unitText(row: ArticleCheckRow, lang: Lang): string {
  const article = unitName(row.articleUnit, lang);
  return row.oursUnit === row.articleUnit ? article : `${article} / ${unitName(row.oursUnit, lang)}`;
}

/** Opens a row's scenario on the whole page (one history entry). */
export type OpenRow = (row: ArticleCheckRow) => void;

function build(lang: Lang, units: UnitSystem, openRow: OpenRow): TableColumn<ArticleCheckRow>[] {
  const m = ARTICLE_MESSAGES[lang];
  const zh = lang === 'zh';
  const calculator = (row: ArticleCheckRow) => `${fill(m.section, { section: row.articleSection })} ${zh ? row.calculatorTitleZh : row.calculatorTitle}`;
  const figure = (row: ArticleCheckRow) => `${fill(m.section, { section: row.articleSection })} ${zh ? row.labelZh : row.label}`;
  const why = (row: ArticleCheckRow) => (zh ? row.whyZh : row.why);
  const source = (row: ArticleCheckRow) => (zh ? row.sourceZh : row.source);
  return [
    { id: 'figure', header: m.colFigure, csvHeader: m.csvFigure, value: figure, cell: figure, wrap: true },
    { id: 'calculator', header: m.colCalculator, csvHeader: m.csvCalculator, hidden: true, value: calculator, cell: calculator, wrap: true },
    {
      id: 'article',
      header: m.colArticle,
      csvHeader: m.csvArticle,
      value: (row) => row.article,
      cell: (row) => articleText(row, lang),
      // What the article says: its printed output (code) and, below, what its prose claims.
      render: (row) => (
        <>
          {/* The article's own words are Chinese: marked so on the English page (WCAG 3.1.2). */}
          <code className="article-printed" lang={row.articlePrinted ? 'zh-CN' : undefined}>
            {articleText(row, lang)}
          </code>
          {row.articleClaim ? (
            <span className="article-claim" lang="zh-CN">
              “{row.articleClaim}”
            </span>
          ) : null}
        </>
      ),
      wrap: true,
    },
    {
      id: 'claim',
      header: m.colClaim,
      csvHeader: m.csvClaim,
      hidden: true,
      value: (row) => row.articleClaim,
      cell: (row) => row.articleClaim ?? '',
      wrap: true,
    },
    {
      id: 'formula',
      header: m.colFormula,
      csvHeader: m.csvFormula,
      hidden: true,
      value: (row) => (zh ? row.articleFormulaZh : row.articleFormula),
      cell: (row) => (zh ? row.articleFormulaZh : row.articleFormula),
      render: (row) => <code>{zh ? row.articleFormulaZh : row.articleFormula}</code>,
      wrap: true,
    },
    { id: 'ours', header: m.colOurs, csvHeader: m.csvOurs, value: (row) => row.ours, cell: (row) => oursText(row, lang, units, m), wrap: true },
    { id: 'unit', header: m.colUnit, csvHeader: m.csvUnit, hidden: true, value: (row) => unitText(row, lang), cell: (row) => unitText(row, lang) },
    { id: 'ratio', header: m.colRatio, csvHeader: m.csvRatio, value: (row) => row.ratio, cell: (row) => formatRatio(row.ratio, lang) },
    { id: 'why', header: m.colWhy, csvHeader: m.csvWhy, value: why, cell: why, wrap: true },
    { id: 'source', header: m.colSource, csvHeader: m.csvSource, value: source, cell: source, wrap: true },
    {
      id: 'open',
      header: m.colOpen,
      csvHeader: m.csvOpen,
      value: (row) => `?${encodeScenario(row.scenario)}`,
      cell: () => m.openRow,
      render: (row) => (
        <button type="button" data-open-row={row.id} onClick={() => openRow(row)} aria-label={`${m.openRow}: ${figure(row)}`}>
          {m.openRow}
        </button>
      ),
    },
  ];
}

/** The columns of `article-check` (the open buttons call `openRow`). */
export function articleCheckColumns(lang: Lang, units: UnitSystem, openRow: OpenRow = () => undefined): TableColumn<ArticleCheckRow>[] {
  return build(lang, units, openRow);
}

const EMPTY: ArticleCheckRow[] = [];
const getRowId = (row: ArticleCheckRow) => row.id;

/**
 * The article's rows once the section has come near the viewport (about 30 estimates, computed
 * once and kept); until then an empty list, so the page load does not pay for them.
 */
export function useArticleCheckRows(): ArticleCheckRow[] {
  const visible = useSectionVisible();
  const [seen, setSeen] = useState(visible);
  if (visible && !seen) setSeen(true);
  return useMemo(() => (seen ? getArticleCheckRows() : EMPTY), [seen]);
}

/** Table `article-check`: every figure of the article's calculators beside ours, with why they differ, the source and a link. */
export const ArticleCheckTable = memo(function ArticleCheckTable() {
  const m = useMessages(ARTICLE_MESSAGES);
  const { lang, units } = useViewSettings();
  const rows = useArticleCheckRows();
  const store = useScenarioStore();
  const urlSync = useUrlSync();
  const openRow = useCallback<OpenRow>(
    (row) => (urlSync ? urlSync.openScenario(row.scenario) : store.getState().replace(row.scenario)),
    [store, urlSync],
  );
  // In an embed the rows do not open scenarios (an embed never changes its link).
  const embedded = useShare().embedded;
  const columns = useMemo(
    () => articleCheckColumns(lang, units, openRow).filter((column) => !embedded || column.id !== 'open'),
    [lang, units, openRow, embedded],
  );
  return (
    <div className="article-check">
      <DataTable id="article-check" caption={m.caption} rows={rows} columns={columns} getRowId={getRowId} chooseColumns />
    </div>
  );
});
