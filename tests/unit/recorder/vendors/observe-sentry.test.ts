import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PayloadDecodeError } from '../../../../src/recorder/vendors/decode-error.ts';
import { sentryVendor } from '../../../../src/recorder/vendors/sentry/index.ts';
import { decodeObservedSentry, isSentryEnvelopePath } from '../../../../src/recorder/vendors/sentry/observe.ts';
import { isVendorMetadata } from '../../../../src/recorder/vendors/vendor-metadata.ts';

// Envelopes @sentry/browser posted in real runs (fixtures/vendor-payloads/capture.ts): the same bytes an
// app's own SDK sends to its DSN host or its tunnel.
function captured(name: string): { url: string; body: Buffer } {
  const record = JSON.parse(readFileSync(`fixtures/vendor-payloads/sentry/${name}.json`, 'utf8')) as { url: string; bodyBase64: string };
  return { url: record.url, body: Buffer.from(record.bodyBase64, 'base64') };
}

describe('observe mode: Sentry ingest', () => {
  it('matches /api/<project>/envelope/ on any host, and the app tunnel path only when ingest.url names it', () => {
    expect(isSentryEnvelopePath('/api/1/envelope/')).toBe(true);
    expect(isSentryEnvelopePath('/api/4507/envelope')).toBe(true);
    expect(isSentryEnvelopePath('/api/x/envelope/')).toBe(false);
    expect(isSentryEnvelopePath('/api/1/store/')).toBe(false);
    const plain = sentryVendor.observe!.matcher({ observe: 'sentry' });
    expect(typeof plain).toBe('function');
    expect((plain as (url: URL) => boolean)(new URL(captured('replay-zlib-leaky').url))).toBe(true);
    expect((plain as (url: URL) => boolean)(new URL('http://127.0.0.1:3000/tunnel'))).toBe(false);
    const tunnelled = sentryVendor.observe!.matcher({ observe: 'sentry', ingest: { url: '**/tunnel' } });
    expect(tunnelled).toHaveLength(2);
    expect((tunnelled as unknown[])[1]).toBe('**/tunnel');
  });

  it('decodes a compressed replay segment into rrweb events with the replay_event as metadata, and answers the envelope id', () => {
    const { body } = captured('replay-zlib-leaky');
    const decoded = decodeObservedSentry(body);
    const header = JSON.parse(body.subarray(0, body.indexOf(10)).toString('utf8')) as { event_id: string };
    expect(JSON.parse(decoded.reply!)).toEqual({ id: header.event_id });
    const replay = decoded.batches[0]!;
    expect(replay.events.length).toBeGreaterThan(3);
    expect(replay.events.some((e) => e.type === 2)).toBe(true);
    expect(isVendorMetadata(replay.metadata)).toBe(true);
    expect(replay.metadata).toMatchObject({ vendor: 'sentry', kind: 'replay_event', payload: { compression: 'zlib' } });
  });

  it('decodes a plain segment the same way; an error event becomes a metadata-only batch (it left the browser: it is scanned)', () => {
    const plain = decodeObservedSentry(captured('replay-plain-default').body);
    expect(plain.batches[0]!.metadata).toMatchObject({ kind: 'replay_event', payload: { compression: 'none' } });
    expect(plain.batches[0]!.events.length).toBeGreaterThan(0);
    const error = decodeObservedSentry(captured('error-event').body);
    expect(error.batches).toHaveLength(1);
    expect(error.batches[0]).toMatchObject({ events: [], metadata: { vendor: 'sentry', kind: 'event' } });
  });

  it('decodes what an app\'s own SDK posted to its tunnel (Harbor Books, leaky build): the typed values are in the events, unmasked', () => {
    const record = JSON.parse(readFileSync('fixtures/vendor-payloads/observe-sentry/tunnel-leaky-checkout.json', 'utf8')) as { url: string; bodyBase64: string };
    expect(record.url).toBe('/tunnel');
    const decoded = decodeObservedSentry(Buffer.from(record.bodyBase64, 'base64'));
    expect(decoded.batches[0]!.metadata).toMatchObject({ kind: 'replay_event', payload: { compression: 'zlib' } });
    const text = JSON.stringify(decoded.batches[0]!.events);
    // The leak a check must see: input events carry the values as typed.
    expect(text).toContain('ada.quill@example.test');
    expect(text).toContain('Ada Quill');
  });

  it('rejects what is not an envelope (kept as a malformed payload, never as an empty batch)', () => {
    expect(() => decodeObservedSentry(null)).toThrow(PayloadDecodeError);
    expect(() => decodeObservedSentry(Buffer.from('not an envelope'))).toThrow(PayloadDecodeError);
  });
});
