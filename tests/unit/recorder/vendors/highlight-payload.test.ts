import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { EventType, type eventWithTime } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { canariesOf, createSyntheticData } from '../../../../src/data/synthetic-data.ts';
import type { IngestRequest } from '../../../../src/contract/recording.ts';
import { PayloadDecodeError } from '../../../../src/recorder/vendors/decode-error.ts';
import { highlightBatches } from '../../../../src/recorder/vendors/highlight/batches.ts';
import { decodeObservedHighlight, highlightLocalAnswer, isHighlightHost } from '../../../../src/recorder/vendors/highlight/observe.ts';
import { decodeHighlightRequest, graphqlReply } from '../../../../src/recorder/vendors/highlight/payload.ts';
import { highlightReaders } from '../../../../src/recorder/vendors/highlight/readers.ts';
import { plantedValuesFound } from '../../../../src/verdict/leaks.ts';
import { root } from '../../../helpers/run-cli.ts';

// Real requests highlight.run 10.7.5 made (fixtures/vendor-payloads/highlight/capture.ts, seed 7,
// scope "vendor-payloads"), decoded and scanned by the audits' own scanner.
const dir = join(root, 'fixtures/vendor-payloads/highlight');
const canaries = canariesOf(createSyntheticData(7, 'vendor-payloads'));

interface Captured {
  url: string;
  body: Buffer;
}

function load(name: string): Captured {
  const raw = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { url: string; bodyBase64: string };
  return { url: raw.url, body: Buffer.from(raw.bodyBase64, 'base64') };
}

/** The batches as scannableEvents sees them: rrweb events, then the metadata as a custom event. */
function scannable(name: string): eventWithTime[] {
  const { url, body } = load(name);
  return highlightBatches(decodeHighlightRequest(url, body)).flatMap((batch) => [
    ...batch.events,
    { type: EventType.Custom, timestamp: 0, data: { tag: `${batch.metadata.vendor}/${batch.metadata.kind}`, payload: batch.metadata } } as eventWithTime,
  ]);
}

const labels = (events: eventWithTime[]) => [...new Set(plantedValuesFound(events, canaries).map((f) => f.label))].sort();

function ingestOf(name: string): IngestRequest[] {
  const { url, body } = load(name);
  return highlightBatches(decodeHighlightRequest(url, body)).map((batch, index) => ({ index, pageUrl: '', eventCount: batch.events.length, receivedAt: 0, metadata: batch.metadata }));
}

/** A PushSessionEvents request as the worker builds it, around any `data`. */
function pushRequest(data: string): Buffer {
  return Buffer.from(JSON.stringify({ query: 'mutation PushSessionEvents($session_secure_id: String!, $payload_id: Int64ID!, $data: String!) { pushSessionEvents(session_secure_id: $session_secure_id, payload_id: $payload_id, data: $data) }', variables: { session_secure_id: 's', payload_id: '1', data }, operationName: 'PushSessionEvents' }));
}

