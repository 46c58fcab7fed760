import { memo, useMemo, useState } from 'react';
import { Section as UiSection } from '../../components/ui/section';
import { Stat } from '../../components/ui/stat';
import { ARTICLE_CALCULATORS, ARTICLE_REFERENCE, type ArticleCalculator } from '../../core/article';
import { ARTICLE_TEXT } from './article.text';
import { fill } from '../../i18n/i18n';
import { useLang, useMessages, useViewSettings } from '../../i18n/view-settings';
import { useScenarioStore } from '../../store/store-context';
import { useUrlSync } from '../../store/url-sync-context';
import { articleSummary, calculatorHeadlines, calculatorScenario, discrepancy } from './article.data';
import { ArticleCheckTable, articleFigureText, oursFigureText, useArticleCheckRows } from './article-check-table';
import { formatRatio } from './article-format';
import { ARTICLE_MESSAGES } from './messages';
import './article.css';

const ArticleStats = memo(function ArticleStats() {
  const m = useMessages(ARTICLE_MESSAGES);
  const lang = useLang();
  const rows = useArticleCheckRows();
  const summary = useMemo(() => articleSummary(rows), [rows]);
  const worst = summary.worst;
  return (
    <div className="stats">
      <Stat
        label={m.statCalculators}
        value={String(ARTICLE_CALCULATORS.length)}
        note={rows.length > 0 ? fill(m.statCalculatorsNote, { rows: rows.length }) : undefined}
      />
      <Stat
        label={m.statAgree}
        value={rows.length > 0 ? `${summary.agree} / ${summary.compared}` : '—'}
        note={m.statAgreeNote}
      />
      <Stat
        label={m.statWorst}
        value={worst ? formatRatio(discrepancy(worst.ratio), lang) : '—'}
        note={worst ? (lang === 'zh' ? `${worst.calculatorTitleZh}：${worst.labelZh}` : `${worst.calculatorTitle}: ${worst.label}`) : undefined}
        bad={worst !== null}
      />
    </div>
  );
});

const CalculatorList = memo(function CalculatorList() {
  const m = useMessages(ARTICLE_MESSAGES);
  const { lang, units } = useViewSettings();
  const store = useScenarioStore();
  const urlSync = useUrlSync();
  const rows = useArticleCheckRows();
  const headlines = useMemo(() => calculatorHeadlines(rows), [rows]);
  const [opened, setOpened] = useState<string | null>(null);
  const open = (calculator: ArticleCalculator) => {
    const scenario = calculatorScenario(calculator);
    if (urlSync) urlSync.openScenario(scenario);
    else store.getState().replace(scenario);
    const text = ARTICLE_TEXT[calculator.id];
    setOpened(lang === 'zh' ? text.titleZh : text.title);
  };
  return (
    <>
      <h3>{m.calculators}</h3>
      <ul className="article-list">
        {ARTICLE_CALCULATORS.map((calculator) => {
          const text = ARTICLE_TEXT[calculator.id];
          const title = lang === 'zh' ? text.titleZh : text.title;
          const headline = headlines.get(calculator.id);
          return (
            <li key={calculator.id} data-calculator={calculator.id}>
              <span className="article-list__title">
                {fill(m.section, { section: calculator.articleSection })} {title}
              </span>
              <code className="article-list__meta">{lang === 'zh' ? (text.formulaZh ?? text.formula) : text.formula}</code>
              {headline ? (
                <dl className="article-list__figures" data-headline={headline.id} aria-label={lang === 'zh' ? headline.labelZh : headline.label}>
                  <dt>{m.headlineArticle}</dt>
                  <dd>
                    <code>{articleFigureText(headline, lang)}</code>
                  </dd>
                  <dt>{m.headlineOurs}</dt>
                  <dd data-figure="ours">{oursFigureText(headline, lang, units)}</dd>
                  <dd className="muted">({lang === 'zh' ? headline.labelZh : headline.label})</dd>
                </dl>
              ) : null}
              <button type="button" onClick={() => open(calculator)} aria-label={`${m.open}: ${title}`}>
                {m.open}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="article-status" role="status" aria-live="polite">
        {opened ? fill(m.opened, { title: opened }) : ''}
      </p>
    </>
  );
});

export function Section() {
  const m = useMessages(ARTICLE_MESSAGES);
  const lang = useLang();
  const article = lang === 'zh' ? ARTICLE_REFERENCE.title : `${ARTICLE_REFERENCE.titleEn} (${ARTICLE_REFERENCE.title})`;
  const names = { article, publisher: lang === 'zh' ? ARTICLE_REFERENCE.publisherZh : ARTICLE_REFERENCE.publisher };
  return (
    <UiSection
      id="article"
      title={m.title}
      lead={[fill(m.lead1, names), m.lead2, m.lead3]}
      sources={<p>{fill(m.sources, names)}</p>}
    >
      <ArticleStats />
      <CalculatorList />
      <ArticleCheckTable />
    </UiSection>
  );
}
