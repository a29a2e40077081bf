import type { ObservedDecoded } from '../descriptor.ts';
import { PayloadDecodeError } from '../decode-error.ts';
import type { VendorMetadata } from '../vendor-metadata.ts';
import { decodeSentryEnvelope } from './envelope.ts';

/** Sentry's envelope endpoint on any host: `/api/<project id>/envelope/`. */
export function isSentryEnvelopePath(pathname: string): boolean {
  return /^\/api\/\d+\/envelope\/?$/.test(pathname);
}

/**
 * One envelope the app's own Sentry SDK posted (to Sentry's host or its tunnel): the replay segment as
 * rrweb events with the replay_event as metadata, and every other item (error events, sessions, client
 * reports) as a metadata-only batch, as inject mode keeps them (./sentry-adapter.ts). The reply is what
 * Sentry's relay answers: `{"id": <event_id of the envelope header>}`.
 */
export function decodeObservedSentry(body: Buffer | null): ObservedDecoded {
  if (!body || body.length === 0) throw new PayloadDecodeError('envelope request without a body');
  const envelope = decodeSentryEnvelope(body);
  const batches: ObservedDecoded['batches'] = [];
  if (envelope.replay) {
    const { replayEvent, events, segmentId, compression } = envelope.replay;
    const metadata: VendorMetadata = { vendor: 'sentry', kind: 'replay_event', payload: { ...replayEvent, segmentId, compression }, header: envelope.header };
    batches.push({ events, metadata });
  }
  for (const item of envelope.others) {
    const metadata: VendorMetadata = { vendor: 'sentry', kind: item.type, payload: item.payload, header: envelope.header };
    batches.push({ events: [], metadata });
  }
  const id = typeof envelope.header.event_id === 'string' ? envelope.header.event_id : '';
  return { batches, reply: JSON.stringify({ id }) };
}
