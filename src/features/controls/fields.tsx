import { memo, useCallback, useId, type ReactNode } from 'react';
import { SliderField } from '../../components/ui/slider-field';
import { countParseMessage, parseCount } from './parse-count';
import { useLang } from '../../i18n/view-settings';

export interface CountFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  log?: boolean;
  format: (value: number) => string;
  onChange: (value: number) => void;
  parse?: (text: string) => number | undefined;
  hint?: string;
  testId?: string;
}

/**
 * A whole-number slider. On a log scale one keyboard step near 1 is less than one unit
 * (10^0.01 ≈ 1.02), which rounding would swallow: a step that rounds back to the current value
 * moves by one instead, so arrows always move the value. Only a real step counts: the browser
 * snaps the thumb of the current value to the step grid (log10 2 = 0.30103 → 0.3) and reports
 * that snapped position in the `change` event after a key press, which must not move it again.
 */
export const CountField = memo(function CountField(props: CountFieldProps) {
  const { value, min, max, onChange, log = true } = props;
  const lang = useLang();
  // The count parser's reason next to the field (only for the count parser: a custom parse has its own rules).
  const invalidMessage = useCallback((text: string) => countParseMessage(text, lang), [lang]);
  const step = log ? 0.01 : 1;
  const handle = useCallback(
    (next: number) => {
      let rounded = Math.round(next);
      const moved = log ? Math.abs(Math.log10(next) - Math.log10(value)) : Math.abs(next - value);
      if (rounded === value && moved >= step / 2) rounded = next > value ? value + 1 : value - 1;
      onChange(Math.min(max, Math.max(min, rounded)));
    },
    [value, min, max, onChange, log, step],
  );
  return (
    <SliderField
      label={props.label}
      value={value}
      min={min}
      max={max}
      log={log}
      step={step}
      format={props.format}
      onChange={handle}
      parse={props.parse ?? parseCount}
      invalidMessage={props.parse === undefined || props.parse === parseCount ? invalidMessage : undefined}
      hint={props.hint}
      testId={props.testId}
    />
  );
});

export const ToggleField = memo(function ToggleField(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="toggle-field controls-toggle" data-testid={props.testId}>
      <input id={id} type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
});

/** A short note under a field (derived values, warnings). */
export function FieldNote(props: { children: ReactNode; warn?: boolean; testId?: string }) {
  return (
    <p className={props.warn ? 'controls-note controls-note--warn' : 'controls-note'} data-testid={props.testId}>
      {props.children}
    </p>
  );
}
