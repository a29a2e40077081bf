import type { LocalAnswer, ObserveDescriptor, ObservedDecoded, ObservedIngestRequest } from '../descriptor.ts';
import { ingestMatcher } from '../../observe/ingest-matcher.ts';
import { PayloadDecodeError } from '../decode-error.ts';
import { newrelicBatches, withoutMarkers } from './newrelic-adapter.ts';
import { newrelicEndpoint } from './payload.ts';
import { rumAnswer } from './rum-answer.ts';

/** New Relic's beacon hosts: `bam.nr-data.net`, `bam.eu01.nr-data.net`, `bam-cell.nr-data.net`, `gov-bam.nr-data.net`. */
export function isNewrelicBeaconHost(hostname: string): boolean {
  return /(^|\.)nr-data\.net$/i.test(hostname);
}

/**
 * One harvest the app's own agent sent (to New Relic's beacon, or to its `init.proxy.beacon`): the
 * SessionReplay blob as rrweb events, every other harvest (RUM call, errors, AJAX and timing events,
 * user actions, session trace) whole as metadata. The RUM call is answered as New Relic's server
 * answers an app with session replay on (./rum-answer.ts): without it the agent records nothing.
 */
export function decodeObservedNewrelic(request: Pick<ObservedIngestRequest, 'url' | 'body'>): ObservedDecoded {
  const url = new URL(request.url);
  if (!newrelicEndpoint(url)) throw new PayloadDecodeError(`not a New Relic beacon endpoint: ${url.pathname}`);
  const { events, metadata, rum } = newrelicBatches(request.url, request.body);
  return { batches: [{ events: withoutMarkers(events), metadata }], reply: rum ? JSON.stringify(rumAnswer({})) : '' };
}

/** A beacon request that is not a harvest (a stray GET): answered empty, never decoded. */
function newrelicLocalAnswer(request: ObservedIngestRequest): LocalAnswer | undefined {
  if (request.method === 'POST') return undefined;
  return { status: 204, contentType: 'text/plain', body: '' };
}

/**
 * New Relic session replay observed. The agent harvests on its 30 s timer (init.harvest.interval), as
 * soon as the replay holds a full snapshot, and on the page going hidden (visibilitychange, its
 * end-of-life signal, src/common/unload/eol.js) through sendBeacon: the default visibility lifecycle
 * makes it send, then the harness waits for the beacon to arrive (at most 3 s).
 */
export const newrelicObserve: ObserveDescriptor = {
  matcher: (config) => {
    const beacon = (url: URL) => isNewrelicBeaconHost(url.hostname) && newrelicEndpoint(url) !== undefined;
    return config.ingest?.url ? [beacon, ingestMatcher(config.ingest.url)] : beacon;
  },
  decode: (request) => decodeObservedNewrelic(request),
  localAnswer: (request) => newrelicLocalAnswer(request),
  asyncFlushLimitMs: 3_000,
};
