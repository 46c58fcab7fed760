import { Fragment, memo, useMemo } from 'react';
import { Section as UiSection } from '../../components/ui/section';
import { Stat } from '../../components/ui/stat';
import { fill } from '../../i18n/i18n';
import { formatPercent } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/view-settings';
import { CITATIONS, FORMULAS, SOURCE_LIST, medianAbsoluteError, safeHttpsUrl, type ValidationQuantity } from './sources.data';
import { SOURCES_MESSAGES } from './messages';
import { ValidationTable, useValidationRows } from './validation-table';
import './sources.css';

const STAT_KEYS: readonly [ValidationQuantity, 'statParams' | 'statFlops' | 'statGpuHours' | 'statDecode'][] = [
  ['params', 'statParams'],
  ['trainingFlops', 'statFlops'],
  ['gpuHours', 'statGpuHours'],
  ['decode', 'statDecode'],
];

const ValidationStats = memo(function ValidationStats() {
  const m = useMessages(SOURCES_MESSAGES);
  const lang = useLang();
  const rows = useValidationRows();
  const medians = useMemo(() => STAT_KEYS.map(([quantity, key]) => ({ key, median: medianAbsoluteError(rows, quantity) })), [rows]);
  return (
    <div className="stats">
      {medians.map(({ key, median }) => (
        <Stat
          key={key}
          label={m[key]}
          value={median ? formatPercent(median.median, lang, 2) : '—'}
          note={median ? fill(m.statNote, { count: median.count }) : undefined}
        />
      ))}
    </div>
  );
});

const FormulaList = memo(function FormulaList() {
  const lang = useLang();
  const m = useMessages(SOURCES_MESSAGES);
  return (
    <ul className="sources-formulas">
      {FORMULAS.map((formula) => (
        <li key={formula.id} data-formula={formula.id}>
          {lang === 'zh' ? formula.zh : formula.en}{' '}
          <span className="sources-formulas__cites">
            (
            {formula.sources.map((id, index) => (
              <Fragment key={id}>
                {index > 0 ? '; ' : ''}
                <a href={`#source-${id}`}>{id === 'thisProject' ? m.thisProject : CITATIONS[id]}</a>
              </Fragment>
            ))}
            )
          </span>
        </li>
      ))}
    </ul>
  );
});

const Bibliography = memo(function Bibliography() {
  const m = useMessages(SOURCES_MESSAGES);
  const lang = useLang();
  return (
    <ol className="sources-bibliography">
      {SOURCE_LIST.map((source) => {
        const href = safeHttpsUrl(source.url);
        const authors = source.id === 'thisProject' ? m.thisProject : source.authors;
        return (
          // A reference keeps the language of the work (WCAG 3.1.2): English, except our own note.
          <li key={source.id} id={`source-${source.id}`} lang="en">
            <cite>{source.title}</cite>. {source.id === 'thisProject' ? <span lang={lang === 'zh' ? 'zh-CN' : 'en'}>{authors}</span> : authors}, {source.year}. <span className="sources-bibliography__where">{source.where}.</span>{' '}
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {href}
              </a>
            ) : source.url ? (
              <span>{source.url}</span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
});

export function Section() {
  const m = useMessages(SOURCES_MESSAGES);
  return (
    <UiSection
      id="sources"
      title={m.title}
      lead={[m.lead1, m.lead2]}
    >
      <ValidationStats />
      <h3>{m.formulas}</h3>
      <FormulaList />
      <h3>{m.validation}</h3>
      <ValidationTable />
      <h3>{m.bibliography}</h3>
      <Bibliography />
    </UiSection>
  );
}
