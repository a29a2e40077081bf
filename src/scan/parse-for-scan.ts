/**
 * One event parsed for the scan: JSON.parse for most; an event of LARGE_EVENT bytes or more by the
 * tokenizer that leaves its long strings in the bytes (scanned in windows), so that memory stays a
 * small multiple of the event's size. What to hand scanEvent as its third argument comes with it.
 */
import { LARGE_EVENT, parseLargeEvent } from '../detect/long-strings.ts';
import { parseEvent } from '../recording/read-recording.ts';

export function parseForScan(bytes: Buffer, path: string, index: number, line: number | undefined): { event: unknown; copies: Buffer | unknown[] } {
  if (bytes.length < LARGE_EVENT) return { event: parseEvent(bytes, path, index, line, true), copies: bytes };
  let shadowed: unknown[] = [];
  const event = parseEvent(bytes, path, index, line, true, (text) => {
    const parsed = parseLargeEvent(text);
    shadowed = parsed.shadowed;
    return parsed.event;
  });
  return { event, copies: shadowed };
}
