import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PayloadDecodeError } from '../../../../src/recorder/vendors/decode-error.ts';
import { mixpanelVendor } from '../../../../src/recorder/vendors/mixpanel/index.ts';
import { decodeObservedMixpanel, isMixpanelRecordUrl } from '../../../../src/recorder/vendors/mixpanel/observe.ts';

// /record/ requests mixpanel-browser 2.83.0 sent in real runs (fixtures/vendor-payloads/mixpanel/capture.mjs).
function captured(name: 'default' | 'leaky'): { url: string; body: Buffer } {
  const record = JSON.parse(readFileSync(`fixtures/vendor-payloads/mixpanel/record-gzip-${name}.json`, 'utf8')) as { url: string; bodyBase64: string };
  return { url: record.url, body: Buffer.from(record.bodyBase64, 'base64') };
}

type UrlPredicate = (url: URL) => boolean;

describe('observe mode: Mixpanel ingest', () => {
  it('matches {api_host}/record/ on Mixpanel hosts and behind a reverse-proxy path, not unrelated URLs', () => {
    const matcher = mixpanelVendor.observe!.matcher({ observe: 'mixpanel' }) as UrlPredicate;
    expect(typeof matcher).toBe('function');
    const query = '?mp_lib=web&replay_id=abc&seq=0&format=gzip';
    expect(matcher(new URL(captured('default').url))).toBe(true);
    expect(matcher(new URL(`https://api-js.mixpanel.com/record/${query}`))).toBe(true);
    expect(matcher(new URL(`https://api-eu.mixpanel.com/record/${query}`))).toBe(true);
    expect(matcher(new URL(`https://shop.example.test/mp/record/${query}`))).toBe(true);
    // The remote settings call is matched (answered locally), the analytics and unrelated URLs are not.
    expect(matcher(new URL('https://api-js.mixpanel.com/settings/?%24lib_version=2.83.0&mp_lib=web&sdk_config=1'))).toBe(true);
    expect(matcher(new URL('https://api-js.mixpanel.com/track/?verbose=1&ip=1&_=1'))).toBe(false);
    expect(matcher(new URL('https://shop.example.test/record/'))).toBe(false);
    expect(matcher(new URL('https://shop.example.test/api/orders?replay_id=1'))).toBe(false);
    expect(isMixpanelRecordUrl(new URL(`https://shop.example.test/recordings${query}`))).toBe(false);
    const proxied = mixpanelVendor.observe!.matcher({ observe: 'mixpanel', ingest: { url: '**/mp-replay**' } });
    expect(proxied).toHaveLength(2);
    expect((proxied as unknown[])[1]).toBe('**/mp-replay**');
  });

  it('decodes a real gzip batch (default privacy): rrweb events with a full snapshot, the typed values masked', () => {
    const { url, body } = captured('default');
    const decoded = decodeObservedMixpanel({ url, body });
    expect(decoded.batches).toHaveLength(1);
    const [batch] = decoded.batches;
    expect(batch!.events.some((e) => e.type === 2)).toBe(true);
    expect(batch!.events.filter((e) => e.type === 3 && (e.data as { source: number }).source === 5).length).toBeGreaterThanOrEqual(3);
    expect(batch!.metadata).toMatchObject({ vendor: 'mixpanel', kind: 'record', payload: { mp_lib: 'web', seq: '0', format: 'gzip', compression: 'gzip' } });
    expect((batch!.metadata as { payload: Record<string, string> }).payload.$current_url).toMatch(/\/checkout$/);
    const text = JSON.stringify(batch!.events);
    expect(text).not.toContain('Ada Quill');
    expect(text).not.toContain('Ring twice at 42 Harbour Lane');
    expect(text).toContain('*********'); // "Ada Quill" as Mixpanel masks it: one * a character
  });

  it('decodes a real gzip batch (leaky: record_mask_all_inputs/text false): the typed values are in the events', () => {
    const { url, body } = captured('leaky');
    const text = JSON.stringify(decodeObservedMixpanel({ url, body }).batches[0]!.events);
    expect(text).toContain('Ada Quill');
    expect(text).toContain('Ring twice at 42 Harbour Lane');
    // Masked even so, by the SDK's own rules: type=email, and a name that reads as a card field.
    expect(text).not.toContain('ada.quill@example.test');
    expect(text).not.toContain('4111 1111 1111 1111');
  });

  it("decodes what an app's own mixpanel-browser posted to its reverse proxy (Tidewater Bakery, leaky build): the typed name is in the events, the email masked by the SDK", () => {
    const record = JSON.parse(readFileSync('fixtures/vendor-payloads/observe-mixpanel/record-leaky-checkout.json', 'utf8')) as { url: string; bodyBase64: string };
    const url = `http://127.0.0.1:3000${record.url}`;
    const matcher = mixpanelVendor.observe!.matcher({ observe: 'mixpanel' }) as UrlPredicate;
    // The proxy keeps Mixpanel's route (/mp/record/): matched on the app's own host without ingest.url.
    expect(matcher(new URL(url))).toBe(true);
    const decoded = decodeObservedMixpanel({ url, body: Buffer.from(record.bodyBase64, 'base64') });
    const [batch] = decoded.batches;
    expect(batch!.events.some((e) => e.type === 2)).toBe(true);
    expect(batch!.metadata).toMatchObject({ vendor: 'mixpanel', kind: 'record', payload: { seq: '0', format: 'gzip', compression: 'gzip' } });
    expect((batch!.metadata as { payload: Record<string, string> }).payload.$current_url).toMatch(/\/checkout$/);
    const inputs = batch!.events.filter((e) => e.type === 3 && (e.data as { source: number }).source === 5).map((e) => (e.data as { text: string }).text);
    expect(inputs).toContain('Ada Quill');
    expect(inputs.join(' ')).not.toContain('ada.quill@example.test');
    // Text masking off too: the page's answer is recorded as shown.
    expect(JSON.stringify(batch!.events)).toContain('Order TB-3109 placed');
  });

  it('decodes the uncompressed form (format=body, a browser without CompressionStream)', () => {
    const events = [{ type: 4, timestamp: 1, data: { href: 'http://x/', width: 1, height: 1 } }];
    const decoded = decodeObservedMixpanel({ url: 'https://api-js.mixpanel.com/record/?format=body&mp_lib=web&replay_id=r', body: Buffer.from(JSON.stringify(events)) });
    expect(decoded.batches[0]!.events).toEqual(events);
    expect(decoded.batches[0]!.metadata).toMatchObject({ payload: { compression: 'none' } });
  });

  it('rejects what the recorder does not send (kept as a malformed payload, never as an empty batch)', () => {
    const url = 'https://api-js.mixpanel.com/record/?format=gzip&mp_lib=web&replay_id=r';
    expect(() => decodeObservedMixpanel({ url, body: null })).toThrow(PayloadDecodeError);
    expect(() => decodeObservedMixpanel({ url, body: Buffer.from('[]') })).toThrow(/format=gzip/);
    expect(() => decodeObservedMixpanel({ url, body: Buffer.from([0x1f, 0x8b, 1, 2, 3]) })).toThrow(PayloadDecodeError);
    expect(() => decodeObservedMixpanel({ url, body: gzipSync('{"events":[]}') })).toThrow(/not a JSON array/);
    expect(() => decodeObservedMixpanel({ url, body: gzipSync('[{"type":"x"}]') })).toThrow(/item 0 is not an rrweb event/);
    expect(() => decodeObservedMixpanel({ url: 'https://x/record/?format=body', body: Buffer.from('not json') })).toThrow(/not JSON/);
  });
});
