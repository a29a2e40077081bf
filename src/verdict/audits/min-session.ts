import { type PrivacyAudit, outcome, outcomeWithGaps } from '../audit.ts';
import { collectionControlGap, describeEvents, eventsAfter, eventsBefore, ingestsCarrying } from '../collection-window.ts';

export interface MinSessionOptions {
  /** The shortest session that may be sent, as QA specifies it. */
  minSessionMs: number;
  /** Date.now() in the test when the short session ended (the visitor left the page). */
  shortSessionEndedAt: number;
  /** Date.now() in the test once the long session's events had arrived without the harness flushing. */
  longSessionCheckedAt: number;
}

export const minSessionAudit: PrivacyAudit<MinSessionOptions> = {
  title: 'A session shorter than the minimum is never sent; a long enough one is',
  failureTitle: 'A session shorter than the minimum was sent',
  requiredArtifacts: ['recording', 'config'],
  audit({ recording, config, recorder }, { minSessionMs, shortSessionEndedAt, longSessionCheckedAt }) {
    const gap = collectionControlGap(recorder, 'a minimum session length');
    if (gap) return outcomeWithGaps([], [gap], [], {});
    const reasons: string[] = [];
    const short = eventsBefore(recording, shortSessionEndedAt);
    if (short.length > 0) {
      const traffic = ingestsCarrying(recording, short);
      reasons.push(`${describeEvents(short)} from a session shorter than ${minSessionMs} ms were sent, in ${traffic.length} ingest ${traffic.length === 1 ? 'request' : 'requests'}`);
    }
    const long = eventsAfter(recording, shortSessionEndedAt);
    // Only what the recorder sent by itself counts: the harness's final flush delivers anything held.
    const sentByRecorder = ingestsCarrying(recording, long).filter((i) => i.receivedAt <= longSessionCheckedAt);
    if (long.length === 0) reasons.push(`no events from the session that lasted ${minSessionMs} ms: the recorder never sent a session, so the minimum cannot be told apart from a broken recorder`);
    else if (sentByRecorder.length === 0) reasons.push(`the session that lasted ${minSessionMs} ms was not sent by the recorder once it was long enough (only the harness's final flush delivered it)`);
    return outcome(reasons, [], { shortSessionEventsSent: short.length, longSessionEvents: long.length, longSessionIngestRequests: sentByRecorder.length });
  },
};
