import type { DatadogRecorderConfig } from './config.ts';
import type { VendorDescriptor } from '../descriptor.ts';
import { ingestMatcher } from '../../observe/ingest-matcher.ts';
import { DATADOG_NO_ROUTE_BLOCKING, datadogCapabilities, datadogSurfaces } from './capabilities.ts';
import { datadogConfigSchema, parseDatadogConfig } from './config.ts';
import { DatadogAdapter } from './datadog-adapter.ts';
import { createDatadogObserveDecoder, isDatadogIntake } from './observe.ts';
import { datadogSelectors, datadogSettings } from './privacy.ts';
import { datadogReaders } from './readers.ts';

const observeDecode = createDatadogObserveDecoder();

/**
 * The SDK ignores untrusted events (@datadog/js-core addEventListener) unless they carry its own
 * `__ddIsTrusted` marker, so the harness's synthetic visibilitychange (the flush lifecycle) would go
 * unheard: this marks a script-dispatched visibilitychange on the document, nothing else. It runs
 * before the app's scripts and touches no SDK.
 */
export const DATADOG_OBSERVE_INIT_SCRIPT = `(function () {
  var dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event) {
    if (this === document && event && event.type === 'visibilitychange' && !event.isTrusted) {
      try { event.__ddIsTrusted = true; } catch (error) { /* a frozen event: left as it is */ }
    }
    return dispatch.call(this, event);
  };
})();`;

/**
 * Datadog RUM with Session Replay (@datadog/browser-rum). Inject mode: ./datadog-adapter.ts. Observe
 * mode: the app's own SDK posts to `browser-intake-<site>/api/v2/{replay,rum,logs}` or to its `proxy`
 * (`ingest.url`, the intake path in `?ddforward=`); each is answered 202 locally and decoded (./observe.ts).
 */
export const datadogVendor: VendorDescriptor<DatadogRecorderConfig> = {
  kind: 'datadog',
  label: 'Datadog Session Replay',
  name: 'Datadog',
  configSchema: datadogConfigSchema,
  parseConfig: parseDatadogConfig,
  observe: {
    matcher: (config) => (config.ingest?.url ? [isDatadogIntake, ingestMatcher(config.ingest.url)] : isDatadogIntake),
    decode: (request) => observeDecode(request),
    // The segment is posted once the SDK's deflate worker has compressed it, after visibilitychange to hidden.
    asyncFlushLimitMs: 3_000,
    initScript: DATADOG_OBSERVE_INIT_SCRIPT,
  },
  inject: (config) => new DatadogAdapter(config),
  capabilities: datadogCapabilities,
  surfaces: datadogSurfaces,
  noRouteBlocking: () => DATADOG_NO_ROUTE_BLOCKING,
  collectionWindow: 'app-code',
  readers: datadogReaders,
  privacySelectors: datadogSelectors,
  privacySettings: datadogSettings,
  sdkPackages: ['@datadog/browser-rum'],
};
