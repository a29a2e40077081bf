/**
 * Splits a byte stream holding one JSON array of events into the bytes of each element, chunk by
 * chunk, without decoding or parsing anything: the caller parses each element once it is whole.
 *
 * Also takes the object form `{"events": [...], ...}` (other keys are skipped).
 *
 * Works on bytes: every structural character is ASCII, and UTF-8 never uses ASCII bytes inside a
 * multi-byte character, so a chunk boundary in the middle of "é" cannot confuse it. Inside strings it
 * jumps from quote to quote with indexOf; outside strings it skips uninteresting bytes with a table.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Bytes the scanner must stop at outside strings; everything else (digits, letters, spaces) is skipped. */
const INTERESTING = new Uint8Array(256);
for (const byte of [QUOTE, COMMA, COLON, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE]) INTERESTING[byte] = 1;

const EVENTS_KEY = Buffer.from('events');

export function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** What is wrong with the input, and which event it concerns (the number of elements already split). */
/**
 * How deep one event may nest (arrays and objects, the event itself being level 1). A real rrweb snapshot
 * nests about two levels per DOM level, far below this; deeper is refused with the event's index here,
 * before a parser, the schema check or the detectors recurse into it.
 */
export const MAX_EVENT_DEPTH = 1000;

export function deepEventError(index: number): SplitError {
  return new SplitError(`event ${index} is nested more than ${MAX_EVENT_DEPTH} levels deep (arrays and objects inside one event); no rrweb event nests like that`, index);
}

/** The nesting depth of one event's JSON text (strings skipped), stopping once it passes `limit`. */
export function eventDepth(bytes: Buffer, limit = MAX_EVENT_DEPTH): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) {
      for (i++; i < bytes.length && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) depth--;
  }
  return max;
}

export class SplitError extends Error {
  constructor(
    message: string,
    readonly eventIndex: number,
  ) {
    super(message);
  }
}

export class JsonArraySplitter {
  /** Nesting depth: 1 = directly inside the top-level array or object. */
  private depth = 0;
  /** Depth of the events array: 1 for a bare array, 2 in the object form, 0 until known. */
  private arrayDepth = 0;
  private topLevel: 'none' | 'array' | 'object' = 'none';
  private ended = false; // the top-level value closed
  private eventsDone = false; // object form: the events array closed
  private inString = false;
  private escapePending = false; // the previous chunk ended on an unpaired backslash inside a string
  /** Waiting for the first byte of the next element (after "[" or ","). */
  private expectElement = false;
  private elementOpen = false;
  private parts: Buffer[] = []; // pieces of the current element from earlier chunks
  private count = 0;
  // Object form: the last string seen directly in the top-level object, and the key a value belongs to.
  private keyParts: Buffer[] | null = null; // pieces of a top-level string from earlier chunks
  private keyLength = 0;
  private lastString: Buffer | null = null;
  private currentKeyIsEvents = false;
  /** Bytes pushed before the current chunk, and where the current element starts in them. */
  private offset = 0;
  private elementStart = 0;
  private heldBytes = 0;
  /** The current element's pieces were let go: it is read again from the file once it closes. */
  private dropped = false;
  /** Colons outside strings in the current element: its object members (see duplicate-keys.ts). */
  private colons = 0;
  /** After each push: the object members of each element it returned, counted on the way. */
  members: number[] = [];

  /**
   * `reread(start, end)`: the input's bytes from `start` to `end`, read again (a plain file). With it,
   * an element longer than `dropOver` bytes is not held piece by piece while it streams by (and then
   * copied whole): its pieces are let go and it is read once, in one piece, when it closes.
   */
  constructor(
    private readonly reread?: (start: number, end: number) => Buffer,
    private readonly dropOver = 8 * 1024 * 1024,
  ) {}

