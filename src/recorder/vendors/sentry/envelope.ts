import { gunzipSync, inflateSync } from 'node:zlib';
import type { eventWithTime } from '@rrweb/types';
import { PayloadDecodeError } from '../decode-error.ts';

/**
 * Sentry's envelope format (https://develop.sentry.dev/sdk/data-model/envelopes/): a JSON header
 * line, then items, each a JSON item-header line and a payload. A payload is `length` bytes when
 * the item header says so, else runs to the next newline.
 */
export interface EnvelopeItem {
  header: { type: string; length?: number; [key: string]: unknown };
  payload: Buffer;
}

export interface Envelope {
  header: Record<string, unknown>;
  items: EnvelopeItem[];
}

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new PayloadDecodeError(`${what} is not JSON: ${(error as Error).message}`);
  }
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PayloadDecodeError(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

export function parseEnvelope(body: Buffer): Envelope {
  let at = 0;
  const line = (): Buffer => {
    const newline = body.indexOf(0x0a, at);
    const end = newline === -1 ? body.length : newline;
    const bytes = body.subarray(at, end);
    at = end + 1;
    return bytes;
  };
  const header = asObject(parseJson(line(), 'envelope header'), 'envelope header');
  const items: EnvelopeItem[] = [];
  while (at < body.length) {
    const headerLine = line();
    if (headerLine.length === 0) continue; // a trailing newline
    const itemHeader = asObject(parseJson(headerLine, `item header #${items.length}`), `item header #${items.length}`);
    if (typeof itemHeader.type !== 'string') throw new PayloadDecodeError(`item header #${items.length} has no type`);
    let payload: Buffer;
    if (typeof itemHeader.length === 'number') {
      if (at + itemHeader.length > body.length) throw new PayloadDecodeError(`item ${itemHeader.type} claims ${itemHeader.length} bytes, ${body.length - at} left`);
      payload = body.subarray(at, at + itemHeader.length);
      at += itemHeader.length;
      // The newline after a length-delimited payload is optional.
      if (body[at] === 0x0a) at += 1;
    } else {
      payload = line();
    }
    items.push({ header: itemHeader as EnvelopeItem['header'], payload });
  }
  return { header, items };
}

/** An item's payload as JSON, or as text when it is not JSON (attachments, logs in other formats). */
export function itemJson(item: EnvelopeItem): unknown {
  try {
    return JSON.parse(item.payload.toString('utf8'));
  } catch {
    return item.payload.toString('utf8');
  }
}

export type RecordingCompression = 'zlib' | 'gzip' | 'none';

/**
 * A replay_recording payload: a JSON header line ({"segment_id": N}), then the segment, a JSON array
 * of rrweb events. The SDK's compression worker deflates the segment (zlib stream, fflate
 * zlibSync); with useCompression false, or no Worker, it is plain JSON.
 */
export function decodeReplayRecording(payload: Buffer): { segmentId: number | undefined; compression: RecordingCompression; events: eventWithTime[] } {
  const newline = payload.indexOf(0x0a);
  if (newline === -1) throw new PayloadDecodeError('replay_recording has no header line');
  const header = asObject(parseJson(payload.subarray(0, newline), 'replay_recording header'), 'replay_recording header');
  const segment = payload.subarray(newline + 1);
  let compression: RecordingCompression = 'none';
  let text: Buffer = segment;
  // zlib: CMF 0x78 and a header checksum; gzip: 1f 8b. JSON starts with "[" (0x5b).
  if (segment[0] === 0x78 && segment.length > 1 && ((segment[0] << 8) | segment[1]!) % 31 === 0) {
    compression = 'zlib';
    text = inflateSync(segment);
  } else if (segment[0] === 0x1f && segment[1] === 0x8b) {
    compression = 'gzip';
    text = gunzipSync(segment);
  }
  const events = parseJson(text, 'replay segment');
  if (!Array.isArray(events)) throw new PayloadDecodeError('replay segment is not an array of events');
  for (const [index, event] of events.entries()) {
    const candidate = event as { type?: unknown; timestamp?: unknown };
    if (typeof candidate !== 'object' || candidate === null || typeof candidate.type !== 'number' || typeof candidate.timestamp !== 'number') {
      throw new PayloadDecodeError(`replay segment event #${index} is not an rrweb event`);
    }
  }
  return { segmentId: typeof header.segment_id === 'number' ? header.segment_id : undefined, compression, events: events as eventWithTime[] };
}

/** One envelope, decoded: the replay (if it carries one) and every other item as JSON. */
export interface DecodedSentryEnvelope {
  header: Record<string, unknown>;
  replay?: { replayEvent: Record<string, unknown>; segmentId: number | undefined; compression: RecordingCompression; events: eventWithTime[] };
  others: { type: string; payload: unknown }[];
}

export function decodeSentryEnvelope(body: Buffer): DecodedSentryEnvelope {
  const envelope = parseEnvelope(body);
  const decoded: DecodedSentryEnvelope = { header: envelope.header, others: [] };
  const replayEventItem = envelope.items.find((item) => item.header.type === 'replay_event');
  const recordingItem = envelope.items.find((item) => item.header.type === 'replay_recording');
  if (recordingItem) {
    if (!replayEventItem) throw new PayloadDecodeError('replay_recording without a replay_event');
    const recording = decodeReplayRecording(recordingItem.payload);
    decoded.replay = { replayEvent: asObject(parseJson(replayEventItem.payload, 'replay_event'), 'replay_event'), ...recording };
  }
  for (const item of envelope.items) {
    if (item === recordingItem || (recordingItem && item === replayEventItem)) continue;
    decoded.others.push({ type: item.header.type, payload: itemJson(item) });
  }
  return decoded;
}
