import { EventType, type eventWithTime } from '@rrweb/types';
import { type RecordedError, type RecordedRequest, isVendorMetadata } from '../../../contract/recording.ts';
import type { RecordedReaders } from '../descriptor.ts';

const NETWORK_OPS = new Set(['resource.fetch', 'resource.xhr']);

/**
 * Sentry Replay: requests are custom "performanceSpan" events (op resource.fetch or resource.xhr,
 * description = URL, data.method); errors are the error events the SDK sent beside the replay, linked
 * to it by replay id (ingest metadata of kind "event" with an exception).
 */
export const sentryReaders: RecordedReaders = {
  requests(events: readonly eventWithTime[]): RecordedRequest[] {
    const found: RecordedRequest[] = [];
    events.forEach((event, eventIndex) => {
      if (event.type !== EventType.Custom || event.data.tag !== 'performanceSpan') return;
      const payload = event.data.payload as Record<string, unknown> | undefined;
      if (!NETWORK_OPS.has(String(payload?.op)) || typeof payload?.description !== 'string') return;
      const method = (payload.data as { method?: unknown } | undefined)?.method;
      found.push({ method: typeof method === 'string' ? method : undefined, url: payload.description, shape: 'sentry performanceSpan', eventIndex });
    });
    return found;
  },
  errors({ ingests }): RecordedError[] {
    return ingests
      .filter(({ metadata }) => isVendorMetadata(metadata) && metadata.vendor === 'sentry' && metadata.kind === 'event' && (metadata.payload as { exception?: unknown } | null)?.exception)
      .map(() => ({ shape: 'sentry error event' }));
  },
};
