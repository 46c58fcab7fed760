import { memo } from 'react';
import { useLang, useMessages } from '../i18n/view-settings';
import type { UrlChange } from '../scenario/url-codec';
import { describeChange, NOTICE_MESSAGES } from './link-notice.data';
import { APP_MESSAGES } from './messages';

/**
 * The notice of a link the page could not show as written: one line per changed value, in words,
 * with the old and the new value and the link key in small print. The page and an embed show the
 * same notice.
 */
export const LinkNotice = memo(function LinkNotice(props: { changes: readonly UrlChange[]; onDismiss: () => void }) {
  const lang = useLang();
  const m = useMessages(NOTICE_MESSAGES);
  const app = useMessages(APP_MESSAGES);
  if (props.changes.length === 0) return null;
  return (
    <div className="notice link-notice" role="status" data-testid="ignored-notice">
      <div>
        <p>{m.title}</p>
        <ul>
          {props.changes.map((change, index) => (
            <li key={`${change.key}:${change.part ?? ''}:${index}`} data-key={change.key} data-reason={change.reason}>
              {describeChange(change, lang)}{' '}
              <small className="muted">
                ({m.key} <code>{change.key}</code>)
              </small>
            </li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={props.onDismiss}>
        {app.dismiss}
      </button>
    </div>
  );
});
