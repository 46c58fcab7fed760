export { ControlsPanel } from './controls-panel';
