/**
 * Which events a scan may hand to another thread. Only two kinds carry text the scanner follows from
 * one event to the next (a field typed into event after event, text appended to an element): input
 * and mutation incremental snapshots. Every other event is scanned the same wherever it is scanned.
 */

const INCREMENTAL_SNAPSHOT = 3;
const SOURCE_MUTATION = 0;
const SOURCE_INPUT = 5;

/** Whether a parsed event is scanned without state from earlier events. */
export function isStatelessEvent(event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return true;
  const { type, data } = event as { type?: unknown; data?: unknown };
  if (type !== INCREMENTAL_SNAPSHOT) return true;
  const source = typeof data === 'object' && data !== null ? (data as { source?: unknown }).source : undefined;
  return source !== SOURCE_MUTATION && source !== SOURCE_INPUT;
}

const TYPE_KEY = Buffer.from('{"type":');
const TIMESTAMP_KEY = Buffer.from(',"timestamp":');
const DATA_SOURCE_KEY = Buffer.from(',"data":{"source":');

function startsWithAt(bytes: Buffer, at: number, key: Buffer): boolean {
  if (at + key.length > bytes.length) return false;
  for (let i = 0; i < key.length; i++) if (bytes[at + i] !== key[i]) return false;
  return true;
}

/** The unsigned integer at `at` and where it ends; value -1 when there is none. */
function integerAt(bytes: Buffer, at: number): [value: number, end: number] {
  let value = -1;
  let i = at;
  for (; i < bytes.length && i - at < 16; i++) {
    const c = bytes[i]!;
    if (c < 0x30 || c > 0x39) break;
    value = (value < 0 ? 0 : value * 10) + (c - 0x30);
  }
  return [value, i];
}

/**
 * From the first bytes of an event's JSON text, without parsing it: true only when they show the
 * event is stateless, in the compact layout rrweb and JSON.stringify write ({"type":3,"data":
 * {"source":1,... or with "timestamp" second). Anything else (whitespace, other key orders) is
 * false: such events stay on the thread that keeps the state. A parsed event can still contradict a
 * sniff (a repeated "type" key): the caller checks with isStatelessEvent after parsing.
 */
export function sniffStateless(bytes: Buffer): boolean {
  if (!startsWithAt(bytes, 0, TYPE_KEY)) return false;
  const [type, afterType] = integerAt(bytes, TYPE_KEY.length);
  if (type < 0) return false;
  if (type !== INCREMENTAL_SNAPSHOT) return bytes[afterType] === 0x2c || bytes[afterType] === 0x7d; // "," or "}"
  let at = afterType;
  if (startsWithAt(bytes, at, TIMESTAMP_KEY)) {
    // A timestamp is a plain integer in every recorder seen; a fraction or exponent gives up.
    const [timestamp, end] = integerAt(bytes, at + TIMESTAMP_KEY.length);
    if (timestamp < 0) return false;
    at = end;
  }
  if (!startsWithAt(bytes, at, DATA_SOURCE_KEY)) return false;
  const [source, end] = integerAt(bytes, at + DATA_SOURCE_KEY.length);
  if (source < 0 || (bytes[end] !== 0x2c && bytes[end] !== 0x7d)) return false;
  return source !== SOURCE_MUTATION && source !== SOURCE_INPUT;
}
