/**
 * Streams the events of a recording file without holding the file in memory: a JSON array of rrweb
 * events (.json) or one event per line (.jsonl), either optionally gzipped.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { MaskproofError, RecordingFormatError } from '../errors.ts';
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
  /** Check each event against the rrweb envelope schema. Default true. */
  validate?: boolean;
}

const VALID_INPUT = 'Pass an rrweb recording: a JSON array of events (.json), one event per line (.jsonl), optionally gzipped (.gz).';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function formatError(source: string, what: string): RecordingFormatError {
  return new RecordingFormatError(`${source}: ${what}`, VALID_INPUT);
}

/** Decodes and parses one event's bytes; the error names the event. */
function parseEvent(bytes: Buffer, index: number, source: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw formatError(source, `event ${index} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Splits a byte stream holding one top-level JSON array into its elements. Works on bytes, not
 * decoded text: every structural character is ASCII, so multi-byte characters never confuse it, and
 * an element is decoded only once it is whole.
 */
async function* splitJsonArray(chunks: AsyncIterable<Buffer>, source: string): AsyncGenerator<Buffer> {
  let state: 'before' | 'inside' | 'after' = 'before';
  let depth = 0; // 1 = directly inside the top-level array
  let inString = false;
  let escapePending = false; // the previous chunk ended on an unpaired backslash inside a string
  let parts: Buffer[] = []; // pieces of the current element from earlier chunks
  let elementStart = -1; // start of the current element in this chunk, -1 if none started here
  let elementOpen = false;
  let count = 0;
  let first = true;

  const finishElement = (chunk: Buffer, end: number): Buffer => {
    const tail = chunk.subarray(elementStart === -1 ? 0 : elementStart, end);
    const whole = parts.length ? Buffer.concat([...parts, tail]) : tail;
    parts = [];
    elementStart = -1;
    elementOpen = false;
    return whole;
  };

  for await (const chunk of chunks) {
    let i = 0;
    if (first && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3; // UTF-8 BOM
    first = false;
    const n = chunk.length;
    while (i < n) {
      if (inString) {
        if (escapePending) {
          escapePending = false;
          i++;
          continue;
        }
        const quote = chunk.indexOf(QUOTE, i);
        if (quote === -1) {
          let run = 0;
          for (let k = n - 1; k >= i && chunk[k] === BACKSLASH; k--) run++;
          escapePending = run % 2 === 1;
          i = n;
          break;
        }
        let run = 0;
        for (let k = quote - 1; k >= i && chunk[k] === BACKSLASH; k--) run++;
        i = quote + 1;
        if (run % 2 === 0) inString = false;
        continue;
      }
      const byte = chunk[i]!;
      if (state === 'before') {
        if (byte === 0x5b) {
          state = 'inside';
          depth = 1;
        } else if (!isSpace(byte)) {
          throw formatError(source, `is not a JSON array of events (it starts with "${String.fromCharCode(byte)}")`);
        }
        i++;
        continue;
      }
      if (state === 'after') {
        if (!isSpace(byte)) throw formatError(source, `has text after the end of the event array (after event ${count - 1})`);
        i++;
        continue;
      }
      if (depth === 1 && (byte === 0x2c || byte === 0x5d)) {
        // "," or "]" directly in the array closes the current element.
        if (elementOpen) {
          yield finishElement(chunk, i);
          count++;
        } else if (byte === 0x2c || count > 0) {
          throw formatError(source, `event ${count} is missing (an extra or misplaced ",")`);
        }
        if (byte === 0x5d) {
          state = 'after';
          depth = 0;
        }
        i++;
        continue;
      }
      if (!elementOpen && !isSpace(byte)) {
        elementOpen = true;
        elementStart = i;
      }
      if (byte === QUOTE) inString = true;
      else if (byte === 0x7b || byte === 0x5b) depth++;
      else if ((byte === 0x7d || byte === 0x5d) && --depth < 1) throw formatError(source, `event ${count} has an unmatched "${String.fromCharCode(byte)}"`);
      i++;
    }
    if (elementOpen) {
      parts.push(chunk.subarray(elementStart === -1 ? 0 : elementStart));
      elementStart = -1;
    }
  }
  if (state === 'before') throw formatError(source, 'is empty, not a JSON array of events');
  if (state === 'inside') throw formatError(source, `ends in the middle of event ${count} (the file is truncated)`);
}

/** Splits a byte stream into lines, one event each; blank lines are skipped. */
async function* splitLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<{ bytes: Buffer; line: number }> {
  let parts: Buffer[] = [];
  let line = 0;
  const nonBlank = (bytes: Buffer) => bytes.some((b) => !isSpace(b));
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, end);
      const bytes = parts.length ? Buffer.concat([...parts, piece]) : piece;
      parts = [];
      line++;
      if (nonBlank(bytes)) yield { bytes, line };
      start = end + 1;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  }
  const rest = Buffer.concat(parts);
  line++;
  if (nonBlank(rest)) yield { bytes: rest, line };
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
async function openBytes(path: string, highWaterMark: number | undefined): Promise<Readable> {
  let gzip: boolean;
  try {
    gzip = path.endsWith('.gz') || (await startsWithGzipMagic(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RecordingFormatError(`recording not found: ${path}`, VALID_INPUT);
    if (code === 'EISDIR') throw new RecordingFormatError(`${path} is a directory, not a recording`, VALID_INPUT);
    throw new RecordingFormatError(`cannot read recording ${path}: ${(error as Error).message}`, VALID_INPUT);
  }
  const file = createReadStream(path, highWaterMark ? { highWaterMark } : {});
  if (!gzip) return file;
  // pipeline() passes a read error on to the gunzip stream, so iterating it throws.
  return pipeline(file, createGunzip(highWaterMark ? { chunkSize: Math.max(64, highWaterMark) } : {}), () => {});
}

/** Which layout the file uses: by name, else by its first meaningful byte. */
function layoutOf(path: string): 'array' | 'lines' | 'sniff' {
  const name = path.replace(/\.gz$/i, '').toLowerCase();
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'lines';
  if (name.endsWith('.json')) return 'array';
  return 'sniff';
}

/** Re-yields the chunks, deciding the layout from the first non-blank byte when the name does not say. */
async function sniffLayout(bytes: AsyncIterable<Buffer>): Promise<{ layout: 'array' | 'lines'; chunks: AsyncIterable<Buffer> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let layout: 'array' | 'lines' = 'array';
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = next.value as Buffer;
    seen.push(chunk);
    const at = chunk.findIndex((b) => !isSpace(b) && b !== 0xef && b !== 0xbb && b !== 0xbf);
    if (at !== -1) {
      layout = chunk[at] === 0x7b ? 'lines' : 'array';
      break;
    }
  }
  async function* chunks(): AsyncGenerator<Buffer> {
    yield* seen;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value as Buffer;
    }
  }
  return { layout, chunks: chunks() };
}

async function* events(path: string, options: ReadRecordingOptions): AsyncGenerator<RecordedEvent> {
  const check = options.validate !== false;
  const bytes = (await openBytes(path, options.highWaterMark)) as AsyncIterable<Buffer>;
  let layout = layoutOf(path);
  let chunks: AsyncIterable<Buffer> = bytes;
  if (layout === 'sniff') ({ layout, chunks } = await sniffLayout(bytes));
  let index = 0;
  if (layout === 'lines') {
    for await (const { bytes: line, line: lineNumber } of splitLines(chunks)) {
      let event: unknown;
      try {
        event = JSON.parse(line.toString('utf8'));
      } catch (error) {
        throw formatError(path, `event ${index} (line ${lineNumber}) is not valid JSON: ${(error as Error).message}`);
      }
      if (check) validateEvent(event, index, path);
      yield { event, index: index++, bytes: line.length };
    }
    return;
  }
  for await (const element of splitJsonArray(chunks, path)) {
    const event = parseEvent(element, index, path);
    if (check) validateEvent(event, index, path);
    yield { event, index: index++, bytes: element.length };
  }
}

/** Streams the events of an rrweb recording file; bad input throws RecordingFormatError naming the event. */
export async function* readRecording(path: string, options: ReadRecordingOptions = {}): AsyncGenerator<RecordedEvent> {
  try {
    yield* events(path, options);
  } catch (error) {
    if (error instanceof MaskproofError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || /gzip|incorrect header|unexpected end of file/i.test((error as Error).message)) {
      throw formatError(path, `is not valid gzip data: ${(error as Error).message}`);
    }
    throw formatError(path, `cannot be read: ${(error as Error).message}`);
  }
}
