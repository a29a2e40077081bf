import type { eventWithTime } from '@rrweb/types';
import type { CapturedEvent, IngestRequest, RecordedError, RecordedRequest } from '../../contract/recording.ts';
import { vendors } from './registry.ts';

const byEvent = <T extends { eventIndex?: number }>(a: T, b: T) => (a.eventIndex ?? Infinity) - (b.eventIndex ?? Infinity);

/**
 * fetch/XHR requests in the recording, whichever recorder wrote them: every vendor's reader, in event
 * order (an app's own rrweb may use a plugin another vendor also uses, so all of them read all events).
 */
export function recordedRequests(events: readonly eventWithTime[], ingests: readonly IngestRequest[] = []): RecordedRequest[] {
  return vendors.flatMap((vendor) => vendor.readers?.requests(events, ingests) ?? []).sort(byEvent);
}

/** Errors the recorder captured, in event order, then those a vendor sent beside the replay. */
export function recordedErrors(recording: { events: readonly CapturedEvent[]; ingests: readonly IngestRequest[] }): RecordedError[] {
  const events = recording.events.map((e) => e.event);
  return vendors.flatMap((vendor) => vendor.readers?.errors({ events, ingests: recording.ingests }) ?? []).sort(byEvent);
}

/** The plain requests and errors of a capture (src/capture calls it at snapshot time). */
export function readRecorded(events: readonly CapturedEvent[], ingests: readonly IngestRequest[]): { requests: RecordedRequest[]; errors: RecordedError[] } {
  return { requests: recordedRequests(events.map((e) => e.event), ingests), errors: recordedErrors({ events, ingests }) };
}
