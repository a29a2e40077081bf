import { inflateRawSync, inflateSync } from 'node:zlib';
import { PayloadDecodeError } from '../decode-error.ts';

/** Which intake a request is for: Session Replay segments, RUM events, logs (or another track). */
export interface DatadogIntake {
  /** `/api/v2/replay`, `/api/v2/rum`, `/api/v2/logs`… (read from `ddforward` when sent through a proxy). */
  path: string;
  track: string;
  params: URLSearchParams;
  requestId: string | undefined;
}

/**
 * Where a request to Datadog's intake (`https://browser-intake-<site>/api/v2/<track>?…`) or to the
 * app's `proxy` (`<proxy>?ddforward=<encoded path and query>`) is going.
 */
export function datadogIntake(url: string): DatadogIntake | undefined {
  const parsed = new URL(url);
  const forward = parsed.searchParams.get('ddforward');
  const target = forward !== null ? new URL(forward, 'https://intake.invalid') : parsed;
  const match = /^\/api\/v2\/([a-z]+)\/?$/.exec(target.pathname);
  if (!match) return undefined;
  return { path: target.pathname, track: match[1]!, params: target.searchParams, requestId: target.searchParams.get('dd-request-id') ?? undefined };
}

/** One part of a multipart/form-data body. */
export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/**
 * A multipart/form-data body (the SDK's FormData: a `segment` blob and an `event` JSON part), split
 * on the boundary its first line names (the content-type header says the same).
 */
export function parseMultipart(body: Buffer): FormPart[] {
  const firstLineEnd = body.indexOf('\r\n');
  const first = firstLineEnd > 0 ? body.subarray(0, firstLineEnd).toString('latin1') : '';
  if (!first.startsWith('--') || first.length < 3) throw new PayloadDecodeError('replay body is not multipart/form-data (no boundary line)');
  const delimiter = Buffer.from(`\r\n${first}`, 'latin1');
  const parts: FormPart[] = [];
  let start = firstLineEnd + 2;
  for (;;) {
    const end = body.indexOf(delimiter, start);
    if (end < 0) throw new PayloadDecodeError('multipart body ends without its closing boundary');
    const part = body.subarray(start, end);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new PayloadDecodeError('multipart part without headers');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const name = /name="([^"]*)"/.exec(headers)?.[1];
    if (name === undefined) throw new PayloadDecodeError('multipart part without a name');
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    const contentType = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1];
    parts.push({ name, filename, contentType, data: part.subarray(headerEnd + 4) });
    const after = body.subarray(end + delimiter.length, end + delimiter.length + 2).toString('latin1');
    if (after === '--') return parts;
    start = end + delimiter.length + 2;
  }
}

/** Deflate as the SDK's worker writes it (a zlib stream), or raw deflate; PayloadDecodeError when neither. */
export function inflateDeflate(data: Buffer, what: string): Buffer {
  try {
    return inflateSync(data);
  } catch {
    try {
      return inflateRawSync(data);
    } catch (error) {
      throw new PayloadDecodeError(`${what} did not inflate: ${(error as Error).message}`);
    }
  }
}

/** A Session Replay segment as sent: its records and its metadata (application, session, view, start, end, …). */
export interface DatadogSegment {
  records: unknown[];
  metadata: Record<string, unknown>;
  /** The `event` part: the metadata again, with raw and compressed sizes. */
  event: Record<string, unknown>;
  compressedBytes: number;
  rawBytes: number;
}

/** One `/api/v2/replay` request: the deflated segment and its event JSON. */
export function decodeReplayBody(body: Buffer): DatadogSegment {
  const parts = parseMultipart(body);
  const segmentPart = parts.find((p) => p.name === 'segment');
  const eventPart = parts.find((p) => p.name === 'event');
  if (!eventPart) throw new PayloadDecodeError('replay request without its "event" part');
  const event = parseJsonObject(eventPart.data.toString('utf8'), 'replay "event" part');
  if (!segmentPart) {
    // The SDK's replay resource upload (FormData with an `event` of type "resource" and its files).
    throw new PayloadDecodeError(`replay request without a "segment" part (parts: ${parts.map((p) => p.name).join(', ')})`);
  }
  const raw = inflateDeflate(segmentPart.data, 'replay segment');
  const segment = parseJsonObject(raw.toString('utf8'), 'replay segment');
  const { records, ...metadata } = segment;
  if (!Array.isArray(records)) throw new PayloadDecodeError('replay segment without a "records" array');
  return { records, metadata, event, compressedBytes: segmentPart.data.length, rawBytes: raw.length };
}

/** RUM or logs events: newline-delimited JSON, deflated when the URL says `dd-evp-encoding=deflate`. */
export function decodeEventsBody(body: Buffer, intake: DatadogIntake): Record<string, unknown>[] {
  const deflated = intake.params.get('dd-evp-encoding') === 'deflate';
  const text = (deflated ? inflateDeflate(body, `${intake.track} batch`) : body).toString('utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => parseJsonObject(line, `${intake.track} event`));
}

function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PayloadDecodeError(`${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PayloadDecodeError(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}
