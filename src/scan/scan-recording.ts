/**
 * Scans a recording file for leaks, streaming: memory stays bounded by a few read chunks and the
 * largest event, whatever the file's size.
 *
 * On a large file a helper thread shares the work. The main thread reads and splits the file, and
 * scans the events whose findings depend on earlier events (inputs and mutations, which the scanner
 * follows across events), in order. Every other event (snapshots, mouse moves, network payloads,
 * most of a recording's bytes) is stateless, so whichever thread is free scans it: the helper when
 * it has room, else the main thread. Findings are then put back in event order, so the report is the
 * same as a scan on one thread, finding for finding; the tests check exactly that.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createScanner, scanTable } from '../detect/index.ts';
import type { AllowList, Canary, Finding, ScanOptions } from '../detect/types.ts';
import { RecordingFormatError } from '../errors.ts';
import { readEventBatches } from '../recording/read-recording.ts';
import { LARGE_EVENT } from '../detect/long-strings.ts';
import { parseForScan } from './parse-for-scan.ts';
import { isStatelessEvent, sniffStateless } from './event-kind.ts';
import { type BatchEvents, type BatchOutcome, ScanHelper } from './scan-helper.ts';

export interface ScanReport {
  findings: Finding[];
  eventsScanned: number;
  bytesScanned: number;
}

/** Progress so far; findings are not in event order until the scan ends. */
export interface ScanProgress extends ScanReport {
  /** The helper thread's live heap at its last reply, when `measureMemory` is set. */
  helperLiveBytes?: number;
}

/** How the work was shared, for tests and the benchmark. */
export interface ScanStats {
  helperStarted: boolean;
  helperEvents: number;
  helperBatches: number;
  /** An event was wrongly taken for stateless: the scan was redone on one thread. */
  rescanned: boolean;
}

export interface ScanRecordingOptions {
  canaries: Canary[];
  allow?: AllowList;
  patterns: boolean;
  /** Called every `progressEvery` bytes of event text (default ~100 MB) with the running totals. */
  onProgress?: (progress: ScanProgress) => void;
  progressEvery?: number;
  /**
   * Share the work with a helper thread: 'auto' (the default) does for files of 16 MB or more on a
   * machine with more than one core; true always does (and waits for the helper to start); false never.
   */
  threads?: 'auto' | boolean;
  /** Read chunk size in bytes (small values exercise batch boundaries in tests). */
  highWaterMark?: number;
  /** Filled in with how the work was shared. */
  stats?: ScanStats;
  /** Report the helper's live heap with progress (GC first when exposed): for the benchmark. */
  measureMemory?: boolean;
  /**
   * What the helper takes: 'balanced' (the default) gives it whole batches whenever it is about to
   * run out of work; 'needed' only the events that need its state (tests use it to know which thread
   * scans which event).
   */
  share?: 'balanced' | 'needed';
}

/** Progress is worth printing every ~100 MB. */
const PROGRESS_EVERY = 100 * 1024 * 1024;
/** Below this a helper thread costs more to start than it saves. */
const THREADS_MIN_FILE = 16 * 1024 * 1024;

/** The size of the recording's JSON text: a gzip file's own, or the size its footer declares if larger. */
function textSize(path: string): number {
  try {
    const size = statSync(path).size;
    if (size < 18) return size;
    const handle = openSync(path, 'r');
    try {
      const head = Buffer.alloc(2);
      readSync(handle, head, 0, 2, 0);
      if (head[0] !== 0x1f || head[1] !== 0x8b) return size;
      // ISIZE: the last member's uncompressed size modulo 2^32; a hint, enough to decide on a thread.
      const tail = Buffer.alloc(4);
      readSync(handle, tail, 0, 4, size - 4);
      return Math.max(size, tail.readUInt32LE(0));
    } finally {
      closeSync(handle);
    }
  } catch {
    return 0; // the reader reports a missing or unreadable file
  }
}

