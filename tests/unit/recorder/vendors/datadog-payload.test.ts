import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { EventType, IncrementalSource, type eventWithTime } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import type { IngestRequest } from '../../../../src/contract/recording.ts';
import { PayloadDecodeError } from '../../../../src/recorder/vendors/decode-error.ts';
import { datadogIntake, decodeEventsBody, decodeReplayBody, parseMultipart } from '../../../../src/recorder/vendors/datadog/payload.ts';
import { datadogReaders } from '../../../../src/recorder/vendors/datadog/readers.ts';
import { splitRumEvents } from '../../../../src/recorder/vendors/datadog/rum-events.ts';
import { DatadogTranslator, maskedText } from '../../../../src/recorder/vendors/datadog/translate.ts';
import { isMasked } from '../../../../src/verdict/recording-queries.ts';
import { createDatadogObserveDecoder, isDatadogIntake } from '../../../../src/recorder/vendors/datadog/observe.ts';
import { root } from '../../../helpers/run-cli.ts';
import { canary, contains, isRrwebEvent } from './payloads.ts';

/** A request @datadog/browser-rum 7.16.2 made, captured by fixtures/vendor-payloads/datadog/capture.ts. */
function load(name: string): { url: string; body: Buffer; note: string } {
  const raw = JSON.parse(readFileSync(join(root, 'fixtures/vendor-payloads/datadog', `${name}.json`), 'utf8')) as { url: string; bodyBase64: string; note: string };
  return { ...raw, body: Buffer.from(raw.bodyBase64, 'base64') };
}

function replayEvents(name: string): eventWithTime[] {
  return new DatadogTranslator().translate(decodeReplayBody(load(name).body).records);
}

const inputs = (events: eventWithTime[]) =>
  events.filter((e) => e.type === EventType.IncrementalSnapshot && e.data.source === IncrementalSource.Input).map((e) => e.data as { id: number; text: string });

type Node = { type: number; id: number; tagName?: string; attributes?: Record<string, string>; textContent?: string; childNodes?: Node[] };
function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.childNodes ?? []) yield* walk(child);
}
const snapshotNodes = (events: eventWithTime[]) => [...walk((events.find((e) => e.type === EventType.FullSnapshot)!.data as { node: Node }).node)];

describe('Datadog replay segments captured from @datadog/browser-rum 7.16.2', () => {
  it('reads the multipart body: the deflated segment and its event JSON, sent through the proxy', () => {
    const payload = load('replay-default-checkout');
    expect(datadogIntake(payload.url)).toMatchObject({ path: '/api/v2/replay', track: 'replay' });
    expect(parseMultipart(payload.body).map((part) => part.name)).toEqual(['segment', 'event']);
    const segment = decodeReplayBody(payload.body);
    expect(segment.event).toMatchObject({ source: 'browser', records_count: segment.records.length });
    expect(segment.event.compressed_segment_size).toBe(segment.compressedBytes);
    expect(segment.rawBytes).toBeGreaterThan(segment.compressedBytes);
    // Its own format: a Change-format full snapshot (type 2, format 1), not rrweb's node tree.
    expect(segment.records.some((r) => (r as { type: number; format?: number }).type === 2 && (r as { format?: number }).format === 1)).toBe(true);
  });

  it('rebuilds the full snapshot as an rrweb node tree: lower-case tags, ids from 1, attributes and CSS', () => {
    const events = replayEvents('replay-default-checkout');
    expect(events.every(isRrwebEvent)).toBe(true);
    expect(events.map((e) => e.type).slice(0, 3)).toEqual([EventType.Meta, EventType.Custom, EventType.FullSnapshot]);
    const nodes = snapshotNodes(events);
    expect(nodes[0]).toMatchObject({ type: 0, id: 1 });
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    const fullName = nodes.find((n) => n.attributes?.id === 'full-name');
    expect(fullName).toMatchObject({ type: 2, tagName: 'input' });
    // The page's style sheet rides on its <link> as rrweb's _cssText.
    expect(nodes.some((n) => n.tagName === 'link' && (n.attributes?._cssText ?? '').includes('box-sizing'))).toBe(true);
    // Typed values arrive as Input events on the rebuilt nodes' ids.
    const typed = inputs(events);
    expect(typed.map((i) => i.id)).toContain(fullName!.id);
  });

  it('default (mask-user-input): inputs are "***", yet the name the page echoes is recorded as text', () => {
    const events = replayEvents('replay-default-checkout');
    const typed = inputs(events);
    expect(typed.length).toBeGreaterThan(0);
    expect(typed.every((i) => i.text === '***')).toBe(true);
    for (const label of ['person › email', 'person › card number']) expect(contains(events, canary(label)), label).toBe(false);
    const mutations = events.filter((e) => e.type === EventType.IncrementalSnapshot && e.data.source === IncrementalSource.Mutation);
    expect(contains(mutations, canary('person › full name'))).toBe(true);
  });

  it('leaky (allow): the typed name and card number are recorded; email inputs stay masked whatever the level', () => {
    const payload = load('replay-leaky-checkout');
    // Deflated: the raw bytes hide what the segment carries.
    expect(contains(payload.body.toString('latin1'), canary('person › card number'))).toBe(false);
    const typed = inputs(replayEvents('replay-leaky-checkout')).map((i) => i.text);
    expect(typed).toContain(canary('person › full name').value);
    expect(typed).toContain(canary('person › card number').value);
    expect(typed).not.toContain(canary('person › email').value);
  });

  it('keeps records with no rrweb shape (focus, visual viewport) as datadog/* Custom events', () => {
    const tags = replayEvents('replay-default-login').filter((e) => e.type === EventType.Custom).map((e) => (e.data as { tag: string }).tag);
    expect(tags).toContain('datadog/focus');
    expect(tags).toContain('datadog/visual-viewport');
  });
});

