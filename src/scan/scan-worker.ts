/**
 * The helper thread of a parallel scan. It scans every event whose findings depend on earlier events
 * (in order: it holds the scanner's state across events), and any other event it is given, with a
 * scanner built from the same options as the main thread's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Scanner, createScanner, tableFromParts } from '../detect/index.ts';
import type { Finding } from '../detect/types.ts';
import { MaskproofError } from '../errors.ts';
import { parseForScan } from './parse-for-scan.ts';
import type { EndRequest, PackedBatch, TableMessage, WorkerReply, WorkerSetup } from './protocol.ts';

const setup = workerData as WorkerSetup;
const port = parentPort!;
// The same scanner as the main thread's: its table comes from there when it says so (built once).
let scanner: Scanner | undefined = setup.tableFollows ? undefined : createScanner(setup.scan);
const gc = (globalThis as { gc?: () => void }).gc;

function scanBatch(batch: PackedBatch): WorkerReply {
  const findings: Finding[] = [];
  const buffer = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  let start = 0;
  let index = -1;
  try {
    for (let i = 0; i < batch.ends.length; i++) {
      const end = batch.ends[i]!;
      index = batch.indexes[i]!;
      const json = buffer.subarray(start, end);
      const { event, copies } = parseForScan(json, setup.path, index, batch.lines?.[i]);
      for (const finding of scanner!.scanEvent(event, index, copies, batch.members?.[i])) findings.push(finding);
      start = end;
    }
  } catch (error) {
    const e = error as Error;
    return { kind: 'failed', id: batch.id, index, error: { name: e.name, message: e.message, ...(error instanceof MaskproofError ? { hint: error.hint } : {}) } };
  }
  let liveBytes: number | undefined;
  if (setup.measureMemory) {
    gc?.();
    const memory = process.memoryUsage();
    liveBytes = memory.heapUsed + memory.external;
  }
  return { kind: 'done', id: batch.id, findings, events: batch.ends.length, bytes: start, ...(liveBytes !== undefined ? { liveBytes } : {}) };
}

port.on('message', (message: PackedBatch | EndRequest | TableMessage) => {
  if (message.kind === 'table') {
    scanner = createScanner(setup.scan, tableFromParts(message.table));
    port.postMessage({ kind: 'ready' } satisfies WorkerReply);
    return;
  }
  port.postMessage(message.kind === 'end' ? ({ kind: 'finished', findings: scanner!.finish() } satisfies WorkerReply) : scanBatch(message));
});
if (scanner) port.postMessage({ kind: 'ready' } satisfies WorkerReply);
