/**
 * Streams the events of a recording file without holding the file in memory: a JSON array of rrweb
 * events (.json, also `{"events": [...]}`) or one event per line (.jsonl), either optionally gzipped.
 * Peak memory is one read chunk plus the largest single event.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { MaskproofError, RecordingFormatError } from '../errors.ts';
import { JsonArraySplitter, MAX_EVENT_DEPTH, SplitError, deepEventError, eventDepth, isJsonSpace } from './json-array-splitter.ts';
import { type Line, LineSplitter } from './line-splitter.ts';
import { validateEvent } from './schema.ts';

export interface RecordedEvent {
  event: unknown;
  /** 0-based position in the recording. */
  index: number;
  /** Size of the event's JSON text in bytes (uncompressed). */
  bytes: number;
}

export interface ReadRecordingOptions {
  /** Read chunk size in bytes (small values exercise chunk boundaries in tests). */
  highWaterMark?: number;
  /** Check each event against the rrweb event schema. Default true. */
  validate?: boolean;
}

export const VALID_RECORDING =
  'Pass an rrweb recording: a JSON array of events (.json) or {"events": [...]}, or one event per line (.jsonl), optionally gzipped (.gz).';

type Layout = 'array' | 'lines';

function recordingError(path: string, what: string): RecordingFormatError {
  return new RecordingFormatError(`${path}: ${what}`, VALID_RECORDING);
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** The file's bytes, gunzipped when it is gzip (by name or by its magic bytes). */
async function openBytes(path: string, highWaterMark: number | undefined): Promise<{ stream: AsyncIterable<Buffer>; plain: boolean }> {
  let gzip: boolean;
  try {
    gzip = path.toLowerCase().endsWith('.gz') || (await startsWithGzipMagic(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RecordingFormatError(`recording not found: ${path}`, VALID_RECORDING);
    if (code === 'EISDIR') throw new RecordingFormatError(`${path} is a directory, not a recording`, VALID_RECORDING);
    throw new RecordingFormatError(`cannot read recording ${path}: ${(error as Error).message}`, VALID_RECORDING);
  }
  // Large reads: fewer chunks means fewer trips through the stream machinery on the hot path.
  const file = createReadStream(path, { highWaterMark: highWaterMark ?? 1024 * 1024 });
  if (!gzip) return { stream: file, plain: true };
  // pipeline() passes a read error on to the gunzip stream, so iterating it throws.
  return { stream: pipeline(file, createGunzip({ chunkSize: highWaterMark ? Math.max(64, highWaterMark) : 256 * 1024 }), () => {}) as Readable, plain: false };
}

/** Reads a byte range of a plain file again, in one piece (a huge event, rather than its pieces held and copied). */
function rereader(path: string): (start: number, end: number) => Buffer {
  return (start, end) => {
    const bytes = Buffer.allocUnsafe(end - start);
    const handle = openSync(path, 'r');
    try {
      for (let at = 0; at < bytes.length; ) {
        const read = readSync(handle, bytes, at, bytes.length - at, start + at);
        if (read === 0) throw new Error(`the file changed while it was read (it ends before byte ${start + at})`);
        at += read;
      }
    } finally {
      closeSync(handle);
    }
    return bytes;
  };
}

/** Which layout the file uses by its name; undefined when the name does not say. */
function layoutByName(path: string): Layout | undefined {
  const name = path.replace(/\.gz$/i, '').toLowerCase();
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'lines';
  if (name.endsWith('.json')) return 'array';
  return undefined;
}

/** Keys an rrweb event starts with: a "{" followed by one of them begins a line of JSONL. */
const EVENT_KEYS = new Set(['type', 'data', 'timestamp', 'delay']);

/**
 * Which layout the first bytes show: "[" is an array; "{" is a line of JSONL when its first key is an
 * rrweb event's, else the object form {"events": [...]}. Undefined while the bytes seen do not tell.
 */
function layoutByContent(head: Buffer): Layout | undefined {
  let i = 0;
  while (i < head.length && (isJsonSpace(head[i]!) || head[i] === 0xef || head[i] === 0xbb || head[i] === 0xbf)) i++; // whitespace, BOM
  if (i >= head.length) return undefined;
  if (head[i] !== 0x7b) return 'array';
  let j = i + 1;
  while (j < head.length && isJsonSpace(head[j]!)) j++;
  if (j >= head.length) return undefined;
  if (head[j] !== 0x22) return 'lines'; // not JSON: let the line parser say so
  const end = head.indexOf(0x22, j + 1);
  if (end === -1) return head.length - j > 64 ? 'array' : undefined;
  return EVENT_KEYS.has(head.toString('latin1', j + 1, end)) ? 'lines' : 'array';
}

/** The JSON text of consecutive events, as read from one chunk of the file: nothing parsed yet. */
export interface EventBatch {
  /** Index of elements[0] in the recording. */
  firstIndex: number;
  /** Each event's JSON text (views into the read chunk where possible). */
  elements: Buffer[];
  /** JSONL only: each event's 1-based line number, for error messages. */
  lines: number[] | undefined;
  /** .json only: each event's object members (colons outside strings), counted by the splitter for free. */
  members?: number[];
}

/**
 * Streams the events' JSON text, a batch per read chunk, without parsing it: the cheap half of
 * reading, which a caller can do on one thread while another parses. Bad layout throws
 * RecordingFormatError naming the event.
 */
export async function* readEventBatches(path: string, options: Pick<ReadRecordingOptions, 'highWaterMark'> = {}): AsyncGenerator<EventBatch> {
  const { stream, plain } = await openBytes(path, options.highWaterMark);
  let layout = layoutByName(path);
  let head: Buffer[] = []; // first chunks, kept only until the layout is known
  let array: JsonArraySplitter | undefined;
  let lines: LineSplitter | undefined;
  let index = 0;
  const linesBatch = (found: Line[]): EventBatch => {
    const batch = { firstIndex: index, elements: found.map((l) => l.bytes), lines: found.map((l) => l.line) };
    index += found.length;
    return batch;
  };
  try {
    for await (let chunk of stream) {
      if (layout === undefined) {
        head.push(chunk);
        chunk = head.length > 1 ? Buffer.concat(head) : chunk;
        layout = layoutByContent(chunk);
        if (layout === undefined) continue;
        head = [];
      }
      if (layout === 'array') {
        const elements = (array ??= new JsonArraySplitter(plain ? rereader(path) : undefined)).push(chunk);
        if (elements.length === 0) continue;
        yield { firstIndex: index, elements, lines: undefined, members: array.members };
        index += elements.length;
      } else {
        const found = (lines ??= new LineSplitter(plain ? rereader(path) : undefined)).push(chunk);
        if (found.length) yield linesBatch(found);
      }
    }
    if (layout === 'lines') {
      const found = lines?.end() ?? [];
      if (found.length) yield linesBatch(found);
    } else {
      if (head.length) (array ??= new JsonArraySplitter()).push(Buffer.concat(head));
      (array ?? new JsonArraySplitter()).end();
    }
    // An empty .jsonl, `[]` or {"events": []} proves nothing: the same error as an empty .json, never "clean".
    if (index === 0) throw recordingError(path, 'holds no events (an empty recording cannot show that nothing leaked)');
  } catch (error) {
    if (error instanceof MaskproofError) throw error;
    if (error instanceof SplitError) throw recordingError(path, error.message);
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || /gzip|incorrect header|unexpected end of file/i.test((error as Error).message)) {
      throw recordingError(path, `is not valid gzip data: ${(error as Error).message}`);
    }
    throw recordingError(path, `cannot be read: ${(error as Error).message}`);
  }
}

/** One event's JSON text parsed (and checked against the rrweb event schema unless `validate` is false); `parse` defaults to JSON.parse. */
export function parseEvent(bytes: Buffer, path: string, index: number, line: number | undefined, validate: boolean, parse: (bytes: Buffer) => unknown = (b) => JSON.parse(b.toString('utf8'))): unknown {
  let event: unknown;
  // A byte-order mark at the start of a .jsonl file, as accepted at the start of a .json one.
  if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  // Invalid UTF-8 would be decoded to U+FFFD and scanned as something the file does not hold.
  if (!isUtf8(bytes)) {
    const where = line === undefined ? `event ${index}` : `event ${index} (line ${line})`;
    throw recordingError(path, `${where} is not valid UTF-8 text (a recording is JSON, which is UTF-8)`);
  }
  // A .json event's depth was checked by the splitter as it streamed; a .jsonl line is checked here.
  if (line !== undefined && bytes.length > MAX_EVENT_DEPTH && eventDepth(bytes) > MAX_EVENT_DEPTH) {
    throw recordingError(path, `${deepEventError(index).message} (line ${line})`);
  }
  try {
    event = parse(bytes);
  } catch (error) {
    const where = line === undefined ? `event ${index}` : `event ${index} (line ${line})`;
    throw recordingError(path, `${where} is not valid JSON: ${(error as Error).message}`);
  }
  if (validate) validateEvent(event, index, path);
  return event;
}

/** Streams the events of an rrweb recording file; bad input throws RecordingFormatError naming the event. */
export async function* readRecording(path: string, options: ReadRecordingOptions = {}): AsyncGenerator<RecordedEvent> {
  const validate = options.validate !== false;
  // One trip through the async machinery per chunk, not per event.
  for await (const { firstIndex, elements, lines } of readEventBatches(path, options)) {
    for (let i = 0; i < elements.length; i++) {
      const bytes = elements[i]!;
      yield { event: parseEvent(bytes, path, firstIndex + i, lines?.[i], validate), index: firstIndex + i, bytes: bytes.length };
    }
  }
}
