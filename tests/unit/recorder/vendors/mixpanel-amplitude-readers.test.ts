import { EventType, type eventWithTime } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { PayloadDecodeError } from '../../../../src/recorder/vendors/decode-error.ts';
import { amplitudeReaders } from '../../../../src/recorder/vendors/amplitude/readers.ts';
import { decodeMixpanelAnalytics } from '../../../../src/recorder/vendors/mixpanel/analytics.ts';
import { mixpanelReaders } from '../../../../src/recorder/vendors/mixpanel/readers.ts';

const plugin = (name: string, payload: unknown): eventWithTime => ({ type: EventType.Plugin, timestamp: 1, data: { plugin: name, payload } }) as eventWithTime;
const custom = (tag: string, payload: unknown): eventWithTime => ({ type: EventType.Custom, timestamp: 1, data: { tag, payload } }) as eventWithTime;

describe('Mixpanel analytics requests (/track: data=<base64 JSON>, mixpanel-core.js _encode_data_for_request)', () => {
  // What mixpanel-browser 2.83.0 posts for a track call with api_payload_format base64 (its default).
  const events = [{ event: '$mp_web_page_view', properties: { $current_url: 'http://127.0.0.1/checkout?email=ada%40example.test', token: 't' } }];
  it('decodes the base64 form body and the plain JSON one', () => {
    const base64 = Buffer.from(`data=${encodeURIComponent(Buffer.from(JSON.stringify(events)).toString('base64'))}`);
    expect(decodeMixpanelAnalytics(base64, new URL('https://api.invalid/track/?verbose=1'))).toEqual(events);
    const json = Buffer.from(`data=${encodeURIComponent(JSON.stringify(events))}`);
    expect(decodeMixpanelAnalytics(json, new URL('https://api.invalid/track/'))).toEqual(events);
  });
  it('a body that is not what the SDK sends is a PayloadDecodeError, never "nothing sent"', () => {
    expect(() => decodeMixpanelAnalytics(Buffer.from('hello'), new URL('https://api.invalid/track/'))).toThrow(PayloadDecodeError);
    expect(() => decodeMixpanelAnalytics(Buffer.from('data=%%%not-base64'), new URL('https://api.invalid/track/'))).toThrow(PayloadDecodeError);
  });
});

describe('readers: requests and errors in the vendor shapes', () => {
  it("Mixpanel: network plugin 'rrweb/network@1.mp' fetch/XHR requests, console errors; not other plugins or levels", () => {
    const events = [
      plugin('rrweb/network@1.mp', { requests: [{ url: 'http://127.0.0.1/api/orders?token=x', method: 'get', initiatorType: 'fetch', status: 200 }, { url: 'http://127.0.0.1/logo.png', initiatorType: 'img' }] }),
      plugin('rrweb/console@1', { level: 'error', payload: ['boom'] }),
      plugin('rrweb/console@1', { level: 'log', payload: ['fine'] }),
      plugin('rrweb/network@1', { requests: [{ url: 'http://127.0.0.1/other', initiatorType: 'fetch' }] }),
    ];
    expect(mixpanelReaders.requests(events)).toEqual([{ method: 'GET', url: 'http://127.0.0.1/api/orders?token=x', status: 200, shape: 'mixpanel rrweb/network@1.mp', eventIndex: 0 }]);
    expect(mixpanelReaders.errors({ events, ingests: [] })).toEqual([{ shape: 'mixpanel rrweb/console@1', eventIndex: 1 }]);
    expect(mixpanelReaders.requests([plugin('rrweb/console@1', { level: 'error' })])).toEqual([]);
  });

  it("Amplitude: 'fetch-request' custom events (its network observer), console errors", () => {
    const events = [custom('fetch-request', { url: 'http://127.0.0.1/api/profile', method: 'post', status: 201 }), custom('metadata', { url: 'x' }), plugin('rrweb/console@1', { level: 'error' })];
    expect(amplitudeReaders.requests(events)).toEqual([{ method: 'POST', url: 'http://127.0.0.1/api/profile', status: 201, shape: 'amplitude fetch-request', eventIndex: 0 }]);
    expect(amplitudeReaders.errors({ events, ingests: [] })).toEqual([{ shape: 'amplitude rrweb/console@1', eventIndex: 2 }]);
    expect(amplitudeReaders.errors({ events: events.slice(0, 2), ingests: [] })).toEqual([]);
  });
});