describe('Datadog RUM batches captured from @datadog/browser-rum 7.16.2', () => {
  it('resources carry full URLs: the ?token= of the login page reaches Datadog under the defaults', () => {
    const payload = load('rum-default-login');
    const intake = datadogIntake(payload.url)!;
    expect(intake.track).toBe('rum');
    const { resources, others } = splitRumEvents(decodeEventsBody(payload.body, intake));
    expect(others.map((e) => e.type)).toContain('view');
    const requests = datadogReaders.requests(resources);
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(expect.arrayContaining(['GET /api/profile', 'GET /api/orders', 'GET /api/session', 'POST /api/track']));
    const orders = requests.find((r) => r.url.includes('/api/orders'))!;
    expect(contains(orders.url, canary('session › auth token'))).toBe(true);
    // Documents, scripts and images are resources too, but not API requests.
    expect(requests.every((r) => r.method !== undefined)).toBe(true);
  });

  it('errors are RUM error events with their messages: the thrown name is sent as is', () => {
    const payload = load('rum-default-account-error');
    const { others } = splitRumEvents(decodeEventsBody(payload.body, datadogIntake(payload.url)!));
    const ingests = [{ receivedAt: 0, url: '', events: 0, metadata: { vendor: 'datadog', kind: 'rum', payload: others } }] as unknown as IngestRequest[];
    expect(datadogReaders.errors({ events: [], ingests })).toEqual([{ shape: 'datadog rum error' }]);
    const error = others.find((e) => e.type === 'error') as { error: { message: string } };
    expect(contains(error.error.message, canary('person › full name'))).toBe(true);
    // A batch without an error event reads as none.
    const none = [{ receivedAt: 0, url: '', events: 0, metadata: { vendor: 'datadog', kind: 'rum', payload: others.filter((e) => e.type !== 'error') } }] as unknown as IngestRequest[];
    expect(datadogReaders.errors({ events: [], ingests: none })).toEqual([]);
  });

  it('actions are named from the clicked element (enablePrivacyForActionName false in the leaky capture)', () => {
    const payload = load('rum-leaky-actions');
    const { others } = splitRumEvents(decodeEventsBody(payload.body, datadogIntake(payload.url)!));
    const action = others.find((e) => e.type === 'action') as { action: { type: string; target: { name: string } } };
    expect(action.action).toMatchObject({ type: 'click', target: { name: 'Place order' } });
  });

  it('observe mode reads the same requests on the intake host or the proxy, one translator per session', () => {
    expect(isDatadogIntake(new URL('https://browser-intake-datadoghq.com/api/v2/replay?dd-request-id=1'))).toBe(true);
    expect(isDatadogIntake(new URL('https://browser-intake-us5-datadoghq.com/api/v2/rum'))).toBe(true);
    expect(isDatadogIntake(new URL('https://example.com/api/v2/rum'))).toBe(false);
    const decode = createDatadogObserveDecoder();
    const replay = decode(load('replay-leaky-checkout'));
    expect(replay.batches[0]!.events.some((e) => e.type === EventType.FullSnapshot)).toBe(true);
    expect(replay.batches[0]!.metadata).toMatchObject({ vendor: 'datadog', kind: 'replay_segment' });
    const rum = decode(load('rum-default-login'));
    expect(rum.batches.map((b) => (b.metadata as { kind?: string } | undefined)?.kind)).toEqual([undefined, 'rum']);
  });
});