function wantsThreads(path: string, threads: ScanRecordingOptions['threads']): boolean {
  if (threads !== undefined && threads !== 'auto') return threads;
  return availableParallelism() >= 2 && textSize(path) >= THREADS_MIN_FILE;
}

/** Calls onProgress each time the bytes done pass another `every`. */
function progressTracker(options: ScanRecordingOptions): (report: () => ScanProgress, bytesDone: number) => void {
  const every = options.progressEvery ?? PROGRESS_EVERY;
  let next = every;
  return (report, bytesDone) => {
    if (!options.onProgress || bytesDone < next) return;
    next = (Math.floor(bytesDone / every) + 1) * every;
    options.onProgress(report());
  };
}

/** What the scanner (on either thread) is built from. */
function scanOptions(options: ScanRecordingOptions): ScanOptions {
  return { canaries: options.canaries, patterns: options.patterns, ...(options.allow ? { allow: options.allow } : {}) };
}

/** Scans a recording file, validating each event as it streams by; all findings are collected before anything is printed. */
export async function scanRecording(path: string, options: ScanRecordingOptions): Promise<ScanReport> {
  if (options.stats) Object.assign(options.stats, { helperStarted: false, helperEvents: 0, helperBatches: 0, rescanned: false } satisfies ScanStats);
  if (!wantsThreads(path, options.threads)) return scanOnOneThread(path, options);
  const report = await scanWithHelper(path, options);
  if (report !== 'rescan') return report;
  if (options.stats) options.stats.rescanned = true;
  return scanOnOneThread(path, options);
}

async function scanOnOneThread(path: string, options: ScanRecordingOptions): Promise<ScanReport> {
  const scanner = createScanner(scanOptions(options));
  const findings: Finding[] = [];
  let bytesScanned = 0;
  const progress = progressTracker(options);
  for await (const { firstIndex, elements, lines, members } of readEventBatches(path, options.highWaterMark ? { highWaterMark: options.highWaterMark } : {})) {
    for (let i = 0; i < elements.length; i++) {
      const json = elements[i]!;
      const index = firstIndex + i;
      bytesScanned += json.length;
      const { event, copies } = parseForScan(json, path, index, lines?.[i]);
      for (const finding of scanner.scanEvent(event, index, copies, members?.[i])) findings.push(finding);
      progress(() => ({ findings, eventsScanned: scanner.eventsScanned, bytesScanned }), bytesScanned);
    }
  }
  for (const finding of scanner.finish()) findings.push(finding);
  return { findings, eventsScanned: scanner.eventsScanned, bytesScanned };
}

/** A failure and the event it concerns: the scan reports the earliest, as a scan on one thread would. */
interface Failure {
  index: number;
  error: unknown;
}

/** Batches outstanding at the helper before the reader waits: bounds memory while the helper starts or lags. */
const MAX_BACKLOG = 16;

function failureFromHelper(outcome: Extract<BatchOutcome, { kind: 'failed' }>): Failure {
  const { name, message, hint } = outcome.error;
  return { index: outcome.index, error: name === 'RecordingFormatError' && hint !== undefined ? new RecordingFormatError(message, hint) : new Error(message) };
}

/**
 * The helper scans, in order, every event that depends on earlier ones, and the stateless events of
 * a batch when it is about to run out of work; this thread reads, splits and scans the other
 * stateless events. Returns 'rescan' when the helper died or an event was taken for stateless wrongly.
 */
