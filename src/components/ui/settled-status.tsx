import { memo, useEffect, useRef, useState } from 'react';

/** How long a value must rest before a screen reader hears it (a drag or key repeat goes unheard). */
export const SETTLE_MS = 500;

/**
 * `value`, but only once it has stopped changing for `delayMs`: during a drag or 30 arrow-key
 * steps this keeps returning the value from before the drag, then the final value once.
 */
export function useSettled<T>(value: T, delayMs = SETTLE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * A visually hidden polite live region (`role="status"`) that speaks `text` once it has rested
 * for `delayMs`. It starts empty, so loading the page announces nothing; a slider drag is one
 * announcement (its final value), not one per step. The visible value beside a control should be
 * a plain element, not a live region of its own (`<output>` is one implicitly).
 */
export const SettledStatus = memo(function SettledStatus({ text, delayMs = SETTLE_MS }: { text: string; delayMs?: number }) {
  const settled = useSettled(text, delayMs);
  // The text at mount is what the page already shows: nothing is spoken until it changes once.
  const mounted = useRef(settled);
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    if (spoken !== '' || settled !== mounted.current) setSpoken(settled);
  }, [settled, spoken]);
  return (
    <span className="visually-hidden" role="status">
      {spoken}
    </span>
  );
});
