import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Size {
  width: number;
  height: number;
}

/**
 * The content size of an element, measured before the first paint and followed with a
 * ResizeObserver. Where nothing can be measured (jsdom, a detached node) it is `fallback`.
 */
export function useSize(ref: RefObject<Element | null>, fallback: Size): Size {
  const [size, setSize] = useState<Size>(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const apply = (width: number, height: number) => {
      const next = {
        width: width > 0 ? Math.round(width) : fallback.width,
        height: height > 0 ? Math.round(height) : fallback.height,
      };
      setSize((previous) => (previous.width === next.width && previous.height === next.height ? previous : next));
    };
    const box = element.getBoundingClientRect();
    apply(box.width, box.height);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const rect = entries[entries.length - 1]?.contentRect;
      if (rect) apply(rect.width, rect.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, fallback.width, fallback.height]);
  return size;
}
