import { separators } from './text-folding.ts';

/** Longest field value kept to tell a full current value from an appended piece. */
const MAX_REMEMBERED_VALUE = 512;

/**
 * Text that arrives in pieces and must be matched as one string: sibling text nodes in a serialized
 * tree, characters appended to an element event after event, a field whose events carry only what
 * was typed last. Holds the automaton's state after the last piece (so a piece is scanned once, never
 * the whole text again) and the last `window` characters, to locate a match that began in an earlier
 * piece. Memory is bounded by the window, whatever the number of pieces.
 */
export class TextStream {
  /** Automaton state after the last piece. */
  state = 0;
  private readonly pieces: string[] = [];
  private readonly events: number[] = [];
  /** Absolute index of pieces[0] (pieces before it were dropped). */
  private dropped = 0;
  private kept = 0;
  /** Field streams: the previous value, and whether values have been seen to be increments. */
  private lastValue: string | undefined;
  private increments = false;

  constructor(
    /** Characters to keep: the longest match's span (separators included) fits in it. */
    private readonly window: number,
    /** The node the text belongs to, when it is not a serialized tree. */
    readonly nodeId: number | undefined,
    /** Identity across events, for reporting a value once per stream. */
    readonly key: string,
    /** Kept across events (a node's stream), rather than dropped with the event (a tree's). */
    private readonly retained = false,
  ) {}

  /** Characters currently kept. */
  get keptLength(): number {
    return this.kept;
  }

  /** Absolute index the next piece will get. */
  get nextPiece(): number {
    return this.dropped + this.pieces.length;
  }

  /** Appends a piece; returns its absolute index. */
  push(text: string, eventIndex: number): number {
    const pieces = this.pieces;
    // A stream that outlives the event keeps a flat copy of a long piece's tail, not the event's string.
    const kept = this.retained && text.length > this.window ? ` ${text.slice(-this.window)}`.slice(1) : text;
    pieces.push(kept);
    this.events.push(eventIndex);
    this.kept += kept.length;
    while (pieces.length > 1 && this.kept - pieces[0]!.length >= this.window) {
      this.kept -= pieces.shift()!.length;
      this.events.shift();
      this.dropped++;
    }
    return this.dropped + pieces.length - 1;
  }

  /**
   * For a field whose events carry its value: the state to scan `value` from. A value that extends or
   * shortens the previous one is the field's whole current value (rrweb inputs): scan it afresh. Once
   * values stop doing so the events carry increments (one character each, say): continue the stream.
   */
  startForValue(value: string): number {
    const last = this.lastValue;
    if (!this.increments && last !== undefined && !value.startsWith(last) && !last.startsWith(value)) this.increments = true;
    this.lastValue = value.length <= MAX_REMEMBERED_VALUE ? value : undefined;
    if (this.increments) return this.state;
    this.dropped = this.nextPiece;
    this.pieces.length = 0;
    this.events.length = 0;
    this.kept = 0;
    return 0;
  }

  /**
   * Where a match that still needs `count` skeleton characters before piece `piece` starts:
   * [absolute piece, offset], or undefined when it began before the kept window.
   */
  locate(piece: number, count: number): [number, number] | undefined {
    const sep = separators();
    for (let p = piece - 1; p >= this.dropped; p--) {
      const text = this.pieces[p - this.dropped]!;
      for (let i = text.length - 1; i >= 0; i--) {
        if (sep[text.charCodeAt(i)] === 0 && --count === 0) return [p, i];
      }
    }
    return undefined;
  }

  /** The kept text from [piece, offset] up to (not including) piece `until`. */
  textFrom(piece: number, offset: number, until: number): string {
    let out = this.pieces[piece - this.dropped]!.slice(offset);
    for (let p = piece + 1; p < until; p++) out += this.pieces[p - this.dropped]!;
    return out;
  }

  /** The character before [piece, offset], or -1. */
  charBefore(piece: number, offset: number): number {
    if (offset > 0) return this.pieces[piece - this.dropped]!.charCodeAt(offset - 1);
    for (let p = piece - 1; p >= this.dropped; p--) {
      const text = this.pieces[p - this.dropped]!;
      if (text.length) return text.charCodeAt(text.length - 1);
    }
    return -1;
  }

  eventOf(piece: number): number {
    return this.events[piece - this.dropped] ?? -1;
  }
}

/**
 * Streams of nodes across events, keyed by node (and attribute). At most `capacity` are kept: the
 * least recently used go first (approximately: an entry is moved to the back only once it has aged
 * past half the capacity, so most look-ups are a plain Map read).
 */
export class StreamRegistry {
  private readonly streams = new Map<number | string, { stream: TextStream; touched: number }>();
  private clock = 0;

  constructor(
    private readonly window: number,
    private readonly capacity = 4096,
  ) {}

  get(key: number | string, nodeId: number | undefined): TextStream {
    const now = ++this.clock;
    const entry = this.streams.get(key);
    if (entry) {
      if (now - entry.touched > this.capacity / 2) {
        this.streams.delete(key);
        this.streams.set(key, entry);
        entry.touched = now;
      }
      return entry.stream;
    }
    if (this.streams.size >= this.capacity) this.streams.delete(this.streams.keys().next().value!);
    const stream = new TextStream(this.window, nodeId, String(key), true);
    this.streams.set(key, { stream, touched: now });
    return stream;
  }

  get size(): number {
    return this.streams.size;
  }
}
