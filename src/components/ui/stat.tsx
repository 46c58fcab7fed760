import { memo, type ReactNode } from 'react';

/** One headline number with its label and an optional note. */
export const Stat = memo(function Stat(props: { label: string; value: string; note?: ReactNode; bad?: boolean; testId?: string }) {
  return (
    <div className={props.bad ? 'stat stat--bad' : 'stat'} data-testid={props.testId}>
      <div className="stat__label">{props.label}</div>
      <div className="stat__value">{props.value}</div>
      {props.note ? <div className="stat__note">{props.note}</div> : null}
    </div>
  );
});
