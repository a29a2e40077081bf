import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { amplitudeVendor } from '../../../../src/recorder/vendors/amplitude/index.ts';
import { AMPLITUDE_REMOTE_CONFIG_REPLY, type ObserveDescriptorWithGetReply, decodeObservedAmplitude } from '../../../../src/recorder/vendors/amplitude/observe.ts';
import { PayloadDecodeError } from '../../../../src/recorder/vendors/decode-error.ts';

// Track requests @amplitude/session-replay-browser 1.51.6 sent in real runs (fixtures/vendor-payloads/amplitude/capture.mjs).
function captured(name: 'default' | 'leaky' | 'remote-leaky'): { url: string; body: Buffer; headers: Record<string, string> } {
  const record = JSON.parse(readFileSync(`fixtures/vendor-payloads/amplitude/track-gzip-${name}.json`, 'utf8')) as { url: string; bodyBase64: string; headers: Record<string, string> };
  return { url: record.url, body: Buffer.from(record.bodyBase64, 'base64'), headers: record.headers };
}

type UrlPredicate = (url: URL) => boolean;
const inputTexts = (events: { type: number; data: unknown }[]) =>
  events.filter((e) => e.type === 3 && (e.data as { source: number }).source === 5).map((e) => (e.data as { text: string }).text);

