import { EventType, type eventWithTime } from '@rrweb/types';
import type { CapturedRecording } from '../capture/recording-capture.ts';
import { scannableEvents } from '../verdict/leaks.ts';

/** Custom-event tag under which the page URL each batch was sent from is scanned. */
export const PAGE_URL_TAG = 'maskproof/page-url';

/**
 * Everything the recorder sent, as events to scan: the rrweb events, vendor metadata, and the page URL of
 * every ingest request (a recorder sends it with each batch; pushState URLs reach it only this way).
 */
export function sentEvents(recording: CapturedRecording): eventWithTime[] {
  const events = scannableEvents(recording);
  const urls = new Set(recording.ingests.map((ingest) => ingest.pageUrl));
  for (const url of urls) events.push({ type: EventType.Custom, timestamp: 0, data: { tag: PAGE_URL_TAG, payload: { url } } });
  return events;
}
