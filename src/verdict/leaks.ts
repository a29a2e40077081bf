import { EventType, type eventWithTime } from '@rrweb/types';
import { type CapturedRecording, isVendorMetadata } from '../contract/recording.ts';
import { scanEvents } from '../detect/index.ts';
import type { Canary, Finding } from '../detect/types.ts';
import { eventTypeName } from '../recording/event-names.ts';

/** Planted values found anywhere in the recording, in any encoding the engine knows. */
export function plantedValuesFound(events: readonly eventWithTime[], canaries: readonly Canary[]): Finding[] {
  if (canaries.length === 0) return [];
  return scanEvents([...events], { canaries: [...canaries], patterns: false });
}

/**
 * One reason line per distinct value (grouped by `keyOf`), worded by `line` with where it was found
 * first ("<event type> #i at <path>") and how many more places hold it.
 */
export function reasonsPerValue(findings: readonly Finding[], events: readonly eventWithTime[], keyOf: (f: Finding) => string, line: (first: Finding, where: string, more: string) => string): string[] {
  const byValue = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = keyOf(finding);
    if (!byValue.has(key)) byValue.set(key, []);
    byValue.get(key)!.push(finding);
  }
  return [...byValue.values()].map((group) => {
    const first = group[0]!;
    const event = events[first.eventIndex];
    const where = `${event ? eventTypeName(event.type, event.data) : 'event'} #${first.eventIndex} at ${first.path}`;
    const more = group.length > 1 ? ` (+${group.length - 1} more places)` : '';
    return line(first, where, more);
  });
}

/** One reason line per planted value: where it was found first, how often, redacted. */
export function leakReasons(findings: readonly Finding[], events: readonly eventWithTime[]): string[] {
  return reasonsPerValue(findings, events, (f) => `${f.label ?? f.kind}|${f.sha256}`, (first, where, more) => {
    const encoding = first.encoding === 'plain' ? '' : `, ${first.encoding}-encoded`;
    return `planted ${first.label ?? first.kind} found in ${where}${encoding}: ${first.redacted}${more}`;
  });
}

/**
 * Everything a recording scan must cover: the rrweb events, then what the recorder sent beside them
 * (a vendor's replay_event, error events, analytics events: ingest metadata), each as a custom event
 * tagged "<vendor>/<kind>" so that findings and reasons point at it. Real events keep their indexes.
 */
export function scannableEvents(recording: CapturedRecording): eventWithTime[] {
  const events = recording.events.map((captured) => captured.event);
  for (const ingest of recording.ingests) {
    if (ingest.metadata === undefined) continue;
    const tag = isVendorMetadata(ingest.metadata) ? `${ingest.metadata.vendor}/${ingest.metadata.kind}` : 'ingest-metadata';
    events.push({ type: EventType.Custom, timestamp: ingest.receivedAt, data: { tag, payload: ingest.metadata } });
  }
  return events;
}
