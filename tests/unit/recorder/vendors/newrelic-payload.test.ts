import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { EventType, type eventWithTime } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { parseRecorderConfig } from '../../../../src/config/recorder-config.ts';
import { createSyntheticData } from '../../../../src/data/synthetic-data.ts';
import type { Canary } from '../../../../src/detect/types.ts';
import type { IngestRequest } from '../../../../src/contract/recording.ts';
import { PayloadDecodeError } from '../../../../src/recorder/vendors/decode-error.ts';
import { newrelicVendor } from '../../../../src/recorder/vendors/newrelic/index.ts';
import { FLUSH_MARKER, newrelicBatches, withoutMarkers } from '../../../../src/recorder/vendors/newrelic/newrelic-adapter.ts';
import { decodeObservedNewrelic, isNewrelicBeaconHost } from '../../../../src/recorder/vendors/newrelic/observe.ts';
import { decodeNewrelicRequest, newrelicEndpoint } from '../../../../src/recorder/vendors/newrelic/payload.ts';
import { NEWRELIC_DOCS, NEWRELIC_VERSION, maskTextSelector } from '../../../../src/recorder/vendors/newrelic/privacy.ts';
import { newrelicReaders } from '../../../../src/recorder/vendors/newrelic/readers.ts';
import { rumAnswer } from '../../../../src/recorder/vendors/newrelic/rum-answer.ts';
import { installedVersion } from '../../../../src/recorder/vendors/page-bundle.ts';
import { plantedValuesFound } from '../../../../src/verdict/leaks.ts';

// Real requests @newrelic/browser-agent sent in a real run (fixtures/vendor-payloads/newrelic/capture.ts).
interface Captured { url: string; bodyBase64: string | null; contentType: string | null }
const captured = (name: string): Captured => JSON.parse(readFileSync(`fixtures/vendor-payloads/newrelic/${name}.json`, 'utf8')) as Captured;
const bodyOf = (record: Captured) => Buffer.from(record.bodyBase64 ?? '', 'base64');
const decode = (name: string) => {
  const record = captured(name);
  return decodeNewrelicRequest(record.url, bodyOf(record));
};

// The values the capture planted (seed 7, scope "vendor-payloads").
const data = createSyntheticData(7, 'vendor-payloads');
const canaries: Canary[] = [
  { kind: 'fullName', value: data.person.fullName, label: 'full name' },
  { kind: 'email', value: data.person.email, label: 'email' },
  { kind: 'card', value: data.person.cardNumber, label: 'card' },
  { kind: 'password', value: data.person.password, label: 'password' },
  { kind: 'token', value: data.token, label: 'token' },
];
/** What the audits scan of one request: its events, and its metadata as a custom event (as scannableEvents does). */
function scanned(name: string): eventWithTime[] {
  const record = captured(name);
  const { events, metadata } = newrelicBatches(record.url, bodyOf(record));
  return [...events, { type: EventType.Custom, timestamp: 0, data: { tag: 'metadata', payload: metadata } } as eventWithTime];
}
const found = (name: string) => [...new Set(plantedValuesFound(scanned(name), canaries).map((f) => f.label))].sort();
const ingest = (name: string, index = 0): IngestRequest => {
  const record = captured(name);
  return { index, pageUrl: '', eventCount: 0, receivedAt: 0, metadata: newrelicBatches(record.url, bodyOf(record)).metadata };
};

