/** One controlled range input and its value, in React 19: React's own cost per key, nothing of ours. */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function Slider() {
  const [value, setValue] = useState(10);
  return (
    <div>
      <label htmlFor="s">Size</label>{' '}
      <input id="s" type="range" min={6} max={14} step={0.01} value={value} onChange={(event) => setValue(Number(event.target.value))} />{' '}
      <span>{value.toFixed(2)}</span>
    </div>
  );
}
const root = document.getElementById('root');
if (root) createRoot(root).render(<Slider />);
