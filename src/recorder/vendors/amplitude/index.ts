import type { VendorDescriptor } from '../descriptor.ts';
import { ingestMatcher } from '../../observe/ingest-matcher.ts';
import { AMPLITUDE_REMOTE_CONFIG_REPLY, type ObserveDescriptorWithGetReply, decodeObservedAmplitude, isAmplitudeConfigUrl, isAmplitudeTrackUrl } from './observe.ts';

const observe: ObserveDescriptorWithGetReply = {
  matcher: (config) => {
    const sdk = (url: URL) => isAmplitudeTrackUrl(url) || isAmplitudeConfigUrl(url);
    return config.ingest?.url ? [sdk, ingestMatcher(config.ingest.url)] : sdk;
  },
  decode: (request) => decodeObservedAmplitude(request),
  getReply: (url) => (isAmplitudeConfigUrl(url) ? AMPLITUDE_REMOTE_CONFIG_REPLY : undefined),
  // The SDK sends on window blur, on pagehide and on its 1-10 s flush interval, not on visibilitychange:
  // after the lifecycle signal the next track request can be up to 10 s away (a bound, not a pause).
  asyncFlushLimitMs: 11_000,
};

/**
 * Amplitude Session Replay (@amplitude/session-replay-browser, standalone or under the analytics
 * plugin). Observe mode: the app's own SDK posts gzip JSON to `/sessions/v2/track` (Amplitude's hosts,
 * a proxy keeping the path, or `ingest.url` for a `trackServerUrl` that renames it), answered locally and
 * decoded (./observe.ts); its remote config fetch is matched so it never reaches Amplitude. Inject
 * mode is not built yet.
 */
// Observe half only (#14): not a full descriptor, so not in the registry until its inject mode and fixture app land.
export const amplitudeVendor: Pick<VendorDescriptor, 'kind' | 'label' | 'observe'> = {
  kind: 'amplitude',
  label: 'Amplitude Session Replay',
  observe,
};
