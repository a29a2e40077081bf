import { EventType, MouseInteractions } from '@rrweb/types';
import { isRrwebConfig } from '../../contract/recorder-config.ts';
import { type PrivacyAudit, outcome, outcomeWithGaps } from '../audit.ts';
import { collectionControlGap, describeEvents } from '../collection-window.ts';
import { eventsOf, inputEvents, mouseInteractions, nodeIdsByElementId } from '../recording-queries.ts';

export interface SamplingOptions {
  /** The session sample rate the journey ran at (test.use({ sampleRateOverride })): 0 or 1, the rates with a certain outcome. */
  sampleRate: number;
  /** What the journey did, by element id, that a recorded session must show (checked at rate 1). */
  clicked: string;
  typedInto: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const samplingAudit: PrivacyAudit<SamplingOptions> = {
  title: 'Sample rate 0 records and sends nothing; 1.0 records the whole session',
  failureTitle: 'The sample rate did not decide what was recorded',
  requiredArtifacts: ['recording', 'config'],
  audit({ recording, config, recorder }, { sampleRate, clicked, typedInto }) {
    const gap = collectionControlGap(recorder, 'session sampling');
    if (gap) return outcomeWithGaps([], [gap], [], {});
    const reasons: string[] = [];
    const { ingests } = recording;
    const events = eventsOf(recording.events);
    const details = { sampleRate, events: events.length, ingestRequests: ingests.length };
    if (sampleRate === 0) {
      if (recording.events.length > 0) reasons.push(`at sample rate 0, ${describeEvents(recording.events)} recorded, sent in ${plural(ingests.length, 'ingest request')}`);
      else if (ingests.length > 0) reasons.push(`at sample rate 0, ${plural(ingests.length, 'ingest request')} sent`);
      // Say why when the cause is in the config: no rate the override could replace.
      if (reasons.length > 0 && isRrwebConfig(config) && config.policy.collection?.sampleRate === undefined) {
        const throttling = config.rrweb.sampling ? ": rrweb's own `sampling` option (set here) throttles mouse moves, scroll and input inside a recorded session, it does not sample sessions" : '';
        reasons.push(`the config sets no policy.collection.sampleRate, so the rate under test reached no sampling decision${throttling}`);
      }
      return outcome(reasons, [], details);
    }
    if (sampleRate !== 1) return outcome([`sample rate ${sampleRate} has no certain outcome: the sampling check runs at 0 and 1`], [], details);
    // Rate 1: the session is recorded whole, so that a rate-0 silence cannot be a broken recorder.
    const ids = nodeIdsByElementId(events);
    const clickedIds = ids.get(clicked) ?? new Set<number>();
    const typedIds = ids.get(typedInto) ?? new Set<number>();
    const clicks = mouseInteractions(events).filter((i) => i.type === MouseInteractions.Click && clickedIds.has(i.nodeId)).length;
    const inputs = inputEvents(events).filter((i) => typedIds.has(i.nodeId)).length;
    if (events.length === 0) reasons.push('at sample rate 1, nothing was recorded: the recorder never started');
    else {
      if (!events.some((e) => e.type === EventType.FullSnapshot)) reasons.push('at sample rate 1, no full snapshot was recorded: the replay cannot start');
      if (clicks === 0) reasons.push(`at sample rate 1, the click on #${clicked} was not recorded`);
      if (inputs === 0) reasons.push(`at sample rate 1, the typing into #${typedInto} was not recorded`);
    }
    if (events.length > 0 && ingests.length === 0) reasons.push('at sample rate 1, the recording was never sent (no ingest request)');
    return outcome(reasons, [], { ...details, clicks, inputs });
  },
};
