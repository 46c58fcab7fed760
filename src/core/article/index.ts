/**
 * The article this explorer grew from, reproduced calculator by calculator: its formulas
 * (`./formulas`) and calculators (`./calculators`), with the shapes in `./types`. Computations
 * only: the article section's words (titles, labels, what the article prints, why we differ)
 * live in `features/article/article.text.ts`, keyed by calculator id and row key.
 *
 * Pure: no React, no DOM, no store.
 */

/**
 * Bibliographic reference of the article (a citation, like `SOURCES`): 「大模型的参数规模：千亿级、
 * 万亿级参数意味着什么？」, 火山引擎开发者社区.
 */
export const ARTICLE_REFERENCE = Object.freeze({
  title: '大模型的参数规模：千亿级、万亿级参数意味着什么？',
  titleEn: 'The parameter scale of large models: what do 100B- and 1T-parameter models mean?',
  publisher: '火山引擎开发者社区 (Volcano Engine developer community)',
  publisherZh: '火山引擎开发者社区',
  language: 'zh-CN',
});

export * from './types';
export * from './formulas';
export * from './calculators';
