import { type PrivacyAudit, outcome, outcomeWithGaps } from '../audit.ts';
import { collectionControlGap, describeEvents, eventsAfter, eventsBefore, ingestsCarrying } from '../collection-window.ts';

export interface OptOutCookieOptions {
  /** Date.now() in the test when the opt-out cookie was set (before the next page load). */
  optedOutAt: number;
}

export const optOutCookieAudit: PrivacyAudit<OptOutCookieOptions> = {
  title: 'With the opt-out cookie set, nothing is recorded or sent',
  failureTitle: 'The opt-out cookie did not stop recording',
  requiredArtifacts: ['recording', 'config'],
  audit({ recording, config, recorder }, { optedOutAt }) {
    const gap = collectionControlGap(recorder, 'honouring an opt-out cookie');
    if (gap) return outcomeWithGaps([], [gap], [], {});
    const reasons: string[] = [];
    const before = eventsBefore(recording, optedOutAt);
    if (before.length === 0) reasons.push('no events recorded before the opt-out: the recorder never started, so opting out cannot be told apart from a broken recorder');
    const after = eventsAfter(recording, optedOutAt);
    if (after.length > 0) {
      const traffic = ingestsCarrying(recording, after);
      reasons.push(`${describeEvents(after)} recorded with the opt-out cookie set, sent in ${traffic.length} ingest ${traffic.length === 1 ? 'request' : 'requests'}`);
    }
    return outcome(reasons, [], { eventsBeforeOptOut: before.length, eventsAfterOptOut: after.length });
  },
};
