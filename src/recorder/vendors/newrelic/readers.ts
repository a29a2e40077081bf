import { type RecordedError, type RecordedRequest, isVendorMetadata } from '../../../contract/recording.ts';
import type { RecordedReaders } from '../descriptor.ts';

/**
 * New Relic: the replay holds no network events (no rrweb network plugin), so no request is read from
 * it. Errors are the jserrors harvests the agent sent beside the replay (`{"err": [...]}`), one per
 * error it holds.
 */
export const newrelicReaders: RecordedReaders = {
  requests(): RecordedRequest[] {
    return [];
  },
  errors({ ingests }): RecordedError[] {
    const found: RecordedError[] = [];
    for (const { metadata } of ingests) {
      if (!isVendorMetadata(metadata) || metadata.vendor !== 'newrelic' || metadata.kind !== 'jserrors') continue;
      const err = ((metadata.payload as { body?: { err?: unknown } } | null)?.body)?.err;
      for (const _ of Array.isArray(err) ? err : []) found.push({ shape: 'newrelic jserrors' });
    }
    return found;
  },
};
