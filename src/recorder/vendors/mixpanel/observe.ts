import type { eventWithTime } from '@rrweb/types';
import type { ObservedDecoded, ObservedIngestRequest } from '../descriptor.ts';
import { PayloadDecodeError } from '../decode-error.ts';
import { inflatedJson } from '../json-body.ts';

/**
 * What mixpanel-browser's recorder (2.83.0, node_modules/mixpanel-browser/src/recorder/session-recording.js
 * `_sendRequest`) posts: `POST {api_host}/{api_routes.record}?{params}` with `Authorization: Basic
 * base64(token:)` and `Content-Type: application/octet-stream`. The body is the batch's rrweb events
 * as one JSON array, gzip-compressed (CompressionStream) when the browser has it (`format=gzip` in
 * the query), else the JSON as is (`format=body`). The query carries the replay's context:
 * replay_id, seq, $current_url, replay_start_url, distinct_id, $device_id, $user_id, ...
 */

/** The recorder's route on any host (`record/` by default; a reverse proxy keeps it under its own path prefix). */
export function isMixpanelRecordUrl(url: URL): boolean {
  return /\/record\/?$/.test(url.pathname) && url.searchParams.has('replay_id') && url.searchParams.get('mp_lib') === 'web';
}

/**
 * The remote settings call the SDK makes before it starts recording when `remote_settings_mode` is
 * 'strict' or 'fallback' (`GET {api_host}/settings/?sdk_config=1&mp_lib=web`, mixpanel-core.js
 * `_fetch_remote_settings`): matched so that it is answered locally, never sent to Mixpanel.
 */
export function isMixpanelSettingsUrl(url: URL): boolean {
  return /\/settings\/?$/.test(url.pathname) && url.searchParams.get('sdk_config') === '1' && url.searchParams.get('mp_lib') === 'web';
}

function isEvent(value: unknown): value is eventWithTime {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as { type?: unknown; timestamp?: unknown };
  return typeof event.type === 'number' && typeof event.timestamp === 'number';
}

/**
 * One /record request: the rrweb events, and the query's replay context as metadata (it left the
 * browser too: `$current_url` holds whatever the page URL held, so it is scanned like the events).
 */
export function decodeObservedMixpanel(request: Pick<ObservedIngestRequest, 'url' | 'body'>): ObservedDecoded {
  const { body } = request;
  if (!body || body.length === 0) throw new PayloadDecodeError('record request without a body');
  let query: Record<string, string> = {};
  try {
    query = Object.fromEntries(new URL(request.url, 'http://ingest.invalid').searchParams);
  } catch {
    // A URL the route matched is a URL; keep decoding the body.
  }
  const gzip = body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;
  if (query.format === 'gzip' && !gzip) throw new PayloadDecodeError('format=gzip but the body is not gzip');
  const parsed = inflatedJson(body, gzip, 'record');
  if (!Array.isArray(parsed)) throw new PayloadDecodeError('record body is not a JSON array of rrweb events');
  const bad = parsed.findIndex((event) => !isEvent(event));
  if (bad >= 0) throw new PayloadDecodeError(`record body item ${bad} is not an rrweb event (no numeric type and timestamp)`);
  const compression = gzip ? 'gzip' : 'none';
  // The SDK only needs a JSON body with status 200 (it calls response.json(), then counts seq on 200).
  return { batches: [{ events: parsed as eventWithTime[], metadata: { vendor: 'mixpanel', kind: 'record', payload: { ...query, compression } } }], reply: '{}' };
}
