import { EventType, type eventWithTime } from '@rrweb/types';
import type { RecordedError, RecordedRequest } from '../../../contract/recording.ts';
import type { RecordedReaders } from '../descriptor.ts';

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** maskproof's recorder wrapper: custom "maskproof/network" {method, url, status} and "maskproof/error" events. */
export const rrwebReaders: RecordedReaders = {
  requests(events: readonly eventWithTime[]): RecordedRequest[] {
    const found: RecordedRequest[] = [];
    events.forEach((event, eventIndex) => {
      if (event.type !== EventType.Custom || event.data.tag !== 'maskproof/network') return;
      const payload = event.data.payload as Record<string, unknown> | undefined;
      if (typeof payload?.url !== 'string') return;
      const status = typeof payload.status === 'number' ? { status: payload.status } : {};
      found.push({ method: str(payload.method), url: payload.url, ...status, shape: 'maskproof/network', eventIndex });
    });
    return found;
  },
  errors({ events }): RecordedError[] {
    const found: RecordedError[] = [];
    events.forEach((event, eventIndex) => {
      if (event.type === EventType.Custom && event.data.tag === 'maskproof/error') found.push({ shape: 'maskproof/error', eventIndex });
    });
    return found;
  },
};
