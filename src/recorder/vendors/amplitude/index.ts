import type { VendorDescriptor } from '../descriptor.ts';
import { ingestMatcher } from '../../observe/ingest-matcher.ts';
import { AmplitudeAdapter } from './amplitude-adapter.ts';
import { amplitudeCapabilities, amplitudeSurfaces } from './capabilities.ts';
import { type AmplitudeRecorderConfig, amplitudeConfigSchema, parseAmplitudeConfig } from './config.ts';
import { AMPLITUDE_REMOTE_CONFIG_REPLY, type ObserveDescriptorWithGetReply, decodeObservedAmplitude, isAmplitudeConfigUrl, isAmplitudeTrackUrl } from './observe.ts';
import { amplitudeSelectors, amplitudeSettings } from './privacy.ts';
import { amplitudeReaders } from './readers.ts';

const observe: ObserveDescriptorWithGetReply = {
  matcher: (config) => {
    const sdk = (url: URL) => isAmplitudeTrackUrl(url) || isAmplitudeConfigUrl(url);
    return config.ingest?.url ? [sdk, ingestMatcher(config.ingest.url)] : sdk;
  },
  decode: (request) => decodeObservedAmplitude(request),
  getReply: (url) => (isAmplitudeConfigUrl(url) ? AMPLITUDE_REMOTE_CONFIG_REPLY : undefined),
  // The remote config GET, answered "nothing set for this project" (the observe adapter's own answer to a
  // matched GET, {}, would turn capture off): the app's own privacyConfig then decides what is recorded.
  localAnswer: (request) => (isAmplitudeConfigUrl(new URL(request.url)) ? { contentType: 'application/json', body: AMPLITUDE_REMOTE_CONFIG_REPLY } : undefined),
  // The SDK sends on window blur and on pagehide, never on visibilitychange (its 1-10 s interval only
  // splits a sequence when a new event arrives): the lifecycle signal blurs the window, as a tab switch
  // does. blurListener -> sendEvents queues the sequence with timeout 0, so the request follows at once
  // (measured live on Saltmarsh Florist: 60-130 ms after the last event). The bound is for a page with
  // nothing new to send, which sends nothing (not a pause): 3 s, as for Sentry and Datadog.
  flushLifecycle: 'blur',
  asyncFlushLimitMs: 3_000,
};

/**
 * Amplitude Session Replay (@amplitude/session-replay-browser, standalone or under the analytics
 * plugin). Inject mode: ./amplitude-adapter.ts, its remote config answered from the recorder
 * config's "remoteConfig". Observe mode: the app's own SDK posts gzip JSON to `/sessions/v2/track`
 * (Amplitude's hosts, a proxy keeping the path, or `ingest.url` for a `trackServerUrl` that renames
 * it), answered locally and decoded (./observe.ts); its remote config fetch is matched so it never
 * reaches Amplitude: it is answered "nothing set remotely" (localAnswer). The SDK sends on window blur:
 * the observe lifecycle blurs the window for it (flushLifecycle "blur", proven live by the Saltmarsh
 * Florist fixture, fixtures/observe/amplitude).
 */
export const amplitudeVendor: VendorDescriptor<AmplitudeRecorderConfig> = {
  kind: 'amplitude',
  label: 'Amplitude Session Replay',
  name: 'Amplitude',
  configSchema: amplitudeConfigSchema,
  parseConfig: parseAmplitudeConfig,
  observe,
  inject: (config) => new AmplitudeAdapter(config),
  capabilities: amplitudeCapabilities,
  surfaces: amplitudeSurfaces,
  noRouteBlocking: () =>
    'Amplitude Session Replay has no option to leave routes unrecorded (privacyConfig.urlMaskLevels only raises the mask level per URL; an app has to call stop() on those routes in its own code)',
  collectionWindow: 'app-code',
  readers: amplitudeReaders,
  privacySelectors: amplitudeSelectors,
  privacySettings: amplitudeSettings,
  sdkPackages: ['@amplitude/session-replay-browser'],
};
