/**
 * Messages between a scan and its helper thread. Events travel as their JSON text, packed into one
 * transferred buffer per batch: the helper parses and scans them itself, no object is cloned.
 */
import type { PatternTableParts } from '../detect/index.ts';
import type { Finding, ScanOptions } from '../detect/types.ts';

/** What the helper needs to build the same scanner as the main thread (given as workerData). */
export interface WorkerSetup {
  path: string;
  /** The options the main thread builds its own scanner from: both threads find the same. */
  scan: ScanOptions;
  /** Measure the helper's live heap (after a GC, when gc is exposed) with each reply: for the benchmark. */
  measureMemory: boolean;
  /** The main thread sends its pattern table (a TableMessage, before any batch) instead of the helper building its own. */
  tableFollows?: boolean;
}

/** The main thread's pattern table, the helper's first message when `tableFollows`: built once, not on both threads. */
export interface TableMessage {
  kind: 'table';
  table: PatternTableParts;
}

/** Events packed for the helper: their JSON text end to end, where each ends, which event each is. */
export interface PackedBatch {
  kind: 'batch';
  id: number;
  bytes: Uint8Array;
  ends: Uint32Array;
  indexes: Uint32Array;
  /** JSONL only: line numbers, for error messages. */
  lines: Uint32Array | undefined;
  /** .json only: each event's object members, counted by the splitter. */
  members: Uint32Array | undefined;
}

/** After the last batch: the helper answers with the findings that span events. */
export interface EndRequest {
  kind: 'end';
}

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; findings: Finding[]; events: number; bytes: number; liveBytes?: number }
  | { kind: 'failed'; id: number; index: number; error: { name: string; message: string; hint?: string } }
  | { kind: 'finished'; findings: Finding[] };

/** Packs the given events of a batch into one buffer (copied: the helper owns it once transferred). */
export function packBatch(id: number, elements: Buffer[], indexes: number[], lines: number[] | undefined, members?: number[]): PackedBatch {
  let total = 0;
  for (const element of elements) total += element.length;
  const bytes = new Uint8Array(total);
  const ends = new Uint32Array(elements.length);
  let at = 0;
  elements.forEach((element, i) => {
    bytes.set(element, at);
    at += element.length;
    ends[i] = at;
  });
  return { kind: 'batch', id, bytes, ends, indexes: Uint32Array.from(indexes), lines: lines ? Uint32Array.from(lines) : undefined, members: members ? Uint32Array.from(members) : undefined };
}

/** The buffers a batch hands over to the helper. */
export function transferList(batch: PackedBatch): ArrayBuffer[] {
  const list = [batch.bytes.buffer, batch.ends.buffer, batch.indexes.buffer];
  if (batch.lines) list.push(batch.lines.buffer);
  if (batch.members) list.push(batch.members.buffer);
  return list as ArrayBuffer[];
}
