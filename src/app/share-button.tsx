import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../i18n/view-settings';
import { useShare } from '../components/ui/share-context';
import { APP_MESSAGES } from './messages';

/**
 * The page's "Share" button, beside the language switch: copies the link of the current scenario
 * (language and units included). When the clipboard is refused (no permission, an insecure page,
 * an old browser), it shows the link in a selected text field to copy by hand; a status line says
 * which happened.
 */
export function ShareButton() {
  const m = useMessages(APP_MESSAGES);
  const share = useShare();
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (fallback !== null) field.current?.select();
  }, [fallback]);

  const copy = async () => {
    const link = share.linkFor(null);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setFallback(null);
      setStatus(m.shareCopied);
    } catch {
      setFallback(link);
      setStatus(m.shareFailed);
    }
  };

  return (
    <span className="share">
      <button type="button" data-testid="share" onClick={() => void copy()}>
        {m.share}
      </button>
      <span className="share__status" role="status" aria-live="polite">
        {status}
      </span>
      {fallback !== null ? (
        <input
          ref={field}
          className="share__field"
          type="text"
          readOnly
          value={fallback}
          aria-label={m.shareLink}
          data-testid="share-link"
          onFocus={(event) => event.target.select()}
        />
      ) : null}
    </span>
  );
}
