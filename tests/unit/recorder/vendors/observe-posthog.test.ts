import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PayloadDecodeError } from '../../../../src/recorder/vendors/decode-error.ts';
import type { ObservedIngestRequest } from '../../../../src/recorder/vendors/descriptor.ts';
import { posthogVendor } from '../../../../src/recorder/vendors/posthog/index.ts';
import { decodeObservedPosthog, isPosthogBatchPath, isPosthogHost, posthogLocalAnswer } from '../../../../src/recorder/vendors/posthog/observe.ts';
import { isVendorMetadata } from '../../../../src/recorder/vendors/vendor-metadata.ts';

// Bodies posthog-js 1.449.2 posted in real runs (fixtures/vendor-payloads/capture.ts), re-addressed to
// an app's reverse-proxy path: observe mode reads the same bytes there.
function captured(name: string, proxied = true): ObservedIngestRequest {
  const record = JSON.parse(readFileSync(`fixtures/vendor-payloads/posthog/${name}.json`, 'utf8')) as { method: string; url: string; bodyBase64: string; contentType: string };
  const original = new URL(record.url);
  const url = proxied ? `http://127.0.0.1:3000/ingest${original.pathname}${original.search}` : record.url;
  return { method: record.method, url, body: Buffer.from(record.bodyBase64, 'base64'), headers: { 'content-type': record.contentType } };
}

