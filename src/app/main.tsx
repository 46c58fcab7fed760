import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './root';
import { pendingRenders } from '../store/render-queue';
import './styles.css';

// Lets the browser tests and the UI benchmark wait until every chart has followed the controls.
Object.defineProperty(globalThis, '__explorerPendingRenders', { value: pendingRenders });

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