async function scanWithHelper(path: string, options: ScanRecordingOptions): Promise<ScanReport | 'rescan'> {
  const helper = new ScanHelper({ path, scan: scanOptions(options), measureMemory: options.measureMemory === true, tableFollows: true });
  try {
    // Built here while the helper starts, and sent to it: the table is built once, not on both threads.
    const table = scanTable(scanOptions(options));
    helper.shareTable(table);
    if (options.threads === true && !(await helper.started)) return 'rescan';
    const scanner = createScanner(scanOptions(options), table);
    const findings: Finding[] = [];
    const failures: Failure[] = [];
    const inFlight: Promise<void>[] = [];
    let helperEvents = 0;
    let helperBatches = 0;
    let bytesScanned = 0;
    let helperLiveBytes: number | undefined;
    let rescan = false;
    const progress = progressTracker(options);
    const report = (): ScanProgress => ({ findings, eventsScanned: scanner.eventsScanned + helperEvents, bytesScanned, ...(helperLiveBytes !== undefined ? { helperLiveBytes } : {}) });
    const settle = (outcome: BatchOutcome) => {
      if (outcome.kind === 'lost') rescan = true;
      else if (outcome.kind === 'failed') failures.push(failureFromHelper(outcome));
      else {
        for (const finding of outcome.findings) findings.push(finding);
        helperEvents += outcome.events;
        bytesScanned += outcome.bytes;
        if (outcome.liveBytes !== undefined) helperLiveBytes = outcome.liveBytes;
        helperBatches++;
      }
    };

    try {
      for await (const { firstIndex, elements, lines, members } of readEventBatches(path, options.highWaterMark ? { highWaterMark: options.highWaterMark } : {})) {
        if (failures.length || rescan) break;
        // A helper about to run out of work takes the whole batch; otherwise only what needs its state.
        const whole = options.share !== 'needed' && helper.hungry;
        const handed: BatchEvents = { elements: [], indexes: [], lines: lines ? [] : undefined, members: members ? [] : undefined };
        const own: number[] = [];
        for (let i = 0; i < elements.length; i++) {
          // A large event stays here if it can: handing it over would copy it whole.
          if ((!whole || elements[i]!.length >= LARGE_EVENT) && sniffStateless(elements[i]!)) {
            own.push(i);
          } else {
            handed.elements.push(elements[i]!);
            handed.indexes.push(firstIndex + i);
            handed.lines?.push(lines![i]!);
            handed.members?.push(members![i]!);
          }
        }
        if (handed.elements.length) inFlight.push(helper.scan(handed).then(settle));
        for (const i of own) {
          const index = firstIndex + i;
          let event: unknown;
          let copies: Buffer | unknown[];
          try {
            ({ event, copies } = parseForScan(elements[i]!, path, index, lines?.[i]));
          } catch (error) {
            failures.push({ index, error });
            break;
          }
          // A repeated "type" key can make the sniff wrong; this thread holds no state for such an event.
          if (!isStatelessEvent(event)) {
            rescan = true;
            break;
          }
          for (const finding of scanner.scanEvent(event, index, copies, members?.[i])) findings.push(finding);
          bytesScanned += elements[i]!.length;
        }
        progress(report, bytesScanned);
        if (helper.backlog >= MAX_BACKLOG) await helper.whenBacklogBelow(MAX_BACKLOG);
      }
    } catch (error) {
      // The reader failed (a truncated file, bad gzip): after every event it had split.
      failures.push({ index: Number.POSITIVE_INFINITY, error });
    }
    await Promise.all(inFlight);
    // Redone on one thread, a scan also meets the first bad event, even one the helper took with it.
    if (rescan) return 'rescan';
    if (failures.length) throw failures.reduce((a, b) => (b.index < a.index ? b : a)).error;
    const spanning = await helper.finish();
    if (spanning === 'lost') return 'rescan';
    if (options.stats) Object.assign(options.stats, { helperStarted: true, helperEvents, helperBatches });
    progress(report, bytesScanned);
    // Each event was scanned on one thread, its findings together: a stable sort restores the one-thread order.
    findings.sort((a, b) => a.eventIndex - b.eventIndex);
    for (const finding of spanning) findings.push(finding);
    for (const finding of scanner.finish()) findings.push(finding);
    return { findings, eventsScanned: scanner.eventsScanned + helperEvents, bytesScanned };
  } finally {
    await helper.close();
  }
}
