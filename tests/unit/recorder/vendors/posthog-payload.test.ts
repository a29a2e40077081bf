import { gzipSync } from 'node:zlib';
import { EventType, IncrementalSource, type eventWithTime } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { PayloadDecodeError } from '../../../../src/recorder/vendors/decode-error.ts';
import { decodePosthogBody, decodeRequestBody, decompressSnapshotEvent } from '../../../../src/recorder/vendors/posthog/payload.ts';
import { canary, contains, isRrwebEvent, loadPayload } from './payloads.ts';

const inputs = (events: eventWithTime[]) =>
  events.filter((e) => e.type === EventType.IncrementalSnapshot && e.data.source === IncrementalSource.Input).map((e) => (e.data as { text: string }).text);

describe('PostHog payloads captured from posthog-js', () => {
  it('gunzips a /s/ body and the per-event gzip inside $snapshot_data back to plain rrweb', () => {
    const payload = loadPayload('posthog', 'snapshot-gzip-default');
    const decoded = decodePosthogBody(payload.body, payload.url);
    expect(decoded.encoding).toBe('gzip');
    expect(decoded.snapshots).toHaveLength(1);
    const events = decoded.snapshots[0]!.events;
    expect(events.every(isRrwebEvent)).toBe(true);
    expect(events.some((e) => 'cv' in e)).toBe(false);
    const full = events.find((e) => e.type === EventType.FullSnapshot);
    expect(typeof full?.data).toBe('object');
    expect(decoded.snapshots[0]!.properties.$session_id).toEqual(expect.any(String));
  });

  it('finds the page text PostHog leaves unmasked only after both gunzips: the bytes hide it', () => {
    const payload = loadPayload('posthog', 'snapshot-gzip-default');
    const name = canary('person › full name');
    expect(contains(payload.body.toString('latin1'), name)).toBe(false);
    const events = decodePosthogBody(payload.body, payload.url).snapshots[0]!.events;
    // The checkout echoes the name ("Thanks, <name>!") in a mutation: text is not masked by default.
    const mutations = events.filter((e) => e.type === EventType.IncrementalSnapshot && e.data.source === IncrementalSource.Mutation);
    expect(mutations.some((e) => contains(e, name))).toBe(true);
    // Inputs are masked by default: the email typed into the form is not there.
    expect(inputs(events).every((text) => /^\**$/.test(text))).toBe(true);
    expect(contains(events, canary('person › email'))).toBe(false);
  });

  it('reads a plain JSON body with uncompressed events (disable_compression, compress_events false)', () => {
    const payload = loadPayload('posthog', 'snapshot-json-unmasked');
    const decoded = decodePosthogBody(payload.body, payload.url);
    expect(decoded.encoding).toBe('json');
    expect(inputs(decoded.snapshots[0]!.events)).toContain(canary('person › email').value);
  });

  it('reads the unload path: a sendBeacon base64 form body', () => {
    const payload = loadPayload('posthog', 'analytics-beacon-base64');
    expect(payload.resourceType).toBe('ping');
    const decoded = decodePosthogBody(payload.body, payload.url);
    expect(decoded.encoding).toBe('base64');
    expect(decoded.others.map((e) => e.event)).toContain('order_failed');
  });

  it('keeps analytics events whole, for scanning', () => {
    const payload = loadPayload('posthog', 'analytics-gzip-default');
    const decoded = decodePosthogBody(payload.body, payload.url);
    expect(decoded.snapshots).toEqual([]);
    expect(decoded.others.map((e) => e.event)).toContain('$autocapture');
    expect(decoded.others.every((e) => typeof e.properties?.$current_url === 'string')).toBe(true);
  });
});

describe('PostHog decoding rejects what the SDK does not send', () => {
  const url = 'https://ph.maskproof.invalid/s/';

  it('lz-string bodies of old SDKs, and gzip announced but not sent', () => {
    expect(() => decodeRequestBody(Buffer.from('data=abc'), `${url}?compression=lz64`)).toThrow(/lz64/);
    expect(() => decodeRequestBody(Buffer.from('{}'), `${url}?compression=gzip-js`)).toThrow(/not gzip/);
  });

  it('a body that is not events', () => {
    expect(() => decodePosthogBody(gzipSync('[{"nope":1}]'), url)).toThrow(PayloadDecodeError);
    expect(() => decodePosthogBody(Buffer.from('not json'), url)).toThrow(/not JSON/);
  });

  it('an unknown compression version, or a compressed field that is not gzip', () => {
    expect(() => decompressSnapshotEvent({ type: 2, timestamp: 1, cv: '2099-01', data: '' }, 0)).toThrow(/compression version 2099-01/);
    expect(() => decompressSnapshotEvent({ type: 2, timestamp: 1, cv: '2024-10', data: 'not gzip' }, 0)).toThrow(/does not gunzip/);
  });

  it('decompresses a mutation whose fields the recorder gzipped, leaving plain events alone', () => {
    const gz = (value: unknown) => gzipSync(JSON.stringify(value)).toString('latin1');
    const adds = [{ parentId: 1, nextId: null, node: { type: 3, textContent: 'hello', id: 9 } }];
    const event = decompressSnapshotEvent(
      { type: 3, timestamp: 5, cv: '2024-10', data: { source: 0, adds: gz(adds), removes: gz([]), texts: gz([]), attributes: gz([]) } },
      0,
    );
    expect(event).toEqual({ type: 3, timestamp: 5, data: { source: 0, adds, removes: [], texts: [], attributes: [] } });
    const plain = { type: 3, timestamp: 6, data: { source: 2, type: 2, id: 4, x: 1, y: 1 } };
    expect(decompressSnapshotEvent(plain, 1)).toEqual(plain);
  });
});
