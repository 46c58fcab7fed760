import { memo } from 'react';
import { useLang } from '../../i18n/view-settings';

/** One citation: visible text and an optional link. */
export interface SourceItem {
  key: string;
  text: string;
  url?: string;
}

/** "Sources: A; B; C" (zh: "；") with links that open in a new tab. Text only, no HTML. */
export const SourceList = memo(function SourceList(props: { label: string; items: readonly SourceItem[] }) {
  const lang = useLang();
  const separator = lang === 'zh' ? '；' : '; ';
  return (
    <p className="source-list">
      <span>{props.label} </span>
      {props.items.map((item, index) => (
        // A citation with no Chinese in it on a Chinese page is an English reference: marked so.
        <span key={item.key} lang={lang === 'zh' && !/[\u3400-\u9fff]/.test(item.text) ? 'en' : undefined}>
          {index > 0 ? separator : null}
          {item.url ? (
            <a href={item.url} target="_blank" rel="noopener noreferrer">
              {item.text}
            </a>
          ) : (
            item.text
          )}
        </span>
      ))}
    </p>
  );
});
