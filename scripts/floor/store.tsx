/**
 * The same slider through a Zustand store (useSyncExternalStore renders synchronously), with 40
 * other subscribers that read fields the slider does not change, and a static page of 2,000 text
 * nodes below: the shape of the explorer's controls without its work.
 */
import { memo } from 'react';
import { createRoot } from 'react-dom/client';
import { create } from 'zustand';

interface State {
  size: number;
  other: number[];
  setSize: (size: number) => void;
}
const useStore = create<State>((set) => ({ size: 10, other: Array.from({ length: 40 }, (_, i) => i), setSize: (size) => set({ size }) }));

const Slider = memo(function Slider() {
  const size = useStore((s) => s.size);
  const setSize = useStore((s) => s.setSize);
  return (
    <div>
      <label htmlFor="s">Size</label>{' '}
      <input id="s" type="range" min={6} max={14} step={0.01} value={size} onChange={(event) => setSize(Number(event.target.value))} />{' '}
      <span>{size.toFixed(2)}</span>
    </div>
  );
});
const Other = memo(function Other({ index }: { index: number }) {
  const value = useStore((s) => s.other[index]);
  return <p>field {index}: {value}</p>;
});
const STATIC_STYLES = {
  contained: { contain: 'layout paint' },
  skipped: { contentVisibility: 'auto', containIntrinsicSize: 'auto 4000px' },
} as const;
const Static = memo(function Static({ mode }: { mode: string | null }) {
  return (
    <section style={mode === 'contained' || mode === 'skipped' ? STATIC_STYLES[mode] : undefined}>
      {Array.from({ length: 200 }, (_, i) => (
        <p key={i}>
          {Array.from({ length: 10 }, (_, j) => (
            <span key={j}>word {i * 10 + j} </span>
          ))}
        </p>
      ))}
    </section>
  );
});
// ?subs=0 drops the 40 subscribers, ?static=0 the static text, ?static=contained gives it
// `contain: layout paint` (as the explorer's control groups), ?static=skipped
// `content-visibility: auto` (as its sections); ?contain=1 isolates the slider (`contain: strict`
// with a fixed size: its own layout root and paint layer).
const query = new URLSearchParams(location.search);
const subscribers = query.get('subs') === '0' ? 0 : 40;
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <main>
      <div style={query.get('contain') === '1' ? { contain: 'strict', height: '2em', width: '30em' } : undefined}>
        <Slider />
      </div>
      {Array.from({ length: subscribers }, (_, i) => (
        <Other key={i} index={i} />
      ))}
      {query.get('static') === '0' ? null : <Static mode={query.get('static')} />}
    </main>,
  );
}
