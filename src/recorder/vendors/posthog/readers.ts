import { EventType, type eventWithTime } from '@rrweb/types';
import type { RecordedError, RecordedRequest } from '../../../contract/recording.ts';
import type { RecordedReaders } from '../descriptor.ts';

const API_INITIATORS = new Set(['fetch', 'xmlhttprequest']);

/**
 * PostHog: requests are the network plugin's "rrweb/network@1" payload.requests[] (name = URL, method
 * when payloads are captured, initiatorType); errors are the console plugin's "rrweb/console@1" at
 * level error, which also records uncaught errors.
 */
export const posthogReaders: RecordedReaders = {
  requests(events: readonly eventWithTime[]): RecordedRequest[] {
    const found: RecordedRequest[] = [];
    events.forEach((event, eventIndex) => {
      if (event.type !== EventType.Plugin || event.data.plugin !== 'rrweb/network@1') return;
      const requests = (event.data.payload as { requests?: unknown } | undefined)?.requests;
      for (const request of Array.isArray(requests) ? (requests as Record<string, unknown>[]) : []) {
        if (typeof request.name !== 'string') continue;
        if (!API_INITIATORS.has(String(request.initiatorType)) && request.method === undefined) continue;
        const method = typeof request.method === 'string' ? request.method.toUpperCase() : undefined;
        found.push({ method, url: request.name, shape: 'posthog rrweb/network@1', eventIndex });
      }
    });
    return found;
  },
  errors({ events }): RecordedError[] {
    const found: RecordedError[] = [];
    events.forEach((event, eventIndex) => {
      if (event.type === EventType.Plugin && event.data.plugin === 'rrweb/console@1' && (event.data.payload as { level?: unknown } | undefined)?.level === 'error') {
        found.push({ shape: 'posthog rrweb/console@1', eventIndex });
      }
    });
    return found;
  },
};
