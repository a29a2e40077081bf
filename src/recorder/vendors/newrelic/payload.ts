import { gunzipSync } from 'node:zlib';
import type { eventWithTime } from '@rrweb/types';
import { PayloadDecodeError } from '../decode-error.ts';

/**
 * What the New Relic browser agent (@newrelic/browser-agent 1.322.0) sends to its beacon
 * (`bam.nr-data.net` by default, `init.proxy.beacon` or `info.errorBeacon` otherwise), read from
 * src/common/harvest/send.js and the features' aggregates:
 *
 * - `POST /1/<licenseKey>?a=<appId>&v=…&ref=<page URL>&…` the RUM call (page_view_event): JSON
 *   `{"ja": {custom attributes, webdriverDetected}}`, answered with the flags (./rum-answer.ts);
 * - `POST /browser/blobs?browser_monitoring_key=…&type=SessionReplay&app_id=…&protocol_version=0&timestamp=…&attributes=…`
 *   the replay ("raw" harvest: no base query). `attributes` is itself a URL-encoded query
 *   (`content_encoding=gzip` when fflate loaded, `currentUrl`, `session`, `replay.nodes`, `hasSnapshot`,
 *   `enduser.id`, ...). The body is the rrweb events as one JSON array, gzipped by fflate's gzipSync
 *   when `content_encoding=gzip`, else the JSON as is. Content-Type is always `text/plain`;
 * - `POST /browser/blobs?…type=BrowserSessionChunk…` the session trace (JSON, resource and AJAX nodes);
 * - `POST /jserrors/1/<key>?…` errors (`{"err": [...]}` with messages and stacks) and metrics (`sm`, `cm`);
 * - `POST /events/1/<key>?…` AJAX events and page view timings (the agent's own serialization);
 * - `POST /ins/1/<key>?…` generic events (`{"ins": [...]}`: user actions, page actions);
 * - `POST /browser/logs?…` logs.
 * Every non-raw request carries the base query: `a`, `v`, `t`, `rst`, `s` (session), `ref` (the page
 * URL without query and fragment), `ptid`, `hr`/`ht`.
 */

export type NewrelicEndpoint = 'rum' | 'SessionReplay' | 'BrowserSessionChunk' | 'blobs' | 'jserrors' | 'events' | 'ins' | 'logs' | 'other';

export interface DecodedNewrelicRequest {
  endpoint: NewrelicEndpoint;
  /** The query, `attributes` left as sent. */
  query: Record<string, string>;
  /** The blob harvests' `attributes`, decoded. */
  attributes?: Record<string, string>;
  compression: 'gzip' | 'none';
  /** SessionReplay: the rrweb events. */
  events?: eventWithTime[];
  /** Anything else: the body as JSON when it is JSON, else as text. */
  body?: unknown;
}

const GZIP_MAGIC = (body: Buffer) => body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;

/** The endpoint a beacon URL's path names (the path may sit under a reverse proxy's prefix). */
export function newrelicEndpoint(url: URL): NewrelicEndpoint | undefined {
  const path = url.pathname;
  if (/\/browser\/blobs\/?$/.test(path)) {
    const type = url.searchParams.get('type');
    return type === 'SessionReplay' || type === 'BrowserSessionChunk' ? type : 'blobs';
  }
  if (/\/browser\/logs\/?$/.test(path)) return 'logs';
  if (/\/jserrors\/\d+\/[^/]+$/.test(path)) return 'jserrors';
  if (/\/events\/\d+\/[^/]+$/.test(path)) return 'events';
  if (/\/ins\/\d+\/[^/]+$/.test(path)) return 'ins';
  // The RUM call: version 1 puts no endpoint name in the path (`/1/<licenseKey>`); later ones `/rum/<v>/<key>`.
  if (/(^|\/)(rum\/)?\d+\/[^/]+$/.test(path) && url.searchParams.has('a')) return 'rum';
  return undefined;
}

function isEvent(value: unknown): value is eventWithTime {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as { type?: unknown; timestamp?: unknown };
  return typeof event.type === 'number' && typeof event.timestamp === 'number';
}

function text(body: Buffer, gzip: boolean): string {
  try {
    return (gzip ? gunzipSync(body) : body).toString('utf8');
  } catch (error) {
    throw new PayloadDecodeError(`gzip body did not inflate: ${(error as Error).message}`);
  }
}

/** One request to the beacon, decoded; PayloadDecodeError when a replay harvest is not what the agent sends. */
export function decodeNewrelicRequest(url: string, body: Buffer | null): DecodedNewrelicRequest {
  const parsed = new URL(url, 'https://beacon.invalid');
  const endpoint = newrelicEndpoint(parsed) ?? 'other';
  const query = Object.fromEntries(parsed.searchParams);
  const attributes = query.attributes !== undefined ? Object.fromEntries(new URLSearchParams(query.attributes)) : undefined;
  const bytes = body ?? Buffer.alloc(0);
  const gzip = GZIP_MAGIC(bytes);
  const compression = gzip ? 'gzip' : 'none';
  const decoded: DecodedNewrelicRequest = { endpoint, query, ...(attributes && { attributes }), compression };
  if (endpoint === 'SessionReplay') {
    if (bytes.length === 0) throw new PayloadDecodeError('SessionReplay harvest without a body');
    if (attributes?.content_encoding === 'gzip' && !gzip) throw new PayloadDecodeError('content_encoding=gzip but the body is not gzip');
    let json: unknown;
    try {
      json = JSON.parse(text(bytes, gzip));
    } catch (error) {
      if (error instanceof PayloadDecodeError) throw error;
      throw new PayloadDecodeError('SessionReplay body is not JSON');
    }
    if (!Array.isArray(json)) throw new PayloadDecodeError('SessionReplay body is not a JSON array of rrweb events');
    const bad = json.findIndex((event) => !isEvent(event));
    if (bad >= 0) throw new PayloadDecodeError(`SessionReplay body item ${bad} is not an rrweb event (no numeric type and timestamp)`);
    decoded.events = json as eventWithTime[];
    return decoded;
  }
  if (bytes.length > 0) {
    const content = text(bytes, gzip);
    try {
      decoded.body = JSON.parse(content);
    } catch {
      // /events bodies are the agent's own serialization, not JSON: kept (and scanned) as text.
      decoded.body = content;
    }
  }
  return decoded;
}
