import { memo, useMemo, useState } from 'react';
import { DataTable, type TableColumn } from '../../components/ui/data-table';
import { useSectionVisible } from '../../components/ui/section';
import { fill, type Lang } from '../../i18n/i18n';
import { formatBytes, type UnitSystem } from '../../i18n/format';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
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

function unitText(row: ArticleCheckRow, lang: Lang): string {
  const article = unitName(row.articleUnit, lang);
  return row.oursUnit === row.articleUnit ? article : `${article} / ${unitName(row.oursUnit, lang)}`;
}

function build(lang: Lang, units: UnitSystem): TableColumn<ArticleCheckRow>[] {
  const m = ARTICLE_MESSAGES[lang];
  const zh = lang === 'zh';
  const calculator = (row: ArticleCheckRow) => `${fill(m.section, { section: row.articleSection })} ${zh ? row.calculatorTitleZh : row.calculatorTitle}`;
  const figure = (row: ArticleCheckRow) => `${fill(m.section, { section: row.articleSection })} ${zh ? row.labelZh : row.label}`;
  return [
    { id: 'figure', header: m.colFigure, csvHeader: m.csvFigure, value: figure, cell: figure, wrap: true },
    { id: 'calculator', header: m.colCalculator, csvHeader: m.csvCalculator, hidden: true, value: calculator, cell: calculator, wrap: true },
    { id: 'article', header: m.colArticle, csvHeader: m.csvArticle, value: (row) => row.article, cell: (row) => articleText(row, lang), wrap: true },
    { id: 'claim', header: m.colClaim, csvHeader: m.csvClaim, value: (row) => row.articleClaim, cell: (row) => row.articleClaim ?? '', wrap: true },
    { id: 'formula', header: m.colFormula, csvHeader: m.csvFormula, hidden: true, value: (row) => row.articleFormula, cell: (row) => row.articleFormula, wrap: true },
    { id: 'ours', header: m.colOurs, csvHeader: m.csvOurs, value: (row) => row.ours, cell: (row) => oursText(row, lang, units, m), wrap: true },
    { id: 'unit', header: m.colUnit, csvHeader: m.csvUnit, hidden: true, value: (row) => unitText(row, lang), cell: (row) => unitText(row, lang) },
    { id: 'ratio', header: m.colRatio, csvHeader: m.csvRatio, value: (row) => row.ratio, cell: (row) => formatRatio(row.ratio, lang) },
    { id: 'why', header: m.colWhy, csvHeader: m.csvWhy, value: (row) => (zh ? row.whyZh : row.why), cell: (row) => (zh ? row.whyZh : row.why), wrap: true },
  ];
}

const CACHE = new Map<string, TableColumn<ArticleCheckRow>[]>();

/** The columns of `article-check`, once per language and unit system. */
export function articleCheckColumns(lang: Lang, units: UnitSystem): TableColumn<ArticleCheckRow>[] {
  const key = `${lang}|${units}`;
  let columns = CACHE.get(key);
  if (!columns) {
    columns = build(lang, units);
    CACHE.set(key, columns);
  }
  return columns;
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

/** Table `article-check`: every figure of the article's calculators beside ours, with the ratio and why. */
export const ArticleCheckTable = memo(function ArticleCheckTable() {
  const m = useMessages(ARTICLE_MESSAGES);
  const { lang, units } = useViewSettings();
  const rows = useArticleCheckRows();
  return (
    <DataTable
      id="article-check"
      caption={m.caption}
      rows={rows}
      columns={articleCheckColumns(lang, units)}
      getRowId={getRowId}
      chooseColumns
    />
  );
});
