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

  /** Feeds one chunk; returns the non-blank lines it completed. */
  push(chunk: Buffer): Line[] {
    const out: Line[] = [];
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, end);
      const bytes = this.parts.length ? Buffer.concat([...this.parts, piece]) : piece;
      this.parts = [];
      this.line++;
      if (!isBlank(bytes)) out.push({ bytes, line: this.line });
      start = end + 1;
    }
    if (start < chunk.length) this.parts.push(chunk.subarray(start));
    return out;
  }

  /** Call after the last chunk: the last line, if the file does not end with a newline. */
  end(): Line[] {
    const rest = Buffer.concat(this.parts);
    this.parts = [];
    this.line++;
    return isBlank(rest) ? [] : [{ bytes: rest, line: this.line }];
  }
}
