import type { eventWithTime } from '@rrweb/types';
import type { VendorMetadata } from '../vendor-metadata.ts';
import type { DecodedHighlightRequest } from './payload.ts';

/** The console message the harness's flush adds (H.log), to know when the push holding it arrived. */
export const FLUSH_MARKER = 'maskproof/flush-marker';

export interface HighlightBatch {
  events: eventWithTime[];
  metadata: VendorMetadata;
  /** The harness's flush marker this batch carried (removed from its messages). */
  marker?: string;
}

function markerOf(message: unknown): string | undefined {
  const value = (message as { value?: unknown } | null)?.value;
  const text = Array.isArray(value) ? value.map(String).join(' ') : typeof value === 'string' ? value : '';
  const match = new RegExp(`${FLUSH_MARKER} ([\\w-]+)`).exec(text);
  return match?.[1];
}

/**
 * One decoded request as batches: a push is its rrweb events with everything else it carried
 * (messages, resources, errors, web socket events, logs, ids) as metadata of kind "push"; any other
 * GraphQL operation (identifySession, addSessionProperties, pushMetrics, ...) and every OTLP export
 * is a metadata-only batch of its own kind. The harness's flush marker is dropped from the messages.
 */
export function highlightBatches(decoded: DecodedHighlightRequest): HighlightBatch[] {
  if (decoded.kind === 'otlp') {
    return [{ events: [], metadata: { vendor: 'highlight', kind: `otlp/${decoded.signal}`, payload: { ...(decoded.payload as object), encoding: decoded.encoding } } }];
  }
  if (!decoded.push) {
    if (decoded.operation === 'initializeSession') {
      // What the SDK tells its backend at start: its config (clientConfig) and ids; kept like the rest.
      return [{ events: [], metadata: { vendor: 'highlight', kind: 'initializeSession', payload: decoded.variables } }];
    }
    return [{ events: [], metadata: { vendor: 'highlight', kind: decoded.operation, payload: decoded.variables } }];
  }
  const { events, ...push } = decoded.push;
  let marker: string | undefined;
  const messages = push.messages.filter((message) => {
    const id = markerOf(message);
    if (id) marker = id;
    return !id;
  });
  return [{ events, marker, metadata: { vendor: 'highlight', kind: 'push', payload: { ...push, messages } } }];
}
