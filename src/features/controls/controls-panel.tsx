import { memo } from 'react';
import { useMessages } from '../../i18n/view-settings';
import { CONTROLS_MESSAGES } from './messages';
import { ModelPicker, ModelSummary } from './model-picker';
import { SizeSlider } from './size-slider';
import { ArchitectureGroup } from './architecture-fields';
import { ConfigImport } from './config-import';
import { PrecisionGroup } from './precision-fields';
import { HardwareGroup } from './hardware-fields';
import { TrainingGroup } from './training-fields';
import { InferenceGroup } from './inference-fields';
import './controls.css';

/**
 * The scenario controls. The panel itself subscribes to nothing: every field selects its own
 * primitive from the store, so a slider step re-renders that field and whatever reads the same
 * value, never the whole panel.
 */
export const ControlsPanel = memo(function ControlsPanel() {
  const m = useMessages(CONTROLS_MESSAGES);
  return (
    <div className="controls-panel" data-testid="controls-panel">
      <h2>{m.heading}</h2>
      <fieldset data-testid="model-group">
        <legend>{m.model}</legend>
        <ModelSummary />
        <ModelPicker />
        <SizeSlider />
        <ArchitectureGroup />
        <ConfigImport />
      </fieldset>
      <PrecisionGroup />
      <HardwareGroup />
      <TrainingGroup />
      <InferenceGroup />
    </div>
  );
});
