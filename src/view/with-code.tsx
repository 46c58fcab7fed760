import { Fragment, type ReactNode } from 'react';

/**
 * A message with formulas or identifiers set between backticks (`20 × C^0.5`), as text with those
 * parts in `<code>`: a formula quoted from the article reads as code, not as prose, in both
 * languages. Text only — never HTML.
 */
export function withCode(text: string): ReactNode {
  const parts = text.split('`');
  if (parts.length < 3) return text;
  return parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : <Fragment key={index}>{part}</Fragment>));
}
