import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], summary, [tabindex]:not([tabindex="-1"])';

/** Width below which the controls are a drawer (the same breakpoint as styles.css). */
const NARROW = '(max-width: 900px)';

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return undefined;
    const list = matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

export interface Drawer {
  open: boolean;
  /** The controls are a drawer (narrow screen). */
  narrow: boolean;
  toggle: () => void;
  close: () => void;
  toggleRef: RefObject<HTMLButtonElement | null>;
  drawerRef: RefObject<HTMLElement | null>;
}

/**
 * The controls drawer on a narrow screen, as a modal dialog: while open, the rest of the page is
 * inert (focus cannot leave it: the trap) and focus starts on its first control; Escape closes
 * it; closing returns focus to the button that opened it. While closed it is inert too, so Tab
 * never walks through controls that are off screen.
 */
export function useDrawer(): Drawer {
  const narrow = useMediaQuery(NARROW);
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const drawerRef = useRef<HTMLElement>(null);
  const wasOpen = useRef(false);
  const close = useCallback(() => setOpen(false), []);
  const toggle = useCallback(() => setOpen((value) => !value), []);

  useEffect(() => {
    const drawer = drawerRef.current;
    if (narrow && open) {
      const stops = () => [...(drawer?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter((element) => element.offsetParent !== null);
      stops()[0]?.focus();
      const onKey = (event: KeyboardEvent) => {
        if (event.key === 'Escape') setOpen(false);
        if (event.key !== 'Tab') return;
        // Wrap around at either end: focus stays in the dialog.
        const all = stops();
        const first = all[0];
        const last = all.at(-1);
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last?.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first?.focus();
        }
      };
      drawer?.addEventListener('keydown', onKey);
      wasOpen.current = true;
      return () => drawer?.removeEventListener('keydown', onKey);
    }
    if (wasOpen.current) {
      wasOpen.current = false;
      toggleRef.current?.focus();
    }
    return undefined;
  }, [narrow, open]);

  return { open: open && narrow, narrow, toggle, close, toggleRef, drawerRef };
}
