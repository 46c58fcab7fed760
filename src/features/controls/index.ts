// Placeholder until the controls feature lands.
import { createElement } from 'react';

export function ControlsPanel() {
  return createElement('div', null, 'controls');
}
