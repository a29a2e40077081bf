import type { eventWithTime } from '@rrweb/types';
import { type IngestRequest, type RecordedError, type RecordedRequest, isVendorMetadata } from '../../../contract/recording.ts';
import type { RecordedReaders } from '../descriptor.ts';

const API_INITIATORS = new Set(['fetch', 'xmlhttprequest']);

/** The PushSessionEvents/PushPayload metadata the adapters keep (kind "push"). */
export interface HighlightPushMetadata {
  operation: string;
  messages: unknown[];
  resources: unknown[];
  errors: unknown[];
  [key: string]: unknown;
}

function pushes(ingests: readonly IngestRequest[]): HighlightPushMetadata[] {
  return ingests.flatMap(({ metadata }) =>
    isVendorMetadata(metadata) && metadata.vendor === 'highlight' && metadata.kind === 'push' ? [metadata.payload as HighlightPushMetadata] : [],
  );
}

/**
 * Highlight sends network requests and errors beside the rrweb events, in each push: `resources`
 * (PerformanceResourceTiming entries: name = full URL, initiatorType; with recordHeadersAndBody a
 * requestResponsePair whose request.verb is the method) and `errors` (window.onerror, unhandled
 * rejections, H.consumeError).
 */
export const highlightReaders: RecordedReaders = {
  requests(_events: readonly eventWithTime[], ingests: readonly IngestRequest[] = []): RecordedRequest[] {
    const found: RecordedRequest[] = [];
    for (const push of pushes(ingests)) {
      for (const resource of push.resources as Record<string, unknown>[]) {
        if (typeof resource?.name !== 'string' || !API_INITIATORS.has(String(resource.initiatorType))) continue;
        const verb = (resource.requestResponsePair as { request?: { verb?: unknown } } | undefined)?.request?.verb;
        found.push({ method: typeof verb === 'string' ? verb.toUpperCase() : undefined, url: resource.name, shape: 'highlight resources' });
      }
    }
    return found;
  },
  errors({ ingests }): RecordedError[] {
    return pushes(ingests).flatMap((push) => push.errors.map(() => ({ shape: 'highlight errors' })));
  },
};
