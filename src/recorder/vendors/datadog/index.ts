import type { DatadogRecorderConfig } from './config.ts';
import type { VendorDescriptor } from '../descriptor.ts';
import { ingestMatcher } from '../../observe/observe-config.ts';
import { DATADOG_NO_ROUTE_BLOCKING, datadogCapabilities } from './capabilities.ts';
import { datadogConfigSchema, parseDatadogConfig } from './config.ts';
import { DatadogAdapter } from './datadog-adapter.ts';
import { createDatadogObserveDecoder, isDatadogIntake } from './observe.ts';
import { datadogSelectors, datadogSettings } from './privacy.ts';
import { datadogReaders } from './readers.ts';

const observeDecode = createDatadogObserveDecoder();

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
  },
  inject: (config) => new DatadogAdapter(config),
  capabilities: datadogCapabilities,
  noRouteBlocking: () => DATADOG_NO_ROUTE_BLOCKING,
  collectionWindow: 'app-code',
  readers: datadogReaders,
  privacySelectors: datadogSelectors,
  privacySettings: datadogSettings,
  sdkPackages: ['@datadog/browser-rum'],
};
