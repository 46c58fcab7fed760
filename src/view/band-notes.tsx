/**
 * The sentences that follow the planner's band in the training section and the training plan:
 * what the mixture-of-experts checks found (for an MoE model) and what the chosen training
 * software's checks found (when the reader chose one). Each in a span with its own test id.
 */
import type { Estimate } from '../core';
import type { Lang } from '../i18n/i18n';
import { moeBandText } from './moe-evidence';
import { frameworkEvidenceText } from './framework-evidence';

export function BandNotes(props: { estimate: Estimate; lang: Lang; testIdPrefix: string }) {
  const { estimate, lang, testIdPrefix } = props;
  // A Chinese sentence follows the last one without a space.
  const separator = lang === 'zh' ? '' : ' ';
  const moe = estimate.model.arch.moe ? moeBandText(lang) : null;
  const software = frameworkEvidenceText(estimate.training.framework, estimate.training.frameworkAuto, lang);
  return (
    <>
      {moe ? (
        <>
          {separator}
          <span data-testid={`${testIdPrefix}-moe`}>{moe}</span>
        </>
      ) : null}
      {software ? (
        <>
          {separator}
          <span data-testid={`${testIdPrefix}-software`}>{software}</span>
        </>
      ) : null}
    </>
  );
}
