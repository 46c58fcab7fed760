import { vi } from 'vitest';

/**
 * The Node walk's environment (jsdom), set up before React and the app load:
 *
 * - Fake timers, installed first so React's scheduler, the app and Recharts all schedule on them:
 *   `settle()` then runs every pending task at once instead of waiting for real frames, and "no
 *   timer left" means the page has finished every update it started.
 * - A fixed size for Recharts' ResponsiveContainer: jsdom has no layout and measures 0 × 0, so
 *   Recharts would draw nothing. (The plain-SVG kit falls back to its own fixed size.)
 * - A ResizeObserver that never fires (Recharts only observes once it exists), and a
 *   `getComputedStyle` that reads the inline style: jsdom's cascade cost a tenth of the walk, and
 *   there is no stylesheet to cascade (Vitest does not load CSS).
 */
vi.useFakeTimers({
  toFake: [
    'setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval',
    'requestAnimationFrame', 'cancelAnimationFrame', 'performance', 'Date',
  ],
});

export const CHART_BOX = { width: 720, height: 320 };

const measure = Element.prototype.getBoundingClientRect;
Element.prototype.getBoundingClientRect = function getBoundingClientRect(this: Element): DOMRect {
  if (!this.classList.contains('recharts-responsive-container')) return measure.call(this);
  const { width, height } = CHART_BOX;
  return { x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height, toJSON: () => ({ width, height }) };
};

globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

window.getComputedStyle = ((element: Element) => (element as HTMLElement).style) as typeof window.getComputedStyle;