describe('observe mode: PostHog ingest', () => {
  it('matches PostHog\'s hosts, and the app\'s reverse-proxy path only when ingest.url names it', () => {
    expect(isPosthogHost('us.i.posthog.com')).toBe(true);
    expect(isPosthogHost('eu-assets.i.posthog.com')).toBe(true);
    expect(isPosthogHost('app.posthog.com')).toBe(true);
    expect(isPosthogHost('posthog.com.evil.test')).toBe(false);
    expect(isPosthogHost('127.0.0.1')).toBe(false);
    const plain = posthogVendor.observe!.matcher({ observe: 'posthog' }) as (url: URL) => boolean;
    expect(plain(new URL('https://us.i.posthog.com/s/?ver=1'))).toBe(true);
    expect(plain(new URL('http://127.0.0.1:3000/ingest/s/'))).toBe(false);
    const proxied = posthogVendor.observe!.matcher({ observe: 'posthog', ingest: { url: '**/ingest/**' } });
    expect(proxied).toHaveLength(2);
    expect((proxied as unknown[])[1]).toBe('**/ingest/**');
    expect(['/ingest/s/', '/e/', '/ingest/i/v0/e/', '/batch/'].every(isPosthogBatchPath)).toBe(true);
    expect(['/ingest/flags/', '/ingest/i/v1/logs', '/ingest/array/phc_x/config'].some(isPosthogBatchPath)).toBe(false);
  });

  it('answers the remote config with session recording on (JSON and config.js), flags, and serves the lazy recorder from the installed posthog-js', () => {
    const get = (path: string): ObservedIngestRequest => ({ method: 'GET', url: `http://127.0.0.1:3000/ingest${path}`, body: null, headers: {} });
    const json = posthogLocalAnswer(get('/array/phc_app/config'))!;
    const config = JSON.parse(String(json.body)) as { token: string; sessionRecording: { endpoint: string } };
    expect(config.token).toBe('phc_app');
    expect(config.sessionRecording.endpoint).toBe('/s/');
    const script = String(posthogLocalAnswer(get('/array/phc_app/config.js'))!.body);
    const window = {} as { _POSTHOG_REMOTE_CONFIG?: Record<string, { config: { sessionRecording: unknown } }> };
    new Function('window', script)(window);
    expect(window._POSTHOG_REMOTE_CONFIG!.phc_app!.config.sessionRecording).toMatchObject({ endpoint: '/s/' });
    const flags = posthogLocalAnswer({ method: 'POST', url: 'https://us.i.posthog.com/flags/?v=2', body: Buffer.from('{}'), headers: {} })!;
    expect(JSON.parse(String(flags.body))).toMatchObject({ featureFlags: {} });
    const recorder = posthogLocalAnswer(get('/static/lazy-recorder.js?v=1.449.2'))!;
    expect(recorder.contentType).toBe('text/javascript');
    expect(recorder.body.length).toBeGreaterThan(10_000);
    expect(posthogLocalAnswer(get('/static/../../etc/passwd.js'))?.status ?? 404).toBe(404);
    // Recorder traffic is not answered locally: it is decoded.
    expect(posthogLocalAnswer(captured('snapshot-gzip-default'))).toBeUndefined();
  });

  it('decodes a gzip $snapshot batch (per-event gzip) into rrweb events with the $snapshot properties as metadata', () => {
    const decoded = decodeObservedPosthog(captured('snapshot-gzip-default'));
    expect(JSON.parse(decoded.reply!)).toEqual({ status: 1 });
    const snapshot = decoded.batches[0]!;
    expect(snapshot.events.some((e) => e.type === 2)).toBe(true);
    expect(isVendorMetadata(snapshot.metadata)).toBe(true);
    expect(snapshot.metadata).toMatchObject({ vendor: 'posthog', kind: '$snapshot', payload: { encoding: 'gzip' } });
    expect((snapshot.metadata as { payload: Record<string, unknown> }).payload.$snapshot_data).toBeUndefined();
  });

  it('decodes what an unmasked recorder sent: the typed values are in the events (the leak a check must see)', () => {
    const decoded = decodeObservedPosthog(captured('snapshot-json-unmasked'));
    const inputs = decoded.batches.flatMap((b) => b.events).filter((e) => e.type === 3 && (e.data as { source?: number }).source === 5);
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.some((e) => !/^\*+$/.test(String((e.data as { text?: unknown }).text)))).toBe(true);
  });

  it('decodes an analytics beacon (base64 form body, the unload path) into one metadata-only batch of events', () => {
    const decoded = decodeObservedPosthog(captured('analytics-beacon-base64'));
    const events = decoded.batches.find((b) => (b.metadata as { kind?: string }).kind === 'events')!;
    expect(events.events).toEqual([]);
    expect((events.metadata as { payload: { event: string }[] }).payload.map((e) => e.event)).toContain('$autocapture');
  });

  it('decodes what an app\'s own posthog-js posted to its reverse proxy (Lantern Tea, leaky build): the typed values are in the events, unmasked', () => {
    const record = JSON.parse(readFileSync('fixtures/vendor-payloads/observe-posthog/ingest-leaky-checkout.json', 'utf8')) as { url: string; bodyBase64: string };
    expect(record.url.startsWith('/ingest/s/')).toBe(true);
    const decoded = decodeObservedPosthog({ method: 'POST', url: `http://127.0.0.1:3000${record.url}`, body: Buffer.from(record.bodyBase64, 'base64'), headers: {} });
    expect(decoded.batches[0]!.metadata).toMatchObject({ vendor: 'posthog', kind: '$snapshot', payload: { encoding: 'gzip' } });
    const text = JSON.stringify(decoded.batches.flatMap((b) => b.events));
    expect(text).toContain('ada.quill@example.test');
    expect(text).toContain('Ada Quill');
  });

  it('rejects what is not a PostHog batch (kept as a malformed payload, never as an empty batch)', () => {
    const base = { method: 'POST', url: 'http://127.0.0.1:3000/ingest/s/', headers: {} };
    expect(() => decodeObservedPosthog({ ...base, body: null })).toThrow(PayloadDecodeError);
    expect(() => decodeObservedPosthog({ ...base, body: Buffer.from('not json') })).toThrow(PayloadDecodeError);
    expect(() => decodeObservedPosthog({ ...base, body: Buffer.from('[{"event":"$snapshot","properties":{}}]') })).toThrow(PayloadDecodeError);
  });
});
