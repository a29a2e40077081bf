import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseMaskproofConfig } from '../../../../src/config/maskproof-config.ts';
import { ConfigError } from '../../../../src/errors.ts';
import { ingestMatcher } from '../../../../src/recorder/observe/ingest-matcher.ts';
import { parseObserveConfig } from '../../../../src/recorder/observe/observe-config.ts';
import { decodeRrwebBody } from '../../../../src/recorder/vendors/rrweb/ingest-body.ts';
import { PayloadDecodeError } from '../../../../src/recorder/vendors/decode-error.ts';

// A body Northwind Shop's own recorder (fixtures/observe/rrweb, safe build) posted to /collect/replay,
// captured by observe mode: {events: [...]} as the app sends it.
const captured = readFileSync('fixtures/vendor-payloads/observe-rrweb/collect-replay.json');
const events = (JSON.parse(captured.toString('utf8')) as { events: { type: number }[] }).events;
const jsonl = Buffer.from(events.map((e) => JSON.stringify(e)).join('\n'));

describe('observe mode: an rrweb ingest body', () => {
  it('decodes the captured {events} body: DOM loaded, load, meta, full snapshot, every event kept', () => {
    const decoded = decodeRrwebBody(captured, undefined);
    expect(decoded).toHaveLength(events.length);
    expect(decoded.slice(0, 4).map((e) => e.type)).toEqual([0, 1, 4, 2]);
  });

  it('decodes the same events as a JSON array, as JSONL, and gzipped (by header or by magic bytes)', () => {
    const array = Buffer.from(JSON.stringify(events));
    expect(decodeRrwebBody(array, undefined)).toEqual(events);
    expect(decodeRrwebBody(jsonl, undefined)).toEqual(events);
    expect(decodeRrwebBody(jsonl, undefined, 'jsonl')).toEqual(events);
    expect(decodeRrwebBody(gzipSync(jsonl), 'gzip')).toEqual(events);
    expect(decodeRrwebBody(gzipSync(captured), undefined)).toEqual(events);
  });

  it('rejects what is not rrweb events, saying why (kept as a malformed payload, never as an empty batch)', () => {
    expect(() => decodeRrwebBody(Buffer.from('{"hello":1}'), undefined)).toThrow(PayloadDecodeError);
    expect(() => decodeRrwebBody(Buffer.from('[{"type":2}]'), undefined)).toThrow(/item 0 is not an rrweb event/);
    expect(() => decodeRrwebBody(Buffer.from('not json\n{}'), undefined)).toThrow(/line 1 is not JSON/);
    expect(() => decodeRrwebBody(jsonl, undefined, 'json')).toThrow(/not JSON/);
    expect(() => decodeRrwebBody(Buffer.from([0x1f, 0x8b, 1, 2]), undefined)).toThrow(/gzip body did not inflate/);
    expect(() => decodeRrwebBody(null, undefined)).toThrow(/empty body/);
  });
});

describe('observe mode: the recorder key', () => {
  const source = 'maskproof.config.ts (key "recorder")';
  it('accepts the rrweb form; ingest.url is a Playwright glob, or a /regex/', () => {
    expect(parseObserveConfig({ observe: 'rrweb', ingest: { url: '**/collect/replay', format: 'jsonl' } }, source).observe).toBe('rrweb');
    expect(ingestMatcher('**/collect/replay')).toBe('**/collect/replay');
    const regex = ingestMatcher('/\\/collect\\/(replay|rr)$/i');
    expect(regex).toBeInstanceOf(RegExp);
    expect((regex as RegExp).test('http://shop.example/COLLECT/replay')).toBe(true);
    expect((regex as RegExp).test('http://shop.example/collect/other')).toBe(false);
  });

  it('refuses an rrweb observe without ingest.url, an unknown key, a bad format or regex, with a hint', () => {
    expect(() => parseObserveConfig({ observe: 'rrweb' }, source)).toThrow(/needs ingest.url/);
    expect(() => parseObserveConfig({ observe: 'rrweb', ingest: { url: '**/x' }, rrweb: {} }, source)).toThrow(/unknown key "rrweb"/);
    expect(() => parseObserveConfig({ observe: 'rrweb', ingest: { url: '**/x', format: 'xml' } }, source)).toThrow(/format must be/);
    expect(() => parseObserveConfig({ observe: 'rrweb', ingest: { url: '/(/' } }, source)).toThrow(/not a valid regular expression/);
    expect(() => parseObserveConfig({ observe: 'fullstory' }, source)).toThrow(ConfigError);
    expect(parseObserveConfig({ observe: 'posthog', ingest: { url: '**/ingest/**' } }, source).observe).toBe('posthog');
    expect(parseObserveConfig({ observe: 'sentry' }, source)).toEqual({ observe: 'sentry' });
  });
});

describe('observe mode in maskproof.config', () => {
  it('resolves to the observe config, with the recorder defaults named "observed, settings unknown"; a RegExp url survives the JSON hand-over', () => {
    const resolved = parseMaskproofConfig({ baseURL: 'http://127.0.0.1:3000', recorder: { observe: 'rrweb', ingest: { url: /\/collect\/replay$/ } } }, '/app/maskproof.config.ts');
    expect(resolved.recorder.observe).toEqual({ observe: 'rrweb', ingest: { url: '/\\/collect\\/replay$/' } });
    expect('inline' in resolved.recorder && resolved.recorder.inline).toMatchObject({ recorder: 'rrweb', description: 'observed, settings unknown' });
    const handedOver = JSON.parse(JSON.stringify(resolved)) as typeof resolved;
    expect((ingestMatcher(handedOver.recorder.observe!.ingest!.url!) as RegExp).test('http://127.0.0.1:3000/collect/replay')).toBe(true);
  });

  it('reports a bad observe key with the config that named it (exit 2 before any browser)', () => {
    expect(() => parseMaskproofConfig({ baseURL: 'http://x.test', recorder: { observe: 'rrweb' } }, '/app/maskproof.config.ts')).toThrow(/\/app\/maskproof.config.ts \(key "recorder"\): observing rrweb needs ingest.url/);
  });
});
