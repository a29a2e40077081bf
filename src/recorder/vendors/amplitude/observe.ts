import type { eventWithTime } from '@rrweb/types';
import type { ObservedDecoded, ObservedIngestRequest, ObserveDescriptor } from '../descriptor.ts';
import { PayloadDecodeError } from '../decode-error.ts';
import { inflatedJson } from '../json-body.ts';

/**
 * What @amplitude/session-replay-browser (1.51.6, node_modules/@amplitude/session-replay-browser/lib/esm/
 * track-destination.js `sendOnMainThread`, the same request from its worker) posts:
 * `POST <trackServerUrl | https://api-sr(.eu).amplitude.com/sessions/v2/track>?device_id=…&session_id=…&type=replay`,
 * `Authorization: Bearer <api key>`, `Content-Type: application/json`, `Content-Encoding: gzip` (CompressionStream,
 * `enableTransportCompression` default true), `X-Client-Url: <page URL>`. The body is
 * `{"version": 1, "events": ["<rrweb event as a JSON string>", …]}`; the page-exit beacon sends
 * `{"version": 2, …}` uncompressed with `api_key` in the query. `type=interaction` requests (heatmap
 * clicks, only when the remote config turns them on) carry click records, not rrweb events.
 */

/** The ingest path on any host: Amplitude's US/EU hosts, or a proxy that keeps the path. */
export function isAmplitudeTrackUrl(url: URL): boolean {
  return /\/sessions\/v2\/track\/?$/.test(url.pathname);
}

/**
 * The remote config the SDK waits for before it records (analytics-core remote-config.js:
 * `GET https://sr-client-cfg(.eu).amplitude.com/config/<api key>?config_group=browser`, or `configServerUrl`).
 */
export function isAmplitudeConfigUrl(url: URL): boolean {
  return /\/config\/[^/]+\/?$/.test(url.pathname) && url.searchParams.get('config_group') === 'browser';
}

/**
 * The answer to that GET that lets the app's own settings decide, as for a project with nothing set
 * remotely (joined-config.js: a 200 with `configs.sessionReplay` present but empty keeps capture on and
 * the local privacy config). An answer without `configs.sessionReplay` (such as `{}`), or none at all
 * (offline), turns capture OFF: the SDK then sends nothing.
 */
export const AMPLITUDE_REMOTE_CONFIG_REPLY = JSON.stringify({ configs: { sessionReplay: {} } });

function isEvent(value: unknown): value is eventWithTime {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as { type?: unknown; timestamp?: unknown };
  return typeof event.type === 'number' && typeof event.timestamp === 'number';
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/**
 * One track request: the rrweb events (each sent as a JSON string), with the request's context as
 * metadata (the page URL in X-Client-Url, device and session ids; never the Authorization key).
 */
export function decodeObservedAmplitude(request: Pick<ObservedIngestRequest, 'url' | 'body' | 'headers'>): ObservedDecoded {
  const { body } = request;
  if (!body || body.length === 0) throw new PayloadDecodeError('track request without a body');
  const gzip = /\bgzip\b/i.test(header(request.headers, 'content-encoding') ?? '') || (body[0] === 0x1f && body[1] === 0x8b);
  const parsed = inflatedJson(body, gzip, 'track');
  const items = (parsed as { events?: unknown } | null)?.events;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Array.isArray(items)) {
    throw new PayloadDecodeError('track body is not {version, events: [...]}');
  }
  let query: Record<string, string> = {};
  try {
    query = Object.fromEntries(new URL(request.url, 'http://ingest.invalid').searchParams);
  } catch {
    // The route matched a URL; the body decides.
  }
  delete query.api_key; // the beacon's key: the project's client key, not data about the user
  const context = {
    ...query,
    version: (parsed as { version?: unknown }).version,
    clientUrl: header(request.headers, 'x-client-url'),
    compression: gzip ? 'gzip' : 'none',
  };
  if (query.type === 'interaction') {
    // Click records for heatmaps ({x, y, selector, timestamp, count, …}): sent, so scanned, not replayed.
    return { batches: [{ events: [], metadata: { vendor: 'amplitude', kind: 'interaction', payload: { ...context, events: items } } }], reply: '{}' };
  }
  const events = items.map((item, index) => {
    let event: unknown = item;
    if (typeof item === 'string') {
      try {
        event = JSON.parse(item);
      } catch {
        throw new PayloadDecodeError(`track event ${index} is a string that is not JSON`);
      }
    }
    if (!isEvent(event)) throw new PayloadDecodeError(`track event ${index} is not an rrweb event (no numeric type and timestamp)`);
    return event;
  });
  return { batches: [{ events, metadata: { vendor: 'amplitude', kind: 'replay', payload: context } }], reply: '{}' };
}

/**
 * Proposed for descriptor.ts (not in it yet, so the adapter does not call it): the body observe mode
 * should answer a matched GET with. Today every matched GET is answered `{}`, which turns Amplitude's
 * capture off (see docs/incoming/vendors14.md).
 */
export interface ObserveDescriptorWithGetReply extends ObserveDescriptor {
  getReply?(url: URL): string | undefined;
}
