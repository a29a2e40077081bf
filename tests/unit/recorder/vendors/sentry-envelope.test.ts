import { EventType, IncrementalSource, type eventWithTime } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { PayloadDecodeError } from '../../../../src/recorder/vendors/decode-error.ts';
import { decodeReplayRecording, decodeSentryEnvelope, parseEnvelope } from '../../../../src/recorder/vendors/sentry/envelope.ts';
import { canary, contains, isRrwebEvent, loadPayload } from './payloads.ts';

const inputs = (events: eventWithTime[]) =>
  events.filter((e) => e.type === EventType.IncrementalSnapshot && e.data.source === IncrementalSource.Input).map((e) => (e.data as { text: string }).text);

describe('Sentry envelopes captured from @sentry/browser', () => {
  it('inflates a replay segment the compression worker deflated, back to rrweb events', () => {
    const payload = loadPayload('sentry', 'replay-zlib-leaky');
    const envelope = decodeSentryEnvelope(payload.body);
    expect(envelope.replay?.compression).toBe('zlib');
    expect(envelope.replay?.segmentId).toBe(0);
    const events = envelope.replay!.events;
    expect(events.every(isRrwebEvent)).toBe(true);
    expect(events.some((e) => e.type === EventType.FullSnapshot)).toBe(true);
    // The replay_event stays with it: its urls are scanned too.
    expect(envelope.replay?.replayEvent.type).toBe('replay_event');
    expect(envelope.replay?.replayEvent.urls).toEqual([expect.stringMatching(/\/checkout$/)]);
  });

  it('finds the unmasked inputs of a leaky config only after inflating: the raw bytes hide them', () => {
    const payload = loadPayload('sentry', 'replay-zlib-leaky');
    const email = canary('person › email');
    expect(contains(payload.body.toString('latin1'), email)).toBe(false);
    const typed = inputs(decodeSentryEnvelope(payload.body).replay!.events);
    expect(typed).toContain(email.value);
  });

  it('reads a plain (useCompression false) segment; with the default options inputs are ****', () => {
    const envelope = decodeSentryEnvelope(loadPayload('sentry', 'replay-plain-default').body);
    expect(envelope.replay?.compression).toBe('none');
    const typed = inputs(envelope.replay!.events);
    expect(typed.length).toBeGreaterThan(0);
    expect(typed.every((text) => /^\**$/.test(text))).toBe(true);
    for (const label of ['person › email', 'person › full name', 'person › card number']) expect(contains(envelope, canary(label)), label).toBe(false);
  });

  it('keeps network details the leaky config allowed: the Authorization header carries the token', () => {
    const envelope = decodeSentryEnvelope(loadPayload('sentry', 'replay-zlib-leaky-login').body);
    const spans = envelope.replay!.events.filter((e) => e.type === EventType.Custom && e.data.tag === 'performanceSpan');
    const profile = spans.find((e) => JSON.stringify(e.data).includes('/api/profile'));
    expect(contains(profile, canary('session › auth token'))).toBe(true);
    // The default config records the same request without details: no token.
    const quiet = decodeSentryEnvelope(loadPayload('sentry', 'replay-plain-default-login').body);
    expect(JSON.stringify(quiet.replay!.events)).toContain('/api/profile');
    expect(contains(quiet, canary('session › auth token'))).toBe(false);
  });

  it('decodes an error event envelope as JSON items beside the replay', () => {
    const envelope = decodeSentryEnvelope(loadPayload('sentry', 'error-event').body);
    expect(envelope.replay).toBeUndefined();
    expect(envelope.others.map((item) => item.type)).toEqual(['event']);
    const event = envelope.others[0]!.payload as { exception: { values: { value: string }[] } };
    // Replay's masking does not reach error events: the name in the thrown message is sent as is.
    expect(contains(event.exception.values[0]!.value, canary('person › full name'))).toBe(true);
  });
});

describe('Sentry envelope decoding rejects what the SDK does not send', () => {
  const header = '{"event_id":"x"}\n';

  it('an envelope whose header is not JSON', () => {
    expect(() => parseEnvelope(Buffer.from('nope\n{"type":"event"}\n{}'))).toThrow(PayloadDecodeError);
  });

  it('an item claiming more bytes than there are', () => {
    expect(() => parseEnvelope(Buffer.from(`${header}{"type":"replay_recording","length":999}\n{"segment_id":0}\n[]`))).toThrow(/claims 999 bytes/);
  });

  it('a recording without its replay_event', () => {
    const recording = '{"segment_id":0}\n[]';
    expect(() => decodeSentryEnvelope(Buffer.from(`${header}{"type":"replay_recording","length":${recording.length}}\n${recording}`))).toThrow(/without a replay_event/);
  });

  it('a segment that is not rrweb events', () => {
    expect(() => decodeReplayRecording(Buffer.from('{"segment_id":0}\n[{"hello":1}]'))).toThrow(/not an rrweb event/);
    expect(() => decodeReplayRecording(Buffer.from('[]'))).toThrow(/no header line/);
  });

  it('reads payloads that run to the newline when the item header has no length', () => {
    const envelope = parseEnvelope(Buffer.from(`${header}{"type":"session"}\n{"sid":"1"}\n{"type":"client_report"}\n{"discarded_events":[]}\n`));
    expect(envelope.items.map((item) => item.header.type)).toEqual(['session', 'client_report']);
    expect(envelope.items[0]!.payload.toString()).toBe('{"sid":"1"}');
  });
});
