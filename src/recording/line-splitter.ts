/**
 * Splits a byte stream into lines (JSONL: one event per line), chunk by chunk. Blank lines are
 * skipped; each line keeps its 1-based number for error messages.
 */
import { isJsonSpace } from './json-array-splitter.ts';

const NEWLINE = 0x0a;

export interface Line {
  bytes: Buffer;
  /** 1-based line number in the file. */
  line: number;
}

function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (!isJsonSpace(bytes[i]!)) return false;
  return true;
}

export class LineSplitter {
  private parts: Buffer[] = []; // the current line's pieces from earlier chunks
  private line = 0;
  /** Bytes pushed before the current chunk; where the current line starts; its bytes held. */
  private offset = 0;
  private lineStart = 0;
  private held = 0;
  /** The current line's pieces were let go: it is read again from the file when it ends. */
  private dropped = false;

  /** `reread(start, end)`: as for JsonArraySplitter, a line longer than `dropOver` is read again in one piece. */
  constructor(
    private readonly reread?: (start: number, end: number) => Buffer,
    private readonly dropOver = 8 * 1024 * 1024,
  ) {}

  /** Feeds one chunk; returns the non-blank lines it completed. */
  push(chunk: Buffer): Line[] {
    const out: Line[] = [];
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, end);
      const bytes = this.dropped ? this.reread!(this.lineStart, this.offset + end) : this.parts.length ? Buffer.concat([...this.parts, piece]) : piece;
      this.parts = [];
      this.held = 0;
      this.dropped = false;
      this.line++;
      if (!isBlank(bytes)) out.push({ bytes, line: this.line });
      start = end + 1;
      this.lineStart = this.offset + start;
    }
    if (start < chunk.length && !this.dropped) {
      this.parts.push(chunk.subarray(start));
      this.held += chunk.length - start;
      if (this.reread && this.held > this.dropOver) {
        this.parts = [];
        this.dropped = true;
      }
    }
    this.offset += chunk.length;
    return out;
  }

  /** Call after the last chunk: the last line, if the file does not end with a newline. */
  end(): Line[] {
    const rest = this.dropped ? this.reread!(this.lineStart, this.offset) : Buffer.concat(this.parts);
    this.dropped = false;
    this.parts = [];
    this.line++;
    return isBlank(rest) ? [] : [{ bytes: rest, line: this.line }];
  }
}
