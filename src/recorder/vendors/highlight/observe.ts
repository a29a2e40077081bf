import type { LocalAnswer, ObserveDescriptor, ObservedDecoded, ObservedIngestRequest } from '../descriptor.ts';
import { ingestMatcher } from '../../observe/ingest-matcher.ts';
import { highlightBatches } from './batches.ts';
import { decodeHighlightRequest, graphqlReply, otlpSignal, parseGraphqlBody } from './payload.ts';

/** Highlight's own hosts: `pub.highlight.io` (GraphQL backend), `otel.highlight.io` (OpenTelemetry), and the older `*.highlight.run`. */
export function isHighlightHost(hostname: string): boolean {
  return /^(pub|otel)\.highlight\.io$/i.test(hostname) || /(^|\.)highlight\.run$/i.test(hostname);
}

/**
 * initializeSession is answered as Highlight's backend does (the session's secure id back and a
 * project id), so the app's own recorder starts offline; it is not recorder traffic. Every other
 * GraphQL operation and OTLP export is decoded (./batches.ts).
 */
export function highlightLocalAnswer(request: ObservedIngestRequest): LocalAnswer | undefined {
  if (request.method !== 'POST' || !request.body || otlpSignal(new URL(request.url).pathname)) return undefined;
  let parsed;
  try {
    parsed = parseGraphqlBody(request.body);
  } catch {
    return undefined;
  }
  if (parsed.operationName !== 'initializeSession') return undefined;
  return { contentType: 'application/json', body: graphqlReply(parsed.operationName, parsed.variables) };
}

/** One request the app's Highlight SDK sent: a push (events + metadata), another operation or an OTLP export (metadata). */
export function decodeObservedHighlight(request: Pick<ObservedIngestRequest, 'url' | 'body'>): ObservedDecoded {
  const decoded = decodeHighlightRequest(request.url, request.body);
  const batches = highlightBatches(decoded).map(({ events, metadata }) => ({ events, metadata }));
  return { batches, reply: decoded.kind === 'graphql' ? graphqlReply(decoded.operation, decoded.variables) : '{}' };
}

/**
 * Highlight records nothing in a browser that reads as automated (navigator.webdriver, unless
 * window.Cypress exists): the page reads as the user's browser. Only that reading changes.
 */
export const HIGHLIGHT_INIT_SCRIPT = `(function () {
  try {
    Object.defineProperty(Object.getPrototypeOf(navigator), 'webdriver', { configurable: true, get: function () { return false; } });
  } catch (e) {}
})();`;

/**
 * Highlight observed: the app's SDK posts GraphQL to pub.highlight.io (or its `backendUrl`: give it as
 * `ingest.url`) and OTLP to otel.highlight.io. It pushes on a 2 s timer, not on a page lifecycle
 * event (its visibility handler only adds a TabHidden custom event), so after the lifecycle signal
 * the harness waits for the next push, at most 3 s.
 */
export const highlightObserve: ObserveDescriptor = {
  matcher: (config) => {
    const host = (url: URL) => isHighlightHost(url.hostname);
    return config.ingest?.url ? [host, ingestMatcher(config.ingest.url)] : host;
  },
  decode: (request) => decodeObservedHighlight(request),
  localAnswer: (request) => highlightLocalAnswer(request),
  asyncFlushLimitMs: 3_000,
  initScript: HIGHLIGHT_INIT_SCRIPT,
};
