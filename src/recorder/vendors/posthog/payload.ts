import { gunzipSync } from 'node:zlib';
import { EventType, IncrementalSource, type eventWithTime } from '@rrweb/types';
import { PayloadDecodeError } from '../decode-error.ts';

/**
 * posthog-js request bodies (lib/src/request.ts, encodePostData): with `compression=gzip-js` (or
 * `?compression` absent and gzip bytes, as the SDK sends it now) a gzip of the JSON; with
 * `compression=base64` (sendBeacon, and the fallback when gzip fails) a form body `data=<base64>`;
 * otherwise the JSON itself. The JSON is one event, an array of events, or {batch: [...]}.
 */
export type BodyEncoding = 'gzip' | 'base64' | 'json';

export interface PosthogEvent {
  event: string;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export function decodeRequestBody(body: Buffer, url: string): { encoding: BodyEncoding; json: unknown } {
  const compression = new URL(url).searchParams.get('compression');
  if (compression === 'lz64') throw new PayloadDecodeError('lz64 (lz-string) bodies come from posthog-js versions older than maskproof supports');
  if (body[0] === 0x1f && body[1] === 0x8b) return { encoding: 'gzip', json: parseJson(gunzipSync(body).toString('utf8')) };
  if (compression === 'gzip-js' || compression === 'gzip') throw new PayloadDecodeError(`compression=${compression} but the body is not gzip`);
  const text = body.toString('utf8');
  if (text.startsWith('data=')) {
    const data = new URLSearchParams(text).get('data') ?? '';
    return { encoding: 'base64', json: parseJson(Buffer.from(data, 'base64').toString('utf8')) };
  }
  return { encoding: 'json', json: parseJson(text) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PayloadDecodeError(`PostHog body is not JSON: ${(error as Error).message}`);
  }
}

export function eventsOfBody(json: unknown): PosthogEvent[] {
  const list = Array.isArray(json) ? json : typeof json === 'object' && json !== null && Array.isArray((json as { batch?: unknown }).batch) ? (json as { batch: unknown[] }).batch : [json];
  return list.map((item, index) => {
    if (typeof item !== 'object' || item === null || typeof (item as PosthogEvent).event !== 'string') throw new PayloadDecodeError(`PostHog body item #${index} is not an event`);
    return item as PosthogEvent;
  });
}

/** A field the recorder gzipped: its gzip bytes as a latin1 string (fflate strFromU8(bytes, true)). */
function gunzipField(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return JSON.parse(gunzipSync(Buffer.from(value, 'latin1')).toString('utf8'));
}

/**
 * One event of $snapshot_data back to plain rrweb. The recorder compresses parts of some events
 * (lazy-loaded-session-recorder.ts, compressEvent; marked `cv: "2024-10"`): a full snapshot's whole
 * `data`, a mutation's texts/attributes/removes/adds, a style sheet rule's adds/removes.
 */
export function decompressSnapshotEvent(raw: unknown, index: number): eventWithTime {
  if (typeof raw !== 'object' || raw === null) throw new PayloadDecodeError(`$snapshot_data #${index} is not an event`);
  const { cv, ...event } = raw as { cv?: string; type?: unknown; timestamp?: unknown; data?: Record<string, unknown> | string };
  if (typeof event.type !== 'number' || typeof event.timestamp !== 'number') throw new PayloadDecodeError(`$snapshot_data #${index} is not an rrweb event`);
  if (cv === undefined) return event as eventWithTime;
  if (cv !== '2024-10') throw new PayloadDecodeError(`$snapshot_data #${index} uses compression version ${cv}, which maskproof does not know`);
  try {
    if (event.type === EventType.FullSnapshot) return { ...event, data: gunzipField(event.data) } as eventWithTime;
    const data = event.data as Record<string, unknown>;
    if (event.type === EventType.IncrementalSnapshot && data.source === IncrementalSource.Mutation) {
      return { ...event, data: { ...data, texts: gunzipField(data.texts), attributes: gunzipField(data.attributes), removes: gunzipField(data.removes), adds: gunzipField(data.adds) } } as eventWithTime;
    }
    if (event.type === EventType.IncrementalSnapshot && data.source === IncrementalSource.StyleSheetRule) {
      const rule: Record<string, unknown> = { ...data };
      if (data.adds !== undefined) rule.adds = gunzipField(data.adds);
      if (data.removes !== undefined) rule.removes = gunzipField(data.removes);
      return { ...event, data: rule } as eventWithTime;
    }
  } catch (error) {
    throw new PayloadDecodeError(`$snapshot_data #${index}: a compressed field does not gunzip to JSON (${(error as Error).message})`);
  }
  return event as eventWithTime;
}

export function snapshotEvents(properties: Record<string, unknown> | undefined): eventWithTime[] {
  const data = properties?.$snapshot_data;
  if (!Array.isArray(data)) throw new PayloadDecodeError('$snapshot has no $snapshot_data array');
  return data.map(decompressSnapshotEvent);
}

/** What a /s/ (recordings) or /e/ (analytics) request carried. */
export interface DecodedPosthogBody {
  encoding: BodyEncoding;
  /** Each $snapshot: its rrweb events and its other properties (session id, window id, host, ...). */
  snapshots: { events: eventWithTime[]; properties: Record<string, unknown> }[];
  /** Every other event ($pageview, $autocapture, $rageclick, $exception, ...), whole. */
  others: PosthogEvent[];
}

export function decodePosthogBody(body: Buffer, url: string): DecodedPosthogBody {
  const { encoding, json } = decodeRequestBody(body, url);
  const decoded: DecodedPosthogBody = { encoding, snapshots: [], others: [] };
  for (const event of eventsOfBody(json)) {
    if (event.event === '$snapshot') {
      const { $snapshot_data: _data, ...properties } = event.properties ?? {};
      decoded.snapshots.push({ events: snapshotEvents(event.properties), properties });
    } else {
      decoded.others.push(event);
    }
  }
  return decoded;
}