describe('New Relic beacon payloads (real captures)', () => {
  it('the SessionReplay blob: fflate gzip with content_encoding=gzip in its attributes, a JSON array of rrweb events', () => {
    const record = captured('replay-gzip-default-checkout');
    expect(new URL(record.url).pathname).toBe('/browser/blobs');
    expect(record.contentType).toBe('text/plain');
    const decoded = decode('replay-gzip-default-checkout');
    expect(decoded).toMatchObject({ endpoint: 'SessionReplay', compression: 'gzip', attributes: { content_encoding: 'gzip', agentVersion: NEWRELIC_VERSION } });
    expect(decoded.events?.map((e) => e.type)).toEqual([EventType.Meta, EventType.FullSnapshot]);
    expect(decoded.attributes?.currentUrl).toMatch(/\/checkout$/);
  });

  it('the same events as plain JSON (the agent sends them so when fflate fails to load) decode alike', () => {
    const record = captured('replay-gzip-default-typed');
    const plain = gunzipSync(bodyOf(record));
    const url = record.url.replace(/content_encoding%3Dgzip%26?/, '');
    expect(decodeNewrelicRequest(url, plain)).toMatchObject({ compression: 'none', events: decode('replay-gzip-default-typed').events });
  });

  it('malformed replay bodies are PayloadDecodeErrors, never "no leak"', () => {
    const record = captured('replay-gzip-default-typed');
    const plain = gunzipSync(bodyOf(record));
    expect(() => decodeNewrelicRequest(record.url, plain)).toThrow(/content_encoding=gzip but the body is not gzip/);
    const url = record.url.replace(/content_encoding%3Dgzip%26?/, '');
    expect(() => decodeNewrelicRequest(url, Buffer.from('[{"type":3}]'))).toThrow(PayloadDecodeError);
    expect(() => decodeNewrelicRequest(url, Buffer.from('{"events":[]}'))).toThrow(/not a JSON array/);
    expect(() => decodeNewrelicRequest(url, Buffer.from('not json'))).toThrow(/not JSON/);
    expect(() => decodeNewrelicRequest(record.url, Buffer.from([0x1f, 0x8b, 1, 2, 3]))).toThrow(/did not inflate/);
    expect(() => decodeNewrelicRequest(url, null)).toThrow(/without a body/);
  });

  it('defaults mask the typed values (pass); the leaky options send them as typed (fail)', () => {
    expect(found('replay-gzip-default-typed')).toEqual([]);
    expect(found('replay-gzip-default-checkout')).toEqual([]);
    expect(found('replay-gzip-leaky-typed')).toEqual(['card', 'email', 'full name']);
  });

  it('beside the replay, under defaults: the error sent to /jserrors names the user in its message', () => {
    expect(decode('jserrors-default-account').endpoint).toBe('jserrors');
    expect(found('jserrors-default-account')).toEqual(['full name']);
    expect(newrelicReaders.errors({ events: [], ingests: [ingest('jserrors-default-account')] })).toEqual([{ shape: 'newrelic jserrors' }]);
    expect(newrelicReaders.errors({ events: [], ingests: [ingest('trace-default-login')] })).toEqual([]);
  });

  it('the session trace records the API calls (method, host and path, no query): read as the recorded requests', () => {
    expect(found('trace-default-login')).toEqual([]);
    const requests = newrelicReaders.requests([], [ingest('trace-default-login')]);
    const api = requests.filter((r) => new URL(r.url).pathname.startsWith('/api/')).map((r) => `${r.method} ${new URL(r.url).pathname}`);
    expect(api).toEqual(expect.arrayContaining(['POST /api/login', 'GET /api/profile', 'GET /api/orders', 'GET /api/session', 'POST /api/track']));
    expect(requests.every((r) => !r.url.includes('?') && r.shape === 'newrelic session trace Ajax node' && r.url.startsWith('http://'))).toBe(true);
    expect(newrelicReaders.requests([], [ingest('jserrors-default-account')])).toEqual([]);
  });

  it('with ajax capture_payloads "all", the AJAX events carry the password and the token (fail); the RUM call carries none (pass)', () => {
    expect(decode('events-leaky-login')).toMatchObject({ endpoint: 'events', compression: 'none' });
    expect(found('events-leaky-login')).toEqual(expect.arrayContaining(['password', 'token']));
    expect(decode('rum-call')).toMatchObject({ endpoint: 'rum', body: { ja: { webdriverDetected: true } } });
    expect(found('rum-call')).toEqual([]);
  });

  it('the flush marker is dropped from the replay and reported', () => {
    const events = [{ type: EventType.Custom, timestamp: 1, data: { tag: FLUSH_MARKER, payload: { id: 'm1' } } }, { type: EventType.Custom, timestamp: 2, data: { tag: 'app', payload: {} } }] as eventWithTime[];
    const seen: string[] = [];
    expect(withoutMarkers(events, (id) => seen.push(id))).toEqual([events[1]]);
    expect(seen).toEqual(['m1']);
  });

  it('endpoints by path, under a proxy prefix too; the RUM call answered with replay entitled and sampled', () => {
    const url = (path: string) => new URL(`https://bam.nr-data.net${path}`);
    expect(newrelicEndpoint(url('/1/NRJS-abc?a=1'))).toBe('rum');
    expect(newrelicEndpoint(url('/nr/browser/blobs?type=SessionReplay'))).toBe('SessionReplay');
    expect(newrelicEndpoint(url('/jserrors/1/NRJS-abc'))).toBe('jserrors');
    expect(newrelicEndpoint(url('/ins/1/NRJS-abc'))).toBe('ins');
    expect(newrelicEndpoint(url('/favicon.ico'))).toBeUndefined();
    expect(rumAnswer({}, 5)).toMatchObject({ sr: 1, srs: 1, st: 1, sts: 1, err: 1, app: { nrServerTime: 5 } });
    expect(rumAnswer({ srs: 0, err: 0 }, 5)).toMatchObject({ sr: 1, srs: 0, err: 0 });
  });
});

