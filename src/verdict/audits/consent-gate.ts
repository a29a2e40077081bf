import { EventType } from '@rrweb/types';
import { type PrivacyAudit, outcome, outcomeWithGaps } from '../audit.ts';
import { collectionControlGap, describeEvents, eventsAfter, eventsBefore } from '../collection-window.ts';

export interface ConsentGateOptions {
  /** Date.now() in the test right before the visitor clicked "Accept". */
  consentGivenAt: number;
}

export const consentGateAudit: PrivacyAudit<ConsentGateOptions> = {
  title: 'Nothing is recorded or sent before consent; recording starts once it is given',
  failureTitle: 'Recording did not wait for consent',
  requiredArtifacts: ['recording', 'config'],
  audit({ recording, config, recorder }, { consentGivenAt }) {
    const gap = collectionControlGap(recorder, 'waiting for consent');
    if (gap) return outcomeWithGaps([], [gap], [], {});
    const reasons: string[] = [];
    const before = eventsBefore(recording, consentGivenAt);
    const trafficBefore = recording.ingests.filter((i) => i.receivedAt < consentGivenAt);
    if (before.length > 0) reasons.push(`${describeEvents(before)} recorded before consent was given`);
    if (trafficBefore.length > 0) reasons.push(`${trafficBefore.length} ingest ${trafficBefore.length === 1 ? 'request' : 'requests'} sent before consent was given`);
    const after = eventsAfter(recording, consentGivenAt);
    // Silence after consent too would be a broken recorder, not a consent gate.
    if (after.length === 0) reasons.push('no events recorded after consent was given: the recorder never started, so the gate cannot be told apart from a broken recorder');
    else if (!after.some((e) => e.event.type === EventType.FullSnapshot)) reasons.push('no full snapshot recorded after consent: the replay of the consented session cannot start');
    return outcome(reasons, [], { eventsBeforeConsent: before.length, ingestRequestsBeforeConsent: trafficBefore.length, eventsAfterConsent: after.length });
  },
};
