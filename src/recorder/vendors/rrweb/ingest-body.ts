import { gunzipSync } from 'node:zlib';
import type { eventWithTime } from '@rrweb/types';
import { PayloadDecodeError } from '../decode-error.ts';
import type { IngestFormat } from '../../observe/observe-config.ts';

function isGzip(body: Buffer, contentEncoding: string | undefined): boolean {
  return /\bgzip\b/i.test(contentEncoding ?? '') || (body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b);
}

function isEvent(value: unknown): value is eventWithTime {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as { type?: unknown; timestamp?: unknown };
  return typeof event.type === 'number' && typeof event.timestamp === 'number';
}

function eventsOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null && Array.isArray((value as { events?: unknown }).events)) return (value as { events: unknown[] }).events;
  return undefined;
}

function checked(events: unknown[]): eventWithTime[] {
  const bad = events.findIndex((event) => !isEvent(event));
  if (bad >= 0) throw new PayloadDecodeError(`item ${bad} is not an rrweb event (no numeric type and timestamp)`);
  return events as eventWithTime[];
}

function parseJsonl(text: string): eventWithTime[] {
  const events: unknown[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      events.push(JSON.parse(line));
    } catch {
      throw new PayloadDecodeError(`line ${index + 1} is not JSON`);
    }
  });
  return checked(events);
}

/**
 * The rrweb events in one request an app's own recorder sent to its ingest: a JSON array of events,
 * `{events: [...]}`, or JSONL (one event a line); gzip by Content-Encoding or by its magic bytes.
 * Throws PayloadDecodeError when the body is none of these (kept as a malformed payload).
 */
export function decodeRrwebBody(body: Buffer | null, contentEncoding: string | undefined, format: IngestFormat = 'auto'): eventWithTime[] {
  if (!body || body.length === 0) throw new PayloadDecodeError('empty body');
  let bytes = body;
  if (isGzip(body, contentEncoding)) {
    try {
      bytes = gunzipSync(body);
    } catch (error) {
      throw new PayloadDecodeError(`gzip body did not inflate: ${(error as Error).message}`);
    }
  }
  const text = bytes.toString('utf8');
  if (format === 'jsonl') return parseJsonl(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (format === 'json') throw new PayloadDecodeError('body is not JSON');
    return parseJsonl(text);
  }
  const events = eventsOf(parsed);
  if (events) return checked(events);
  // One JSON object on one line is JSONL with a single event.
  if (format === 'auto' && isEvent(parsed)) return [parsed];
  throw new PayloadDecodeError('JSON body is neither an array of events nor {events: [...]}');
}
