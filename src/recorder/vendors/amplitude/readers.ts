import { EventType, type eventWithTime } from '@rrweb/types';
import type { RecordedError, RecordedRequest } from '../../../contract/recording.ts';
import type { RecordedReaders } from '../descriptor.ts';

/**
 * Amplitude: requests are its network observer's "fetch-request" custom events ({url, method,
 * status, ...}: lib/esm/observers.js, added by session-replay.js addCustomRRWebEvent), only when the
 * remote sr_logging_config turns network on; errors are the console plugin's "rrweb/console@1" at
 * level error (@amplitude/rrweb-plugin-console-record), only when it turns console on.
 */
export const amplitudeReaders: RecordedReaders = {
  requests(events: readonly eventWithTime[]): RecordedRequest[] {
    const found: RecordedRequest[] = [];
    events.forEach((event, eventIndex) => {
      if (event.type !== EventType.Custom || event.data.tag !== 'fetch-request') return;
      const payload = event.data.payload as Record<string, unknown> | undefined;
      if (typeof payload?.url !== 'string') return;
      const status = typeof payload.status === 'number' ? { status: payload.status } : {};
      found.push({ method: typeof payload.method === 'string' ? payload.method.toUpperCase() : undefined, url: payload.url, ...status, shape: 'amplitude fetch-request', eventIndex });
    });
    return found;
  },
  errors({ events }): RecordedError[] {
    const found: RecordedError[] = [];
    events.forEach((event, eventIndex) => {
      if (event.type === EventType.Plugin && event.data.plugin === 'rrweb/console@1' && (event.data.payload as { level?: unknown } | undefined)?.level === 'error') {
        found.push({ shape: 'amplitude rrweb/console@1', eventIndex });
      }
    });
    return found;
  },
};
