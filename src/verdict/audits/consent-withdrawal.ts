import { type PrivacyAudit, outcome, outcomeWithGaps } from '../audit.ts';
import { collectionControlGap, describeEvents, eventsAfter, eventsBetween, ingestsCarrying } from '../collection-window.ts';

export interface ConsentWithdrawalOptions {
  /** Date.now() in the test right before the visitor clicked "Accept". */
  grantedAt: number;
  /** Date.now() in the test once the app showed consent as withdrawn. */
  withdrawnAt: number;
}

export const consentWithdrawalAudit: PrivacyAudit<ConsentWithdrawalOptions> = {
  title: 'Withdrawing consent stops recording: nothing recorded or sent after it',
  failureTitle: 'Recording went on after consent was withdrawn',
  requiredArtifacts: ['recording', 'config'],
  audit({ recording, config, recorder }, { grantedAt, withdrawnAt }) {
    const gap = collectionControlGap(recorder, 'stopping on withdrawn consent');
    if (gap) return outcomeWithGaps([], [gap], [], {});
    const reasons: string[] = [];
    const consented = eventsBetween(recording, grantedAt, withdrawnAt);
    if (consented.length === 0) reasons.push('no events recorded while consent was given: the recorder never started, so stopping cannot be told apart from a broken recorder');
    const after = eventsAfter(recording, withdrawnAt);
    if (after.length > 0) {
      reasons.push(`${describeEvents(after)} recorded after consent was withdrawn`);
      const traffic = ingestsCarrying(recording, after);
      reasons.push(`${traffic.length} ingest ${traffic.length === 1 ? 'request' : 'requests'} sent them`);
    }
    return outcome(reasons, [], { eventsWhileConsented: consented.length, eventsAfterWithdrawal: after.length });
  },
};
