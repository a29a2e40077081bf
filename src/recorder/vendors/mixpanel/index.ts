import type { VendorDescriptor } from '../descriptor.ts';
import { ingestMatcher } from '../../observe/ingest-matcher.ts';
import { decodeObservedMixpanel, isMixpanelRecordUrl, isMixpanelSettingsUrl } from './observe.ts';

/**
 * Mixpanel Session Replay (mixpanel-browser; its default build bundles the rrweb-fork recorder).
 * Observe mode: the app's own SDK posts each batch to `{api_host}/record/` (Mixpanel's hosts or a
 * reverse proxy on any host; `ingest.url` for a proxy that renames the route), answered locally and
 * decoded (./observe.ts). Its remote settings call is matched too, so it is answered locally (with
 * `{}`: no remote settings) and never reaches Mixpanel. Inject mode is not built yet.
 */
// Observe half only (#14): not a full descriptor, so not in the registry until its inject mode and fixture app land.
export const mixpanelVendor: Pick<VendorDescriptor, 'kind' | 'label' | 'observe'> = {
  kind: 'mixpanel',
  label: 'Mixpanel Session Replay',
  observe: {
    matcher: (config) => {
      const sdk = (url: URL) => isMixpanelRecordUrl(url) || isMixpanelSettingsUrl(url);
      return config.ingest?.url ? [sdk, ingestMatcher(config.ingest.url)] : sdk;
    },
    decode: (request) => decodeObservedMixpanel(request),
    // The recorder sends only on its 10 s batch interval (no flush on visibilitychange or pagehide:
    // session-recording.js, RECORDER_BATCHER_LIB_CONFIG): after the lifecycle signal the next /record
    // request can be up to 10 s away. A bound, not a pause; see docs/incoming/vendors14.md.
    asyncFlushLimitMs: 11_000,
  },
};