describe('observe mode: Amplitude ingest', () => {
  it('matches /sessions/v2/track on Amplitude hosts and behind a proxy path, the remote config fetch, not unrelated URLs', () => {
    const matcher = amplitudeVendor.observe!.matcher({ observe: 'amplitude' }) as UrlPredicate;
    expect(matcher(new URL(captured('default').url))).toBe(true);
    expect(matcher(new URL('https://api-sr.eu.amplitude.com/sessions/v2/track?device_id=d&session_id=1&type=replay'))).toBe(true);
    expect(matcher(new URL('https://shop.example.test/amp/sessions/v2/track?device_id=d'))).toBe(true);
    expect(matcher(new URL('https://sr-client-cfg.amplitude.com/config/abc123?config_group=browser'))).toBe(true);
    expect(matcher(new URL('https://api2.amplitude.com/2/httpapi'))).toBe(false);
    expect(matcher(new URL('https://shop.example.test/sessions/v2/tracking'))).toBe(false);
    expect(matcher(new URL('https://shop.example.test/config/app?x=1'))).toBe(false);
    const proxied = amplitudeVendor.observe!.matcher({ observe: 'amplitude', ingest: { url: '**/sr-proxy' } });
    expect(proxied).toHaveLength(2);
    expect((proxied as unknown[])[1]).toBe('**/sr-proxy');
  });

  it('has the remote config answer that keeps capture on with the local settings (not the `{}` that turns it off)', () => {
    const observe = amplitudeVendor.observe as ObserveDescriptorWithGetReply;
    expect(observe.getReply!(new URL('https://sr-client-cfg.amplitude.com/config/k?config_group=browser'))).toBe(AMPLITUDE_REMOTE_CONFIG_REPLY);
    expect(JSON.parse(AMPLITUDE_REMOTE_CONFIG_REPLY)).toEqual({ configs: { sessionReplay: {} } });
    expect(observe.getReply!(new URL('https://api-sr.amplitude.com/sessions/v2/track'))).toBeUndefined();
    // The observe adapter asks localAnswer first: the config GET gets the same answer, a track POST none.
    const config = observe.localAnswer!({ method: 'GET', url: 'https://sr-client-cfg.amplitude.com/config/k?config_group=browser', body: null, headers: {} }, {} as never);
    expect(config).toEqual({ contentType: 'application/json', body: AMPLITUDE_REMOTE_CONFIG_REPLY });
    expect(observe.localAnswer!({ method: 'POST', url: 'https://api-sr.amplitude.com/sessions/v2/track', body: null, headers: {} }, {} as never)).toBeUndefined();
  });

  it('decodes a real gzip batch (default "medium" privacy): inputs masked, but the name the page echoes back is in the text', () => {
    const decoded = decodeObservedAmplitude(captured('default'));
    expect(decoded.batches).toHaveLength(1);
    const { events, metadata } = decoded.batches[0]!;
    expect(events.some((e) => e.type === 2)).toBe(true);
    expect(metadata).toMatchObject({ vendor: 'amplitude', kind: 'replay', payload: { type: 'replay', device_id: 'device-7f3a', version: 1, compression: 'gzip' } });
    expect((metadata as { payload: { clientUrl: string } }).payload.clientUrl).toMatch(/\/checkout$/);
    expect(JSON.stringify(metadata)).not.toContain('maskproof0test0api0key');
    const inputs = inputTexts(events);
    expect(inputs).toContain('*** *****');
    expect(inputs.join(' ')).not.toContain('Ada Quill');
    // Amplitude's default masks form fields only: the greeting text "Thanks, Ada Quill" is recorded.
    const mutations = JSON.stringify(events.filter((e) => e.type === 3 && (e.data as { source: number }).source === 0));
    expect(mutations).toContain('Thanks, Ada Quill');
  });

  it('decodes the leaky local config ("light"): a typed text field arrives as typed; email and cc- fields stay masked', () => {
    const inputs = inputTexts(decodeObservedAmplitude(captured('leaky')).batches[0]!.events);
    expect(inputs).toContain('Ada Quill');
    expect(inputs).toContain('Ring twice at 42 Harbour Lane');
    expect(inputs.join(' ')).not.toContain('ada.quill@example.test');
    expect(inputs.join(' ')).not.toContain('4111 1111 1111 1111');
  });

  it('decodes a remote config that overrides a conservative local config: the remote "light" level wins', () => {
    const { events } = decodeObservedAmplitude(captured('remote-leaky')).batches[0]!;
    expect(inputTexts(events)).toContain('Ring twice at 42 Harbour Lane');
  });

  it("decodes what an app's own SDK posted from its web worker to its trackServerUrl (Saltmarsh Florist, leaky 'light'): the typed name is in the events, the email masked", () => {
    const record = JSON.parse(readFileSync('fixtures/vendor-payloads/observe-amplitude/track-leaky-checkout.json', 'utf8')) as { url: string; bodyBase64: string; headers: Record<string, string> };
    const url = `http://127.0.0.1:3000${record.url}`;
    // The app's own path is not Amplitude's: only ingest.url, as the fixture's leaky config gives it, matches it.
    expect((amplitudeVendor.observe!.matcher({ observe: 'amplitude' }) as UrlPredicate)(new URL(url))).toBe(false);
    const decoded = decodeObservedAmplitude({ url, body: Buffer.from(record.bodyBase64, 'base64'), headers: record.headers });
    const { events, metadata } = decoded.batches[0]!;
    expect(events.some((e) => e.type === 2)).toBe(true);
    expect(metadata).toMatchObject({ vendor: 'amplitude', kind: 'replay', payload: { type: 'replay', device_id: 'saltmarsh-device-1', version: 1, compression: 'gzip' } });
    expect((metadata as { payload: { clientUrl: string } }).payload.clientUrl).toMatch(/\/checkout$/);
    const inputs = inputTexts(events);
    expect(inputs).toContain('Ada Quill');
    expect(inputs.join(' ')).not.toContain('ada.quill@example.test');
    // The page's last change, sent only because the window blurred.
    expect(JSON.stringify(events)).toContain('Order SF-3111 placed');
  });

  it('decodes the uncompressed beacon form and interaction batches (metadata only)', () => {
    const event = { type: 4, timestamp: 1, data: { href: 'http://x/', width: 1, height: 1 } };
    const beacon = decodeObservedAmplitude({ url: 'https://api-sr.amplitude.com/sessions/v2/track?device_id=d&session_id=1&type=replay&api_key=k', headers: {}, body: Buffer.from(JSON.stringify({ version: 2, events: [JSON.stringify(event)] })) });
    expect(beacon.batches[0]!.events).toEqual([event]);
    expect(beacon.batches[0]!.metadata).toMatchObject({ payload: { version: 2, compression: 'none' } });
    expect(JSON.stringify(beacon.batches[0]!.metadata)).not.toContain('api_key');
    const clicks = decodeObservedAmplitude({ url: 'https://api-sr.amplitude.com/sessions/v2/track?type=interaction', headers: { 'Content-Encoding': 'gzip' }, body: gzipSync(JSON.stringify({ version: 1, events: [{ type: 'click', x: 1, y: 2, selector: '#email', count: 1 }] })) });
    expect(clicks.batches[0]).toMatchObject({ events: [], metadata: { vendor: 'amplitude', kind: 'interaction' } });
  });

  it('rejects what the SDK does not send (kept as a malformed payload)', () => {
    const url = 'https://api-sr.amplitude.com/sessions/v2/track?type=replay';
    expect(() => decodeObservedAmplitude({ url, headers: {}, body: null })).toThrow(PayloadDecodeError);
    expect(() => decodeObservedAmplitude({ url, headers: { 'content-encoding': 'gzip' }, body: Buffer.from('{"events":[]}') })).toThrow(/did not inflate/);
    expect(() => decodeObservedAmplitude({ url, headers: {}, body: Buffer.from('nope') })).toThrow(/not JSON/);
    expect(() => decodeObservedAmplitude({ url, headers: {}, body: Buffer.from('[]') })).toThrow(/not \{version, events/);
    expect(() => decodeObservedAmplitude({ url, headers: {}, body: Buffer.from('{"version":1,"events":["{bad"]}') })).toThrow(/not JSON/);
    expect(() => decodeObservedAmplitude({ url, headers: {}, body: Buffer.from('{"version":1,"events":["{\\"type\\":\\"x\\"}"]}') })).toThrow(/event 0 is not an rrweb event/);
  });
});
