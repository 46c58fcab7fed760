import { memo, useEffect, useId, useState, type ChangeEvent } from 'react';
import { defineMessages, fill } from '../../i18n/i18n';
import { useLang } from '../../i18n/view-settings';
import { SettledStatus } from './settled-status';

const EXACT = { en: 'exact value', zh: '精确值' } as const;

/** What a typed value outside the field's range became (never silently). */
const TYPED = defineMessages({
  en: {
    low: '{label} was {given}; the smallest is {value}.',
    high: '{label} was {given}; the largest is {value}.',
    rounded: '{label} was {given}; it must be a whole number, so {value}.',
  },
  zh: {
    low: '{label}原为 {given}；最小只能是 {value}。',
    high: '{label}原为 {given}；最大只能是 {value}。',
    rounded: '{label}原为 {given}；须为整数，已改为 {value}。',
  },
});

/** The note for a typed value that had to change, or null when it was used as typed. */
export function typedNote(lang: 'en' | 'zh', label: string, given: number, used: number, format: (value: number) => string): string | null {
  if (given === used) return null;
  const m = TYPED[lang];
  const template = given < used ? (Math.round(given) === used && given >= used - 1 ? m.rounded : m.low) : Math.round(given) === used && given <= used + 1 ? m.rounded : m.high;
  return fill(template, { label, given: format(given), value: format(used) });
}

export interface SliderFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Step in value units (linear) or in log10 units (log scale). */
  step?: number;
  /** Log-scale slider (sizes, counts spanning decades). */
  log?: boolean;
  /** Text for the value with units: used for aria-valuetext and beside the label. */
  format: (value: number) => string;
  onChange: (value: number) => void;
  /** Parse the number field's text (default: plain numbers and 1e11-style). */
  parse?: (text: string) => number | undefined;
  integer?: boolean;
  hint?: string;
  /**
   * Why typed text does not parse, in the reader's language (e.g. the count parser's reason),
   * shown next to the field; '' or absent = only the field is marked invalid. Values that parse
   * but fall outside min–max are clamped, with a note saying what they became.
   */
  invalidMessage?: (text: string) => string;
  testId?: string;
}

function defaultParse(text: string): number | undefined {
  const value = Number(text.trim().replace(/[,_\s]/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

function toSlider(value: number, log: boolean): number {
  return log ? Math.log10(Math.max(value, Number.MIN_VALUE)) : value;
}

/**
 * The range input's value on its step grid, as the browser itself would snap it: after a drag or
 * an arrow key the DOM already holds this value, so React finds nothing to write (an unsnapped
 * 11.370000000000001 would be written back on every step).
 */
function onGrid(value: number, low: number, high: number, step: number): number {
  const snapped = low + Math.round((Math.min(high, Math.max(low, value)) - low) / step) * step;
  return Number(snapped.toPrecision(12));
}

/**
 * A labelled range slider with a number field beside it for exact entry. Keyboard: arrows step,
 * PageUp/PageDown ten steps, Home/End the ends (native range input). The number field accepts
 * 7e10 and commits on Enter or blur; invalid text is shown as invalid and nothing changes.
 */
export const SliderField = memo(function SliderField(props: SliderFieldProps) {
  const { label, value, min, max, log = false, format, onChange, integer = false, hint, testId } = props;
  const step = props.step ?? (log ? 0.01 : integer ? 1 : (max - min) / 100);
  const id = useId();
  const lang = useLang();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [message, setMessage] = useState('');
  const messageId = useId();
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    setDraft(null);
    setInvalid(false);
    setMessage('');
  }, [value]);

  const clamp = (v: number) => {
    const c = Math.min(max, Math.max(min, v));
    return integer ? Math.round(c) : c;
  };
  const onRange = (event: ChangeEvent<HTMLInputElement>) => {
    const raw = Number(event.target.value);
    if (!Number.isFinite(raw)) return;
    setNote(null);
    onChange(clamp(log ? 10 ** raw : raw));
  };
  const commit = () => {
    if (draft === null) return;
    const parsed = (props.parse ?? defaultParse)(draft);
    if (parsed === undefined || !Number.isFinite(parsed)) {
      setInvalid(true);
      setMessage(props.invalidMessage?.(draft) ?? '');
      return;
    }
    // Outside the range (or not whole where it must be): the nearest value, said in words.
    const used = clamp(parsed);
    setInvalid(false);
    setMessage('');
    setDraft(null);
    setNote(typedNote(lang, label, parsed, used, format));
    onChange(used);
  };
  const text = format(value);
  return (
    <div className="slider-field" data-testid={testId}>
      <div className="slider-field__head">
        <label htmlFor={id}>{label}</label>
        {/* Not an <output> (a live region of its own): the range input speaks its value while it
            moves (aria-valuetext); the status below repeats it once, after the value has rested. */}
        <span className="slider-field__value">{text}</span>
      </div>
      <SettledStatus text={`${label}: ${text}`} />
      <div className="slider-field__row">
        <input
          id={id}
          type="range"
          min={toSlider(min, log)}
          max={toSlider(max, log)}
          step={step}
          value={onGrid(toSlider(value, log), toSlider(min, log), toSlider(max, log), step)}
          aria-valuetext={text}
          onChange={onRange}
        />
        <input
          className="slider-field__number"
          type="text"
          inputMode="decimal"
          aria-label={`${label} (${EXACT[lang]})`}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid && message ? messageId : undefined}
          value={draft ?? String(Number(value.toPrecision(6)))}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape') {
              setDraft(null);
              setInvalid(false);
              setMessage('');
            }
          }}
        />
      </div>
      {invalid && message ? (
        <p id={messageId} className="slider-field__error" role="alert">
          {message}
        </p>
      ) : null}
      {note ? (
        <p className="slider-field__note" role="status" data-testid={testId ? `${testId}-note` : undefined}>
          {note}
        </p>
      ) : null}
      {hint ? <p className="slider-field__hint">{hint}</p> : null}
    </div>
  );
});
