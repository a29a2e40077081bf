import { EventType, type eventWithTime } from '@rrweb/types';
import { DATADOG_RESOURCE_TAG } from './readers.ts';

/**
 * A RUM batch split for maskproof: resource events become Custom events (the requests reader reads
 * them; Datadog's player shows them on the replay's timeline), timed by their `date`; every other
 * event (views with URLs, actions named from element text, errors with messages, long tasks, vitals)
 * stays whole in the batch's metadata. Each event is kept once, so the leak scan reads each once.
 */
export function splitRumEvents(events: readonly Record<string, unknown>[]): { resources: eventWithTime[]; others: Record<string, unknown>[] } {
  const resources: eventWithTime[] = [];
  const others: Record<string, unknown>[] = [];
  for (const event of events) {
    if (event.type === 'resource') {
      const timestamp = typeof event.date === 'number' ? event.date : 0;
      resources.push({ type: EventType.Custom, timestamp, data: { tag: DATADOG_RESOURCE_TAG, payload: event } } as eventWithTime);
    } else {
      others.push(event);
    }
  }
  return { resources, others };
}
