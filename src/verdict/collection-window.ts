import type { CapturedEvent, CapturedRecording, IngestRequest, RecorderTraits } from '../contract/recording.ts';
import { eventTypeName } from '../recording/event-names.ts';

/**
 * Time windows over a recording, for the consent and collection controls: which events and ingest
 * requests fall before or after a moment the journey noted (Date.now() in the test, the same machine
 * clock the page stamps rrweb events with).
 */

export function eventsBefore(recording: CapturedRecording, at: number): CapturedEvent[] {
  return recording.events.filter((e) => e.event.timestamp < at);
}

export function eventsAfter(recording: CapturedRecording, at: number): CapturedEvent[] {
  return recording.events.filter((e) => e.event.timestamp > at);
}

export function eventsBetween(recording: CapturedRecording, from: number, to: number): CapturedEvent[] {
  return recording.events.filter((e) => e.event.timestamp >= from && e.event.timestamp <= to);
}

/** Ingest requests that carried at least one of `events`: recorder traffic with that data in it. */
export function ingestsCarrying(recording: CapturedRecording, events: readonly CapturedEvent[]): IngestRequest[] {
  const indexes = new Set(events.map((e) => e.ingest));
  return recording.ingests.filter((i) => indexes.has(i.index));
}

/** "12 events (first: FullSnapshot at /controls/welcome)": what was recorded when it must not be. */
export function describeEvents(events: readonly CapturedEvent[]): string {
  const first = events[0];
  if (!first) return 'no events';
  let path = first.pageUrl;
  try {
    path = new URL(first.pageUrl).pathname;
  } catch {
    // Keep the raw value.
  }
  return `${events.length} ${events.length === 1 ? 'event' : 'events'} (first: ${eventTypeName(first.event.type, first.event.data)} on ${path})`;
}

/**
 * Why a collection control cannot be checked through this recorder: where its descriptor says the
 * controls live in the app's own integration code (the harness starts the SDK at page load; when to
 * call init / start and what to pass is the app's code), a recorder config does not express them.
 */
export function collectionControlGap(recorder: Pick<RecorderTraits, 'label' | 'collectionWindow'>, control: string): string | undefined {
  if (recorder.collectionWindow === 'policy') return undefined;
  return `${control} is not checked for ${recorder.label}: the harness starts the SDK at page load, and ${control} lives in your app's integration code around it, which a recorder config cannot express`;
}
