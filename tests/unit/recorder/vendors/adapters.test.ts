import { EventType, type eventWithTime } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { parseRecorderConfig } from '../../../../src/config/recorder-config.ts';
import type { SentryRecorderConfig } from '../../../../src/recorder/vendors/sentry/config.ts';
import type { PosthogRecorderConfig } from '../../../../src/recorder/vendors/posthog/config.ts';
import { PayloadDecodeError } from '../../../../src/recorder/vendors/decode-error.ts';
import { PosthogAdapter } from '../../../../src/recorder/vendors/posthog/posthog-adapter.ts';
import { SentryAdapter } from '../../../../src/recorder/vendors/sentry/sentry-adapter.ts';
import type { UrlLogEntry } from '../../../../src/recorder/vendors/url-timeline.ts';
import type { VendorRequest } from '../../../../src/recorder/vendors/vendor-adapter.ts';
import { isVendorMetadata } from '../../../../src/recorder/vendors/vendor-metadata.ts';
import { loadPayload } from './payloads.ts';

class TestSentry extends SentryAdapter {
  decode(request: VendorRequest) {
    return this.handle(request);
  }
}
class TestPosthog extends PosthogAdapter {
  decode(request: VendorRequest) {
    return this.handle(request);
  }
}

const sentry = (options: object = {}) => new TestSentry(parseRecorderConfig({ recorder: 'sentry', options }, 'sentry.json') as SentryRecorderConfig);
const posthog = (raw: object = {}) => new TestPosthog(parseRecorderConfig({ recorder: 'posthog', ...raw }, 'posthog.json') as PosthogRecorderConfig);

function request(vendor: 'sentry' | 'posthog', name: string, urlLog: UrlLogEntry[] = []): VendorRequest {
  const payload = loadPayload(vendor, name);
  return { method: payload.method, url: payload.url, body: payload.body, pageUrl: 'http://app.test/page', urlLog };
}

describe('Sentry adapter, on envelopes the SDK sent', () => {
  it('delivers the replay as rrweb events with the replay_event as metadata, on the URL of each event', () => {
    const handled = sentry().decode(request('sentry', 'replay-zlib-leaky'));
    expect(handled.reply.status).toBe(200);
    expect(handled.batches).toHaveLength(1);
    const [batch] = handled.batches;
    // No URL log: the page's Meta event tells where it was recorded.
    expect(batch!.url).toMatch(/\/checkout$/);
    expect(batch!.events.length).toBeGreaterThan(10);
    expect(isVendorMetadata(batch!.metadata) && batch!.metadata.kind).toBe('replay_event');
  });

  it('delivers an error event as metadata with no events (scanned, not counted as a replay ingest)', () => {
    const [batch, ...rest] = sentry().decode(request('sentry', 'error-event')).batches;
    expect(rest).toEqual([]);
    expect(batch!.events).toEqual([]);
    expect(batch!.url).toBe('http://app.test/page');
    expect(isVendorMetadata(batch!.metadata) && batch!.metadata.kind).toBe('event');
  });

  it('rejects what is not an envelope, and requests to other endpoints', () => {
    const bad = { ...request('sentry', 'error-event'), body: Buffer.from('garbage') };
    expect(() => sentry().decode(bad)).toThrow(PayloadDecodeError);
    expect(() => sentry().decode({ ...bad, url: 'https://o0.ingest.sentry.invalid/api/1/store/' })).toThrow(/unexpected request/);
  });

  it('cannot block routes; always records network and errors', () => {
    expect(sentry().capabilities).toEqual({ routeBlocking: false, networkRecording: true, errorRecording: true });
  });
});

describe('PostHog adapter, on batches the SDK sent', () => {
  it('answers the remote config as a project with replay on, and the project settings of the config', () => {
    const config = (adapter: TestPosthog) =>
      JSON.parse(adapter.decode({ method: 'GET', url: 'https://ph.maskproof.invalid/array/phc_x/config', body: null, pageUrl: '', urlLog: [] }).reply.body!);
    const defaults = config(posthog());
    expect(defaults.sessionRecording).toMatchObject({ endpoint: '/s/', consoleLogRecordingEnabled: true, networkPayloadCapture: null, urlBlocklist: [] });
    expect(defaults.capturePerformance).toMatchObject({ network_timing: true });
    const custom = config(posthog({ project: { consoleLogs: false, networkTiming: false, recordBody: true, urlBlocklist: ['/admin'] } }));
    expect(custom.sessionRecording).toMatchObject({ consoleLogRecordingEnabled: false, networkPayloadCapture: { recordHeaders: false, recordBody: true }, urlBlocklist: [{ url: '/admin', matching: 'regex' }] });
    expect(custom.capturePerformance).toBe(false);
  });

  it('delivers $snapshot events as rrweb, split by the URL each was recorded on', () => {
    const payload = request('posthog', 'snapshot-gzip-default');
    const events = (posthog().decode(payload).batches[0]?.events ?? []) as eventWithTime[];
    const meta = events.find((e) => e.type === EventType.Meta)!;
    const middle = events[Math.floor(events.length / 2)]!;
    // A client-side route change halfway through the batch.
    const urlLog = [
      { t: meta.timestamp, href: 'http://app.test/checkout', doc: 'd1' },
      { t: middle.timestamp, href: 'http://app.test/checkout/done', doc: 'd1' },
    ];
    const batches = posthog().decode({ ...payload, urlLog }).batches.filter((b) => b.events.length > 0);
    expect(batches.map((b) => new URL(b.url).pathname)).toEqual(['/checkout', '/checkout/done']);
    expect(batches[0]!.metadata).toMatchObject({ vendor: 'posthog', kind: '$snapshot' });
    expect(batches[1]!.metadata).toBeUndefined();
  });

  it('keeps analytics events whole as metadata and drops its own flush markers', () => {
    const batches = posthog().decode(request('posthog', 'analytics-gzip-default')).batches;
    expect(batches).toHaveLength(1);
    const metadata = batches[0]!.metadata as { kind: string; payload: { event: string }[] };
    expect(metadata.kind).toBe('events');
    expect(metadata.payload.map((e) => e.event)).toContain('$autocapture');
    expect(metadata.payload.map((e) => e.event)).not.toContain('maskproof_flush_marker');
  });

  it('derives what it can do from the options and project settings', () => {
    expect(posthog().capabilities).toEqual({ routeBlocking: false, networkRecording: true, errorRecording: true });
    expect(posthog({ options: { capture_performance: false, enable_recording_console_log: false }, project: { urlBlocklist: ['/admin'] } }).capabilities).toEqual({
      routeBlocking: true,
      networkRecording: false,
      errorRecording: false,
    });
    expect(posthog({ options: { capture_performance: false, session_recording: { recordHeaders: true } } }).capabilities.networkRecording).toBe(true);
  });
});
