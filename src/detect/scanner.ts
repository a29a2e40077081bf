import { compileAllowList } from './allow-list.ts';
import { type PatternTable, buildPatternTable } from './canary-patterns.ts';
import { FindingCollector } from './findings.ts';
import { StringScanner } from './string-scanner.ts';
import { StreamRegistry } from './text-stream.ts';
import type { Finding, ScanOptions, Scanner } from './types.ts';
import { EventWalker } from './walk.ts';
import { countMembers, shadowedVariants } from '../recording/duplicate-keys.ts';
import { forgetLongStrings } from './long-strings.ts';

/** The same finding twice (an event's value, and the same value again in a variant of it). */
const findingKey = (f: Finding) => `${f.detector}|${f.kind}|${f.path}|${f.encoding}|${f.sha256}|${f.label ?? ''}`;

/** Text kept per stream beyond the longest canary: room for separators inside a split value. */
const WINDOW_SLACK = 32;

/**
 * The canaries' pattern table a scanner with these options searches with: a parallel scan builds it
 * once and hands it to its helper thread (createScanner's `prebuilt`), rather than build it on both.
 */
export function scanTable(options: ScanOptions): PatternTable {
  const allowed = compileAllowList(options.allow);
  // An allow-listed canary can never produce a finding: it is not searched at all.
  return buildPatternTable((options.canaries ?? []).filter((canary) => !allowed(canary.value)));
}

/**
 * A streaming scanner. Each event is walked once; findings that need several events (a value typed
 * into a field or appended to an element piece by piece, event after event) come from finish().
 * Memory: the automaton, plus a bounded window of text per tracked node, for a bounded number of nodes.
 */
export function createScanner(options: ScanOptions, prebuilt?: PatternTable): Scanner {
  const allowed = compileAllowList(options.allow);
  const table = prebuilt ?? scanTable(options);
  const window = 2 * table.longestCanary + WINDOW_SLACK;
  const collector = new FindingCollector();
  const streams = table.canaries.length > 0 ? new StreamRegistry(window) : undefined;
  const strings = new StringScanner(table, { patterns: options.patterns !== false, maskedLastChars: options.maskedLastChars ?? 0, allowed }, collector, streams);
  const walker = new EventWalker(strings, streams, window);
  strings.walker = walker;
  let eventsScanned = 0;

  return {
    scanEvent(event: unknown, eventIndex: number, json?: Uint8Array | unknown[], members?: number): Finding[] {
      eventsScanned++;
      const e = event as { type?: unknown; data?: { source?: unknown } } | null;
      const eventType = typeof e?.type === 'number' ? e.type : -1;
      const source = e?.data?.source;
      strings.ctx = { eventIndex, eventType, eventSource: eventType === 3 && typeof source === 'number' ? source : undefined };
      walker.walk(event, eventIndex);
      strings.endEvent();
      const found = collector.take();
      // JSON.parse kept only the last of a repeated key: scan what the text holds, every copy.
      if (json === undefined || (!Array.isArray(json) && (members ?? countMembers(json)) === walker.keys)) {
        forgetLongStrings();
        return found;
      }
      const seen = new Set(found.map(findingKey));
      const copies = Array.isArray(json) ? json : shadowedVariants(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8'));
      for (const copy of copies) {
        walker.walk(copy, eventIndex);
        strings.endEvent();
        for (const finding of collector.take()) {
          const key = findingKey(finding);
          if (seen.has(key)) continue;
          seen.add(key);
          found.push(finding);
        }
      }
      forgetLongStrings();
      return found;
    },
    finish(): Finding[] {
      // The run of segmented fields typed into last is settled now.
      strings.finishRuns();
      return [...collector.take(), ...strings.crossEvent.splice(0)];
    },
    get eventsScanned() {
      return eventsScanned;
    },
  };
}

/** Scans a whole recording held in memory: every event's findings, then those spanning events. */
export function scanEvents(events: readonly unknown[], options: ScanOptions): Finding[] {
  const scanner = createScanner(options);
  const findings: Finding[] = [];
  for (let i = 0; i < events.length; i++) for (const finding of scanner.scanEvent(events[i], i)) findings.push(finding);
  for (const finding of scanner.finish()) findings.push(finding);
  return findings;
}
