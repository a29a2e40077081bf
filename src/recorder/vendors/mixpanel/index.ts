import type { VendorDescriptor } from '../descriptor.ts';
import { ingestMatcher } from '../../observe/ingest-matcher.ts';
import { type MixpanelRecorderConfig, mixpanelConfigSchema, parseMixpanelConfig } from './config.ts';
import { mixpanelCapabilities, mixpanelSurfaces } from './capabilities.ts';
import { MixpanelAdapter } from './mixpanel-adapter.ts';
import { decodeObservedMixpanel, isMixpanelRecordUrl, isMixpanelSettingsUrl } from './observe.ts';
import { mixpanelSelectors, mixpanelSettings } from './privacy.ts';
import { mixpanelReaders } from './readers.ts';

/**
 * Mixpanel Session Replay (mixpanel-browser; its default build bundles the rrweb-fork recorder).
 * Inject mode: ./mixpanel-adapter.ts. Observe mode: the app's own SDK posts each batch to
 * `{api_host}/record/` (Mixpanel's hosts or a reverse proxy on any host; `ingest.url` for a proxy that
 * renames the route), answered locally and decoded (./observe.ts). Its remote settings call is matched
 * too, so it is answered locally (with `{}`: no remote settings) and never reaches Mixpanel.
 */
export const mixpanelVendor: VendorDescriptor<MixpanelRecorderConfig> = {
  kind: 'mixpanel',
  label: 'Mixpanel Session Replay',
  name: 'Mixpanel',
  configSchema: mixpanelConfigSchema,
  parseConfig: parseMixpanelConfig,
  observe: {
    matcher: (config) => {
      const sdk = (url: URL) => isMixpanelRecordUrl(url) || isMixpanelSettingsUrl(url);
      return config.ingest?.url ? [sdk, ingestMatcher(config.ingest.url)] : sdk;
    },
    decode: (request) => decodeObservedMixpanel(request),
    // The recorder sends only on its 10 s batch interval (no flush on visibilitychange or pagehide:
    // session-recording.js, RECORDER_BATCHER_LIB_CONFIG): after the lifecycle signal the next /record
    // request can be up to 10 s away. A bound, not a pause (inject mode flushes the batcher itself).
    asyncFlushLimitMs: 11_000,
  },
  inject: (config) => new MixpanelAdapter(config),
  capabilities: mixpanelCapabilities,
  surfaces: mixpanelSurfaces,
  noRouteBlocking: () => 'Mixpanel Session Replay has no option to leave routes unrecorded (an app has to call stop_session_recording() on those routes in its own code)',
  collectionWindow: 'app-code',
  readers: mixpanelReaders,
  privacySelectors: mixpanelSelectors,
  privacySettings: mixpanelSettings,
  sdkPackages: ['mixpanel-browser'],
};
