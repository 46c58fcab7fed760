import { memo } from 'react';

/** A bibliographic reference as the page shows it (no domain knowledge: any work with a title). */
export interface CiteSource {
  title: string;
  authors: string;
  year: number;
  /** Table, figure, equation or section. */
  where?: string;
  url?: string;
}

/** "Authors (year), Title, where" with the title linked when a URL is known. Text only. */
export const Cite = memo(function Cite({ source, showWhere = true }: { source: CiteSource; showWhere?: boolean }) {
  return (
    // References keep the language of the work (titles, authors, locators): marked as English so
    // a Chinese page reads them as English (WCAG 3.1.2, language of parts).
    <span className="cite" lang="en">
      {source.authors} ({source.year}),{' '}
      {source.url ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        <cite>{source.title}</cite>
      )}
      {showWhere && source.where ? `, ${source.where}` : ''}
    </span>
  );
});

/** A labelled list of references separated by semicolons. */
export const CiteList = memo(function CiteList({ label, sources }: { label: string; sources: readonly CiteSource[] }) {
  return (
    <p className="cite-list">
      {label}{' '}
      {sources.map((source, index) => (
        <span key={`${source.title}-${index}`}>
          {index > 0 ? '; ' : ''}
          <Cite source={source} />
        </span>
      ))}
    </p>
  );
});
