/** The plan's status in words: planning…, the search's size and time, a failure, or no worker. */
import { memo } from 'react';
import { useMessages, useViewSettings } from '../../i18n/view-settings';
import { fill } from '../../i18n/i18n';
import { formatDuration, formatNumber } from '../../i18n/format';
import { MESSAGES } from './messages';
import { planStatus, usePlanView } from './plan-scope';

/** `inline`: a block span (inside a chart's caption) instead of a paragraph. */
export const PlanStatusLine = memo(function PlanStatusLine(props: { inline?: boolean }) {
  const Tag = props.inline ? 'span' : 'p';
  const { plan, current } = usePlanView();
  const { lang } = useViewSettings();
  const m = useMessages(MESSAGES);
  const status = planStatus(plan);
  if (status === 'unavailable') {
    return (
      <Tag className="muted" role="status" data-testid="plan-status" data-status={status}>
        {m.unavailable}
      </Tag>
    );
  }
  if (status === 'failed') {
    return (
      <Tag className="layout-problem" role="status" data-testid="plan-status" data-status={status}>
        {fill(m.failed, { message: plan.error ?? '' })}
      </Tag>
    );
  }
  const outcome = plan.plan;
  const busy = status === 'planning' || !current;
  return (
    <Tag className="muted" role="status" data-testid="plan-status" data-status={busy ? 'planning' : 'ready'} data-plan-ms={outcome ? outcome.planMs.toFixed(1) : undefined} data-measured-time>
      {outcome ? fill(m.status, { evaluated: formatNumber(outcome.evaluated, lang, 9), ms: formatDuration(outcome.planMs / 1000, lang) }) : null}
      {busy ? <> <strong className="training-plan__planning">{m.planning}</strong></> : null}
    </Tag>
  );
});
