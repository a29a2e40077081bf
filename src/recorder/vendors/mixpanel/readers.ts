import { EventType, type eventWithTime } from '@rrweb/types';
import type { RecordedError, RecordedRequest } from '../../../contract/recording.ts';
import type { RecordedReaders } from '../descriptor.ts';

const API_INITIATORS = new Set(['fetch', 'xmlhttprequest']);

/**
 * Mixpanel: requests are its network plugin's "rrweb/network@1.mp" payload.requests[] ({url, method,
 * initiatorType, ...}: src/recorder/rrweb-network-plugin.js); errors are the console plugin's
 * "rrweb/console@1" at level error.
 */
export const mixpanelReaders: RecordedReaders = {
  requests(events: readonly eventWithTime[]): RecordedRequest[] {
    const found: RecordedRequest[] = [];
    events.forEach((event, eventIndex) => {
      if (event.type !== EventType.Plugin || event.data.plugin !== 'rrweb/network@1.mp') return;
      const requests = (event.data.payload as { requests?: unknown } | undefined)?.requests;
      for (const request of Array.isArray(requests) ? (requests as Record<string, unknown>[]) : []) {
        const url = typeof request.url === 'string' ? request.url : typeof request.name === 'string' ? request.name : undefined;
        if (!url || !API_INITIATORS.has(String(request.initiatorType))) continue;
        const method = typeof request.method === 'string' ? request.method.toUpperCase() : undefined;
        const status = typeof request.status === 'number' ? { status: request.status } : {};
        found.push({ method, url, ...status, shape: 'mixpanel rrweb/network@1.mp', eventIndex });
      }
    });
    return found;
  },
  errors({ events }): RecordedError[] {
    const found: RecordedError[] = [];
    events.forEach((event, eventIndex) => {
      if (event.type === EventType.Plugin && event.data.plugin === 'rrweb/console@1' && (event.data.payload as { level?: unknown } | undefined)?.level === 'error') {
        found.push({ shape: 'mixpanel rrweb/console@1', eventIndex });
      }
    });
    return found;
  },
};
