import { EventType, type eventWithTime } from '@rrweb/types';
import { type RecordedError, type RecordedRequest, isVendorMetadata } from '../../../contract/recording.ts';
import type { RecordedReaders } from '../descriptor.ts';

/** The Custom event a RUM resource event travels as (./rum-events.ts), beside the replay records. */
export const DATADOG_RESOURCE_TAG = 'datadog/rum/resource';
const API_TYPES = new Set(['fetch', 'xhr']);

/**
 * Datadog: requests are the RUM resource events of type fetch or xhr (resource.url, resource.method),
 * which Datadog's player shows beside the replay; errors are the RUM error events the SDK sent
 * (ingest metadata of kind "rum" holding events of type "error").
 */
export const datadogReaders: RecordedReaders = {
  requests(events: readonly eventWithTime[]): RecordedRequest[] {
    const found: RecordedRequest[] = [];
    events.forEach((event, eventIndex) => {
      if (event.type !== EventType.Custom || event.data.tag !== DATADOG_RESOURCE_TAG) return;
      const resource = (event.data.payload as { resource?: Record<string, unknown> } | undefined)?.resource;
      if (!resource || typeof resource.url !== 'string' || !API_TYPES.has(String(resource.type))) return;
      const status = typeof resource.status_code === 'number' ? resource.status_code : undefined;
      found.push({ method: typeof resource.method === 'string' ? resource.method : undefined, url: resource.url, status, shape: 'datadog rum resource', eventIndex });
    });
    return found;
  },
  errors({ ingests }): RecordedError[] {
    return ingests.flatMap(({ metadata }) => {
      if (!isVendorMetadata(metadata) || metadata.vendor !== 'datadog' || metadata.kind !== 'rum' || !Array.isArray(metadata.payload)) return [];
      return (metadata.payload as { type?: unknown }[]).filter((event) => event?.type === 'error').map(() => ({ shape: 'datadog rum error' }));
    });
  },
};