describe('New Relic observe mode', () => {
  const onBeacon = (name: string) => {
    const record = captured(name);
    const url = new URL(record.url);
    url.host = 'bam.nr-data.net';
    return { url: url.href, body: bodyOf(record) };
  };

  it("decodes the app's own agent traffic on the beacon and answers its RUM call with the replay flags", () => {
    expect(isNewrelicBeaconHost('bam.nr-data.net') && isNewrelicBeaconHost('bam.eu01.nr-data.net') && !isNewrelicBeaconHost('nr-data.net.example')).toBe(true);
    const replay = decodeObservedNewrelic(onBeacon('replay-gzip-leaky-typed'));
    expect(replay.batches[0]!.events.length).toBeGreaterThan(0);
    const rum = decodeObservedNewrelic(onBeacon('rum-call'));
    expect(JSON.parse(rum.reply!)).toMatchObject({ sr: 1, srs: 1 });
    expect(() => decodeObservedNewrelic({ url: 'https://bam.nr-data.net/other', body: Buffer.from('x') })).toThrow(PayloadDecodeError);
  });
});

describe('New Relic privacy settings: code defaults, documented defaults', () => {
  const require = createRequire(import.meta.url);
  // The agent's own config model, as shipped in node_modules.
  const { mergeInit } = require('../../../../node_modules/@newrelic/browser-agent/dist/cjs/common/config/init.js') as { mergeInit(init: object): { session_replay: Record<string, unknown> } };
  const config = (options: object) => parseRecorderConfig({ recorder: 'newrelic', options }, 'test.json') as Parameters<typeof newrelicVendor.privacySettings>[0];

  it("the text mask selector is what the agent's setter makes of it", () => {
    // (A selector of the app's own is validated with document.querySelector, which Node lacks: only the literal cases here.)
    for (const value of [undefined, null, '']) {
      const shipped = mergeInit(value === undefined ? {} : { session_replay: { mask_text_selector: value } }).session_replay.mask_text_selector;
      expect(maskTextSelector(value)).toBe(shipped);
    }
    expect(maskTextSelector('.secret')).toBe('.secret,[data-nr-mask]');
  });

  it('defaults: all text and inputs masked (as documented); leaky: text recorded, inputs typed but passwords', () => {
    const defaults = newrelicVendor.privacySelectors(config({}));
    expect(defaults).toMatchObject({ maskAllText: true, maskInputs: 'all' });
    expect(NEWRELIC_DOCS.privacy).toMatch(/all text and inputs are replaced with asterisks/);
    const leaky = newrelicVendor.privacySelectors(config({ session_replay: { mask_text_selector: null, mask_all_inputs: false, mask_input_options: { password: false } } }));
    expect(leaky).toMatchObject({ maskAllText: false, maskText: '.nr-mask, [data-nr-mask]', maskInputs: ['password'] });
  });

  it('where the snippet New Relic documents and the shipped code differ, the settings say so', () => {
    expect(installedVersion('@newrelic/browser-agent')).toBe(NEWRELIC_VERSION);
    const shipped = mergeInit({}).session_replay;
    expect(shipped.collect_fonts).toBe(false);
    expect(NEWRELIC_DOCS.snippet).toContain('collect_fonts:true');
    const typesDoc = readFileSync('node_modules/@newrelic/browser-agent/src/common/config/init-types.js', 'utf8');
    expect(typesDoc).toMatch(/session_replay\.sampling_rate\] - This setting is deprecated and ineffective/);
    expect(NEWRELIC_DOCS.snippet).toContain('sampling_rate:10.0');
    const settings = newrelicVendor.privacySettings(config({}));
    expect(settings.find((s) => s.label === 'Fonts')?.docsDiffer).toMatch(/collect_fonts: true .*defaults to collect_fonts: false/);
    expect(settings.find((s) => s.label === 'Sampling')?.docsDiffer).toMatch(/ignores both/);
    // Set explicitly, the fonts line no longer rests on a default.
    expect(newrelicVendor.privacySettings(config({ session_replay: { collect_fonts: true } })).find((s) => s.label === 'Fonts')?.docsDiffer).toBeUndefined();
  });
});
