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

function ofKind<T>(ingests: readonly IngestRequest[], kind: string): T[] {
  return ingests.flatMap(({ metadata }) => (isVendorMetadata(metadata) && metadata.vendor === 'highlight' && metadata.kind === kind ? [metadata.payload as T] : []));
}

const pushes = (ingests: readonly IngestRequest[]) => ofKind<HighlightPushMetadata>(ingests, 'push');

interface OtlpAttribute {
  key?: string;
  value?: { stringValue?: unknown };
}

/** The fetch/XHR spans of OTLP trace exports: method and URL from the HTTP attributes (old and new semantic conventions). */
function otlpRequests(ingests: readonly IngestRequest[]): RecordedRequest[] {
  const found: RecordedRequest[] = [];
  for (const trace of ofKind<{ resourceSpans?: { scopeSpans?: { spans?: { attributes?: OtlpAttribute[] }[] }[] }[] }>(ingests, 'otlp/traces')) {
    for (const span of (trace.resourceSpans ?? []).flatMap((r) => r.scopeSpans ?? []).flatMap((s) => s.spans ?? [])) {
      const attribute = (...keys: string[]) => span.attributes?.find((a) => keys.includes(String(a.key)))?.value?.stringValue;
      const url = attribute('http.url', 'url.full');
      const method = attribute('http.method', 'http.request.method');
      if (typeof url === 'string' && typeof method === 'string') found.push({ method: method.toUpperCase(), url, shape: 'highlight otlp span' });
    }
  }
  return found;
}

/**
 * Highlight sends network requests and errors beside the rrweb events: each push's `resources`
 * (PerformanceResourceTiming entries: name = full URL, initiatorType; with recordHeadersAndBody, where
 * the SDK matched a fetch/XHR it saw with its timing entry, `requestResponsePairs` with the method in
 * request.verb and the headers and bodies) and `errors` (window.onerror, unhandled
 * rejections, H.consumeError); and the fetch/XHR spans of its OTLP trace exports (method, URL, and
 * with recordHeadersAndBody the headers and bodies).
 */
export const highlightReaders: RecordedReaders = {
  requests(_events: readonly eventWithTime[], ingests: readonly IngestRequest[] = []): RecordedRequest[] {
    const found: RecordedRequest[] = [];
    for (const push of pushes(ingests)) {
      for (const resource of push.resources as Record<string, unknown>[]) {
        if (typeof resource?.name !== 'string' || !API_INITIATORS.has(String(resource.initiatorType))) continue;
        // Serialised as `requestResponsePairs` (one pair) by 10.7.5's toJSON; `requestResponsePair` before it.
        const pair = (resource.requestResponsePairs ?? resource.requestResponsePair) as { request?: { verb?: unknown } } | undefined;
        const verb = pair?.request?.verb;
        found.push({ method: typeof verb === 'string' ? verb.toUpperCase() : undefined, url: resource.name, shape: 'highlight resources' });
      }
    }
    return [...found, ...otlpRequests(ingests)];
  },
  errors({ ingests }): RecordedError[] {
    return pushes(ingests).flatMap((push) => push.errors.map(() => ({ shape: 'highlight errors' })));
  },
};
