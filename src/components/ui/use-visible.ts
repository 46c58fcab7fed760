import { startTransition, useEffect, useState, type RefObject } from 'react';

/**
 * Whether an element is in or within `margin` of the viewport. Without IntersectionObserver
 * (jsdom, old browsers) everything counts as visible.
 */
export function useVisible(ref: RefObject<Element | null>, margin = '0px'): boolean {
  const [visible, setVisible] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) setVisible(entry.isIntersecting);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin]);
  return visible;
}

/**
 * Becomes true once the element comes within `margin` of the viewport and stays true: used to
 * load a section's code only when the reader approaches it.
 */
export function useApproached(ref: RefObject<Element | null>, margin = '150% 0px'): boolean {
  const [approached, setApproached] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (approached || !element || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        // Mounting a section is a transition: interruptible, so a control never waits for it.
        if (entries.some((entry) => entry.isIntersecting)) startTransition(() => setApproached(true));
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin, approached]);
  return approached;
}
