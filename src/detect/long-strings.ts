/**
 * Events too big to parse whole (a 300 MB string in one event). JSON.parse of such an event holds its
 * text three times (the bytes, their decoded string, the parsed value) and the scan more again; here
 * the event is parsed from its bytes by a small tokenizer that leaves every long string in the bytes,
 * putting a placeholder in its place, and the scanner reads that string window by window
 * (STRING_WINDOW bytes, each window repeating the end of the previous one so that no value is cut).
 * Memory: the event's bytes once, plus a window.
 */
import { Members, type Parsed, mostCopies, variant } from '../recording/duplicate-keys.ts';

/** Bytes of a long string's JSON text scanned at a time. */
export const STRING_WINDOW = 1 << 20;
/** Characters of each window carried into the next: longer than any value a detector or canary matches. */
export const WINDOW_OVERLAP = 16 * 1024;
/** Events this big are parsed by the tokenizer below, their strings longer than a window left in the bytes. */
export const LARGE_EVENT = 8 * 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

interface LongString {
  bytes: Uint8Array;
  /** The string's content in the bytes, quotes excluded. */
  start: number;
  end: number;
}

/** Placeholders of the event being scanned → where their string is. Cleared after each such event. */
const placeholders = new Map<string, LongString>();
const PREFIX = '\u0000maskproof-long-string:';

export function longStringAt(value: string): LongString | undefined {
  return value.charCodeAt(0) === 0 && placeholders.size > 0 ? placeholders.get(value) : undefined;
}

export function forgetLongStrings(): void {
  // Called after every event: Map.clear() on an empty map still showed up in profiles.
  if (placeholders.size > 0) placeholders.clear();
}

function decode(bytes: Uint8Array, start: number, end: number): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
  const raw = buffer.toString('utf8');
  return buffer.indexOf(BACKSLASH) === -1 ? raw : (JSON.parse(`"${raw}"`) as string);
}

/**
 * A long string's text, window by window: each window is decoded on its own (cut between escapes and
 * between UTF-8 characters) and starts with the last WINDOW_OVERLAP characters of the one before.
 */
export function* stringWindows(long: LongString): Generator<string> {
  const { bytes, start, end } = long;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = start; // a cut point: after every escape that starts before it
  let from = start;
  let tail = '';
  while (from < end) {
    const target = Math.min(end, from + STRING_WINDOW);
    let cut = target;
    if (target < end) {
      for (;;) {
        const b = at < target ? buffer.subarray(0, target).indexOf(BACKSLASH, at) : -1;
        if (b === -1) break;
        at = b + (bytes[b + 1] === 0x75 ? 6 : 2); // \uXXXX, or \n, \", \\ ...
      }
      cut = Math.max(at, target);
      while (cut > at && (bytes[cut]! & 0xc0) === 0x80) cut--; // not inside a UTF-8 character
      if (cut <= from) cut = target; // cannot happen with valid text; never loop forever
    }
    const text = tail + decode(bytes, from, cut);
    yield text;
    tail = text.slice(Math.max(0, text.length - WINDOW_OVERLAP));
    from = cut;
    at = Math.max(at, cut);
  }
}

class TokenError extends Error {}

/**
 * Parses one event's JSON text from its bytes, keeping repeated keys, with each string longer than a
 * window left in the bytes behind a placeholder. Throws on text that is not JSON.
 */
function tokenize(bytes: Uint8Array): Parsed {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  let i = 0;
  const fail = (what: string): never => {
    throw new TokenError(`${what} at byte ${i}`);
  };
  const space = () => {
    for (let c = bytes[i]; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = bytes[++i]);
  };
  const string = (): string => {
    if (bytes[i] !== QUOTE) fail('expected a string');
    const start = i + 1;
    let end = start;
    for (;;) {
      end = buffer.indexOf(QUOTE, end);
      if (end === -1) {
        i = n;
        fail('unterminated string');
      }
      let run = 0;
      for (let k = end - 1; bytes[k] === BACKSLASH; k--) run++;
      if (run % 2 === 0) break;
      end++;
    }
    i = end + 1;
    if (end - start <= STRING_WINDOW) {
      try {
        return decode(bytes, start, end);
      } catch {
        return fail('bad escape in a string');
      }
    }
    const placeholder = `${PREFIX}${placeholders.size}`;
    placeholders.set(placeholder, { bytes, start, end });
    return placeholder;
  };
  const literal = (): number | boolean | null => {
    const start = i;
    while (i < n && !(bytes[i] === 0x2c || bytes[i] === 0x5d || bytes[i] === 0x7d || bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
    try {
      return JSON.parse(buffer.toString('latin1', start, i)) as number | boolean | null;
    } catch {
      i = start;
      return fail('unexpected text');
    }
  };
  const value = (): Parsed => {
    space();
    const c = bytes[i];
    if (c === 0x7b) {
      i++;
      const pairs: [string, Parsed][] = [];
      space();
      if (bytes[i] === 0x7d) {
        i++;
        return new Members(pairs);
      }
      for (;;) {
        space();
        const key = string();
        space();
        if (bytes[i++] !== 0x3a) fail('expected ":"');
        pairs.push([key, value()]);
        space();
        const next = bytes[i++];
        if (next === 0x7d) return new Members(pairs);
        if (next !== 0x2c) fail('expected "," or "}"');
      }
    }
    if (c === 0x5b) {
      i++;
      const items: Parsed[] = [];
      space();
      if (bytes[i] === 0x5d) {
        i++;
        return items;
      }
      for (;;) {
        items.push(value());
        space();
        const next = bytes[i++];
        if (next === 0x5d) return items;
        if (next !== 0x2c) fail('expected "," or "]"');
      }
    }
    if (c === QUOTE) return string();
    return literal();
  };
  const parsed = value();
  space();
  if (i < n) fail('text after the event');
  return parsed;
}

/**
 * A large event as JSON.parse would give it (the last copy of a repeated key), its long strings as
 * placeholders; `shadowed`: the earlier copies of repeated keys (see shadowedVariants). Throws a
 * message for "is not valid JSON: …" when the text is not JSON.
 */
export function parseLargeEvent(bytes: Uint8Array): { event: unknown; shadowed: unknown[] } {
  forgetLongStrings(); // an earlier event that failed its schema check
  let tree: Parsed;
  try {
    tree = tokenize(bytes);
  } catch (error) {
    forgetLongStrings();
    throw error instanceof TokenError ? new SyntaxError(error.message) : error;
  }
  const copies = mostCopies(tree);
  const shadowed: unknown[] = [];
  for (let copy = 0; copy < copies - 1; copy++) shadowed.push(variant(tree, copy));
  return { event: variant(tree, copies - 1), shadowed };
}