describe('Highlight payloads (highlight.run 10.7.5, captured)', () => {
  it('every captured request decodes', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const { url, body } = load(file.replace(/\.json$/, ''));
      expect(() => decodeHighlightRequest(url, body), file).not.toThrow();
    }
  });

  it('PushSessionEvents: base64 of gzip JSON holding rrweb events, messages, resources and errors', () => {
    const { url, body } = load('push-default-checkout');
    const decoded = decodeHighlightRequest(url, body);
    expect(decoded.kind).toBe('graphql');
    if (decoded.kind !== 'graphql' || !decoded.push) throw new Error('no push');
    expect(decoded.operation).toBe('PushSessionEvents');
    expect(decoded.push.events.some((e) => e.type === EventType.FullSnapshot)).toBe(true);
    expect(decoded.push.events.every((e) => typeof e.type === 'number' && typeof e.timestamp === 'number')).toBe(true);
    expect(decoded.push.jsonBytes).toBeGreaterThan(decoded.push.compressedBytes!);
    expect(Array.isArray(decoded.push.resources)).toBe(true);
  });

  it("privacySetting 'default': the typed checkout fields are masked; 'none': the name, email and card arrive as typed", () => {
    const atDefault = labels(scannable('push-default-checkout'));
    for (const label of ['person › full name', 'person › email', 'person › card number']) expect(atDefault).not.toContain(label);
    expect(labels(scannable('push-leaky-checkout-typed'))).toEqual(expect.arrayContaining(['person › full name', 'person › email', 'person › card number']));
  });

  it("under 'default' the signed-in name the page shows is recorded (no regex matches a name), and the token rides in the resources' full URLs", () => {
    const events = scannable('push-default-login');
    const found = plantedValuesFound(events, canaries);
    expect(found.some((f) => f.label === 'person › full name')).toBe(true);
    const token = found.filter((f) => f.label === 'session › auth token');
    expect(token.length).toBeGreaterThan(0);
    expect(token.some((f) => f.path.includes('resources'))).toBe(true);
  });

  it('the readers read the requests (full URLs) and errors Highlight sent beside the events', () => {
    const requests = highlightReaders.requests([], ingestOf('push-default-login'));
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(expect.arrayContaining(['/api/orders', '/api/session']));
    expect(requests.every((r) => r.method === undefined)).toBe(true);
    // The OTLP spans carry the method beside the URL.
    const spans = highlightReaders.requests([], ingestOf('otlp-traces-leaky'));
    expect(spans.some((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/login')).toBe(true);
    // A timing entry matched with its request/response pair (serialised as requestResponsePairs) carries the method.
    const paired = { vendor: 'highlight', kind: 'push', payload: { operation: 'PushSessionEvents', messages: [], errors: [], resources: [{ name: 'http://app.test/api/orders?page=1', initiatorType: 'fetch', requestResponsePairs: { request: { verb: 'get', url: 'http://app.test/api/orders?page=1' }, response: { status: 200 } } }] } };
    expect(highlightReaders.requests([], [{ index: 0, pageUrl: '', eventCount: 0, receivedAt: 0, metadata: paired }])).toEqual([{ method: 'GET', url: 'http://app.test/api/orders?page=1', shape: 'highlight resources' }]);
    expect(highlightReaders.errors({ events: [], ingests: ingestOf('push-default-account') })).toHaveLength(1);
    expect(highlightReaders.errors({ events: [], ingests: ingestOf('push-default-checkout') })).toHaveLength(0);
  });

  it('identify() leaves the browser as identifySession: the user id and object are kept and scanned', () => {
    expect(labels(scannable('identify-session'))).toEqual(expect.arrayContaining(['person › email', 'person › full name']));
    expect(labels(scannable('initialize-session'))).toEqual([]);
  });

  it('OTLP exports are read as JSON and kept as metadata; with recordHeadersAndBody their spans carry the login body', () => {
    const { url, body } = load('otlp-traces');
    const decoded = decodeHighlightRequest(url, body);
    expect(decoded).toMatchObject({ kind: 'otlp', signal: 'traces' });
    expect(JSON.stringify(decoded)).toContain('resourceSpans');
    expect(labels(scannable('otlp-traces'))).toEqual([]);
    expect(labels(scannable('otlp-traces-leaky'))).toEqual(expect.arrayContaining(['person › password']));
  });

  it('initializeSession is answered with its own secure id and a project id, so recording starts', () => {
    const request = load('initialize-session');
    const answer = highlightLocalAnswer({ method: 'POST', url: request.url, body: request.body, headers: {} });
    const sent = JSON.parse(request.body.toString()).variables.session_secure_id as string;
    expect(JSON.parse(String(answer?.body)).data.initializeSession).toMatchObject({ secure_id: sent, project_id: expect.stringMatching(/^[1-9]\d*$/) });
    // A push is the recorder's traffic: not answered locally, decoded.
    const push = load('push-default-checkout');
    expect(highlightLocalAnswer({ method: 'POST', url: push.url, body: push.body, headers: {} })).toBeUndefined();
    const observed = decodeObservedHighlight(push);
    expect(observed.batches[0]!.events.length).toBeGreaterThan(0);
    expect(JSON.parse(observed.reply!)).toEqual({ data: { pushSessionEvents: 0 } });
    expect(isHighlightHost('pub.highlight.io') && isHighlightHost('otel.highlight.io') && !isHighlightHost('highlight.io.evil.test')).toBe(true);
  });

  it("the harness's flush marker is taken out of the messages and reported", () => {
    const message = { type: 'INFO', value: ['maskproof/flush-marker abc-123'], time: 1 };
    const payload = { session_secure_id: 's', payload_id: '1', events: { events: [] }, messages: JSON.stringify({ messages: [message, { type: 'log', value: ['hi'] }] }), resources: '{"resources":[]}', errors: [] };
    const decoded = decodeHighlightRequest('https://pub.highlight.io/', pushRequest(gzipSync(JSON.stringify(payload)).toString('base64')));
    const [batch] = highlightBatches(decoded);
    expect(batch!.marker).toBe('abc-123');
    expect((batch!.metadata.payload as { messages: unknown[] }).messages).toEqual([{ type: 'log', value: ['hi'] }]);
  });

  it('a malformed request is a PayloadDecodeError, never "no leak"', () => {
    const url = 'https://pub.highlight.io/';
    const bad = (body: Buffer | null, target = url) => () => decodeHighlightRequest(target, body);
    expect(bad(null)).toThrow(PayloadDecodeError);
    expect(bad(Buffer.from('not json'))).toThrow(/not JSON/);
    expect(bad(Buffer.from(JSON.stringify({ variables: {} })))).toThrow(/operation name/);
    expect(bad(pushRequest('%%%'))).toThrow(/not base64/);
    expect(bad(pushRequest(Buffer.from('plain, not gzip').toString('base64')))).toThrow(/does not gunzip/);
    expect(bad(pushRequest(gzipSync('{"events":').toString('base64')))).toThrow(/not JSON/);
    expect(bad(pushRequest(gzipSync(JSON.stringify({ events: { events: [{ nope: 1 }] } })).toString('base64')))).toThrow(/not an rrweb event/);
    expect(bad(pushRequest(gzipSync(JSON.stringify({ messages: '{}' })).toString('base64')))).toThrow(/no events\.events/);
    expect(bad(Buffer.from([0x1f, 0x8b, 0, 1, 2]), 'https://otel.highlight.io/v1/traces')).toThrow(PayloadDecodeError);
    // A well-formed push with nothing planted decodes to no finding.
    const clean = decodeHighlightRequest(url, pushRequest(gzipSync(JSON.stringify({ events: { events: [{ type: 4, timestamp: 1, data: { href: 'https://x.test/', width: 1, height: 1 } }] }, messages: '{"messages":[]}' })).toString('base64')));
    expect(clean.kind === 'graphql' && clean.push?.events).toHaveLength(1);
    expect(graphqlReply('identifySession', {})).toBe('{"data":{"identifySession":null}}');
  });
});