  /** Feeds one chunk; returns the elements it completed (views into the chunk where possible). */
  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    this.members = [];
    const n = chunk.length;
    let i = 0;
    let start = this.elementOpen ? 0 : -1; // start of the current element in this chunk
    let stringStart = 0;
    while (i < n) {
      if (this.inString) {
        if (this.escapePending) {
          this.escapePending = false;
          if (++i >= n) break;
        }
        const from = i;
        // Most strings are short keys: a plain loop finds their end faster than a native indexOf call.
        const near = Math.min(n, i + 32);
        while (i < near && chunk[i] !== QUOTE) i++;
        const quote = i < near ? i : chunk.indexOf(QUOTE, i);
        if (quote === -1) {
          let run = 0;
          for (let k = n - 1; k >= from && chunk[k] === BACKSLASH; k--) run++;
          this.escapePending = run % 2 === 1;
          if (this.keyParts) this.keepKeyPiece(chunk.subarray(stringStart, n));
          break;
        }
        i = quote + 1;
        if (quote > from && chunk[quote - 1] === BACKSLASH) {
          // Escaped only if an odd number of backslashes precede it (earlier ones were already paired).
          let run = 0;
          for (let k = quote - 1; k >= from && chunk[k] === BACKSLASH; k--) run++;
          if (run % 2 === 1) continue;
        }
        this.inString = false;
        if (this.keyParts) this.endTopLevelString(chunk.subarray(stringStart, quote));
        continue;
      }
      if (this.depth === 0) {
        i = this.outsideTopLevel(chunk, i);
        continue;
      }
      if (this.expectElement) {
        while (i < n && isJsonSpace(chunk[i]!)) i++;
        if (i >= n) break;
        const first = chunk[i]!;
        if (first !== CLOSE_BRACKET && first !== COMMA) {
          this.expectElement = false;
          this.elementOpen = true;
          start = i;
          this.elementStart = this.offset + i;
        }
      }
      // Skip digits, letters, literals and whitespace in one tight loop.
      while (i < n && INTERESTING[chunk[i]!] === 0) i++;
      if (i >= n) break;
      const byte = chunk[i++]!;
      if (byte === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && this.topLevel === 'object') {
          this.keyParts = [];
          this.keyLength = 0;
          stringStart = i;
        }
      } else if (this.depth === this.arrayDepth && (byte === COMMA || byte === CLOSE_BRACKET)) {
        // "," or "]" directly in the events array closes the current element.
        if (this.elementOpen) {
          out.push(this.closeElement(chunk, start === -1 ? 0 : start, i - 1));
          start = -1;
        } else if (byte === COMMA || this.count > 0) {
          throw new SplitError(`event ${this.count} is missing (an extra or misplaced ",")`, this.count);
        }
        if (byte === COMMA) this.expectElement = true;
        else {
          this.expectElement = false;
          this.depth--;
          this.arrayDepth = 0;
          if (this.topLevel === 'array') this.ended = true;
          else this.eventsDone = true;
        }
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        if (this.depth === 1 && this.topLevel === 'object' && byte === OPEN_BRACKET && this.currentKeyIsEvents && !this.eventsDone) {
          this.arrayDepth = 2;
          this.expectElement = true;
        }
        this.depth++;
        if (this.arrayDepth > 0 && this.depth - this.arrayDepth > MAX_EVENT_DEPTH) throw deepEventError(this.count);
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth < this.arrayDepth) throw new SplitError(`event ${this.count} has an unmatched "${String.fromCharCode(byte)}"`, this.count);
        if (this.depth === 0) {
          if (byte !== (this.topLevel === 'array' ? CLOSE_BRACKET : CLOSE_BRACE)) throw new SplitError(`has a mismatched "${String.fromCharCode(byte)}" closing the top level`, this.count);
          if (!this.eventsDone) throw new SplitError('is a JSON object without an "events" array', 0);
          this.ended = true;
        }
      } else if (byte === COLON && this.arrayDepth > 0 && this.depth > this.arrayDepth) {
        this.colons++;
      } else if (this.depth === 1 && this.topLevel === 'object') {
        // ":" after a key says which key the next value belongs to; "," starts the next key.
        this.currentKeyIsEvents = byte === COLON && this.lastString !== null && this.lastString.equals(EVENTS_KEY);
        this.lastString = null;
      }
    }
    if (this.elementOpen && !this.dropped) {
      const piece = chunk.subarray(start === -1 ? 0 : start);
      this.parts.push(piece);
      this.heldBytes += piece.length;
      if (this.reread && this.heldBytes > this.dropOver) {
        this.parts = [];
        this.dropped = true;
      }
    }
    this.offset += n;
    return out;
  }

  /** Call after the last chunk: throws if the input stopped before the array closed. */
  end(): void {
    if (this.topLevel === 'none') throw new SplitError('is empty, not a JSON array of events', 0);
    if (this.ended) return;
    if (this.arrayDepth > 0) throw new SplitError(`ends in the middle of event ${this.count} (the file is truncated)`, this.count);
    if (!this.eventsDone) throw new SplitError('ends before its "events" array (the file is truncated, or it is not a recording)', 0);
    throw new SplitError(`ends after event ${this.count - 1}, before the object closes (the file is truncated)`, this.count);
  }

  /** Before and after the top-level value: only whitespace, and one "[" or "{" to open it. */
  private outsideTopLevel(chunk: Buffer, i: number): number {
    const n = chunk.length;
    // Whitespace, and before the start a UTF-8 byte order mark (EF BB BF), possibly split across chunks.
    while (i < n && (isJsonSpace(chunk[i]!) || (this.topLevel === 'none' && chunk[i]! >= 0xbb && (chunk[i] === 0xef || chunk[i] === 0xbb || chunk[i] === 0xbf)))) i++;
    if (i >= n) return n;
    const byte = chunk[i]!;
    if (this.ended) throw new SplitError(`has text after the end of the event array (after event ${this.count - 1})`, this.count);
    if (byte !== OPEN_BRACKET && byte !== OPEN_BRACE) {
      throw new SplitError(`is not a JSON array of events (it starts with "${String.fromCharCode(byte)}")`, 0);
    }
    this.topLevel = byte === OPEN_BRACKET ? 'array' : 'object';
    this.depth = 1;
    if (this.topLevel === 'array') {
      this.arrayDepth = 1;
      this.expectElement = true;
    }
    return i + 1;
  }

  private closeElement(chunk: Buffer, start: number, end: number): Buffer {
    const tail = chunk.subarray(start, end);
    const whole = this.dropped ? this.reread!(this.elementStart, this.offset + end) : this.parts.length ? Buffer.concat([...this.parts, tail]) : tail;
    this.parts = [];
    this.heldBytes = 0;
    this.dropped = false;
    this.members.push(this.colons);
    this.colons = 0;
    this.elementOpen = false;
    this.count++;
    return whole;
  }

  /** Keeps a piece of a top-level string only while it could still be "events": a long value is not held. */
  private keepKeyPiece(piece: Buffer): void {
    this.keyLength += piece.length;
    if (this.keyLength <= EVENTS_KEY.length) this.keyParts!.push(piece);
  }

  private endTopLevelString(tail: Buffer): void {
    const parts = this.keyParts!;
    this.keyParts = null;
    this.lastString = this.keyLength + tail.length === EVENTS_KEY.length ? Buffer.concat([...parts, tail]) : null;
  }
}