describe('Datadog decoding rejects what the SDK does not send', () => {
  const multipart = (parts: { name: string; data: Buffer }[]) =>
    Buffer.concat([
      ...parts.flatMap((p) => [Buffer.from(`--b\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n`), p.data, Buffer.from('\r\n')]),
      Buffer.from('--b--\r\n'),
    ]);

  it('a replay body that is not multipart', () => {
    expect(() => decodeReplayBody(Buffer.from('{"records":[]}'))).toThrow(PayloadDecodeError);
  });

  it('a segment that does not inflate, or is not a segment', () => {
    expect(() => decodeReplayBody(multipart([{ name: 'segment', data: Buffer.from('plain') }, { name: 'event', data: Buffer.from('{}') }]))).toThrow(/did not inflate/);
    expect(() => decodeReplayBody(multipart([{ name: 'segment', data: deflateSync('{"nope":1}') }, { name: 'event', data: Buffer.from('{}') }]))).toThrow(/without a "records" array/);
    expect(() => decodeReplayBody(multipart([{ name: 'event', data: Buffer.from('{}') }]))).toThrow(/without a "segment" part/);
  });

  it('a RUM batch line that is not JSON', () => {
    expect(() => decodeEventsBody(Buffer.from('{"type":"view"}\nnot json'), datadogIntake('https://x.invalid/p?ddforward=%2Fapi%2Fv2%2Frum')!)).toThrow(/rum event is not JSON/);
  });

  it('an unknown change type, or a reference to a string the table never had', () => {
    expect(() => new DatadogTranslator().translate([{ type: 12, timestamp: 1, data: [[99, 1]] }])).toThrow(/unknown replay change type 99/);
    expect(() => new DatadogTranslator().translate([{ type: 2, format: 1, timestamp: 1, data: [[1, [null, 7]]] }])).toThrow(/unknown string 7/);
  });
});

describe('Datadog Change records as rrweb mutations', () => {
  // #document > html > body > (div#x, p > "a"). The string table takes the groups in order:
  // 0 #document, 1 html, 2 body, 3 p, 4 #text, 5 div (node names), 6 a (text), 7 id (attribute name), 8 x (value).
  const snapshot = {
    type: 2, format: 1, timestamp: 1,
    data: [
      [11, [1, '#document', 'html', 'body', 'p', '#text', 'div'], [4, 'a'], [2, 'id'], [3, 'x']],
      [1, [null, 0], [1, 1], [1, 2], [1, 3], [1, 4, 6], [-2, 5, [7, 8]]],
    ],
  };

  it('places nodes by insertion point: append (N), after the previous id (0), before a sibling (-N)', () => {
    const translator = new DatadogTranslator();
    const [full] = translator.translate([snapshot]);
    const body = (full!.data as { node: Node }).node.childNodes![0]!.childNodes![0]!;
    // The div (-2: before node 3, the p) comes first; ids are Datadog's + 1.
    expect(body.childNodes!.map((n) => [n.tagName, n.id, n.attributes])).toEqual([['div', 6, { id: 'x' }], ['p', 4, {}]]);
    expect(body.childNodes![1]!.childNodes![0]).toMatchObject({ type: 3, textContent: 'a', id: 5 });
    // A later record: the string table carries over (9 span, 10 b, 11 ***); a span appended to the body (4: the
    // node 4 ids lower), a b after it (0: after the previous id), the div removed, an attribute, a text, an input value.
    const [mutation, input] = translator.translate([
      { type: 12, timestamp: 2, data: [[11, [1, 'span'], [4, 'b'], [5, '***']], [1, [4, 9], [0, 9]], [2, 5], [3, [3, [7, 8]]], [4, [4, 10]], [12, [6, 11]]] },
    ]);
    expect(mutation!.data).toEqual({
      source: IncrementalSource.Mutation,
      adds: [
        { parentId: 3, nextId: null, node: { type: 2, tagName: 'span', attributes: {}, childNodes: [], id: 7 } },
        { parentId: 3, nextId: null, node: { type: 2, tagName: 'span', attributes: {}, childNodes: [], id: 8 } },
      ],
      removes: [{ parentId: 3, id: 6 }],
      texts: [{ id: 5, value: 'b' }],
      attributes: [{ id: 4, attributes: { id: 'x' } }],
    });
    expect(input!.data).toEqual({ source: IncrementalSource.Input, id: 7, text: '***', isChecked: false });
    // Inserting before a node (-N) puts the new node ahead of it in the same parent.
    const [before] = translator.translate([{ type: 12, timestamp: 3, data: [[1, [-5, 5]]] }]);
    expect((before!.data as { adds: unknown[] }).adds).toEqual([{ parentId: 3, nextId: 4, node: { type: 2, tagName: 'div', attributes: {}, childNodes: [], id: 9 } }]);
  });
});

describe("Datadog's masked text (x for every character) reads as masked; real text does not", () => {
  it('writes an all-x text with rrweb\'s * so the audits see it masked', () => {
    expect(maskedText('xxxxx xxxxxxxxxxxxx')).toBe('***** *************');
    expect(isMasked(maskedText('xxxxx xxxxxxx'))).toBe(true);
    expect(isMasked('xxxxx xxxxxxx')).toBe(false);
  });

  it('leaves text with any other character as it is: unmasked', () => {
    expect(maskedText('Maxx Lex')).toBe('Maxx Lex');
    expect(isMasked(maskedText('Maxx Lex'))).toBe(false);
    expect(maskedText('  ')).toBe('  ');
  });
});

